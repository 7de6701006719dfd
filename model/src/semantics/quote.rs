//! Quoting for fmt's `%q` and `%#v`, after Go 1.23's strconv/quote.go (`Quote`, `QuoteToASCII`,
//! `QuoteRune`, `appendEscapedRune`, `CanBackquote`, `IsPrint`) and fmt/format.go's `fmtQ`:
//! Go's escapes (`\x01`, `\u00ad`), not Rust's.

use super::format::Spec;

/// fmtQ: a string quoted by `%q`: backquoted under `#` where it can be (strconv.CanBackquote),
/// with non-ASCII runes escaped under `+`.
pub(super) fn quote_with(s: &str, spec: &Spec) -> String {
    if spec.sharp && !s.contains('`') && s.chars().all(|c| c == '\t' || !c.is_control()) {
        return format!("`{s}`");
    }
    quote(s, spec.plus)
}

/// strconv.Quote (QuoteToASCII when `ascii`): Go's escapes, `\x01`, `\u00ad`, not Rust's.
pub(super) fn quote(s: &str, ascii: bool) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        escape_rune(&mut out, c, '"', ascii);
    }
    out.push('"');
    out
}

/// strconv.QuoteRune (QuoteRuneToASCII when `ascii`).
pub(super) fn quote_rune(c: char, ascii: bool) -> String {
    let mut out = String::from("'");
    escape_rune(&mut out, c, '\'', ascii);
    out.push('\'');
    out
}

/// strconv's appendEscapedRune.
fn escape_rune(out: &mut String, c: char, quote: char, ascii: bool) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if (ascii && c.is_ascii() && is_print(c)) || (!ascii && is_print(c)) {
        out.push(c);
        return;
    }
    match c {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    }
}

/// strconv.IsPrint, approximately: letters, marks, numbers, punctuation, symbols and the ASCII
/// space. Control characters, other spaces and the common format characters are not.
pub(super) fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{e000}'..='\u{f8ff}'))
}
