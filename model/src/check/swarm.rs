//! `--swarm`: checking a model with a swarm of bounded searches, and merging the JSON reports
//! of a swarm whose job list was split over several processes or machines (`gomc swarm-merge`)
//! into the report that one process running every job prints.

use std::path::Path;
use std::time::Duration;

use super::{compile_loaded, peak_resident_bytes, resident_bytes, resolve_file, Config};
use crate::explore::{
    explore_swarm, JobRun, OutcomeKind, Progress, StoppedBy, SwarmLimits, SwarmPlan,
    DEFAULT_JOB_STATES,
};
use crate::frontend::ModelError;
use crate::program::{Clock, Program};
use crate::report::{build_swarm_report, Report, SwarmModel, SwarmReport};
use crate::semantics::{Choice, Machine, Reduction};

/// The plan of the swarm `config` asks for.
fn plan(config: &Config, swarm: &super::config::Swarm) -> SwarmPlan {
    SwarmPlan {
        jobs: swarm.jobs,
        seed: config.seed,
        selected: swarm
            .selected
            .clone()
            .unwrap_or_else(|| (0..swarm.jobs).collect()),
        job_states: config.max_states.unwrap_or(DEFAULT_JOB_STATES),
        max_depth: config.max_depth,
        stop_at_first: config.stop_at_first,
    }
}

/// What of `config` changes the model, as the report records it for `gomc swarm-merge`.
fn swarm_model(config: &Config) -> SwarmModel {
    SwarmModel {
        entry: config.entry.clone(),
        set: config.overrides.clone(),
        races: config.races,
        clock: config.clock.map(|clock| clock.name().to_string()),
        symmetry: config.reduction.symmetry,
    }
}

/// Checks a compiled model with a swarm of bounded searches.
pub(super) fn explore_swarm_natively(
    report_name: &str,
    program: &Program,
    config: &Config,
    races: bool,
    expect: Option<Vec<OutcomeKind>>,
) -> Report {
    let swarm = config
        .swarm
        .as_ref()
        .expect("internal error: a swarm check without --swarm");
    let mut machine = Machine::with_races(program, races).with_reduction(config.reduction);
    if let Some(flag) = config.cancel.as_deref() {
        machine = machine.cancel_flag(flag);
    }
    let plan = plan(config, swarm);
    let mut call_progress = |progress: &Progress| {
        if let Some(callback) = &config.progress {
            callback(progress);
        }
    };
    let limits = SwarmLimits {
        cancel: config.cancel.as_deref(),
        time_limit: config.time_limit,
        memory_limit: config
            .max_memory
            .map(|bytes| (bytes, resident_bytes as fn() -> Option<u64>)),
        progress: Some(&mut call_progress),
        threads: config.threads,
    };
    let explored = explore_swarm(&machine, &plan, limits);
    let mut report = build_swarm_report(
        report_name,
        &machine,
        &plan,
        swarm_model(config),
        &explored.runs,
        (explored.stopped_by, explored.elapsed),
        expect,
    );
    report.statistics.peak_memory_bytes = peak_resident_bytes();
    report
}

/// One file's swarm parts, gathered from the JSON reports.
struct Parts {
    file: String,
    swarm: SwarmReport,
    runs: Vec<JobRun<Choice>>,
    stopped_by: Option<StoppedBy>,
    elapsed: f64,
}

/// Merges the JSON reports of `gomc check --swarm N --swarm-jobs ... --json` runs (`texts`:
/// each file's name and contents) into one report per model file, in the order the files first
/// appear: the report that one `gomc check --swarm N` over every job would print. A model is
/// compiled again, from its file (named as in the reports, so merge where the checks ran) and
/// the settings the reports record. A file a part could not check is that file's error.
///
/// Fails when a text is not such a report, when parts disagree on a file's swarm settings, or
/// when two parts ran the same job differently.
pub fn merge_swarm_parts(
    texts: &[(String, String)],
) -> Result<Vec<Result<Report, ModelError>>, String> {
    let mut files: Vec<Result<Parts, ModelError>> = Vec::new();
    for (part, text) in texts {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|error| format!("{part}: not a JSON report of gomc check: {error}"))?;
        let entries = match value {
            serde_json::Value::Array(entries) => entries,
            entry => vec![entry],
        };
        for entry in entries {
            add_entry(&mut files, part, &entry)?;
        }
    }
    Ok(files
        .into_iter()
        .map(|parts| parts.and_then(|parts| merged_report(&parts)))
        .collect())
}

/// Adds one report of a part to its file's parts.
fn add_entry(
    files: &mut Vec<Result<Parts, ModelError>>,
    part: &str,
    entry: &serde_json::Value,
) -> Result<(), String> {
    let file = entry["file"]
        .as_str()
        .ok_or_else(|| format!("{part}: an entry without `file`: not a report of gomc check"))?
        .to_string();
    let known = files.iter_mut().find(|parts| match parts {
        Ok(parts) => parts.file == file,
        Err(error) => error.file == file,
    });
    if entry["verdict"] == "error" {
        let message = entry["error"]["message"].as_str().unwrap_or("not checked");
        if known.is_none() {
            files.push(Err(ModelError::without_position(&file, message)));
        }
        return Ok(());
    }
    let swarm: SwarmReport = serde_json::from_value(entry["swarm"].clone()).map_err(|error| {
        format!("{part}: {file} was not checked with --swarm (or the report is damaged: {error})")
    })?;
    let stopped_by: Option<StoppedBy> =
        serde_json::from_value(entry["stopped_by"].clone()).unwrap_or(None);
    let elapsed = entry["statistics"]["elapsed_seconds"]
        .as_f64()
        .unwrap_or(0.0);
    let runs = swarm
        .runs
        .iter()
        .map(|record| record.run())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| format!("{part}: {file}: {error}"))?;
    let Some(known) = known else {
        files.push(Ok(Parts {
            file,
            swarm,
            runs,
            stopped_by: stopped_by.filter(|bound| *bound != StoppedBy::Swarm),
            elapsed,
        }));
        return Ok(());
    };
    let Ok(parts) = known else {
        return Ok(());
    };
    let settings = |swarm: &SwarmReport| {
        (
            swarm.jobs,
            swarm.seed,
            swarm.job_states,
            swarm.max_depth,
            swarm.stop_at_first,
            swarm.model.clone(),
        )
    };
    if settings(&parts.swarm) != settings(&swarm) {
        return Err(format!(
            "{part}: {file} was checked with other swarm settings (--swarm, --seed, \
             --max-states, --max-depth, --stop-at-first, --entry, --set, --races, --clock or \
             --reduction) than in the parts before it"
        ));
    }
    for (record, run) in swarm.runs.iter().zip(runs) {
        match parts
            .swarm
            .runs
            .iter()
            .find(|known| known.job == record.job)
        {
            Some(known) if same_run(known, record) => {}
            Some(_) => {
                return Err(format!(
                    "{part}: {file}: job {} appears in two parts with different results",
                    record.job
                ))
            }
            None => {
                parts.swarm.runs.push(record.clone());
                parts.runs.push(run);
            }
        }
    }
    if parts.stopped_by.is_none() {
        parts.stopped_by = stopped_by.filter(|bound| *bound != StoppedBy::Swarm);
    }
    parts.elapsed = parts.elapsed.max(elapsed);
    Ok(())
}

/// Whether two records of a job agree, its time aside.
fn same_run(left: &crate::report::JobReport, right: &crate::report::JobReport) -> bool {
    let mut right = right.clone();
    right.seconds = left.seconds;
    *left == right
}

/// The report of one file's merged parts.
fn merged_report(parts: &Parts) -> Result<Report, ModelError> {
    let model = &parts.swarm.model;
    let mut config = Config::new().reduction(Reduction {
        symmetry: model.symmetry,
    });
    if let Some(entry) = &model.entry {
        config = config.entry(entry.clone());
    }
    for (name, value) in &model.set {
        config = config.set(name.clone(), value.clone());
    }
    if let Some(clock) = model.clock.as_deref().and_then(Clock::named) {
        config = config.clock(clock);
    }
    let (_, loaded) = resolve_file(Path::new(&parts.file))?;
    let program = compile_loaded(&loaded, &config)?;
    let machine = Machine::with_races(&program, model.races || loaded.header.races)
        .with_reduction(config.reduction);
    let mut plan = parts.swarm.plan();
    plan.selected.sort_unstable();
    Ok(build_swarm_report(
        &parts.file,
        &machine,
        &plan,
        model.clone(),
        &parts.runs,
        (parts.stopped_by, Duration::from_secs_f64(parts.elapsed)),
        loaded.header.expect.clone(),
    ))
}
