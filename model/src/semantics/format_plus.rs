//! `%+v`: fmt/print.go's `printValue` under the `plusV` flag, which writes a struct's field
//! names (`{Name:ann Age:30}`), also inside pointers, slices, arrays and maps. The values of
//! the machine carry no types, so the names come from the dynamic type of the boxed operand
//! (`DynType::fields`, which the front end fills in), and from the dynamic type of each
//! interface value met inside it.
//!
//! Invariant: where the names do not match the value's shape (a nil pointer, a value of
//! another kind), the value prints as `%v` prints it: the names never change what is shown
//! besides themselves.

use super::format::write_value;
use super::state::{Object, State};
use super::value::Value;
use crate::program::{DynType, FieldNames};

/// Appends the `%+v` text of `value`, an operand as the machine holds it.
pub(super) fn write_plus(st: &State, types: &[DynType], value: &Value, out: &mut String) {
    write_named(st, types, value, &FieldNames::None, out, 0);
}

fn write_named(
    st: &State,
    types: &[DynType],
    value: &Value,
    names: &FieldNames,
    out: &mut String,
    depth: u32,
) {
    if depth > 8 {
        out.push_str("...");
        return;
    }
    let items = |out: &mut String, items: &[Value], names: &FieldNames| {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            write_named(st, types, item, names, out, depth + 1);
        }
    };
    match (value, names) {
        (Value::Boxed(boxed), _) => {
            let names = types
                .get(boxed.ty.0 as usize)
                .map_or(&FieldNames::None, |ty| &ty.fields);
            write_named(st, types, &boxed.value, names, out, depth);
        }
        (Value::Tuple(fields), FieldNames::Struct(named)) if fields.len() == named.len() => {
            out.push('{');
            for (i, (field, (name, inner))) in fields.iter().zip(named).enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(name);
                out.push(':');
                write_named(st, types, field, inner, out, depth + 1);
            }
            out.push('}');
        }
        (Value::Pointer(obj), FieldNames::Pointer(inner)) => match &st.heap[obj.0 as usize] {
            Object::Cell(pointee @ (Value::Tuple(_) | Value::Array(_))) => {
                out.push('&');
                write_named(st, types, pointee, inner, out, depth + 1);
            }
            _ => write_value(st, value, out, depth),
        },
        (Value::Inner(pointer), FieldNames::Pointer(inner)) => {
            match super::pointer::load_inner(st, pointer) {
                pointee @ (Value::Tuple(_) | Value::Array(_)) => {
                    out.push('&');
                    write_named(st, types, &pointee, inner, out, depth + 1);
                }
                _ => write_value(st, value, out, depth),
            }
        }
        // Without names, still walked: interface values inside carry their own.
        (Value::Slice { .. } | Value::Array(_), FieldNames::Elements(_) | FieldNames::None) => {
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
        (Value::Map(obj), FieldNames::Map(_, _) | FieldNames::None) => {
            let (keys, values) = match names {
                FieldNames::Map(keys, values) => (&**keys, &**values),
                _ => (&FieldNames::None, &FieldNames::None),
            };
            out.push_str("map[");
            if let Object::Map(entries) = &st.heap[obj.0 as usize] {
                for (i, (key, item)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    write_named(st, types, key, keys, out, depth + 1);
                    out.push(':');
                    write_named(st, types, item, values, out, depth + 1);
                }
            }
            out.push(']');
        }
        (Value::Tuple(fields), FieldNames::None) => {
            out.push('{');
            items(out, fields, &FieldNames::None);
            out.push('}');
        }
        _ => write_value(st, value, out, depth),
    }
}
