//! `_substitute`: `Pattern.sub` with a template, done in one native pass:
//! each match is replaced as it is found, without making its marks into
//! Python objects.

use super::matcher::{Unit, UNSET};
use super::{each_match, list_items, subject, with_prog, Subject};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// A template item: literal text (UTF-8 for str patterns), or a group.
enum Piece {
    Text(Vec<u8>),
    Group(usize),
}

/// Where the result is written: bytes for bytes and ASCII subjects, a
/// String for the others (matched as chars).
trait Output<T> {
    fn units(&mut self, units: &[T]);
    fn text(&mut self, text: &[u8]);
}

impl Output<u8> for Vec<u8> {
    fn units(&mut self, units: &[u8]) {
        self.extend_from_slice(units);
    }
    fn text(&mut self, text: &[u8]) {
        self.extend_from_slice(text);
    }
}

impl Output<char> for String {
    fn units(&mut self, units: &[char]) {
        self.extend(units.iter());
    }
    fn text(&mut self, text: &[u8]) {
        self.push_str(std::str::from_utf8(text).unwrap_or_default());
    }
}

/// Replaces up to `limit` matches (0: all) in `input`, writing into `out`;
/// returns how many were replaced.
fn replace_all<T: Unit>(prog: &super::compile::Program, input: &[T], template: &[Piece], limit: usize, out: &mut impl Output<T>) -> usize {
    let mut last = 0;
    let replaced = each_match(prog, input, 0, input.len(), limit, |m| {
        out.units(&input[last..m.slots[0]]);
        for piece in template {
            match piece {
                Piece::Text(t) => out.text(t),
                Piece::Group(g) => {
                    let (s, e) = (m.slots.get(2 * g).copied().unwrap_or(UNSET), m.slots.get(2 * g + 1).copied().unwrap_or(UNSET));
                    if s != UNSET && e != UNSET {
                        out.units(&input[s..e.max(s)]);
                    }
                }
            }
        }
        last = m.slots[1];
    });
    out.units(&input[last.min(input.len())..]);
    replaced
}

/// `_substitute(handle, subject, template, count)`: `(result, n)`, the
/// subject with its first `count` matches (0: all) replaced by the template
/// (a list of literal pieces and group numbers) and the number replaced;
/// `(None, 0)` when nothing matched.
pub fn substitute(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([handle, subject_value, template_items, count], []) =
        crate::sig!("_substitute", "handle, subject, template, count, /").bind(vm, a, kw)?;
    let limit = vm.index_value(count)?.max(0) as usize;
    let mut template = Vec::new();
    for item in list_items(vm, template_items)? {
        template.push(match &item {
            Value::Int(g) => Piece::Group((*g).max(0) as usize),
            Value::Bytes(b) => Piece::Text(b.data.to_vec()),
            v => match v.as_str() {
                Some(s) => Piece::Text(s.as_str().as_bytes().to_vec()),
                None => return Err(vm.type_error("bad template item")),
            },
        });
    }
    let is_bytes = matches!(subject_value, Value::Bytes(_) | Value::ByteArray(_));
    let subj = subject(vm, subject_value)?;
    let (result, replaced) = with_prog(vm, handle, |prog| match &subj {
        Subject::Bytes(input) => {
            let mut out = Vec::with_capacity(input.len());
            let n = replace_all(prog, input, &template, limit, &mut out);
            let result = if is_bytes {
                Value::Bytes(Rc::new(Bytes { data: out.into() }))
            } else {
                // An ASCII subject and UTF-8 pieces: valid UTF-8.
                Value::string(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
            };
            (result, n)
        }
        Subject::Chars(input) => {
            let mut out = String::with_capacity(input.len());
            let n = replace_all(prog, input, &template, limit, &mut out);
            (Value::string(out), n)
        }
    })?;
    if replaced == 0 {
        return Ok(Value::tuple(vec![Value::None, Value::Int(0)]));
    }
    Ok(Value::tuple(vec![result, Value::Int(replaced as i64)]))
}
