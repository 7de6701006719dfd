//! Comparing gomc's load errors with what `go build` prints for the same file.

use std::path::{Path, PathBuf};

/// An error as `go build` prints it: `file:line:col: message`.
pub fn go_style(error: &gomc::frontend::ModelError) -> String {
    format!(
        "{}:{}:{}: {}",
        error.file, error.line, error.col, error.message
    )
}

/// The go command `go`, if it runs.
pub fn go_available(go: impl Into<PathBuf>) -> Option<PathBuf> {
    let go = go.into();
    let output = std::process::Command::new(&go)
        .arg("version")
        .output()
        .ok()?;
    output.status.success().then_some(go)
}

/// The first error `go build` prints for a file, as `name:line:col: message` (continuation
/// lines included).
pub fn go_build_error(go: &Path, path: &Path, name: &str) -> String {
    let work = std::env::temp_dir().join(format!("gomc-type-error-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&work).expect("temp dir");
    std::fs::copy(path, work.join(name)).expect("copy");
    let output = std::process::Command::new(go)
        .args(["build", "-o", "/dev/null", name])
        .current_dir(&work)
        .env("GO111MODULE", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOCACHE", work.join("cache"))
        .output()
        .expect("go build");
    let _ = std::fs::remove_dir_all(&work);
    // Positions inside messages ("first at ./f.go:7:2") name the file as gomc does.
    let text =
        String::from_utf8_lossy(&output.stderr).replace(&format!("./{name}:"), &format!("{name}:"));
    let mut lines = text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| match line.strip_prefix('\t') {
            Some(rest) => format!("\t{}", rest.trim_start_matches("./")),
            None => line.trim_start_matches("./").to_string(),
        });
    let mut first = lines.next().unwrap_or_default();
    for line in lines {
        if !line.starts_with('\t') {
            break;
        }
        first.push('\n');
        first.push_str(&line);
    }
    first
}

/// The error recorded in the file's comment lines that start with `prefix` (what go build
/// printed when the file was written).
pub fn recorded_error(source: &str, name: &str, prefix: &str) -> String {
    let lines: Vec<&str> = source
        .lines()
        .filter_map(|line| line.strip_prefix(prefix))
        .collect();
    assert!(!lines.is_empty(), "{name}: no `{prefix}` comment");
    format!("{name}:{}", lines.join("\n\t"))
}
