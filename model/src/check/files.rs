//! Finding the model files under the paths a user names: what `gomc check PATH...` checks, and
//! what the tests and examples that go over every bundled model go over.

use std::path::{Path, PathBuf};

/// The files to check: each path that is a file as given, and for each directory every `.go`
/// file under it, recursively, in sorted order, except `gomc:library` files (shared
/// declarations that models include). Errors name the path that could not be read, or the
/// directory without models.
///
/// ```
/// let models = gomc::check::model_files(&["../scenarios/cmd-dist".into()]).unwrap();
/// assert!(models.iter().any(|path| path.ends_with("before.go")));
/// ```
pub fn model_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path)
            .map_err(|error| format!("error: cannot read {}: {error}", path.display()))?;
        if metadata.is_dir() {
            let before = files.len();
            walk(path, &mut files)?;
            if files.len() == before {
                return Err(format!("error: no .go files under {}", path.display()));
            }
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(directory: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(directory)
        .map_err(|error| format!("error: cannot read {}: {error}", directory.display()))?;
    let mut paths = entries
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| format!("error: cannot read {}: {error}", directory.display()))?;
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files)?;
        } else if path.extension().is_some_and(|extension| extension == "go")
            && !crate::check::is_library(&path)
        {
            files.push(path);
        }
    }
    Ok(())
}
