//! Unicode character properties and case mappings with CPython 3.11's
//! semantics (Unicode 14.0), from the generated `unicode_tables`.

use super::unicode_tables as t;
pub use super::unicode_tables::{
    ALPHA, CASED, DECIMAL, DIGIT, IGNORABLE, LOWER, NUMERIC, PRINTABLE, SPACE, TITLE, UPPER, XID_CONTINUE, XID_START,
};

/// The property flags of a character.
pub fn flags(c: char) -> u16 {
    let cp = c as u32;
    if cp < 0x80 {
        return t::ASCII[cp as usize];
    }
    match t::FLAGS.binary_search_by(|&(lo, hi, _)| {
        if hi < cp {
            std::cmp::Ordering::Less
        } else if lo > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => t::FLAGS[i].2,
        Err(_) => 0,
    }
}

pub fn has(c: char, flag: u16) -> bool {
    flags(c) & flag != 0
}

fn lookup(map: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    map.binary_search_by_key(&(c as u32), |&(k, _)| k).ok().map(|i| map[i].1)
}

fn push_mapped(out: &mut String, map: &'static [(u32, &'static str)], c: char) {
    match lookup(map, c) {
        Some(m) => out.push_str(m),
        None => out.push(c),
    }
}

pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(out, t::UPPER_MAP, c)
    }
}

pub fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(out, t::TITLE_MAP, c)
    }
}

pub fn push_fold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push_mapped(out, t::FOLD_MAP, c)
    }
}

/// Lowercase of `chars[i]`, with the final-sigma rule.
pub fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{3a3}' {
        out.push(if final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        push_mapped(out, t::LOWER_MAP, c)
    }
}

/// CPython's `handle_capital_sigma`.
fn final_sigma(chars: &[char], i: usize) -> bool {
    let mut j = i;
    let mut before_cased = false;
    while j > 0 {
        j -= 1;
        let f = flags(chars[j]);
        if f & IGNORABLE == 0 {
            before_cased = f & CASED != 0;
            break;
        }
    }
    if !before_cased {
        return false;
    }
    let mut k = i + 1;
    while k < chars.len() {
        let f = flags(chars[k]);
        if f & IGNORABLE == 0 {
            return f & CASED == 0;
        }
        k += 1;
    }
    true
}

pub fn is_upper_char(c: char) -> bool {
    has(c, UPPER)
}

pub fn is_lower_char(c: char) -> bool {
    has(c, LOWER)
}
