//! Package io (`model/src/stdlib/io.go`, mirroring Go 1.23's io/io.go and io/pipe.go) and
//! fmt's `Fprint*` (`frontend/fprint.rs`). Expected outputs are what `go run` (Go 1.19, whose
//! io.Pipe is the same code) printed for the same file.

mod common;

use common::{assert_kinds, check, compile_error, output_of, printed, wait_reasons};
use gomc::explore::OutcomeKind;
use gomc::{check_source, Config};

#[test]
fn pipe_read_full_read_all_copy_and_close_errors_print_what_go_prints() {
    let report = check(include_str!("models/io/pipe.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "4 <nil> abc-",
            "wrote 6 <nil>",
            "42 <nil>",
            "2 upstream failed",
            "0 upstream failed",
            "0 io: read/write on closed pipe true",
            "6 <nil> [one two]",
        ]
    );
}

#[test]
fn a_reader_that_stops_reading_leaves_the_writer_blocked_until_it_closes() {
    let source = include_str!("models/io/pipe_reader_stops.go");
    let report = check(source);
    assert_kinds(&report, &[OutcomeKind::Leak]);
    assert_eq!(wait_reasons(&report, OutcomeKind::Leak), ["select"]);
    let fixed = check_source("pipe.go", source, &Config::new().set("closeReader", "true"))
        .expect("compiles");
    assert_kinds(&fixed, &[OutcomeKind::Ok]);
}

#[test]
fn fprint_writes_through_the_writers_write_method_or_prints_to_stdout() {
    let report = check(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\ntype upper struct{ n int }\n\n\
         func (u *upper) Write(p []byte) (int, error) {\n\tu.n += len(p)\n\treturn len(p), nil\n}\n\n\
         func main() {\n\tu := &upper{}\n\tn, err := fmt.Fprintln(u, \"a\", 1)\n\
         \tfmt.Fprint(u, \"bc\")\n\tfmt.Println(n, err, u.n)\n\
         \tm, _ := fmt.Fprintf(os.Stdout, \"%d-%s\\n\", 7, \"x\")\n\tfmt.Println(m)\n\
         \tfmt.Println(fmt.Sprintln(\"p\", \"q\") == \"p q\\n\")\n}\n",
    );
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["4 <nil> 6", "7-x\n", "4", "true"]
    );
}

#[test]
fn fprint_to_a_value_without_write_is_go_s_type_error() {
    // go build (Go 1.19): ./fp.go:6:15 and this message.
    let error = compile_error(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Fprintln(42, \"x\")\n}\n",
    );
    assert_eq!((error.line, error.col), (6, 15));
    assert_eq!(
        error.message,
        "cannot use 42 (constant of type int) as type io.Writer in argument to fmt.Fprintln:\n\
         \tint does not implement io.Writer (missing Write method)"
    );
}

/// Package bufio (`model/src/stdlib/bufio.go`) and `strings.NewReader`: expected lines are
/// `go run` (Go 1.23.5) of the same file.
#[test]
fn bufio_scans_and_reads_what_go_returns() {
    assert_eq!(
        output_of(include_str!("models/io/bufio_scan.go")),
        "\"alpha\" \"beta\" \"\" \"gamma\" <nil>\n\
         one,two,three,\n\
         [1 2 3]\n\
         bufio.Scanner: token too long true\n\
         \"first line\\n\" <nil>\n\
         \"second line\\n\" <nil>\n\
         \"rest\" EOF\n\
         x <nil> 1 2\n\
         y <nil>\n\
         true\n"
    );
}

/// A bufio.Writer that is not flushed before its pipe closes: the consumer never sees the
/// lines and main deadlocks, as `go run` does; flushing fixes it.
#[test]
fn an_unflushed_bufio_writer_starves_its_reader() {
    let source = include_str!("models/io/bufio_unflushed.go");
    let report = check(source);
    assert_kinds(&report, &[OutcomeKind::Deadlock]);
    let fixed = check_source("unflushed.go", source, &Config::new().set("flush", "true"))
        .expect("compiles");
    assert_kinds(&fixed, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&fixed, OutcomeKind::Ok),
        ["event 0", "event 1", "lines: 2"]
    );
}
