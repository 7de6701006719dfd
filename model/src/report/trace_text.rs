//! The text of a witness's trace (one aligned line per transition) and of a goroutine dump
//! (Go's own format): shared by the text report, `gomc replay` and the HTML viewer.

use std::fmt::Write;

use crate::semantics::{GoroutineStatus, GoroutineView, TraceStep};

/// Renders a trace, one line per transition, columns aligned:
///
/// ```text
///  1  g1  main.main     dist.go:40  go main.bghelper() (started g2)
/// ```
pub fn render_trace(trace: &[TraceStep]) -> String {
    let number_width = trace.len().to_string().len();
    let goroutine = |step: &TraceStep| {
        if step.goroutine == 0 {
            "timer".to_string()
        } else {
            format!("g{}", step.goroutine)
        }
    };
    let goroutine_width = trace
        .iter()
        .map(|step| goroutine(step).len())
        .max()
        .unwrap_or(0);
    let function_width = trace
        .iter()
        .map(|step| step.function.len())
        .max()
        .unwrap_or(0);
    let location_width = trace
        .iter()
        .map(|step| step.location.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (index, step) in trace.iter().enumerate() {
        let mut notes = Vec::new();
        if !step.started.is_empty() {
            notes.push(format!("started {}", goroutine_list(&step.started)));
        }
        if !step.woke.is_empty() {
            notes.push(format!("woke {}", goroutine_list(&step.woke)));
        }
        let mut line = format!(
            "{:>number_width$}  {:<goroutine_width$}  {:<function_width$}  {:<location_width$}  {}",
            index + 1,
            goroutine(step),
            step.function,
            step.location,
            step.operation,
        );
        if !notes.is_empty() {
            write!(line, " ({})", notes.join("; ")).unwrap();
        }
        for printed in &step.output {
            write!(line, " [output: {printed:?}]").unwrap();
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Renders a goroutine dump in Go's format, goroutines separated by blank lines, each location
/// line indented by one tab (shown here as spaces):
///
/// ```text
/// goroutine 1 [chan send]:
/// main.bgwait()
///         dist.go:31
/// created by main.bginit in goroutine 1
///         dist.go:15
/// ```
pub fn render_dump(goroutines: &[GoroutineView]) -> String {
    let mut out = String::new();
    for (index, goroutine) in goroutines.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let status = match &goroutine.status {
            GoroutineStatus::Running => "running",
            GoroutineStatus::Runnable => "runnable",
            GoroutineStatus::Waiting(reason) => reason.as_str(),
            GoroutineStatus::Dead => "dead",
        };
        writeln!(out, "goroutine {} [{status}]:", goroutine.id).unwrap();
        for frame in &goroutine.frames {
            writeln!(out, "{}()\n\t{}", frame.function, frame.location).unwrap();
        }
        if let Some(site) = &goroutine.created_by {
            // Go 1.21+: `created by F in goroutine M`; goroutine 1 has no creator (0).
            if goroutine.creator == 0 {
                writeln!(out, "created by {}\n\t{}", site.function, site.location).unwrap();
            } else {
                writeln!(
                    out,
                    "created by {} in goroutine {}\n\t{}",
                    site.function, goroutine.creator, site.location
                )
                .unwrap();
            }
        }
    }
    out
}

fn goroutine_list(goroutines: &[u32]) -> String {
    goroutines
        .iter()
        .map(|id| format!("g{id}"))
        .collect::<Vec<_>>()
        .join(", ")
}
