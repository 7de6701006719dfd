//! Error values: `errors.New`, `fmt.Errorf` (with `%w`), `err.Error()`, and what
//! `stdlib/errors.go`'s `Join`, `Is` and `Unwrap` need of them, mirroring Go 1.23's errors/errors.go, errors/wrap.go and fmt/errors.go; and the
//! values of runtime error panics (runtime/error.go), which are errors too.
//!
//! An error is `Value::Error(cell)`, the cell holding `Tuple[message, wrapped]`: like Go's
//! `*errorString` and `*fmt.wrapError`, two errors are equal only when they are the same error,
//! even with the same text.
//!
//! Invariants: an error's cell is never written after it is made (errors are immutable); the
//! wrapped value is an error, nil, or (`errors.Join`, `fmt.Errorf` with several `%w`) an array
//! of the non-nil errors wrapped, in order: Go's `Unwrap() []error`.

use std::sync::Arc;

use super::exec::Exec;
use super::format::{format_errorf, format_value};
use super::state::{Object, State};
use super::value::{Gid, Value};
use crate::program::{Instr, Program};

/// A new error with this text, wrapping `wrapped` (nil for none).
pub fn new_error(st: &mut State, message: &str, wrapped: Value) -> Value {
    let cell = st.alloc(Object::Cell(Value::Tuple(Arc::from(vec![
        Value::str(message),
        wrapped,
    ]))));
    Value::Error(cell)
}

/// The text and the wrapped error of an error value.
fn parts(st: &State, error: &Value) -> Option<(Value, Value)> {
    let Value::Error(cell) = error else {
        return None;
    };
    match &st.heap[cell.0 as usize] {
        Object::Cell(Value::Tuple(items)) => Some((items[0].clone(), items[1].clone())),
        other => unreachable!("internal error: error value in {other:?}"),
    }
}

/// What `Unwrap()` of one of the machine's errors returns (nil when it wraps nothing, and, as
/// `errors.Unwrap` says, when it wraps several).
pub fn unwrap_error(st: &State, error: &Value) -> Value {
    match parts(st, error) {
        Some((_, Value::Array(_))) | None => Value::Nil,
        Some((_, wrapped)) => wrapped,
    }
}

/// The errors an error wraps directly: none, one, or several (errors/wrap.go's two `Unwrap`
/// shapes).
pub fn wrapped_errors(st: &State, error: &Value) -> Vec<Value> {
    match parts(st, error) {
        Some((_, Value::Array(items))) => items.to_vec(),
        Some((_, Value::Nil)) | None => Vec::new(),
        Some((_, wrapped)) => vec![wrapped],
    }
}

/// The text of an error value, as `err.Error()` returns it (and as `fmt` prints it).
pub fn error_text(st: &State, error: &Value) -> Option<String> {
    match parts(st, error)? {
        (Value::Str(text), _) => Some(text.to_string()),
        (other, _) => unreachable!("internal error: error message {other:?}"),
    }
}

/// Executes an error instruction (`Executor::Errors`) of goroutine `g` (pc already advanced).
pub fn exec(program: &Program, st: &mut State, g: Gid, instr: &Instr) -> Exec {
    match instr {
        Instr::NewError => {
            let text = st.goroutine_mut(g).pop();
            let text = format_value(st, &text);
            let error = new_error(st, &text, Value::Nil);
            st.goroutine_mut(g).push(error);
            Ok(())
        }
        Instr::Errorf { args } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            let printed = st.goroutine_mut(g).pop_n(*args as usize);
            let format = st.goroutine_mut(g).pop();
            let text = format_errorf(st, &program.dyn_types, &format, &printed);
            // fmt/errors.go: one `%w` wraps that operand; several wrap every operand that is
            // an error, in order.
            let operands: Vec<Value> = match &format {
                Value::Str(format) => wrapped_operands(format)
                    .into_iter()
                    .filter_map(|index| values.get(index).cloned())
                    .collect(),
                _ => Vec::new(),
            };
            let wrapped = match operands.as_slice() {
                [] => Value::Nil,
                [single] => single.clone(),
                several => Value::Array(
                    several
                        .iter()
                        .filter(|value| **value != Value::Nil)
                        .cloned()
                        .collect(),
                ),
            };
            let error = new_error(st, &text, wrapped);
            st.goroutine_mut(g).push(error);
            Ok(())
        }
        Instr::OwnWrapped => {
            let error = st.goroutine_mut(g).pop();
            let own = matches!(error, Value::Error(_));
            let wrapped = wrapped_errors(st, &error);
            let slice = super::slice::new_slice(st, wrapped);
            let goroutine = st.goroutine_mut(g);
            goroutine.push(slice);
            goroutine.push(Value::Bool(own));
            Ok(())
        }
        Instr::JoinErrors => {
            let errors = st.goroutine_mut(g).pop();
            let text = st.goroutine_mut(g).pop();
            let text = format_value(st, &text);
            let errors = super::slice::slice_items(st, &errors);
            let error = new_error(st, &text, Value::Array(errors.into()));
            st.goroutine_mut(g).push(error);
            Ok(())
        }
        other => unreachable!(
            "internal error: {other:?} is not an error instruction (routed by Instr::executor)"
        ),
    }
}

/// The indices of the operands the `%w` verbs of a format consume (fmt/errors.go wraps them).
fn wrapped_operands(format: &str) -> Vec<usize> {
    let mut operand = 0;
    let mut wrapped = Vec::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        while chars
            .peek()
            .is_some_and(|flag| "+-# 0123456789.".contains(*flag))
        {
            chars.next();
        }
        match chars.next() {
            Some('%') | None => {}
            Some('w') => {
                wrapped.push(operand);
                operand += 1;
            }
            Some(_) => operand += 1,
        }
    }
    wrapped
}
