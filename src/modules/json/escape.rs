//! JSON string literals as `json.dumps` writes them.

/// Appends the JSON literal of `s`, quotes included, to `out`.
///
/// With `ascii` (`ensure_ascii=True`) everything outside `' '..='~'` is
/// escaped, characters beyond the BMP as a `\uXXXX\uXXXX` surrogate pair;
/// otherwise only the quote, the backslash and the C0 controls are.
pub fn write_string(out: &mut String, s: &str, ascii: bool) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    // Runs of characters that need no escape are copied whole.
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let plain = b >= 0x20 && b != b'"' && b != b'\\' && if ascii { b < 0x7f } else { true };
        if plain {
            i += 1;
            continue;
        }
        out.push_str(&s[run_start..i]);
        if b < 0x80 {
            write_ascii_escape(out, b);
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            write_code_point_escape(out, c as u32);
            i += c.len_utf8();
        }
        run_start = i;
    }
    out.push_str(&s[run_start..]);
    out.push('"');
}

fn write_ascii_escape(out: &mut String, b: u8) {
    match b {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        _ => write_u_escape(out, b as u32),
    }
}

/// A non-ASCII character as `\uXXXX`, or a surrogate pair beyond the BMP.
fn write_code_point_escape(out: &mut String, c: u32) {
    if c < 0x10000 {
        write_u_escape(out, c);
    } else {
        let v = c - 0x10000;
        write_u_escape(out, 0xd800 | (v >> 10));
        write_u_escape(out, 0xdc00 | (v & 0x3ff));
    }
}

fn write_u_escape(out: &mut String, unit: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((unit >> shift) & 0xf) as usize] as char);
    }
}
