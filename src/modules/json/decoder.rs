//! The scanner behind `json.loads`: recursive descent over the document's
//! UTF-8 bytes (every JSON delimiter is ASCII), with the error messages and
//! positions of CPython's `_json` scanner. Positions are byte offsets here;
//! the caller turns them into character indices.

use super::fast_hash::FastHasher;
use crate::eval::Vm;
use crate::runtime::dict::DictTable;
use crate::runtime::format;
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::Rc;

/// How a `JSONDecoder` was configured.
pub struct Options {
    /// `JSONDecodeError`, defined by stdlib/json/decoder.py.
    pub error_class: Value,
    /// Refuse control characters inside strings.
    pub strict: bool,
    pub object_hook: Option<Value>,
    pub object_pairs_hook: Option<Value>,
    /// `None` where the hook is `float` or `int` itself (parsed natively).
    pub parse_float: Option<Value>,
    pub parse_int: Option<Value>,
    pub parse_constant: Value,
}

pub struct Scanner<'a> {
    vm: &'a Vm,
    /// The document as the caller passed it (a str subclass stays one), for errors.
    doc: &'a Value,
    text: &'a str,
    opts: &'a Options,
    /// Object keys met so far, so that each distinct key is one string.
    keys: HashMap<Cow<'a, str>, Rc<Str>, BuildHasherDefault<FastHasher>>,
}

/// A scanned value (or string) and the byte offset just after it.
type Scanned<T> = PyResult<(T, usize)>;

const ARRAY_CONTEXT: &str = " while decoding a JSON array from a unicode string";
const OBJECT_CONTEXT: &str = " while decoding a JSON object from a unicode string";

impl<'a> Scanner<'a> {
    pub fn new(vm: &'a Vm, doc: &'a Value, text: &'a str, opts: &'a Options) -> Scanner<'a> {
        Scanner { vm, doc, text, opts, keys: HashMap::default() }
    }

    /// `JSONDecodeError(msg, doc, pos)` for the byte offset `at`.
    pub fn error(&self, msg: &str, at: usize) -> PyErr {
        syntax_error(self.vm, &self.opts.error_class, self.doc, msg, char_index(self.text, at))
    }

    /// No value starts at byte `at`: `StopIteration(pos)`, which
    /// `JSONDecoder.raw_decode` reports as "Expecting value", as CPython's
    /// scanner does.
    fn no_value(&self, at: usize) -> PyErr {
        self.vm.stop_iteration(Value::Int(char_index(self.text, at) as i64))
    }

    fn skip_whitespace(&self, mut i: usize) -> usize {
        let b = self.text.as_bytes();
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    /// The value starting exactly at byte `at`.
    pub fn value(&mut self, at: usize) -> Scanned<Value> {
        let rest = &self.text.as_bytes()[at.min(self.text.len())..];
        let Some(&first) = rest.first() else {
            return Err(self.no_value(at));
        };
        match first {
            b'"' => {
                let (s, end) = self.string(at + 1)?;
                Ok((Value::Str(Rc::new(Str::new(&s))), end))
            }
            b'{' => {
                self.vm.enter_recursion_while(OBJECT_CONTEXT)?;
                let r = self.object(at + 1);
                self.vm.leave_recursion();
                r
            }
            b'[' => {
                self.vm.enter_recursion_while(ARRAY_CONTEXT)?;
                let r = self.array(at + 1);
                self.vm.leave_recursion();
                r
            }
            b'n' if rest.starts_with(b"null") => Ok((Value::None, at + 4)),
            b't' if rest.starts_with(b"true") => Ok((Value::bool(true), at + 4)),
            b'f' if rest.starts_with(b"false") => Ok((Value::bool(false), at + 5)),
            b'N' if rest.starts_with(b"NaN") => self.constant("NaN", at),
            b'I' if rest.starts_with(b"Infinity") => self.constant("Infinity", at),
            b'-' if rest.starts_with(b"-Infinity") => self.constant("-Infinity", at),
            _ => self.number(at),
        }
    }

    fn constant(&mut self, name: &str, at: usize) -> Scanned<Value> {
        let v = self.vm.call(&self.opts.parse_constant, &[Value::str(name)], &[])?;
        Ok((v, at + name.len()))
    }

    /// A number, or `no_value` where none starts. A fraction needs a
    /// digit after the point and an exponent a digit after `e` and its
    /// sign; otherwise they are left for the caller (as "Extra data").
    fn number(&mut self, start: usize) -> Scanned<Value> {
        let b = self.text.as_bytes();
        let n = b.len();
        let digit = |i: usize| i < n && b[i].is_ascii_digit();
        let mut i = start;
        if i < n && b[i] == b'-' {
            i += 1;
        }
        match b.get(i) {
            Some(b'1'..=b'9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return Err(self.no_value(start)),
        }
        let mut is_float = false;
        if i < n && b[i] == b'.' && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if i < n && (b[i] == b'e' || b[i] == b'E') {
            let mut j = i + 1;
            if j < n && (b[j] == b'-' || b[j] == b'+') {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text = &self.text[start..i];
        let hook = if is_float { &self.opts.parse_float } else { &self.opts.parse_int };
        let v = match hook {
            Some(hook) => self.vm.call(hook, &[Value::str(text)], &[])?,
            None if is_float => Value::float(text.parse::<f64>().unwrap_or(f64::NAN)),
            None => self.int(text)?,
        };
        Ok((v, i))
    }

    fn int(&self, text: &str) -> PyResult<Value> {
        // Up to 18 digits always fit in an i64.
        if text.len() <= 18 {
            let (negative, digits) = match text.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, text),
            };
            let magnitude = digits.bytes().fold(0i64, |acc, d| acc * 10 + (d - b'0') as i64);
            return Ok(Value::Int(if negative { -magnitude } else { magnitude }));
        }
        self.vm.check_int_digits(text, 10)?;
        match format::parse_int(text, 10) {
            Some(big) => Ok(Value::from_bigint(big)),
            None => Err(self.vm.value_error(format!("invalid literal for int() with base 10: '{text}'"))),
        }
    }

    /// The string whose opening quote is just before byte `at`, and the
    /// offset after its closing quote. Borrowed from the document when it
    /// holds no escapes.
    pub fn string(&self, at: usize) -> Scanned<Cow<'a, str>> {
        let text: &'a str = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let quote = at.saturating_sub(1);
        let mut decoded: Option<String> = None;
        let mut chunk_start = at;
        let mut i = at;
        loop {
            while i < n && b[i] != b'"' && b[i] != b'\\' {
                if b[i] < 0x20 && self.opts.strict {
                    return Err(self.error("Invalid control character at", i));
                }
                i += 1;
            }
            if i >= n {
                return Err(self.error("Unterminated string starting at", quote));
            }
            if b[i] == b'"' {
                let s = match decoded {
                    None => Cow::Borrowed(&text[chunk_start..i]),
                    Some(mut s) => {
                        s.push_str(&text[chunk_start..i]);
                        Cow::Owned(s)
                    }
                };
                return Ok((s, i + 1));
            }
            let out = decoded.get_or_insert_with(String::new);
            out.push_str(&text[chunk_start..i]);
            let backslash = i;
            i += 1;
            let Some(&escape) = b.get(i) else {
                return Err(self.error("Unterminated string starting at", quote));
            };
            if escape == b'u' {
                let (c, next) = self.unicode_escape(i)?;
                out.push(c);
                i = next;
            } else {
                out.push(match escape {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\x08',
                    b'f' => '\x0c',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return Err(self.error("Invalid \\escape", backslash)),
                });
                i += 1;
            }
            chunk_start = i;
        }
    }

    /// `\uXXXX` with `u` at byte `u`, joined with a following `\uXXXX` when
    /// the two form a surrogate pair. The four digits must not end the
    /// document (a string still needs its closing quote). A lone surrogate
    /// becomes U+FFFD, as `chr` makes it (tulip strings hold no surrogates).
    fn unicode_escape(&self, u: usize) -> PyResult<(char, usize)> {
        let b = self.text.as_bytes();
        let digits_end = u + 5;
        if digits_end >= b.len() {
            return Err(self.error("Invalid \\uXXXX escape", u));
        }
        let Some(mut unit) = hex4(&b[u + 1..digits_end]) else {
            return Err(self.error("Invalid \\uXXXX escape", u));
        };
        let mut next = digits_end;
        let pair_follows = digits_end + 6 < b.len() && b[digits_end] == b'\\' && b[digits_end + 1] == b'u';
        if (0xd800..0xdc00).contains(&unit) && pair_follows {
            let Some(low) = hex4(&b[digits_end + 2..digits_end + 6]) else {
                return Err(self.error("Invalid \\uXXXX escape", digits_end + 1));
            };
            if (0xdc00..0xe000).contains(&low) {
                unit = 0x10000 + (((unit - 0xd800) << 10) | (low - 0xdc00));
                next = digits_end + 6;
            }
        }
        Ok((char::from_u32(unit).unwrap_or('\u{fffd}'), next))
    }

    /// An object key: the same string for every occurrence of the same key.
    fn key(&mut self, at: usize) -> Scanned<Rc<Str>> {
        let (text, end) = self.string(at)?;
        if let Some(k) = self.keys.get(&*text) {
            return Ok((k.clone(), end));
        }
        let k = Rc::new(Str::new(&text));
        self.keys.insert(text, k.clone());
        Ok((k, end))
    }

    /// The object whose `{` is just before byte `at`.
    fn object(&mut self, at: usize) -> Scanned<Value> {
        let b = self.text.as_bytes();
        let n = b.len();
        let mut pairs: Vec<(Rc<Str>, Value)> = Vec::new();
        let mut i = self.skip_whitespace(at);
        if i >= n || b[i] != b'}' {
            while i < n {
                if b[i] != b'"' {
                    return Err(self.error("Expecting property name enclosed in double quotes", i));
                }
                let (key, after) = self.key(i + 1)?;
                i = self.skip_whitespace(after);
                if i >= n || b[i] != b':' {
                    return Err(self.error("Expecting ':' delimiter", i));
                }
                i = self.skip_whitespace(i + 1);
                let (value, after) = self.value(i)?;
                pairs.push((key, value));
                i = self.skip_whitespace(after);
                if i < n && b[i] == b'}' {
                    break;
                }
                if i >= n || b[i] != b',' {
                    return Err(self.error("Expecting ',' delimiter", i));
                }
                i = self.skip_whitespace(i + 1);
            }
            if i >= n {
                return Err(self.error("Expecting property name enclosed in double quotes", n));
            }
        }
        Ok((self.make_object(pairs)?, i + 1))
    }

    fn make_object(&self, pairs: Vec<(Rc<Str>, Value)>) -> PyResult<Value> {
        if let Some(hook) = &self.opts.object_pairs_hook {
            let items = pairs.into_iter().map(|(k, v)| Value::tuple(vec![Value::Str(k), v])).collect();
            return self.vm.call(hook, &[Value::list(items)], &[]);
        }
        let dict = Dict::from_table(DictTable::with_capacity(pairs.len()));
        for (k, v) in pairs {
            dict.set_str(k, v);
        }
        let dict = Value::Dict(gc::new(dict));
        match &self.opts.object_hook {
            Some(hook) => self.vm.call(hook, &[dict], &[]),
            None => Ok(dict),
        }
    }

    /// The array whose `[` is just before byte `at`.
    fn array(&mut self, at: usize) -> Scanned<Value> {
        let b = self.text.as_bytes();
        let n = b.len();
        let mut items = Vec::new();
        let mut i = self.skip_whitespace(at);
        if i < n && b[i] != b']' {
            while i < n {
                let (value, after) = self.value(i)?;
                items.push(value);
                i = self.skip_whitespace(after);
                if i < n && b[i] == b']' {
                    break;
                }
                if i >= n || b[i] != b',' {
                    return Err(self.error("Expecting ',' delimiter", i));
                }
                i = self.skip_whitespace(i + 1);
            }
        }
        if i >= n {
            return Err(self.no_value(n));
        }
        Ok((Value::list(items), i + 1))
    }
}

fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, &d| Some(acc * 16 + (d as char).to_digit(16)?))
}

/// The character index of byte offset `byte` in `text`.
pub fn char_index(text: &str, byte: usize) -> usize {
    let head = &text.as_bytes()[..byte.min(text.len())];
    if head.is_ascii() {
        return head.len();
    }
    // Every byte but UTF-8 continuation bytes starts a character.
    head.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The byte offset of character `index` in `text` (its length past the end).
pub fn byte_offset(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(i, _)| i)
}

/// `error_class(msg, doc, pos)`, to raise.
fn syntax_error(vm: &Vm, error_class: &Value, doc: &Value, msg: &str, pos: usize) -> PyErr {
    match vm.call(error_class, &[Value::str(msg), doc.clone(), Value::Int(pos as i64)], &[]) {
        Ok(Value::Instance(e)) => PyErr(e),
        Ok(other) => vm.type_error(format!("exceptions must derive from BaseException, not {}", vm.type_name(&other))),
        Err(e) => e,
    }
}
