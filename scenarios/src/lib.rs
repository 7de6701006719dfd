//! The bundled models of real Go toolchain code, one folder per upstream system:
//!
//! - `cmd-dist/`: cmd/dist's background workers (src/cmd/dist/util.go), before and after
//!   golang/go 73a10bfcbb46.
//!
//! The test crate (`tests/scenarios.rs`) checks every model, pins its report as an insta
//! snapshot in the top-level `snapshots/`, and replays every counterexample.

use std::path::{Path, PathBuf};

/// The folder that holds the bundled models.
pub fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every bundled model file (`.go`, `gomc:library` files left out, as `gomc check` leaves them
/// out), in sorted order, relative to [`scenarios_dir`].
pub fn model_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    collect(&scenarios_dir(), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            path.strip_prefix(scenarios_dir())
                .expect("under the folder")
                .to_path_buf()
        })
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !matches!(
                path.file_name().and_then(|n| n.to_str()),
                Some("target" | "src" | "tests")
            ) {
                collect(&path, files);
            }
        } else if path.extension().is_some_and(|ext| ext == "go") && !gomc::check::is_library(&path)
        {
            files.push(path);
        }
    }
}
