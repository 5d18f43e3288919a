//! `_findall`: `Pattern.findall` in one native pass, making each result
//! string as its match is found.

use super::matcher::{Matcher, Unit, UNSET};
use super::{bounds, each_match, subject, with_prog, Subject};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// The text of a match or group as a value of the subject's kind.
trait Piece: Unit {
    fn value(units: &[Self], bytes: bool) -> Value;
}

impl Piece for u8 {
    fn value(units: &[u8], bytes: bool) -> Value {
        if bytes {
            Value::Bytes(Rc::new(Bytes { data: units.into() }))
        } else {
            // Text matched as bytes is ASCII.
            Value::str(std::str::from_utf8(units).unwrap_or_default())
        }
    }
}

impl Piece for char {
    fn value(units: &[char], _bytes: bool) -> Value {
        Value::string(units.iter().collect())
    }
}

/// Group `g` of the match, empty if it did not take part.
fn group<T: Piece>(m: &Matcher<T>, input: &[T], g: usize, bytes: bool) -> Value {
    let (s, e) = (m.slots[2 * g], m.slots[2 * g + 1]);
    if s == UNSET || e == UNSET {
        return T::value(&[], bytes);
    }
    T::value(&input[s..e.max(s)], bytes)
}

fn collect<T: Piece>(prog: &super::compile::Program, input: &[T], pos: usize, endpos: usize, bytes: bool) -> Vec<Value> {
    let groups = prog.groups;
    let mut out = Vec::new();
    each_match(prog, input, pos, endpos, 0, |m| {
        out.push(match groups {
            0 => group(m, input, 0, bytes),
            1 => group(m, input, 1, bytes),
            _ => Value::tuple((1..=groups).map(|g| group(m, input, g, bytes)).collect()),
        })
    });
    out
}

/// `_findall(handle, subject, pos, endpos)`: the list `findall` returns:
/// each match's text, its one group, or a tuple of its groups.
pub fn findall(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([handle, subject_value, pos, endpos], []) = crate::sig!("_findall", "handle, subject, pos, endpos, /").bind(vm, a, kw)?;
    let bytes = matches!(subject_value, Value::Bytes(_) | Value::ByteArray(_));
    let subj = subject(vm, subject_value)?;
    let found = with_prog(vm, handle, |prog| match &subj {
        Subject::Bytes(b) => bounds(vm, pos, endpos, b.len()).map(|(p, e)| collect(prog, b, p, e, bytes)),
        Subject::Chars(c) => bounds(vm, pos, endpos, c.len()).map(|(p, e)| collect(prog, c, p, e, bytes)),
    })??;
    Ok(Value::list(found))
}
