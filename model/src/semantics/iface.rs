//! Interface values at run time, mirroring Go 1.23's runtime/iface.go: boxing a concrete value
//! with its dynamic type (`convT`), method dispatch through the dynamic type's method table
//! (the `itab.fun` array), type assertions (`assertE2I`, `typeAssert`) with the panic message of
//! runtime/error.go's `TypeAssertionError`, type switch cases, and `fmt`'s preference for a
//! value's `Error` or `String` method (fmt/print.go `handleMethods`).
//!
//! Invariants: a value in an interface-typed place is `Value::Nil` (a nil interface),
//! `Value::Error` (the errors `errors.New` and `fmt.Errorf` make, of dynamic type
//! `*errors.errorString`, id [`ERROR_STRING`]) or `Value::Boxed`; a boxed value is never itself
//! boxed (the front end boxes only values of concrete types).

use std::sync::Arc;

use super::errors::{error_text, unwrap_error};
use super::exec::{runtime_error, Exec, Trap};
use super::state::State;
use super::unwind::push_frame;
use super::value::{Boxed, Gid, Value};
use super::zero::zero_value;
use crate::program::{AssertTarget, DynTypeId, Instr, Program, ReceiverStep, ERROR_STRING};

/// Executes an interface instruction (`Executor::Interface`) of goroutine `g` (pc already
/// advanced).
pub fn exec(program: &Program, st: &mut State, g: Gid, instr: &Instr) -> Exec {
    match instr {
        Instr::Box(ty) => {
            let value = st.goroutine_mut(g).pop();
            st.goroutine_mut(g)
                .push(Value::Boxed(Arc::new(Boxed { ty: *ty, value })));
            Ok(())
        }
        Instr::CallMethod { method, args } => {
            let name = &program.strings[method.0 as usize];
            call_method(program, st, g, name, *args)
        }
        Instr::TypeAssert {
            from,
            target,
            with_ok,
        } => {
            let value = st.goroutine_mut(g).pop();
            let matched = matches(program, &value, target);
            if matched {
                let result = match (target, value) {
                    (AssertTarget::Concrete { .. }, Value::Boxed(boxed)) => boxed.value.clone(),
                    (_, value) => value,
                };
                st.goroutine_mut(g).push(result);
                if *with_ok {
                    st.goroutine_mut(g).push(Value::Bool(true));
                }
                Ok(())
            } else if *with_ok {
                let zero = match target {
                    AssertTarget::Concrete { zero, .. } => zero_value(program, st, *zero),
                    _ => Value::Nil,
                };
                st.goroutine_mut(g).push(zero);
                st.goroutine_mut(g).push(Value::Bool(false));
                Ok(())
            } else {
                let from = &program.interfaces[from.0 as usize].name;
                Err(Trap::Panic(assertion_message(
                    program, from, &value, target,
                )))
            }
        }
        Instr::TypeIs(target) => {
            let value = st.goroutine_mut(g).pop();
            let matched = matches(program, &value, target);
            st.goroutine_mut(g).push(Value::Bool(matched));
            Ok(())
        }
        Instr::Stringer => {
            let value = st.goroutine(g).peek(0).clone();
            let has = |name: &str| {
                dynamic_type(&value).is_some_and(|ty| {
                    program.dyn_types[ty.0 as usize]
                        .methods
                        .iter()
                        .any(|m| m.name == name)
                })
            };
            match &value {
                Value::Error(_) => {
                    let text = error_text(st, &value).unwrap_or_default();
                    let goroutine = st.goroutine_mut(g);
                    goroutine.pop();
                    goroutine.push(Value::str(&text));
                    Ok(())
                }
                _ if has("Error") => call_method(program, st, g, "Error", 0),
                _ if has("String") => call_method(program, st, g, "String", 0),
                _ => Ok(()),
            }
        }
        other => unreachable!(
            "internal error: {other:?} is not an interface instruction (routed by Instr::executor)"
        ),
    }
}

/// `==` on two interface values with the same uncomparable dynamic type panics (runtime/alg.go
/// `efaceeq`: "comparing uncomparable type T"), also inside structs and arrays, whose fields
/// and elements Go compares in order: a pair that differs before the interface ends the
/// comparison without a panic (`{1, []byte}` and `{2, []byte}` are unequal; `{[]byte, 1}`
/// and `{[]byte, 2}` panic; test/fixedbugs/issue8606.go).
pub fn check_comparable(program: &Program, left: &Value, right: &Value) -> Result<(), Trap> {
    match (left, right) {
        (Value::Boxed(a), Value::Boxed(b)) if a.ty == b.ty => {
            let ty = &program.dyn_types[a.ty.0 as usize];
            if !ty.comparable {
                return Err(runtime_error(format!(
                    "comparing uncomparable type {}",
                    ty.name
                )));
            }
            check_comparable(program, &a.value, &b.value)
        }
        (Value::Tuple(xs), Value::Tuple(ys)) | (Value::Array(xs), Value::Array(ys)) => {
            for (x, y) in xs.iter().zip(ys.iter()) {
                check_comparable(program, x, y)?;
                if x != y {
                    break;
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// A map key holding an interface value whose dynamic type is not comparable, directly or in
/// a field or element, panics in every map operation (runtime/alg.go `mapKeyError`: "hash of
/// unhashable type T").
pub fn check_hashable(program: &Program, key: &Value) -> Result<(), Trap> {
    match key {
        Value::Boxed(boxed) => {
            let ty = &program.dyn_types[boxed.ty.0 as usize];
            if !ty.comparable {
                return Err(runtime_error(format!(
                    "hash of unhashable type {}",
                    ty.name
                )));
            }
            check_hashable(program, &boxed.value)
        }
        Value::Tuple(items) | Value::Array(items) => items
            .iter()
            .try_for_each(|item| check_hashable(program, item)),
        _ => Ok(()),
    }
}

/// The dynamic type of a non-nil interface value.
fn dynamic_type(value: &Value) -> Option<DynTypeId> {
    match value {
        Value::Boxed(boxed) => Some(boxed.ty),
        Value::Error(_) => Some(ERROR_STRING),
        _ => None,
    }
}

/// The names of a dynamic type's methods (the machine's own errors have `Error` and `Unwrap`).
fn has_method(program: &Program, ty: DynTypeId, name: &str, sig: &str) -> bool {
    if ty == ERROR_STRING {
        return matches!(
            (name, sig),
            ("Error", "func() string") | ("Unwrap", "func() error")
        );
    }
    program.dyn_types[ty.0 as usize]
        .methods
        .iter()
        .any(|m| m.name == name && m.sig == sig)
}

/// Whether an interface value satisfies an assertion target.
fn matches(program: &Program, value: &Value, target: &AssertTarget) -> bool {
    match (target, dynamic_type(value)) {
        (AssertTarget::Nil, ty) => ty.is_none(),
        (_, None) => false,
        (AssertTarget::Concrete { ty, .. }, Some(dynamic)) => *ty == dynamic,
        (AssertTarget::Interface(iface), Some(dynamic)) => {
            let iface = &program.interfaces[iface.0 as usize];
            iface
                .methods
                .iter()
                .zip(&iface.signatures)
                .all(|(name, sig)| has_method(program, dynamic, name, sig))
        }
    }
}

/// runtime/error.go `TypeAssertionError.Error`.
fn assertion_message(
    program: &Program,
    from: &str,
    value: &Value,
    target: &AssertTarget,
) -> String {
    let target_name = match target {
        AssertTarget::Concrete { ty, .. } => program.dyn_types[ty.0 as usize].name.clone(),
        AssertTarget::Interface(iface) => program.interfaces[iface.0 as usize].name.clone(),
        AssertTarget::Nil => "nil".to_string(),
    };
    let Some(dynamic) = dynamic_type(value) else {
        return format!("interface conversion: {from} is nil, not {target_name}");
    };
    let concrete = &program.dyn_types[dynamic.0 as usize].name;
    match target {
        AssertTarget::Interface(iface) => {
            // runtime/iface.go says "missing method" for a wrong signature too.
            let iface = &program.interfaces[iface.0 as usize];
            let missing = iface
                .methods
                .iter()
                .zip(&iface.signatures)
                .find(|(name, sig)| !has_method(program, dynamic, name, sig))
                .map(|(name, _)| name.clone())
                .unwrap_or_default();
            format!(
                "interface conversion: {concrete} is not {target_name}: missing method {missing}"
            )
        }
        // runtime/error.go's TypeAssertionError: two types of one name (local types of
        // different functions) are told apart.
        _ if *concrete == target_name => format!(
            "interface conversion: {from} is {concrete}, not {target_name} (types from \
             different scopes)"
        ),
        _ => format!("interface conversion: {from} is {concrete}, not {target_name}"),
    }
}

/// Calls method `name` of the interface value below the `args` arguments on the stack: the
/// interface slot becomes the receiver and a frame is pushed, as `Instr::Call` does.
fn call_method(program: &Program, st: &mut State, g: Gid, name: &str, args: u32) -> Exec {
    let at = st.goroutine(g).stack.len() - args as usize - 1;
    let value = st.goroutine(g).stack[at].clone();
    let boxed = match value {
        Value::Boxed(boxed) => boxed,
        Value::Error(_) => {
            // The machine's own errors: `Error` and `Unwrap` without a frame.
            let result = match name {
                "Error" => Value::str(&error_text(st, &value).unwrap_or_default()),
                _ => unwrap_error(st, &value),
            };
            let goroutine = st.goroutine_mut(g);
            goroutine.stack.truncate(at);
            goroutine.push(result);
            return Ok(());
        }
        _ => {
            return Err(runtime_error(
                "invalid memory address or nil pointer dereference",
            ))
        }
    };
    let method = program.dyn_types[boxed.ty.0 as usize]
        .methods
        .iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| unreachable!("internal error: no method {name} in the table"));
    let mut receiver = boxed.value.clone();
    for step in &method.path {
        receiver = match step {
            ReceiverStep::Deref => super::exec::load(st, &receiver)?,
            ReceiverStep::Field(index) => match receiver {
                Value::Tuple(fields) => fields[*index as usize].clone(),
                other => unreachable!("internal error: field of {other:?}"),
            },
            ReceiverStep::FieldAddr(index) => super::pointer::field_addr(&receiver, *index)?,
        };
    }
    let func = method.func;
    let goroutine = st.goroutine_mut(g);
    goroutine.stack[at] = receiver;
    match func {
        Some(func) => push_frame(program, goroutine, func, None, at as u32, false),
        // Promoted from an embedded interface: dispatch on that interface's value.
        None => return call_method(program, st, g, name, args),
    }
    Ok(())
}
