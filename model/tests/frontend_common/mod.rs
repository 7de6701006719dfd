//! Helpers shared by the front-end tests (`frontend_errors.rs`, `frontend_lowering.rs`,
//! `frontend_subset.rs`): Go source → `Program`, through the public API only.
//!
//! Positions asserted in those tests were worked out by hand from the sources: lines and
//! columns are 1-based, columns count bytes (a tab is one column).

#![allow(dead_code)]

use gomc::frontend::{compile, CompileOptions, ModelError};
use gomc::program::{Function, Instr, Program, SourceFile};

pub fn compile_with(text: &str, options: &CompileOptions) -> Result<Program, ModelError> {
    compile(
        &[SourceFile {
            name: "model.go".to_string(),
            text: text.to_string(),
        }],
        options,
    )
}

pub fn ok(text: &str) -> Program {
    match compile_with(text, &CompileOptions::default()) {
        Ok(program) => program,
        Err(error) => panic!("unexpected error:\n{error}"),
    }
}

pub fn err(text: &str) -> ModelError {
    err_with(text, &CompileOptions::default())
}

pub fn err_with(text: &str, options: &CompileOptions) -> ModelError {
    match compile_with(text, options) {
        Ok(program) => panic!("expected an error, got:\n{}", program.disassemble()),
        Err(error) => error,
    }
}

pub fn function<'p>(program: &'p Program, name: &str) -> &'p Function {
    program
        .functions
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no function {name} in\n{}", program.disassemble()))
}

/// The `(line, col)` of every instruction of `name` matching `pred`.
pub fn positions(program: &Program, name: &str, pred: impl Fn(&Instr) -> bool) -> Vec<(u32, u32)> {
    let f = function(program, name);
    f.code
        .iter()
        .zip(&f.spans)
        .filter(|(i, _)| pred(i))
        .map(|(_, s)| (s.line, s.col))
        .collect()
}

/// Every function ends in `Return`, has one span per instruction, and jumps stay inside.
pub fn check_shape(program: &Program) {
    for f in &program.functions {
        assert_eq!(f.code.len(), f.spans.len(), "{}", f.name);
        assert_eq!(f.code.last(), Some(&Instr::Return), "{}", f.name);
        assert!(f.locals >= f.params + f.results, "{}", f.name);
        for instr in &f.code {
            match instr {
                Instr::Jump(t) | Instr::JumpIfFalse(t) | Instr::JumpIfTrue(t) => {
                    assert!((*t as usize) < f.code.len(), "{}: {instr:?}", f.name)
                }
                Instr::LoadLocal(i) | Instr::StoreLocal(i) => assert!(*i < f.locals, "{}", f.name),
                Instr::LoadCapture(i) => assert!(*i < f.captures, "{}", f.name),
                _ => {}
            }
        }
    }
}

/// The cmd/dist background-workers model the lowering and subset tests compile.
pub const DIST: &str = "// A model of cmd/dist's background workers.
package main

import (
	\"fmt\"
	\"os\"
	\"sync\"
	\"sync/atomic\"
)

const maxbg = 2

var (
	bgwork = make(chan func(), 4)
	dying  = make(chan struct{})
	nfatal int32
)

func bghelper() {
	for {
		w := <-bgwork
		w()
	}
}

func bgrun(wg *sync.WaitGroup, f func()) {
	bgwork <- func() {
		defer wg.Done()
		f()
	}
}

func bgwait(wg *sync.WaitGroup) {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-dying:
		atomic.AddInt32(&nfatal, 1)
	}
}

func fatalf(msg string) {
	if atomic.AddInt32(&nfatal, 1) > 1 {
		select {}
	}
	close(dying)
	fmt.Println(msg)
	os.Exit(2)
}

func main() {
	for i := 0; i < maxbg; i++ {
		go bghelper()
	}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		bgrun(&wg, func() {
			if i == 1 {
				fatalf(\"build failed\")
			}
		})
	}
	bgwait(&wg)
}
";
