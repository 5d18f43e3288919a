//! Turning a source file's bytes into text the way CPython does (PEP 263): a
//! UTF-8 BOM, or a `coding:` cookie on one of the first two lines, chooses the
//! encoding; without either the file must be UTF-8.

use crate::ast::Span;
use crate::error::SyntaxError;

/// Decodes source bytes; the error is CPython's SyntaxError for undecodable files.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    let (bytes, had_bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let Some(name) = coding_cookie(bytes) else {
        return decode_utf8(bytes, false);
    };
    match Codec::named(&name) {
        Codec::Utf8 => decode_utf8(bytes, true),
        _ if had_bom => Err(SyntaxError::syntax(format!("encoding problem: {name} with BOM"), Span::default())),
        Codec::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
        Codec::Ascii => match bytes.iter().position(|b| !b.is_ascii()) {
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
            Some(at) => Err(SyntaxError::syntax(
                format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)", bytes[at]),
                Span::default(),
            )),
        },
        Codec::Other => decode_legacy(bytes, &name),
    }
}

/// The other codecs a cookie may name (cp1252, koi8-r, iso-8859-15, shift_jis,
/// ...), through encoding_rs's tables.
fn decode_legacy(bytes: &[u8], name: &str) -> Result<String, SyntaxError> {
    let label = name.replace('_', "-");
    let Some(encoding) = encoding_rs::Encoding::for_label_no_replacement(label.as_bytes()) else {
        return Err(SyntaxError::syntax(format!("unknown encoding: {name}"), Span::default()));
    };
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => Err(SyntaxError::syntax(
            format!("(unicode error) '{}' codec can't decode the source", name.to_ascii_lowercase()),
            Span::default(),
        )),
    }
}

fn decode_utf8(bytes: &[u8], declared: bool) -> Result<String, SyntaxError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => {
            let at = err.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            let msg = match declared {
                false => format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    bytes.get(at).copied().unwrap_or(0)
                ),
                true => format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {at}: invalid start byte",
                    bytes.get(at).copied().unwrap_or(0)
                ),
            };
            Err(SyntaxError::syntax(msg, Span::new(at, at)))
        }
    }
}

/// The encoding named by a `coding[:=]` comment on line 1, or on line 2 when
/// line 1 is blank or a comment.
fn coding_cookie(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = cookie_in_line(first) {
        return Some(name);
    }
    let first_trimmed: Vec<u8> = first.iter().copied().skip_while(|b| b" \t\x0c\r".contains(b)).collect();
    if first_trimmed.is_empty() || first_trimmed.starts_with(b"#") {
        return lines.next().and_then(cookie_in_line);
    }
    None
}

fn cookie_in_line(line: &[u8]) -> Option<String> {
    let line = std::str::from_utf8(line).ok()?;
    let comment = line.trim_start_matches([' ', '\t', '\x0c']).strip_prefix('#')?;
    let at = comment.find("coding")?;
    let rest = comment[at + "coding".len()..].strip_prefix([':', '='])?;
    let name: String = rest
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The codecs tulip decodes itself; the rest go to encoding_rs.
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    Other,
}

impl Codec {
    /// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it recognises.
    fn named(name: &str) -> Codec {
        let lower = name.to_ascii_lowercase().replace('_', "-");
        if lower == "utf-8" || lower.starts_with("utf-8-") || lower == "utf8" {
            Codec::Utf8
        } else if ["latin-1", "iso-8859-1", "iso-latin-1", "latin1", "l1", "iso8859-1", "8859", "cp819"]
            .iter()
            .any(|n| lower == *n || lower.starts_with(&format!("{n}-")))
        {
            Codec::Latin1
        } else if ["ascii", "us-ascii", "646"].contains(&lower.as_str()) {
            Codec::Ascii
        } else {
            Codec::Other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_by_default_and_with_bom() {
        assert_eq!(decode_source("x = 'é'\n".as_bytes()).unwrap(), "x = 'é'\n");
        assert_eq!(decode_source(b"\xEF\xBB\xBFx = 1\n").unwrap(), "x = 1\n");
        let err = decode_source(b"x = '\xff'\n").unwrap_err();
        assert!(err.msg.starts_with("Non-UTF-8 code starting with '\\xff'"), "{}", err.msg);
    }

    #[test]
    fn coding_cookie_on_line_one_or_two() {
        assert_eq!(decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap(), "# -*- coding: latin-1 -*-\nx = 'é'\n");
        assert_eq!(decode_source(b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n'\xe9'").unwrap().chars().last(), Some('\''));
        assert!(decode_source(b"x = 1\n# coding: latin-1\n'\xe9'").is_err());
        assert!(decode_source(b"# coding: klingon\n").unwrap_err().msg.starts_with("unknown encoding"));
        assert_eq!(decode_source(b"# coding: cp1252\nx = '\x80'\n").unwrap(), "# coding: cp1252\nx = '\u{20ac}'\n");
        assert_eq!(decode_source(b"# coding=koi8_r\n'\xc1'").unwrap(), "# coding=koi8_r\n'\u{430}'");
    }
}
