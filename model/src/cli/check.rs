//! `gomc check` and `gomc replay`: run the library on files and print.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use super::html::{write_check_pages, write_replay_page, Checked, Target};
use super::progress::ProgressLine;
use super::{EXIT_FAIL, EXIT_INCOMPLETE, EXIT_OK, EXIT_USAGE};
use crate::check::{check_file, check_source, render_replay, replay_file, Config};
use crate::check::{model_files, read_bounded, ModelInput, ReplayError, STDIN_PATH};
use crate::frontend::ModelError;
use crate::report::{kind_list, render_json_entries, render_text, RenderOptions, Report};

/// The name reports give a model read from standard input.
const STDIN_NAME: &str = "<stdin>";

/// How `gomc check` prints.
pub(super) struct Print {
    /// JSON instead of text.
    pub json: bool,
    /// Elapsed times and rates.
    pub timings: bool,
    /// With several files, every full report, not only those of unexpected results.
    pub verbose: bool,
    /// `--html`: where to write the viewer page of each counterexample.
    pub html: Option<super::html::Target>,
}

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

/// Checks every model under `paths` and prints: for one file its full report; for several the
/// summary table (one line per file) first, then the full reports of the files with unexpected
/// results (of all files with `--verbose`). Returns the exit status.
pub(super) fn run(paths: &[PathBuf], config: &Config, print: &Print) -> i32 {
    let files = match files_to_check(paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_USAGE;
        }
    };
    if files.iter().filter(|path| is_stdin(path)).count() > 1 {
        eprintln!("error: standard input (`-`) holds one model: name it once");
        return EXIT_USAGE;
    }
    let mut checked = Vec::new();
    let mut stdin_text = None;
    for path in &files {
        if config
            .cancel
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
        {
            break;
        }
        let result = check_one(path, config, &mut stdin_text);
        if let Err(error) = &result {
            eprintln!("{error}");
        }
        checked.push(result);
    }
    let native = config.engine_in_use() == crate::backends::Engine::Native;
    let mut exit = print_checked(&files, &checked, print, native);
    if let Some(target) = &print.html {
        let models: Vec<_> = files
            .iter()
            .zip(&checked)
            .filter_map(|(path, result)| {
                let report = result.as_ref().ok()?;
                let input = match &stdin_text {
                    Some(text) if is_stdin(path) => ModelInput::Text {
                        name: STDIN_NAME,
                        text,
                    },
                    _ => ModelInput::File(path),
                };
                Some(Checked { input, report })
            })
            .collect();
        match write_check_pages(target, &models, config) {
            Ok(paths) => {
                for path in paths {
                    eprintln!("wrote {}", path.display());
                }
            }
            Err(message) => {
                eprintln!("error: {message}");
                exit = EXIT_USAGE;
            }
        }
    }
    exit
}

/// Prints what was checked (`files[i]` gave `checked[i]`): JSON, one full report, or the
/// summary table and the full reports it calls for; returns the exit status. `native`: the
/// table counts states, not executions.
pub(super) fn print_checked(
    files: &[PathBuf],
    checked: &[Result<Report, ModelError>],
    print: &Print,
    native: bool,
) -> i32 {
    let options = RenderOptions {
        timings: print.timings,
    };
    let rows: Vec<Row> = files
        .iter()
        .zip(checked)
        .map(|(path, result)| row(path, result, print.timings))
        .collect();
    if print.json {
        if !checked.is_empty() {
            println!("{}", render_json_entries(checked, &options));
        }
    } else if files.len() == 1 {
        if let Some(Ok(report)) = checked.first() {
            print!("{}", render_text(report, &options));
        }
    } else {
        let count = if native { "states" } else { "executions" };
        print!("{}", table(&rows, print.timings, count));
        for report in checked.iter().flatten() {
            if print.verbose || report.exit_code() == EXIT_FAIL {
                println!();
                print!("{}", render_text(report, &options));
            }
        }
    }
    exit_status(rows.iter().map(|row| row.exit))
}

/// The files under `paths` ([`model_files`]), except that a path that does not exist or cannot
/// be read is kept as a file: it is then that file's error (a row of the table, an entry of the
/// JSON), and the other paths are still checked. A directory without models is a usage error.
fn files_to_check(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if !is_stdin(path) && std::fs::metadata(path).is_err() {
            files.push(path.clone());
        } else {
            files.extend(model_files(std::slice::from_ref(path))?);
        }
    }
    Ok(files)
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_PATH
}

/// The overall exit status: the first of 2, 1, 3, 0 that any file has.
pub(super) fn exit_status(codes: impl Iterator<Item = i32>) -> i32 {
    let codes: Vec<i32> = codes.collect();
    [EXIT_USAGE, EXIT_FAIL, EXIT_INCOMPLETE]
        .into_iter()
        .find(|code| codes.contains(code))
        .unwrap_or(EXIT_OK)
}

/// Checks one file (`-`: standard input, whose text is kept in `stdin_text` for `--html`) with a
/// progress line.
fn check_one(
    path: &Path,
    config: &Config,
    stdin_text: &mut Option<String>,
) -> Result<Report, ModelError> {
    let name = if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    };
    let (progress, callback) = ProgressLine::start(&name);
    let config = match callback {
        Some(callback) => config.clone().on_progress(callback),
        None => config.clone(),
    };
    let checked = if is_stdin(path) {
        read_stdin().and_then(|text| check_source(STDIN_NAME, stdin_text.insert(text), &config))
    } else {
        check_file(path, &config)
    };
    progress.finish();
    checked
}

/// The model on standard input.
fn read_stdin() -> Result<String, ModelError> {
    read_bounded(std::io::stdin().lock()).map_err(|error| {
        ModelError::without_position(STDIN_NAME, format!("cannot read the model: {error}"))
    })
}

/// The summary row of one file.
fn row(path: &Path, checked: &Result<Report, ModelError>, timings: bool) -> Row {
    match checked {
        Ok(report) => Row {
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
        },
        Err(error) => Row {
            file: if is_stdin(path) {
                STDIN_NAME.to_string()
            } else {
                path.display().to_string()
            },
            verdict: if error.message.starts_with("internal error") {
                "internal error".to_string()
            } else {
                "cannot be loaded".to_string()
            },
            expected: "-".to_string(),
            states: "-".to_string(),
            time: "-".to_string(),
            status: "ERROR",
            exit: EXIT_USAGE,
        },
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

/// Replays a schedule and prints its trace and dump (and with `html`, writes its viewer page);
/// returns the exit status.
pub(super) fn replay(
    path: &Path,
    schedule: &str,
    config: &Config,
    json: bool,
    html: Option<&Target>,
) -> i32 {
    let mut stdin_text = None;
    let replayed = if is_stdin(path) {
        read_stdin().map_err(ReplayError::Model).and_then(|text| {
            crate::check::replay(STDIN_NAME, stdin_text.insert(text), config, schedule)
        })
    } else {
        replay_file(path, config, schedule)
    };
    match replayed {
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
            if let Some(target) = html {
                let input = match &stdin_text {
                    Some(text) => ModelInput::Text {
                        name: STDIN_NAME,
                        text,
                    },
                    None => ModelInput::File(path),
                };
                match write_replay_page(target, input, config, &replay) {
                    Ok(written) => eprintln!("wrote {}", written.display()),
                    Err(message) => {
                        eprintln!("error: {message}");
                        return EXIT_USAGE;
                    }
                }
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
