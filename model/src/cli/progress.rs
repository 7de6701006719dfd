//! The live progress line on stderr: drawn only when stderr is a terminal and the search has run
//! for more than a second, never on a pipe.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::explore::Progress;

/// Draws and clears the progress line of one file's search.
pub(super) struct ProgressLine {
    drawn: Arc<AtomicBool>,
}

impl ProgressLine {
    /// A callback for [`crate::Config::on_progress`], or `None` when stderr is not a terminal.
    pub(super) fn start(file: &str) -> (ProgressLine, Option<impl Fn(&Progress) + Send + Sync>) {
        let drawn = Arc::new(AtomicBool::new(false));
        let line = ProgressLine {
            drawn: Arc::clone(&drawn),
        };
        if !std::io::stderr().is_terminal() {
            return (line, None);
        }
        let started = Instant::now();
        let file = file.to_string();
        let callback = move |progress: &Progress| {
            let elapsed = started.elapsed();
            if elapsed < Duration::from_secs(1) {
                return;
            }
            let rate = progress.states as f64 / elapsed.as_secs_f64();
            let memory = crate::check::resident_bytes()
                .map(|bytes| format!(", {} MiB", bytes >> 20))
                .unwrap_or_default();
            let found = match progress.first_violation {
                Some(kind) => format!(
                    ", FOUND {} (first: {}; full report at the end, or now with Ctrl-C)",
                    progress.violations,
                    kind.name()
                ),
                None => String::new(),
            };
            let mut stderr = std::io::stderr().lock();
            let _ = write!(
                stderr,
                "\r\x1b[K{file}: {} states, {rate:.0} states/s, depth {}, queue {}{memory}{found}",
                progress.states, progress.max_depth, progress.frontier
            );
            let _ = stderr.flush();
            drawn.store(true, Ordering::Relaxed);
        };
        (line, Some(callback))
    }

    /// Clears the line if it was drawn.
    pub(super) fn finish(self) {
        if self.drawn.load(Ordering::Relaxed) {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[K");
            let _ = stderr.flush();
        }
    }
}
