//! The three engines side by side on every bundled model they can all run (loom skips models
//! with more than 4 goroutines; race-mode models run in race mode on every engine):
//! verdict, time to verdict, and states (native) or executions (loom, shuttle), measured in one
//! run. Prints a Markdown table, the one in README.md's "Engines" section.
//!
//! ```text
//! cargo run --release --example engines            # every bundled model and example
//! cargo run --release --example engines -- FILE... # these models
//! ```
//!
//! Then a second table: a model too large for an exhaustive search (8 workers, a mutex, about
//! 2·10⁹ states) with a bug only the last step of some interleavings reaches, under the native
//! explorer bounded at 1,000,000 states (breadth- and depth-first) and under shuttle; loom
//! cannot run it (9 goroutines).
//!
//! Settings: native breadth-first, unbounded; loom without and with a preemption bound of 1,
//! each at most 100,000 executions; shuttle random and PCT (depth 3), seed 0, 1,000 executions
//! each. For a violation found by loom or shuttle, the time and count are those to the first
//! execution that found it: the run is repeated with `--iterations` set to that execution
//! (the same seed runs the same executions), so they are exact, not estimates.

use std::path::{Path, PathBuf};

use gomc::report::Report;
use gomc::{check_file, Config, Engine, Scheduler};

/// loom's budget per run.
const LOOM_ITERATIONS: u64 = 100_000;

/// shuttle's budget per run.
const SHUTTLE_ITERATIONS: u64 = 1_000;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository holds the crate")
        .to_path_buf();
    let mut files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        files = gomc::check::model_files(&[root.join("examples"), root.join("scenarios")])
            .expect("the bundled models");
    }
    let engines: [(&str, Config); 5] = [
        ("native", Config::new()),
        (
            "loom",
            Config::new()
                .engine(Engine::Loom)
                .iterations(LOOM_ITERATIONS),
        ),
        (
            "loom, preemption bound 1",
            Config::new()
                .engine(Engine::Loom)
                .iterations(LOOM_ITERATIONS)
                .preemption_bound(1),
        ),
        ("shuttle random", shuttle(Scheduler::Random)),
        ("shuttle PCT", shuttle(Scheduler::Pct { depth: 3 })),
    ];
    let mut header = "| model | expected |".to_string();
    let mut rule = "|---|---|".to_string();
    for (name, _) in &engines {
        header.push_str(&format!(" {name} |"));
        rule.push_str("---|");
    }
    println!("{header}\n{rule}");
    for path in files {
        let name = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let native = match check_file(&path, &Config::new()) {
            Ok(report) => report,
            Err(error) => {
                eprintln!("{name}: left out: {}", error.message);
                continue;
            }
        };
        let mut row = format!("| {name} | {} |", expected(&native));
        let mut left_out = None;
        for (_, config) in &engines {
            let cell = match check_file(&path, config) {
                Ok(report) => {
                    if let Some(reason) = report.backend.as_ref().and_then(|b| b.skipped.clone()) {
                        left_out = Some(reason);
                        break;
                    }
                    cell(&path, config, &report)
                }
                Err(error) => {
                    left_out = Some(error.message);
                    break;
                }
            };
            row.push_str(&format!(" {cell} |"));
        }
        match left_out {
            None => println!("{row}"),
            Some(reason) => eprintln!("{name}: left out: {reason}"),
        }
    }
    deep_bug();
}

/// 8 workers, 2 rounds each of lock, increment, unlock; worker 0 must not be the last to
/// increment.
const WORKERS_LAST: &str = "\
package main

import \"sync\"

const workers = 8

const rounds = 2

var (
\tmu sync.Mutex
\tn  int
)

func worker(id int, wg *sync.WaitGroup) {
\tfor i := 0; i < rounds; i++ {
\t\tmu.Lock()
\t\tn++
\t\tif id == 0 && n == workers*rounds {
\t\t\tpanic(\"worker 0 came last\")
\t\t}
\t\tmu.Unlock()
\t}
\twg.Done()
}

func main() {
\tvar wg sync.WaitGroup
\twg.Add(workers)
\tfor i := 0; i < workers; i++ {
\t\tgo worker(i, &wg)
\t}
\twg.Wait()
}
";

/// The second table: a bug deep in a state space too large to search.
fn deep_bug() {
    let directory = std::env::temp_dir().join(format!("gomc-engines-{}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("a scratch directory");
    let path = directory.join("workers_last.go");
    std::fs::write(&path, WORKERS_LAST).expect("the model is written");
    let engines: [(&str, Config); 4] = [
        (
            "native bfs, 1,000,000 states",
            Config::new().max_states(1_000_000),
        ),
        (
            "native dfs, 1,000,000 states",
            Config::new()
                .search(gomc::explore::SearchOrder::Dfs)
                .max_states(1_000_000),
        ),
        ("shuttle random", shuttle(Scheduler::Random)),
        ("shuttle PCT", shuttle(Scheduler::Pct { depth: 3 })),
    ];
    println!("\n| workers_last.go (8 workers) | verdict |\n|---|---|");
    for (name, config) in &engines {
        let report = check_file(&path, config).expect("the model loads");
        println!("| {name} | {} |", cell(&path, config, &report));
    }
    let _ = std::fs::remove_dir_all(&directory);
}

fn shuttle(scheduler: Scheduler) -> Config {
    Config::new()
        .engine(Engine::Shuttle)
        .scheduler(scheduler)
        .seed(0)
        .iterations(SHUTTLE_ITERATIONS)
}

fn expected(report: &Report) -> String {
    match &report.expectation {
        None => "-".to_string(),
        Some(expectation) if expectation.kinds.is_empty() => "none".to_string(),
        Some(expectation) => gomc::report::kind_list(&expectation.kinds),
    }
}

/// One engine's cell: verdict, count, time; for a violation found by loom or shuttle, the
/// count and time to the first execution that found it.
fn cell(path: &Path, config: &Config, report: &Report) -> String {
    let seconds = report.statistics.elapsed_seconds.unwrap_or(0.0);
    let Some(backend) = &report.backend else {
        return format!(
            "{}: {} states, {}",
            report.verdict_line(),
            report.statistics.states,
            time(seconds)
        );
    };
    let first = report
        .outcomes
        .iter()
        .filter(|outcome| outcome.violation)
        .filter_map(|outcome| outcome.first_execution)
        .min();
    match first {
        Some(first) => {
            let again = check_file(path, &config.clone().iterations(first)).expect("loads");
            format!(
                "{} in execution {first}, {}",
                gomc::report::kind_list(&report.violations),
                time(again.statistics.elapsed_seconds.unwrap_or(0.0))
            )
        }
        None => format!(
            "{}: {} executions, {}",
            report.verdict_line(),
            backend.executions,
            time(seconds)
        ),
    }
}

fn time(seconds: f64) -> String {
    if seconds < 0.01 {
        format!("{:.1} ms", seconds * 1000.0)
    } else {
        format!("{seconds:.2} s")
    }
}
