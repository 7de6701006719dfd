//! The `gomc` command line: `gomc check` and `gomc replay`.
//!
//! ```text
//! gomc check PATH... [--entry NAME] [--search bfs|dfs] [--max-states N] [--max-depth N]
//!                    [--set NAME=VALUE]... [--json] [--no-timings]
//! gomc replay FILE --schedule S [--entry NAME] [--set NAME=VALUE]... [--json]
//! ```
//!
//! Exit status of `check`, over all files: 0 every file as expected (without an expectation:
//! no violation, exhaustive search); 1 a violation or an expectation mismatch; 2 bad usage or a
//! model that cannot be loaded; 3 a search stopped by a bound with nothing unexpected found.
//! When files disagree, the first of 2, 1, 3, 0 that applies.
//!
//! Exit status of `replay`: 0 the schedule ran (ending anywhere but in a violation); 1 it ran
//! and ended in a violation; 2 bad usage, a model that cannot be loaded, or a schedule that
//! does not fit the model.

mod check;
mod files;
mod progress;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::check::Config;
use crate::explore::SearchOrder;

/// Exit status: everything as expected.
pub const EXIT_OK: i32 = 0;
/// Exit status: a violation or an expectation mismatch.
pub const EXIT_FAIL: i32 = 1;
/// Exit status: bad usage, or a model that cannot be loaded.
pub const EXIT_USAGE: i32 = 2;
/// Exit status: a search stopped by a bound with nothing unexpected found.
pub const EXIT_INCOMPLETE: i32 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "gomc",
    version,
    about = "A deterministic model checker for Go concurrency",
    long_about = "Explores every interleaving of the goroutines of a Go model and reports \
                  deadlocks, goroutine leaks and panics with the shortest schedule that reaches \
                  them."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check model files, or every .go model under a directory.
    Check(CheckArgs),
    /// Replay a schedule on a model and print its trace and goroutine dump.
    Replay(ReplayArgs),
}

/// Options shared by `check` and `replay`.
#[derive(Args, Debug)]
struct ModelArgs {
    /// The entry function (a top-level function without parameters), instead of the header's
    /// `gomc:entry` or `main`.
    #[arg(long, value_name = "NAME")]
    entry: Option<String>,
    /// Override a package-level constant or variable (wins over the header's `gomc:set`).
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = parse_override)]
    overrides: Vec<(String, String)>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Model files, or directories searched recursively for .go files.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Search order: bfs finds shortest counterexamples, dfs keeps a smaller frontier.
    #[arg(long, value_enum, default_value_t = SearchArg::Bfs)]
    search: SearchArg,
    /// Stop after this many distinct states (the result is then not a proof).
    #[arg(long, value_name = "N")]
    max_states: Option<u64>,
    /// Do not expand states this many steps deep (the result is then not a proof).
    #[arg(long, value_name = "N")]
    max_depth: Option<u32>,
    /// Leave out elapsed times and rates, so that the output is the same on every run.
    #[arg(long)]
    no_timings: bool,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Args, Debug)]
struct ReplayArgs {
    /// The model file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The schedule to replay, as printed by `gomc check`: e.g. `1,1,2,3.1,t2.0`.
    #[arg(long, value_name = "S", allow_hyphen_values = true)]
    schedule: String,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SearchArg {
    Bfs,
    Dfs,
}

fn parse_override(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name.to_string(), value.to_string())),
        _ => Err(format!("expected NAME=VALUE, found `{text}`")),
    }
}

impl ModelArgs {
    fn config(&self) -> Config {
        let mut config = Config::new();
        if let Some(entry) = &self.entry {
            config = config.entry(entry.clone());
        }
        for (name, value) in &self.overrides {
            config = config.set(name.clone(), value.clone());
        }
        config
    }
}

/// Runs the command line with the process's arguments and returns the exit status. Installs a
/// Ctrl-C handler: the first Ctrl-C stops the search and prints what it covered, a second one
/// exits at once.
pub fn main() -> i32 {
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    // Failing to install the handler only loses the graceful Ctrl-C.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    run(std::env::args_os(), cancel)
}

/// Runs the command line with these arguments (the first is the program name) and a cancel
/// flag, and returns the exit status.
pub fn run(args: impl IntoIterator<Item = OsString>, cancel: Arc<AtomicBool>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return error.exit_code();
        }
    };
    match cli.command {
        Command::Check(args) => {
            let order = match args.search {
                SearchArg::Bfs => SearchOrder::Bfs,
                SearchArg::Dfs => SearchOrder::Dfs,
            };
            let mut config = args.model.config().search(order).cancel_flag(cancel);
            if let Some(states) = args.max_states {
                config = config.max_states(states);
            }
            if let Some(depth) = args.max_depth {
                config = config.max_depth(depth);
            }
            check::run(&args.paths, &config, args.model.json, !args.no_timings)
        }
        Command::Replay(args) => check::replay(
            &args.file,
            &args.schedule,
            &args.model.config(),
            args.model.json,
        ),
    }
}
