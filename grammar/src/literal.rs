//! Decoding of literal token text: string prefixes and escapes, and numbers.
//!
//! The lexer hands out literal text untouched; the parser's actions call these
//! when they build `Constant`s. Escapes follow CPython 3.11 exactly: unknown
//! escapes keep their backslash (CPython only warns), `\N{NAME}` looks the name
//! up in the Unicode database, and newlines inside literals are universal
//! (`\r\n` and `\r` read as `\n`, as CPython's tokenizer translates them).

use crate::ast::{Constant, Span};
use crate::error::SyntaxError;
use crate::pystr::PyStrBuf;
use num_bigint::BigInt;

/// The prefix letters of a string literal, in any case and order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrPrefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    pub unicode: bool,
}

/// A string literal taken apart: prefix, body between the quotes, and where the body starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StringParts<'a> {
    pub prefix: StrPrefix,
    pub body: &'a str,
    /// Absolute source offset of `body`.
    pub body_start: usize,
    pub triple: bool,
}

/// Splits the text of one `Tok::String` (found at offset `start`) into its parts.
pub fn split_string(text: &str, start: usize) -> StringParts<'_> {
    let quote_at = text.find(['\'', '"']).unwrap_or(0);
    let mut prefix = StrPrefix::default();
    for c in text[..quote_at].chars() {
        match c.to_ascii_lowercase() {
            'r' => prefix.raw = true,
            'b' => prefix.bytes = true,
            'f' => prefix.fstring = true,
            _ => prefix.unicode = true,
        }
    }
    let after_prefix = &text[quote_at..];
    let quote_len = if after_prefix.len() >= 6
        && (after_prefix.starts_with("'''") || after_prefix.starts_with("\"\"\""))
    {
        3
    } else {
        1
    };
    let body = text.get(quote_at + quote_len..text.len().saturating_sub(quote_len)).unwrap_or("");
    StringParts { prefix, body, body_start: start + quote_at + quote_len, triple: quote_len == 3 }
}

/// The character a `\N{...}` escape names (loosely matched, as Python
/// does), if any. No name starts with a hyphen, and `unicode_names2`
/// subtracts past the start of such a name (a panic where overflow is
/// checked), so those are refused here.
pub fn character_named(name: &str) -> Option<char> {
    if name.starts_with('-') {
        return None;
    }
    unicode_names2::character(name)
}

/// Decodes a `str` literal's body onto `out`: escapes unless `raw`, universal
/// newlines always.
pub fn decode_str(body: &str, raw: bool, body_start: usize, out: &mut PyStrBuf) -> Result<(), SyntaxError> {
    if raw || !body.contains('\\') {
        out.push_str(&universal_newlines(body));
        return Ok(());
    }
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {}
            '\r' => {
                chars.next_if(|&(_, c)| c == '\n');
                out.push('\n');
                continue;
            }
            c => {
                out.push(c);
                continue;
            }
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                chars.next_if(|&(_, c)| c == '\n');
            }
            'x' | 'u' | 'U' => {
                let (digits, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let mut value = 0u32;
                for n in 0..digits {
                    match chars.next_if(|&(_, c)| c.is_ascii_hexdigit()) {
                        Some((_, h)) => value = value * 16 + h.to_digit(16).unwrap_or(0),
                        None => {
                            return Err(unicode_error(body_start, i, i + 1 + n, &format!("truncated {name} escape")))
                        }
                    }
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if (0xD800..0xE000).contains(&value) => out.push_surrogate(value),
                    None => {
                        return Err(unicode_error(body_start, i, i + 1 + digits, "illegal Unicode character"))
                    }
                }
            }
            'N' => {
                let named = match chars.peek() {
                    Some(&(open, '{')) => body[open + 1..].find('}').map(|len| (open + 1, open + 1 + len)),
                    _ => None,
                };
                let Some((name_start, name_end)) = named else {
                    return Err(unicode_error(body_start, i, i + 1, "malformed \\N character escape"));
                };
                match character_named(&body[name_start..name_end]) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(body_start, i, name_end, "unknown Unicode character name"))
                    }
                }
                while chars.next_if(|&(at, _)| at <= name_end).is_some() {}
            }
            // At most 0o777, so always a valid char.
            '0'..='7' => out.push(char::from_u32(octal_escape(e, &mut chars)).unwrap_or('\0')),
            other => match simple_escape(other) {
                Some(ch) => out.push(ch),
                None => {
                    out.push('\\');
                    out.push(other);
                }
            },
        }
    }
    Ok(())
}

/// Decodes a `bytes` literal's body. Only ASCII characters may appear in it.
pub fn decode_bytes(body: &str, raw: bool, body_start: usize) -> Result<Vec<u8>, SyntaxError> {
    if let Some(at) = body.find(|c: char| !c.is_ascii()) {
        return Err(SyntaxError::syntax(
            "bytes can only contain ASCII literal characters",
            Span::new(body_start + at, body_start + at + 1),
        ));
    }
    let text = universal_newlines(body);
    if raw || !text.contains('\\') {
        return Ok(text.into_bytes());
    }
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c as u8);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push(b'\\');
            break;
        };
        match e {
            '\n' => {}
            'x' => {
                let mut value = 0u32;
                for n in 0..2 {
                    match chars.next_if(|&(_, c)| c.is_ascii_hexdigit()) {
                        Some((_, h)) => value = value * 16 + h.to_digit(16).unwrap_or(0),
                        None => {
                            return Err(SyntaxError::syntax(
                                format!("(value error) invalid \\x escape at position {i}"),
                                Span::new(body_start + i, body_start + i + 2 + n),
                            ))
                        }
                    }
                }
                out.push(value as u8);
            }
            '0'..='7' => out.push((octal_escape(e, &mut chars) & 0xFF) as u8),
            other => match simple_escape(other) {
                Some(ch) => out.push(ch as u8),
                None => {
                    out.push(b'\\');
                    out.push(other as u8);
                }
            },
        }
    }
    Ok(out)
}

fn simple_escape(c: char) -> Option<char> {
    Some(match c {
        '\\' => '\\',
        '\'' => '\'',
        '"' => '"',
        'a' => '\x07',
        'b' => '\x08',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\x0b',
        _ => return None,
    })
}

/// Up to three octal digits, the first already consumed.
fn octal_escape(first: char, chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> u32 {
    let mut value = first.to_digit(8).unwrap_or(0);
    for _ in 0..2 {
        match chars.next_if(|&(_, c)| ('0'..='7').contains(&c)) {
            Some((_, d)) => value = value * 8 + d.to_digit(8).unwrap_or(0),
            None => break,
        }
    }
    value
}

fn universal_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

#[cold]
fn unicode_error(body_start: usize, from: usize, to: usize, reason: &str) -> SyntaxError {
    SyntaxError::syntax(
        format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {from}-{to}: {reason}"),
        Span::new(body_start + from, body_start + to + 1),
    )
}

/// The value of an integer literal whose text the lexer validated.
pub fn parse_int(text: &str) -> Constant {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    let lower = digits.to_ascii_lowercase();
    let (radix, body) = match lower.get(..2) {
        Some("0x") => (16, &digits[2..]),
        Some("0o") => (8, &digits[2..]),
        Some("0b") => (2, &digits[2..]),
        _ => (10, &digits[..]),
    };
    match i64::from_str_radix(body, radix) {
        Ok(value) => Constant::Int(value),
        Err(_) => match BigInt::parse_bytes(body.as_bytes(), radix) {
            Some(value) => Constant::BigInt(Box::new(value)),
            None => Constant::Int(0),
        },
    }
}

/// The value of a float literal whose text the lexer validated; overflow gives inf.
pub fn parse_float(text: &str) -> f64 {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    digits.parse().unwrap_or(f64::NAN)
}

/// The imaginary part of an imaginary literal (`2.5j` gives 2.5).
pub fn parse_imag(text: &str) -> f64 {
    parse_float(text.get(..text.len().saturating_sub(1)).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystr::PyStr;

    fn decode(body: &str, raw: bool) -> Result<PyStr, SyntaxError> {
        let mut out = PyStrBuf::new();
        decode_str(body, raw, 0, &mut out)?;
        Ok(out.take())
    }

    fn s(body: &str) -> PyStr {
        decode(body, false).unwrap()
    }

    #[test]
    fn splits_prefix_quotes_and_body() {
        let parts = split_string("Rb'''x'''", 10);
        assert_eq!(parts.body, "x");
        assert_eq!(parts.body_start, 15);
        assert!(parts.prefix.raw && parts.prefix.bytes && parts.triple);
        let parts = split_string("''", 0);
        assert_eq!((parts.body, parts.triple), ("", false));
        let parts = split_string("u''''''", 0);
        assert_eq!((parts.body, parts.triple, parts.prefix.unicode), ("", true, true));
    }

    #[test]
    fn str_escapes() {
        assert_eq!(s(r"a\nb\t\\\'\x41\u00e9\U0001F600\101\0"), PyStr::from("a\nb\t\\'Aé😀A\0"));
        assert_eq!(s(r"\N{BULLET}\N{LATIN SMALL LETTER A}"), PyStr::from("•a"));
        assert_eq!(s("a\\\nb"), PyStr::from("ab"));
        assert_eq!(s(r"\d\w"), PyStr::from(r"\d\w"));
        assert_eq!(s("a\r\nb\rc"), PyStr::from("a\nb\nc"));
        assert_eq!(decode(r"\n", true).unwrap(), PyStr::from(r"\n"));
        let err = decode(r"ab\x4", false).unwrap_err();
        assert!(err.msg.ends_with("truncated \\xXX escape"), "{}", err.msg);
        assert!(decode(r"\N{NO SUCH NAME}", false).is_err());
        assert_eq!(s(r"a\ud800"), PyStr::CodePoints(vec![0x61, 0xD800].into_boxed_slice()));
        assert!(decode(r"\U00110000", false).is_err());
    }

    #[test]
    fn bytes_escapes() {
        assert_eq!(decode_bytes(r"a\x00\xff\n\777\u1234", false, 0).unwrap(), b"a\x00\xff\n\xff\\u1234");
        assert_eq!(decode_bytes(r"\x00", true, 0).unwrap(), br"\x00");
        let err = decode_bytes("é", false, 0).unwrap_err();
        assert_eq!(err.msg, "bytes can only contain ASCII literal characters");
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_int("1_000"), Constant::Int(1000));
        assert_eq!(parse_int("0xFF"), Constant::Int(255));
        assert_eq!(parse_int("0o17"), Constant::Int(15));
        assert_eq!(parse_int("0b101"), Constant::Int(5));
        assert_eq!(parse_int("00"), Constant::Int(0));
        assert_eq!(
            parse_int("123456789012345678901234567890"),
            Constant::BigInt(Box::new("123456789012345678901234567890".parse().unwrap()))
        );
        assert_eq!(parse_float("1.5e3"), 1500.0);
        assert_eq!(parse_float("1."), 1.0);
        assert_eq!(parse_float(".5"), 0.5);
        assert_eq!(parse_float("1e400"), f64::INFINITY);
        assert_eq!(parse_imag("2.5j"), 2.5);
        assert_eq!(parse_imag("1_0J"), 10.0);
    }
}
