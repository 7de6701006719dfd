//! The corpus (`corpus/` at the repository root): a hundred and fifteen small programs in the style of
//! real hang reports, written for gomc, using interfaces, user error types, type switches,
//! method values, local types, sized integers, context, errgroup, timers, testing/synctest,
//! io.Pipe and generics; 45 to 79 are written as engineers write them, not for gomc (worker
//! pools, pub/sub, a sync.Cond pool, singleflight, loop variables by Go release, atomics,
//! sync.Pool, a map ranged in an order that matters, a timer reused with Stop and Reset; 62 to 68
//! a Go 1.23 iterator that holds a lock while the body runs, context.AfterFunc's stop,
//! errgroup.SetLimit with unread results, a select over nil channels, a re-entered
//! sync.OnceValue, a recovering worker that skips wg.Done, and a correct generic parallel
//! map; 69 to 79 a sync.Map registry closed under a Range, context.WithCancelCause with
//! errors.Join, a time.AfterFunc callback blocked on the lock its stopper holds, a buffered
//! channel semaphore, atomic.Pointer[T] loaded before its first Store, a generic Queue[T] whose
//! Close forgets Broadcast, chan chan requests after a stop, a mocked Store interface under
//! errgroup with sort.Slice and strconv, a HandlerFunc middleware chain taking two locks in
//! opposite orders, a recursive RLock, and main parked in `select {}`; 80 to 88, the fourth probe round, a
//! registry embedding sync.Mutex printed through String, a broker unsubscribing under its
//! publisher's read lock, errgroup fetches with errors.As, a generic sync.Cond pool whose Close
//! signals one waiter, a ticker rate limiter over a type switch, a fan-in that returns at the
//! first error, a retry loop with a reused timer and backoff, a hand-written singleflight whose
//! loader panics, and a graceful shutdown with context.WithCancelCause); 89 to 99, the fifth,
//! compared with Go 1.23 by `ci/gorun.sh`: a `break` that leaves only the select, an iota state
//! machine without a case, a value receiver copying a locked RWMutex, a WaitGroup passed by
//! value, closures in a handler map with recover, an atomic CAS limiter with a goto retry, a
//! semaphore-channel pool with maps.Keys and slices.Sort, a close guarded by a plain flag (race
//! mode), a debouncer's timer reset, a re-entered sync.Once through a method value, and an
//! interface embedding io.Closer with striped locks; 100 to 103, the sixth, correct programs
//! of the shapes gomc refused or misjudged before this round (bufio.Scanner lines fanned out
//! to workers, a pool whose Submit selects on the caller's context, generic Merge/Sum/SafeMap
//! helpers, a generic bus embedding sync.RWMutex); 104 to 115, the seventh, shapes from
//! Kubernetes, etcd, gRPC, Prometheus, Docker, Consul, CockroachDB, containerd and Nomad
//! compared with Go 1.23 (a Cond queue without Broadcast, a watch hub's send ignoring its
//! context, a generic pool, a scrape loop under synctest time, handlers called as
//! `d.handlers[kind](m)` with a double close, a stop sent under the lock, a Stopper's closers,
//! a task exit channel never closed, a generic heap whose constraint names another type
//! parameter, an informer listener's pop, method expressions with errors.ErrUnsupported, a
//! sync.Pool given the wrong type). Each states its expected
//! verdict in a `gomc:expect` header; every one must load unchanged and match it. The deadlocks
//! and panics were confirmed with `go run` (Go 1.19), those that need a rare interleaving by
//! reasoning about it (47, 56, 58, 69, 72, 77, 78: the one gomc prints), and those that need a
//! newer Go than 1.19 (62: range over a function; 63: context.AfterFunc; 67: sync.OnceValue; 70:
//! context.WithCancelCause and errors.Join, Go 1.20) by reading Go 1.23's specification and
//! library; leaks and hangs are gomc's findings after `main` returns, which `go run` does not
//! show (the README's Outcomes).

use std::path::Path;

use gomc::{check_file, Config};

#[test]
fn every_corpus_program_loads_and_gets_its_expected_verdict() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 115, "{} corpus programs", files.len());
    let mut failures = Vec::new();
    for path in &files {
        match check_file(path, &Config::new()) {
            Err(error) => failures.push(format!("{}: does not load: {error}", path.display())),
            Ok(report) => {
                let expectation = report.expectation.as_ref().expect("a gomc:expect header");
                if !expectation.matched {
                    failures.push(format!(
                        "{}: expected {:?}, found {:?} (exhaustive: {})",
                        path.display(),
                        expectation.kinds,
                        report.violations,
                        report.exhaustive
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
