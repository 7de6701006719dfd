//! The JSON rendering of a report (`gomc check --json`), and its schema.
//!
//! One report is one JSON object; `gomc check --json` prints one object for a single file and an
//! array of them, in the order the files were checked, for several. Fields appear in the order
//! below; absent optional values are `null`, except the timing fields, which are left out unless
//! timings were asked for. Nothing in it depends on the run (no hashes, addresses or times) once
//! the timing fields are left out.
//!
//! ```text
//! {
//!   "version": 1,                      // of this schema
//!   "file": "dist_before.go",          // as given
//!   "entry": "main.main",              // the entry function, as Go prints it
//!   "engine": "native" | "loom" | "shuttle",
//!   "search": {
//!     "order": "bfs" | "dfs",
//!     "max_states": 100000 | null,
//!     "max_depth": 50 | null,          // loom, shuttle: the bound on one execution's steps
//!     "reduction": {"symmetry": true},  // the reductions in force (--reduction)
//!     "store": {"kind": "hash-compact"} | {"kind": "bitstate", "bytes": 268435456}
//!                                      // only with --hash-compact or --bitstate
//!   },
//!   "exhaustive": true,                // every reachable state explored (loom: every
//!                                      // interleaving and data choice; shuttle: never)
//!   "stopped_by": null | "max-states" | "max-depth" | "cancelled" | "first-violation"
//!               | "time-limit" | "max-memory" | "step-error"
//!               | "iterations" | "preemption-bound" | "thread-limit" | "backend-failure"
//!               | "swarm"                  // --swarm: never exhaustive
//!               | "bitstate",              // --bitstate: ran to its end, may have missed states
//!   "expectation": null | {            // from `// gomc:expect ...`
//!     "kinds": ["deadlock"],           // [] for `none`
//!     "matched": true                  // found exactly these, exhaustively
//!   },
//!   "verdict": "pass" | "fail" | "incomplete",   // exit status 0, 1, 3
//!   "violations": ["deadlock"],        // violation kinds found, in kind order
//!   "outcomes": [                      // every kind reached, in the order
//!     {                                // ok, exit(n) by n, deadlock, leak, panic, fail, race, hang
//!       "kind": "deadlock",            // "ok", "exit(2)", "deadlock", "leak", "panic", "fail", "race",
//!                                      // "hang" (count: states that cannot end)
//!       "violation": true,
//!       "count": 3,                    // distinct ended states of this kind (loom,
//!                                      // shuttle: executions that ended in it; --swarm:
//!                                      // jobs that reached it)
//!       "first_execution": 17,         // loom, shuttle only: the first execution that did
//!       "witness": {                   // the first found; shortest under bfs (loom,
//!                                      // shuttle: the shortest execution, replayed)
//!         "steps": 14,
//!         "schedule": "1,1,2,3.1,t2.0",// replays it: gomc replay FILE --schedule ...
//!         "trace": [
//!           {
//!             "goroutine": 1,          // 0 for a timer firing
//!             "function": "main.main",
//!             "location": "dist_before.go:40",
//!             "operation": "go main.bghelper()",
//!             "woke": [],              // goroutines woken, in order
//!             "started": [2],          // goroutines started
//!             "output": []             // text printed during the step
//!           }
//!         ],
//!         "goroutines": [              // the dump of the final state, by goroutine number
//!           {
//!             "id": 1,
//!             "status": {"kind": "waiting", "reason": "chan send"}
//!                     | {"kind": "running"}   // the goroutine whose panic ended the program
//!                     | {"kind": "runnable"} | {"kind": "dead"},
//!             "frames": [{"function": "main.bgwait", "location": "dist_before.go:31"}],
//!             "created_by": null | {"function": "main.bginit", "location": "dist_before.go:15"},
//!             "creator": 1             // the goroutine that ran the `go` (0 for goroutine 1)
//!           }
//!         ],
//!         "panic": null | {"goroutine": 2, "message": "panic: send on closed channel"},
//!         "race": {                    // only for a data race (race mode)
//!           "first": {"goroutine": 2, "kind": "write", "location": "atExitFuncs",
//!                     "function": "main.NewBuilder", "position": "before.go:40"},
//!           "second": {...}            // the other goroutine's access
//!         },
//!         "replay_error": null,        // a string only on a checker bug
//!         "cycle_from": 9              // only for a hang: the first step of the cycle the
//!                                      // witness ends on (steps cycle_from..=steps repeat)
//!       }
//!     }
//!   ],
//!   "step_error": null | {             // a step the checker could not take
//!     "message": "...",
//!     "schedule": "1,2",               // up to and including the failing choice
//!     "trace": [...],                  // the steps before it
//!     "goroutines": [...]              // the state where it failed
//!   },
//!   "statistics": {
//!     "states": 1234,
//!     "transitions": 2345,
//!     "max_depth": 14,
//!     "depth_cut": 0,                  // running states left unexpanded by --max-depth
//!     "elapsed_seconds": 0.12,         // these four only with timings
//!     "states_per_second": 10283.3,
//!     "bytes_per_state": 41.2,         // the visited set and state graph, per state
//!     "peak_memory_bytes": 14680064,   // the process's peak resident memory (native, Linux)
//!     "missed_states": 1.2e-11         // --hash-compact, --bitstate (with or without timings):
//!                                      // expected distinct states the store merged and missed
//!                                      // (loom, shuttle: states 0, transitions the steps of
//!   },                                 // all executions, max_depth the longest one)
//!   "backend": null | {                // loom and shuttle only
//!     "scheduler": "random" | "pct depth 3" | null,   // shuttle's
//!     "seed": 0 | null,                // shuttle's
//!     "iterations": 1000,              // the bound on executions
//!     "preemption_bound": 2 | null,    // loom's
//!     "max_steps": 1000,               // the bound on one execution's steps
//!     "executions": 1000,              // executions run
//!     "cut": 0,                        // executions cut at max_steps
//!     "data_choices": true,            // an execution met a select with several ready
//!                                      // cases, gomc.Choose or a pending timer
//!     "vectors": 5 | null,             // loom: choice vectors run
//!     "skipped": null | "skipped for loom: ...",      // loom's thread limit
//!     "failure": null | "loom failed: ..."            // the backend itself failed
//!   },
//!   "swarm": {                         // only with --swarm (report/swarm.rs)
//!     "jobs": 64,                      // the job list's length
//!     "seed": 0,
//!     "job_states": 100000,            // each job's budget (--max-states)
//!     "max_depth": null | 200,         // the cap on the jobs' depth bounds
//!     "stop_at_first": false,
//!     "model": {"entry": null, "set": [["maxbg", "4"]], "races": false,
//!               "clock": null | "untimed" | "synctest", "symmetry": true},
//!     "runs": [                        // the jobs run here (--swarm-jobs), by number
//!       {
//!         "job": 3, "seed": 1744283923, "shuffled": true, "depth_bound": 256,
//!         "ended": "violation" | "budget" | "depth-bound" | "exhausted" | "time-limit"
//!                | "max-memory" | "cancelled" | "step-error" | "stopped" | "not-run",
//!         "states": 4211, "transitions": 9120, "max_depth": 52, "depth_cut": 0,
//!         "seconds": 0.12,             // only with timings
//!         "outcomes": [{"kind": "deadlock", "count": 1, "schedule": "1,1,2"}],
//!         "step_error": null | {"message": "...", "schedule": "1,2", "choice": "3"}
//!       }
//!     ]
//!   },
//!   "warnings": [                      // only when there are any: go vet's copylocks
//!     "m.go:13:7: assignment copies lock value to b: sync.Mutex"
//!   ],
//!   "hints": [                         // only when a bound stopped a search that looks
//!     "the search went 129061 steps deep: ..."  // unbounded (report/hints.rs)
//!   ]
//! }
//! ```
//!
//! A file that could not be checked (it cannot be read or compiled, or gomc failed on it) is an
//! entry of its own, in its place among the reports, so that a CI tool never misses it:
//!
//! ```text
//! {
//!   "version": 1,
//!   "file": "broken.go",
//!   "verdict": "error",                // exit status 2
//!   "error": {
//!     "message": "...",                // as `gomc check` prints it on stderr, without position
//!     "line": 3 | null,                // 1-based; null when the error has no position
//!     "col": 5 | null                  // 1-based byte column
//!   }
//! }
//! ```

use super::{RenderOptions, Report};
use crate::frontend::ModelError;

/// The version of the schema above, written as the report's `version` field.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(serde::Serialize)]
struct Versioned<'a> {
    version: u32,
    #[serde(flatten)]
    report: &'a Report,
}

fn without_timings(report: &Report, options: &RenderOptions) -> Report {
    let mut report = report.clone();
    if !options.timings {
        report.statistics.elapsed_seconds = None;
        report.statistics.states_per_second = None;
        report.statistics.bytes_per_state = None;
        report.statistics.peak_memory_bytes = None;
        if let Some(swarm) = &mut report.swarm {
            for run in &mut swarm.runs {
                run.seconds = None;
            }
        }
    }
    report
}

/// Renders a report as pretty-printed JSON (see the module documentation for the schema).
pub fn render_json(report: &Report, options: &RenderOptions) -> String {
    let report = without_timings(report, options);
    serde_json::to_string_pretty(&Versioned {
        version: SCHEMA_VERSION,
        report: &report,
    })
    .expect("internal error: a report always serializes")
}

/// Renders several reports as a pretty-printed JSON array, in the order given.
pub fn render_json_array(reports: &[Report], options: &RenderOptions) -> String {
    let reports: Vec<Report> = reports
        .iter()
        .map(|report| without_timings(report, options))
        .collect();
    let versioned: Vec<Versioned<'_>> = reports
        .iter()
        .map(|report| Versioned {
            version: SCHEMA_VERSION,
            report,
        })
        .collect();
    serde_json::to_string_pretty(&versioned).expect("internal error: a report always serializes")
}

#[derive(serde::Serialize)]
struct ErrorEntry<'a> {
    version: u32,
    file: &'a str,
    verdict: &'static str,
    error: ErrorPosition<'a>,
}

#[derive(serde::Serialize)]
struct ErrorPosition<'a> {
    message: &'a str,
    line: Option<u32>,
    col: Option<u32>,
}

impl<'a> ErrorEntry<'a> {
    fn new(error: &'a ModelError) -> Self {
        let position = (error.line > 0).then_some((error.line, error.col));
        ErrorEntry {
            version: SCHEMA_VERSION,
            file: &error.file,
            verdict: "error",
            error: ErrorPosition {
                message: &error.message,
                line: position.map(|(line, _)| line),
                col: position.map(|(_, col)| col),
            },
        }
    }
}

/// One file's entry: its report, or the error that kept it from being checked.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Report(Versioned<'a>),
    Error(ErrorEntry<'a>),
}

/// Renders what `gomc check --json` found for each file, a report or the error that kept the
/// file from being checked (see the module documentation): one object for a single file, else
/// a pretty-printed JSON array in the order given.
pub fn render_json_entries(
    entries: &[Result<Report, ModelError>],
    options: &RenderOptions,
) -> String {
    let entries: Vec<Result<Report, &ModelError>> = entries
        .iter()
        .map(|entry| {
            entry
                .as_ref()
                .map(|report| without_timings(report, options))
        })
        .collect();
    let rendered: Vec<Entry<'_>> = entries
        .iter()
        .map(|entry| match entry {
            Ok(report) => Entry::Report(Versioned {
                version: SCHEMA_VERSION,
                report,
            }),
            Err(error) => Entry::Error(ErrorEntry::new(error)),
        })
        .collect();
    let json = match rendered.as_slice() {
        [one] => serde_json::to_string_pretty(one),
        all => serde_json::to_string_pretty(all),
    };
    json.expect("internal error: a report always serializes")
}
