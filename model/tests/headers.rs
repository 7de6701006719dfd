//! Model header directives (`// gomc:expect`, `entry`, `set`, `model`, ...): how they are read,
//! where a bad one is reported, and how the configuration overrides them.

use gomc::check::parse_header;
use gomc::explore::OutcomeKind;

#[test]
fn header_directives_are_read() {
    let text = "// Package dist models cmd/dist.\n//\n// gomc:expect deadlock, leak\n\
                //gomc:entry TestParentRun\n// gomc:set maxbg=1 jobs=6\n// gomc:set maxbg=2\n\n\
                package main\n";
    let header = parse_header("m.go", text).unwrap();
    assert_eq!(
        header.expect,
        Some(vec![OutcomeKind::Deadlock, OutcomeKind::Leak])
    );
    assert_eq!(header.entry.as_deref(), Some("TestParentRun"));
    assert_eq!(
        header.overrides,
        vec![
            ("maxbg".to_string(), "1".to_string()),
            ("jobs".to_string(), "6".to_string()),
            ("maxbg".to_string(), "2".to_string()),
        ]
    );
}

#[test]
fn expect_accepts_spaces_commas_and_none() {
    let kinds = |line: &str| {
        parse_header("m.go", &format!("{line}\npackage main\n"))
            .unwrap()
            .expect
    };
    assert_eq!(kinds("// gomc:expect none"), Some(vec![]));
    assert_eq!(
        kinds("// gomc:expect panic race"),
        Some(vec![OutcomeKind::Panic, OutcomeKind::Race])
    );
    assert_eq!(
        kinds("// gomc:expect race,panic,race"),
        Some(vec![OutcomeKind::Panic, OutcomeKind::Race])
    );
    assert_eq!(kinds("// nothing here"), None);
}

#[test]
fn comments_after_the_package_clause_are_not_directives_unless_they_say_gomc() {
    let text = "// gomc:expect none\npackage main\n\n// the gomc: prefix mid-sentence is prose\n";
    assert!(parse_header("m.go", text).is_ok());
}

fn header_error(text: &str) -> (u32, u32, u32, String) {
    let error = parse_header("m.go", text).unwrap_err();
    assert_eq!(error.file, "m.go");
    (error.line, error.col, error.width, error.message)
}

#[test]
fn bad_directives_point_at_the_line_and_column() {
    let (line, col, width, message) = header_error("// gomc:expect deadlok\npackage main\n");
    assert_eq!((line, col, width), (1, 16, 7));
    assert!(
        message.starts_with("unknown outcome `deadlok` in `gomc:expect`"),
        "{message}"
    );

    let (line, col, width, message) = header_error("// x\n//  gomc:expct deadlock\npackage main\n");
    assert_eq!((line, col, width), (2, 5, 10));
    assert!(
        message.starts_with("unknown directive `gomc:expct`"),
        "{message}"
    );

    let (line, col, width, message) = header_error("// gomc:go one.22\npackage main\n");
    assert_eq!((line, col, width), (1, 12, 6));
    assert_eq!(
        message,
        "`gomc:go` wants a Go release such as 1.22, not `one.22`"
    );

    let (line, col, _, message) = header_error("// gomc:expect none deadlock\npackage main\n");
    assert_eq!((line, col), (1, 16));
    assert!(message.contains("`none` cannot be combined"), "{message}");

    let (line, col, width, message) = header_error("// gomc:set maxbg\npackage main\n");
    assert_eq!((line, col, width), (1, 13, 5));
    assert_eq!(message, "`gomc:set` expects NAME=VALUE, found `maxbg`");

    let (line, _, _, message) = header_error("// gomc:expect\npackage main\n");
    assert_eq!(line, 1);
    assert!(message.contains("needs one or more"), "{message}");

    let (line, col, _, message) = header_error("package main\n\n\t// gomc:expect deadlock\n");
    assert_eq!((line, col), (3, 5));
    assert!(
        message.contains("only from the comments before the package clause"),
        "{message}"
    );

    let (line, _, _, message) = header_error("// gomc:entry A\n// gomc:entry B\npackage main\n");
    assert_eq!(line, 2);
    assert!(message.contains("second `gomc:entry`"), "{message}");

    let (_, col, _, message) = header_error("// gomc:entry A B\npackage main\n");
    assert_eq!(col, 17);
    assert!(message.contains("takes one function name"), "{message}");
}

#[test]
fn a_header_error_renders_like_rustc() {
    let error = parse_header("m.go", "// gomc:expect deadlok\npackage main\n").unwrap_err();
    assert_eq!(
        error.to_string(),
        "error: unknown outcome `deadlok` in `gomc:expect` (expected deadlock, leak, panic, fail, \
         race, hang, or none)\n --> m.go:1:16\n  |\n1 | // gomc:expect deadlok\n  |                ^^^^^^^"
    );
}

#[test]
fn a_variant_names_its_model_and_holds_nothing_else() {
    let text = "// Variant.\n// gomc:model after.go\n// gomc:set bgworkCap=1\n\
                // gomc:expect deadlock\npackage main\n";
    let header = parse_header("v.go", text).unwrap();
    let base = header.model.clone().unwrap();
    assert_eq!(
        (base.path.as_str(), base.line, base.col),
        ("after.go", 2, 15)
    );
    let base_header = parse_header(
        "after.go",
        "// gomc:expect none\n// gomc:set maxbg=2 bgworkCap=9\n// gomc:entry Run\npackage main\n",
    )
    .unwrap();
    let merged = header.over(base_header);
    assert_eq!(merged.expect, Some(vec![OutcomeKind::Deadlock]));
    assert_eq!(merged.entry.as_deref(), Some("Run"));
    assert_eq!(
        merged.overrides,
        vec![
            ("maxbg".to_string(), "2".to_string()),
            ("bgworkCap".to_string(), "9".to_string()),
            ("bgworkCap".to_string(), "1".to_string()),
        ]
    );
    assert_eq!(merged.model, None);

    let (line, col, _, message) =
        header_error("// gomc:model after.go\npackage main\n\nfunc main() {}\n");
    assert_eq!((line, col), (4, 1));
    assert!(
        message.contains("holds only its header and `package main`"),
        "{message}"
    );

    // From text alone the base cannot be found.
    let error = gomc::check_source("v.go", text, &gomc::Config::new()).unwrap_err();
    assert_eq!((error.line, error.col, error.width), (2, 15, 8));
    assert!(
        error.message.contains("check it by path"),
        "{}",
        error.message
    );
}

#[test]
fn block_comments_in_the_header_are_skipped() {
    let text =
        "/* licence\n   gomc:expect is not read here */\n// gomc:expect leak\npackage main\n";
    assert_eq!(
        parse_header("m.go", text).unwrap().expect,
        Some(vec![OutcomeKind::Leak])
    );
}

#[test]
fn config_overrides_win_over_the_header() {
    // Observable only through compile; here the builder's own de-duplication.
    let config = gomc::Config::new()
        .set("a", "1")
        .set("b", "2")
        .set("a", "3");
    let debug = format!("{config:?}");
    assert!(
        debug.contains(r#"overrides: [("b", "2"), ("a", "3")]"#),
        "{debug}"
    );
}
