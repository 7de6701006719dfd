//! Initialization cycles (`frontend/initcycle.rs`): a package-level variable whose
//! initializer reaches itself is go build's error, with Go 1.23's wording and chain of
//! references; code that only looks like one (a local of the same name, an interface method, a
//! function called from `main` or `init`) loads.
//!
//! Go 1.20 renamed "initialization loop" to "initialization cycle", so the files under
//! `models/init_cycles/` are compared with Go 1.23's `go build` when it is installed (Debian's
//! golang-1.23-go from bookworm-backports, which `.ci/run` installs, or `GOMC_GO_NEWER`), and
//! otherwise with the output recorded in their `// go1.23 build:` comments.

mod common;

use common::check;
use common::gobuild::{go_available, go_build_error, go_style, recorded_error};
use gomc::explore::OutcomeKind;
use gomc::{check_source, Config};

/// Go 1.23's go command, if installed.
fn go_1_23() -> Option<std::path::PathBuf> {
    let bin = std::env::var("GOMC_GO_NEWER").unwrap_or_else(|_| "/usr/lib/go-1.23/bin".into());
    go_available(std::path::Path::new(&bin).join("go"))
}

#[test]
fn initialization_cycles_get_go_builds_error() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models/init_cycles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("init_cycles directory")
        .map(|entry| entry.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "{files:?}");
    let go = go_1_23();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("read");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let recorded = recorded_error(&source, &name, "// go1.23 build: ");
        if let Some(go) = &go {
            assert_eq!(
                go_build_error(go, path, &name),
                recorded,
                "{name}: go build"
            );
        }
        let error = match check_source(&name, &source, &Config::new()) {
            Ok(_) => panic!("{name}: accepted, but go build says:\n{recorded}"),
            Err(error) => error,
        };
        assert_eq!(go_style(&error), recorded, "{name}");
    }
}

/// References that are not initialization dependencies: a local that shadows the variable's
/// name, a method called through an interface (Go counts only methods selected on a concrete
/// type), and functions that use the variable but run after it is initialized.
#[test]
fn look_alikes_of_a_cycle_load_and_run() {
    let report = check(
        "package main

import \"fmt\"

type Logger interface{ Log(string) }

type stdout struct{ prefix string }

func (s stdout) Log(line string) { fmt.Println(s.prefix, line, len(loggers)) }

var logger = newLogger()

var loggers = []Logger{logger}

func newLogger() Logger {
	logger := stdout{prefix: \"app\"}
	return logger
}

var started = func() bool { loggers[0].Log(\"start\"); return true }()

func init() { logger.Log(\"init\") }

func main() {
	logger.Log(\"main\")
	fmt.Println(started)
}
",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
}
