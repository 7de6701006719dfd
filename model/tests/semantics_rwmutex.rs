//! Known-answer tests of `sync.RWMutex` (and of it as a `sync.Locker`), mirroring Go 1.23's
//! sync/rwmutex.go: writer preference, readers sharing, misuse Go catches (fatal) and misuse it
//! does not (stranded waiters).
//!
//! How states are counted: see `semantics.rs`.

mod common;

use common::{assert_kinds, assert_space, check, panic_message, wait_reasons};
use gomc::explore::OutcomeKind::{Deadlock, Leak, Ok, Panic};

// ---- RWMutex ----

/// Writer preference: a writer waiting for main's read lock blocks the second reader, and
/// main waits for the second reader: Go's classic recursive-read-lock deadlock.
#[test]
fn rwmutex_pending_writer_blocks_new_readers() {
    let report = check(
        "package main
import \"sync\"
var rw sync.RWMutex
func main() {
	rw.RLock()
	done := make(chan bool)
	go func() {
		rw.Lock()
		rw.Unlock()
		done <- true
	}()
	go func() {
		rw.RLock()
		rw.RUnlock()
		done <- true
	}()
	<-done
	rw.RUnlock()
	<-done
}",
    );
    assert_kinds(&report, &[Ok, Deadlock]);
    assert_eq!(
        wait_reasons(&report, Deadlock),
        ["chan receive", "sync.RWMutex.Lock", "sync.RWMutex.RLock"]
    );
    assert_eq!(report.outcome(Deadlock).unwrap().witness.steps, 6);
}

/// S0 g1 at Lock; S1 at `go`; S2 g1 at Unlock, g2 at RLock. g1 unlocks and returns (S3),
/// then g2 read-locks (S4) and unlocks (S5). Or g2 parks behind the writer (S6), and g1's
/// Unlock hands it the read lock: the same state as S4.
#[test]
fn rwmutex_unlock_lets_the_waiting_reader_in() {
    let report = check(
        "package main
import \"sync\"
var rw sync.RWMutex
func main() {
	rw.Lock()
	go func() { rw.RLock(); rw.RUnlock() }()
	rw.Unlock()
}",
    );
    assert_space(&report, &[(Ok, 1)], 7, 7);
}

#[test]
fn rwmutex_readers_share_and_the_writer_waits_for_them() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	shared := 0
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			rw.RLock()
			shared++
			rw.RUnlock()
		}()
	}
	rw.Lock()
	value := shared
	rw.Unlock()
	wg.Wait()
	if value == 1 {
		// Possible: the writer got in between the two readers.
	}
}",
    );
    assert_kinds(&report, &[Ok]);
}

#[test]
fn rwmutex_misuse_is_fatal() {
    let cases = [
        (
            "rw.RUnlock()",
            "fatal error: sync: RUnlock of unlocked RWMutex",
        ),
        (
            "rw.Unlock()",
            "fatal error: sync: Unlock of unlocked RWMutex",
        ),
        (
            "rw.RLock(); rw.Unlock()",
            "fatal error: sync: Unlock of unlocked RWMutex",
        ),
        (
            "rw.Lock(); rw.RUnlock()",
            "fatal error: sync: RUnlock of unlocked RWMutex",
        ),
    ];
    for (body, message) in cases {
        let report = check(&format!(
            "package main\nimport \"sync\"\nfunc main() {{\n\tvar rw sync.RWMutex\n\t{body}\n}}"
        ));
        assert_eq!(panic_message(&report), message, "{body}");
    }
}

/// A stray `RUnlock` while main holds the write lock is fatal only when no reader waits: a
/// waiting reader's increment of `readerCount` hides it from `rUnlockSlow`'s check, and
/// `readerWait` goes to -1 (sync/rwmutex.go, `RUnlock`/`rUnlockSlow`); `Unlock` then counts no
/// reader to let in, so the reader waits forever. Go 1.23 shows both endings (the deadlock
/// with a `time.Sleep` before the `RUnlock`). Found by the differential check, where gomc's
/// invariant check rejected the negative `readerWait` as an internal error.
///
/// S0 main at Lock; S1 at `go`; S2 main at RUnlock, g2 at RLock. main's RUnlock is fatal
/// (S3), or g2 parks (S4), main's RUnlock passes (S5), Unlock (S6), main parks on `<-done`:
/// deadlock (S7). 8 states, 7 transitions.
#[test]
fn rwmutex_stray_runlock_behind_a_waiting_reader_strands_it() {
    let report = check(
        "package main
import \"sync\"
var rw sync.RWMutex
func main() {
	rw.Lock()
	done := make(chan bool)
	go func() {
		rw.RLock()
		done <- true
	}()
	rw.RUnlock()
	rw.Unlock()
	<-done
}",
    );
    assert_space(&report, &[(Deadlock, 1), (Panic, 1)], 8, 7);
    assert_eq!(
        panic_message(&report),
        "fatal error: sync: RUnlock of unlocked RWMutex"
    );
    assert_eq!(
        wait_reasons(&report, Deadlock),
        ["chan receive", "sync.RWMutex.RLock"]
    );
}

/// `Unlock` by a reader while a writer is pending is not fatal: `Unlock`'s check sees `r` = 1
/// reader (sync/rwmutex.go, `Unlock`), lets one reader in (none waits: `readerSem` counts it)
/// and unlocks `w` under the waiting writer. A second writer then takes `w` and waits on
/// `writerSem` too (`readerWait` 2); main's `RUnlock` and a read section that passes on the
/// counted `readerSem` bring `readerWait` to 0, which wakes the first writer only. The second
/// waits forever: Go 1.23 deadlocks with it in `sync.RWMutex.Lock` (with `time.Sleep`s that
/// force this order; without them the stray `Unlock` is fatal or the run ends well). Found by
/// the differential check, where gomc's invariant check rejected a writer waiting with
/// `readerWait` 0 as an internal error.
#[test]
fn rwmutex_stray_unlock_under_a_pending_writer_strands_a_second_writer() {
    let report = check(
        "package main
import \"sync\"
var rw sync.RWMutex
func main() {
	rw.RLock()
	done := make(chan bool)
	go func() {
		rw.Lock()
		done <- true
	}()
	rw.Unlock()
	go func() {
		rw.Lock()
		done <- true
	}()
	rw.RUnlock()
	rw.RLock()
	rw.RUnlock()
	<-done
	<-done
}",
    );
    assert_kinds(&report, &[Ok, Deadlock, Panic]);
    assert_eq!(
        panic_message(&report),
        "fatal error: sync: Unlock of unlocked RWMutex"
    );
    // The shortest: main's first `RUnlock` comes before the second writer, which arrives
    // during main's second read section and adds 1 to `readerWait` (now 2); that section's
    // `RUnlock` brings it to 1, and neither writer ever gets through.
    assert_eq!(
        wait_reasons(&report, Deadlock),
        ["chan receive", "sync.RWMutex.Lock", "sync.RWMutex.Lock"]
    );
}

#[test]
fn rwmutex_wait_reasons_of_blocked_writers_and_readers() {
    // The second writer waits for `rw.w` (Go: sync.Mutex.Lock); the reader waits on readerSem.
    let report = check(
        "package main
import \"sync\"
var rw sync.RWMutex
func main() {
	rw.Lock()
	go func() { rw.Lock() }()
	go func() { rw.RLock() }()
}",
    );
    assert_kinds(&report, &[Leak]);
    assert_eq!(
        wait_reasons(&report, Leak),
        ["sync.Mutex.Lock", "sync.RWMutex.RLock"]
    );
}

#[test]
fn rwmutex_try_lock_and_try_rlock() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var rw sync.RWMutex
	if !rw.TryRLock() || !rw.TryRLock() || rw.TryLock() {
		panic(\"readers share, and exclude a writer\")
	}
	rw.RUnlock()
	rw.RUnlock()
	if !rw.TryLock() || rw.TryRLock() || rw.TryLock() {
		panic(\"a writer excludes everybody\")
	}
	rw.Unlock()
}",
    );
    // Nine scheduling points, one after the other.
    assert_space(&report, &[(Ok, 1)], 10, 9);
}

#[test]
fn rwmutex_as_a_locker() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var rw sync.RWMutex
	var l sync.Locker = &rw
	l.Lock()
	if rw.TryRLock() {
		panic(\"Locker.Lock is the write lock\")
	}
	l.Unlock()
}",
    );
    assert_space(&report, &[(Ok, 1)], 4, 3);
}
