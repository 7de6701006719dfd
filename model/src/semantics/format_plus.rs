//! fmt/print.go's `printValue`: the walk through a value under one verb. The verb and the
//! width apply to each basic value inside a slice, array, map or struct (`%5d` of `[]int{1, 2}`
//! is `[    1     2]`, `%q` of a `[]string` quotes each string); under `%+v` (the `plusV` flag)
//! a struct's field names print too (`{Name:ann Age:30}`), also inside pointers, slices, arrays
//! and maps. The values of the machine carry no types, so the names, and whether a nil is a
//! slice (`[]`) or a map (`map[]`), come from the dynamic type of the boxed operand
//! (`DynType::fields`, which the front end fills in), and from the dynamic type of each
//! interface value met inside it.
//!
//! Invariant: where the names do not match the value's shape (a nil pointer, a value of
//! another kind), the value prints as `%v` prints it: the names never change what is shown
//! besides themselves.

use super::format::{format_leaf, type_name, Spec};
use super::state::{Object, State, SyncObj};
use super::value::Value;
use crate::program::{DynType, FieldNames};

/// Appends the text of `value` under `spec`, `depth` levels inside an operand; `names` is the
/// shape of its static type where the front end knew it.
pub(super) fn print_value(
    st: &State,
    types: &[DynType],
    value: &Value,
    names: &FieldNames,
    spec: &Spec,
    depth: u32,
    out: &mut String,
) {
    use std::fmt::Write;
    if depth > 8 {
        out.push_str("...");
        return;
    }
    let items = |out: &mut String, items: &[Value], names: &FieldNames| {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            print_value(st, types, item, names, spec, depth + 1, out);
        }
    };
    // `&` and the value pointed to, for a pointer to a struct, array, slice or map (printValue
    // prints an address at depth > 0; gomc prints the value there too, as addresses vary).
    let pointee = |value: &Value| -> Option<Value> {
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
    };
    match value {
        Value::Boxed(boxed)
            if matches!(
                boxed.value,
                Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Bool(_)
            ) && format_leaf(&boxed.value, spec).is_none() =>
        {
            // Named by its dynamic type: `%!d(main.name=ann)`.
            bad_verb(st, types, value, spec, out);
        }
        Value::Boxed(boxed) => {
            let names = types
                .get(boxed.ty.0 as usize)
                .map_or(&FieldNames::None, |ty| &ty.fields);
            print_value(st, types, &boxed.value, names, spec, depth, out);
        }
        Value::Nil => match names {
            FieldNames::Elements(_) => out.push_str("[]"),
            FieldNames::Map(..) => out.push_str("map[]"),
            _ => spec.pad(out, "<nil>", false),
        },
        Value::Int(v) if *names == FieldNames::Unsigned => {
            match super::format::format_integer(i128::from(*v as u64), spec) {
                Some(text) => out.push_str(&text),
                None => bad_verb(st, types, value, spec, out),
            }
        }
        Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Bool(_) => {
            match format_leaf(value, spec) {
                Some(text) => out.push_str(&text),
                None => bad_verb(st, types, value, spec, out),
            }
        }
        Value::Error(_) => {
            let text = super::errors::error_text(st, value).unwrap_or_default();
            let verb = if matches!(spec.verb, 'v' | 's' | 'q' | 'x' | 'X') {
                spec.verb
            } else {
                return bad_verb(st, types, value, spec, out);
            };
            let spec = Spec {
                verb,
                sharp_v: false,
                ..spec.clone()
            };
            out.push_str(&format_leaf(&Value::str(&text), &spec).unwrap_or(text));
        }
        Value::Tuple(fields) => match names {
            FieldNames::Struct(named) if spec.plus_v && fields.len() == named.len() => {
                out.push('{');
                for (i, (field, (name, inner))) in fields.iter().zip(named).enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(name);
                    out.push(':');
                    print_value(st, types, field, inner, spec, depth + 1, out);
                }
                out.push('}');
            }
            FieldNames::Struct(named) if fields.len() == named.len() => {
                out.push('{');
                for (i, (field, (_, inner))) in fields.iter().zip(named).enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    print_value(st, types, field, inner, spec, depth + 1, out);
                }
                out.push('}');
            }
            _ => {
                out.push('{');
                items(out, fields, &FieldNames::None);
                out.push('}');
            }
        },
        Value::Pointer(_) | Value::Inner(_) => match pointee(value) {
            Some(target) => {
                let inner = match names {
                    FieldNames::Pointer(inner) => inner,
                    _ => &FieldNames::None,
                };
                out.push('&');
                print_value(st, types, &target, inner, spec, depth + 1, out);
            }
            None => out.push_str("(pointer)"),
        },
        Value::Slice { .. } | Value::Array(_) => {
            let inner = match names {
                FieldNames::Elements(inner) => inner,
                _ => &FieldNames::None,
            };
            out.push('[');
            match value {
                Value::Array(elements) => items(out, elements, inner),
                _ => items(out, &super::slice::slice_items(st, value), inner),
            }
            out.push(']');
        }
        Value::Map(obj) => {
            let (keys, values) = match names {
                FieldNames::Map(keys, values) => (&**keys, &**values),
                _ => (&FieldNames::None, &FieldNames::None),
            };
            out.push_str("map[");
            if let Object::Map(entries) = &st.heap[obj.0 as usize] {
                // The entries are in the order of their keys: internal/fmtsort's for the keys of
                // the subset (numbers, strings, booleans, structs field by field).
                for (i, (key, item)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    print_value(st, types, key, keys, spec, depth + 1, out);
                    out.push(':');
                    print_value(st, types, item, values, spec, depth + 1, out);
                }
            }
            out.push(']');
        }
        Value::Chan(_) => out.push_str("(chan)"),
        Value::Func { .. } => out.push_str("(func)"),
        Value::Sync(id) => match &st.syncs[id.0 as usize] {
            SyncObj::Mutex { locked, .. } => {
                let _ = write!(out, "{{locked:{locked}}}");
            }
            SyncObj::WaitGroup { counter, .. } => {
                let _ = write!(out, "{{counter:{counter}}}");
            }
            SyncObj::RWMutex(rw) => {
                let _ = write!(
                    out,
                    "{{writer:{} readerCount:{}}}",
                    rw.writer, rw.reader_count
                );
            }
            SyncObj::Once { done, .. } => {
                let _ = write!(out, "{{done:{done}}}");
            }
            SyncObj::Cond { .. } => out.push_str("(sync.Cond)"),
            SyncObj::Map(entries) => {
                let _ = write!(out, "(sync.Map, {} entries)", entries.len());
            }
        },
    }
}

/// badVerb: `%!d(string=hi)`, the verb, the value's type and its `%v` text.
fn bad_verb(st: &State, types: &[DynType], value: &Value, spec: &Spec, out: &mut String) {
    let plain = Spec {
        verb: 'v',
        ..Spec::default()
    };
    out.push_str("%!");
    out.push(spec.verb);
    out.push('(');
    out.push_str(&type_name(st, types, value));
    out.push('=');
    print_value(st, types, value, &FieldNames::None, &plain, 0, out);
    out.push(')');
}
