//! Replaying a schedule: the trace and final goroutine dump of one run, identical to the
//! report's for the same schedule (both come from the same walk).

use std::fmt;
use std::fmt::Write;

use serde::Serialize;

use std::path::Path;

use super::{compile_loaded, resolve_file, resolve_source, Config, Loaded};
use crate::explore::{Model, OutcomeKind, StateStatus, StepError};
use crate::frontend::ModelError;
use crate::report::{
    format_choice, render_dump, render_trace, PanicReport, Schedule, ScheduleError,
};
use crate::semantics::walk::{walk, WalkFailure};
use crate::semantics::{GoroutineView, Machine, TraceStep};

/// One run of a model, driven by a schedule.
#[derive(Clone, Debug, Serialize)]
pub struct Replay {
    /// The file name as given.
    pub file: String,
    /// The entry function as Go prints it.
    pub entry: String,
    /// The schedule, in canonical form.
    pub schedule: String,
    /// How the final state ended (`ok`, `deadlock`, …), or `None` when it can still go on.
    #[serde(serialize_with = "outcome_name")]
    pub outcome: Option<OutcomeKind>,
    /// One entry per step.
    pub trace: Vec<TraceStep>,
    /// The goroutine dump of the final state.
    pub goroutines: Vec<GoroutineView>,
    /// For a final state that ended in a panic: the goroutine and Go's panic line.
    pub panic: Option<PanicReport>,
    /// For a final state with a data race (race mode): the two conflicting accesses. Such a
    /// state can still go on: `enabled` lists its choices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub race: Option<crate::semantics::RaceView>,
    /// The choices enabled in the final state, as schedule entries (empty when it ended).
    pub enabled: Vec<String>,
}

impl Replay {
    /// The exit status of `gomc replay`: 1 when the run ends in a violation, 0 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self.outcome {
            Some(kind) if kind.is_violation() => 1,
            _ => 0,
        }
    }
}

fn outcome_name<S: serde::Serializer>(
    outcome: &Option<OutcomeKind>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match outcome {
        Some(kind) => serializer.serialize_some(&kind.name()),
        None => serializer.serialize_none(),
    }
}

/// Why a schedule could not be replayed.
#[derive(Clone, Debug)]
pub enum ReplayError {
    /// The model cannot be loaded.
    Model(ModelError),
    /// The schedule string does not parse.
    Schedule(ScheduleError),
    /// The initial state could not be built.
    Initial(StepError),
    /// Step `step` (1-based) names a choice that is not enabled there.
    NotEnabled {
        /// 1-based step number.
        step: usize,
        /// The entry as written, canonical.
        choice: String,
        /// The choices enabled there, as schedule entries.
        enabled: Vec<String>,
        /// The trace of the steps before it.
        trace: Vec<TraceStep>,
    },
    /// Step `step` (1-based) could not be taken.
    Step {
        /// 1-based step number.
        step: usize,
        /// The model's error.
        message: String,
        /// The trace of the steps before it.
        trace: Vec<TraceStep>,
    },
}

impl fmt::Display for ReplayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReplayError::Model(error) => write!(f, "{error}"),
            ReplayError::Schedule(error) => write!(f, "error: {error}"),
            ReplayError::Initial(error) => {
                write!(
                    f,
                    "error: the initial state could not be built: {}",
                    error.message
                )
            }
            ReplayError::NotEnabled {
                step,
                choice,
                enabled,
                trace,
            } => {
                let enabled = if enabled.is_empty() {
                    "none: the run has ended".to_string()
                } else {
                    enabled.join(", ")
                };
                writeln!(
                    f,
                    "error: schedule entry {step} `{choice}` is not enabled there (enabled: \
                     {enabled})"
                )?;
                write_trace(f, trace)
            }
            ReplayError::Step {
                step,
                message,
                trace,
            } => {
                writeln!(f, "error: step {step} could not be taken: {message}")?;
                write_trace(f, trace)
            }
        }
    }
}

fn write_trace(f: &mut fmt::Formatter<'_>, trace: &[TraceStep]) -> fmt::Result {
    if trace.is_empty() {
        return Ok(());
    }
    writeln!(f, "trace up to there:")?;
    for line in render_trace(trace).lines() {
        writeln!(f, "  {line}")?;
    }
    Ok(())
}

impl std::error::Error for ReplayError {}

/// Runs `schedule` on the model from its initial state (with the entry and overrides of its
/// header and `config`) and returns the trace and the final goroutine dump. The trace is
/// identical to the one a report prints for the same schedule.
pub fn replay(
    name: &str,
    text: &str,
    config: &Config,
    schedule: &str,
) -> Result<Replay, ReplayError> {
    let loaded = resolve_source(name, text).map_err(ReplayError::Model)?;
    replay_loaded(name, &loaded, config, schedule)
}

/// Replays a schedule on a model file; see [`replay`]. Resolves `gomc:model` variants as
/// [`check_file`](super::check_file) does.
pub fn replay_file(
    path: impl AsRef<Path>,
    config: &Config,
    schedule: &str,
) -> Result<Replay, ReplayError> {
    let (name, loaded) = resolve_file(path.as_ref()).map_err(ReplayError::Model)?;
    replay_loaded(&name, &loaded, config, schedule)
}

fn replay_loaded(
    name: &str,
    loaded: &Loaded,
    config: &Config,
    schedule: &str,
) -> Result<Replay, ReplayError> {
    let schedule = Schedule::parse(schedule).map_err(ReplayError::Schedule)?;
    let program = compile_loaded(loaded, config).map_err(ReplayError::Model)?;
    let machine = Machine::with_races(&program, config.races || loaded.header.races);
    let walked = walk(&machine, &schedule.0).map_err(ReplayError::Initial)?;
    match walked.failure {
        Some(WalkFailure::NotEnabled {
            step,
            choice,
            enabled,
        }) => {
            return Err(ReplayError::NotEnabled {
                step,
                choice: format_choice(choice),
                enabled: enabled.into_iter().map(format_choice).collect(),
                trace: walked.trace,
            })
        }
        Some(WalkFailure::Step { step, error }) => {
            return Err(ReplayError::Step {
                step,
                message: error.message,
                trace: walked.trace,
            })
        }
        None => {}
    }
    let race = machine.race(&walked.state);
    let outcome = match machine.status(&walked.state) {
        StateStatus::Running => race.as_ref().map(|_| OutcomeKind::Race),
        StateStatus::Ended(kind) => Some(kind),
    };
    let mut enabled = Vec::new();
    machine.choices(&walked.state, &mut enabled);
    let panic = match outcome {
        Some(OutcomeKind::Panic) => {
            machine
                .panic_message(&walked.state)
                .map(|(goroutine, message)| PanicReport {
                    goroutine,
                    message: crate::report::panic_line(message),
                })
        }
        _ => None,
    };
    Ok(Replay {
        file: name.to_string(),
        entry: program.function(program.entry).name.clone(),
        schedule: schedule.to_string(),
        outcome,
        goroutines: machine.goroutines(&walked.state),
        trace: walked.trace,
        panic,
        race,
        enabled: enabled.into_iter().map(format_choice).collect(),
    })
}

/// Renders a replay as text: what the run ended in, the trace and the goroutine dump.
pub fn render_replay(replay: &Replay) -> String {
    let mut out = String::new();
    let steps = replay.trace.len();
    let ending = match replay.outcome {
        Some(kind) => format!("ends in {}", kind.name()),
        None => format!(
            "has not ended (enabled next: {})",
            replay.enabled.join(", ")
        ),
    };
    writeln!(out, "{}: replay of {steps} steps {ending}", replay.file).unwrap();
    if let Some(panic) = &replay.panic {
        writeln!(out, "  {} (goroutine {})", panic.message, panic.goroutine).unwrap();
    }
    if let Some(race) = &replay.race {
        writeln!(out, "  {race}").unwrap();
    }
    writeln!(out, "  schedule: {}", replay.schedule).unwrap();
    writeln!(out, "  trace:").unwrap();
    for line in render_trace(&replay.trace).lines() {
        writeln!(out, "    {line}").unwrap();
    }
    writeln!(out, "  goroutines:").unwrap();
    for line in render_dump(&replay.goroutines).lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            writeln!(out, "    {line}").unwrap();
        }
    }
    out
}
