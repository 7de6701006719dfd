//! Finding the model files under the paths a user names: what `gomc check PATH...` checks, and
//! what the tests and examples that go over every bundled model go over.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The path that stands for standard input: `gomc check -` reads the model from it.
pub const STDIN_PATH: &str = "-";

/// The files to check: each path that is a file as given (and `-`, standard input, as is), and
/// for each directory every `.go` file under it, recursively, in sorted order, except
/// `gomc:library` files (shared declarations that models include). The walk follows symbolic
/// links but enters each directory once (a link cycle ends there) and skips whatever is not a
/// regular file (a FIFO, a socket, a device), so it can neither loop nor block. Errors name the
/// path that could not be read, or the directory without models.
///
/// ```
/// let models = gomc::check::model_files(&["../scenarios/cmd-dist".into()]).unwrap();
/// assert!(models.iter().any(|path| path.ends_with("before.go")));
/// ```
pub fn model_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut entered = BTreeSet::new();
    for path in paths {
        if path.as_os_str() == STDIN_PATH {
            files.push(path.clone());
            continue;
        }
        let metadata = std::fs::metadata(path)
            .map_err(|error| format!("error: cannot read {}: {error}", path.display()))?;
        if metadata.is_dir() {
            let before = files.len();
            walk(path, &mut files, &mut entered)?;
            if files.len() == before {
                return Err(format!("error: no .go files under {}", path.display()));
            }
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Adds the models under `directory` unless it was entered before (`entered` holds the
/// canonical paths of the directories walked so far).
fn walk(
    directory: &Path,
    files: &mut Vec<PathBuf>,
    entered: &mut BTreeSet<PathBuf>,
) -> Result<(), String> {
    let cannot_read =
        |error: std::io::Error| format!("error: cannot read {}: {error}", directory.display());
    if !entered.insert(directory.canonicalize().map_err(cannot_read)?) {
        return Ok(());
    }
    let entries = std::fs::read_dir(directory).map_err(cannot_read)?;
    let mut paths = entries
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(cannot_read)?;
    paths.sort();
    for path in paths {
        // A dangling link has no metadata: there is nothing to check behind it.
        let Ok(metadata) = std::fs::metadata(&path) else {
            continue;
        };
        if metadata.is_dir() {
            walk(&path, files, entered)?;
        } else if metadata.is_file()
            && path.extension().is_some_and(|extension| extension == "go")
            && !crate::check::is_library(&path)
        {
            files.push(path);
        }
    }
    Ok(())
}
