//! Python's `repr()` of literal values, character for character as CPython 3.11
//! prints them: floats, complex numbers, ints, `str` and `bytes`.
//!
//! `ast.dump` shows constants through `repr`, so the dump printer needs these;
//! the interpreter reuses them for the same builtins later. Floats use the
//! shortest digits that round-trip (Rust's `{:e}` gives exactly those), laid out
//! by CPython's `repr` rules. `str` escaping follows `str.isprintable` with
//! CPython 3.11's Unicode 14.0 data, which differs from the newer tables of
//! `unicode-general-category` only by the characters assigned since.

use crate::pystr::PyStr;
use num_bigint::BigInt;
use unicode_general_category::{get_general_category, GeneralCategory};

/// The repr of a Python `int` that fits in an i64.
pub fn int_repr(value: i64) -> String {
    value.to_string()
}

/// The repr of a Python `int` of any size.
pub fn bigint_repr(value: &BigInt) -> String {
    value.to_string()
}

/// `repr(float)`: `1.0`, `0.0001`, `1e-05`, `1e+16`, `inf`, `nan`, `-0.0`.
pub fn float_repr(value: f64) -> String {
    format_shortest(
        value,
        FloatStyle {
            force_point_zero: true,
            force_sign: false,
        },
    )
}

/// `repr(complex(real, imag))`: `1j`, `-0j`, `(1+2j)`, `(nan+nanj)`.
///
/// A real part of +0.0 is left out together with the parentheses; the parts
/// use repr digits without the `.0` that a float repr would add.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let bare = FloatStyle {
        force_point_zero: false,
        force_sign: false,
    };
    if real == 0.0 && real.is_sign_positive() {
        return format!("{}j", format_shortest(imag, bare));
    }
    let signed = FloatStyle {
        force_point_zero: false,
        force_sign: true,
    };
    format!(
        "({}{}j)",
        format_shortest(real, bare),
        format_shortest(imag, signed)
    )
}

/// The layout options CPython's `PyOS_double_to_string(x, 'r', 0, flags)` takes.
#[derive(Clone, Copy)]
struct FloatStyle {
    /// `Py_DTSF_ADD_DOT_0`: write `1.0` rather than `1` (never in exponent form).
    force_point_zero: bool,
    /// `Py_DTSF_SIGN`: write `+` before non-negative numbers (and before nan).
    force_sign: bool,
}

fn format_shortest(value: f64, style: FloatStyle) -> String {
    let mut out = String::new();
    if value.is_nan() {
        // CPython never writes a sign for a NaN other than the forced `+`.
        if style.force_sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if value.is_sign_negative() {
        out.push('-');
    } else if style.force_sign {
        out.push('+');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, exponent) = shortest_digits(value.abs());
    if !(-4..16).contains(&exponent) {
        push_exponent_form(&mut out, &digits, exponent);
    } else {
        push_positional_form(&mut out, &digits, exponent, style.force_point_zero);
    }
    out
}

/// The shortest round-trip significant digits of a finite, non-negative value
/// and the decimal exponent of the first one: 0.00123 is ("123", -3).
fn shortest_digits(value: f64) -> (String, i32) {
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exponent.parse().unwrap_or(0))
}

/// `d[.ddd]e±XX`, the exponent with at least two digits.
fn push_exponent_form(out: &mut String, digits: &str, exponent: i32) {
    let (first, rest) = digits.split_at(1);
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    out.push('e');
    out.push(if exponent < 0 { '-' } else { '+' });
    out.push_str(&format!("{:02}", exponent.unsigned_abs()));
}

/// Plain decimal notation: `0.000123`, `123.45`, `1200` (or `1200.0`).
fn push_positional_form(out: &mut String, digits: &str, exponent: i32, force_point_zero: bool) {
    let integer_len = exponent + 1;
    if integer_len <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n(
            '0',
            integer_len.unsigned_abs() as usize,
        ));
        out.push_str(digits);
        return;
    }
    let integer_len = integer_len as usize;
    if integer_len >= digits.len() {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', integer_len - digits.len()));
        if force_point_zero {
            out.push_str(".0");
        }
    } else {
        let (integer, fraction) = digits.split_at(integer_len);
        out.push_str(integer);
        out.push('.');
        out.push_str(fraction);
    }
}

/// `repr(str)`: single quotes unless the text has `'` and no `"`; `\\`, the
/// quote, `\t`, `\n`, `\r` escaped; other non-printable characters as `\xNN`,
/// `\uNNNN` or `\UNNNNNNNN`.
pub fn str_repr(text: &str) -> String {
    code_points_repr(text.chars().map(u32::from))
}

/// `repr(str)` of a string that may hold lone surrogates (they print as `\udXXX`).
pub fn py_str_repr(text: &PyStr) -> String {
    code_points_repr(text.code_points())
}

fn code_points_repr(points: impl Iterator<Item = u32> + Clone) -> String {
    let quote = choose_quote(
        points.clone().any(|p| p == u32::from('\'')),
        points.clone().any(|p| p == u32::from('"')),
    );
    let mut out = String::new();
    out.push(quote);
    for point in points {
        let Some(c) = char::from_u32(point) else {
            out.push_str(&format!("\\u{point:04x}"));
            continue;
        };
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => push_char_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`: `b'...'` with the quote rule of `str`, `\t`, `\n`, `\r`,
/// `\\` escaped and every byte outside `0x20..0x7f` as `\xNN`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in bytes {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(byte)),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote);
    out
}

fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_char_escape(out: &mut String, c: char) {
    let code = u32::from(c);
    let escaped = if code <= 0xff {
        format!("\\x{code:02x}")
    } else if code <= 0xffff {
        format!("\\u{code:04x}")
    } else {
        format!("\\U{code:08x}")
    };
    out.push_str(&escaped);
}

/// CPython's `str.isprintable` for one character (Unicode 14.0): false for the
/// categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs except the ASCII space.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    let printable_category = !matches!(
        get_general_category(c),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::Surrogate
            | GeneralCategory::PrivateUse
            | GeneralCategory::Unassigned
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
            | GeneralCategory::SpaceSeparator
    );
    printable_category && !assigned_after_unicode_14(c)
}

/// Characters printable in the crate's newer Unicode data but unassigned (Cn)
/// in Unicode 14.0, which CPython 3.11 uses. Inclusive ranges, sorted; checked
/// against `python3` code point by code point in tests/repr_oracle.rs.
#[rustfmt::skip]
const ASSIGNED_AFTER_UNICODE_14: &[(u32, u32)] = &[
    (0x0897, 0x0897), (0x0CF3, 0x0CF3), (0x0ECE, 0x0ECE), (0x1B4E, 0x1B4F), (0x1B7F, 0x1B7F),
    (0x1C89, 0x1C8A), (0x2427, 0x2429), (0x2FFC, 0x2FFF), (0x31E4, 0x31E5), (0x31EF, 0x31EF),
    (0xA7CB, 0xA7CD), (0xA7DA, 0xA7DC), (0x105C0, 0x105F3), (0x10D40, 0x10D65),
    (0x10D69, 0x10D85), (0x10D8E, 0x10D8F), (0x10EC2, 0x10EC4), (0x10EFC, 0x10EFF),
    (0x1123F, 0x11241), (0x11380, 0x11389), (0x1138B, 0x1138B), (0x1138E, 0x1138E),
    (0x11390, 0x113B5), (0x113B7, 0x113C0), (0x113C2, 0x113C2), (0x113C5, 0x113C5),
    (0x113C7, 0x113CA), (0x113CC, 0x113D5), (0x113D7, 0x113D8), (0x113E1, 0x113E2),
    (0x116D0, 0x116E3), (0x11B00, 0x11B09), (0x11BC0, 0x11BE1), (0x11BF0, 0x11BF9),
    (0x11F00, 0x11F10), (0x11F12, 0x11F3A), (0x11F3E, 0x11F5A), (0x1342F, 0x1342F),
    (0x13440, 0x13455), (0x13460, 0x143FA), (0x16100, 0x16139), (0x16D40, 0x16D79),
    (0x18CFF, 0x18CFF), (0x1B132, 0x1B132), (0x1B155, 0x1B155), (0x1CC00, 0x1CCF9),
    (0x1CD00, 0x1CEB3), (0x1D2C0, 0x1D2D3), (0x1DF25, 0x1DF2A), (0x1E030, 0x1E06D),
    (0x1E08F, 0x1E08F), (0x1E4D0, 0x1E4F9), (0x1E5D0, 0x1E5FA), (0x1E5FF, 0x1E5FF),
    (0x1F6DC, 0x1F6DC), (0x1F774, 0x1F776), (0x1F77B, 0x1F77F), (0x1F7D9, 0x1F7D9),
    (0x1F8B2, 0x1F8BB), (0x1F8C0, 0x1F8C1), (0x1FA75, 0x1FA77), (0x1FA87, 0x1FA89),
    (0x1FA8F, 0x1FA8F), (0x1FAAD, 0x1FAAF), (0x1FABB, 0x1FABF), (0x1FAC6, 0x1FAC6),
    (0x1FACE, 0x1FACF), (0x1FADA, 0x1FADC), (0x1FADF, 0x1FADF), (0x1FAE8, 0x1FAE9),
    (0x1FAF7, 0x1FAF8), (0x1FBCB, 0x1FBEF), (0x2B739, 0x2B739), (0x2EBF0, 0x2EE5D),
    (0x31350, 0x323AF),
];

fn assigned_after_unicode_14(c: char) -> bool {
    let code = u32::from(c);
    ASSIGNED_AFTER_UNICODE_14
        .binary_search_by(|&(first, last)| {
            if last < code {
                std::cmp::Ordering::Less
            } else if first > code {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_in_positional_form() {
        assert_eq!(float_repr(0.0), "0.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(123.0), "123.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1.5), "1.5");
        assert_eq!(float_repr(-2.25), "-2.25");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00012), "0.00012");
        assert_eq!(float_repr(9999999999999998.0), "9999999999999998.0");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(123456.789), "123456.789");
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn floats_in_exponent_form() {
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e22), "1e+22");
        assert_eq!(float_repr(1.5e-5), "1.5e-05");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(-1e100), "-1e+100");
        assert_eq!(float_repr(5e-324), "5e-324");
        assert_eq!(float_repr(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(float_repr(1.2345e300), "1.2345e+300");
    }

    #[test]
    fn float_specials() {
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(-f64::NAN), "nan");
    }

    #[test]
    fn complex_with_positive_zero_real_part() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(0.0, 1.5), "1.5j");
        assert_eq!(complex_repr(0.0, 100.0), "100j");
        assert_eq!(complex_repr(0.0, 1e20), "1e+20j");
        assert_eq!(complex_repr(0.0, 0.0), "0j");
        assert_eq!(complex_repr(0.0, -0.0), "-0j");
        assert_eq!(complex_repr(0.0, f64::INFINITY), "infj");
        assert_eq!(complex_repr(0.0, -f64::NAN), "nanj");
    }

    #[test]
    fn complex_with_real_part() {
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(-0.0, 0.0), "(-0+0j)");
        assert_eq!(complex_repr(-0.0, -0.0), "(-0-0j)");
        assert_eq!(complex_repr(2.5, 0.0), "(2.5+0j)");
        assert_eq!(complex_repr(1e16, 1e-5), "(1e+16+1e-05j)");
        assert_eq!(complex_repr(f64::NAN, f64::NAN), "(nan+nanj)");
        assert_eq!(complex_repr(1.0, -f64::NAN), "(1+nanj)");
        assert_eq!(
            complex_repr(f64::NEG_INFINITY, f64::NEG_INFINITY),
            "(-inf-infj)"
        );
    }

    #[test]
    fn ints() {
        assert_eq!(int_repr(0), "0");
        assert_eq!(int_repr(-42), "-42");
        assert_eq!(int_repr(i64::MIN), "-9223372036854775808");
        let big: BigInt = BigInt::from(u64::MAX) * BigInt::from(1000u32);
        assert_eq!(bigint_repr(&big), "18446744073709551615000");
    }

    #[test]
    fn str_quote_choice() {
        assert_eq!(str_repr(""), "''");
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("say \"hi\""), "'say \"hi\"'");
        assert_eq!(str_repr("both ' and \""), "'both \\' and \"'");
    }

    #[test]
    fn str_escapes() {
        assert_eq!(str_repr("a\\b"), "'a\\\\b'");
        assert_eq!(str_repr("\t\n\r"), "'\\t\\n\\r'");
        assert_eq!(str_repr("\0\x07\x1b\x7f"), "'\\x00\\x07\\x1b\\x7f'");
        assert_eq!(str_repr("\u{85}\u{a0}\u{ad}"), "'\\x85\\xa0\\xad'");
        assert_eq!(
            str_repr("\u{2028}\u{200b}\u{feff}"),
            "'\\u2028\\u200b\\ufeff'"
        );
        assert_eq!(str_repr("\u{e000}\u{10ffff}"), "'\\ue000\\U0010ffff'");
        assert_eq!(str_repr("\u{e0001}"), "'\\U000e0001'");
    }

    #[test]
    fn str_printable_non_ascii_kept() {
        assert_eq!(str_repr("héllo wörld €"), "'héllo wörld €'");
        assert_eq!(str_repr("日本語 😀"), "'日本語 😀'");
        assert_eq!(str_repr("\u{301}"), "'\u{301}'");
    }

    #[test]
    fn printable_follows_unicode_14() {
        assert!(is_printable(' '));
        assert!(!is_printable('\u{3000}'));
        assert!(is_printable('\u{1FAE7}'));
        // Assigned in Unicode 15 (a printable emoji there), unassigned in 14.
        assert!(!is_printable('\u{1FAE8}'));
        assert!(!is_printable('\u{0897}'));
        assert!(!is_printable('\u{323AF}'));
        assert!(is_printable('\u{3134A}'));
    }

    #[test]
    fn bytes_reprs() {
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(bytes_repr(b"abc"), "b'abc'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(bytes_repr(b"\t\n\r\\"), "b'\\t\\n\\r\\\\'");
        assert_eq!(
            bytes_repr(b"\x00\x1f\x7f\x80\xff"),
            "b'\\x00\\x1f\\x7f\\x80\\xff'"
        );
    }
}
