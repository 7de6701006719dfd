//! `gomc check` and `gomc replay`: run the library on files and print.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use super::progress::ProgressLine;
use super::{EXIT_FAIL, EXIT_INCOMPLETE, EXIT_OK, EXIT_USAGE};
use crate::check::model_files;
use crate::check::{check_file, render_replay, replay_file, Config, ReplayError};
use crate::report::{
    kind_list, render_json, render_json_array, render_text, RenderOptions, Report,
};

/// One row of the summary table.
struct Row {
    file: String,
    verdict: String,
    expected: String,
    states: String,
    time: String,
    status: &'static str,
    exit: i32,
}

/// Checks every model under `paths` and prints the reports (and a summary table for several
/// files); returns the exit status.
pub(super) fn run(paths: &[PathBuf], config: &Config, json: bool, timings: bool) -> i32 {
    let files = match model_files(paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_USAGE;
        }
    };
    let options = RenderOptions { timings };
    let mut rows = Vec::new();
    let mut reports = Vec::new();
    for (index, path) in files.iter().enumerate() {
        if config
            .cancel
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
        {
            break;
        }
        let (row, report) = check_one(path, config, timings);
        if let Some(report) = report {
            if !json {
                if index > 0 {
                    println!();
                }
                print!("{}", render_text(&report, &options));
            }
            reports.push(report);
        }
        rows.push(row);
    }
    if json {
        if files.len() == 1 && reports.len() == 1 {
            println!("{}", render_json(&reports[0], &options));
        } else if !reports.is_empty() || files.len() > 1 {
            println!("{}", render_json_array(&reports, &options));
        }
    } else if files.len() > 1 {
        println!();
        let count = if config.engine_in_use() == crate::backends::Engine::Native {
            "states"
        } else {
            "executions"
        };
        print!("{}", table(&rows, timings, count));
    }
    exit_status(rows.iter().map(|row| row.exit))
}

/// The overall exit status: the first of 2, 1, 3, 0 that any file has.
fn exit_status(codes: impl Iterator<Item = i32>) -> i32 {
    let codes: Vec<i32> = codes.collect();
    [EXIT_USAGE, EXIT_FAIL, EXIT_INCOMPLETE]
        .into_iter()
        .find(|code| codes.contains(code))
        .unwrap_or(EXIT_OK)
}

/// Checks one file with a progress line; a load error is printed at once on stderr.
fn check_one(path: &Path, config: &Config, timings: bool) -> (Row, Option<Report>) {
    let name = path.display().to_string();
    let (progress, callback) = ProgressLine::start(&name);
    let config = match callback {
        Some(callback) => config.clone().on_progress(callback),
        None => config.clone(),
    };
    let checked = check_file(path, &config);
    progress.finish();
    match checked {
        Ok(report) => {
            let row = Row {
                file: report.file.clone(),
                verdict: report.verdict_line(),
                expected: match &report.expectation {
                    None => "-".to_string(),
                    Some(expectation) if expectation.kinds.is_empty() => "none".to_string(),
                    Some(expectation) => kind_list(&expectation.kinds),
                },
                states: match &report.backend {
                    Some(backend) => backend.executions.to_string(),
                    None => report.statistics.states.to_string(),
                },
                time: match report.statistics.elapsed_seconds {
                    Some(seconds) if timings => format!("{seconds:.2}s"),
                    _ => "-".to_string(),
                },
                status: match report.exit_code() {
                    EXIT_OK => "ok",
                    EXIT_INCOMPLETE => "incomplete",
                    _ => "FAIL",
                },
                exit: report.exit_code(),
            };
            (row, Some(report))
        }
        Err(error) => {
            eprintln!("{error}");
            let row = Row {
                file: path.display().to_string(),
                verdict: "cannot be loaded".to_string(),
                expected: "-".to_string(),
                states: "-".to_string(),
                time: "-".to_string(),
                status: "ERROR",
                exit: EXIT_USAGE,
            };
            (row, None)
        }
    }
}

/// The summary table, columns aligned.
fn table(rows: &[Row], timings: bool, count: &str) -> String {
    let header = Row {
        file: "file".into(),
        verdict: "verdict".into(),
        expected: "expected".into(),
        states: count.into(),
        time: "time".into(),
        status: "status",
        exit: 0,
    };
    let all: Vec<&Row> = std::iter::once(&header).chain(rows).collect();
    let width = |cell: fn(&Row) -> &str| all.iter().map(|row| cell(row).len()).max().unwrap_or(0);
    let file_width = width(|row| &row.file);
    let verdict_width = width(|row| &row.verdict);
    let expected_width = width(|row| &row.expected);
    let states_width = width(|row| &row.states);
    let time_width = width(|row| &row.time);
    let mut out = String::new();
    for row in all {
        let time = if timings {
            format!("  {:>time_width$}", row.time)
        } else {
            String::new()
        };
        let line = format!(
            "{:<file_width$}  {:<verdict_width$}  {:<expected_width$}  {:>states_width$}{time}  {}",
            row.file, row.verdict, row.expected, row.states, row.status
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let failed = rows.iter().filter(|row| row.exit != EXIT_OK).count();
    out.push_str(&format!(
        "{} {} checked, {failed} not ok\n",
        rows.len(),
        if rows.len() == 1 { "file" } else { "files" }
    ));
    out
}

/// Replays a schedule and prints its trace and dump; returns the exit status.
pub(super) fn replay(path: &Path, schedule: &str, config: &Config, json: bool) -> i32 {
    match replay_file(path, config, schedule) {
        Ok(replay) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&replay)
                        .expect("internal error: a replay always serializes")
                );
            } else {
                print!("{}", render_replay(&replay));
            }
            replay.exit_code()
        }
        Err(error) => {
            if let ReplayError::Model(error) = &error {
                eprintln!("{error}");
            } else {
                eprintln!("{}: {error}", path.display());
            }
            EXIT_USAGE
        }
    }
}
