//! The HTML viewer pages of a report's counterexamples and of a replay (`--html`).
//!
//! A [`Report`] keeps the trace and the final dump of each witness, but the viewer shows the
//! dump after every step and the model's source: so the model is loaded and compiled again,
//! exactly as the check or replay did (same entry, overrides, clock and race mode), and each
//! schedule is replayed on it ([`crate::report::PageHeader`] says what the page's header shows).
//! Compiling is deterministic, so the pages describe the same run the report does.

use std::path::Path;

use super::{compile_loaded, resolve_file, resolve_source, Config, Loaded, Replay};
use crate::explore::OutcomeKind;
use crate::frontend::ModelError;
use crate::report::{render_page, PageHeader, Report, Schedule};
use crate::semantics::Machine;

/// Where the model of a page comes from.
#[derive(Clone, Copy, Debug)]
pub enum ModelInput<'a> {
    /// A model file, as given to [`check_file`](super::check_file) or
    /// [`replay_file`](super::replay_file).
    File(&'a Path),
    /// A model's text and the name reports give it, as given to
    /// [`check_source`](super::check_source) or [`replay`](super::replay).
    Text {
        /// The name.
        name: &'a str,
        /// The text.
        text: &'a str,
    },
}

/// The viewer page of one counterexample.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HtmlPage {
    /// The violation it reaches.
    pub kind: OutcomeKind,
    /// The whole page.
    pub html: String,
}

/// The viewer pages of the violations of `report`, one per violation kind, in kind order (none
/// when it found no violation). `input` and `config` must be those the report was made with.
pub fn html_pages(
    input: ModelInput<'_>,
    config: &Config,
    report: &Report,
) -> Result<Vec<HtmlPage>, ModelError> {
    if !report.outcomes.iter().any(|outcome| outcome.violation) {
        // Nothing to show: the model is not even loaded again.
        return Ok(Vec::new());
    }
    loaded_pages(&load(input)?, config, report)
}

/// [`html_pages`] of a model already loaded (a test with its package's files).
pub(super) fn loaded_pages(
    loaded: &Loaded,
    config: &Config,
    report: &Report,
) -> Result<Vec<HtmlPage>, ModelError> {
    let violations: Vec<_> = report
        .outcomes
        .iter()
        .filter(|outcome| outcome.violation)
        .collect();
    if violations.is_empty() {
        return Ok(Vec::new());
    }
    let program = compile_loaded(loaded, config)?;
    let machine = Machine::with_races(&program, config.races || loaded.header.races);
    violations
        .into_iter()
        .map(|outcome| {
            let header = PageHeader::of_witness(report, outcome);
            let witness = &outcome.witness;
            let html = page(&machine, &report.file, &header, witness.cycle_from)?;
            Ok(HtmlPage {
                kind: outcome.kind,
                html,
            })
        })
        .collect()
}

/// The viewer page of a replay; `input` and `config` must be those it was replayed with.
pub fn replay_html(
    input: ModelInput<'_>,
    config: &Config,
    replay: &Replay,
) -> Result<String, ModelError> {
    let loaded = load(input)?;
    let program = compile_loaded(&loaded, config)?;
    let machine = Machine::with_races(&program, config.races || loaded.header.races);
    let (outcome, verdict) = match replay.outcome {
        Some(kind) if kind.is_violation() => (kind.name(), "violation"),
        Some(kind) => (kind.name(), "no violation"),
        None => ("not ended".to_string(), "no violation"),
    };
    let heading = match replay.outcome {
        Some(kind) => format!(
            "replay of {} steps ends in {}",
            replay.trace.len(),
            kind.name()
        ),
        None => format!(
            "replay of {} steps has not ended (enabled next: {})",
            replay.trace.len(),
            replay.enabled.join(", ")
        ),
    };
    let mut notes = Vec::new();
    notes.extend(replay.panic.as_ref().map(|panic| panic.message.clone()));
    notes.extend(replay.race.as_ref().map(ToString::to_string));
    let header = PageHeader {
        file: replay.file.clone(),
        entry: replay.entry.clone(),
        outcome,
        heading,
        schedule: replay.schedule.clone(),
        verdict: verdict.to_string(),
        expectation: None,
        notes,
    };
    page(&machine, &replay.file, &header, None)
}

fn load(input: ModelInput<'_>) -> Result<Loaded, ModelError> {
    match input {
        ModelInput::File(path) => resolve_file(path).map(|(_, loaded)| loaded),
        ModelInput::Text { name, text } => resolve_source(name, text),
    }
}

/// Replays the header's schedule and renders the page; a schedule that does not parse or an
/// initial state that fails are internal errors: the report or replay made them.
fn page(
    machine: &Machine<'_>,
    file: &str,
    header: &PageHeader,
    cycle_from: Option<usize>,
) -> Result<String, ModelError> {
    let internal = |message: String| {
        ModelError::without_position(
            file,
            format!("internal error: the HTML viewer could not replay the run: {message}"),
        )
    };
    let schedule =
        Schedule::parse(&header.schedule).map_err(|error| internal(error.to_string()))?;
    render_page(machine, &schedule.0, header, cycle_from).map_err(|error| internal(error.message))
}
