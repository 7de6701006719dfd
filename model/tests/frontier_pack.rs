//! The packed form in which a search's frontier holds states (`semantics/pack.rs`) loses
//! nothing: on every state of every corpus program and example (breadth-first, up to a bound
//! per program), the unpacked state equals the state, has its fingerprint and its choices, and
//! every choice steps to the same successor from both; and a whole search that packs every
//! state (on two threads) finds what one that packs none finds, state for state.

use std::collections::{HashSet, VecDeque};
use std::path::Path;

use gomc::explore::{explore, explore_parallel, Exploration, Model, SearchOptions};
use gomc::frontend::{compile, CompileOptions};
use gomc::program::SourceFile;
use gomc::semantics::Machine;

/// States checked per program: enough to reach blocked goroutines, timers, panics in flight
/// and maps, few enough to keep the test short.
const STATES_PER_PROGRAM: usize = 400;

/// The program of a single-file model; `None` for files that are not single-file valid Go
/// (error tests, include users), which are not the subject here.
fn program_of(path: &Path) -> Option<gomc::program::Program> {
    let text = std::fs::read_to_string(path).expect("readable");
    let file = SourceFile {
        name: path.display().to_string(),
        text,
    };
    compile(&[file], &CompileOptions::default()).ok()
}

/// The corpus programs and examples, sorted.
fn model_paths() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut all = Vec::new();
    for dir in ["corpus", "examples"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "go"))
            .collect();
        paths.sort();
        all.extend(paths);
    }
    all
}

/// Checks the round trip on the states of one program; the number of states checked.
fn check_program(path: &Path) -> usize {
    let Some(program) = program_of(path) else {
        return 0;
    };
    let machine = Machine::new(&program);
    let Ok(initial) = machine.initial() else {
        return 0;
    };
    let mut seen = HashSet::new();
    let mut queue = VecDeque::from([initial]);
    let mut choices = Vec::new();
    let mut unpacked_choices = Vec::new();
    while let Some(state) = queue.pop_front() {
        if seen.len() >= STATES_PER_PROGRAM || !seen.insert(machine.fingerprint(&state)) {
            continue;
        }
        let unpacked = machine.unpack(machine.pack(state.clone(), true));
        let name = path.display();
        assert!(unpacked == state, "{name}: the unpacked state differs");
        assert_eq!(
            machine.fingerprint(&unpacked),
            machine.fingerprint(&state),
            "{name}: the unpacked state's fingerprint differs"
        );
        choices.clear();
        unpacked_choices.clear();
        machine.choices(&state, &mut choices);
        machine.choices(&unpacked, &mut unpacked_choices);
        assert_eq!(choices, unpacked_choices, "{name}: the choices differ");
        for &choice in &choices {
            let (Ok(next), Ok(unpacked_next)) = (
                machine.step(&state, choice),
                machine.step(&unpacked, choice),
            ) else {
                continue;
            };
            assert!(
                next == unpacked_next,
                "{name}: {choice:?} steps elsewhere from the unpacked state"
            );
            queue.push_back(next);
        }
    }
    seen.len()
}

#[test]
fn every_state_of_the_corpus_and_examples_survives_packing() {
    let mut checked = 0;
    let mut programs = 0;
    for path in model_paths() {
        let states = check_program(&path);
        if states > 0 {
            programs += 1;
            checked += states;
        }
    }
    // Most of the corpus is single-file Go that gomc checks: the test must not pass vacuously.
    assert!(programs >= 60, "only {programs} programs were checked");
    assert!(checked >= 5_000, "only {checked} states were checked");
}

/// What a search found, everything but its timing.
fn findings<C: std::fmt::Debug>(result: &Exploration<C>) -> String {
    let statistics = &result.statistics;
    format!(
        "{} states, {} transitions, depth {}, exhaustive {}, {:?}",
        statistics.states,
        statistics.transitions,
        statistics.max_depth,
        result.exhaustive,
        result
            .outcomes
            .iter()
            .map(|(kind, found)| (kind, found.count, &found.witness, found.cycle_start))
            .collect::<Vec<_>>()
    )
}

#[test]
fn a_search_that_packs_every_state_finds_what_one_that_packs_none_finds() {
    let mut compared = 0;
    for path in model_paths() {
        let Some(program) = program_of(&path) else {
            continue;
        };
        let machine = Machine::new(&program);
        let bound = || SearchOptions {
            max_states: Some(5_000),
            ..SearchOptions::default()
        };
        let whole = explore(
            &machine,
            SearchOptions {
                pack_from: Some(usize::MAX),
                ..bound()
            },
        );
        let packed = explore_parallel(
            &machine,
            SearchOptions {
                pack_from: Some(0),
                threads: 2,
                ..bound()
            },
        );
        assert_eq!(
            findings(&packed),
            findings(&whole),
            "{}: packing changed what the search found",
            path.display()
        );
        compared += 1;
    }
    assert!(compared >= 60, "only {compared} programs were compared");
}
