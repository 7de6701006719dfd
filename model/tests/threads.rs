//! The parallel search (`--threads`, `Config::threads`) prints the same bytes as the one-thread
//! search: the same states numbered in the same order, the same witnesses and counts. Checked
//! on every bundled scenario and corpus program, with a thread count that does not divide the
//! batches evenly.

use std::path::Path;

use gomc::{check_file, render_text, Config, RenderOptions};

#[test]
fn every_thread_count_prints_the_same_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in [
        "scenarios/cmd-dist",
        "scenarios/cmd-go",
        "scenarios/runtime",
        "corpus",
    ] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "go"))
            .filter(|path| !gomc::check::is_library(path))
            .collect();
        entries.sort();
        files.extend(entries);
    }
    assert!(files.len() >= 50, "{} files", files.len());
    let options = RenderOptions { timings: false };
    for path in &files {
        let one = check_file(path, &Config::new().threads(1)).expect("loads");
        let three = check_file(path, &Config::new().threads(3)).expect("loads");
        assert_eq!(
            render_text(&one, &options),
            render_text(&three, &options),
            "{}",
            path.display()
        );
    }
}

#[test]
fn bounds_stop_the_parallel_search_where_they_stop_the_one_thread_search() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let options = RenderOptions { timings: false };
    let bounded = [
        ("runtime/after.go", Config::new().max_states(1_000)),
        (
            "runtime/after_mkdir_fails.go",
            Config::new().stop_at_first(true),
        ),
        ("cmd-dist/before.go", Config::new().max_depth(12)),
    ];
    for (file, config) in bounded {
        let path = root.join(file);
        let one = check_file(&path, &config.clone().threads(1)).expect("loads");
        let three = check_file(&path, &config.threads(3)).expect("loads");
        assert!(!one.exhaustive, "{file}: the bound stops the search");
        assert_eq!(
            render_text(&one, &options),
            render_text(&three, &options),
            "{file}"
        );
    }
}
