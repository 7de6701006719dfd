//! float32 and float64: arithmetic, conversions, untyped constants meeting typed operands, and
//! the text fmt and println print. `models/types/floats.out` is what `go run` (Go 1.19) printed
//! for `models/types/floats.go`, standard output and error together; when Go is installed the
//! test runs it again and compares.

mod common;

use common::{check, printed};
use gomc::explore::OutcomeKind;

/// gomc's output of the model: its lines, each printed call's text with its newline.
fn output_of(source: &str) -> String {
    let report = check(source);
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    printed(&report, OutcomeKind::Ok)
        .iter()
        .map(|line| {
            if line.ends_with('\n') {
                line.clone()
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

#[test]
fn floats_print_as_go_prints_them() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models/types");
    let recorded = std::fs::read_to_string(dir.join("floats.out")).expect("recorded output");
    // println writes to standard error: both streams, in order, as one.
    let go = std::process::Command::new("sh")
        .args(["-c", "go run floats.go 2>&1"])
        .current_dir(&dir)
        .env("GO111MODULE", "off")
        .env("GOCACHE", std::env::temp_dir().join("gomc-floats-gocache"))
        .output();
    let go_installed = std::process::Command::new("go")
        .arg("version")
        .output()
        .is_ok_and(|output| output.status.success());
    if go_installed {
        let output = go.expect("sh");
        assert!(output.status.success(), "go run failed: {output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), recorded);
    }
    let source = std::fs::read_to_string(dir.join("floats.go")).expect("model");
    assert_eq!(output_of(&source), recorded);
}

#[test]
fn untyped_constants_take_the_type_of_the_other_operand() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\t\
                  n := 3\n\tf := 2.5\n\tfmt.Println(n*2.0, f*2, 2/f, float64(n)/2, n/2)\n\t\
                  backoff := time.Duration(float64(100*time.Millisecond) * 1.5)\n\t\
                  fmt.Println(int64(backoff), time.Duration(1e9) == time.Second)\n\t\
                  var ratio float32 = 1.0 / 3\n\tfmt.Println(ratio, float64(ratio) > 0.33)\n}\n";
    // go run printed these lines for the same program.
    assert_eq!(
        output_of(source),
        "6 5 0.8 1.5 1\n150000000 true\n0.33333334 true\n"
    );
}

/// A running average updated by two goroutines under a mutex has one final value whatever the
/// order (the additions are exact); without the mutex, race mode reports the race.
#[test]
fn a_shared_float_is_memory_like_any_other() {
    let locked = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\t\
                  var mu sync.Mutex\n\tvar wg sync.WaitGroup\n\ttotal := 0.0\n\t\
                  for _, v := range []float64{0.5, 1.25} {\n\t\twg.Add(1)\n\t\t\
                  go func(v float64) {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\t\
                  total += v\n\t\t\tmu.Unlock()\n\t\t}(v)\n\t}\n\twg.Wait()\n\t\
                  fmt.Printf(\"%.3f\\n\", total)\n}\n";
    assert_eq!(output_of(locked), "1.750\n");
    let racy = locked
        .replace("\t\t\tmu.Lock()\n", "")
        .replace("\t\t\tmu.Unlock()\n", "")
        .replace("\tvar mu sync.Mutex\n", "");
    let races = common::check_races_with(&racy, gomc::semantics::Reduction::ALL);
    assert!(
        races.kinds().contains(&OutcomeKind::Race),
        "{:?}",
        races.kinds()
    );
}

/// `--set` gives a float variable a new value, an integer literal included.
#[test]
fn set_overrides_float_variables() {
    let source = "package main\n\nimport \"fmt\"\n\nvar rate float64 = 2\nvar ratio = 0.5\n\n\
                  func main() {\n\tfmt.Println(rate*ratio, rate/3)\n}\n";
    let config = gomc::Config::new().set("rate", "3").set("ratio", "-1.5");
    let report = gomc::check_source("set.go", source, &config).expect("loads");
    assert_eq!(printed(&report, OutcomeKind::Ok), ["-4.5 1"]);
    assert_eq!(output_of(source), "1 0.6666666666666666\n");
}
