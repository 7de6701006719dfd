//! Strings as Go sees them (Go spec, "String types", "For statements with range clause" and
//! "Conversions to and from a string type"; runtime/string.go, runtime/utf8.go): decoding the
//! rune at a byte index for `range` over a string, and the conversions between strings, byte
//! slices and runes.
//!
//! Invariants: strings are immutable values (`Value::Str`) holding UTF-8 text (a byte slice
//! that is not UTF-8 cannot become one: a step error says so); a conversion to `[]byte` makes a
//! new backing array; an invalid code point converts to "\u{FFFD}", as Go's does.

use super::exec::{int, Exec};
use super::slice::{new_slice, slice_items};
use super::state::State;
use super::value::{Gid, Value};
use crate::program::Instr;

/// The rune starting at byte `index` of `text` and its width in bytes (runtime/utf8.go
/// `decoderune`: an invalid encoding is U+FFFD, width 1).
pub fn rune_at(text: &str, index: usize) -> (i64, usize) {
    let bytes = &text.as_bytes()[index..];
    let end = bytes.len().min(4);
    for width in 1..=end {
        if let Ok(piece) = std::str::from_utf8(&bytes[..width]) {
            if let Some(c) = piece.chars().next() {
                return (c as i64, width);
            }
        }
    }
    (0xFFFD, 1)
}

/// Executes a string instruction (`Executor::Strings`) of goroutine `g`.
pub fn exec(st: &mut State, g: Gid, instr: &Instr) -> Exec {
    match instr {
        Instr::RuneAt => {
            let goroutine = st.goroutine_mut(g);
            let index = int(&goroutine.pop()) as usize;
            let Value::Str(text) = goroutine.pop() else {
                unreachable!("internal error: range over a non-string");
            };
            let (rune, width) = rune_at(&text, index);
            goroutine.push(Value::Int(rune));
            goroutine.push(Value::Int(width as i64));
            Ok(())
        }
        Instr::RuneString => {
            let code = int(&st.goroutine_mut(g).pop());
            let c = u32::try_from(code)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            st.goroutine_mut(g)
                .push(Value::str(c.encode_utf8(&mut [0; 4])));
            Ok(())
        }
        Instr::BytesString => {
            let bytes = st.goroutine_mut(g).pop();
            let raw: Vec<u8> = slice_items(st, &bytes)
                .iter()
                .map(|b| int(b) as u8)
                .collect();
            match String::from_utf8(raw) {
                Ok(text) => {
                    st.goroutine_mut(g).push(Value::str(&text));
                    Ok(())
                }
                // Go's strings may hold any bytes; gomc's hold UTF-8 text.
                Err(_) => Err(super::exec::Trap::CheckerLimit(
                    "the model converts bytes that are not UTF-8 to a string; gomc's strings \
                     hold UTF-8 text only (a bound of the checker, not of Go)"
                        .to_string(),
                )),
            }
        }
        Instr::StringRunes => {
            // []rune(s): one rune per UTF-8 sequence (gomc's strings are valid UTF-8).
            let text = st.goroutine_mut(g).pop();
            let Value::Str(text) = text else {
                unreachable!("internal error: []rune of {text:?}")
            };
            let runes = text.chars().map(|c| Value::Int(c as i64)).collect();
            let slice = new_slice(st, runes);
            st.goroutine_mut(g).push(slice);
            Ok(())
        }
        Instr::RunesString => {
            // string(runes): an invalid rune becomes U+FFFD, as Go's encoding does.
            let runes = st.goroutine_mut(g).pop();
            let text: String = slice_items(st, &runes)
                .iter()
                .map(|r| {
                    u32::try_from(int(r))
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}')
                })
                .collect();
            super::limits::check_size("string", text.len()).map(|()| {
                st.goroutine_mut(g).push(Value::str(&text));
            })
        }
        Instr::StringBytes => {
            let text = st.goroutine_mut(g).pop();
            let items = slice_items(st, &text);
            let slice = new_slice(st, items);
            st.goroutine_mut(g).push(slice);
            Ok(())
        }
        other => unreachable!(
            "internal error: {other:?} is not a string instruction (routed by Instr::executor)"
        ),
    }
}
