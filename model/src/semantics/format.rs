//! Text of values for `fmt.Print*`, `fmt.Sprint*`, `println` and panic messages, following
//! Go 1.23's fmt/print.go (`doPrintf`, `printArg`, `badVerb`, `doPrint`) and fmt/format.go
//! (`fmtInteger`, `fmtFloat`, `fmtQ`, `fmtSbx`, `fmtC`, `fmtQc`, `fmtUnicode`, `pad`) for the
//! types of the subset. The walk through composite values (`printValue`) is
//! `format_plus.rs`: a verb applies to every leaf of a slice, map or struct, and the width
//! pads each leaf, as in Go.
//!
//! Invariant: nothing printed depends on allocation order or addresses: pointers to structs
//! print as `&{...}` and other references as their kind (`(chan)`, `(func)`), so two runs print the
//! same bytes.

use super::floatfmt::format_float;
use super::format_plus::print_value;
use super::quote::{is_print, quote, quote_rune, quote_with};
use super::state::State;
use super::value::Value;
use crate::program::{DynType, FieldNames};

/// `%v` of a value.
pub fn format_value(st: &State, value: &Value) -> String {
    let mut out = String::new();
    write_value(st, value, &mut out, 0);
    out
}

/// Appends `%v` of a value, `depth` levels inside another.
pub(super) fn write_value(st: &State, value: &Value, out: &mut String, depth: u32) {
    let spec = Spec {
        verb: 'v',
        ..Spec::default()
    };
    print_value(st, &[], value, &FieldNames::None, &spec, depth, out);
}

/// `fmt.Println` (`newline`: operands always separated by spaces) or `fmt.Print` (a space
/// between operands when neither is a string, print.go's doPrint: a value of a named string
/// type is a string too). The trailing newline is not part of the event.
pub fn format_print(st: &State, types: &[DynType], values: &[Value], newline: bool) -> String {
    let mut out = String::new();
    let is_string = |value: &Value| matches!(value.unboxed(), Value::Str(_));
    let spec = Spec {
        verb: 'v',
        ..Spec::default()
    };
    for (i, value) in values.iter().enumerate() {
        if i > 0 && (newline || !(is_string(value) || is_string(&values[i - 1]))) {
            out.push(' ');
        }
        print_arg(st, types, value, &spec, &mut out);
    }
    out
}

/// `fmt.Sprintf`: the verbs `%v %d %b %o %O %x %X %c %q %U %s %t %e %E %f %F %g %G %T %%`, the
/// flags `+ - # 0` and space, a width and a precision, also from an operand (`%*d`, `%.*s`).
/// `%+v` names struct fields (`format_plus.rs`); `%#v` prints Go syntax (`format_sharp.rs`). A verb
/// that does not fit its operand prints `%!d(string=hi)` (badVerb), a missing operand
/// `%!v(MISSING)`, extra ones `%!(EXTRA int=1)`.
///
/// `%T` prints the dynamic type of an operand that went in as an interface value (the front end
/// boxes the operands of `%T`; `types` names them), `<nil>` for nil, and `%!T(unknown)` where
/// gomc does not know the type (a format built at run time, `types` empty).
pub fn format_sprintf(st: &State, types: &[DynType], format: &Value, values: &[Value]) -> String {
    sprintf(st, types, format, values, false)
}

/// `fmt.Errorf`'s text: Sprintf's, with `%w` printing its operand as `%v` does (print.go's
/// handleMethods under wrapErrs); Sprintf prints `%!w(...)` for it.
pub fn format_errorf(st: &State, types: &[DynType], format: &Value, values: &[Value]) -> String {
    sprintf(st, types, format, values, true)
}

/// doPrintf; `wrap` for Errorf.
fn sprintf(st: &State, types: &[DynType], format: &Value, values: &[Value], wrap: bool) -> String {
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
                '#' => spec.sharp = true,
                ' ' => spec.space = true,
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
        // Only allow zero padding to the left (doPrintf).
        spec.zero &= !spec.left;
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        spec.verb = if wrap && verb == 'w' { 'v' } else { verb };
        // `%+v` is fmt's plusV and `%#v` its sharpV: field names, and no sign on numbers.
        if spec.verb == 'v' {
            spec.plus_v = spec.plus;
            spec.sharp_v = spec.sharp;
            spec.plus = false;
            spec.sharp = false;
        }
        let Some(value) = values.get(next) else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        next += 1;
        if verb == 'T' {
            let text = match value {
                Value::Boxed(boxed) => types
                    .get(boxed.ty.0 as usize)
                    .map_or_else(|| "%!T(unknown)".to_string(), |ty| ty.name.clone()),
                Value::Nil => "<nil>".to_string(),
                Value::Error(_) => error_type(st, value).to_string(),
                _ => "%!T(unknown)".to_string(),
            };
            spec.pad(&mut out, &text, false);
            continue;
        }
        print_arg(st, types, value, &spec, &mut out);
    }
    if next < values.len() {
        out.push_str("%!(EXTRA ");
        for (i, value) in values[next..].iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match value {
                Value::Nil => out.push_str("<nil>"),
                _ => {
                    out.push_str(&type_name(st, types, value));
                    out.push('=');
                    write_value(st, value, &mut out, 0);
                }
            }
        }
        out.push(')');
    }
    out
}

/// The type name of an errors.New or fmt.Errorf error, the machine's own values (errors/errors.go,
/// fmt/errors.go).
pub(super) fn error_type(st: &State, value: &Value) -> &'static str {
    match super::errors::wrapped_errors(st, value).len() {
        0 => "*errors.errorString",
        1 => "*fmt.wrapError",
        _ => "*fmt.wrapErrors",
    }
}

/// The name of a value's type as badVerb and `%!(EXTRA` print it: its dynamic type if it went in
/// boxed, else the type its kind of value has by default (a value of a named type that was not
/// boxed is named by its underlying type).
pub(super) fn type_name(st: &State, types: &[DynType], value: &Value) -> String {
    match value {
        Value::Boxed(boxed) => types
            .get(boxed.ty.0 as usize)
            .map_or_else(|| type_name(st, &[], &boxed.value), |ty| ty.name.clone()),
        Value::Int(_) => "int".into(),
        Value::Float(v) => match v.kind {
            crate::program::FloatKind::F32 => "float32".into(),
            crate::program::FloatKind::F64 => "float64".into(),
        },
        Value::Str(_) => "string".into(),
        Value::Bool(_) => "bool".into(),
        Value::Error(_) => error_type(st, value).into(),
        _ => "?".into(),
    }
}

/// printArg: one operand under its verb, at depth 0. A nil interface prints `<nil>` under `%v`
/// and badVerb's `%!d(<nil>)` under another verb.
fn print_arg(st: &State, types: &[DynType], value: &Value, spec: &Spec, out: &mut String) {
    match value {
        Value::Nil if spec.verb != 'v' => {
            out.push_str(&format!("%!{}(<nil>)", spec.verb));
        }
        _ if spec.sharp_v => super::format_sharp::print_sharp_arg(st, types, value, spec, out),
        _ => print_value(st, types, value, &FieldNames::None, spec, 0, out),
    }
}

/// The text of a basic value (an integer, float, string or bool) under `spec`, padded to its
/// width; `None` where the verb does not fit the value (badVerb's case).
pub(super) fn format_leaf(value: &Value, spec: &Spec) -> Option<String> {
    match value {
        Value::Int(v) => format_integer(i128::from(*v), spec),
        Value::Float(v) => {
            let verb = match spec.verb {
                'v' | 'g' => 'g',
                'G' => 'G',
                'e' | 'E' | 'f' => spec.verb,
                'F' => 'f',
                _ => return None,
            };
            let lower = verb.to_ascii_lowercase();
            let lower = if spec.verb == 'v' { 'v' } else { lower };
            let mut text = format_float(v.get(), v.kind, lower, spec.precision, spec.plus);
            if verb.is_ascii_uppercase() {
                text = text.replace('e', "E");
            }
            if spec.space && !text.starts_with(['-', '+']) {
                text.insert(0, ' ');
            }
            let mut out = String::new();
            // fmtFloat pads Inf and NaN with spaces, numbers with zeros after the sign.
            let finite = v.get().is_finite();
            spec.pad(&mut out, &text, finite);
            Some(out)
        }
        Value::Str(s) => {
            let text = match spec.verb {
                'v' if spec.sharp_v => quote(s, false),
                'v' | 's' => match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s.to_string(),
                },
                'q' => match spec.precision {
                    Some(p) => quote_with(&s.chars().take(p).collect::<String>(), spec),
                    None => quote_with(s, spec),
                },
                'x' | 'X' => hex_bytes(s.as_bytes(), spec),
                _ => return None,
            };
            let mut out = String::new();
            spec.pad(&mut out, &text, false);
            Some(out)
        }
        Value::Bool(b) => match spec.verb {
            't' | 'v' => {
                let mut out = String::new();
                spec.pad(&mut out, &b.to_string(), false);
                Some(out)
            }
            _ => None,
        },
        _ => None,
    }
}

/// fmtInteger, fmtC, fmtQc and fmtUnicode: an integer under `%d %v %b %o %O %x %X %c %q %U`
/// (an `i128`, which holds the values of every integer kind, uint64's included).
pub(super) fn format_integer(v: i128, spec: &Spec) -> Option<String> {
    let base = match spec.verb {
        'd' | 'v' => 10,
        'b' => 2,
        'o' | 'O' => 8,
        'x' | 'X' => 16,
        'c' | 'q' | 'U' => {
            let rune = u32::try_from(v)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            let text = match spec.verb {
                'c' => rune.to_string(),
                'q' => quote_rune(rune, spec.plus),
                _ => {
                    let digits = format!("{:X}", v.max(0));
                    let width = spec.precision.unwrap_or(4).max(digits.len());
                    let mut text = format!("U+{digits:0>width$}");
                    if spec.sharp && is_print(rune) {
                        text.push_str(&format!(" '{rune}'"));
                    }
                    text
                }
            };
            let mut out = String::new();
            spec.pad(&mut out, &text, false);
            return Some(out);
        }
        _ => return None,
    };
    let magnitude = v.unsigned_abs();
    let mut digits = match base {
        2 => format!("{magnitude:b}"),
        8 => format!("{magnitude:o}"),
        16 if spec.verb == 'X' => format!("{magnitude:X}"),
        16 => format!("{magnitude:x}"),
        _ => magnitude.to_string(),
    };
    let sign = if v < 0 {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    };
    // The precision is the least number of digits (zero prints none under `.0`); without
    // one, the `0` flag pads to the width with zeros after the sign.
    let precision = match spec.precision {
        Some(p) => Some(p),
        None if spec.zero && spec.width.is_some() => {
            Some(spec.width.unwrap_or(0).saturating_sub(sign.len()))
        }
        None => None,
    };
    if precision == Some(0) && v == 0 {
        digits.clear();
    }
    if let Some(p) = precision {
        if digits.len() < p {
            digits.insert_str(0, &"0".repeat(p - digits.len()));
        }
    }
    let prefix = match (spec.verb, spec.sharp) {
        ('b', true) => "0b",
        ('o', true) if !digits.starts_with('0') => "0",
        ('O', _) => "0o",
        ('x', true) => "0x",
        ('X', true) => "0X",
        _ => "",
    };
    let text = format!("{sign}{prefix}{digits}");
    let mut out = String::new();
    // The zeros are in the digits already: the rest pads with spaces.
    let spaces = Spec {
        zero: false,
        ..spec.clone()
    };
    spaces.pad(&mut out, &text, false);
    Some(out)
}

/// fmtSbx: the bytes of a string in hexadecimal, two digits each, separated by spaces under
/// the space flag, with `0x` before each (space flag) or once (without) under `#`; a precision
/// takes that many bytes.
fn hex_bytes(bytes: &[u8], spec: &Spec) -> String {
    let bytes = &bytes[..spec.precision.unwrap_or(bytes.len()).min(bytes.len())];
    let mut out = String::new();
    let prefix = if spec.verb == 'X' { "0X" } else { "0x" };
    for (i, b) in bytes.iter().enumerate() {
        if spec.space && i > 0 {
            out.push(' ');
        }
        if spec.sharp && (spec.space || i == 0) {
            out.push_str(prefix);
        }
        if spec.verb == 'X' {
            out.push_str(&format!("{b:02X}"));
        } else {
            out.push_str(&format!("{b:02x}"));
        }
    }
    out
}

/// The flags, width and precision of one verb, and the verb.
#[derive(Clone, Default)]
pub(super) struct Spec {
    pub verb: char,
    pub plus: bool,
    pub left: bool,
    pub zero: bool,
    pub sharp: bool,
    pub space: bool,
    /// `%+v`: struct field names.
    pub plus_v: bool,
    /// `%#v`: Go syntax (`format_sharp.rs`).
    pub sharp_v: bool,
    pub width: Option<usize>,
    pub precision: Option<usize>,
}

impl Spec {
    /// Appends `text` padded to the width, as fmt's pad does: spaces on the left, on the right
    /// under `-`, or zeros under `0` (after the sign for a number).
    pub(super) fn pad(&self, out: &mut String, text: &str, numeric: bool) {
        let len = text.chars().count();
        let fill = self.width.unwrap_or(0).saturating_sub(len);
        if fill == 0 {
            out.push_str(text);
        } else if self.left {
            out.push_str(text);
            out.extend(std::iter::repeat_n(' ', fill));
        } else if self.zero && numeric {
            let digits = text.trim_start_matches(['+', '-', ' ']);
            out.push_str(&text[..text.len() - digits.len()]);
            out.extend(std::iter::repeat_n('0', fill));
            out.push_str(digits);
        } else if self.zero {
            out.extend(std::iter::repeat_n('0', fill));
            out.push_str(text);
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
