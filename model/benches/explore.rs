//! Benchmarks of the native explorer on Go models: unique states per second, bytes per stored
//! state, and peak resident memory.
//!
//! ```text
//! cargo bench -p gomc --bench explore              # criterion (throughput in states/s)
//! cargo bench -p gomc --bench explore -- --plain   # one line per workload, to quote
//! ```
//!
//! Workloads: (a) W workers each doing K times `mu.Lock(); n++; mu.Unlock()` then `wg.Done()`,
//! main in `wg.Wait()`, for W=6,K=2 and W=8,K=2; (b) cmd/dist's background workers after the
//! fix (scenarios/cmd-dist/after.go) with 4 helpers and 6 jobs, skipped with a message while
//! that file is absent.
//!
//! Every workload runs without state-space reductions (`--reduction none`): this benchmark
//! measures the cost of a state, so it searches the same full state spaces over time;
//! `bench/compare_spin.py` measures the reduced search against SPIN.
//!
//! The full state space grows about fifteen-fold per worker (W=4: 25,808 states; W=6: about 7
//! million), so W=8 cannot be searched exhaustively on a workstation: the plain mode bounds
//! every workload at [`PLAIN_MAX_STATES`] and says so in its verdict column, and criterion
//! measures the throughput of the first [`CRITERION_MAX_STATES`] states of each. In plain mode
//! each workload runs in a child process of its own, so that the peak RSS printed is its own.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use gomc::semantics::Reduction;
use gomc::{check_file, check_source, Config, Report};

/// W workers, K rounds each of lock, increment, unlock; then `wg.Done()`.
const MUTEX_WORKERS: &str = "\
package main

import \"sync\"

const workers = 6

const rounds = 2

var (
\tmu sync.Mutex
\tn  int
)

func worker(wg *sync.WaitGroup) {
\tfor i := 0; i < rounds; i++ {
\t\tmu.Lock()
\t\tn++
\t\tmu.Unlock()
\t}
\twg.Done()
}

func main() {
\tvar wg sync.WaitGroup
\twg.Add(workers)
\tfor i := 0; i < workers; i++ {
\t\tgo worker(&wg)
\t}
\twg.Wait()
\tif n != workers*rounds {
\t\tpanic(\"lost update\")
\t}
}
";

/// The bound on states of each workload in plain mode.
const PLAIN_MAX_STATES: u64 = 8_000_000;

/// The bound on states of each iteration under criterion.
const CRITERION_MAX_STATES: u64 = 300_000;

/// One workload: a name and how to run it.
struct Workload {
    name: String,
    source: Source,
    config: Config,
}

enum Source {
    Text(&'static str),
    File(PathBuf),
}

impl Workload {
    fn run(&self, max_states: u64) -> Result<Report, String> {
        let config = self
            .config
            .clone()
            .max_states(max_states)
            .reduction(Reduction::NONE);
        let result = match &self.source {
            Source::Text(text) => check_source(&format!("{}.go", self.name), text, &config),
            Source::File(path) => check_file(path, &config),
        };
        result.map_err(|error| error.to_string())
    }
}

fn mutex_workers(workers: u32, rounds: u32) -> Workload {
    Workload {
        name: format!("mutex_w{workers}_k{rounds}"),
        source: Source::Text(MUTEX_WORKERS),
        config: Config::new()
            .set("workers", workers.to_string())
            .set("rounds", rounds.to_string()),
    }
}

/// cmd/dist after the fix, 4 helpers and 6 jobs; `None` while the model file is absent.
fn cmd_dist_after() -> Option<Workload> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scenarios/cmd-dist/after.go");
    if !path.exists() {
        println!(
            "cmd_dist_after_h4_j6: skipped: {} is absent",
            path.display()
        );
        return None;
    }
    Some(Workload {
        name: "cmd_dist_after_h4_j6".to_string(),
        source: Source::File(path),
        config: Config::new().set("maxbg", "4").set("njobs", "6"),
    })
}

fn workloads() -> Vec<Workload> {
    let mut workloads = vec![mutex_workers(6, 2), mutex_workers(8, 2)];
    workloads.extend(cmd_dist_after());
    workloads
}

/// Peak resident set size of this process (VmHWM), as /proc/self/status prints it.
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status.lines().find_map(|line| {
                line.strip_prefix("VmHWM:")
                    .map(|value| value.trim().to_string())
            })
        })
        .unwrap_or_else(|| "unknown".to_string())
}

/// One line per workload: states, transitions, seconds, states/s, bytes/state, peak RSS.
fn line(name: &str, report: &Report) -> String {
    let statistics = &report.statistics;
    format!(
        "{name:<22} states {:>10}  transitions {:>11}  seconds {:>8.3}  states/s {:>10.0}  \
         bytes/state {:>6.1}  peak RSS {}  verdict {}",
        statistics.states,
        statistics.transitions,
        statistics.elapsed_seconds.unwrap_or(0.0),
        statistics.states_per_second.unwrap_or(0.0),
        statistics.bytes_per_state.unwrap_or(0.0),
        peak_rss(),
        report.verdict_line(),
    )
}

fn plain(workloads: &[Workload], max_states: u64) {
    for workload in workloads {
        match workload.run(max_states) {
            Ok(report) => println!("{}", line(&workload.name, &report)),
            Err(error) => println!("{}: skipped: {}", workload.name, first_line(&error)),
        }
    }
}

/// Runs each workload in a child process (`--plain --only NAME`), so that each peak RSS is its
/// own.
fn plain_in_children(workloads: &[Workload]) {
    let program = std::env::current_exe().expect("the benchmark knows its own path");
    for workload in workloads {
        let status = std::process::Command::new(&program)
            .args(["--plain", "--only", &workload.name])
            .status();
        if !status.as_ref().is_ok_and(|status| status.success()) {
            println!("{}: the child process failed: {status:?}", workload.name);
        }
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

fn criterion(workloads: &[Workload]) {
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(10))
        .configure_from_args();
    let mut group = criterion.benchmark_group("explore");
    for workload in workloads {
        let report = match workload.run(CRITERION_MAX_STATES) {
            Ok(report) => report,
            Err(error) => {
                println!("{}: skipped: {}", workload.name, first_line(&error));
                continue;
            }
        };
        println!("{}", line(&workload.name, &report));
        group.throughput(Throughput::Elements(report.statistics.states));
        group.bench_function(&workload.name, |bencher| {
            bencher.iter(|| {
                workload
                    .run(CRITERION_MAX_STATES)
                    .expect("the workload checked once already")
            })
        });
    }
    group.finish();
    criterion.final_summary();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let only = args
        .iter()
        .position(|arg| arg == "--only")
        .and_then(|at| args.get(at + 1));
    if let Some(name) = only {
        let chosen: Vec<Workload> = workloads()
            .into_iter()
            .filter(|workload| workload.name == *name)
            .collect();
        plain(&chosen, PLAIN_MAX_STATES);
    } else if args.iter().any(|arg| arg == "--plain") {
        plain_in_children(&workloads());
    } else if args.iter().any(|arg| arg == "--bench") {
        criterion(&workloads());
    } else {
        // Run as a test (`cargo test --all-targets`): one small workload once, as a smoke test.
        plain(&[mutex_workers(2, 1)], PLAIN_MAX_STATES);
    }
}
