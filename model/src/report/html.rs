//! The HTML trace viewer: one self-contained page per run (a counterexample of a report, or a
//! replayed schedule), for `gomc check --html` and `gomc replay --html`.
//!
//! The page is a message-sequence chart: one lane per goroutine (and one for timers when a timer
//! fires), each step a box in the lane of the goroutine that took it, with its `file:line` and
//! the text of that source line; arrows from a step to the goroutines it woke or started; a
//! dashed lane while a goroutine is parked. Clicking a step, or the arrow keys and `j`/`k`,
//! shows the goroutine dump after that step and the model's source with the step's line
//! highlighted.
//!
//! Invariants:
//! - **Self-contained.** The CSS and the script (`html/viewer.css`, `html/viewer.js`) are inlined;
//!   the page loads nothing: no server, network, fonts or other files.
//! - **Same run as the text.** The trace and the dumps come from one [`walk_observed`] of the
//!   schedule, the walk behind the text report and `gomc replay`, and each dump is
//!   [`render_dump`] of that state: the last one is the text report's final dump.
//! - **Deterministic bytes.** Only the run and the model go into the page (no time, hash or
//!   address), in a fixed order: the same check writes the same bytes.
//! - **Escaped.** Text in markup goes through [`escape`]; the run is JSON in a
//!   `<script type="application/json">` with every `<`, `>` and `&` written as a `\u` escape, so
//!   no source text can end the script element. The script inserts text with `textContent`
//!   only.

use std::collections::BTreeSet;
use std::fmt::Write;

use serde::Serialize;

use super::text::{expectation_line, heading};
use super::{format_choice, render_dump, OutcomeReport, Report};
use crate::explore::StepError;
use crate::program::{Program, Span};
use crate::semantics::walk::{walk_observed, WalkFailure};
use crate::semantics::{Choice, GoroutineStatus, GoroutineView, Machine, TraceStep};

const VIEWER_CSS: &str = include_str!("html/viewer.css");
const VIEWER_JS: &str = include_str!("html/viewer.js");

/// What the header of a viewer page says about the run it shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PageHeader {
    /// The model file, as the report names it.
    pub file: String,
    /// The entry function as Go prints it.
    pub entry: String,
    /// The outcome kind the run ends in (`deadlock`), or `not ended` for a replay that stops
    /// before the program ends.
    pub outcome: String,
    /// A sentence about the outcome: `deadlock: all goroutines are asleep`.
    pub heading: String,
    /// The schedule string that replays the run.
    pub schedule: String,
    /// The verdict: `pass`, `FAIL` or `incomplete` for a check; for a replay, `violation` or
    /// `no violation`.
    pub verdict: String,
    /// How the verdict compares with the model's `gomc:expect` header, if it has one.
    pub expectation: Option<String>,
    /// Further lines: the panic or race line, the cycle of a hang.
    pub notes: Vec<String>,
}

impl PageHeader {
    /// The header of the page of `outcome`'s witness in `report`.
    pub fn of_witness(report: &Report, outcome: &OutcomeReport) -> PageHeader {
        let witness = &outcome.witness;
        let mut notes = Vec::new();
        notes.extend(witness.panic.as_ref().map(|panic| panic.message.clone()));
        notes.extend(witness.race.as_ref().map(ToString::to_string));
        if let Some(from) = witness.cycle_from {
            notes.push(format!(
                "cycle: steps {from}-{} lead back to the state before step {from}, forever",
                witness.steps
            ));
        }
        notes.extend(witness.replay_error.clone());
        PageHeader {
            file: report.file.clone(),
            entry: report.entry.clone(),
            outcome: outcome.kind.name(),
            heading: heading(report, outcome),
            schedule: witness.schedule.clone(),
            verdict: report.verdict.word().to_string(),
            expectation: expectation_line(report),
            notes,
        }
    }
}

/// Everything the script renders, serialized into the page.
#[derive(Serialize)]
struct PageData<'a> {
    header: &'a PageHeader,
    /// The lanes, goroutines in number order, then the timer lane (id 0) if a timer fired.
    lanes: Vec<Lane>,
    /// The source files steps and dumps point into, the model first.
    sources: Vec<SourceView>,
    /// What the entry printed before the first step.
    initial_output: Vec<String>,
    steps: Vec<StepView>,
    /// The state before step 1, then after each step: one more than `steps`.
    states: Vec<StateView>,
    /// For a hang: the first step of the cycle (1-based).
    cycle_from: Option<usize>,
}

#[derive(Serialize)]
struct Lane {
    /// Go's goroutine number; 0 for the timer lane.
    id: u32,
    /// The function the goroutine runs (the outermost frame where it is first seen).
    function: String,
}

#[derive(Serialize)]
struct SourceView {
    name: String,
    lines: Vec<String>,
}

#[derive(Serialize)]
struct StepView {
    goroutine: u32,
    function: String,
    location: String,
    /// Index into [`PageData::sources`]; `None` for a timer firing.
    file: Option<usize>,
    line: u32,
    /// The text of the step's source line, indentation removed.
    source: String,
    operation: String,
    woke: Vec<u32>,
    started: Vec<u32>,
    output: Vec<String>,
}

#[derive(Serialize)]
struct StateView {
    /// The goroutine dump, as the text report prints it.
    dump: String,
    goroutines: Vec<GoroutineAt>,
}

/// Where one goroutine of a state stands.
#[derive(Serialize)]
struct GoroutineAt {
    id: u32,
    /// `runnable`, `running` (the panicking goroutine), or Go's wait reason.
    status: String,
    waiting: bool,
    /// The innermost frame's source file (index into [`PageData::sources`]) and line.
    file: Option<usize>,
    line: u32,
}

/// Replays `choices` on `machine` and renders the viewer page of the run. A schedule that stops
/// fitting the model part-way (never for a report's witness) shows the steps taken and says
/// where it stopped; only a failing initial state is an error.
pub(crate) fn render_page(
    machine: &Machine<'_>,
    choices: &[Choice],
    header: &PageHeader,
    cycle_from: Option<usize>,
) -> Result<String, StepError> {
    let program = machine.program();
    let mut dumps: Vec<Vec<GoroutineView>> = Vec::new();
    let walked = walk_observed(machine, choices, &mut |state| {
        dumps.push(machine.goroutines(state));
    })?;
    let mut header = header.clone();
    match &walked.failure {
        Some(WalkFailure::NotEnabled { step, choice, .. }) => header.notes.push(format!(
            "the schedule stops fitting at step {step}: choice {} is not enabled there",
            format_choice(*choice)
        )),
        Some(WalkFailure::Step { step, error }) => header
            .notes
            .push(format!("step {step} could not be taken: {}", error.message)),
        None => {}
    }
    let files = SourceFiles::new(program, &walked.trace, &dumps);
    let data = PageData {
        header: &header,
        lanes: lanes(&walked.trace, &dumps),
        sources: files.views(program),
        initial_output: machine.initial_output(),
        steps: walked
            .trace
            .iter()
            .map(|step| step_view(program, &files, step))
            .collect(),
        states: dumps.iter().map(|dump| state_view(&files, dump)).collect(),
        cycle_from,
    };
    Ok(render(&data))
}

/// The files of the program that the page shows, numbered in the program's order.
struct SourceFiles {
    /// Program file indices, ascending; a page file's index is its position here.
    used: Vec<u32>,
}

impl SourceFiles {
    /// The model's file, and every file a step or a frame of a dump points into.
    fn new(program: &Program, trace: &[TraceStep], dumps: &[Vec<GoroutineView>]) -> SourceFiles {
        let mut used = BTreeSet::from([0]);
        used.extend(
            trace
                .iter()
                .filter(|step| step.goroutine != 0)
                .map(|step| step.span.file),
        );
        for goroutine in dumps.iter().flatten() {
            used.extend(goroutine.frames.iter().map(|frame| frame.span.file));
            used.extend(goroutine.created_by.iter().map(|frame| frame.span.file));
        }
        used.retain(|&file| (file as usize) < program.files.len());
        SourceFiles {
            used: used.into_iter().collect(),
        }
    }

    fn index(&self, span: Span) -> Option<usize> {
        self.used.binary_search(&span.file).ok()
    }

    fn views(&self, program: &Program) -> Vec<SourceView> {
        self.used
            .iter()
            .map(|&file| {
                let source = &program.files[file as usize];
                SourceView {
                    name: source.name.clone(),
                    lines: source.text.lines().map(str::to_string).collect(),
                }
            })
            .collect()
    }
}

/// One lane per goroutine seen in the run, in number order, then the timer lane if a timer
/// fired.
fn lanes(trace: &[TraceStep], dumps: &[Vec<GoroutineView>]) -> Vec<Lane> {
    let mut ids = BTreeSet::from([1]);
    for step in trace {
        ids.extend(step.started.iter().chain(&step.woke).copied());
        ids.insert(step.goroutine);
    }
    ids.extend(dumps.iter().flatten().map(|goroutine| goroutine.id));
    let timer = ids.remove(&0);
    let mut lanes: Vec<Lane> = ids
        .into_iter()
        .map(|id| Lane {
            id,
            function: dumps
                .iter()
                .flatten()
                .find(|goroutine| goroutine.id == id)
                .and_then(|goroutine| goroutine.frames.last())
                .map(|frame| frame.function.clone())
                .unwrap_or_default(),
        })
        .collect();
    if timer {
        lanes.push(Lane {
            id: 0,
            function: String::new(),
        });
    }
    lanes
}

fn step_view(program: &Program, files: &SourceFiles, step: &TraceStep) -> StepView {
    let file = (step.goroutine != 0)
        .then(|| files.index(step.span))
        .flatten();
    let source = file
        .and_then(|_| {
            let text = &program.files[step.span.file as usize].text;
            text.lines().nth((step.span.line as usize).checked_sub(1)?)
        })
        .unwrap_or("")
        .trim()
        .to_string();
    StepView {
        goroutine: step.goroutine,
        function: step.function.clone(),
        location: step.location.clone(),
        file,
        line: step.span.line,
        source,
        operation: step.operation.clone(),
        woke: step.woke.clone(),
        started: step.started.clone(),
        output: step.output.clone(),
    }
}

fn state_view(files: &SourceFiles, dump: &[GoroutineView]) -> StateView {
    StateView {
        dump: render_dump(dump),
        goroutines: dump
            .iter()
            .map(|goroutine| {
                let top = goroutine.frames.first();
                let (status, waiting) = match &goroutine.status {
                    GoroutineStatus::Waiting(reason) => (reason.clone(), true),
                    GoroutineStatus::Running => ("running".to_string(), false),
                    GoroutineStatus::Runnable => ("runnable".to_string(), false),
                    GoroutineStatus::Dead => ("dead".to_string(), false),
                };
                GoroutineAt {
                    id: goroutine.id,
                    status,
                    waiting,
                    file: top.and_then(|frame| files.index(frame.span)),
                    line: top.map_or(0, |frame| frame.span.line),
                }
            })
            .collect(),
    }
}

/// The page: the header in markup, the run as JSON, and the viewer's style and script.
fn render(data: &PageData<'_>) -> String {
    let header = data.header;
    let mut out = String::with_capacity(VIEWER_CSS.len() + VIEWER_JS.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    writeln!(
        out,
        "<title>{} in {} - gomc</title>",
        escape(&header.outcome),
        escape(&header.file)
    )
    .unwrap();
    writeln!(out, "<style>\n{VIEWER_CSS}</style>\n</head>").unwrap();
    out.push_str("<body data-viewer=\"loading\">\n<header id=\"header\">\n");
    writeln!(
        out,
        "<h1><span class=\"kind kind-{}\">{}</span> <span id=\"file\">{}</span></h1>",
        class_name(&header.outcome),
        escape(&header.outcome),
        escape(&header.file)
    )
    .unwrap();
    writeln!(out, "<p id=\"heading\">{}</p>", escape(&header.heading)).unwrap();
    out.push_str("<dl>\n");
    let mut verdict = format!(
        "<span class=\"verdict-{}\">{}</span>",
        class_name(&header.verdict),
        escape(&header.verdict)
    );
    if let Some(expectation) = &header.expectation {
        write!(verdict, " &middot; {}", escape(expectation)).unwrap();
    }
    field(&mut out, "verdict", &verdict);
    field(&mut out, "entry", &escape(&header.entry));
    field(&mut out, "steps", &data.steps.len().to_string());
    let schedule = if header.schedule.is_empty() {
        "(empty: the initial state)"
    } else {
        &header.schedule
    };
    field(
        &mut out,
        "schedule",
        &format!("<code>{}</code>", escape(schedule)),
    );
    out.push_str("</dl>\n");
    if !header.notes.is_empty() {
        out.push_str("<ul id=\"notes\">\n");
        for note in &header.notes {
            writeln!(out, "<li>{}</li>", escape(note)).unwrap();
        }
        out.push_str("</ul>\n");
    }
    out.push_str(
        "<p id=\"keys\">Click a step, or use &uarr;/&darr; (or k/j), Home and End, to see the \
         goroutines after it.</p>\n</header>\n",
    );
    out.push_str("<pre id=\"errors\" hidden></pre>\n");
    out.push_str(
        "<noscript><p>The chart, dumps and source need JavaScript; the text report has the same \
         trace.</p></noscript>\n",
    );
    out.push_str(
        "<main>\n<section id=\"chart-pane\"><div id=\"chart\"></div></section>\n\
         <aside id=\"side\">\n\
         <section id=\"dump-pane\"><h2 id=\"dump-title\">goroutines</h2><pre id=\"dump\"></pre></section>\n\
         <section id=\"source-pane\"><h2 id=\"source-title\">source</h2><div id=\"source\"></div></section>\n\
         </aside>\n</main>\n",
    );
    let json = serde_json::to_string(data).expect("internal error: the page data serializes");
    writeln!(
        out,
        "<script type=\"application/json\" id=\"gomc-data\">{}</script>",
        script_safe(&json)
    )
    .unwrap();
    writeln!(out, "<script>\n{VIEWER_JS}</script>\n</body>\n</html>").unwrap();
    out
}

/// One `<div><dt>name</dt><dd>value</dd></div>` of the header; `value` is markup already.
fn field(out: &mut String, name: &str, value: &str) {
    writeln!(
        out,
        "<div><dt>{name}</dt><dd id=\"{name}\">{value}</dd></div>"
    )
    .unwrap();
}

/// Text escaped for HTML markup and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON that can stand inside a `<script>` element: `<`, `>` and `&` occur in JSON only inside
/// strings, where their `\u` escapes mean the same, so `</script>` and `<!--` cannot appear.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A CSS class suffix from a word: `exit(2)` becomes `exit-2-`.
fn class_name(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_attribute_quotes() {
        assert_eq!(
            escape("a < b && c > \"d\" 'e'"),
            "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;"
        );
    }

    #[test]
    fn script_safe_json_cannot_close_the_script_and_parses_the_same() {
        let text = "</script><!-- a && b -->";
        let json = serde_json::to_string(text).unwrap();
        let safe = script_safe(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, text);
    }
}
