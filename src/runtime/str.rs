//! Python's `str`: UTF-8 text with a cached hash and O(1) indexing by character.
//!
//! ASCII strings (the common case) index by byte. Other strings build a table
//! of character offsets the first time they are indexed, the role PEP 393's
//! fixed-width layouts play in CPython: parsers written in Python index
//! strings in loops and must not rescan UTF-8 each time.

use std::cell::{Cell, OnceCell};

pub struct Str {
    text: Box<str>,
    /// Number of characters (code points).
    chars: usize,
    hash: Cell<Option<i64>>,
    /// Byte offset of every character, for non-ASCII strings once indexed.
    offsets: OnceCell<Box<[u32]>>,
    /// Set by the interner: this string lives as long as the interpreter,
    /// so its address can key caches.
    interned: Cell<bool>,
}

impl Str {
    pub fn new(s: &str) -> Str {
        Str::from_boxed(s.into())
    }

    pub fn from_string(s: String) -> Str {
        Str::from_boxed(s.into_boxed_str())
    }

    fn from_boxed(text: Box<str>) -> Str {
        let chars = if text.is_ascii() { text.len() } else { text.chars().count() };
        Str { text, chars, hash: Cell::new(None), offsets: OnceCell::new(), interned: Cell::new(false) }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }

    pub fn mark_interned(&self) {
        self.interned.set(true);
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// `len()`: the number of code points.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = hash_str(&self.text);
        self.hash.set(Some(h));
        h
    }

    fn offsets(&self) -> &[u32] {
        self.offsets.get_or_init(|| {
            let mut v: Vec<u32> = self.text.char_indices().map(|(i, _)| i as u32).collect();
            v.push(self.text.len() as u32);
            v.into_boxed_slice()
        })
    }

    /// Byte offset of character `index` (`index <= char_len()`).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            index
        } else {
            self.offsets()[index] as usize
        }
    }

    /// The character at `index` (`index < char_len()`).
    pub fn char_at(&self, index: usize) -> char {
        if self.is_ascii() {
            self.text.as_bytes()[index] as char
        } else {
            let start = self.byte_offset(index);
            self.text[start..].chars().next().unwrap_or('\0')
        }
    }

    /// Characters `start..end` (`start <= end <= char_len()`).
    pub fn slice_chars(&self, start: usize, end: usize) -> &str {
        &self.text[self.byte_offset(start)..self.byte_offset(end)]
    }

    /// Character index of a byte offset that lies on a character boundary.
    pub fn char_index_of_byte(&self, byte: usize) -> usize {
        if self.is_ascii() {
            byte
        } else {
            match self.offsets().binary_search(&(byte as u32)) {
                Ok(i) | Err(i) => i,
            }
        }
    }
}

/// FNV-1a over the bytes, folded away from -1 (CPython's error marker, which
/// `hash()` never returns). String hashes are not printed by any test, and
/// CPython randomises them per process anyway.
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}
