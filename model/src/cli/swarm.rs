//! The command line of swarm search: `--swarm N` and `--swarm-jobs LIST` of `gomc check`, and
//! `gomc swarm-merge`, which merges the JSON reports of a swarm split over machines.

use std::path::PathBuf;

use clap::Args;

use super::check::{print_checked, Print};
use super::{CheckArgs, EngineArg, EXIT_USAGE};
use crate::check::merge_swarm_parts;

/// `--swarm-jobs`: job numbers, ascending, each once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct JobList(pub(super) Vec<u32>);

/// Reads `3,7-9` as jobs 3, 7, 8 and 9.
pub(super) fn parse_job_list(text: &str) -> Result<JobList, String> {
    let mut jobs = Vec::new();
    for part in text.split(',').map(str::trim) {
        let number = |text: &str| {
            text.trim().parse::<u32>().map_err(|_| {
                format!("`{part}` is not a job number or range: write e.g. 3,7-9 or 0-99")
            })
        };
        let (first, last) = match part.split_once('-') {
            Some((first, last)) => (number(first)?, number(last)?),
            None => (number(part)?, number(part)?),
        };
        if first > last {
            return Err(format!("`{part}`: a range goes up, e.g. 7-9"));
        }
        jobs.extend(first..=last);
    }
    jobs.sort_unstable();
    jobs.dedup();
    Ok(JobList(jobs))
}

/// Whether the swarm options fit together and with the others.
pub(super) fn check_swarm_args(args: &CheckArgs) -> Result<(), String> {
    let Some(jobs) = args.swarm else {
        if args.swarm_jobs.is_some() {
            return Err("--swarm-jobs applies to --swarm".to_string());
        }
        return Ok(());
    };
    if args.engine != EngineArg::Native {
        return Err("--swarm applies to the native engine".to_string());
    }
    if jobs == 0 {
        return Err("--swarm needs at least one job".to_string());
    }
    if args.search.is_some() {
        return Err(
            "--search does not apply to --swarm: every swarm job searches depth-first".to_string(),
        );
    }
    if let Some(JobList(selected)) = &args.swarm_jobs {
        if let Some(last) = selected.last().filter(|last| **last >= jobs) {
            return Err(format!(
                "--swarm-jobs: job {last} is not in a list of {jobs} (jobs 0 to {})",
                jobs - 1
            ));
        }
    }
    Ok(())
}

#[derive(Args, Debug)]
pub(super) struct MergeArgs {
    /// The JSON reports to merge (`gomc check ... --swarm N --swarm-jobs LIST --json > PART`).
    #[arg(required = true, value_name = "PART")]
    parts: Vec<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Leave out elapsed times and rates, so that the output is the same on every run.
    #[arg(long)]
    no_timings: bool,
    /// With several files, print every file's full report after the summary table.
    #[arg(long, short)]
    verbose: bool,
}

/// `gomc swarm-merge`: reads the parts, merges them, prints as `gomc check` does.
pub(super) fn merge(args: &MergeArgs) -> i32 {
    let mut texts = Vec::new();
    for part in &args.parts {
        match std::fs::read_to_string(part) {
            Ok(text) => texts.push((part.display().to_string(), text)),
            Err(error) => {
                eprintln!("error: cannot read {}: {error}", part.display());
                return EXIT_USAGE;
            }
        }
    }
    let checked = match merge_swarm_parts(&texts) {
        Ok(checked) => checked,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_USAGE;
        }
    };
    let files: Vec<PathBuf> = checked
        .iter()
        .map(|result| match result {
            Ok(report) => PathBuf::from(&report.file),
            Err(error) => {
                eprintln!("{error}");
                PathBuf::from(&error.file)
            }
        })
        .collect();
    let print = Print {
        json: args.json,
        timings: !args.no_timings,
        verbose: args.verbose,
        html: None,
    };
    print_checked(&files, &checked, &print, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_list_reads_numbers_and_ranges() {
        assert_eq!(parse_job_list("3,7-9"), Ok(JobList(vec![3, 7, 8, 9])));
        assert_eq!(parse_job_list("9-9, 1"), Ok(JobList(vec![1, 9])));
        assert!(parse_job_list("9-7").is_err());
        assert!(parse_job_list("x").is_err());
        assert!(parse_job_list("").is_err());
    }
}
