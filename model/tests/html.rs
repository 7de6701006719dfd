//! The HTML trace viewer (`--html`) in a real browser.
//!
//! `gomc check --html` and `gomc replay --html` write pages for bundled counterexamples; headless
//! Chromium loads each one and dumps the DOM its script built (`--dump-dom`), and the tests read
//! that rendered DOM: one lane per goroutine, one box per trace step, an arrow per wake, the
//! final goroutine dump, no script error (the page sets `data-viewer="ready"` only when it
//! rendered without one, and Chromium's log must hold no console message). What the DOM must
//! show comes from the library (`check_file`, `replay_file`), not from copied output.
//!
//! Without Chromium these tests fail and say how to install it, unless `GOMC_SKIP_BROWSER=1`
//! is set; then only the checks that need no browser run. `GOMC_CHROMIUM` names another
//! browser binary.

mod cli_support;
mod html_support;

use std::path::{Path, PathBuf};

use cli_support::{scratch, status, stderr, write};
use gomc::check::replay_file;
use gomc::report::render_dump;
use gomc::{check_file, Config, Report};
use html_support::*;
use regex::Regex;

/// Counterexamples with what each page must show: several lanes and wakes (cmd/dist's
/// deadlock), a timer lane and a started goroutine (the README's leak), a model made of included
/// files (the testing package's), and two violations of one model in race mode (cmd/go's).
const MODELS: &[&str] = &[
    "../scenarios/cmd-dist/before.go",
    "../examples/timeout_leak.go",
    "../scenarios/testing/cl506755_concurrent_run.go",
    "../scenarios/cmd-go/before.go",
];

/// Runs gomc from the package folder, as the library calls of these tests run, so that file
/// names (and the locations in dumps) are written the same way in both.
fn gomc(args: &[&str]) -> std::process::Output {
    cli_support::gomc(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn check(model: &str) -> Report {
    check_file(model, &Config::new()).unwrap_or_else(|error| panic!("{model}: {error}"))
}

#[test]
fn check_writes_a_viewer_per_counterexample_and_each_renders_the_whole_run() {
    let out = scratch("html-check");
    let folder = out.join("pages");
    let mut args = vec!["check", "--no-timings", "--html", folder.to_str().unwrap()];
    args.extend(MODELS);
    let output = gomc(&args);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let reports: Vec<Report> = MODELS.iter().map(|model| check(model)).collect();

    // One page per violation, in the order of the files and kinds, named <model>.<kind>.html
    // (the names themselves: `a_page_path_takes_exactly_one_counterexample`), each path
    // printed on stderr.
    let expected: Vec<PathBuf> = stderr(&output)
        .lines()
        .filter_map(|line| line.strip_prefix("wrote "))
        .map(PathBuf::from)
        .collect();
    let kinds: Vec<(&str, String)> = MODELS
        .iter()
        .zip(&reports)
        .flat_map(|(model, report)| {
            let stem = Path::new(model).file_stem().unwrap().to_str().unwrap();
            report
                .violations
                .iter()
                .map(move |kind| (stem, kind.name()))
        })
        .collect();
    assert_eq!(expected.len(), kinds.len(), "{}", stderr(&output));
    for (path, (stem, kind)) in expected.iter().zip(&kinds) {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            name.contains(stem) && name.ends_with(&format!(".{kind}.html")),
            "{name}"
        );
        assert_eq!(path.parent(), Some(folder.as_path()));
    }
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), expected.len());

    // The same check writes the same bytes, whatever the thread count.
    let again = out.join("again");
    let mut args = vec!["check", "--threads", "1", "--html", again.to_str().unwrap()];
    args.extend(MODELS);
    assert_eq!(status(&gomc(&args)), 0);
    for path in &expected {
        let first = std::fs::read(path).unwrap();
        let second = std::fs::read(again.join(path.file_name().unwrap())).unwrap();
        assert!(
            first == second,
            "{} differs between two checks",
            path.display()
        );
        assert_self_contained(&String::from_utf8(first).unwrap());
    }

    let Some(browser) = browser() else { return };
    let mut pages = expected.iter();
    for report in &reports {
        for outcome in report.outcomes.iter().filter(|outcome| outcome.violation) {
            let path = pages.next().unwrap();
            let page = render(&browser, &file_url(path), &out.join("profile"));
            let witness = &outcome.witness;
            let trace = &witness.trace;
            let what = format!("{} ({})", path.display(), outcome.kind.name());
            // The page opens on the last step, showing the report's final dump.
            assert_rendered(&page, trace.len());
            assert_eq!(
                shown_dump(&page.dom),
                render_dump(&witness.goroutines),
                "{what}"
            );

            let mut goroutines: Vec<u32> = vec![1];
            for step in trace {
                goroutines.push(step.goroutine);
                goroutines.extend(step.started.iter().chain(&step.woke));
            }
            goroutines.extend(witness.goroutines.iter().map(|goroutine| goroutine.id));
            goroutines.retain(|&id| id != 0);
            goroutines.sort_unstable();
            goroutines.dedup();
            let timer = trace.iter().any(|step| step.goroutine == 0);
            let dom = &page.dom;
            assert_eq!(
                count(dom, r#"class="lane" data-g="\d+""#),
                goroutines.len(),
                "{what}"
            );
            assert_eq!(
                count(dom, r#"class="lane timer""#),
                usize::from(timer),
                "{what}"
            );
            assert_eq!(count(dom, STEP_BOX), trace.len(), "{what}");
            let wakes: usize = trace
                .iter()
                .map(|step| step.woke.iter().filter(|&&id| id != step.goroutine).count())
                .sum();
            let starts: usize = trace.iter().map(|step| step.started.len()).sum();
            assert_eq!(
                count(dom, r#"class="cell[^"]*\btarget wake\b"#),
                wakes,
                "{what}"
            );
            assert_eq!(
                count(dom, r#"class="cell[^"]*\btarget start\b"#),
                starts,
                "{what}"
            );

            // The source pane shows the last step's line, highlighted.
            let last = trace.last().expect("a counterexample takes a step");
            if last.goroutine != 0 {
                let title = capture(dom, r#"<h2 id="source-title">([^<]*)</h2>"#);
                assert!(
                    title.starts_with(&last.location),
                    "{title} vs {}",
                    last.location
                );
                let line = capture(
                    dom,
                    r#"class="src-line current-line"><span class="ln">(\d+)<"#,
                );
                assert_eq!(line, last.span.line.to_string(), "{what}");
            }
        }
    }
}

/// The page loads nothing: no link, script source, image or font, and no network address
/// outside the run's data (whose model comments may quote one).
fn assert_self_contained(html: &str) {
    let data =
        Regex::new(r#"(?s)<script type="application/json" id="gomc-data">.*?</script>"#).unwrap();
    assert_eq!(data.find_iter(html).count(), 1);
    let markup = data.replace(html, "");
    for needle in [
        "<link", " src=", "href=", "url(", "@import", "http:", "https:", "//cdn",
    ] {
        assert!(!markup.contains(needle), "the page refers to `{needle}`");
    }
}

#[test]
fn keys_and_step_links_move_the_current_step_and_its_dump() {
    let Some(browser) = browser() else { return };
    let out = scratch("html-keys");
    let model = MODELS[0];
    let page = out.join("deadlock.html");
    let output = gomc(&["check", model, "--html", page.to_str().unwrap()]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let report = check(model);
    let witness = &report
        .outcomes
        .iter()
        .find(|o| o.violation)
        .unwrap()
        .witness;
    let schedule: Vec<&str> = witness.schedule.split(',').collect();
    let last = schedule.len();
    assert!(last >= 4, "the keys below need a few steps");
    // The dump after step k is the final dump of replaying the first k entries.
    let dump_after = |step: usize| {
        let replay = replay_file(model, &Config::new(), &schedule[..step].join(","))
            .unwrap_or_else(|error| panic!("{error}"));
        render_dump(&replay.goroutines)
    };

    // Keys, pressed by a script added to a copy of the page after the viewer's own.
    let html = std::fs::read_to_string(&page).unwrap();
    let press = r#"<script>
(function () {
  var steps = [];
  ["Home", "j", "j", "ArrowDown", "k", "End", "ArrowUp", "ArrowLeft", "ArrowRight", "k"]
    .forEach(function (key) {
      document.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true }));
      steps.push(document.body.getAttribute("data-step"));
    });
  var out = document.createElement("div");
  out.id = "pressed";
  out.textContent = steps.join(",");
  document.body.appendChild(out);
})();
</script>
</body>"#;
    let keyed = write(&out, "keyed.html", &html.replacen("</body>", press, 1));
    let rendered = render(&browser, &file_url(&keyed), &out.join("profile"));
    let pressed = capture(&rendered.dom, r#"<div id="pressed">([^<]*)</div>"#);
    let n = last;
    let expected = [0, 1, 2, 3, 2, n, n - 1, n - 2, n - 1, n - 2].map(|step| step.to_string());
    assert_eq!(pressed, expected.join(","));
    assert_rendered(&rendered, n - 2);
    assert_eq!(shown_dump(&rendered.dom), dump_after(n - 2));
    let current = capture(&rendered.dom, CURRENT_BOX);
    assert_eq!(current, (n - 2).to_string());

    // A link to a step opens the page there.
    let linked = render(
        &browser,
        &format!("{}#step=2", file_url(&page)),
        &out.join("profile"),
    );
    assert_rendered(&linked, 2);
    assert_eq!(shown_dump(&linked.dom), dump_after(2));
    let start = render(
        &browser,
        &format!("{}#step=0", file_url(&page)),
        &out.join("profile"),
    );
    assert_rendered(&start, 0);
    assert_eq!(shown_dump(&start.dom), dump_after(0));
}

#[test]
fn model_text_is_shown_as_text_never_as_markup() {
    let out = scratch("html-escape");
    let model = write(
        &out,
        "markup.go",
        "// gomc:expect deadlock\npackage main\n\n// </script><b id=\"injected\">bold</b> & \"quotes\"\n\
         func main() {\n\tch := make(chan int)\n\tif 1 < 2 && true {\n\t\tprintln(\"<i>&amp;</i>\")\n\
         \t\tch <- 1 // </script><script>document.title = 'hacked'</script>\n\t}\n}\n",
    );
    let page = out.join("markup.html");
    let output = cli_support::gomc(
        &out,
        &[
            "check",
            model.to_str().unwrap(),
            "--html",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let html = std::fs::read_to_string(&page).unwrap();
    // The markup holds exactly the viewer's two scripts; the model's `</script>` is escaped.
    assert_eq!(html.matches("</script>").count(), 2);
    let Some(browser) = browser() else { return };
    let report = check(model.to_str().unwrap());
    let rendered = render(&browser, &file_url(&page), &out.join("profile"));
    assert_rendered(&rendered, report.outcomes[0].witness.trace.len());
    let dom = &rendered.dom;
    assert!(
        !dom.contains("<b id=\"injected\""),
        "model text became markup"
    );
    let title = capture(dom, r"<title>([^<]*)</title>");
    assert!(
        title.contains("deadlock") && !title.contains("hacked"),
        "{title}"
    );
    let source = capture(dom, r#"(?s)<div id="source">(.*)</div></section>"#);
    assert!(unescape(&source).contains("</script><b id=\"injected\">bold</b> & \"quotes\""));
    assert!(unescape(&source).contains("if 1 < 2 && true {"));
    assert!(unescape(dom).contains("output: \"<i>&amp;</i>\""));
}

#[test]
fn replay_writes_the_viewer_of_its_run_from_a_file_or_standard_input() {
    let out = scratch("html-replay");
    let model = MODELS[1];
    let report = check(model);
    let schedule = &report
        .outcomes
        .iter()
        .find(|o| o.violation)
        .unwrap()
        .witness
        .schedule;
    let replay = replay_file(model, &Config::new(), schedule).unwrap();
    let from_file = out.join("replay.html");
    let output = gomc(&[
        "replay",
        model,
        "--schedule",
        schedule,
        "--html",
        from_file.to_str().unwrap(),
    ]);
    assert_eq!(
        status(&output),
        1,
        "the run ends in a leak: {}",
        stderr(&output)
    );
    assert!(stderr(&output).contains(&format!("wrote {}", from_file.display())));
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(model)).unwrap();
    let folder = out.join("pages");
    let output = cli_support::gomc_with_stdin(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "replay",
            "-",
            "--schedule",
            schedule,
            "--html",
            folder.to_str().unwrap(),
        ],
        text.as_bytes(),
    );
    assert_eq!(status(&output), 1, "{}", stderr(&output));
    let from_stdin = folder.join("stdin.replay.html");
    assert!(from_stdin.is_file(), "{}", stderr(&output));

    // A model on standard input is named `<stdin>`, in its dumps too.
    let stdin_replay = gomc::replay("<stdin>", &text, &Config::new(), schedule).unwrap();

    let Some(browser) = browser() else { return };
    for (page, replay) in [(&from_file, &replay), (&from_stdin, &stdin_replay)] {
        let rendered = render(&browser, &file_url(page), &out.join("profile"));
        assert_rendered(&rendered, replay.trace.len());
        assert_eq!(shown_dump(&rendered.dom), render_dump(&replay.goroutines));
        let steps = count(&rendered.dom, STEP_BOX);
        assert_eq!(steps, replay.trace.len());
    }
}

#[test]
fn a_page_path_takes_exactly_one_counterexample() {
    let out = scratch("html-one-page");
    // cmd/go's model reaches two violations: one page cannot hold both.
    let page = out.join("one.html");
    let output = gomc(&["check", MODELS[3], "--html", page.to_str().unwrap()]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("name a folder"),
        "{}",
        stderr(&output)
    );
    assert!(!page.exists());
    // Two models with one name get their paths as names.
    let folder = out.join("pages");
    let output = gomc(&[
        "check",
        "../scenarios/cmd-go/before.go",
        "../scenarios/cmd-dist/before.go",
        "--html",
        folder.to_str().unwrap(),
    ]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "scenarios_cmd-dist_before.deadlock.html",
            "scenarios_cmd-go_before.panic.html",
            "scenarios_cmd-go_before.race.html",
        ]
    );
}

/// `gomc test --html` writes one page per counterexample of each failing test, named after the
/// test, and each renders that test's whole run (the tests and their reports from the library).
#[test]
fn test_writes_a_viewer_for_each_failing_test() {
    let out = scratch("html-test");
    let folder = out.join("pages");
    let package_dir = "tests/models/gotest/hangs";
    let output = gomc(&[
        "test",
        "--no-timings",
        "--html",
        folder.to_str().unwrap(),
        package_dir,
    ]);
    assert_eq!(status(&output), 1, "{}", stderr(&output));
    let written: Vec<PathBuf> = stderr(&output)
        .lines()
        .filter_map(|line| line.strip_prefix("wrote "))
        .map(PathBuf::from)
        .collect();
    let packages = gomc::check::find_test_packages(&[PathBuf::from(package_dir)]).unwrap();
    let package = &packages[0];
    let mut expected = Vec::new();
    for (file, name) in &package.tests {
        let report = gomc::check::check_test(package, file, name, &Config::new()).unwrap();
        for outcome in report.outcomes.iter().filter(|outcome| outcome.violation) {
            let path = folder.join(format!("{name}.{}.html", outcome.kind.name()));
            expected.push((path, outcome.witness.trace.len()));
        }
    }
    assert!(expected.len() >= 4, "{expected:?}");
    let paths: Vec<&PathBuf> = expected.iter().map(|(path, _)| path).collect();
    assert_eq!(written.iter().collect::<Vec<_>>(), paths);
    let Some(browser) = browser() else { return };
    for (path, steps) in &expected {
        let page = render(&browser, &file_url(path), &out.join("profile"));
        assert_rendered(&page, *steps);
        assert_eq!(count(&page.dom, STEP_BOX), *steps, "{}", path.display());
    }
}
