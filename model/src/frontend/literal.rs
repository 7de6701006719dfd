//! Go literals: integers, runes, interpreted and raw strings.

use num_bigint::BigInt;

/// Parses a Go integer literal (decimal, `0x`, `0o`, `0b`, legacy octal, `_` separators),
/// exactly: Go's integer literals are untyped constants of any size. `None` when malformed.
pub(super) fn int_literal(text: &str) -> Option<BigInt> {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    let lower = digits.to_ascii_lowercase();
    let (radix, body) = if let Some(rest) = lower.strip_prefix("0x") {
        (16, rest)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (8, rest)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (2, rest)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    // parse_bytes takes a sign; a literal has none.
    if body.is_empty() || body.starts_with('+') || body.starts_with('-') {
        return None;
    }
    BigInt::parse_bytes(body.as_bytes(), radix)
}

/// Parses an interpreted (`"..."`) or raw (`` `...` ``) string literal, quotes included.
pub(super) fn string_literal(text: &str) -> Result<String, String> {
    if let Some(body) = text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        return Ok(body.replace('\r', ""));
    }
    let body = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .ok_or_else(|| format!("malformed string literal {text}"))?;
    let bytes = unescape(body, '"')?;
    String::from_utf8(bytes).map_err(|_| "string literal is not valid UTF-8".to_string())
}

/// Parses a rune literal (`'a'`, `'\n'`, `'\x41'`, `'\u00e9'`), quotes included.
pub(super) fn rune_literal(text: &str) -> Result<i64, String> {
    let body = text
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .ok_or_else(|| format!("malformed rune literal {text}"))?;
    if let Some(escape) = body.strip_prefix('\\') {
        let mut chars = escape.chars();
        let value = match chars.next() {
            Some('u') | Some('U') => {
                let code = u32::from_str_radix(&escape[1..], 16).map_err(|_| bad_rune(text))?;
                char::from_u32(code).ok_or_else(|| bad_rune(text))? as i64
            }
            _ => {
                let bytes = unescape(body, '\'')?;
                match bytes.as_slice() {
                    [byte] => *byte as i64,
                    _ => return Err(bad_rune(text)),
                }
            }
        };
        return Ok(value);
    }
    let mut chars = body.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c as i64),
        _ => Err(bad_rune(text)),
    }
}

fn bad_rune(text: &str) -> String {
    format!("malformed rune literal {text}")
}

/// Resolves Go escape sequences into bytes.
fn unescape(body: &str, quote: char) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c != '\\' {
            let mut buffer = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            continue;
        }
        let Some((at, escape)) = chars.next() else {
            return Err("unterminated escape sequence".to_string());
        };
        let simple = match escape {
            'a' => Some(7u8),
            'b' => Some(8),
            'f' => Some(12),
            'n' => Some(b'\n'),
            'r' => Some(b'\r'),
            't' => Some(b'\t'),
            'v' => Some(11),
            '\\' => Some(b'\\'),
            c if c == quote => Some(c as u8),
            _ => None,
        };
        if let Some(byte) = simple {
            out.push(byte);
            continue;
        }
        let (count, radix) = match escape {
            'x' => (2, 16),
            'u' => (4, 16),
            'U' => (8, 16),
            '0'..='7' => (3, 8),
            _ => return Err(format!("unknown escape sequence \\{escape}")),
        };
        let start = if radix == 8 { at } else { at + 1 };
        let digits = body
            .get(start..start + count)
            .ok_or_else(|| "short escape sequence".to_string())?;
        let value = u32::from_str_radix(digits, radix)
            .map_err(|_| format!("malformed escape sequence \\{escape}{digits}"))?;
        let skip = if radix == 8 { count - 1 } else { count };
        for _ in 0..skip {
            chars.next();
        }
        match escape {
            'u' | 'U' => {
                let c = char::from_u32(value).ok_or_else(|| {
                    format!("escape sequence is invalid Unicode code point {value:#x}")
                })?;
                let mut buffer = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            }
            _ => {
                let byte =
                    u8::try_from(value).map_err(|_| format!("octal escape value {value} > 255"))?;
                out.push(byte);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(int_literal("42"), Some(BigInt::from(42)));
        assert_eq!(int_literal("0x2A"), Some(BigInt::from(42)));
        assert_eq!(int_literal("0o52"), Some(BigInt::from(42)));
        assert_eq!(int_literal("052"), Some(BigInt::from(42)));
        assert_eq!(int_literal("0b101010"), Some(BigInt::from(42)));
        assert_eq!(int_literal("1_000"), Some(BigInt::from(1000)));
        assert_eq!(int_literal("0"), Some(BigInt::from(0)));
        assert_eq!(
            int_literal("99999999999999999999"),
            "99999999999999999999".parse().ok()
        );
        assert_eq!(int_literal("0x"), None);
        assert_eq!(int_literal("09"), None);
    }

    #[test]
    fn strings_and_runes() {
        assert_eq!(
            string_literal(r#""a\tb\n\x41\101\u00e9""#).unwrap(),
            "a\tb\nAAé"
        );
        assert_eq!(string_literal("`a\\n`").unwrap(), "a\\n");
        assert_eq!(rune_literal("'a'"), Ok(97));
        assert_eq!(rune_literal(r"'\n'"), Ok(10));
        assert_eq!(rune_literal(r"'\''"), Ok(39));
        assert_eq!(rune_literal(r"'\x41'"), Ok(65));
        assert_eq!(rune_literal(r"'\u00e9'"), Ok(0xe9));
        assert_eq!(rune_literal("'é'"), Ok(0xe9));
    }
}
