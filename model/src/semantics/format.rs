//! Text of values for `fmt.Print*`, `fmt.Sprint*`, `println` and panic messages, following the
//! fmt package's `%v` rules for the types of the subset.
//!
//! Invariant: nothing printed depends on allocation order or addresses: pointers to structs
//! print as `&{...}` and other references as their kind (`(chan)`, `(func)`), so two runs print the
//! same bytes.

use super::floatfmt::format_float;
use super::state::{Object, State, SyncObj};
use super::value::Value;

/// `%v` of a value.
pub fn format_value(st: &State, value: &Value) -> String {
    let mut out = String::new();
    write_value(st, value, &mut out, 0);
    out
}

pub(super) fn write_value(st: &State, value: &Value, out: &mut String, depth: u32) {
    use std::fmt::Write;
    if depth > 8 {
        out.push_str("...");
        return;
    }
    match value {
        Value::Nil => out.push_str("<nil>"),
        Value::Boxed(boxed) => write_value(st, &boxed.value, out, depth),
        Value::Int(v) => {
            let _ = write!(out, "{v}");
        }
        Value::Float(v) => out.push_str(&format_float(v.get(), v.kind, 'v', None, false)),
        Value::Bool(v) => {
            let _ = write!(out, "{v}");
        }
        Value::Str(text) => out.push_str(text),
        Value::Pointer(obj) => match &st.heap[obj.0 as usize] {
            Object::Cell(inner @ (Value::Tuple(_) | Value::Array(_))) => {
                out.push('&');
                write_value(st, inner, out, depth + 1);
            }
            _ => out.push_str("(pointer)"),
        },
        Value::Slice { .. } => {
            out.push('[');
            for (i, item) in super::slice::slice_items(st, value).iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_value(st, item, out, depth + 1);
            }
            out.push(']');
        }
        Value::Map(obj) => {
            out.push_str("map[");
            if let Object::Map(entries) = &st.heap[obj.0 as usize] {
                for (i, (key, item)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    write_value(st, key, out, depth + 1);
                    out.push(':');
                    write_value(st, item, out, depth + 1);
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
        Value::Error(_) => {
            out.push_str(&super::errors::error_text(st, value).unwrap_or_default());
        }
        Value::Inner(inner) => match super::pointer::load_inner(st, inner) {
            inner @ (Value::Tuple(_) | Value::Array(_)) => {
                out.push('&');
                write_value(st, &inner, out, depth + 1);
            }
            _ => out.push_str("(pointer)"),
        },
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_value(st, item, out, depth + 1);
            }
            out.push(']');
        }
        Value::Tuple(items) => {
            out.push('{');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_value(st, item, out, depth + 1);
            }
            out.push('}');
        }
    }
}

/// `fmt.Println` (`newline`: operands always separated by spaces) or `fmt.Print` (a space
/// between operands when neither is a string). The trailing newline is not part of the event.
pub fn format_print(st: &State, values: &[Value], newline: bool) -> String {
    let mut out = String::new();
    for (i, value) in values.iter().enumerate() {
        let both_non_strings =
            i > 0 && !matches!(value, Value::Str(_)) && !matches!(values[i - 1], Value::Str(_));
        if i > 0 && (newline || both_non_strings) {
            out.push(' ');
        }
        write_value(st, value, &mut out, 0);
    }
    out
}

/// `fmt.Sprintf`: the verbs `%v %d %s %q %t %x %e %f %g %%`, with a width (padding with spaces,
/// on the left unless the `-` flag is given, with zeros under the `0` flag for numbers) and a
/// precision (digits of a float, the most bytes of a string); the `+` flag signs numbers
/// except under `%v`, where `%+v` names struct fields (`format_plus.rs`); `%#v` prints like
/// `%v`. A missing operand prints `%!v(MISSING)` as fmt
/// does; extra operands print `%!(EXTRA ...)`.
///
/// `%T` prints the dynamic type of an operand that went in as an interface value (the front end
/// boxes the operands of `%T`; `types` names them), `<nil>` for nil, and `%!T(unknown)` where
/// gomc does not know the type (a format built at run time, `types` empty).
pub fn format_sprintf(
    st: &State,
    types: &[crate::program::DynType],
    format: &Value,
    values: &[Value],
) -> String {
    let Value::Str(format) = format else {
        return format_value(st, format);
    };
    let mut out = String::new();
    let mut next = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&flag) = chars.peek() {
            match flag {
                '+' => spec.plus = true,
                '-' => spec.left = true,
                '0' => spec.zero = true,
                '#' | ' ' => {}
                _ => break,
            }
            chars.next();
        }
        if chars.next_if_eq(&'*').is_some() {
            // A width from an operand (fmt/print.go doPrintf, intFromArg): a negative one
            // left-justifies, one that is not an integer or is too large is reported.
            match star_operand(values, &mut next) {
                Some(width) if width < 0 => {
                    spec.left = true;
                    spec.zero = false;
                    spec.width = Some(width.unsigned_abs() as usize);
                }
                Some(width) => spec.width = Some(width as usize),
                None => out.push_str("%!(BADWIDTH)"),
            }
        } else {
            spec.width = number(&mut chars);
        }
        if chars.peek() == Some(&'.') {
            chars.next();
            if chars.next_if_eq(&'*').is_some() {
                match star_operand(values, &mut next) {
                    Some(precision) if precision >= 0 => spec.precision = Some(precision as usize),
                    _ => out.push_str("%!(BADPREC)"),
                }
            } else {
                spec.precision = Some(number(&mut chars).unwrap_or(0));
            }
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        // `%+v` is fmt's plusV: field names, and no sign on numbers (fmt/print.go, doPrintf).
        let plus_v = verb == 'v' && spec.plus;
        if plus_v {
            spec.plus = false;
        }
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(value) = values.get(next) else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        next += 1;
        let mut text = String::new();
        let mut numeric = false;
        match (verb, value.unboxed()) {
            ('T', _) => {
                text = match value {
                    Value::Boxed(boxed) => types
                        .get(boxed.ty.0 as usize)
                        .map_or_else(|| "%!T(unknown)".to_string(), |ty| ty.name.clone()),
                    Value::Nil => "<nil>".to_string(),
                    // The machine's own errors: errors.New's, and fmt.Errorf's with and
                    // without `%w` (errors/errors.go, fmt/errors.go).
                    Value::Error(_) => match super::errors::wrapped_errors(st, value).len() {
                        0 => "*errors.errorString",
                        1 => "*fmt.wrapError",
                        _ => "*fmt.wrapErrors",
                    }
                    .to_string(),
                    _ => "%!T(unknown)".to_string(),
                }
            }
            ('q', Value::Str(s)) => text = format!("{:?}", s.as_ref()),
            ('x', Value::Int(v)) => text = format!("{v:x}"),
            ('x', Value::Str(s)) => s.bytes().for_each(|b| text.push_str(&format!("{b:02x}"))),
            ('v' | 'e' | 'f' | 'g', Value::Float(v)) => {
                numeric = true;
                text = format_float(v.get(), v.kind, verb, spec.precision, spec.plus);
            }
            ('d' | 'v', Value::Int(v)) => {
                numeric = true;
                text = if spec.plus && *v >= 0 {
                    format!("+{v}")
                } else {
                    v.to_string()
                };
            }
            ('s' | 'v', Value::Str(s)) => {
                text = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s.to_string(),
                }
            }
            ('v', _) if plus_v => super::format_plus::write_plus(st, types, value, &mut text),
            _ => write_value(st, value, &mut text, 0),
        }
        spec.pad(&mut out, &text, numeric);
    }
    if next < values.len() {
        out.push_str("%!(EXTRA ");
        for (i, value) in values[next..].iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_value(st, value, &mut out, 0);
        }
        out.push(')');
    }
    out
}

/// The flags, width and precision of one verb.
#[derive(Default)]
struct Spec {
    plus: bool,
    left: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

impl Spec {
    /// Appends `text` padded to the width, as fmt pads: spaces on the left, on the right under
    /// `-`, or zeros after the sign under `0` for a number.
    fn pad(&self, out: &mut String, text: &str, numeric: bool) {
        let len = text.chars().count();
        let fill = self.width.unwrap_or(0).saturating_sub(len);
        if fill == 0 {
            out.push_str(text);
        } else if self.left {
            out.push_str(text);
            out.extend(std::iter::repeat_n(' ', fill));
        } else if self.zero && numeric {
            let digits = text.trim_start_matches(['+', '-']);
            out.push_str(&text[..text.len() - digits.len()]);
            out.extend(std::iter::repeat_n('0', fill));
            out.push_str(digits);
        } else {
            out.extend(std::iter::repeat_n(' ', fill));
            out.push_str(text);
        }
    }
}

/// The operand a `*` width or precision takes (fmt/print.go intFromArg): an integer up to
/// 10^6, else `None`; the operand is used up either way, if there is one.
fn star_operand(values: &[Value], next: &mut usize) -> Option<i64> {
    let value = values.get(*next)?;
    *next += 1;
    match value.unboxed() {
        Value::Int(n) if n.unsigned_abs() <= 1_000_000 => Some(*n),
        _ => None,
    }
}

/// A decimal number in a format string (a width or precision).
fn number(chars: &mut std::iter::Peekable<std::str::Chars>) -> Option<usize> {
    let mut value: Option<usize> = None;
    while let Some(digit) = chars.peek().and_then(|c| c.to_digit(10)) {
        value = Some(
            value
                .unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(digit as usize),
        );
        chars.next();
    }
    value
}
