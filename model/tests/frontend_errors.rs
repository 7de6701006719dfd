//! Front-end tests: what a model that gomc cannot take gets (a clear error at file:line:col,
//! never a panic), and the options that change a compilation (overrides, the entry point).
//! Positions were worked out by hand (see `frontend_common`).

mod frontend_common;

use frontend_common::*;
use gomc::frontend::CompileOptions;
use gomc::program::Instr;

// ---- errors with positions ----

#[test]
fn syntax_error_points_at_the_offending_token() {
    let error = err("package main\n\nfunc main() {\n\tx := 1 +\n}\n");
    assert_eq!(error.message, "syntax error: unexpected +");
    assert_eq!((error.line, error.col, error.width), (4, 9, 1));
    assert_eq!(error.source_line, "\tx := 1 +");
    let rendered = error.to_string();
    assert_eq!(
        rendered,
        "error: syntax error: unexpected +\n --> model.go:4:9\n  |\n4 | \tx := 1 +\n  | \t       ^"
    );
}

#[test]
fn goto_errors_are_go_builds() {
    // go build (Go 1.19) on the same programs: the same messages at the same positions (it
    // writes the other position as ./file.go:line:col).
    let error = err("package main\n\nfunc main() {\n\tgoto L\n\tx := 1\n\t_ = x\nL:\n}\n");
    assert_eq!(
        error.message,
        "goto L jumps over declaration of x at model.go:5:4"
    );
    assert_eq!((error.line, error.col), (4, 7));
    let error = err("package main\n\nfunc main() {\n\tgoto L\n\t{\n\tL:\n\t}\n}\n");
    assert_eq!(
        error.message,
        "goto L jumps into block starting at model.go:5:2"
    );
    let error = err("package main\n\nfunc main() {\nL:\n\tfor {\n\t\tbreak\n\t}\n\tgoto M\n}\n");
    assert_eq!(error.message, "label L defined and not used");
    assert_eq!((error.line, error.col), (4, 1));
}

#[test]
fn unknown_import_is_an_error() {
    let error = err("package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc main() { fmt.Println(http.StatusOK) }\n");
    // The error teaches: what gomc models instead, and a rewrite where one is known.
    let mut lines = error.message.lines();
    assert_eq!(
        lines.next(),
        Some("unsupported Go construct: import of package \"net/http\"")
    );
    let listed = lines.next().expect("the packages gomc models");
    assert!(listed
        .starts_with("\tgomc models these packages: bufio, bytes, cmp, context, errors, fmt, io,"));
    assert!(listed.contains("testing/synctest") && listed.contains("golang.org/x/sync/errgroup"));
    assert_eq!(
        lines.next(),
        Some("\tinstead: model each server and client as goroutines exchanging requests and responses over channels")
    );
    assert_eq!((error.line, error.col, error.width), (5, 2, 10));
}

#[test]
fn an_unknown_member_of_a_modelled_package_lists_what_is_modelled() {
    let error =
        err("package main\n\nimport \"strings\"\n\nfunc main() {\n\t_ = strings.Title(\"x\")\n}\n");
    let mut lines = error.message.lines();
    assert_eq!(
        lines.next(),
        Some("unsupported Go construct: strings.Title")
    );
    let listed = lines.next().expect("what gomc models of strings");
    assert!(
        listed.starts_with("\tgomc models these of package strings: Builder, Contains,"),
        "{listed}"
    );
    assert_eq!((error.line, error.col), (6, 6));
    let error = err("package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.Args\n}\n");
    assert!(
        error.message.ends_with(
            "\tinstead: use a package-level variable and vary it with `// gomc:set` or `--set`"
        ),
        "{}",
        error.message
    );
}

#[test]
fn other_unsupported_constructs() {
    let cases: &[(&str, &str, u32, u32)] = &[
        (
            "package main\nimport \"fmt\"\nfunc main() {\n\t_ = fmt.Errorf(\"%T\\n\", 1)\n}\n",
            "unsupported Go construct: the %T verb in fmt.Errorf (make the text with fmt.Sprintf first)",
            4,
            17,
        ),
        (
            "package main\nfunc Id[T any](x T) T { return x }\nfunc main() {\n\tf := Id\n\t_ = f\n}\n",
            "cannot use generic function Id without instantiation",
            4,
            7,
        ),
        (
            "package main\nfunc main() {\n\tz := 2i\n\t_ = z\n}\n",
            "unsupported Go construct: complex number",
            3,
            7,
        ),
    ];
    for (source, message, line, col) in cases {
        let error = err(source);
        assert_eq!(&error.message, message, "{source}");
        assert_eq!((error.line, error.col), (*line, *col), "{source}\n{error}");
    }
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "",
        "package",
        "package main\nfunc",
        "package main\nfunc main() {",
        "package main\nfunc main() { go }",
        "package main\nfunc main() { select { case <-: } }",
        "package main\nvar x = y\nvar y = x\nfunc main() {}",
        "package main\ntype T struct { t T }\nfunc main() { var t T; _ = t }",
        "package main\nconst a = b\nconst b = a\nfunc main() {}",
        "package main\nfunc main() { x := nil; _ = x }",
        "package main\nfunc main() { var c chan int; c <- }",
        "\u{0}\u{1}\u{2}",
        "package main\nfunc main() { println(\"\\xff\") }",
        "package main\nfunc main() { x := 99999999999999999999; _ = x }",
        "package main\nfunc main() { return 1 }",
        "package main\nfunc main() { break }",
        "package main\nfunc f() (int, int) { return 1, 2 }\nfunc main() { x := f(); _ = x }",
        "}}}}{{{{ package main",
    ];
    for input in inputs {
        match compile_with(input, &CompileOptions::default()) {
            Ok(_) => panic!("{input:?} compiled"),
            Err(error) => assert!(
                !error.message.contains("internal error"),
                "{input:?}: {error}"
            ),
        }
    }
    let deep = format!(
        "package main\nfunc main() {{ x := {}1{}; _ = x }}",
        "(".repeat(3000),
        ")".repeat(3000)
    );
    assert!(compile_with(&deep, &CompileOptions::default()).is_err());
    // Every prefix of a valid model either compiles or is a ModelError.
    for end in 0..DIST.len() {
        if DIST.is_char_boundary(end) {
            if let Err(error) = compile_with(&DIST[..end], &CompileOptions::default()) {
                assert!(!error.message.contains("internal error"), "{error}");
            }
        }
    }
}

// ---- options ----

const OVERRIDES: &str = "package main

const maxbg = 2

var verbose = false
var name = \"x\"
var computed = maxbg * 2

func main() {
	for i := 0; i < maxbg; i++ {
		println(i, verbose, name)
	}
}
";

#[test]
fn overrides_replace_constants_and_literal_variables() {
    let options = CompileOptions {
        entry: None,
        overrides: vec![
            ("maxbg".into(), "4".into()),
            ("verbose".into(), "true".into()),
            ("name".into(), "\"y\"".into()),
        ],
        ..CompileOptions::default()
    };
    let program = compile_with(OVERRIDES, &options).unwrap();
    // The constant is folded into the loop condition and into `computed`.
    assert!(function(&program, "main.main")
        .code
        .contains(&Instr::PushInt(4)));
    let start = program.function(program.start);
    assert!(start.code.contains(&Instr::PushInt(8)));
    assert!(start.code.contains(&Instr::PushBool(true)));
    assert!(program.strings.iter().any(|s| s == "y"));
    let plain = ok(OVERRIDES);
    assert!(function(&plain, "main.main")
        .code
        .contains(&Instr::PushInt(2)));

    for (name, value, message) in [
        (
            "nosuch",
            "1",
            "--set nosuch: no package-level constant or variable named nosuch",
        ),
        (
            "computed",
            "1",
            "--set computed: the initializer of computed is not a literal",
        ),
        ("maxbg", "x", "--set maxbg=x: not an integer literal"),
    ] {
        let options = CompileOptions {
            entry: None,
            overrides: vec![(name.into(), value.into())],
            ..CompileOptions::default()
        };
        let error = err_with(OVERRIDES, &options);
        assert_eq!(error.message, message);
        assert_eq!(error.line, 0);
    }
}

#[test]
fn entry_must_be_a_function_without_parameters_or_results() {
    let source = "package main\n\nfunc run(n int) {}\n\nfunc TestRun() {}\n\nfunc main() {}\n";
    let options = |entry: &str| CompileOptions {
        entry: Some(entry.into()),
        ..CompileOptions::default()
    };
    let error = err_with(source, &options("run"));
    assert_eq!(
        error.message,
        "entry function run must have no parameters and no results"
    );
    assert_eq!((error.line, error.col), (3, 6));
    let error = err_with(source, &options("missing"));
    assert_eq!(error.line, 0);
    let program = compile_with(source, &options("TestRun")).unwrap();
    assert_eq!(program.function(program.entry).name, "main.TestRun");
}

#[test]
fn remaining_sync_and_error_limits_are_errors() {
    let cases: &[(&str, &str)] = &[
        (
            "package main\ntype ring struct{ buf [2]int }\nfunc main() {\n\tvar r ring\n\t_ = r.buf[:]\n}\n",
            "unsupported Go construct: slicing an array that is not a variable (make it a slice, or \
             slice a variable holding it)",
        ),
        // go vet's errorsas check, where Go's As would panic at run time.
        (
            "package main\nimport \"errors\"\nfunc main() {\n\tvar x int\n\
             \t_ = errors.As(errors.New(\"a\"), &x)\n}\n",
            "second argument to errors.As must be a non-nil pointer to either a type that \
             implements error, or to any interface type",
        ),
    ];
    for (source, message) in cases {
        assert_eq!(&err(source).message, message, "{source}");
    }
}

/// A method that a library type has in Go but not in gomc (`time.Time.Format`) is an
/// unsupported construct that lists the type's methods gomc models, with a rewrite; it read as
/// go build's "undefined (type time.Time has no field or method Format)", which says the
/// model is wrong.
#[test]
fn a_library_method_gomc_lacks_lists_the_type_s_methods() {
    let error = err("package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tstart := time.Now()\n\tfmt.Println(start.Format(\"15:04\"))\n}\n");
    let mut lines = error.message.lines();
    assert_eq!(
        lines.next(),
        Some("unsupported Go construct: time.Time.Format")
    );
    let listed = lines.next().expect("the methods gomc models");
    assert!(
        listed.starts_with("\tgomc models these methods of time.Time: Add, After, Before,"),
        "{listed}"
    );
    assert_eq!(lines.next(), Some("\tinstead: print durations as integers"));
    assert_eq!((error.line, error.col), (10, 14));
    // A method the model's own type lacks is go build's error, at the method's name as go build
    // places it (`./x.go:7:4`).
    let own = err("package main\n\ntype T struct{}\n\nfunc main() {\n\tvar t T\n\tt.Format()\n}\n");
    assert_eq!(
        own.message,
        "t.Format undefined (type T has no field or method Format)"
    );
    assert_eq!((own.line, own.col, own.width), (7, 4, 6));
}

/// `sync.WaitGroup.Go` is new in Go 1.25: Go 1.23's go build rejects `wg.Go(f)` with "wg.Go
/// undefined (type sync.WaitGroup has no field or method Go)" at `Go` (checked with Go 1.23.5),
/// and so does gomc for a model of an earlier release, naming the header that changes it; under
/// `gomc:go 1.25` it compiles (`waitgroup_go_min_max_and_sync_literals`).
#[test]
fn waitgroup_go_is_go_1_25_s() {
    let source = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Go(func() {})\n\twg.Wait()\n\tp := &wg\n\tp.Go(func() {})\n}\n";
    let error = err(source);
    assert_eq!(
        error.message,
        "wg.Go undefined (type sync.WaitGroup has no field or method Go)\n\tsync.WaitGroup.Go \
         is new in Go 1.25; the model's Go release is 1.23 (see gomc:go or go.mod)"
    );
    assert_eq!((error.line, error.col, error.width), (7, 5, 2));
    let pointer = err(&source.replace("\twg.Go(func() {})\n", ""));
    assert!(
        pointer
            .message
            .starts_with("p.Go undefined (type *sync.WaitGroup has no field or method Go)"),
        "{}",
        pointer.message
    );
    let options = CompileOptions {
        go_minor: Some(25),
        ..CompileOptions::default()
    };
    assert!(compile_with(source, &options).is_ok());
}
