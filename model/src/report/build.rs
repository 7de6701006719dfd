//! Building a [`Report`] from a search of the Go interpreter: each witness is replayed with
//! `step_traced` to get its trace and the goroutine dump of the state it ends in.

use super::{
    format_choice, format_schedule, Expectation, OutcomeReport, PanicReport, Report,
    ReportStatistics, SearchSettings, StepErrorReport, Verdict, Witness,
};
use crate::explore::{Exploration, OutcomeKind};
use crate::semantics::walk::{walk, WalkFailure};
use crate::semantics::{Choice, Machine};

/// Makes the report of a search of `machine`'s program.
///
/// `expected` is the header's expectation (the violation kinds, empty for `none`), `None` when
/// the model has none.
pub fn build_report(
    file: &str,
    machine: &Machine<'_>,
    exploration: &Exploration<Choice>,
    search: SearchSettings,
    expected: Option<Vec<OutcomeKind>>,
) -> Report {
    let program = machine.program();
    let entry = program.function(program.entry).name.clone();
    let violations: Vec<OutcomeKind> = exploration
        .outcomes
        .keys()
        .copied()
        .filter(|kind| kind.is_violation())
        .collect();
    let exhaustive = exploration.exhaustive;
    let store = search.store;
    let verdict = Verdict::judge(&violations, expected.as_deref().unwrap_or(&[]), exhaustive);
    let expectation = expected.map(|mut kinds| {
        kinds.sort();
        kinds.dedup();
        let matched = exhaustive && kinds == violations;
        Expectation { kinds, matched }
    });
    let outcomes = exploration
        .outcomes
        .iter()
        .map(|(kind, found)| OutcomeReport {
            kind: *kind,
            violation: kind.is_violation(),
            count: found.count,
            first_execution: None,
            witness: witness(machine, &found.witness, found.cycle_start, *kind),
        })
        .collect();
    let step_error = exploration.step_error.as_ref().map(|failure| {
        let mut schedule = failure.witness.clone();
        schedule.extend(failure.choice);
        let (trace, goroutines) = match walk(machine, &failure.witness) {
            Ok(walked) => (walked.trace, machine.goroutines(&walked.state)),
            Err(_) => (Vec::new(), Vec::new()),
        };
        StepErrorReport {
            message: failure.error.message.clone(),
            schedule: format_schedule(&schedule),
            trace,
            goroutines,
        }
    });
    let statistics = &exploration.statistics;
    Report {
        file: file.to_string(),
        entry,
        engine: crate::backends::Engine::Native,
        search,
        exhaustive,
        stopped_by: exploration.stopped_by,
        expectation,
        verdict,
        violations,
        outcomes,
        step_error,
        statistics: ReportStatistics {
            states: statistics.states,
            transitions: statistics.transitions,
            max_depth: statistics.max_depth,
            depth_cut: statistics.depth_cut,
            elapsed_seconds: Some(statistics.elapsed.as_secs_f64()),
            states_per_second: Some(statistics.states_per_second()),
            bytes_per_state: Some(statistics.bytes_per_state()),
            peak_memory_bytes: None,
            missed_states: (store != crate::explore::StateStore::Exact)
                .then_some(statistics.missed_states),
        },
        backend: None,
        swarm: None,
        warnings: program
            .warnings
            .iter()
            .map(|warning| {
                let (file, line, col) = program.position(warning.span);
                format!("{file}:{line}:{col}: {}", warning.message)
            })
            .collect(),
        hints: super::hints::hints(program, exploration),
    }
}

/// Makes the report of a loom or shuttle run of `machine`'s program: its witnesses are replayed
/// natively, as the explorer's are. Statistics: `states` is 0, `transitions` the steps of all
/// executions, `max_depth` the longest execution, `depth_cut` the executions cut by the step
/// bound.
#[cfg(any(feature = "loom", feature = "shuttle"))]
pub(crate) fn build_backend_report(
    file: &str,
    machine: &Machine<'_>,
    run: &crate::backends::BackendRun,
    settings: &crate::backends::Settings,
    expected: Option<Vec<OutcomeKind>>,
) -> Report {
    use crate::backends::BackendReport;
    use crate::explore::Statistics;

    let tally = &run.tally;
    let exploration = Exploration {
        statistics: Statistics {
            states: 0,
            transitions: tally.steps,
            max_depth: u32::try_from(tally.longest).unwrap_or(u32::MAX),
            depth_cut: tally.cut,
            visited_bytes: 0,
            elapsed: run.elapsed,
            missed_states: 0.0,
        },
        outcomes: tally.found(),
        exhaustive: run.exhaustive,
        stopped_by: run.stopped_by,
        step_error: tally.step_error.clone(),
    };
    let search = SearchSettings {
        order: crate::explore::SearchOrder::Bfs,
        max_states: None,
        max_depth: Some(settings.max_steps),
        reduction: crate::semantics::Reduction::NONE,
        store: crate::explore::StateStore::Exact,
    };
    let mut report = build_report(file, machine, &exploration, search, expected);
    report.engine = run.engine;
    for outcome in &mut report.outcomes {
        outcome.first_execution = tally
            .outcomes
            .get(&outcome.kind)
            .map(|reached| reached.first_execution);
    }
    report.statistics.states_per_second = None;
    report.statistics.bytes_per_state = None;
    let shuttle = run.engine.name() == "shuttle";
    report.backend = Some(BackendReport {
        scheduler: shuttle.then(|| settings.scheduler.describe()),
        seed: shuttle.then_some(settings.seed),
        iterations: settings.iterations,
        preemption_bound: settings.preemption_bound.filter(|_| !shuttle),
        max_steps: settings.max_steps,
        executions: tally.executions,
        cut: tally.cut,
        data_choices: tally.data_choices,
        vectors: run.vectors,
        skipped: run.skipped.clone(),
        failure: run.failure.clone(),
    });
    report
}

/// Replays a witness for the report.
fn witness(
    machine: &Machine<'_>,
    choices: &[Choice],
    cycle_start: Option<usize>,
    kind: OutcomeKind,
) -> Witness {
    let schedule = format_schedule(choices);
    let walked = match walk(machine, choices) {
        Ok(walked) => walked,
        Err(error) => {
            return Witness {
                steps: choices.len(),
                schedule,
                initial_output: Vec::new(),
                trace: Vec::new(),
                goroutines: Vec::new(),
                panic: None,
                race: None,
                replay_error: Some(format!("the initial state failed: {}", error.message)),
                cycle_from: cycle_start.map(|start| start + 1),
            }
        }
    };
    let replay_error = walked.failure.as_ref().map(|failure| match failure {
        WalkFailure::NotEnabled { step, choice, .. } => {
            format!(
                "step {step}: choice {} is not enabled",
                format_choice(*choice)
            )
        }
        WalkFailure::Step { step, error } => format!("step {step}: {}", error.message),
    });
    let panic = if kind == OutcomeKind::Panic {
        machine
            .panic_message(&walked.state)
            .map(|(goroutine, message)| PanicReport {
                goroutine,
                message: panic_line(message),
            })
    } else {
        None
    };
    Witness {
        steps: choices.len(),
        schedule,
        goroutines: machine.goroutines(&walked.state),
        initial_output: machine.initial_output(),
        trace: walked.trace,
        panic,
        race: (kind == OutcomeKind::Race)
            .then(|| machine.race(&walked.state))
            .flatten(),
        replay_error: replay_error
            .map(|error| format!("internal error: replaying failed at {error}")),
        cycle_from: cycle_start.map(|start| start + 1),
    }
}

/// Go's panic line: the message as given when it already says `panic:` or `fatal error:`,
/// otherwise prefixed with `panic: `.
pub(crate) fn panic_line(message: String) -> String {
    if message.starts_with("panic: ") || message.starts_with("fatal error: ") {
        message
    } else {
        format!("panic: {message}")
    }
}
