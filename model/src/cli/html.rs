//! `--html PATH`: where the viewer pages of `gomc check` and `gomc replay` go, and writing them.
//!
//! A `PATH` ending in `.html` is the one page to write; any other `PATH` is a folder (created if
//! missing) that gets `<model>.<kind>.html` per counterexample (`<model>.replay.html` for a
//! replay). `<model>` is the model file's name without `.go`; when two checked files share that
//! name, each uses its path instead, folders joined with `_`, so no page overwrites another.
//! Names depend only on the files and the outcomes, never on time or order of completion.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::check::{html_pages, replay_html, Config, ModelInput, Replay};
use crate::report::Report;

/// Where `--html` writes.
#[derive(Clone, Debug)]
pub(super) enum Target {
    /// One page, at this path.
    File(PathBuf),
    /// A page per run, in this folder.
    Folder(PathBuf),
}

impl Target {
    pub(super) fn new(path: &Path) -> Target {
        if path
            .extension()
            .is_some_and(|extension| extension == "html")
        {
            Target::File(path.to_path_buf())
        } else {
            Target::Folder(path.to_path_buf())
        }
    }
}

/// One checked model: how to load it again, and its report.
pub(super) struct Checked<'a> {
    pub input: ModelInput<'a>,
    pub report: &'a Report,
}

/// Writes the pages of every counterexample of `checked` and returns the paths written, in the
/// order of the files and, within a file, of the violation kinds; or what went wrong.
pub(super) fn write_check_pages(
    target: &Target,
    checked: &[Checked<'_>],
    config: &Config,
) -> Result<Vec<PathBuf>, String> {
    let mut pages = Vec::new();
    for model in checked {
        let made = html_pages(model.input, config, model.report).map_err(|e| e.to_string())?;
        for page in made {
            pages.push((model.report.file.as_str(), page.kind.name(), page.html));
        }
    }
    let stems = stems(checked.iter().map(|model| model.report.file.as_str()));
    let paths: Vec<PathBuf> = match target {
        Target::File(path) if pages.len() == 1 => vec![path.clone()],
        Target::File(path) if pages.is_empty() => {
            return Err(format!(
                "--html {}: no counterexample was found, so there is no page to write",
                path.display()
            ))
        }
        Target::File(path) => {
            return Err(format!(
                "--html {} names one page, but {} counterexamples were found: name a folder \
                 to get a page for each",
                path.display(),
                pages.len()
            ))
        }
        Target::Folder(folder) => pages
            .iter()
            .map(|(file, kind, _)| folder.join(format!("{}.{}.html", stems[file], word(kind))))
            .collect(),
    };
    for (path, (_, _, html)) in paths.iter().zip(&pages) {
        write(path, html)?;
    }
    Ok(paths)
}

/// Writes the page of a replay and returns its path.
pub(super) fn write_replay_page(
    target: &Target,
    input: ModelInput<'_>,
    config: &Config,
    replay: &Replay,
) -> Result<PathBuf, String> {
    let html = replay_html(input, config, replay).map_err(|error| error.to_string())?;
    let path = match target {
        Target::File(path) => path.clone(),
        Target::Folder(folder) => {
            let stems = stems(std::iter::once(replay.file.as_str()));
            folder.join(format!("{}.replay.html", stems[replay.file.as_str()]))
        }
    };
    write(&path, &html)?;
    Ok(path)
}

pub(super) fn write(path: &Path, html: &str) -> Result<(), String> {
    if let Some(folder) = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder)
            .map_err(|error| format!("--html: cannot create {}: {error}", folder.display()))?;
    }
    std::fs::write(path, html)
        .map_err(|error| format!("--html: cannot write {}: {error}", path.display()))
}

/// The name each file's pages start with: its file name without `.go`, or, for names two files
/// share, its whole path with folders joined by `_`.
fn stems<'a>(files: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, String> {
    let files: Vec<&str> = files.collect();
    let short = |file: &str| {
        Path::new(file)
            .file_stem()
            .map_or_else(|| "model".to_string(), |stem| word(&stem.to_string_lossy()))
    };
    files
        .iter()
        .map(|&file| {
            let name = short(file);
            let shared = files
                .iter()
                .any(|&other| other != file && short(other) == name);
            let stem = if shared { long(file) } else { name };
            (file, stem)
        })
        .collect()
}

/// A path without `.go` as one file name: `scenarios/cmd-go/before.go` is
/// `scenarios_cmd-go_before`.
fn long(file: &str) -> String {
    let path = Path::new(file).with_extension("");
    let parts: Vec<String> = path
        .components()
        .filter_map(|component| match component {
            Component::Normal(part) => Some(word(&part.to_string_lossy())),
            _ => None,
        })
        .collect();
    parts.join("_")
}

/// A part of a file name: letters, digits, `-`, `_` and `.` kept, anything else dropped
/// (`<stdin>` is `stdin`, `exit(2)` is `exit2`).
pub(super) fn word(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_named_by_the_model_or_by_its_path_when_names_clash() {
        let names = stems(
            [
                "scenarios/cmd-dist/before.go",
                "scenarios/cmd-go/before.go",
                "./examples/leak.go",
                "<stdin>",
            ]
            .into_iter(),
        );
        assert_eq!(
            names["scenarios/cmd-dist/before.go"],
            "scenarios_cmd-dist_before"
        );
        assert_eq!(
            names["scenarios/cmd-go/before.go"],
            "scenarios_cmd-go_before"
        );
        assert_eq!(names["./examples/leak.go"], "leak");
        assert_eq!(names["<stdin>"], "stdin");
        assert_eq!(word("exit(2)"), "exit2");
    }

    #[test]
    fn a_path_ending_in_html_is_one_page_and_anything_else_a_folder() {
        assert!(matches!(
            Target::new(Path::new("out/run.html")),
            Target::File(_)
        ));
        assert!(matches!(Target::new(Path::new("out")), Target::Folder(_)));
        assert!(matches!(
            Target::new(Path::new("out.d/")),
            Target::Folder(_)
        ));
    }
}
