//! `gomc test`: check the tests of `_test.go` files (`check::find_test_packages`) and print as
//! `go test -v` does, with gomc's verdict on each test's line and the full report of each test
//! that fails in some interleaving.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use clap::Args;
use regex::Regex;

use super::check::exit_status;
use super::{EXIT_FAIL, EXIT_INCOMPLETE, EXIT_OK, EXIT_USAGE};
use crate::check::{check_test, find_test_packages, Config};
use crate::report::{kind_list, render_text, RenderOptions, Report};

#[derive(Args, Debug)]
pub(super) struct TestArgs {
    /// `_test.go` files, package folders, or `DIR/...` for every folder below DIR [default: .].
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Run only the tests whose name matches the regular expression (also `-run`); only the
    /// part before the first `/` is applied: every subtest of a chosen test runs.
    #[arg(long, value_name = "REGEXP")]
    run: Option<String>,
    /// How many parallel tests may run at once (also `-parallel`) [default: 4].
    #[arg(long, value_name = "N")]
    parallel: Option<u32>,
    /// Make `testing.Short()` report true (also `-short`), as `go test -short` does.
    #[arg(long)]
    short: bool,
    /// The clock timers run on: `untimed` (any pending timer may fire at any point, whatever
    /// its duration) or `synctest` (durations mean what they say: a 1 ms sleep ends before a
    /// 1 s timeout); wins over a test file's `gomc:clock` header.
    #[arg(long, value_name = "CLOCK", value_parser = super::parse_clock)]
    clock: Option<crate::program::Clock>,
    /// Stop each test's search after this many distinct states (the result is then not a
    /// proof).
    #[arg(long, value_name = "N")]
    max_states: Option<u64>,
    /// Stop each test's search after this long: `90`, `90s`, `5m`, `1h`.
    #[arg(long, value_name = "DURATION", value_parser = super::parse_duration)]
    time_limit: Option<std::time::Duration>,
    /// The state-space reductions [default: all].
    #[arg(long, value_enum, value_name = "WHICH")]
    reduction: Option<super::ReductionArg>,
    /// Race mode: accesses to shared memory become scheduling points and data races are
    /// reported.
    #[arg(long)]
    races: bool,
    /// Print the full report of every test, not only of those that fail.
    #[arg(short, long)]
    verbose: bool,
    /// Leave elapsed times and rates out of reports.
    #[arg(long)]
    no_timings: bool,
    /// Write the viewer page of each counterexample of a failing test into this folder, as
    /// `<TestName>.<kind>.html` (prefixed with the package's folder when several packages are
    /// tested).
    #[arg(long, value_name = "DIR")]
    html: Option<PathBuf>,
}

/// Rewrites `go test`'s single-dash flags (`-run X`, `-parallel=4`, `-short`) to this
/// command's.
pub(super) fn go_test_flags(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if args.get(1).is_none_or(|command| command != "test") {
        return args;
    }
    args.into_iter()
        .map(|arg| {
            let text = arg.to_string_lossy();
            for flag in ["-run", "-parallel", "-short"] {
                if text == flag || text.starts_with(&format!("{flag}=")) {
                    return format!("-{text}").into();
                }
            }
            arg
        })
        .collect()
}

/// Runs `gomc test`; returns the exit status (as `gomc check`'s: 2, 1, 3, 0 by precedence).
pub(super) fn run(args: &TestArgs, config: Config) -> i32 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let filter = match args.run.as_deref().map(top_level_pattern) {
        None => None,
        Some(pattern) => match Regex::new(pattern) {
            Ok(regex) => Some(regex),
            Err(error) => {
                eprintln!("error: -run: {error}");
                return EXIT_USAGE;
            }
        },
    };
    let packages = match find_test_packages(&paths) {
        Ok(packages) => packages,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_USAGE;
        }
    };
    if packages.is_empty() {
        eprintln!("error: no test files with TestXxx(t *testing.T) functions under the paths");
        return EXIT_USAGE;
    }
    let config = configure(args, config);
    let options = RenderOptions {
        timings: !args.no_timings,
    };
    let mut codes = Vec::new();
    for package in &packages {
        let mut package_code = EXIT_OK;
        let mut count = 0;
        let mut broken = false;
        for (file, name) in &package.tests {
            if broken {
                break;
            }
            if filter.as_ref().is_some_and(|regex| !regex.is_match(name)) {
                continue;
            }
            if config
                .cancel
                .as_ref()
                .is_some_and(|flag| flag.load(Ordering::Relaxed))
            {
                break;
            }
            count += 1;
            println!("=== RUN   {name}");
            let code = match check_test(package, file, name, &config) {
                Err(error) => {
                    // As `go test` reports a package that does not build: once, and none of
                    // its other tests run (each would repeat the same error).
                    eprintln!("{error}");
                    println!("--- FAIL: {name} (gomc: the package does not load)");
                    broken = true;
                    EXIT_USAGE
                }
                Ok(report) => {
                    match skip_log(name, &report) {
                        Some(log) => {
                            log.iter().for_each(|line| println!("{line}"));
                            println!("{}", skip_line(name, &report));
                        }
                        None => println!("{}", result_line(name, &report)),
                    }
                    let code = report.exit_code();
                    if args.verbose || code == EXIT_FAIL {
                        print!("{}", indent(&render_text(&report, &options)));
                    }
                    let prefix = (packages.len() > 1).then(|| package_prefix(&package.dir));
                    match (&args.html, code) {
                        (Some(folder), EXIT_FAIL) => {
                            let written = write_pages(
                                folder,
                                prefix,
                                (package, file),
                                name,
                                &config,
                                &report,
                            );
                            if let Err(message) = written {
                                eprintln!("error: {message}");
                                EXIT_USAGE
                            } else {
                                code
                            }
                        }
                        _ => code,
                    }
                }
            };
            package_code = exit_status([package_code, code].into_iter());
        }
        let dir = package.dir.display();
        match package_code {
            EXIT_OK => {
                let tests = if count == 1 { "test" } else { "tests" };
                println!("ok  \t{dir}\t(gomc: {count} {tests}, every interleaving)")
            }
            EXIT_INCOMPLETE => {
                println!("?   \t{dir}\t(gomc: no failure found, search not exhaustive)")
            }
            _ if broken => println!("FAIL\t{dir} [build failed]"),
            _ => println!("FAIL\t{dir}"),
        }
        codes.push(package_code);
    }
    exit_status(codes.into_iter())
}

/// Writes the viewer pages of a failing test's counterexamples into `folder` and names them on
/// standard error.
fn write_pages(
    folder: &std::path::Path,
    prefix: Option<String>,
    (package, file): (&crate::check::TestPackage, &std::path::Path),
    name: &str,
    config: &Config,
    report: &Report,
) -> Result<(), String> {
    let pages = crate::check::test_html_pages(package, file, name, config, report)
        .map_err(|error| error.to_string())?;
    for page in pages {
        let kind = super::html::word(&page.kind.name());
        let stem = match &prefix {
            Some(prefix) => format!("{prefix}.{name}.{kind}.html"),
            None => format!("{name}.{kind}.html"),
        };
        let path = folder.join(stem);
        super::html::write(&path, &page.html)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// A package folder as one word of a file name (`model/tests/x` → `model_tests_x`).
fn package_prefix(dir: &std::path::Path) -> String {
    let words: Vec<String> = dir
        .components()
        .map(|part| super::html::word(&part.as_os_str().to_string_lossy()))
        .filter(|part| !part.is_empty() && part != "." && part != "..")
        .collect();
    words.join("_")
}

/// The part of a `-run` pattern that selects top-level tests (before the first unbracketed
/// `/`, as testing/match.go splits it).
fn top_level_pattern(pattern: &str) -> &str {
    let mut depth = 0;
    for (at, c) in pattern.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            '/' if depth == 0 => return &pattern[..at],
            _ => {}
        }
    }
    pattern
}

fn configure(args: &TestArgs, mut config: Config) -> Config {
    if let Some(parallel) = args.parallel {
        config = config.test_parallel(parallel.max(1));
    }
    if let Some(states) = args.max_states {
        config = config.max_states(states);
    }
    if let Some(limit) = args.time_limit {
        config = config.time_limit(limit);
    }
    if let Some(reduction) = args.reduction {
        config = config.reduction(reduction.reduction());
    }
    if let Some(clock) = args.clock {
        config = config.clock(clock);
    }
    if let Some(bytes) = crate::check::default_memory_limit() {
        config = config.max_memory(bytes);
    }
    config
        .threads(super::default_threads())
        .races(args.races)
        .test_short(args.short)
}

/// `--- PASS: TestX (...)` or `--- FAIL: TestX (...)`, with gomc's verdict.
fn result_line(name: &str, report: &Report) -> String {
    let states = report.statistics.states;
    match report.exit_code() {
        EXIT_FAIL => {
            let kinds = kind_list(&report.violations);
            let shortest = report
                .outcomes
                .iter()
                .filter(|outcome| outcome.violation)
                .map(|outcome| outcome.witness.steps)
                .min()
                .unwrap_or(0);
            format!("--- FAIL: {name} (gomc: {kinds}; shortest {shortest} steps)")
        }
        EXIT_INCOMPLETE => format!(
            "--- PASS?: {name} (gomc: no failure within {states} states; the search was not \
             exhaustive, so this is not a proof)"
        ),
        _ => format!("--- PASS: {name} (gomc: every interleaving, {states} states)"),
    }
}

/// When the test skipped itself (`t.Skip`, `t.SkipNow`) in the interleaving that witnesses
/// its passing, the lines it logged before, as `go test -v` prints them above `--- SKIP`; `None`
/// for a test that did not skip or that failed.
fn skip_log(name: &str, report: &Report) -> Option<Vec<String>> {
    if report.exit_code() != EXIT_OK || report.outcomes.iter().any(|o| o.violation) {
        return None;
    }
    let witness = &report.outcomes.first()?.witness;
    let lines: Vec<&str> = witness
        .initial_output
        .iter()
        .chain(witness.trace.iter().flat_map(|step| step.output.iter()))
        .flat_map(|text| text.lines())
        .collect();
    let result = format!("--- SKIP: {name} (");
    let at = lines.iter().position(|line| line.starts_with(&result))?;
    let run = format!("=== RUN   {name}");
    let start = lines[..at].iter().rposition(|line| *line == run)? + 1;
    Some(
        lines[start..at]
            .iter()
            .filter(|line| line.starts_with("    "))
            .map(|line| line.to_string())
            .collect(),
    )
}

/// `--- SKIP: TestX (...)`: the test skipped itself and no interleaving fails it.
fn skip_line(name: &str, report: &Report) -> String {
    let states = report.statistics.states;
    format!("--- SKIP: {name} (gomc: skipped, no failure in {states} states)")
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                "\n".to_string()
            } else {
                format!("    {line}\n")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_patterns_split_at_the_first_unbracketed_slash() {
        assert_eq!(top_level_pattern("TestA/sub"), "TestA");
        assert_eq!(top_level_pattern("Test[/]x/y"), "Test[/]x");
        assert_eq!(top_level_pattern("TestB"), "TestB");
    }

    #[test]
    fn go_test_flags_become_double_dash_flags_of_the_test_command() {
        let args = |list: &[&str]| list.iter().map(|s| s.into()).collect::<Vec<_>>();
        assert_eq!(
            go_test_flags(args(&[
                "gomc",
                "test",
                "-run",
                "X",
                "-parallel=2",
                "-short",
                "."
            ])),
            args(&["gomc", "test", "--run", "X", "--parallel=2", "--short", "."])
        );
        assert_eq!(
            go_test_flags(args(&["gomc", "check", "-run"])),
            args(&["gomc", "check", "-run"])
        );
    }
}
