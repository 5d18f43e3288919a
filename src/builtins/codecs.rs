//! The codecs behind `str.encode`, `bytes.decode`, `str(b, enc)` and
//! `bytes(s, enc)`: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with the
//! error handlers strict, ignore, replace, backslashreplace and
//! xmlcharrefreplace, and CPython's messages.

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Cp1252,
    Utf16(Endian),
    Utf32(Endian),
    /// UTF-8 behind a byte order mark (written, and skipped when read).
    Utf8Sig,
    UnicodeEscape,
    RawUnicodeEscape,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Endian {
    /// With a byte order mark (little endian when encoding).
    Bom,
    Le,
    Be,
}

/// Windows-1252's bytes 0x80..0xa0 (0: undefined).
const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018,
    0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

fn cp1252_encode(c: char) -> Option<u8> {
    let n = c as u32;
    if n < 0x80 || (0xa0..0x100).contains(&n) {
        return Some(n as u8);
    }
    CP1252_HIGH.iter().position(|&u| u != 0 && u as u32 == n).map(|i| 0x80 + i as u8)
}

impl Codec {
    /// The name CPython puts in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Cp1252 => "charmap",
            Codec::Utf16(Endian::Bom) => "utf-16",
            Codec::Utf16(Endian::Le) => "utf-16-le",
            Codec::Utf16(Endian::Be) => "utf-16-be",
            Codec::Utf32(Endian::Bom) => "utf-32",
            Codec::Utf32(Endian::Le) => "utf-32-le",
            Codec::Utf32(Endian::Be) => "utf-32-be",
            Codec::Utf8Sig => "utf-8",
            Codec::UnicodeEscape => "unicodeescape",
            Codec::RawUnicodeEscape => "rawunicodeescape",
        }
    }
}

/// Looks up an encoding by name, as `codecs.lookup` normalises it.
pub fn lookup(vm: &Vm, name: &str) -> PyResult<Codec> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() })
        .collect();
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" | "cp367" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
        "cp1252" | "windows_1252" | "1252" => Codec::Cp1252,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(Endian::Bom),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Endian::Le),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Endian::Be),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(Endian::Bom),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Endian::Le),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Endian::Be),
        "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
        "unicode_escape" => Codec::UnicodeEscape,
        "raw_unicode_escape" => Codec::RawUnicodeEscape,
        _ => return Err(vm.new_error("LookupError", format!("unknown encoding: {name}"))),
    })
}

/// The `encoding` / `errors` arguments: must be str when given.
pub fn str_arg(vm: &Vm, v: Option<&Value>, fname: &str, argname: &str, pos: usize) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => Err(vm.type_error(format!(
                "{fname}() argument {} must be str, not {}",
                if argname.is_empty() { pos.to_string() } else { format!("'{argname}'") },
                vm.type_name(v).as_str()
            ))),
        },
    }
}

pub(crate) fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

#[allow(clippy::too_many_arguments)]
/// The error with CPython's five arguments; its `__str__` words the message.
fn unicode_error(vm: &Vm, name: &str, encoding: &str, object: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let args = vec![Value::str(encoding), object, Value::Int(start as i64), Value::Int(end as i64), Value::str(reason)];
    PyErr(vm.exc_instance(&vm.types.exc(name), args))
}

fn unknown_handler(vm: &Vm, errors: &str) -> PyErr {
    vm.new_error("LookupError", format!("unknown error handler name '{errors}'"))
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &Vm, s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => return Ok([&b"\xef\xbb\xbf"[..], s.as_bytes()].concat()),
        Codec::UnicodeEscape => return Ok(super::escape_codecs::encode_unicode_escape(s)),
        Codec::RawUnicodeEscape => return Ok(super::escape_codecs::encode_raw_unicode_escape(s)),
        Codec::Utf16(e) => {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let be = e == Endian::Be;
            let mut push = |u: u16| {
                if be {
                    out.extend_from_slice(&u.to_be_bytes())
                } else {
                    out.extend_from_slice(&u.to_le_bytes())
                }
            };
            if e == Endian::Bom {
                push(0xfeff);
            }
            for u in s.encode_utf16() {
                push(u);
            }
            return Ok(out);
        }
        Codec::Utf32(e) => {
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let be = e == Endian::Be;
            let mut push = |u: u32| {
                if be {
                    out.extend_from_slice(&u.to_be_bytes())
                } else {
                    out.extend_from_slice(&u.to_le_bytes())
                }
            };
            if e == Endian::Bom {
                push(0xfeff);
            }
            for c in s.chars() {
                push(c as u32);
            }
            return Ok(out);
        }
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        Codec::Cp1252 => 0,
    };
    let enc = |c: char| -> Option<u8> {
        if codec == Codec::Cp1252 {
            cp1252_encode(c)
        } else if (c as u32) < limit {
            Some(c as u32 as u8)
        } else {
            None
        }
    };
    let reason = if codec == Codec::Cp1252 { "character maps to <undefined>".to_string() } else { format!("ordinal not in range({limit})") };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(b) = enc(c) {
            out.push(b);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < chars.len() && enc(chars[end]).is_none() {
            end += 1;
        }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return Err(unicode_error(
                    vm,
                    "UnicodeEncodeError",
                    codec.name(),
                    Value::str(s),
                    start,
                    end,
                    &reason,
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - start)),
            "backslashreplace" => {
                for &c in &chars[start..end] {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[start..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `b.decode(encoding, errors)`.
pub fn decode(vm: &Vm, data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    match codec {
        Codec::Utf8Sig => decode(vm, data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data), Codec::Utf8, errors),
        Codec::UnicodeEscape => super::escape_codecs::decode_unicode_escape(vm, data, errors),
        Codec::RawUnicodeEscape => super::escape_codecs::decode_raw_unicode_escape(vm, data, errors),
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Cp1252 => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                let u = if (0x80..0xa0).contains(&b) { CP1252_HIGH[(b - 0x80) as usize] as u32 } else { b as u32 };
                match char::from_u32(u).filter(|_| u != 0 || b == 0) {
                    Some(c) => out.push(c),
                    None => decode_error(vm, &mut out, data, codec, errors, i, i + 1, "character maps to <undefined>")?,
                }
            }
            Ok(out)
        }
        Codec::Ascii => {
            if data.is_ascii() {
                // SAFETY-free: ASCII is valid UTF-8.
                return Ok(String::from_utf8_lossy(data).into_owned());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_error(vm, &mut out, data, codec, errors, i, i + 1, "ordinal not in range(128)")?;
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut rest = data;
            let mut pos = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let bad = rest[good];
                        let (len, reason) = match e.error_len() {
                            Some(n) => {
                                let invalid_start = matches!(bad, 0x80..=0xc1 | 0xf5..=0xff);
                                (n, if invalid_start { "invalid start byte" } else { "invalid continuation byte" })
                            }
                            None => (rest.len() - good, "unexpected end of data"),
                        };
                        let start = pos + good;
                        decode_error(vm, &mut out, data, codec, errors, start, start + len, reason)?;
                        rest = &rest[good + len..];
                        pos = start + len;
                    }
                }
            }
        }
        Codec::Utf16(e) => {
            let mut be = e == Endian::Be;
            let mut start = 0;
            if e == Endian::Bom && data.len() >= 2 {
                if data[0] == 0xff && data[1] == 0xfe {
                    start = 2;
                } else if data[0] == 0xfe && data[1] == 0xff {
                    start = 2;
                    be = true;
                }
            }
            let codec = Codec::Utf16(if be { Endian::Be } else { Endian::Le });
            let mut out = String::new();
            let mut i = start;
            while i < data.len() {
                if i + 1 >= data.len() {
                    decode_error(vm, &mut out, data, codec, errors, i, data.len(), "truncated data")?;
                    break;
                }
                let unit = |j: usize| if be { u16::from_be_bytes([data[j], data[j + 1]]) } else { u16::from_le_bytes([data[j], data[j + 1]]) };
                let u = unit(i);
                if (0xd800..0xdc00).contains(&u) {
                    if i + 3 >= data.len() {
                        decode_error(vm, &mut out, data, codec, errors, i, data.len(), "unexpected end of data")?;
                        break;
                    }
                    let u2 = unit(i + 2);
                    if (0xdc00..0xe000).contains(&u2) {
                        let c = 0x10000 + (((u as u32) - 0xd800) << 10) + ((u2 as u32) - 0xdc00);
                        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                        i += 4;
                    } else {
                        decode_error(vm, &mut out, data, codec, errors, i, i + 2, "illegal UTF-16 surrogate")?;
                        i += 2;
                    }
                } else if (0xdc00..0xe000).contains(&u) {
                    decode_error(vm, &mut out, data, codec, errors, i, i + 2, "illegal encoding")?;
                    i += 2;
                } else {
                    out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
                    i += 2;
                }
            }
            Ok(out)
        }
        Codec::Utf32(e) => {
            let mut be = e == Endian::Be;
            let mut start = 0;
            if e == Endian::Bom && data.len() >= 4 {
                if data[..4] == [0xff, 0xfe, 0, 0] {
                    start = 4;
                } else if data[..4] == [0, 0, 0xfe, 0xff] {
                    start = 4;
                    be = true;
                }
            }
            let codec = Codec::Utf32(if be { Endian::Be } else { Endian::Le });
            let mut out = String::new();
            let mut i = start;
            while i < data.len() {
                if i + 3 >= data.len() {
                    decode_error(vm, &mut out, data, codec, errors, i, data.len(), "truncated data")?;
                    break;
                }
                let b = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                let u = if be { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
                match char::from_u32(u) {
                    Some(c) => out.push(c),
                    None => decode_error(vm, &mut out, data, codec, errors, i, i + 4, "code point not in range(0x110000)")?,
                }
                i += 4;
            }
            Ok(out)
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn decode_error(vm: &Vm, out: &mut String, data: &[u8], codec: Codec, errors: &str, start: usize, end: usize, reason: &str) -> PyResult<()> {
    match errors {
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        "strict" | "surrogateescape" | "surrogatepass" | "xmlcharrefreplace" => {
            let obj = Value::Bytes(Rc::new(Bytes { data: data.into() }));
            Err(unicode_error(
                vm,
                "UnicodeDecodeError",
                codec.name(),
                obj,
                start,
                end,
                reason,
            ))
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}
