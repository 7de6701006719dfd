//! The library API: check a model from source or file, or replay a schedule.
//!
//! ```no_run
//! let report = gomc::check_file("scenarios/cmd-dist/dist_before.go", &gomc::Config::new())?;
//! assert!(report.violations.contains(&gomc::explore::OutcomeKind::Deadlock));
//! # Ok::<(), gomc::frontend::ModelError>(())
//! ```

mod config;
mod files;
mod gotest;
mod header;
mod html;
mod memory;
mod replay;
mod source;
mod swarm;

pub use config::{Config, ProgressCallback};
pub use files::{model_files, STDIN_PATH};
pub use gotest::{check_test, find_test_packages, test_html_pages, TestPackage};
pub use header::{parse_header, BaseModel, Header, IncludedFile};
pub use html::{html_pages, replay_html, HtmlPage, ModelInput};
pub use memory::{default_memory_limit, peak_resident_bytes, resident_bytes};
pub use replay::{render_replay, replay, replay_file, Replay, ReplayError};
pub use source::{inside_tree, read_bounded, read_model_text, MAX_MODEL_BYTES};
pub use swarm::merge_swarm_parts;

use std::path::Path;

use crate::explore::{explore_parallel, MemoryLimit, Progress, SearchOptions};
use crate::frontend::{compile, CompileOptions, ModelError};
use crate::program::{Program, SourceFile};
use crate::report::{build_report, Report, SearchSettings};
use crate::semantics::Machine;

/// Checks a model given as text: reads its header, compiles it, searches every interleaving
/// within the bounds of `config`, and reports. `name` is the file name reports print. A
/// `gomc:model` variant needs [`check_file`], which can find the file it varies.
///
/// A UTF-8 byte-order mark at the start of `text` is ignored, as Go ignores it. A failure of
/// gomc itself (a panic inside it) is contained: it comes back as this model's error, so that a
/// caller checking many models goes on with the others.
pub fn check_source(name: &str, text: &str, config: &Config) -> Result<Report, ModelError> {
    contain(name, || {
        check_loaded(name, &resolve_source(name, text)?, config)
    })
}

/// Checks a model file; see [`check_source`]. The report names the file as `path` is written.
/// For a `gomc:model` variant, the model it names (relative to the variant's folder) is checked
/// with the variant's directives, and the report names the variant.
///
/// Files that a model names (`gomc:include`, `gomc:model`) are read only from inside its
/// folder's tree ([`inside_tree`]); failures of gomc itself are contained as in
/// [`check_source`].
pub fn check_file(path: impl AsRef<Path>, config: &Config) -> Result<Report, ModelError> {
    let path = path.as_ref();
    contain(&path.display().to_string(), || {
        let (name, loaded) = resolve_file(path)?;
        check_loaded(&name, &loaded, config)
    })
}

/// Runs `check`, turning a panic inside gomc into an internal error of the model `name`: the
/// native engine contains its failures as the loom and shuttle backends contain theirs.
fn contain(
    name: &str,
    check: impl FnOnce() -> Result<Report, ModelError>,
) -> Result<Report, ModelError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).unwrap_or_else(|payload| {
        Err(ModelError::without_position(
            name,
            format!(
                "internal error: gomc failed while checking this model ({}); this is a bug in \
                 gomc, not a finding about the model: please report it with the model",
                crate::backends::panic_message(&*payload)
            ),
        ))
    })
}

/// A model ready to compile: the file its code comes from and the directives in effect.
pub(crate) struct Loaded {
    /// The name the code is compiled under (traces and dumps point into it).
    pub name: String,
    /// The code.
    pub text: String,
    /// The header in effect (a variant's over its base's).
    pub header: Header,
    /// Further files of the same package, compiled with it (`gomc test`: the package's other
    /// files).
    pub package_files: Vec<SourceFile>,
}

/// Reads a model given as text; a `gomc:model` variant is an error here (nothing to resolve
/// its path against).
pub(crate) fn resolve_source(name: &str, text: &str) -> Result<Loaded, ModelError> {
    let text = source::without_byte_order_mark(text);
    let header = parse_header(name, text)?;
    if let Some(base) = &header.model {
        return Err(base.error(
            name,
            "a `gomc:model` variant names another file: check it by path (check_file, gomc check)",
        ));
    }
    if let Some(include) = header.includes.first() {
        return Err(include.directive.error(
            name,
            "a model with `gomc:include` names other files: check it by path (check_file, gomc check)",
        ));
    }
    refuse_library(name, &header)?;
    Ok(Loaded {
        name: name.to_string(),
        text: text.to_string(),
        header,
        package_files: Vec::new(),
    })
}

/// Whether a file is a `gomc:library` (shared declarations, not a model): directory checks
/// skip such files.
pub fn is_library(path: &Path) -> bool {
    read_model_text(path)
        .ok()
        .and_then(|text| parse_header(&path.display().to_string(), &text).ok())
        .is_some_and(|header| header.library)
}

fn refuse_library(name: &str, header: &Header) -> Result<(), ModelError> {
    if header.library {
        return Err(ModelError::without_position(
            name,
            "this file is a `gomc:library` of shared declarations, not a model: check the models \
             that include it",
        ));
    }
    Ok(())
}

/// Reads a model file, following `gomc:model` to the model a variant varies; the includes are
/// resolved against the folder of the file that names them.
pub(crate) fn resolve_file(path: &Path) -> Result<(String, Loaded), ModelError> {
    let (name, text) = read(path)?;
    let folder = path.parent().unwrap_or(Path::new("")).to_path_buf();
    let mut header = parse_header(&name, &text)?;
    refuse_library(&name, &header)?;
    set_folders(&mut header, &folder);
    let Some(base) = header.model.clone() else {
        header.go_minor = header.go_minor.or_else(|| go_mod_minor(&folder));
        let package_files = Vec::new();
        return Ok((
            name.clone(),
            Loaded {
                name,
                text,
                header,
                package_files,
            },
        ));
    };
    let base_path = folder.join(&base.path);
    let base_name = base_path.display().to_string();
    let base_text = inside_tree(&folder, &base.path)
        .and_then(|path| read_model_text(&path))
        .map_err(|error| {
            base.error(&name, format!("cannot read the model {base_name}: {error}"))
        })?;
    let mut base_header = parse_header(&base_name, &base_text)?;
    if base_header.model.is_some() {
        return Err(base.error(
            &name,
            format!("{base_name} is itself a `gomc:model` variant; name the model it varies"),
        ));
    }
    set_folders(
        &mut base_header,
        base_path.parent().unwrap_or(Path::new("")),
    );
    let mut header = header.over(base_header);
    header.go_minor = header.go_minor.or_else(|| go_mod_minor(&folder));
    Ok((
        name,
        Loaded {
            name: base_name,
            text: base_text,
            header,
            package_files: Vec::new(),
        },
    ))
}

/// The Go release a `go.mod` beside the model names in its `go 1.N` directive, as N (the
/// header's `gomc:go` wins over it). Only the model's own folder is read: a `go.mod` further
/// up is outside the model's tree.
fn go_mod_minor(folder: &Path) -> Option<u32> {
    let text = inside_tree(folder, "go.mod")
        .and_then(|path| read_model_text(&path))
        .ok()?;
    text.lines().find_map(|line| {
        let version = line.trim().strip_prefix("go ")?.trim();
        version.strip_prefix("1.")?.split('.').next()?.parse().ok()
    })
}

fn set_folders(header: &mut Header, folder: &Path) {
    for include in &mut header.includes {
        include.folder = folder.to_path_buf();
    }
}

/// Checks a loaded model with the configured engine; the report is named `report_name`.
fn check_loaded(report_name: &str, loaded: &Loaded, config: &Config) -> Result<Report, ModelError> {
    let program = compile_loaded(loaded, config)?;
    let races = config.races || loaded.header.races;
    match config.engine {
        crate::backends::Engine::Native if config.swarm.is_some() => {
            Ok(swarm::explore_swarm_natively(
                report_name,
                &program,
                config,
                races,
                loaded.header.expect.clone(),
            ))
        }
        crate::backends::Engine::Native => Ok(explore_natively(
            report_name,
            &program,
            config,
            races,
            loaded.header.expect.clone(),
        )),
        #[cfg(any(feature = "loom", feature = "shuttle"))]
        engine => {
            let program = std::sync::Arc::new(program);
            let settings = crate::backends::Settings::from_config(engine, config, races);
            let run = crate::backends::run(engine, &program, &settings);
            Ok(crate::report::build_backend_report(
                report_name,
                &Machine::with_races(&program, races),
                &run,
                &settings,
                loaded.header.expect.clone(),
            ))
        }
    }
}

/// Checks a compiled model with the native explorer.
fn explore_natively(
    report_name: &str,
    program: &Program,
    config: &Config,
    races: bool,
    expect: Option<Vec<crate::explore::OutcomeKind>>,
) -> Report {
    let mut machine = Machine::with_races(program, races).with_reduction(config.reduction);
    if let Some(flag) = config.cancel.as_deref() {
        machine = machine.cancel_flag(flag);
    }
    let mut call_progress = |progress: &Progress| {
        if let Some(callback) = &config.progress {
            callback(progress);
        }
    };
    let options = SearchOptions {
        order: config.order,
        max_states: config.max_states,
        max_depth: config.max_depth,
        cancel: config.cancel.as_deref(),
        progress: if config.progress.is_some() {
            Some(&mut call_progress)
        } else {
            None
        },
        stop_at_first: config.stop_at_first,
        time_limit: config.time_limit,
        memory_limit: config.max_memory.map(|bytes| MemoryLimit {
            bytes,
            measure: &resident_bytes,
        }),
        threads: config.threads,
        store: config.store,
        pack_from: None,
    };
    let exploration = explore_parallel(&machine, options);
    let search = SearchSettings {
        order: config.order,
        max_states: config.max_states,
        max_depth: config.max_depth,
        reduction: config.reduction,
        store: config.store,
    };
    let mut report = build_report(report_name, &machine, &exploration, search, expect);
    report.statistics.peak_memory_bytes = peak_resident_bytes();
    report
}

/// Reads a model file: its display name and text, or a `ModelError` without position.
pub(crate) fn read(path: &Path) -> Result<(String, String), ModelError> {
    let name = path.display().to_string();
    match read_model_text(path) {
        Ok(text) => Ok((name, text)),
        Err(error) => Err(ModelError::without_position(
            &name,
            format!("cannot read the model: {error}"),
        )),
    }
}

/// Compiles a loaded model with the entry and overrides in effect: the model and its includes
/// are the files of one package.
pub(crate) fn compile_loaded(loaded: &Loaded, config: &Config) -> Result<Program, ModelError> {
    let options = CompileOptions {
        entry: config.entry.clone().or_else(|| loaded.header.entry.clone()),
        overrides: config.merged_overrides(&loaded.header.overrides),
        go_minor: loaded.header.go_minor,
        clock: config.clock.or(loaded.header.clock),
        test_parallel: config.test_parallel,
        test_short: config.test_short,
    };
    let file = SourceFile {
        name: loaded.name.clone(),
        text: loaded.text.clone(),
    };
    let mut files = vec![file];
    files.extend(loaded.package_files.iter().cloned());
    if loaded.header.includes.is_empty() {
        return compile(&files, &options);
    }
    for include in &loaded.header.includes {
        let name = include
            .folder
            .join(&include.directive.path)
            .display()
            .to_string();
        let text = inside_tree(&include.folder, &include.directive.path)
            .and_then(|path| read_model_text(&path))
            .map_err(|error| {
                include.directive.error(
                    &loaded.name,
                    format!("cannot read the included file {name}: {error}"),
                )
            })?;
        if files.iter().any(|file: &SourceFile| file.name == name) {
            continue;
        }
        files.push(SourceFile { name, text });
    }
    compile(&files, &options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_gomc_becomes_the_models_internal_error() {
        let contained = contain("m.go", || panic!("an invariant of gomc broke"));
        let error = contained.expect_err("a panic is this model's error");
        assert_eq!(error.file, "m.go");
        assert!(
            error
                .message
                .starts_with("internal error: gomc failed while checking this model"),
            "{}",
            error.message
        );
        assert!(
            error.message.contains("an invariant of gomc broke"),
            "{}",
            error.message
        );
        // The next model is checked as usual.
        let report = check_source("n.go", "package main\n\nfunc main() {}\n", &Config::new());
        assert!(report.is_ok_and(|report| report.violations.is_empty()));
    }
}
