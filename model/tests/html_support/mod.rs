//! Headless Chromium for the HTML viewer tests (`html.rs`): finding it, loading a page and
//! reading the DOM its script built.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use regex::Regex;

/// A step box of the chart (not a row number, whose class is `stepno`).
pub const STEP_BOX: &str = r#"class="step(?: [a-z-]+)*" data-step="(\d+)""#;

/// The step box that is the current step.
pub const CURRENT_BOX: &str = r#"class="step(?: [a-z-]+)* current(?: [a-z-]+)*" data-step="(\d+)""#;

/// Headless Chromium, or `None` when it is missing and `GOMC_SKIP_BROWSER=1` says that is fine.
pub fn browser() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("GOMC_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let found = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .find_map(|name| {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|folder| folder.join(name))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        if std::env::var("GOMC_SKIP_BROWSER").as_deref() == Ok("1") {
            eprintln!(
                "GOMC_SKIP_BROWSER=1: no headless Chromium, the rendered pages are not checked"
            );
            return None;
        }
        panic!(
            "the HTML viewer tests need headless Chromium and found none on PATH: install it \
             (`apt-get install -y chromium`; .ci/run does), name it with GOMC_CHROMIUM=/path, or \
             set GOMC_SKIP_BROWSER=1 to skip the browser checks"
        );
    }
    found
}

/// What Chromium made of a page.
pub struct Rendered {
    /// The DOM after the page's script ran, serialized.
    pub dom: String,
    /// Chromium's log.
    pub log: String,
}

/// Loads `url` in headless Chromium and returns the DOM its script built; waits at most a
/// minute.
pub fn render(browser: &Path, url: &str, profile: &Path) -> Rendered {
    // Chromium's output goes to files: a DOM larger than a pipe's buffer would block it.
    std::fs::create_dir_all(profile).unwrap();
    let dom_path = profile.join("dom.html");
    let log_path = profile.join("log.txt");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .args(["--enable-logging=stderr", "--v=0"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", url])
        .stdout(File::create(&dom_path).unwrap())
        .stderr(File::create(&log_path).unwrap())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("chromium runs").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish loading {url} within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let read = |path: &Path| String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    Rendered {
        dom: read(&dom_path),
        log: read(&log_path),
    }
}

pub fn file_url(path: &Path) -> String {
    format!(
        "file://{}",
        path.canonicalize().expect("the page exists").display()
    )
}

/// Text of the DOM as the page shows it: the serializer's entities decoded.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

pub fn capture(dom: &str, pattern: &str) -> String {
    let regex = Regex::new(pattern).unwrap();
    let found = regex
        .captures(dom)
        .unwrap_or_else(|| panic!("no {pattern} in:\n{dom}"));
    unescape(&found[1])
}

pub fn count(dom: &str, pattern: &str) -> usize {
    Regex::new(pattern).unwrap().find_iter(dom).count()
}

/// The page rendered without a script error or console message, and shows step `step`.
pub fn assert_rendered(page: &Rendered, step: usize) {
    assert!(
        page.dom.contains("data-viewer=\"ready\""),
        "the script did not finish rendering: {}",
        capture(&page.dom, r#"(?s)<pre id="errors"[^>]*>(.*?)</pre>"#)
    );
    let console: Vec<&str> = page
        .log
        .lines()
        .filter(|line| line.contains(":CONSOLE") || line.contains("Uncaught"))
        .collect();
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert_eq!(
        capture(&page.dom, r#"<body[^>]* data-step="(\d+)""#),
        step.to_string()
    );
}

/// The dump the page shows.
pub fn shown_dump(dom: &str) -> String {
    capture(dom, r#"(?s)<pre id="dump">(.*?)</pre>"#)
}
