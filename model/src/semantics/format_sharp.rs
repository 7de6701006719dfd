//! fmt's `%#v`, Go syntax: Go 1.23's fmt/print.go, `printValue`, `fmtInteger`, `fmtBytes` and
//! `fmtPointer` under the `sharpV` flag. A struct prints with its type and field names
//! (`main.P{X:1, S:"a"}`), a slice, array or map with its type and commas (`[]int{1, 2}`,
//! `map[string]int{"a":1}`), a nil one as `[]int(nil)`, a nil interface inside a value as
//! `interface {}(nil)`, a nil pointer as `(*main.P)(nil)`, unsigned integers in hexadecimal
//! (`0x7`, `[]byte{0x1, 0x2}`), strings quoted, signed integers, floats and booleans as `%v`
//! prints them. The names come from the operand's dynamic type (`DynType::syntax`, which the
//! front end fills in, `program/gosyntax.rs`) and from the dynamic type of each interface value
//! met inside it.
//!
//! Where Go prints an address (a pointer inside a value, a pointer at the top level to
//! anything but a struct, array, slice or map, a channel, a function), gomc prints the word
//! `pointer`, `chan` or `func` in its place, so that two runs print the same bytes:
//! `(*main.P)(pointer)`, `(chan int)(chan)`, `(func())(func)`, and an error that
//! `fmt.Errorf` wraps as `err:(*errors.errorString)(pointer)`. A nil one prints as Go's,
//! `(*main.P)(nil)`.
//!
//! Invariant: where the description does not match the value's shape (a type nested deeper
//! than the front end describes, a value that went in unboxed), the value prints with what
//! is known, never with another type's names.

use super::format::{format_integer, format_leaf, Spec};
use super::format_plus::print_value;
use super::state::{Object, State};
use super::value::Value;
use crate::program::{DynType, FieldNames, GoSyntax, SyntaxKind};

/// printArg under `%#v`: one operand at depth 0. A nil interface prints `<nil>`.
pub(super) fn print_sharp_arg(
    st: &State,
    types: &[DynType],
    value: &Value,
    spec: &Spec,
    out: &mut String,
) {
    let unknown = GoSyntax::unknown();
    match value {
        Value::Nil => spec.pad(out, "<nil>", false),
        Value::Boxed(boxed) => {
            let syntax = types
                .get(boxed.ty.0 as usize)
                .map_or(&unknown, |ty| &ty.syntax);
            // printArg's `case []byte` names the type `[]byte`; reflect names it `[]uint8`.
            if syntax.name == "[]uint8" {
                let byte_slice = GoSyntax {
                    name: "[]byte".to_string(),
                    kind: syntax.kind.clone(),
                };
                return print_sharp(st, types, &boxed.value, &byte_slice, spec, 0, out);
            }
            print_sharp(st, types, &boxed.value, syntax, spec, 0, out);
        }
        _ => print_sharp(st, types, value, &unknown, spec, 0, out),
    }
}

/// printValue under `%#v`: `value`, of the type `syntax` describes, `depth` levels inside an
/// operand.
fn print_sharp(
    st: &State,
    types: &[DynType],
    value: &Value,
    syntax: &GoSyntax,
    spec: &Spec,
    depth: u32,
    out: &mut String,
) {
    if depth > 8 {
        out.push_str("...");
        return;
    }
    let unknown = GoSyntax::unknown();
    let name = syntax.name.as_str();
    // `name{a, b}`, each item printed with its description.
    let items = |out: &mut String, items: &mut dyn Iterator<Item = (&Value, &GoSyntax)>| {
        out.push_str(name);
        out.push('{');
        for (i, (item, syntax)) in items.enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            print_sharp(st, types, item, syntax, spec, depth + 1, out);
        }
        out.push('}');
    };
    match (value, &syntax.kind) {
        (Value::Boxed(boxed), _) => {
            let syntax = types
                .get(boxed.ty.0 as usize)
                .map_or(&unknown, |ty| &ty.syntax);
            print_sharp(st, types, &boxed.value, syntax, spec, depth + 1, out);
        }
        (Value::Str(_), SyntaxKind::Verbatim) => {
            // What a GoString method returned, unadorned (handleMethods' fmtS).
            let plain = Spec {
                verb: 's',
                sharp_v: false,
                precision: None,
                ..spec.clone()
            };
            out.push_str(&format_leaf(value, &plain).unwrap_or_default());
        }
        (Value::Nil, SyntaxKind::Slice(_) | SyntaxKind::Map(..) | SyntaxKind::Interface) => {
            out.push_str(name);
            out.push_str("(nil)");
        }
        (Value::Nil, _) if !name.is_empty() => {
            out.push('(');
            out.push_str(name);
            out.push_str(")(nil)");
        }
        (Value::Nil, _) => out.push_str("<nil>"),
        (Value::Int(v), SyntaxKind::Unsigned) => {
            // fmt0x64(v, true): hexadecimal with 0x, the word read as unsigned.
            let hex = Spec {
                verb: 'x',
                sharp: true,
                ..spec.clone()
            };
            out.push_str(&format_integer(i128::from(*v as u64), &hex).unwrap_or_default());
        }
        (Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Bool(_), _) => {
            out.push_str(&format_leaf(value, spec).unwrap_or_default());
        }
        (Value::Error(_), _) => print_error(st, types, value, spec, depth, out),
        (Value::Tuple(fields), SyntaxKind::Struct(named)) if fields.len() == named.len() => {
            out.push_str(name);
            out.push('{');
            for (i, (field, (field_name, syntax))) in fields.iter().zip(named).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(field_name);
                out.push(':');
                print_sharp(st, types, field, syntax, spec, depth + 1, out);
            }
            out.push('}');
        }
        (Value::Tuple(fields), _) => {
            items(out, &mut fields.iter().map(|field| (field, &unknown)));
        }
        (Value::Pointer(_) | Value::Inner(_), _) => {
            let inner = match &syntax.kind {
                SyntaxKind::Pointer(inner) => &**inner,
                _ => &unknown,
            };
            // A pointer to a struct, array, slice or map prints what it points to at depth 0
            // only (printValue avoids loops so).
            match pointee(st, value).filter(|_| depth == 0) {
                Some(target) => {
                    out.push('&');
                    print_sharp(st, types, &target, inner, spec, depth + 1, out);
                }
                None => with_kind(out, name, "pointer"),
            }
        }
        (Value::Slice { .. } | Value::Array(_), _) => {
            let element = match &syntax.kind {
                SyntaxKind::Slice(element) | SyntaxKind::Array(element) => &**element,
                _ => &unknown,
            };
            let elements = match value {
                Value::Array(elements) => elements.to_vec(),
                _ => super::slice::slice_items(st, value),
            };
            items(out, &mut elements.iter().map(|item| (item, element)));
        }
        (Value::Map(obj), _) => {
            let (key_syntax, value_syntax) = match &syntax.kind {
                SyntaxKind::Map(key, value) => (&**key, &**value),
                _ => (&unknown, &unknown),
            };
            out.push_str(name);
            out.push('{');
            if let Object::Map(entries) = &st.heap[obj.0 as usize] {
                // In the order of the keys, internal/fmtsort's (`format_plus.rs`).
                for (i, (key, item)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    print_sharp(st, types, key, key_syntax, spec, depth + 1, out);
                    out.push(':');
                    print_sharp(st, types, item, value_syntax, spec, depth + 1, out);
                }
            }
            out.push('}');
        }
        (Value::Chan(_), _) => with_kind(out, name, "chan"),
        (Value::Func { .. }, _) => with_kind(out, name, "func"),
        (Value::Sync(_), _) => {
            // A sync value prints as `%v` prints it (gomc's own fields, not Go's).
            let plain = Spec {
                verb: 'v',
                ..Spec::default()
            };
            print_value(st, types, value, &FieldNames::None, &plain, depth, out);
        }
    }
}

/// `(*int)(pointer)`: Go's `(type)(0xc000012345)` without the address; the kind alone where
/// the type is not known.
fn with_kind(out: &mut String, name: &str, kind: &str) {
    if name.is_empty() {
        out.push('(');
        out.push_str(kind);
        out.push(')');
    } else {
        out.push('(');
        out.push_str(name);
        out.push_str(")(");
        out.push_str(kind);
        out.push(')');
    }
}

/// What a pointer points to, when it is a struct, array, slice or map (printValue's `&` case).
fn pointee(st: &State, value: &Value) -> Option<Value> {
    let target = match value {
        Value::Pointer(obj) => match &st.heap[obj.0 as usize] {
            Object::Cell(inner) => inner.clone(),
            _ => return None,
        },
        Value::Inner(inner) => super::pointer::load_inner(st, inner),
        _ => return None,
    };
    matches!(
        target,
        Value::Tuple(_) | Value::Array(_) | Value::Slice { .. } | Value::Map(_)
    )
    .then_some(target)
}

/// An error of errors.New or fmt.Errorf, the machine's own values, as the structs behind them
/// (errors/errors.go's errorString, fmt/errors.go's wrapError and wrapErrors), pointers all:
/// `&errors.errorString{s:"x"}` at depth 0, `(*errors.errorString)(pointer)` inside a value,
/// as in `&fmt.wrapError{msg:"w: x", err:(*errors.errorString)(pointer)}`.
fn print_error(
    st: &State,
    types: &[DynType],
    value: &Value,
    spec: &Spec,
    depth: u32,
    out: &mut String,
) {
    if depth > 0 {
        // A pointer inside a value: `(*errors.errorString)(pointer)`.
        return with_kind(out, super::format::error_type(st, value), "pointer");
    }
    let text = super::errors::error_text(st, value).unwrap_or_default();
    let quoted = format_leaf(&Value::str(&text), spec).unwrap_or_default();
    let wrapped = super::errors::wrapped_errors(st, value);
    let interface = GoSyntax {
        name: "error".to_string(),
        kind: SyntaxKind::Interface,
    };
    // One error wrapped by one `%w` is a wrapError; a list (several `%w`, errors.Join) is
    // a wrapErrors, as `%T` names it (format.rs, error_type).
    let single = !matches!(super::errors::unwrap_error(st, value), Value::Nil);
    match wrapped.as_slice() {
        [] => {
            out.push_str("&errors.errorString{s:");
            out.push_str(&quoted);
            out.push('}');
        }
        [inner] if single => {
            out.push_str("&fmt.wrapError{msg:");
            out.push_str(&quoted);
            out.push_str(", err:");
            print_sharp(st, types, inner, &interface, spec, depth + 1, out);
            out.push('}');
        }
        several => {
            out.push_str("&fmt.wrapErrors{msg:");
            out.push_str(&quoted);
            out.push_str(", errs:[]error{");
            for (i, inner) in several.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                print_sharp(st, types, inner, &interface, spec, depth + 1, out);
            }
            out.push_str("}}");
        }
    }
}
