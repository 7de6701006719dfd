//! Go's value semantics for sync values (`semantics/copy.rs`): a copy of a `sync.Mutex`,
//! `WaitGroup`, `Once` or `RWMutex` — by assignment, by value parameter, through `append`, as a
//! range variable — is a new object with the state of the original and no waiters; `make` gives
//! every element its own object. Each program's verdict was confirmed with `go run` (Go 1.19);
//! state counts are worked out by hand with the counting rule at the top of `semantics.rs`.

mod common;

use common::{assert_space, check, printed};
use gomc::explore::OutcomeKind;
use gomc::{check_source, Config};

#[test]
fn a_struct_copied_while_its_mutex_is_locked_holds_a_locked_mutex() {
    // The copy is a scheduling point of its own. s0 at a.mu.Lock; s1 at the copy `b := a`; s2
    // at a.mu.Unlock; s3 at b.mu.Lock; b's mutex is a locked copy, so the Lock parks: s4, a
    // deadlock. 5 states, 4 transitions.
    let report = check(
        "package main\n\nimport \"sync\"\n\ntype counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n\
         func main() {\n\tvar a counter\n\ta.mu.Lock()\n\tb := a\n\ta.mu.Unlock()\n\tb.mu.Lock()\n\
         \tprintln(b.n)\n}\n",
    );
    assert_space(&report, &[(OutcomeKind::Deadlock, 1)], 5, 4);
}

#[test]
fn a_pointer_shares_the_mutex_a_copy_does_not() {
    // Through a pointer it is the same mutex: unlocked by the time b.mu.Lock runs, so the
    // program ends. s0 Lock, s1 Unlock, s2 b.mu.Lock, s3 b.mu.Unlock, s4 ended: 5 and 4.
    let report = check(
        "package main\n\nimport \"sync\"\n\ntype counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n\
         func main() {\n\tvar a counter\n\ta.mu.Lock()\n\tb := &a\n\ta.mu.Unlock()\n\tb.mu.Lock()\n\
         \tb.mu.Unlock()\n}\n",
    );
    assert_space(&report, &[(OutcomeKind::Ok, 1)], 5, 4);
}

#[test]
fn a_waitgroup_passed_by_value_leaves_the_callers_counter_up() {
    // The worker's Done decrements its own copy, so main's Wait never returns (Go: "all
    // goroutines are asleep"). s0 at Add; s1 at the copy of the argument; s2 at `go`; s3 g1 at
    // Wait, g2 at Done; from s3 either g1 parks (s4) or g2 is done (s5); both lead to s6: g1
    // parked alone, a deadlock. 7 states, 7 transitions.
    let report = check(
        "package main\n\nimport \"sync\"\n\nfunc worker(wg sync.WaitGroup) {\n\twg.Done()\n}\n\n\
         func main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo worker(wg)\n\twg.Wait()\n}\n",
    );
    assert_space(&report, &[(OutcomeKind::Deadlock, 1)], 7, 7);
}

#[test]
fn the_waitgroup_worker_pool_passed_by_value_deadlocks_and_by_pointer_ends() {
    let pool = |parameter: &str, argument: &str| {
        format!(
            "package main\n\nimport \"sync\"\n\nfunc worker(id int, wg {parameter}, results chan<- \
             int) {{\n\tdefer wg.Done()\n\tresults <- id\n}}\n\nfunc main() {{\n\tvar wg \
             sync.WaitGroup\n\tresults := make(chan int, 2)\n\tfor i := 0; i < 2; i++ {{\n\t\t\
             wg.Add(1)\n\t\tgo worker(i, {argument}, results)\n\t}}\n\twg.Wait()\n\tclose(results)\n}}\n"
        )
    };
    let by_value = check(&pool("sync.WaitGroup", "wg"));
    assert!(by_value.exhaustive);
    assert_eq!(by_value.violations, [OutcomeKind::Deadlock]);
    let by_pointer = check(&pool("*sync.WaitGroup", "&wg"));
    assert!(by_pointer.exhaustive);
    assert!(
        by_pointer.violations.is_empty(),
        "{:?}",
        by_pointer.violations
    );
}

#[test]
fn make_gives_every_element_its_own_mutex() {
    // One goroutine locks both elements in turn: s0 Lock ms[0], s1 Lock ms[1], s2 Unlock ms[1],
    // s3 Unlock ms[0], s4 ended. 5 states, 4 transitions (one shared mutex would deadlock).
    let report = check(
        "package main\n\nimport \"sync\"\n\nfunc main() {\n\tms := make([]sync.Mutex, 2)\n\t\
         ms[0].Lock()\n\tms[1].Lock()\n\tms[1].Unlock()\n\tms[0].Unlock()\n}\n",
    );
    assert_space(&report, &[(OutcomeKind::Ok, 1)], 5, 4);
}

#[test]
fn lock_ordering_over_a_slice_of_mutexes_is_correct() {
    let report = check(
        "package main\n\nimport \"sync\"\n\nfunc main() {\n\tlocks := make([]sync.Mutex, 2)\n\t\
         var wg sync.WaitGroup\n\ttransfer := func(from, to int) {\n\t\tdefer wg.Done()\n\t\t\
         first, second := from, to\n\t\tif second < first {\n\t\t\tfirst, second = second, first\n\t\t}\n\t\t\
         locks[first].Lock()\n\t\tlocks[second].Lock()\n\t\tlocks[second].Unlock()\n\t\t\
         locks[first].Unlock()\n\t}\n\twg.Add(2)\n\tgo transfer(0, 1)\n\tgo transfer(1, 0)\n\twg.Wait()\n}\n",
    );
    assert!(report.exhaustive);
    assert!(report.violations.is_empty(), "{:?}", report.violations);
}

/// `ms` holds one locked mutex; `append` of a second element with capacity `cap`.
fn append_program(cap: u32) -> String {
    format!(
        "package main\n\nimport \"sync\"\n\nfunc main() {{\n\tms := make([]sync.Mutex, 1, {cap})\n\t\
         ms[0].Lock()\n\tvar extra sync.Mutex\n\tgrown := append(ms, extra)\n\tms[0].Unlock()\n\t\
         grown[0].Lock()\n\tgrown[0].Unlock()\n}}\n"
    )
}

#[test]
fn append_that_reallocates_copies_a_locked_mutex() {
    // Capacity 1: append copies the locked ms[0] into a new array, and unlocking ms[0] leaves
    // the copy locked. s0 Lock, s1 the copy of `extra` (an argument), s2 Unlock, s3
    // grown[0].Lock parks, s4 deadlock: 5 and 4.
    assert_space(
        &check(&append_program(1)),
        &[(OutcomeKind::Deadlock, 1)],
        5,
        4,
    );
}

#[test]
fn append_in_place_shares_the_element() {
    // Capacity 2: append writes into the same array, grown[0] is ms[0]. s0 Lock, s1 the copy
    // of `extra`, s2 Unlock, s3 grown[0].Lock, s4 grown[0].Unlock, s5 ended: 6 and 5.
    assert_space(&check(&append_program(2)), &[(OutcomeKind::Ok, 1)], 6, 5);
}

#[test]
fn a_range_variable_is_a_copy_of_the_element() {
    // ms[0] is locked; the range variable m is a locked copy, so m.Lock parks for ever.
    // s0 Lock ms[0], s1 the copy of ms[0] into m, s2 m.Lock parks, s3 deadlock: 4 and 3.
    let report = check(
        "package main\n\nimport \"sync\"\n\nfunc main() {\n\tms := make([]sync.Mutex, 2)\n\t\
         ms[0].Lock()\n\tfor _, m := range ms {\n\t\tm.Lock()\n\t\tm.Unlock()\n\t}\n}\n",
    );
    assert_space(&report, &[(OutcomeKind::Deadlock, 1)], 4, 3);
}

#[test]
fn a_copied_once_that_ran_is_done_and_a_copied_rwmutex_keeps_its_lock() {
    // As `go run` prints: "first", then "true false" (the original is unlocked again, the copy
    // made while it was write-locked stays locked).
    let report = check(
        "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar once sync.Once\n\t\
         once.Do(func() { println(\"first\") })\n\tcopied := once\n\t\
         copied.Do(func() { println(\"second\") })\n\tvar rw sync.RWMutex\n\trw.Lock()\n\t\
         rwCopy := rw\n\trw.Unlock()\n\tprintln(rw.TryRLock(), rwCopy.TryRLock())\n}\n",
    );
    assert!(report.exhaustive);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["first", "true false"]);
}

#[test]
fn a_copy_has_no_waiters() {
    // g2 parks on a.mu; main copies a (b.mu: locked, no waiters), unlocks a.mu (waking g2) and
    // unlocks b.mu too: had the waiter been copied, it would be woken twice. The program ends.
    let report = check(
        "package main\n\nimport \"sync\"\n\ntype box struct{ mu sync.Mutex }\n\nfunc main() {\n\t\
         var a box\n\tvar wg sync.WaitGroup\n\ta.mu.Lock()\n\twg.Add(1)\n\tgo func() {\n\t\t\
         defer wg.Done()\n\t\ta.mu.Lock()\n\t\ta.mu.Unlock()\n\t}()\n\tb := a\n\ta.mu.Unlock()\n\t\
         b.mu.Unlock()\n\twg.Wait()\n}\n",
    );
    assert!(report.exhaustive);
    assert!(report.violations.is_empty(), "{:?}", report.violations);
}

/// Models whose copies `go vet` reports, one per kind of copy vet names.
const VETTED: &[&str] = &[
    // assignment, of a struct holding a mutex and of a WaitGroup
    "package main\n\nimport \"sync\"\n\ntype counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n\
     func main() {\n\tvar a counter\n\tb := a\n\tb.mu.Lock()\n\tvar wg sync.WaitGroup\n\tvar w2 \
     sync.WaitGroup\n\tw2 = wg\n\tw2.Wait()\n}\n",
    // parameter declared by value, call argument, return, range variable, append
    "package main\n\nimport \"sync\"\n\nfunc worker(wg sync.WaitGroup) {\n\twg.Done()\n}\n\n\
     func fresh() sync.Mutex {\n\tvar mu sync.Mutex\n\treturn mu\n}\n\nfunc main() {\n\t\
     var wg sync.WaitGroup\n\twg.Add(1)\n\tgo worker(wg)\n\tms := make([]sync.Mutex, 2)\n\t\
     for _, m := range ms {\n\t\tm.Lock()\n\t}\n\tms = append(ms, fresh())\n\tvar o sync.Once\n\t\
     ms2 := append(ms, ms[0])\n\t_ = ms2\n\to.Do(func() {})\n}\n",
    // composite literal element, variable declaration
    "package main\n\nimport \"sync\"\n\ntype holder struct{ mu sync.RWMutex }\n\nfunc main() {\n\t\
     var rw sync.RWMutex\n\th := holder{mu: rw}\n\tvar c = h\n\tc.mu.Lock()\n}\n",
    // a type embedding sync.Mutex is a lock itself (its pointer is a sync.Locker): vet names
    // it alone, and a struct holding it as containing it
    "package main\n\nimport \"sync\"\n\ntype registry struct {\n\tsync.Mutex\n\tn int\n}\n\n\
     type server struct{ reg registry }\n\nfunc size(r registry) int { return r.n }\n\n\
     func main() {\n\tvar r registry\n\t_ = size(r)\n\ts := server{reg: r}\n\tt := s\n\t\
     t.reg.Lock()\n}\n",
    // the builtins that read only a length or a type copy nothing (vet's
    // checkCopyLocksCallExpr skips len, cap and new): striped locks sized by `len(s.locks)`
    "package main\n\nimport \"sync\"\n\ntype striped struct {\n\tlocks [4]sync.Mutex\n}\n\n\
     func main() {\n\tvar s striped\n\tn := len(s.locks) + cap(s.locks)\n\tp := new(sync.Mutex)\n\t\
     p.Lock()\n\ts.locks[n%len(s.locks)].Lock()\n}\n",
];

/// gomc's warnings for `source` checked as `main.go`.
fn gomc_warnings(source: &str) -> Vec<String> {
    check_source("main.go", source, &Config::new().max_states(10_000))
        .unwrap_or_else(|error| panic!("model does not compile:\n{error}"))
        .warnings
}

#[test]
fn copies_are_warned_about_in_go_vets_words_at_go_vets_positions() {
    // Recorded from `go vet main.go` (Go 1.19) on each model; vet names the package
    // `command-line-arguments` where gomc says `main`.
    let expected: [&[&str]; 5] = [
        &[
            "main.go:12:7: assignment copies lock value to b: main.counter contains sync.Mutex",
            "main.go:16:7: assignment copies lock value to w2: sync.WaitGroup contains sync.noCopy",
        ],
        &[
            "main.go:5:16: worker passes lock by value: sync.WaitGroup contains sync.noCopy",
            "main.go:11:9: return copies lock value: sync.Mutex",
            "main.go:17:12: call of worker copies lock value: sync.WaitGroup contains sync.noCopy",
            "main.go:19:9: range var m copies lock: sync.Mutex",
            "main.go:24:20: call of append copies lock value: sync.Mutex",
        ],
        &[
            "main.go:9:18: literal copies lock value from rw: sync.RWMutex",
            "main.go:10:10: variable declaration copies lock value to c: main.holder contains \
             sync.RWMutex",
        ],
        &[
            "main.go:12:13: size passes lock by value: main.registry",
            "main.go:16:11: call of size copies lock value: main.registry",
            "main.go:17:19: literal copies lock value from r: main.registry",
            "main.go:18:7: assignment copies lock value to t: main.server contains main.registry",
        ],
        &[],
    ];
    for (source, expected) in VETTED.iter().zip(expected) {
        let mut warnings = gomc_warnings(source);
        warnings.sort();
        let mut expected: Vec<String> = expected.iter().map(|line| line.to_string()).collect();
        expected.sort();
        assert_eq!(warnings, expected, "{source}");
    }
}

#[test]
fn the_warnings_are_what_go_vet_prints_when_go_is_installed() {
    // CI installs Go (`.ci/run`), so there this always compares with the real vet.
    let Ok(version) = std::process::Command::new("go").arg("version").output() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Go: .ci/run installs golang-go"
        );
        return;
    };
    assert!(version.status.success());
    for (index, source) in VETTED.iter().enumerate() {
        let directory =
            std::env::temp_dir().join(format!("gomc-vet-{}-{index}", std::process::id()));
        std::fs::create_dir_all(&directory).unwrap();
        std::fs::write(directory.join("main.go"), source).unwrap();
        let output = std::process::Command::new("go")
            .args(["vet", "main.go"])
            .current_dir(&directory)
            .env("GOFLAGS", "")
            .env("GOPROXY", "off")
            .output()
            .expect("go vet runs");
        std::fs::remove_dir_all(&directory).ok();
        let mut vet: Vec<String> = String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter(|line| line.starts_with("./main.go:"))
            .map(|line| {
                line.trim_start_matches("./")
                    .replace("command-line-arguments.", "main.")
            })
            .collect();
        vet.sort();
        let mut ours = gomc_warnings(source);
        ours.sort();
        assert_eq!(ours, vet, "{source}");
    }
}
