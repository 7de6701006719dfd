//! The `gomc` command line: `gomc check` and `gomc replay`.
//!
//! ```text
//! gomc check PATH... [--entry NAME] [--search bfs|dfs] [--max-states N] [--max-depth N]
//!                    [--stop-at-first] [--time-limit DURATION] [--max-memory SIZE]
//!                    [--reduction all|none|symmetry] [--threads N]
//!                    [--hash-compact | --bitstate[=SIZE]]
//!                    [--set NAME=VALUE]... [--json] [--no-timings] [--verbose] [--races] [--clock C]
//!                    [--engine native|loom|shuttle] [--iterations N]
//!                    [--seed N] [--scheduler random|pct] [--pct-depth N]   (shuttle)
//!                    [--preemption-bound N]                                (loom)
//!                    [--html PATH]
//!                    [--swarm N] [--swarm-jobs LIST] [--seed N]            (swarm)
//! gomc swarm-merge PART.json... [--json] [--no-timings] [--verbose]
//! gomc replay FILE --schedule S [--entry NAME] [--set NAME=VALUE]... [--json] [--races]
//!                  [--html PATH]
//! gomc test [PATH...] [-run REGEXP] [-parallel N] [--max-states N] [--time-limit DURATION]
//!           [--reduction all|none|symmetry] [--races] [--verbose] [--no-timings]
//! gomc completions bash|elvish|fish|powershell|zsh
//! gomc man DIR
//! ```
//!
//! `PATH` (or `FILE`) `-` reads the model from standard input.
//!
//! `--engine loom` and `--engine shuttle` need the cargo features of the same names (on by
//! default); without them they are a usage error that says how to build with them.
//!
//! The exit statuses are [`EXIT_STATUSES`], which `--help` prints.

mod check;
mod config;
mod generate;
mod html;
mod progress;
mod store;
mod swarm;
mod test;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::check::Config;
use crate::program::Clock;
use crate::semantics::Reduction;
use config::{check_config, parse_duration, parse_override, parse_size};

/// Exit status: everything as expected.
pub const EXIT_OK: i32 = 0;
/// Exit status: a violation or an expectation mismatch.
pub const EXIT_FAIL: i32 = 1;
/// Exit status: bad usage, or a model that cannot be loaded.
pub const EXIT_USAGE: i32 = 2;
/// Exit status: a search stopped by a bound with nothing unexpected found.
pub const EXIT_INCOMPLETE: i32 = 3;

/// The exit statuses, as `gomc --help`, `gomc check --help` and the man pages list them.
pub const EXIT_STATUSES: &str = "\
Exit status of `check` and `swarm-merge`, over all files (when files disagree, the first of 2, 1, 3, 0 that \
applies):
  0  every file as expected (without `gomc:expect`: no violation, exhaustive search)
  1  a violation, or an expectation mismatch
  2  bad usage, a model that cannot be loaded, or an internal error of gomc on a model
  3  a search stopped by a bound (or Ctrl-C) with nothing unexpected found
Exit status of `replay`:
  0  the schedule ran and did not end in a violation
  1  it ran and ended in a violation
  2  bad usage, a model that cannot be loaded, or a schedule that does not fit the model
Exit status of `test`, over all tests (the first of 2, 1, 3, 0 that applies):
  0  every test passes in every interleaving
  1  a test fails in some interleaving (t.Error/t.Fatal, deadlock, leak, panic, race, hang)
  2  bad usage, or a package that cannot be loaded
  3  a search stopped by a bound with no failure found";

#[derive(Parser, Debug)]
#[command(
    name = "gomc",
    version,
    about = "A deterministic model checker for Go concurrency",
    long_about = "Explores every interleaving of the goroutines of a Go model and reports \
                  deadlocks, goroutine leaks and panics with the shortest schedule that reaches \
                  them.",
    after_help = EXIT_STATUSES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check model files, or every .go model under a directory.
    #[command(after_help = EXIT_STATUSES)]
    Check(CheckArgs),
    /// Replay a schedule on a model and print its trace and goroutine dump.
    #[command(after_help = EXIT_STATUSES)]
    Replay(ReplayArgs),
    /// Merge the --json reports of `gomc check --swarm N --swarm-jobs LIST` runs (one share of
    /// the job list each, e.g. on several machines) into the report of the whole swarm, as one
    /// `gomc check --swarm N` prints it. Run it where the checks ran: each model is compiled
    /// again from its file.
    #[command(after_help = EXIT_STATUSES)]
    SwarmMerge(swarm::MergeArgs),
    /// Check the TestXxx(t *testing.T) functions of _test.go files, each in every
    /// interleaving, and print as `go test -v` does.
    #[command(after_help = EXIT_STATUSES)]
    Test(test::TestArgs),
    /// Print the shell completion script of SHELL (e.g. `gomc completions bash`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Write the man pages (gomc.1, gomc-check.1, ...) into DIR.
    Man {
        /// The folder, created if missing (e.g. ~/.local/share/man/man1).
        #[arg(value_name = "DIR")]
        directory: PathBuf,
    },
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
    /// Race mode: accesses to shared memory become scheduling points and data races are
    /// reported (as a model's `// gomc:races` header does; on every engine).
    #[arg(long)]
    races: bool,
    /// The clock timers run on: `untimed` (any pending timer may fire at any point) or
    /// `synctest` (Go's testing/synctest fake clock); wins over the header's `gomc:clock`.
    #[arg(long, value_name = "CLOCK", value_parser = parse_clock)]
    clock: Option<Clock>,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Model files, or directories searched recursively for .go files; `-` reads a model from
    /// standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Search order: bfs finds shortest counterexamples, dfs keeps a smaller frontier [default:
    /// bfs] (native engine).
    #[arg(long, value_enum)]
    search: Option<SearchArg>,
    /// Stop after this many distinct states (the result is then not a proof); with --swarm, each
    /// job's budget (native engine).
    #[arg(long, value_name = "N")]
    max_states: Option<u64>,
    /// Do not expand states this many steps deep; under loom and shuttle, cut each execution
    /// at this many steps [loom, shuttle default: 1000]; with --swarm, cap each job's depth
    /// bound (the result is then not a proof).
    #[arg(long, value_name = "N")]
    max_depth: Option<u32>,
    /// The state-space reductions: all, none, or only symmetry; each keeps every outcome and
    /// the length of the shortest witness of each [default: all] (native engine).
    #[arg(long, value_enum, value_name = "WHICH")]
    reduction: Option<ReductionArg>,
    /// Threads computing successors under bfs; the report is the same for every count
    /// [default: the machine's cores] (native engine).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Stop at the first violation found, a shortest one under bfs (the result is then not
    /// exhaustive) (native engine).
    #[arg(long)]
    stop_at_first: bool,
    /// Stop after this long: `90`, `90s`, `5m`, `1h` (the result is then not a proof) (native
    /// engine).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    time_limit: Option<std::time::Duration>,
    /// Stop once gomc holds this much memory: `512M`, `4G`, or bytes [default: 3/4 of the
    /// machine's memory] (the result is then not a proof) (native engine).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_memory: Option<u64>,
    /// Keep 64-bit fingerprints of visited states instead of 128-bit ones: a smaller visited
    /// set, at a risk of missing states that the report prints (native engine).
    #[arg(long, conflicts_with = "bitstate")]
    hash_compact: bool,
    /// Keep visited states as 3 bits each in an array of this size, as SPIN's supertrace:
    /// `--bitstate` (256M) or `--bitstate=2G`; may miss states (the report estimates how
    /// many) and does not look for hangs, so the result is not a proof (native engine).
    #[arg(long, value_name = "SIZE", num_args = 0..=1, require_equals = true,
          default_missing_value = "256M", value_parser = parse_size)]
    bitstate: Option<u64>,
    /// The engine: native (explicit-state search, exhaustive, shortest witnesses), loom (every
    /// interleaving without merging states; at most 4 goroutines) or shuttle (random or PCT
    /// sampling of schedules).
    #[arg(long, value_enum, default_value_t = EngineArg::Native)]
    engine: EngineArg,
    /// loom, shuttle: run at most this many executions [default: loom 100000, shuttle 1000].
    #[arg(long, value_name = "N")]
    iterations: Option<u64>,
    /// shuttle, --swarm: the seed of the scheduler or of the swarm [default: 0].
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// shuttle: the scheduler [default: random].
    #[arg(long, value_enum)]
    scheduler: Option<SchedulerArg>,
    /// shuttle: the depth of the PCT scheduler [default: 3].
    #[arg(long, value_name = "N")]
    pct_depth: Option<usize>,
    /// loom: at most this many preemptions per execution (the result is then not a proof).
    #[arg(long, value_name = "N")]
    preemption_bound: Option<usize>,
    /// Hunt for bugs with a swarm of N small, diversified searches instead of one exhaustive
    /// search: job i is a depth-first search with its own seeded successor order and depth
    /// bound (32 to 1024, capped by --max-depth), at most --max-states states [default: 100000
    /// per job], ending at its first violation; --threads jobs run at once. For models too
    /// large to exhaust; never a proof (native engine).
    #[arg(long, value_name = "N")]
    swarm: Option<u32>,
    /// With --swarm: run only these jobs of the list (numbers below N), e.g. `0-99` or
    /// `3,7-9`, to split a swarm over machines; merge their --json reports with `gomc
    /// swarm-merge`.
    #[arg(long, value_name = "LIST", value_parser = swarm::parse_job_list)]
    swarm_jobs: Option<swarm::JobList>,
    /// Leave out elapsed times and rates, so that the output is the same on every run.
    #[arg(long)]
    no_timings: bool,
    /// With several files, print every file's full report after the summary table, not only
    /// those of unexpected results.
    #[arg(long, short)]
    verbose: bool,
    /// Write a self-contained HTML viewer of each counterexample: PATH.html is the one page
    /// (exactly one counterexample), any other PATH a folder that gets <model>.<kind>.html
    /// (<model>: the file name without .go, or its path with _ if two share it); stderr lists
    /// the pages.
    #[arg(long, value_name = "PATH")]
    html: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Args, Debug)]
struct ReplayArgs {
    /// The model file (`-`: standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The schedule to replay, as printed by `gomc check`: e.g. `1,1,2,3.1,t2.0`.
    #[arg(long, value_name = "S", allow_hyphen_values = true)]
    schedule: String,
    /// Write the run's self-contained HTML viewer to PATH.html, or into the folder PATH as
    /// <model>.replay.html; stderr names the page.
    #[arg(long, value_name = "PATH")]
    html: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ReductionArg {
    All,
    None,
    Symmetry,
}

impl ReductionArg {
    fn reduction(self) -> Reduction {
        match self {
            ReductionArg::All => Reduction::ALL,
            ReductionArg::None => Reduction::NONE,
            ReductionArg::Symmetry => Reduction { symmetry: true },
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SearchArg {
    Bfs,
    Dfs,
}

/// Every engine, whether this build has it or not: asking for one it lacks is a usage error
/// that says how to build with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum EngineArg {
    Native,
    Loom,
    Shuttle,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SchedulerArg {
    Random,
    Pct,
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
        if let Some(clock) = self.clock {
            config = config.clock(clock);
        }
        config.races(self.races)
    }
}

/// The machine's cores, as `--threads` defaults to.
pub(super) fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

fn parse_clock(text: &str) -> Result<Clock, String> {
    Clock::named(text).ok_or_else(|| format!("`{text}` is not a clock: use untimed or synctest"))
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
    let args = test::go_test_flags(args.into_iter().collect());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return error.exit_code();
        }
    };
    match cli.command {
        Command::Check(args) => {
            let config = match check_config(&args) {
                Ok(config) => config.cancel_flag(cancel),
                Err(message) => {
                    eprintln!("error: {message}");
                    return EXIT_USAGE;
                }
            };
            let print = check::Print {
                json: args.model.json,
                timings: !args.no_timings,
                verbose: args.verbose,
                html: args.html.as_deref().map(html::Target::new),
            };
            check::run(&args.paths, &config, &print)
        }
        Command::Replay(args) => check::replay(
            &args.file,
            &args.schedule,
            &args.model.config(),
            args.model.json,
            args.html.as_deref().map(html::Target::new).as_ref(),
        ),
        Command::SwarmMerge(args) => swarm::merge(&args),
        Command::Test(args) => test::run(&args, Config::new().cancel_flag(cancel)),
        Command::Completions { shell } => generate::completions(shell),
        Command::Man { directory } => generate::man_pages(&directory),
    }
}
