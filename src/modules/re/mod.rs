//! `re`: regular expressions with CPython 3.11's syntax and matching
//! semantics. The engine is native (`parse` -> `compile` -> `matcher`);
//! the `Pattern` and `Match` classes and the module functions are written in
//! Python (`re.py`, run as the module's prelude) on native helpers:
//! `_compile_native`, `_match`, `_scan`, `_findall`, `_substitute` and `_split`.

mod compile;
mod findall;
mod flags;
mod match_obj;
mod matcher;
mod parse;
mod substitute;

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use matcher::{Matcher, Unit, UNSET};
use std::cell::RefCell;
use std::rc::Rc;

pub const PRELUDE: &str = include_str!("re.py");

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "_compile_native", compile_pattern);
    def(vm, d, "_match", match_pattern);
    def(vm, d, "_scan", scan);
    def(vm, d, "_findall", findall::findall);
    def(vm, d, "_substitute", substitute::substitute);
    def(vm, d, "_split", split);
    def(vm, d, "_make_match", new_match);
    d.set_str(vm.intern("Match"), Value::Class(match_obj::class(vm)));
    Ok(())
}

/// A compiled pattern, held by a `Pattern` object.
struct Compiled {
    prog: compile::Program,
    /// Group names and numbers.
    names: Vec<(String, usize)>,
}

/// `_compile(pattern, flags)`: `(handle, flags, groups, ((name, index), ...))`,
/// or `(None, message, position, None)` for a `re.error`.
fn compile_pattern(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([pattern, flags], []) = crate::sig!("_compile", "pattern, flags, /").bind(vm, a, kw)?;
    let flags = vm.index_value(flags)? as u32;
    let (chars, is_str): (Vec<char>, bool) = match pattern {
        Value::Bytes(b) => (b.data.iter().map(|&b| b as char).collect(), false),
        v => match v.as_str() {
            Some(s) => (s.as_str().chars().collect(), true),
            None => return Err(vm.type_error("first argument must be string or compiled pattern")),
        },
    };
    let error = |e: parse::Error| -> PyResult<Value> {
        // Errors other than re.error carry their class as a prefix.
        for class in ["OverflowError", "RecursionError"] {
            if let Some(msg) = e.msg.strip_prefix(class).and_then(|m| m.strip_prefix(':')) {
                return Err(vm.new_error(class, msg));
            }
        }
        let pos = e.pos.map_or(Value::None, |p| Value::Int(p as i64));
        Ok(Value::tuple(vec![Value::None, Value::string(e.msg), pos, Value::None]))
    };
    let parsed = match parse::parse(&chars, is_str, flags) {
        Ok(p) => p,
        Err(e) => return error(e),
    };
    let prog = match compile::compile(&parsed.node, parsed.groups) {
        Ok(p) => p,
        Err(e) => return error(e),
    };
    let names = parsed.names.iter().map(|(n, i)| Value::tuple(vec![Value::str(n), Value::Int(*i as i64)])).collect();
    let handle = Value::Native(Rc::new(NativeObj {
        class: vm.iterator_class("re._compiled"),
        data: RefCell::new(Box::new(Compiled { prog, names: parsed.names.clone() })),
    }));
    Ok(Value::tuple(vec![handle, Value::Int(parsed.flags as i64), Value::Int(parsed.groups as i64), Value::tuple(names)]))
}

/// The subject string as the matcher's units.
enum Subject<'a> {
    Bytes(std::borrow::Cow<'a, [u8]>),
    Chars(Rc<Vec<char>>),
}

thread_local! {
    /// The last non-ASCII string converted to chars: loops that match one
    /// string at increasing positions convert it once.
    static LAST_CHARS: RefCell<Option<(Rc<crate::runtime::str::Str>, Rc<Vec<char>>)>> = const { RefCell::new(None) };
}

/// Drops the cached conversion: a thread releasing the GIL must not keep
/// references to objects (see `aio::gil`).
pub fn forget_cached_chars() {
    let _ = LAST_CHARS.try_with(|last| last.borrow_mut().take());
}

fn chars_of(s: &Rc<crate::runtime::str::Str>) -> Rc<Vec<char>> {
    LAST_CHARS.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((k, v)) = &*last {
            if Rc::ptr_eq(k, s) {
                return v.clone();
            }
        }
        let v = Rc::new(s.as_str().chars().collect::<Vec<char>>());
        *last = Some((s.clone(), v.clone()));
        v
    })
}

fn subject<'a>(vm: &Vm, v: &'a Value) -> PyResult<Subject<'a>> {
    use std::borrow::Cow;
    let s = match v {
        Value::Bytes(b) => return Ok(Subject::Bytes(Cow::Borrowed(&b.data[..]))),
        Value::ByteArray(b) => return Ok(Subject::Bytes(Cow::Owned(b.data.borrow().clone()))),
        Value::Str(s) => s,
        Value::Instance(i) => match &i.payload {
            Payload::Value(Value::Str(s)) => s,
            _ => return Err(not_a_string(vm, v)),
        },
        _ => return Err(not_a_string(vm, v)),
    };
    if s.is_ascii() {
        Ok(Subject::Bytes(Cow::Borrowed(s.as_str().as_bytes())))
    } else {
        Ok(Subject::Chars(chars_of(s)))
    }
}

fn not_a_string(vm: &Vm, v: &Value) -> PyErr {
    vm.type_error(format!("expected string or bytes-like object, got '{}'", vm.type_name(v).as_str()))
}

fn with_prog<R>(vm: &Vm, v: &Value, f: impl FnOnce(&compile::Program) -> R) -> PyResult<R> {
    if let Value::Native(n) = v {
        if let Some(c) = n.data.borrow().downcast_ref::<Compiled>() {
            return Ok(f(&c.prog));
        }
    }
    Err(vm.type_error("expected a compiled pattern"))
}

/// CPython's clamping of `pos` and `endpos` to the string.
fn bounds(vm: &Vm, pos: &Value, endpos: &Value, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |v: &Value, default: usize| -> PyResult<usize> {
        if v.is_none() {
            return Ok(default);
        }
        let n = vm.index_value(v)?;
        Ok(n.clamp(0, len as i64) as usize)
    };
    Ok((clamp(pos, 0)?, clamp(endpos, len)?))
}

/// The match as `(start0, end0, start1, ..., lastindex)`, -1 for unset.
fn marks<T: Unit>(m: &Matcher<T>) -> Value {
    let (v, last) = found(m);
    let mut items: Vec<Value> = v.into_iter().map(Value::Int).collect();
    items.push(last.map_or(Value::None, Value::Int));
    Value::tuple(items)
}

/// The marks of one match and its lastindex, or None.
type Found = Option<(Vec<i64>, Option<i64>)>;

fn found<T: Unit>(m: &Matcher<T>) -> (Vec<i64>, Option<i64>) {
    let mut v: Vec<i64> = m.slots.iter().map(|&s| if s == UNSET { -1 } else { s as i64 }).collect();
    for g in 0..v.len() / 2 {
        if v[2 * g] < 0 || v[2 * g + 1] < 0 {
            v[2 * g] = -1;
            v[2 * g + 1] = -1;
        }
    }
    (v, if m.lastindex == 0 { None } else { Some(m.lastindex as i64) })
}

fn run_one<T: Unit>(prog: &compile::Program, input: &[T], pos: usize, endpos: usize, mode: i64) -> Found {
    if endpos < pos {
        return None;
    }
    let mut m = Matcher::new(prog, &input[..endpos]);
    let ok = match mode {
        0 => m.match_at(pos, false),
        1 => m.match_at(pos, true),
        _ => m.search(pos, UNSET),
    };
    ok.then(|| found(&m))
}

/// `_match(handle, subject, pos, endpos, mode, pattern, string)`: mode 0
/// match, 1 fullmatch, 2 search; a Match or None.
fn match_pattern(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([handle, subject_value, pos, endpos, mode, pattern, string], []) =
        crate::sig!("_match", "handle, subject, pos, endpos, mode, pattern, string, /").bind(vm, a, kw)?;
    let mode = vm.index_value(mode)?;
    let subj = subject(vm, subject_value)?;
    let r = with_prog(vm, handle, |prog| match &subj {
        Subject::Bytes(b) => bounds(vm, pos, endpos, b.len()).map(|(p, e)| run_one(prog, b, p, e, mode)),
        Subject::Chars(c) => bounds(vm, pos, endpos, c.len()).map(|(p, e)| run_one(prog, c, p, e, mode)),
    })??;
    Ok(match r {
        None => Value::None,
        Some((marks, last)) => {
            let pos = given(vm, pos, 0)?;
            let endpos = given(vm, endpos, i64::MAX)?;
            let parts = [handle.clone(), pattern.clone(), string.clone(), subject_value.clone()];
            match_obj::new(vm, &marks, last, parts, pos, endpos)
        }
    })
}

fn given(vm: &Vm, v: &Value, default: i64) -> PyResult<i64> {
    if v.is_none() {
        Ok(default)
    } else {
        Ok(vm.index_value(v).unwrap_or(default))
    }
}

/// `_make_match(handle, pattern, string, subject, marks, pos, endpos)`: a
/// Match from marks that `_scan` returned.
fn new_match(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([handle, pattern, string, subject_value, marks_value, pos, endpos], []) =
        crate::sig!("_make_match", "handle, pattern, string, subject, marks, pos, endpos, /").bind(vm, a, kw)?;
    let Value::Tuple(t) = marks_value else {
        return Err(vm.type_error("marks must be a tuple"));
    };
    let n = t.items.len().saturating_sub(1);
    if n < 2 || n % 2 != 0 {
        return Err(vm.type_error("marks must hold a start and an end for each group"));
    }
    let marks: Vec<i64> = (0..n).map(|i| mark(marks_value, i)).collect();
    let last = match t.items.get(n) {
        Some(Value::Int(i)) => Some(*i),
        _ => None,
    };
    let pos = given(vm, pos, 0)?;
    let endpos = given(vm, endpos, i64::MAX)?;
    let parts = [handle.clone(), pattern.clone(), string.clone(), subject_value.clone()];
    Ok(match_obj::new(vm, &marks, last, parts, pos, endpos))
}

/// Calls `found` with the matcher at every non-overlapping match in
/// `pos..endpos`, as `finditer` finds them (at most `limit`, 0 for all);
/// returns how many there were.
fn each_match<T: Unit>(
    prog: &compile::Program,
    input: &[T],
    pos: usize,
    endpos: usize,
    limit: usize,
    mut found: impl FnMut(&Matcher<T>),
) -> usize {
    if endpos < pos {
        return 0;
    }
    let mut m = Matcher::new(prog, &input[..endpos]);
    let mut at = pos;
    let mut no_empty_at = UNSET;
    let mut n = 0;
    while at <= endpos && (limit == 0 || n < limit) {
        if !m.search(at, no_empty_at) {
            break;
        }
        let (s, e) = (m.slots[0], m.slots[1]);
        found(&m);
        n += 1;
        no_empty_at = if s == e { e } else { UNSET };
        at = e;
    }
    n
}

fn run_all<T: Unit>(prog: &compile::Program, input: &[T], pos: usize, endpos: usize, limit: usize) -> Vec<Value> {
    let mut out = Vec::new();
    each_match(prog, input, pos, endpos, limit, |m| out.push(marks(m)));
    out
}

/// `_scan(handle, string, pos, endpos, limit)`: the marks of every
/// non-overlapping match, as `finditer` finds them (at most `limit`, 0 for
/// all).
fn scan(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([handle, subject_value, pos, endpos, limit], []) =
        crate::sig!("_scan", "handle, subject, pos, endpos, limit, /").bind(vm, a, kw)?;
    let limit = vm.index_value(limit)?.max(0) as usize;
    let subj = subject(vm, subject_value)?;
    let found = with_prog(vm, handle, |prog| match &subj {
        Subject::Bytes(b) => bounds(vm, pos, endpos, b.len()).map(|(p, e)| run_all(prog, b, p, e, limit)),
        Subject::Chars(c) => bounds(vm, pos, endpos, c.len()).map(|(p, e)| run_all(prog, c, p, e, limit)),
    })??;
    Ok(Value::list(found))
}

/// The marks tuple's entry `i`.
fn mark(t: &Value, i: usize) -> i64 {
    match t {
        Value::Tuple(t) => match t.items.get(i) {
            Some(Value::Int(n)) => *n,
            _ => -1,
        },
        _ => -1,
    }
}

fn list_items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.items.borrow().clone()),
        _ => Err(vm.type_error("expected a list")),
    }
}

/// `_split(subject, matches, groups)`: the pieces between the matches, each
/// followed by the match's groups (None for those that did not take part).
fn split(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([subject_value, found, groups], []) = crate::sig!("_split", "subject, found, groups, /").bind(vm, a, kw)?;
    let found = list_items(vm, found)?;
    let groups = vm.index_value(groups)?.max(0) as usize;
    let mut out = Vec::with_capacity(found.len() * (groups + 1) + 1);
    let mut walk = |piece: &dyn Fn(i64, i64) -> Value, len: i64| {
        let mut last = 0i64;
        for m in &found {
            out.push(piece(last, mark(m, 0)));
            for g in 1..=groups {
                let s = mark(m, 2 * g);
                out.push(if s < 0 { Value::None } else { piece(s, mark(m, 2 * g + 1)) });
            }
            last = mark(m, 1);
        }
        out.push(piece(last, len));
    };
    if let Value::Bytes(b) = subject_value {
        let data = &b.data[..];
        let piece = |s: i64, e: i64| -> Value {
            let bytes = data.get(s.max(0) as usize..e.max(s).max(0) as usize).unwrap_or(&[]);
            Value::Bytes(Rc::new(Bytes { data: bytes.into() }))
        };
        walk(&piece, data.len() as i64);
    } else {
        let Some(text) = subject_value.as_str() else {
            return Err(vm.type_error("expected str or bytes"));
        };
        let s = text.as_str();
        let offsets: Option<Vec<usize>> =
            if text.is_ascii() { None } else { Some(s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect()) };
        let byte = |i: i64| -> usize {
            let i = i.max(0) as usize;
            match &offsets {
                Some(o) => o.get(i).copied().unwrap_or(s.len()),
                None => i.min(s.len()),
            }
        };
        let piece = |a: i64, b: i64| -> Value {
            let (x, y) = (byte(a), byte(b));
            Value::str(s.get(x..y.max(x)).unwrap_or(""))
        };
        walk(&piece, i64::MAX);
    }
    Ok(Value::list(out))
}
