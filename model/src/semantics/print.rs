//! The printing instructions (fmt/print.go's Print, Printf, Sprint and friends, and the builtin
//! println): the text `format.rs` makes goes to the step's output, or onto the stack as a string.
//!
//! Invariant: a printed line is one event of the step that printed it (`StepLog::output`), so a
//! trace shows output where it happened.

use super::exec::{StepLog, Trap};
use super::format::{format_print, format_sprintf};
use super::state::State;
use super::value::{Gid, Value};
use crate::program::{Instr, Program};

/// Executes a printing instruction of goroutine `g`.
pub fn exec(
    program: &Program,
    st: &mut State,
    g: Gid,
    instr: &Instr,
    log: &mut StepLog,
) -> Result<(), Trap> {
    match instr {
        Instr::Print { args, newline } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            log.output
                .push(format_print(st, &program.dyn_types, &values, *newline));
            Ok(())
        }
        Instr::Printf { args } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            let format = st.goroutine_mut(g).pop();
            log.output
                .push(format_sprintf(st, &program.dyn_types, &format, &values));
            Ok(())
        }
        Instr::Sprintf { args } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            let format = st.goroutine_mut(g).pop();
            let text = format_sprintf(st, &program.dyn_types, &format, &values);
            super::limits::check_size("string", text.len())?;
            st.goroutine_mut(g).push(Value::str(&text));
            Ok(())
        }
        Instr::SprintSlice { format } => {
            let slice = st.goroutine_mut(g).pop();
            let values = super::slice::slice_items(st, &slice);
            let text = if *format {
                let format = st.goroutine_mut(g).pop();
                format_sprintf(st, &program.dyn_types, &format, &values)
            } else {
                format_print(st, &program.dyn_types, &values, true) + "\n"
            };
            super::limits::check_size("string", text.len())?;
            st.goroutine_mut(g).push(Value::str(&text));
            Ok(())
        }
        Instr::Sprint { args, newline } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            let mut text = format_print(st, &program.dyn_types, &values, *newline);
            if *newline {
                text.push('\n');
            }
            super::limits::check_size("string", text.len())?;
            st.goroutine_mut(g).push(Value::str(&text));
            Ok(())
        }
        other => unreachable!(
            "internal error: {other:?} is not a printing instruction (routed by Instr::executor)"
        ),
    }
}
