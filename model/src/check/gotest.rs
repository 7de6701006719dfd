//! `gomc test`: the `func TestXxx(t *testing.T)` functions of a package's `_test.go` files,
//! found as `go test` finds them (testing/match.go and cmd/go's test loading: a name that is
//! `Test` or `Test` followed by anything but a lower-case letter, one parameter of type
//! `*testing.T`), each checked as the entry of its package's files with the testing package of
//! `model/src/stdlib/testing.go` (the README's "gomc test").
//!
//! A package is the `.go` files of one folder that share a package clause: the package's own
//! files and its internal `_test.go` files together, an external `x_test` package apart (it
//! cannot import the package under test: gomc models one package). Each test is checked on its
//! own, from fresh package-level variables, rather than after the tests before it in one
//! process as `go test` runs them: a verdict then does not depend on which tests ran first.

use std::path::{Path, PathBuf};

use super::source::read_model_text;
use super::{check_loaded, contain, resolve_file, Config, Loaded};
use crate::frontend::ModelError;
use crate::program::SourceFile;
use crate::report::Report;

/// The files of one package in one folder, and its tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestPackage {
    /// The folder.
    pub dir: PathBuf,
    /// The package clause's name.
    pub name: String,
    /// Every `.go` file of the package in the folder, sorted.
    pub files: Vec<PathBuf>,
    /// The tests: the `_test.go` file declaring each and its name, in file then source order.
    pub tests: Vec<(PathBuf, String)>,
}

/// The test packages under `paths`: a `_test.go` file stands for its folder's package; a
/// folder for every package in it; `DIR/...` also for every folder below DIR, as with `go
/// test ./...`. Packages without tests are left out.
pub fn find_test_packages(paths: &[PathBuf]) -> Result<Vec<TestPackage>, String> {
    let mut dirs: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    for path in paths {
        let text = path.to_string_lossy();
        if let Some(root) = text.strip_suffix("/...").or(text.strip_suffix("...")) {
            let root = if root.is_empty() { "." } else { root };
            walk_dirs(Path::new(root), &mut dirs)?;
        } else if path.is_dir() {
            dirs.push((path.clone(), None));
        } else if text.ends_with("_test.go") && path.is_file() {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            dirs.push((
                dir.unwrap_or(Path::new(".")).to_path_buf(),
                Some(path.clone()),
            ));
        } else {
            return Err(format!(
                "{}: not a _test.go file, a folder, or a folder followed by /...",
                path.display()
            ));
        }
    }
    let mut packages: Vec<TestPackage> = Vec::new();
    for (dir, only) in dirs {
        for mut package in packages_in(&dir)? {
            if let Some(only) = &only {
                if !package.files.contains(only) {
                    continue;
                }
                package.tests.retain(|(file, _)| file == only);
            }
            if !package.tests.is_empty() && !packages.contains(&package) {
                packages.push(package);
            }
        }
    }
    Ok(packages)
}

fn walk_dirs(dir: &Path, out: &mut Vec<(PathBuf, Option<PathBuf>)>) -> Result<(), String> {
    out.push((dir.to_path_buf(), None));
    let mut subdirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|error| format!("{}: {error}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        // As the go command does: testdata, vendor and dot or underscore folders are skipped.
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            !(name.starts_with('.') || name.starts_with('_') || name == "testdata")
        })
        .collect();
    subdirs.sort();
    for subdir in subdirs {
        walk_dirs(&subdir, out)?;
    }
    Ok(())
}

/// The packages of one folder.
fn packages_in(dir: &Path) -> Result<Vec<TestPackage>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|error| format!("{}: {error}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "go"))
        .collect();
    files.sort();
    let mut packages: Vec<TestPackage> = Vec::new();
    for file in files {
        let text =
            read_model_text(&file).map_err(|error| format!("{}: {error}", file.display()))?;
        let Some(name) = package_name(&text) else {
            continue;
        };
        let at = match packages.iter().position(|package| package.name == name) {
            Some(at) => at,
            None => {
                packages.push(TestPackage {
                    dir: dir.to_path_buf(),
                    name: name.to_string(),
                    files: Vec::new(),
                    tests: Vec::new(),
                });
                packages.len() - 1
            }
        };
        let package = &mut packages[at];
        if file.to_string_lossy().ends_with("_test.go") {
            for test in test_names(&text) {
                package.tests.push((file.clone(), test));
            }
        }
        package.files.push(file);
    }
    Ok(packages)
}

/// The name in a file's package clause (after comments and blank lines).
fn package_name(text: &str) -> Option<&str> {
    let mut in_block = false;
    for line in text.lines() {
        let mut line = line.trim();
        if in_block {
            let Some(end) = line.find("*/") else { continue };
            line = line[end + 2..].trim();
            in_block = false;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if line.starts_with("/*") {
            in_block = !line.contains("*/");
            continue;
        }
        let rest = line.strip_prefix("package")?;
        let name = rest
            .trim()
            .split(|c: char| c.is_whitespace() || c == ';')
            .next()?;
        return (!name.is_empty()).then_some(name);
    }
    None
}

/// The tests a `_test.go` file declares: top-level `func TestXxx(t *testing.T)`.
fn test_names(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("func ")?.trim_start();
            let name_end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
            let (name, rest) = rest.split_at(name_end);
            let after = name.strip_prefix("Test")?;
            if after.starts_with(|c: char| c.is_lowercase()) {
                return None;
            }
            let params = rest.trim_start().strip_prefix('(')?;
            let params = &params[..params.find(')')?];
            let mut words = params.split_whitespace();
            let (_, ty) = (words.next()?, words.next()?);
            (ty == "*testing.T" && words.next().is_none()).then(|| name.to_string())
        })
        .collect()
}

/// Checks test `name` of `package` (declared in `file`) as `go test -run '^name$'` runs it, in
/// every interleaving within the bounds of `config`; the report names `file`.
pub fn check_test(
    package: &TestPackage,
    file: &Path,
    name: &str,
    config: &Config,
) -> Result<Report, ModelError> {
    let report_name = file.display().to_string();
    contain(&report_name, || {
        let loaded = load_test(package, file)?;
        let config = config.clone().entry(name.to_string());
        check_loaded(&report_name, &loaded, &config)
    })
}

/// The viewer pages (`check::html_pages`) of the violations `report` found in test `name` of
/// `file`; `config` must be the one [`check_test`] was given.
pub fn test_html_pages(
    package: &TestPackage,
    file: &Path,
    name: &str,
    config: &Config,
    report: &Report,
) -> Result<Vec<super::HtmlPage>, ModelError> {
    let loaded = load_test(package, file)?;
    super::html::loaded_pages(&loaded, &config.clone().entry(name.to_string()), report)
}

/// `file` with the other files of its package.
fn load_test(package: &TestPackage, file: &Path) -> Result<Loaded, ModelError> {
    let (_, mut loaded) = resolve_file(file)?;
    for other in package.files.iter().filter(|other| *other != file) {
        let text = read_model_text(other).map_err(|error| {
            ModelError::without_position(
                &other.display().to_string(),
                format!("cannot read the package's file: {error}"),
            )
        })?;
        loaded.package_files.push(SourceFile {
            name: other.display().to_string(),
            text,
        });
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tests_are_found_as_go_test_finds_them() {
        let text = "package a\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n\
                    func Testlower(t *testing.T) {}\nfunc Test(t *testing.T) {}\n\
                    func Test_x(tt *testing.T) {}\nfunc TestB(b *testing.B) {}\n\
                    func helper(t *testing.T) {}\nfunc TestC() {}\n";
        assert_eq!(test_names(text), ["TestA", "Test", "Test_x"]);
    }

    #[test]
    fn the_package_clause_is_found_after_comments() {
        assert_eq!(
            package_name("// c\n/* a\nb */\n\npackage foo_test // x\n"),
            Some("foo_test")
        );
        assert_eq!(package_name("/* one line */\npackage a;\n"), Some("a"));
        assert_eq!(package_name("// only comments\n"), None);
    }
}
