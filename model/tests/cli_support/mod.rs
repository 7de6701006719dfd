//! Helpers shared by the tests that run the `gomc` binary (`cli.rs`, `cli_input.rs`,
//! `cli_output.rs`): a scratch directory per test, files written into it, and gomc run there.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fresh directory for one test.
pub fn scratch(test: &str) -> PathBuf {
    let directory = std::env::temp_dir().join(format!("gomc-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).unwrap();
    directory
}

/// Writes `text` to `name` under `directory`, creating folders.
pub fn write(directory: &Path, name: &str, text: &str) -> PathBuf {
    let path = directory.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs gomc in `directory` (so that file names print relative to it).
pub fn gomc(directory: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gomc"))
        .args(args)
        .current_dir(directory)
        .output()
        .expect("the gomc binary runs")
}

/// Runs gomc in `directory` with `input` on its standard input.
pub fn gomc_with_stdin(directory: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gomc"))
        .args(args)
        .current_dir(directory)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gomc binary runs");
    child
        .stdin
        .take()
        .expect("a piped stdin")
        .write_all(input)
        .unwrap();
    child.wait_with_output().expect("gomc ends")
}

pub fn status(output: &Output) -> i32 {
    output.status.code().expect("gomc exits with a status")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

pub const UNBUFFERED_SEND: &str = "\
package main

func main() {
\tch := make(chan int)
\tch <- 1
}
";

pub const PING_PONG: &str = "\
package main

func main() {
\tping := make(chan int)
\tpong := make(chan int)
\tgo func() {
\t\tv := <-ping
\t\tpong <- v + 1
\t}()
\tping <- 1
\t<-pong
}
";
