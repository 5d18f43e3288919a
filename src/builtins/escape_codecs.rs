//! The 'unicode_escape' and 'raw_unicode_escape' codecs: text as Latin-1
//! bytes with backslash escapes (Python's string-literal escapes for the
//! first, only `\uXXXX` and `\UXXXXXXXX` for the raw one), with CPython's
//! error reasons.

use super::codecs::{decode_error, Codec};
use crate::eval::Vm;
use crate::runtime::object::PyResult;

/// `s.encode('unicode_escape')`: printable ASCII as itself, the rest escaped.
pub fn encode_unicode_escape(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(c as u8),
            _ => out.extend_from_slice(super::codecs::char_escape(c).as_bytes()),
        }
    }
    out
}

/// `s.encode('raw_unicode_escape')`: Latin-1, with `\u`/`\U` beyond it.
pub fn encode_raw_unicode_escape(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x100 {
            out.push(n as u8);
        } else {
            out.extend_from_slice(super::codecs::char_escape(c).as_bytes());
        }
    }
    out
}

/// The value of `len` hex digits at `data[at..]`, if they are all there.
fn hex_value(data: &[u8], at: usize, len: usize) -> Option<u32> {
    let digits = data.get(at..at + len)?;
    let text = std::str::from_utf8(digits).ok()?;
    if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(text, 16).ok()
}

/// Decodes `\xXX`, `\uXXXX` or `\UXXXXXXXX` at `data[i]` (the backslash):
/// the character and the index after it, or the error's end and reason.
fn hex_escape(data: &[u8], i: usize, len: usize) -> Result<(char, usize), (usize, &'static str)> {
    let kind = match len {
        2 => "truncated \\xXX escape",
        4 => "truncated \\uXXXX escape",
        _ => "truncated \\UXXXXXXXX escape",
    };
    let digits = data[i + 2..].iter().take(len).take_while(|b| b.is_ascii_hexdigit()).count();
    match hex_value(data, i + 2, len) {
        Some(n) => match char::from_u32(n) {
            Some(c) => Ok((c, i + 2 + len)),
            None => Err((i + 2 + len, "illegal Unicode character")),
        },
        None => Err((i + 2 + digits, kind)),
    }
}

/// `b.decode('unicode_escape')`.
pub fn decode_unicode_escape(vm: &Vm, data: &[u8], errors: &str) -> PyResult<String> {
    let codec = Codec::UnicodeEscape;
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as char);
            i += 1;
            continue;
        }
        let Some(&next) = data.get(i + 1) else {
            decode_error(vm, &mut out, data, codec, errors, i, data.len(), "\\ at end of string")?;
            break;
        };
        let simple = match next {
            b'\n' => Some(None),
            b'\\' => Some(Some('\\')),
            b'\'' => Some(Some('\'')),
            b'"' => Some(Some('"')),
            b'a' => Some(Some('\x07')),
            b'b' => Some(Some('\x08')),
            b'f' => Some(Some('\x0c')),
            b'n' => Some(Some('\n')),
            b'r' => Some(Some('\r')),
            b't' => Some(Some('\t')),
            b'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(c) = simple {
            out.extend(c);
            i += 2;
            continue;
        }
        match next {
            b'0'..=b'7' => {
                let digits = data[i + 1..].iter().take(3).take_while(|b| (b'0'..=b'7').contains(b)).count();
                let n = data[i + 1..i + 1 + digits].iter().fold(0u32, |n, d| n * 8 + (d - b'0') as u32);
                out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                i += 1 + digits;
            }
            b'x' | b'u' | b'U' => {
                let len = match next {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                match hex_escape(data, i, len) {
                    Ok((c, end)) => {
                        out.push(c);
                        i = end;
                    }
                    Err((end, reason)) => {
                        decode_error(vm, &mut out, data, codec, errors, i, end, reason)?;
                        i = end;
                    }
                }
            }
            b'N' => {
                let name_end = if data.get(i + 2) == Some(&b'{') { data[i + 3..].iter().position(|&b| b == b'}') } else { None };
                let found = name_end.and_then(|n| {
                    let name = std::str::from_utf8(&data[i + 3..i + 3 + n]).ok()?;
                    crate::syntax::literal::character_named(name).map(|c| (c, i + 4 + n))
                });
                match found {
                    Some((c, end)) => {
                        out.push(c);
                        i = end;
                    }
                    None => {
                        let (end, reason) = match name_end {
                            Some(n) => (i + 4 + n, "unknown Unicode character name"),
                            None => (data.len().min(i + 2), "malformed \\N character escape"),
                        };
                        decode_error(vm, &mut out, data, codec, errors, i, end, reason)?;
                        i = end;
                    }
                }
            }
            // An unknown escape keeps its backslash.
            _ => {
                out.push('\\');
                i += 1;
            }
        }
    }
    Ok(out)
}

/// `b.decode('raw_unicode_escape')`: only `\u`/`\U` after an odd run of
/// backslashes are escapes.
pub fn decode_raw_unicode_escape(vm: &Vm, data: &[u8], errors: &str) -> PyResult<String> {
    let codec = Codec::RawUnicodeEscape;
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    let mut backslashes = 0;
    while i < data.len() {
        let b = data[i];
        if backslashes % 2 == 1 && (b == b'u' || b == b'U') {
            out.pop();
            let len = if b == b'u' { 4 } else { 8 };
            match hex_escape(data, i - 1, len) {
                Ok((c, end)) => {
                    out.push(c);
                    i = end;
                }
                Err((end, reason)) => {
                    decode_error(vm, &mut out, data, codec, errors, i - 1, end, reason)?;
                    i = end;
                }
            }
            backslashes = 0;
            continue;
        }
        backslashes = if b == b'\\' { backslashes + 1 } else { 0 };
        out.push(b as char);
        i += 1;
    }
    Ok(out)
}
