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
    let encoding = coding_cookie(bytes);
    match encoding.as_deref().map(normalize_encoding_name) {
        None => decode_utf8(bytes, None),
        Some(name) if had_bom && name != "utf-8" => Err(SyntaxError::syntax(
            format!("encoding problem: {} with BOM", encoding.as_deref().unwrap_or("")),
            Span::default(),
        )),
        Some(name) if name == "utf-8" => decode_utf8(bytes, encoding.as_deref()),
        Some(name) if name == "latin-1" => Ok(bytes.iter().map(|&b| b as char).collect()),
        Some(name) if name == "ascii" => match bytes.iter().position(|b| !b.is_ascii()) {
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
            Some(at) => Err(SyntaxError::syntax(
                format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)", bytes[at]),
                Span::default(),
            )),
        },
        // Another ASCII-compatible codec CPython knows: ASCII text reads the
        // same in all of them; the rest needs its codec table, which tulip lacks.
        Some("ascii-compatible") if bytes.is_ascii() => Ok(bytes.iter().map(|&b| b as char).collect()),
        Some(_) => Err(SyntaxError::syntax(
            format!("unknown encoding: {}", encoding.as_deref().unwrap_or("")),
            Span::default(),
        )),
    }
}

fn decode_utf8(bytes: &[u8], declared: Option<&str>) -> Result<String, SyntaxError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => {
            let at = err.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            let msg = match declared {
                None => format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    bytes.get(at).copied().unwrap_or(0)
                ),
                Some(_) => format!(
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

/// Name prefixes of CPython's ASCII-compatible codecs (code pages, ISO 8859, KOI8, Mac, CJK).
const ASCII_COMPATIBLE_CODECS: [&str; 12] =
    ["cp", "windows-", "iso-8859-", "iso8859-", "latin", "koi8-", "mac-", "gb", "big5", "shift-jis", "euc-", "utf-8"];

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it recognises.
fn normalize_encoding_name(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    if lower == "utf-8" || lower.starts_with("utf-8-") || lower == "utf8" {
        "utf-8"
    } else if ["latin-1", "iso-8859-1", "iso-latin-1", "latin1", "l1", "iso8859-1", "8859", "cp819"]
        .iter()
        .any(|n| lower == *n || lower.starts_with(&format!("{n}-")))
    {
        "latin-1"
    } else if ["ascii", "us-ascii", "646"].contains(&lower.as_str()) {
        "ascii"
    } else if ASCII_COMPATIBLE_CODECS.iter().any(|prefix| lower.starts_with(prefix)) {
        "ascii-compatible"
    } else {
        "unsupported"
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
        assert_eq!(decode_source(b"# coding: cp1252\nx = 1\n").unwrap(), "# coding: cp1252\nx = 1\n");
        assert!(decode_source(b"# coding: cp1252\nx = '\x80'\n").is_err());
    }
}
