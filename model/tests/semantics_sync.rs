//! Known-answer tests of `sync.Once`, `Cond`, `Map` and the sync/atomic types, mirroring Go
//! 1.23's sync/once.go, cond.go, map.go and atomic/type.go (`sync.RWMutex` and `Locker`:
//! `semantics_rwmutex.rs`).
//!
//! How states are counted: see `semantics.rs`.

mod common;

use common::{assert_kinds, assert_space, check, panic_message, printed, wait_reasons};
use gomc::explore::OutcomeKind::{Deadlock, Ok};

// ---- Once ----

/// The Once's function calls Goexit: the Once is still done (sync/once.go defers the done
/// store), so main's own Do does not run its function.
/// S0 g1 at `go`; S1 g1 at the receive, g2 at Do. Path one: g1 parks (S2); g2 enters Do and
/// reaches Goexit (S3); Goexit runs the deferred end of Do (S4: g2 at OnceDone), then the
/// deferred close (S5); the close wakes g1, which reaches its Do (S6) and returns (S7). Path
/// two: g2 enters first (S8), Goexits (S9), ends the Do (S10), closes (S11: g2 gone, g1 at a
/// ready receive), and g1 receives (S6); g1 may park at S8, S9 or S10, joining path one.
#[test]
fn once_whose_function_calls_goexit_is_done() {
    let report = check(
        "package main
import (
	\"runtime\"
	\"sync\"
)
func main() {
	var once sync.Once
	done := make(chan bool)
	go func() {
		defer close(done)
		once.Do(func() { runtime.Goexit() })
	}()
	<-done
	ran := false
	once.Do(func() { ran = true })
	if ran {
		panic(\"the Once was not done after its function called Goexit\")
	}
}",
    );
    assert_space(&report, &[(Ok, 1)], 12, 15);
}

#[test]
fn once_is_done_even_when_its_function_panics() {
    let report = check(
        "package main
import \"sync\"
var once sync.Once
func try() {
	defer func() { recover() }()
	once.Do(func() { panic(\"in f\") })
}
func main() {
	try()
	once.Do(func() { panic(\"f ran twice\") })
}",
    );
    // Do, the panic, the deferred end of Do, then main's Do.
    assert_space(&report, &[(Ok, 1)], 5, 4);
}

#[test]
fn once_callers_wait_for_the_running_call() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var once sync.Once
	started := make(chan bool)
	block := make(chan bool)
	go once.Do(func() {
		started <- true
		<-block
	})
	<-started
	once.Do(func() { panic(\"f ran twice\") })
}",
    );
    assert_kinds(&report, &[Deadlock]);
    assert_eq!(
        wait_reasons(&report, Deadlock),
        ["chan receive", "sync.Mutex.Lock"]
    );
}

#[test]
fn recursive_once_do_deadlocks() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var once sync.Once
	once.Do(func() { once.Do(func() {}) })
}",
    );
    assert_space(&report, &[(Deadlock, 1)], 3, 2);
    assert_eq!(wait_reasons(&report, Deadlock), ["sync.Mutex.Lock"]);
}

#[test]
fn concurrent_once_runs_its_function_once() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var once sync.Once
	var wg sync.WaitGroup
	calls := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls++ })
		}()
	}
	wg.Wait()
	if calls != 1 {
		panic(\"f ran more than once\")
	}
}",
    );
    assert_kinds(&report, &[Ok]);
}

// ---- Cond ----

/// Without a predicate loop, a Signal before the Wait is lost.
#[test]
fn cond_signal_before_wait_is_lost() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	go func() {
		mu.Lock()
		c.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	c.Wait()
	mu.Unlock()
}",
    );
    assert_kinds(&report, &[Ok, Deadlock]);
    assert_eq!(wait_reasons(&report, Deadlock), ["sync.Cond.Wait"]);
}

#[test]
fn cond_with_a_predicate_loop_never_hangs() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		ready = true
		c.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	for !ready {
		c.Wait()
	}
	mu.Unlock()
}",
    );
    assert_kinds(&report, &[Ok]);
}

#[test]
fn cond_broadcast_wakes_every_waiter_and_signal_one() {
    let source = |notify: &str| {
        format!(
            "package main
import \"sync\"
func main() {{
	var mu sync.Mutex
	c := &sync.Cond{{L: &mu}}
	var wg sync.WaitGroup
	waiting := 0
	for i := 0; i < 2; i++ {{
		wg.Add(1)
		go func() {{
			defer wg.Done()
			mu.Lock()
			waiting++
			c.Wait()
			mu.Unlock()
		}}()
	}}
	for {{
		mu.Lock()
		if waiting == 2 {{
			break
		}}
		mu.Unlock()
	}}
	c.{notify}()
	mu.Unlock()
	wg.Wait()
}}"
        )
    };
    assert_kinds(&check(&source("Broadcast")), &[Ok]);
    let signal = check(&source("Signal"));
    assert_kinds(&signal, &[Deadlock]);
    assert_eq!(
        wait_reasons(&signal, Deadlock),
        ["sync.Cond.Wait", "sync.WaitGroup.Wait"]
    );
}

#[test]
fn cond_wait_without_the_lock_is_fatal() {
    let report = check(
        "package main
import \"sync\"
func main() {
	c := sync.NewCond(&sync.Mutex{})
	c.Wait()
}",
    );
    assert_eq!(
        panic_message(&report),
        "fatal error: sync: unlock of unlocked mutex"
    );
}

#[test]
fn cond_l_is_the_locker() {
    let report = check(
        "package main
import \"sync\"
func main() {
	var rw sync.RWMutex
	c := sync.NewCond(&rw)
	c.L.Lock()
	if rw.TryRLock() {
		panic(\"c.L.Lock did not write-lock the RWMutex\")
	}
	c.L.Unlock()
}",
    );
    assert_space(&report, &[(Ok, 1)], 4, 3);
}

// ---- Map ----

/// Ten Map operations, one after the other. States: main at each of the ten (10), at the
/// choice of Range's first key (1), at the load of the first key visited, a or c (2), at the
/// load of the other (2: the keys slice differs, the last key is taken without reordering),
/// the ok end: 16; transitions: 9 + Range + 2 picks + 2 + 2 loads = 16.
#[test]
fn sync_map_operations() {
    let report = check(
        "package main
import (
	\"fmt\"
	\"sync\"
)
func main() {
	var m sync.Map
	m.Store(\"a\", 1)
	if v, ok := m.Load(\"a\"); v != 1 || !ok {
		panic(\"Load\")
	}
	if v, loaded := m.LoadOrStore(\"a\", 2); v != 1 || !loaded {
		panic(\"LoadOrStore of a present key\")
	}
	if v, loaded := m.LoadOrStore(\"b\", 3); v != 3 || loaded {
		panic(\"LoadOrStore of a missing key\")
	}
	if old, loaded := m.Swap(\"b\", 4); old != 3 || !loaded {
		panic(\"Swap\")
	}
	if !m.CompareAndSwap(\"b\", 4, 5) {
		panic(\"CompareAndSwap\")
	}
	if m.CompareAndDelete(\"a\", 9) {
		panic(\"CompareAndDelete of another value\")
	}
	if v, loaded := m.LoadAndDelete(\"b\"); v != 5 || !loaded {
		panic(\"LoadAndDelete\")
	}
	m.Store(\"c\", 6)
	m.Range(func(k, v any) bool {
		fmt.Println(k, v)
		return true
	})
}",
    );
    assert_space(&report, &[(Ok, 1)], 16, 16);
    assert_eq!(printed(&report, Ok), ["a 1", "c 6"]);
}

/// Range over keys 1, 2, 3 in every order, stopping at 2. States: main at the three Stores
/// and Range (4), at the first pick (1), at the load of 1, 2 or 3 (3), at the second pick
/// after 1 or after 3 (2), at the load of the second key, 1-2, 1-3, 3-1, 3-2 (4), at the load
/// of 2 after 1-3 or 3-1 (1: the visited keys are kept sorted, and value and ok are not kept
/// in locals), at Clear (1: every order that reached 2 meets there), at the second Range (1),
/// the ok end (1): 18. Transitions: 3 Stores, Range, 3 picks, 3 loads, 2 x 2 picks, 4 loads,
/// 1 load, Clear, Range = 21.
#[test]
fn sync_map_range_stops_when_f_returns_false() {
    let report = check(
        "package main
import (
	\"fmt\"
	\"sync\"
)
func main() {
	m := &sync.Map{}
	for i := 3; i > 0; i-- {
		m.Store(i, i*i)
	}
	m.Range(func(k, v any) bool {
		fmt.Println(k, v)
		return k != 2
	})
	m.Clear()
	m.Range(func(k, v any) bool { panic(\"Clear left an entry\") })
}",
    );
    assert_space(&report, &[(Ok, 1)], 18, 21);
    assert_eq!(printed(&report, Ok), ["2 4"]);
}

// ---- atomic types and functions ----

#[test]
fn atomic_types_in_struct_fields() {
    let report = check(
        "package main
import (
	\"fmt\"
	\"sync/atomic\"
)
type stats struct {
	hits  atomic.Int64
	ready atomic.Bool
	seen  atomic.Uint32
	small atomic.Int32
	big   atomic.Uint64
}
func main() {
	var s stats
	s.hits.Add(5)
	s.ready.Store(true)
	if !s.ready.CompareAndSwap(true, false) || s.ready.Load() {
		panic(\"Bool\")
	}
	fmt.Println(s.seen.Add(^uint32(0)), s.small.Add(-3), s.hits.Swap(7), s.hits.Load())
	p := &s.big
	p.Store(2)
	fmt.Println(s.big.Load())
}",
    );
    // Add, Store, CompareAndSwap, Load, Add, Add, Swap, Load, Store, Load.
    assert_space(&report, &[(Ok, 1)], 11, 10);
    assert_eq!(printed(&report, Ok), ["4294967295 -3 5 7", "2"]);
}

#[test]
fn atomic_counter_is_exact_under_every_interleaving() {
    let report = check(
        "package main
import (
	\"sync\"
	\"sync/atomic\"
)
func main() {
	var n atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(1)
		}()
	}
	wg.Wait()
	if n.Load() != 2 {
		panic(\"lost update\")
	}
}",
    );
    assert_kinds(&report, &[Ok]);
}

#[test]
fn atomic_swap_functions() {
    let report = check(
        "package main
import (
	\"fmt\"
	\"sync/atomic\"
)
func main() {
	var a int32 = 1
	var b int64 = 2
	var c uint32
	fmt.Println(atomic.SwapInt32(&a, 10), atomic.SwapInt64(&b, 20), a, b)
	fmt.Println(atomic.AddUint32(&c, ^uint32(0)))
}",
    );
    assert_space(&report, &[(Ok, 1)], 4, 3);
    assert_eq!(printed(&report, Ok), ["1 2 10 20", "4294967295"]);
}
