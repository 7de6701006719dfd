//! The text of floating-point values, as Go prints them: fmt's `%v`, `%e`, `%f`, `%g` (with
//! strconv's rules, `strconv/ftoa.go`: `formatDigits`, `fmtE`, `fmtF`) and the runtime's
//! `println` (`runtime/print.go`: `printfloat`).
//!
//! Invariant: the digits are the correctly rounded decimal digits of the binary value (Rust's
//! float formatting gives the shortest round-trip digits, or the digits rounded to a precision,
//! exactly as strconv does), so the text is a function of the bits alone.

use crate::program::FloatKind;

/// Decimal digits (no leading or trailing zeros; empty for zero) and the position of the
/// decimal point: the value is `0.d1d2… × 10^point` (strconv's `decimalSlice`).
struct Digits {
    digits: Vec<u8>,
    point: i32,
}

/// The digits of `v` (finite, not negative): the shortest that read back as `v` in its kind when
/// `significant` is `None`, else rounded to that many significant digits.
fn digits_of(v: f64, kind: FloatKind, significant: Option<usize>) -> Digits {
    let text = match (significant, kind) {
        (None, FloatKind::F32) => format!("{:e}", v as f32),
        (None, FloatKind::F64) => format!("{v:e}"),
        (Some(n), _) => format!("{:.*e}", n.max(1) - 1, v),
    };
    let (mantissa, exponent) = text.split_once('e').expect("exponent form");
    let exponent: i32 = exponent.parse().expect("exponent");
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        return Digits { digits, point: 0 };
    }
    Digits {
        digits,
        point: exponent + 1,
    }
}

/// The text of NaN and the infinities, as fmt prints them: an infinity always with its sign,
/// NaN with one only under the `+` flag.
fn special(v: f64, plus: bool) -> Option<String> {
    if v.is_nan() {
        return Some(if plus { "+NaN" } else { "NaN" }.to_string());
    }
    if v.is_infinite() {
        return Some(if v < 0.0 { "-Inf" } else { "+Inf" }.to_string());
    }
    None
}

/// `%e` with `decimals` digits after the point (strconv's fmtE).
fn write_e(out: &mut String, d: &Digits, decimals: usize) {
    out.push(char::from(*d.digits.first().unwrap_or(&b'0')));
    if decimals > 0 {
        out.push('.');
        for i in 1..=decimals {
            out.push(char::from(*d.digits.get(i).unwrap_or(&b'0')));
        }
    }
    let exponent = if d.digits.is_empty() { 0 } else { d.point - 1 };
    let sign = if exponent < 0 { '-' } else { '+' };
    out.push('e');
    out.push(sign);
    out.push_str(&format!("{:02}", exponent.abs()));
}

/// `%f` with `decimals` digits after the point (strconv's fmtF).
fn write_f(out: &mut String, d: &Digits, decimals: usize) {
    let digit = |i: i32| -> char {
        if i >= 0 && (i as usize) < d.digits.len() {
            char::from(d.digits[i as usize])
        } else {
            '0'
        }
    };
    if d.point > 0 {
        for i in 0..d.point {
            out.push(digit(i));
        }
    } else {
        out.push('0');
    }
    if decimals > 0 {
        out.push('.');
        for i in 0..decimals as i32 {
            out.push(digit(d.point + i));
        }
    }
}

/// `v` formatted by `verb` (`e`, `f`, `g`; `v` is `g`) with an optional precision, as
/// `strconv.FormatFloat` and fmt do; `plus` is fmt's `+` flag.
pub fn format_float(
    v: f64,
    kind: FloatKind,
    verb: char,
    precision: Option<usize>,
    plus: bool,
) -> String {
    if let Some(text) = special(v, plus) {
        return text;
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    } else if plus {
        out.push('+');
    }
    let v = v.abs();
    match verb {
        'e' => {
            let decimals = precision.unwrap_or(6);
            write_e(&mut out, &digits_of(v, kind, Some(decimals + 1)), decimals);
        }
        'f' => {
            let decimals = precision.unwrap_or(6);
            // Rounding to a number of decimals, not of significant digits.
            let text = format!("{v:.decimals$}");
            out.push_str(&text);
        }
        _ => {
            // strconv's formatDigits for 'g'.
            let shortest = precision.is_none();
            let d = match precision {
                None => digits_of(v, kind, None),
                Some(p) => digits_of(v, kind, Some(p.max(1))),
            };
            let mut prec = match precision {
                None => d.digits.len() as i32,
                Some(p) => p.max(1) as i32,
            };
            let nd = d.digits.len() as i32;
            let mut eprec = prec;
            if eprec > nd && nd >= d.point {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exponent = d.point - 1;
            if exponent < -4 || exponent >= eprec {
                if prec > nd {
                    prec = nd;
                }
                write_e(&mut out, &d, (prec - 1).max(0) as usize);
            } else {
                if prec > d.point {
                    prec = nd;
                }
                write_f(&mut out, &d, (prec - d.point).max(0) as usize);
            }
        }
    }
    out
}

/// `println`'s text of a float (runtime/print.go's printfloat: seven significant digits, a
/// sign always, a three-digit exponent: `+1.500000e+000`), by the runtime's own algorithm, whose
/// rounding is not strconv's.
pub fn print_float(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    const DIGITS: usize = 7;
    let mut sign = '+';
    let mut exponent = 0i32;
    let mut v = v;
    if v == 0.0 {
        if v.is_sign_negative() {
            sign = '-';
        }
    } else {
        if v < 0.0 {
            v = -v;
            sign = '-';
        }
        while v >= 10.0 {
            exponent += 1;
            v /= 10.0;
        }
        while v < 1.0 {
            exponent -= 1;
            v *= 10.0;
        }
        let mut h = 5.0;
        for _ in 0..DIGITS {
            h /= 10.0;
        }
        v += h;
        if v >= 10.0 {
            exponent += 1;
            v /= 10.0;
        }
    }
    let mut out = String::new();
    out.push(sign);
    for i in 0..DIGITS {
        let digit = v as i64;
        out.push(char::from(b'0' + digit as u8));
        if i == 0 {
            out.push('.');
        }
        v -= digit as f64;
        v *= 10.0;
    }
    out.push('e');
    out.push(if exponent < 0 { '-' } else { '+' });
    out.push_str(&format!("{:03}", exponent.abs()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each expectation is what Go 1.19's fmt and println printed for the value.
    #[test]
    fn texts_are_gos() {
        let f64 = FloatKind::F64;
        let cases: [(f64, &str, &str, &str, &str, &str); 6] = [
            (
                1.5,
                "1.5",
                "1.500000",
                "1.50",
                "1.500000e+00",
                "+1.500000e+000",
            ),
            (
                123456789.0,
                "1.23456789e+08",
                "123456789.000000",
                "123456789.00",
                "1.234568e+08",
                "+1.234568e+008",
            ),
            (
                1e-5,
                "1e-05",
                "0.000010",
                "0.00",
                "1.000000e-05",
                "+1.000000e-005",
            ),
            (
                1e20,
                "1e+20",
                "100000000000000000000.000000",
                "100000000000000000000.00",
                "1.000000e+20",
                "+1.000000e+020",
            ),
            (
                1.0 / 3.0,
                "0.3333333333333333",
                "0.333333",
                "0.33",
                "3.333333e-01",
                "+3.333333e-001",
            ),
            (
                0.0,
                "0",
                "0.000000",
                "0.00",
                "0.000000e+00",
                "+0.000000e+000",
            ),
        ];
        for (v, shortest, f, f2, e, println) in cases {
            assert_eq!(format_float(v, f64, 'v', None, false), shortest, "{v}");
            assert_eq!(format_float(v, f64, 'f', None, false), f, "{v}");
            assert_eq!(format_float(v, f64, 'f', Some(2), false), f2, "{v}");
            assert_eq!(format_float(v, f64, 'e', None, false), e, "{v}");
            assert_eq!(print_float(v), println, "{v}");
        }
        assert_eq!(
            format_float(123456789.0, f64, 'g', Some(3), false),
            "1.23e+08"
        );
        assert_eq!(format_float(0.1, f64, 'g', Some(3), false), "0.1");
        assert_eq!(format_float(100.0, f64, 'g', Some(3), false), "100");
        assert_eq!(
            format_float(0.1f32 as f64, FloatKind::F32, 'v', None, false),
            "0.1"
        );
        assert_eq!(
            format_float(0.1f32 as f64, f64, 'v', None, false),
            "0.10000000149011612"
        );
        assert_eq!(format_float(f64::INFINITY, f64, 'v', None, false), "+Inf");
        assert_eq!(format_float(f64::NAN, f64, 'v', None, false), "NaN");
    }
}
