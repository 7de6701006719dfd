//! Error values: `errors.New`, `fmt.Errorf` (with `%w`), `err.Error()`, `errors.Unwrap` and
//! `errors.Is`, mirroring Go 1.23's errors/errors.go, errors/wrap.go and fmt/errors.go; and the
//! values of runtime error panics (runtime/error.go), which are errors too.
//!
//! An error is `Value::Error(cell)`, the cell holding `Tuple[message, wrapped]`: like Go's
//! `*errorString` and `*fmt.wrapError`, two errors are equal only when they are the same error,
//! even with the same text.
//!
//! Invariants: an error's cell is never written after it is made (errors are immutable); the
//! wrapped value is an error or nil.

use std::sync::Arc;

use super::exec::Exec;
use super::format::{format_sprintf, format_value};
use super::state::{Object, State};
use super::value::{Gid, Value};
use crate::program::Instr;

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

/// What `Unwrap()` of one of the machine's errors returns (nil when it wraps nothing).
pub fn unwrap_error(st: &State, error: &Value) -> Value {
    parts(st, error).map_or(Value::Nil, |(_, wrapped)| wrapped)
}

/// The text of an error value, as `err.Error()` returns it (and as `fmt` prints it).
pub fn error_text(st: &State, error: &Value) -> Option<String> {
    match parts(st, error)? {
        (Value::Str(text), _) => Some(text.to_string()),
        (other, _) => unreachable!("internal error: error message {other:?}"),
    }
}

/// Executes an error instruction of goroutine `g` (pc already advanced); `None` for other
/// instructions.
pub fn exec(st: &mut State, g: Gid, instr: &Instr) -> Option<Exec> {
    let result = match instr {
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
            let text = format_sprintf(st, &format, &printed);
            let wrapped = match &format {
                Value::Str(format) => wrapped_operand(format)
                    .and_then(|index| values.get(index).cloned())
                    .unwrap_or(Value::Nil),
                _ => Value::Nil,
            };
            let error = new_error(st, &text, wrapped);
            st.goroutine_mut(g).push(error);
            Ok(())
        }
        Instr::ErrorUnwrap => {
            let error = st.goroutine_mut(g).pop();
            let wrapped = parts(st, &error).map_or(Value::Nil, |(_, wrapped)| wrapped);
            st.goroutine_mut(g).push(wrapped);
            Ok(())
        }
        Instr::ErrorIs => {
            let target = st.goroutine_mut(g).pop();
            let mut error = st.goroutine_mut(g).pop();
            // errors.Is: `err == target` is checked first, also for nil.
            let found = loop {
                if error == target {
                    break true;
                }
                match parts(st, &error) {
                    Some((_, wrapped)) if wrapped != Value::Nil => error = wrapped,
                    _ => break false,
                }
            };
            st.goroutine_mut(g).push(Value::Bool(found));
            Ok(())
        }
        _ => return None,
    };
    Some(result)
}

/// The index of the operand that the first `%w` verb of a format consumes (fmt/errors.go
/// wraps that one).
fn wrapped_operand(format: &str) -> Option<usize> {
    let mut operand = 0;
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
            Some('w') => return Some(operand),
            Some(_) => operand += 1,
        }
    }
    None
}
