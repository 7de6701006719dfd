//! The bundled models of real Go toolchain code, one folder per upstream system:
//!
//! - `cmd-dist/`: cmd/dist's background workers (src/cmd/dist/util.go), before and after
//!   golang/go 73a10bfcbb46;
//! - `testing/`: the testing package's `T.Run`/`T.Parallel` (src/testing/testing.go): the
//!   restored design, CL 506755 (reverted, #64402) and the fix proposed in golang/go PR #80562;
//! - `cmd-go/`: cmd/go's builder cleanup registry (src/cmd/go/internal/work and base), before
//!   and after 55d96f98ef13;
//! - `runtime/`: the runtime tests' test-program build cache (src/runtime/crash_test.go), before
//!   and after 0555ea3ce997.
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
    gomc::check::model_files(&[scenarios_dir()])
        .expect("the bundled models")
        .into_iter()
        .map(|path| {
            path.strip_prefix(scenarios_dir())
                .expect("under the folder")
                .to_path_buf()
        })
        .collect()
}
