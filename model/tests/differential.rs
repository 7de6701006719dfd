//! The differential check against the real Go runtime: Go is the ground truth for what a Go
//! program does. Random well-formed programs (`program_generator/mod.rs`, with its
//! `Extras::Library` set: prints, panics, recover, copies of sync values, RWMutex, Cond,
//! sync/atomic, context.WithCancel, `len`/`cap` of channels, range over a channel) are built
//! with the Go toolchain (Go 1.23, the release gomc follows, where it is installed:
//! [`go_command`]) and run many times under varied `GOMAXPROCS`; every behaviour the runtime
//! shows must be one gomc finds reachable, which also means that a program gomc proves clean
//! never fails under Go.
//!
//! What is compared, per run: how it ended (exit 0, Go's deadlock, the panic or fatal error
//! line, or a hang: killed after a timeout) and the lines it printed (`println`). gomc's side is
//! every `(ending, printed lines)` pair of its state graph, found by a search over states paired
//! with what was printed on the way: Go ends the process when `main` returns, so every state in
//! which `main` has returned counts as "exit 0 with what was printed so far"; a deadlock or a
//! panic end state counts with its line. A Go timeout needs gomc's `hang`.
//!
//! Four known differences are tolerated and counted, not failed:
//! - output timing: gomc runs a goroutine's local code (a `println` included) in the step that
//!   starts or wakes it, while Go may end the process, or let another goroutine print, before
//!   it gets there. A run whose ending gomc reaches, and whose printed lines gomc prints too but
//!   not at the same moment, counts as "explained up to output timing" (pinned by
//!   `fixme_a_goroutine_prints_in_the_step_that_starts_it`);
//! - a line cut by the exit: Go's `println` writes its operands one by one, so `main`'s return
//!   can end the process in the middle of another goroutine's line (Go's behaviour, not a
//!   difference of gomc's: the run counts when gomc reaches it with that line whole);
//! - several goroutines failing at once: Go prints a fatal error's message before it stops the
//!   other threads, which may fail too meanwhile (and print first), while gomc ends the
//!   program at the first failure: a run in which Go printed more than one `fatal error: `
//!   counts when gomc reaches a failure with the same lines;
//! - a line printed into a fatal error's: the runtime writes a fatal error's parts one by one,
//!   and a goroutine still running may print between them (Go's behaviour, not gomc's: the run
//!   counts when gomc reaches that fatal error with that line printed whole).
//!
//! A run whose ending gomc does not reach, or that prints a line gomc never prints there, fails
//! the test.
//!
//! Bounded here (CI installs Go from Debian, `.ci/run`): `PROGRAMS` programs, `RUNS` runs each.
//! The long version is the same test with more: `GOMC_DIFF_PROGRAMS=400 GOMC_DIFF_RUNS=32
//! GOMC_DIFF_SEED=1 cargo test -p gomc --test differential every_behaviour -- --nocapture`
//! (the test profile checks gomc's state invariants after every step; `GOMC_DIFF_SHOW=1`
//! prints each program). Without Go on a developer's machine the test says so and passes; under CI it
//! fails.

mod program_generator;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gomc::explore::{Model, OutcomeKind, StateStatus};
use gomc::frontend::{compile, CompileOptions};
use gomc::program::SourceFile;
use gomc::semantics::{GoroutineStatus, Machine};
use gomc::{check_source, Config};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};

use program_generator::{program, Extras};

/// Programs per run unless `GOMC_DIFF_PROGRAMS` says otherwise.
const PROGRAMS: usize = 24;

/// Runtime executions per program unless `GOMC_DIFF_RUNS` says otherwise.
const RUNS: usize = 16;

/// A run still going after this is a hang (Go reports a deadlock at once).
const TIMEOUT: Duration = Duration::from_secs(5);

/// How many `(state, printed lines)` pairs gomc's side may visit before the program is left
/// out (and counted as such).
const MAX_PAIRS: usize = 200_000;

/// What the summary counts the compared programs by: a name, and the texts that mark a
/// program using it (`GOMC_DIFF_SHOW=1` prints every program).
const FEATURES: [(&str, &[&str]); 9] = [
    ("select", &["select {"]),
    ("Mutex", &["\tmu.Lock()"]),
    ("WaitGroup", &["wg.Wait()"]),
    ("RWMutex", &["rw."]),
    ("Cond", &["cond."]),
    ("atomic", &["atomic.", "flag."]),
    ("context", &["ctx.", "cancel()"]),
    ("len/cap", &["cap(c"]),
    ("range over a channel", &["range c"]),
];

/// The WaitGroup misuse Go detects on some interleavings, and gomc on the same ones.
const REUSED: &str = "panic: sync: WaitGroup is reused before previous Wait has returned";

/// How a run ended and what it printed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Observed {
    /// `exit 0`, `deadlock`, `hang`, or Go's `panic: ...`/`fatal error: ...` line.
    ending: String,
    /// The `println` lines, in order.
    printed: Vec<String>,
    /// Whether the last line is cut: Go ended the process in the middle of a `println`, which
    /// writes its operands one by one (runtime/print.go), so the output ends without its
    /// newline. gomc's lines are always whole.
    cut: bool,
    /// Whether Go printed more than one `fatal error: ` (several goroutines failed at once).
    several_failures: bool,
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// Every `(ending, printed)` pair gomc finds reachable, or `None` past [`MAX_PAIRS`].
fn gomc_observations(source: &str) -> Option<BTreeSet<Observed>> {
    let file = SourceFile {
        name: "main.go".into(),
        text: source.into(),
    };
    let program = compile(&[file], &CompileOptions::default())
        .unwrap_or_else(|error| panic!("gomc rejects a well-formed program: {error}\n{source}"));
    let machine = Machine::new(&program);
    let initial = machine.initial().expect("the initial state");
    let mut seen = HashSet::new();
    let mut stack = vec![(initial, machine.initial_output())];
    let mut observed = BTreeSet::new();
    let mut choices = Vec::new();
    while let Some((state, printed)) = stack.pop() {
        if !seen.insert((machine.fingerprint(&state), printed.clone())) {
            continue;
        }
        if seen.len() > MAX_PAIRS {
            return None;
        }
        let main_returned = machine
            .goroutines(&state)
            .iter()
            .all(|goroutine| goroutine.id != 1 || goroutine.status == GoroutineStatus::Dead);
        if main_returned {
            observed.insert(Observed {
                ending: "exit 0".into(),
                printed: printed.clone(),
                cut: false,
                several_failures: false,
            });
        }
        match machine.status(&state) {
            StateStatus::Ended(OutcomeKind::Deadlock) => {
                observed.insert(Observed {
                    ending: "deadlock".into(),
                    printed,
                    cut: false,
                    several_failures: false,
                });
            }
            StateStatus::Ended(OutcomeKind::Panic) => {
                let (_, message) = machine.panic_message(&state).expect("a panic message");
                let ending =
                    if message.starts_with("fatal error: ") || message.starts_with("panic: ") {
                        message
                    } else {
                        format!("panic: {message}")
                    };
                observed.insert(Observed {
                    ending,
                    printed,
                    cut: false,
                    several_failures: false,
                });
            }
            StateStatus::Ended(_) => {}
            StateStatus::Running => {
                choices.clear();
                machine.choices(&state, &mut choices);
                for &choice in &choices {
                    let (next, step) = machine
                        .step_traced(&state, choice)
                        .unwrap_or_else(|error| panic!("gomc cannot step: {error:?}\n{source}"));
                    let mut printed = printed.clone();
                    printed.extend(step.output);
                    stack.push((next, printed));
                }
            }
        }
    }
    Some(observed)
}

/// Where Go 1.23, the release whose semantics gomc follows, is installed (`.ci/run` installs
/// it); `GOMC_GO_NEWER` names another `bin` folder, as for `ci/gorun.sh`.
const GO_NEWER: &str = "/usr/lib/go-1.23/bin";

/// The `go` command the check runs: the one in `$GOMC_GO_NEWER` (default [`GO_NEWER`]) when it
/// is there, else `go` on `PATH` (Debian's `golang-go`, an older release).
fn go_command() -> PathBuf {
    let newer = std::env::var_os("GOMC_GO_NEWER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(GO_NEWER))
        .join("go");
    if newer.is_file() {
        newer
    } else {
        PathBuf::from("go")
    }
}

/// Builds `source` with the Go toolchain `go` into `directory`; the binary's path.
fn go_build(go: &Path, directory: &Path, source: &str) -> PathBuf {
    std::fs::create_dir_all(directory).unwrap();
    std::fs::write(directory.join("main.go"), source).unwrap();
    let output = Command::new(go)
        .args(["build", "-o", "program", "main.go"])
        .current_dir(directory)
        .env("GOFLAGS", "")
        .env("GOPROXY", "off")
        .env("GO111MODULE", "off")
        .output()
        .expect("go build runs");
    assert!(
        output.status.success(),
        "go build rejects a generated program:\n{}\n{source}",
        String::from_utf8_lossy(&output.stderr)
    );
    directory.join("program")
}

/// Runs the binary once under `GOMAXPROCS=procs`.
fn go_run(binary: &Path, procs: usize) -> Observed {
    let mut child = Command::new(binary)
        .env("GOMAXPROCS", procs.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting works") {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    let mut printed = Vec::new();
    let mut ending = None;
    for line in stderr.lines() {
        if line.starts_with("panic: ") || line.starts_with("fatal error: ") {
            ending = Some(line.to_string());
            break;
        }
        printed.push(line.to_string());
    }
    let ending = match (status, ending) {
        (None, _) => "hang".to_string(),
        // main returned and ended the process while another goroutine was printing its
        // panic or fatal error (Go prints a cut `fatal error: ` line then, and exits 0).
        (Some(status), _) if status.success() => "exit 0".to_string(),
        (Some(_), Some(line)) if line == "fatal error: all goroutines are asleep - deadlock!" => {
            "deadlock".to_string()
        }
        (Some(_), Some(line)) => line,
        (Some(status), None) => format!("unexplained exit {status}: {stderr}"),
    };
    // Only main's return can cut a line: a panic or fatal error prints after taking the lock
    // that a `println` holds to its end (runtime/print.go, `printlock`).
    let cut = ending == "exit 0" && !printed.is_empty() && !stderr.ends_with('\n');
    // Go prints a fatal error's message before it stops the other threads
    // (runtime/panic.go, `fatal` then `fatalthrow`), so a goroutine running in parallel can
    // fail too in the meantime, and either message can come first, or both on one line.
    let several_failures = stderr.matches("fatal error: ").count() > 1;
    Observed {
        ending,
        printed,
        cut,
        several_failures,
    }
}

/// Whether a run whose last line Go cut is one gomc reaches with that line whole: the same
/// ending, the same lines before it, and a last line that starts with the cut one.
fn explained_up_to_a_cut_line(observed: &Observed, reachable: &BTreeSet<Observed>) -> bool {
    let Some((partial, whole)) = observed.printed.split_last() else {
        return false;
    };
    observed.cut
        && reachable.iter().any(|candidate| {
            candidate.ending == observed.ending
                && candidate.printed.len() == observed.printed.len()
                && candidate.printed.starts_with(whole)
                && candidate
                    .printed
                    .last()
                    .unwrap()
                    .starts_with(partial.as_str())
        })
}

/// Whether a run in which several goroutines failed at once is one gomc reaches with a
/// failure and the same lines: gomc ends the program at the first failure, while Go lets the
/// other threads run until it stops them, so a second goroutine may fail (`Unlock` of an
/// `RWMutex` by two goroutines holding a read lock, in parallel: the second sees
/// `readerCount` wrap around and fails in `w.Unlock`) and its message may be the one printed
/// first.
fn explained_up_to_concurrent_failures(
    observed: &Observed,
    reachable: &BTreeSet<Observed>,
) -> bool {
    observed.several_failures
        && reachable.iter().any(|candidate| {
            (candidate.ending.starts_with("fatal error: ")
                || candidate.ending.starts_with("panic: "))
                && candidate.printed == observed.printed
        })
}

/// Whether a fatal error's line is one gomc reaches with another goroutine's printed line
/// written into it: the runtime writes "fatal error: ", the message and the newline one by
/// one, and a goroutine still running may print between those writes (`fatal error: p2`, its
/// message on the next line; `fatal error: sync: unlock of unlocked mutexwas 0`). The run
/// counts when gomc reaches that fatal error with the same lines plus the one written into it.
fn explained_up_to_interleaved_fatal_error(
    observed: &Observed,
    reachable: &BTreeSet<Observed>,
) -> bool {
    let Some(tail) = observed.ending.strip_prefix("fatal error: ") else {
        return false;
    };
    reachable.iter().any(|candidate| {
        let Some(message) = candidate.ending.strip_prefix("fatal error: ") else {
            return false;
        };
        (0..candidate.printed.len()).any(|at| {
            let line = &candidate.printed[at];
            let mut rest = candidate.printed.clone();
            rest.remove(at);
            rest == observed.printed && (tail == line || tail == format!("{message}{line}"))
        })
    })
}

/// Whether gomc reaches the same ending with every line Go printed printed too (as often),
/// perhaps more and at other moments: the known difference in output timing.
fn explained_up_to_output_timing(observed: &Observed, reachable: &BTreeSet<Observed>) -> bool {
    // A line the exit cut (both differences at once) needs only a line it begins.
    let (whole, partial) = match observed.printed.split_last() {
        Some((last, rest)) if observed.cut => (rest, Some(last)),
        _ => (&observed.printed[..], None),
    };
    reachable.iter().any(|candidate| {
        candidate.ending == observed.ending
            && whole.iter().all(|line| {
                let count = |lines: &[String]| lines.iter().filter(|other| *other == line).count();
                count(whole) <= count(&candidate.printed)
            })
            && partial.is_none_or(|partial| {
                candidate
                    .printed
                    .iter()
                    .any(|line| line.starts_with(partial.as_str()))
            })
    })
}

#[test]
fn fixme_a_goroutine_prints_in_the_step_that_starts_it() {
    // Go may return from main before the new goroutine prints (exit 0, nothing printed); gomc
    // runs the goroutine up to its first synchronization operation inside the `go` step, so it
    // always prints. Found by the differential check; making output a scheduling point of its
    // own flips this test.
    let source = "package main\n\nfunc main() {\n\tgo func() {\n\t\tprintln(\"p3\")\n\t}()\n}\n";
    let reachable = gomc_observations(source).expect("small");
    let printed_p3 = Observed {
        ending: "exit 0".into(),
        printed: vec!["p3".into()],
        cut: false,
        several_failures: false,
    };
    assert_eq!(reachable, BTreeSet::from([printed_p3]));
}

#[test]
fn len_of_a_channel_is_read_when_the_goroutine_gets_there() {
    // Go may run main's send before the goroutine reads `len(c)` (it prints 1, and usually
    // does) or after (0). `len(c)` of a channel is a scheduling point of its own
    // (`Instr::ChanLen`): as local code it was read in the `go` step that starts the
    // goroutine, before any other goroutine could send, so gomc printed 0 only. Found by the
    // differential check.
    let source = "package main\n\nfunc main() {\n\tc := make(chan int, 1)\n\t\
                  done := make(chan bool)\n\tgo func() {\n\t\tprintln(len(c))\n\t\t\
                  done <- true\n\t}()\n\tc <- 1\n\t<-done\n}\n";
    let reachable = gomc_observations(source).expect("small");
    let printed = |line: &str| Observed {
        ending: "exit 0".into(),
        printed: vec![line.into()],
        cut: false,
        several_failures: false,
    };
    assert_eq!(reachable, BTreeSet::from([printed("0"), printed("1")]));
}

#[test]
fn a_waitgroup_reused_before_wait_returned_panics_as_in_go() {
    // Go panics "WaitGroup is reused before previous Wait has returned" when `Add` comes
    // between the wake-up of `Wait` and its check of the counter (sync/waitgroup.go, `Wait`
    // after `runtime_Semacquire`; a window of a few instructions, so rare in practice). Found
    // by the differential check on a generated program: gomc's woken `Wait` used to return in
    // the step that woke it. Both endings are reachable, as under Go.
    let source = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\t\
                  wg.Add(1)\n\tgo func() {\n\t\twg.Done()\n\t\twg.Add(1)\n\t\twg.Done()\n\t}()\n\t\
                  wg.Wait()\n}\n";
    let reachable = gomc_observations(source).expect("small");
    let endings: BTreeSet<&str> = reachable.iter().map(|seen| seen.ending.as_str()).collect();
    assert_eq!(endings, BTreeSet::from(["exit 0", REUSED]));
}

#[test]
fn every_behaviour_of_the_go_runtime_is_one_gomc_finds_reachable() {
    let go = go_command();
    let Ok(version) = Command::new(&go).arg("version").output() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Go: .ci/run installs golang-go"
        );
        eprintln!("differential check skipped: no `go` on PATH (apt-get install golang-go)");
        return;
    };
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
    let programs = env_number("GOMC_DIFF_PROGRAMS", PROGRAMS);
    let runs = env_number("GOMC_DIFF_RUNS", RUNS);
    let seed = env_number("GOMC_DIFF_SEED", 0) as u64;
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(
        proptest::test_runner::Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );
    let strategy = program(Extras::Library);
    let scratch = std::env::temp_dir().join(format!("gomc-differential-{}", std::process::id()));
    let (mut compared, mut executions, mut left_out) = (0, 0, 0);
    let (mut timing, mut cut, mut failures, mut interleaved) = (0, 0, 0, 0);
    let mut covered = [0; FEATURES.len()];
    let mut disagreements = Vec::new();
    for index in 0..programs {
        let source = strategy
            .new_tree(&mut runner)
            .expect("a program")
            .current()
            .to_string();
        let Some(reachable) = gomc_observations(&source) else {
            left_out += 1;
            continue;
        };
        let binary = go_build(&go, &scratch.join(index.to_string()), &source);
        let mut shown = BTreeSet::new();
        for run in 0..runs {
            shown.insert(go_run(&binary, [1, 2, 4, 8][run % 4]));
        }
        executions += runs;
        compared += 1;
        for (count, (_, marks)) in covered.iter_mut().zip(FEATURES) {
            if marks.iter().any(|mark| source.contains(mark)) {
                *count += 1;
            }
        }
        if std::env::var_os("GOMC_DIFF_SHOW").is_some() {
            eprintln!("program {index}:\n{source}");
        }
        for observed in shown {
            let explained = if observed.ending == "hang" {
                check_source("main.go", &source, &Config::new())
                    .is_ok_and(|report| report.violations.contains(&OutcomeKind::Hang))
            } else if reachable.contains(&observed) {
                true
            } else if explained_up_to_a_cut_line(&observed, &reachable) {
                cut += 1;
                true
            } else if explained_up_to_output_timing(&observed, &reachable) {
                timing += 1;
                true
            } else if explained_up_to_concurrent_failures(&observed, &reachable) {
                failures += 1;
                true
            } else if explained_up_to_interleaved_fatal_error(&observed, &reachable) {
                interleaved += 1;
                true
            } else {
                false
            };
            if !explained {
                disagreements.push(format!(
                    "Go showed {observed:?}, which gomc does not reach; gomc reaches \
                     {reachable:?}\n{source}"
                ));
            }
        }
    }
    std::fs::remove_dir_all(&scratch).ok();
    eprintln!(
        "differential check against {version}: {compared} programs compared ({left_out} left out, too large), \
         {executions} runtime executions, {timing} distinct behaviours explained up to output \
         timing, {cut} with a line cut by the exit, {failures} with several goroutines failing \
         at once, {interleaved} with a line printed into a fatal error's, {} disagreements",
        disagreements.len()
    );
    let coverage: Vec<String> = FEATURES
        .iter()
        .zip(covered)
        .map(|((feature, _), count)| format!("{feature} {count}"))
        .collect();
    eprintln!("programs compared that use: {}", coverage.join(", "));
    assert!(compared > 0, "no program was compared");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));
}
