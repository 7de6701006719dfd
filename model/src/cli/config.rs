//! The configuration of `gomc check` from its arguments, and the parsers of option values
//! (`--set`, durations, sizes) that clap calls.

use clap::ValueEnum;

use super::{default_threads, store, swarm, CheckArgs, EngineArg, SchedulerArg, SearchArg};
use crate::backends::{Engine, Scheduler, DEFAULT_PCT_DEPTH};
use crate::check::Config;
use crate::explore::SearchOrder;

pub(super) fn parse_override(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name.to_string(), value.to_string())),
        _ => Err(format!("expected NAME=VALUE, found `{text}`")),
    }
}

/// The configuration of `gomc check`, or why the options do not fit together.
pub(super) fn check_config(args: &CheckArgs) -> Result<Config, String> {
    let name = args
        .engine
        .to_possible_value()
        .map_or(String::new(), |value| value.get_name().to_string());
    let only = |given: bool, option: &str, engines: &[EngineArg], which: &str| {
        if given && !engines.contains(&args.engine) {
            Err(format!(
                "{option} applies to {which}, not to `--engine {name}`"
            ))
        } else {
            Ok(())
        }
    };
    use EngineArg::{Loom, Native, Shuttle};
    only(
        args.search.is_some(),
        "--search",
        &[Native],
        "the native engine",
    )?;
    only(
        args.max_states.is_some(),
        "--max-states",
        &[Native],
        "the native engine",
    )?;
    only(
        args.stop_at_first,
        "--stop-at-first",
        &[Native],
        "the native engine",
    )?;
    only(
        args.time_limit.is_some(),
        "--time-limit",
        &[Native],
        "the native engine",
    )?;
    only(
        args.max_memory.is_some(),
        "--max-memory",
        &[Native],
        "the native engine",
    )?;
    only(
        args.iterations.is_some(),
        "--iterations",
        &[Loom, Shuttle],
        "loom and shuttle",
    )?;
    if args.swarm.is_none() {
        only(
            args.seed.is_some(),
            "--seed",
            &[Shuttle],
            "shuttle and --swarm",
        )?;
    }
    swarm::check_swarm_args(args)?;
    only(
        args.scheduler.is_some(),
        "--scheduler",
        &[Shuttle],
        "shuttle",
    )?;
    only(
        args.pct_depth.is_some(),
        "--pct-depth",
        &[Shuttle],
        "shuttle",
    )?;
    only(
        args.preemption_bound.is_some(),
        "--preemption-bound",
        &[Loom],
        "loom",
    )?;
    if args.pct_depth.is_some() && !matches!(args.scheduler, Some(SchedulerArg::Pct)) {
        return Err("--pct-depth applies to `--scheduler pct`".to_string());
    }
    if args.pct_depth == Some(0) {
        return Err("--pct-depth must be at least 1".to_string());
    }
    let engine = engine(args.engine)?;
    let order = match args.search.unwrap_or(SearchArg::Bfs) {
        SearchArg::Bfs => SearchOrder::Bfs,
        SearchArg::Dfs => SearchOrder::Dfs,
    };
    let mut config = args.model.config().search(order).engine(engine);
    if let Some(states) = args.max_states {
        config = config.max_states(states);
    }
    if let Some(depth) = args.max_depth {
        config = config.max_depth(depth);
    }
    if let Some(reduction) = args.reduction {
        config = config.reduction(reduction.reduction());
    }
    config = config.threads(args.threads.unwrap_or_else(default_threads).max(1));
    config = config.stop_at_first(args.stop_at_first);
    config = config.store(store::state_store(args)?);
    if let Some(limit) = args.time_limit {
        config = config.time_limit(limit);
    }
    if let Some(bytes) = args.max_memory.or_else(crate::check::default_memory_limit) {
        config = config.max_memory(bytes);
    }
    if let Some(iterations) = args.iterations {
        config = config.iterations(iterations);
    }
    if let Some(seed) = args.seed {
        config = config.seed(seed);
    }
    if let Some(scheduler) = args.scheduler {
        config = config.scheduler(match scheduler {
            SchedulerArg::Random => Scheduler::Random,
            SchedulerArg::Pct => Scheduler::Pct {
                depth: args.pct_depth.unwrap_or(DEFAULT_PCT_DEPTH),
            },
        });
    }
    if let Some(bound) = args.preemption_bound {
        config = config.preemption_bound(bound);
    }
    if let Some(jobs) = args.swarm {
        config = config.swarm(jobs);
    }
    if let Some(selected) = &args.swarm_jobs {
        config = config.swarm_jobs(selected.0.clone());
    }
    Ok(config)
}

/// `--time-limit`: seconds, or a number with `s`, `m` or `h`.
pub(super) fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let (number, unit) = match text.strip_suffix(['s', 'm', 'h']) {
        Some(number) => (number, &text[number.len()..]),
        None => (text, "s"),
    };
    let value: f64 = number
        .parse()
        .ok()
        .filter(|value: &f64| value.is_finite() && *value >= 0.0)
        .ok_or_else(|| format!("`{text}` is not a duration: write e.g. 90, 90s, 5m or 1h"))?;
    let seconds = match unit {
        "h" => value * 3600.0,
        "m" => value * 60.0,
        _ => value,
    };
    Ok(std::time::Duration::from_secs_f64(seconds))
}

/// `--max-memory`: bytes, or a number with `K`, `M`, `G` or `T` (powers of 1024).
pub(super) fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.to_ascii_uppercase();
    let trimmed = upper.strip_suffix('B').unwrap_or(&upper);
    let (number, shift) = match trimmed.strip_suffix(['K', 'M', 'G', 'T']) {
        Some(number) => {
            let shift = match &trimmed[number.len()..] {
                "K" => 10,
                "M" => 20,
                "G" => 30,
                _ => 40,
            };
            (number, shift)
        }
        None => (trimmed, 0),
    };
    let value: f64 = number
        .parse()
        .ok()
        .filter(|value: &f64| value.is_finite() && *value > 0.0)
        .ok_or_else(|| {
            format!("`{text}` is not a size: write e.g. 512M, 4G or a number of bytes")
        })?;
    Ok((value * (1u64 << shift) as f64) as u64)
}

/// The engine asked for, or how to build a gomc that has it.
pub(super) fn engine(engine: EngineArg) -> Result<Engine, String> {
    let (name, feature) = match engine {
        EngineArg::Native => return Ok(Engine::Native),
        EngineArg::Loom => ("loom", "loom"),
        EngineArg::Shuttle => ("shuttle", "shuttle"),
    };
    Engine::from_name(name).ok_or_else(|| {
        format!(
            "`--engine {name}` needs the cargo feature `{feature}`, which this gomc was built \
             without; build it with `cargo build --release --features {feature}` (the feature \
             is on by default: a build without `--no-default-features` has it)"
        )
    })
}
