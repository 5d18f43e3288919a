//! `bytes` and `bytearray`: constructors, the (ASCII) methods they share,
//! bytearray's mutators, and `%`-formatting of bytes.

use super::codecs;
use super::string::{adjust, slice_arg};
use crate::compile::ir::CmpOp;
use crate::eval::Vm;
use crate::runtime::format::{self, ArgRef, FormatError, PercentArgs, PercentValue};
use crate::runtime::object::*;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

const SHARED: &[(&str, NativeFn)] = &[
    ("decode", decode),
    ("hex", hex),
    ("count", count),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("startswith", startswith),
    ("endswith", endswith),
    ("replace", replace),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("join", join),
    ("upper", upper),
    ("lower", lower),
    ("swapcase", swapcase),
    ("capitalize", capitalize),
    ("title", title),
    ("isalnum", isalnum),
    ("isalpha", isalpha),
    ("isascii", isascii),
    ("isdigit", isdigit),
    ("islower", islower),
    ("isupper", isupper),
    ("isspace", isspace),
    ("istitle", istitle),
    ("partition", partition),
    ("rpartition", rpartition),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("expandtabs", expandtabs),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("translate", translate),
    ("__len__", len),
    ("__getitem__", getitem),
    ("__contains__", contains),
    ("__iter__", iter),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__mod__", mod_),
    ("__rmod__", rmod),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__repr__", repr),
    ("__str__", repr),
];

pub fn install(vm: &Vm) {
    let t = &vm.types;
    super::method_kind(vm, &t.bytes, "bytes", "__new__", bytes_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, &t.bytearray, "bytearray", "__new__", bytearray_new, BuiltinKind::StaticMethod);
    super::methods(vm, &t.bytes, "bytes", SHARED);
    super::methods(vm, &t.bytearray, "bytearray", SHARED);
    super::methods(vm, &t.bytes, "bytes", &[("__hash__", hash), ("__bytes__", bytes_dunder), ("__getnewargs__", getnewargs)]);
    super::methods(
        vm,
        &t.bytearray,
        "bytearray",
        &[
            ("append", append),
            ("extend", extend),
            ("pop", pop),
            ("insert", insert),
            ("remove", remove),
            ("reverse", reverse),
            ("clear", clear),
            ("copy", copy),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__iadd__", iadd),
            ("__imul__", imul),
            ("__alloc__", alloc),
        ],
    );
    for (c, owner) in [(&t.bytes, "bytes"), (&t.bytearray, "bytearray")] {
        super::method_kind(vm, c, owner, "fromhex", fromhex, BuiltinKind::ClassMethod);
        super::method_kind(vm, c, owner, "maketrans", maketrans, BuiltinKind::StaticMethod);
    }
}

// ----- construction -----

/// `bytes(n)`'s `n` zero bytes; the size is a C ssize_t before it is
/// checked, and memory for it may run out.
fn zeroed(vm: &Vm, n: &Value) -> PyResult<Vec<u8>> {
    let Value::Int(count) = vm.index_int(n)? else {
        return Err(vm.overflow_error(vm.cannot_fit(n)));
    };
    if count < 0 {
        return Err(vm.value_error("negative count"));
    }
    let mut out = crate::runtime::alloc::vec_with_capacity(count as usize).map_err(|_| vm.memory_error())?;
    out.resize(count as usize, 0);
    Ok(out)
}

fn new_bytes(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(Bytes { data: data.into() }))
}

fn new_bytearray(data: Vec<u8>) -> Value {
    Value::ByteArray(Rc::new(ByteArray { data: RefCell::new(data) }))
}

/// The bytes of a `bytes(x)` / `bytearray(x)` argument.
pub fn bytes_from(vm: &Vm, x: Option<&Value>, encoding: Option<&Value>) -> PyResult<Vec<u8>> {
    bytes_from_full(vm, x, encoding, None, "bytes")
}

fn bytes_from_full(vm: &Vm, x: Option<&Value>, encoding: Option<&Value>, errors: Option<&Value>, what: &str) -> PyResult<Vec<u8>> {
    let Some(v) = x else {
        if encoding.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(s) = v.builtin_base() {
        if encoding.is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let enc = codecs::str_arg(vm, encoding, what, "encoding", 2)?;
        let err = codecs::str_arg(vm, errors, what, "errors", 3)?;
        let codec = codecs::lookup(vm, enc.as_deref().unwrap_or("utf-8"))?;
        return codecs::encode(vm, s.as_str(), codec, err.as_deref().unwrap_or("strict"));
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    // `__bytes__` first (bytes only), as CPython does.
    if what == "bytes" {
        if let Value::Instance(_) = v {
            if let Some(f) = vm.get_attr_opt(v, &vm.intern("__bytes__"))? {
                let r = vm.call(&f, &[], &[])?;
                return match r.builtin_base() {
                    Value::Bytes(b) => Ok(b.data.to_vec()),
                    _ => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r).as_str()))),
                };
            }
        }
    }
    Ok(match v.builtin_base() {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => zeroed(vm, v)?,
        Value::Bytes(b) => b.data.to_vec(),
        Value::ByteArray(b) => b.data.borrow().clone(),
        Value::Native(_) if super::memoryview::view_of(v).is_some() => super::memoryview::bytes_of_view(vm, v)?,
        other => {
            if let Value::Instance(_) = v {
                if vm.get_attr_opt(v, &vm.intern("__index__"))?.is_some() {
                    return zeroed(vm, v);
                }
            }
            let items = match vm.iter(v) {
                Ok(it) => {
                    let mut items = Vec::new();
                    while let Some(x) = vm.next(&it)? {
                        items.push(x);
                    }
                    items
                }
                Err(e) => {
                    if vm.err_is(&e, "TypeError") {
                        let _ = other;
                        return Err(vm.type_error(format!("cannot convert '{}' object to {what}", vm.type_name(v).as_str())));
                    }
                    return Err(e);
                }
            };
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                // An int too big for i64 is just out of range here.
                let i = if matches!(item.builtin_base(), Value::BigInt(_)) { -1 } else { vm.index_value(&item)? };
                if !(0..256).contains(&i) {
                    return Err(vm.value_error(if what == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" }));
                }
                out.push(i as u8);
            }
            out
        }
    })
}

fn bytes_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [source, encoding, errors]) =
        crate::sig!("bytes", "$type, source=b'', encoding='utf-8', errors='strict'").bind(vm, a, kw)?;
    if let (Value::Class(c), Some(Value::Bytes(_)), None, None) = (cls, source, encoding, errors) {
        if Rc::ptr_eq(c, &vm.types.bytes) {
            return Ok(source.cloned().unwrap_or(Value::None));
        }
    }
    let data = bytes_from_full(vm, source, encoding, errors, "bytes")?;
    Ok(super::numbers::wrap_for_class(vm, cls, &vm.types.bytes, new_bytes(data)))
}

fn bytearray_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [source, encoding, errors]) =
        crate::sig!("bytearray", "$type, source=b'', encoding='utf-8', errors='strict'").bind(vm, a, kw)?;
    let data = bytes_from_full(vm, source, encoding, errors, "bytearray")?;
    Ok(super::numbers::wrap_for_class(vm, cls, &vm.types.bytearray, new_bytearray(data)))
}

fn fromhex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let of_bytearray = matches!(a.first(), Some(Value::Class(c)) if c.is_subclass(&vm.types.bytearray));
    let ([cls, string], []) = if of_bytearray {
        crate::sig!("bytearray.fromhex", "$type, string, /").bind(vm, a, kw)?
    } else {
        crate::sig!("bytes.fromhex", "$type, string, /").bind(vm, a, kw)?
    };
    let s = string.as_str().ok_or_else(|| vm.type_error(format!("fromhex() argument must be str, not {}", vm.type_name(string).as_str())))?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |i: usize| vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"));
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() || chars[i] == '\x0b' {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()).ok_or_else(|| bad(i))?;
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16).filter(|_| c.is_ascii())).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let (cls, base) = match cls {
        Value::Class(c) => (cls.clone(), c.clone()),
        _ => (Value::Class(vm.types.bytes.clone()), vm.types.bytes.clone()),
    };
    if base.is_subclass(&vm.types.bytearray) {
        if Rc::ptr_eq(&base, &vm.types.bytearray) {
            return Ok(new_bytearray(out));
        }
        return vm.call(&cls, &[new_bytearray(out)], &[]);
    }
    if Rc::ptr_eq(&base, &vm.types.bytes) {
        return Ok(new_bytes(out));
    }
    vm.call(&cls, &[new_bytes(out)], &[])
}

fn maketrans(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([from, to], []) = crate::sig!("maketrans", "frm, to, /").bind(vm, a, kw)?;
    let from = vm.bytes_of(from)?;
    let to = vm.bytes_of(to)?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(table))
}

// ----- helpers -----

/// The contents of `self` and whether it is a bytearray.
fn this(vm: &Vm, a: &[Value]) -> PyResult<(Vec<u8>, bool)> {
    match a.first().map(|v| v.builtin_base()) {
        Some(Value::Bytes(b)) => Ok((b.data.to_vec(), false)),
        Some(Value::ByteArray(b)) => Ok((b.data.borrow().clone(), true)),
        _ => Err(vm.type_error("descriptor requires a 'bytes' object")),
    }
}

fn this_ba<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a ByteArray> {
    match a.first().map(|v| v.builtin_base()) {
        Some(Value::ByteArray(b)) => Ok(b),
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

fn make(ba: bool, data: Vec<u8>) -> Value {
    if ba {
        new_bytearray(data)
    } else {
        new_bytes(data)
    }
}

fn type_str(ba: bool) -> &'static str {
    if ba {
        "bytearray"
    } else {
        "bytes"
    }
}

/// The signature of a method bytes and bytearray share, named after the
/// receiver's type for messages (`bytes.join`, `bytearray.join`).
macro_rules! either_sig {
    ($a:expr, $($kind:ident)? $name:literal, $text:literal) => {
        if matches!($a.first().map(Value::builtin_base), Some(Value::ByteArray(_))) {
            crate::sig!($($kind)? concat!("bytearray.", $name), $text)
        } else {
            crate::sig!($($kind)? concat!("bytes.", $name), $text)
        }
    };
}

fn find_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    if needle.len() == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn count_in(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

/// A `sub` argument of find/count/index: an int (one byte) or bytes-like.
fn sub_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.builtin_base() {
        Value::Bytes(b) => Ok(b.data.to_vec()),
        Value::ByteArray(b) => Ok(b.data.borrow().clone()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(vec![byte_value(vm, v)?]),
        Value::Native(_) if super::memoryview::view_of(v).is_some() => super::memoryview::bytes_of_view(vm, v),
        _ => {
            if let Value::Instance(_) = v {
                if let Ok(Some(_)) = vm.get_attr_opt(v, &vm.intern("__index__")) {
                    return Ok(vec![byte_value(vm, v)?]);
                }
            }
            Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(v).as_str())))
        }
    }
}

/// An int in range(0, 256).
fn byte_value(vm: &Vm, v: &Value) -> PyResult<u8> {
    let i = match v.builtin_base() {
        Value::BigInt(_) => return Err(vm.value_error("byte must be in range(0, 256)")),
        _ => vm.index_value(v)?,
    };
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ----- dunders -----

fn len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, slot "__len__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Int(this(vm, a)?.0.len() as i64))
}

fn hash(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = either_sig!(a, slot "__hash__", "$self, /").bind(vm, a, kw)?;
    this(vm, a)?;
    Ok(Value::Int(vm.hash(me.builtin_base())?))
}

fn repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = either_sig!(a, slot "__repr__", "$self, /").bind(vm, a, kw)?;
    this(vm, a)?;
    Ok(Value::Str(vm.repr(me.builtin_base())?))
}

fn bytes_dunder(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "__bytes__", "$self, /").bind(vm, a, kw)?;
    Ok(new_bytes(this(vm, a)?.0))
}

fn getnewargs(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "__getnewargs__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::tuple(vec![new_bytes(this(vm, a)?.0)]))
}

fn getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, key], []) = either_sig!(a, slot "__getitem__", "$self, key, /").bind(vm, a, kw)?;
    this(vm, a)?;
    vm.get_item(me.builtin_base(), key)
}

fn contains(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, key], []) = either_sig!(a, slot "__contains__", "$self, key, /").bind(vm, a, kw)?;
    let (data, _) = this(vm, a)?;
    let sub = sub_arg(vm, key)?;
    Ok(Value::bool(find_in(&data, &sub).is_some()))
}

fn iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = either_sig!(a, slot "__iter__", "$self, /").bind(vm, a, kw)?;
    this(vm, a)?;
    vm.iter(me.builtin_base())
}

fn add(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, other], []) = either_sig!(a, slot "__add__", "$self, value, /").bind(vm, a, kw)?;
    let (mut data, ba) = this(vm, a)?;
    match other.builtin_base() {
        Value::Bytes(b) => data.extend_from_slice(&b.data),
        Value::ByteArray(b) => data.extend_from_slice(&b.data.borrow()),
        Value::Native(_) if super::memoryview::view_of(other).is_some() => data.extend(super::memoryview::bytes_of_view(vm, other)?),
        _ => {
            return Err(vm.type_error(format!("can't concat {} to {}", vm.type_name(other).as_str(), type_str(ba))));
        }
    }
    Ok(make(ba, data))
}

fn mul(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, count], []) = either_sig!(a, slot "__mul__", "$self, value, /").bind(vm, a, kw)?;
    let (data, ba) = this(vm, a)?;
    if !super::string::is_index(vm, count) {
        return Ok(Value::NotImplemented);
    }
    let n = vm.repeat_count(count)?;
    Ok(make(ba, crate::runtime::alloc::repeat_bytes(&data, n).map_err(|_| vm.memory_error())?))
}

fn mod_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, values], []) = either_sig!(a, slot "__mod__", "$self, value, /").bind(vm, a, kw)?;
    let (data, ba) = this(vm, a)?;
    Ok(make(ba, percent_format(vm, &data, values)?))
}

fn rmod(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, slot "__rmod__", "$self, value, /").bind(vm, a, kw)?;
    Ok(Value::NotImplemented)
}

fn compare(vm: &Vm, a: &[Value], other: &Value, op: CmpOp) -> PyResult<Value> {
    let (x, _) = this(vm, a)?;
    let y = match other.builtin_base() {
        Value::Bytes(b) => b.data.to_vec(),
        Value::ByteArray(b) => b.data.borrow().clone(),
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::bool(match op {
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        _ => x >= y,
    }))
}

fn eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, other], []) = either_sig!(a, slot "__eq__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, other, CmpOp::Eq)
}
fn ne(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, other], []) = either_sig!(a, slot "__ne__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, other, CmpOp::Ne)
}
fn lt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, other], []) = either_sig!(a, slot "__lt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, other, CmpOp::Lt)
}
fn le(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, other], []) = either_sig!(a, slot "__le__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, other, CmpOp::Le)
}
fn gt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, other], []) = either_sig!(a, slot "__gt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, other, CmpOp::Gt)
}
fn ge(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, other], []) = either_sig!(a, slot "__ge__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, other, CmpOp::Ge)
}

// ----- codecs and hex -----

fn decode(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [enc, errors]) = either_sig!(a, "decode", "$self, /, encoding='utf-8', errors='strict'").bind(vm, a, kw)?;
    let (data, _) = this(vm, a)?;
    let enc = codecs::str_arg(vm, enc, "decode", "encoding", 1)?;
    let errors = codecs::str_arg(vm, errors, "decode", "errors", 2)?;
    let codec = codecs::lookup(vm, enc.as_deref().unwrap_or("utf-8"))?;
    Ok(Value::string(codecs::decode(vm, &data, codec, errors.as_deref().unwrap_or("strict"))?))
}

fn hex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [sep, per]) = either_sig!(a, "hex", "$self, /, sep=None, bytes_per_sep=1").bind(vm, a, kw)?;
    let (data, _) = this(vm, a)?;
    let sep: Option<char> = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s: Vec<char> = match v.builtin_base() {
                Value::Str(s) => s.as_str().chars().collect(),
                Value::Bytes(b) => b.data.iter().map(|&b| b as char).collect(),
                Value::ByteArray(b) => b.data.borrow().iter().map(|&b| b as char).collect(),
                _ => return Err(vm.type_error(format!("object of type '{}' has no len()", vm.type_name(v).as_str()))),
            };
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !s[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0])
        }
    };
    let per = match per {
        None => 1,
        Some(v) => vm.index_value(v)?,
    };
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && !data.is_empty()) else {
        return Ok(Value::string(digits.concat()));
    };
    let k = per.unsigned_abs() as usize;
    let n = digits.len();
    let mut out = String::with_capacity(n * 3);
    for (i, d) in digits.iter().enumerate() {
        if i > 0 {
            // Groups count from the right for positive bytes_per_sep, from the left otherwise.
            let boundary = if per > 0 { (n - i).is_multiple_of(k) } else { i.is_multiple_of(k) };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(d);
    }
    Ok(Value::string(out))
}

// ----- searching -----

/// The bytes, `sub`, and `start`/`end` adjusted to them, of find, count and index.
fn find_args(vm: &Vm, a: &[Value], sub: &Value, start: Option<&Value>, end: Option<&Value>) -> PyResult<(Vec<u8>, Vec<u8>, i64, i64)> {
    let (data, _) = this(vm, a)?;
    let sub = sub_arg(vm, sub)?;
    let start = slice_arg(vm, start)?;
    let end = slice_arg(vm, end)?;
    let (s, e) = adjust(start, end, data.len());
    Ok((data, sub, s, e))
}

fn find_impl(data: &[u8], sub: &[u8], s: i64, e: i64, reverse: bool) -> i64 {
    if e - s < sub.len() as i64 {
        return -1;
    }
    let hay = &data[s as usize..e as usize];
    let r = if reverse { rfind_in(hay, sub) } else { find_in(hay, sub) };
    r.map(|i| i as i64 + s).unwrap_or(-1)
}

fn find(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, sub], [start, end]) = either_sig!(a, tuple "find", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (d, sub, s, e) = find_args(vm, a, sub, start, end)?;
    Ok(Value::Int(find_impl(&d, &sub, s, e, false)))
}

fn rfind(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, sub], [start, end]) = either_sig!(a, tuple "rfind", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (d, sub, s, e) = find_args(vm, a, sub, start, end)?;
    Ok(Value::Int(find_impl(&d, &sub, s, e, true)))
}

fn index(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, sub], [start, end]) = either_sig!(a, tuple "index", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (d, sub, s, e) = find_args(vm, a, sub, start, end)?;
    match find_impl(&d, &sub, s, e, false) {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, sub], [start, end]) = either_sig!(a, tuple "rindex", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (d, sub, s, e) = find_args(vm, a, sub, start, end)?;
    match find_impl(&d, &sub, s, e, true) {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, sub], [start, end]) = either_sig!(a, tuple "count", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (d, sub, s, e) = find_args(vm, a, sub, start, end)?;
    if e - s < sub.len() as i64 {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(count_in(&d[s as usize..e as usize], &sub) as i64))
}

fn affix(vm: &Vm, a: &[Value], args: ([&Value; 2], [Option<&Value>; 2]), name: &str, at_end: bool) -> PyResult<Value> {
    let ([_, prefix], [start, end]) = args;
    let (data, _) = this(vm, a)?;
    let start = slice_arg(vm, start)?;
    let end = slice_arg(vm, end)?;
    let (s, e) = adjust(start, end, data.len());
    let test = |sub: &[u8]| -> bool {
        if s > data.len() as i64 || e - s < sub.len() as i64 {
            return false;
        }
        let hay = &data[s as usize..e as usize];
        if at_end {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    match prefix.as_tuple() {
        Some(t) => {
            for item in t.items.iter() {
                if test(&vm.bytes_of(item)?) {
                    return Ok(Value::bool(true));
                }
            }
            Ok(Value::bool(false))
        }
        None => match prefix.builtin_base() {
            Value::Bytes(_) | Value::ByteArray(_) => Ok(Value::bool(test(&vm.bytes_of(prefix)?))),
            _ => Err(vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", vm.type_name(prefix).as_str()))),
        },
    }
}

fn startswith(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = either_sig!(a, tuple "startswith", "$self, prefix, start=None, end=None, /").bind(vm, a, kw)?;
    affix(vm, a, args, "startswith", false)
}

fn endswith(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = either_sig!(a, tuple "endswith", "$self, suffix, start=None, end=None, /").bind(vm, a, kw)?;
    affix(vm, a, args, "endswith", true)
}

// ----- transforming -----

fn replace(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, old, new], [count]) = either_sig!(a, "replace", "$self, old, new, count=-1, /").bind(vm, a, kw)?;
    let (data, ba) = this(vm, a)?;
    let old = vm.bytes_of(old)?;
    let new = vm.bytes_of(new)?;
    let count = match count {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        let mut n = 0;
        for &b in &data {
            if n < limit {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(b);
        }
        if n < limit {
            out.extend_from_slice(&new);
        }
        return Ok(make(ba, out));
    }
    let mut i = 0;
    let mut n = 0;
    while n < limit {
        match find_in(&data[i..], &old) {
            Some(j) => {
                out.extend_from_slice(&data[i..i + j]);
                out.extend_from_slice(&new);
                i += j + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[i..]);
    Ok(make(ba, out))
}

fn removeprefix(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, prefix], []) = either_sig!(a, "removeprefix", "$self, prefix, /").bind(vm, a, kw)?;
    let (data, ba) = this(vm, a)?;
    let p = vm.bytes_of(prefix)?;
    Ok(make(ba, data.strip_prefix(&p[..]).unwrap_or(&data).to_vec()))
}

fn removesuffix(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, suffix], []) = either_sig!(a, "removesuffix", "$self, suffix, /").bind(vm, a, kw)?;
    let (data, ba) = this(vm, a)?;
    let p = vm.bytes_of(suffix)?;
    Ok(make(ba, data.strip_suffix(&p[..]).unwrap_or(&data).to_vec()))
}

fn strip_impl(vm: &Vm, a: &[Value], chars: Option<&Value>, left: bool, right: bool) -> PyResult<Value> {
    let (data, ba) = this(vm, a)?;
    let set: Option<Vec<u8>> = match chars {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.bytes_of(v)?),
    };
    let pred = |b: u8| match &set {
        None => is_space(b),
        Some(s) => s.contains(&b),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && pred(data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && pred(data[e - 1]) {
            e -= 1;
        }
    }
    Ok(make(ba, data[s..e].to_vec()))
}

fn strip(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [chars]) = either_sig!(a, "strip", "$self, bytes=None, /").bind(vm, a, kw)?;
    strip_impl(vm, a, chars, true, true)
}
fn lstrip(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [chars]) = either_sig!(a, "lstrip", "$self, bytes=None, /").bind(vm, a, kw)?;
    strip_impl(vm, a, chars, true, false)
}
fn rstrip(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [chars]) = either_sig!(a, "rstrip", "$self, bytes=None, /").bind(vm, a, kw)?;
    strip_impl(vm, a, chars, false, true)
}

fn map_bytes(vm: &Vm, a: &[Value], f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (data, ba) = this(vm, a)?;
    Ok(make(ba, f(&data)))
}

fn upper(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "upper", "$self, /").bind(vm, a, kw)?;
    map_bytes(vm, a, |d| d.to_ascii_uppercase())
}

fn lower(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "lower", "$self, /").bind(vm, a, kw)?;
    map_bytes(vm, a, |d| d.to_ascii_lowercase())
}

fn swapcase(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "swapcase", "$self, /").bind(vm, a, kw)?;
    map_bytes(vm, a, |d| {
        d.iter()
            .map(|&b| if b.is_ascii_lowercase() { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}

fn capitalize(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "capitalize", "$self, /").bind(vm, a, kw)?;
    map_bytes(vm, a, |d| {
        d.iter().enumerate().map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect()
    })
}

fn title(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "title", "$self, /").bind(vm, a, kw)?;
    map_bytes(vm, a, |d| {
        let mut prev = false;
        d.iter()
            .map(|&b| {
                let r = if prev { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred_all(vm: &Vm, a: &[Value], f: impl Fn(u8) -> bool) -> PyResult<Value> {
    let (data, _) = this(vm, a)?;
    Ok(Value::bool(!data.is_empty() && data.iter().all(|&b| f(b))))
}

fn isalnum(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "isalnum", "$self, /").bind(vm, a, kw)?;
    pred_all(vm, a, |b| b.is_ascii_alphanumeric())
}
fn isalpha(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "isalpha", "$self, /").bind(vm, a, kw)?;
    pred_all(vm, a, |b| b.is_ascii_alphabetic())
}
fn isdigit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "isdigit", "$self, /").bind(vm, a, kw)?;
    pred_all(vm, a, |b| b.is_ascii_digit())
}
fn isspace(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "isspace", "$self, /").bind(vm, a, kw)?;
    pred_all(vm, a, is_space)
}

fn isascii(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "isascii", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(this(vm, a)?.0.is_ascii()))
}

fn islower(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "islower", "$self, /").bind(vm, a, kw)?;
    let (d, _) = this(vm, a)?;
    Ok(Value::bool(d.iter().any(|b| b.is_ascii_lowercase()) && !d.iter().any(|b| b.is_ascii_uppercase())))
}

fn isupper(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "isupper", "$self, /").bind(vm, a, kw)?;
    let (d, _) = this(vm, a)?;
    Ok(Value::bool(d.iter().any(|b| b.is_ascii_uppercase()) && !d.iter().any(|b| b.is_ascii_lowercase())))
}

fn istitle(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "istitle", "$self, /").bind(vm, a, kw)?;
    let (d, _) = this(vm, a)?;
    let mut cased = false;
    let mut prev = false;
    for &b in &d {
        if b.is_ascii_uppercase() {
            if prev {
                return Ok(Value::bool(false));
            }
            prev = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev {
                return Ok(Value::bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::bool(cased))
}

fn fill_arg(vm: &Vm, name: &str, v: Option<&Value>) -> PyResult<u8> {
    match v {
        None => Ok(b' '),
        Some(v) => {
            let d = match v.builtin_base() {
                Value::Bytes(b) => Some(b.data.to_vec()),
                Value::ByteArray(b) => Some(b.data.borrow().clone()),
                _ => None,
            };
            match d {
                Some(d) if d.len() == 1 => Ok(d[0]),
                _ => Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(v).as_str()
                ))),
            }
        }
    }
}

fn justify(vm: &Vm, a: &[Value], width: &Value, fill: Option<&Value>, name: &str) -> PyResult<Value> {
    let (data, ba) = this(vm, a)?;
    let width = vm.index_value(width)?;
    let fill = fill_arg(vm, name, fill)?;
    let len = data.len() as i64;
    if width <= len {
        return Ok(make(ba, data));
    }
    let marg = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            (left, marg - left)
        }
    };
    let out = crate::runtime::alloc::pad_bytes(&data, left, right, fill).map_err(|_| vm.memory_error())?;
    Ok(make(ba, out))
}

fn center(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, width], [fill]) = either_sig!(a, "center", "$self, width, fillchar=b' ', /").bind(vm, a, kw)?;
    justify(vm, a, width, fill, "center")
}
fn ljust(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, width], [fill]) = either_sig!(a, "ljust", "$self, width, fillchar=b' ', /").bind(vm, a, kw)?;
    justify(vm, a, width, fill, "ljust")
}
fn rjust(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, width], [fill]) = either_sig!(a, "rjust", "$self, width, fillchar=b' ', /").bind(vm, a, kw)?;
    justify(vm, a, width, fill, "rjust")
}

fn zfill(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, width], []) = either_sig!(a, "zfill", "$self, width, /").bind(vm, a, kw)?;
    let (data, ba) = this(vm, a)?;
    let width = vm.index_value(width)?;
    if width <= data.len() as i64 {
        return Ok(make(ba, data));
    }
    let fill = width as usize - data.len();
    let sign = usize::from(matches!(data.first(), Some(b'+') | Some(b'-')));
    let mut out = crate::runtime::alloc::pad_bytes(&data[sign..], fill, 0, b'0').map_err(|_| vm.memory_error())?;
    if sign == 1 {
        out.insert(0, data[0]);
    }
    Ok(make(ba, out))
}

fn expandtabs(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [tabsize]) = either_sig!(a, "expandtabs", "$self, /, tabsize=8").bind(vm, a, kw)?;
    let (data, ba) = this(vm, a)?;
    let tabsize = match tabsize {
        Some(v) => vm.index_value(v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for &b in &data {
        match b {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(make(ba, out))
}

fn translate(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, table], [delete]) = either_sig!(a, "translate", "$self, table, /, delete=b''").bind(vm, a, kw)?;
    let (data, ba) = this(vm, a)?;
    let table = match table {
        Value::None => None,
        v => {
            let t = vm.bytes_of(v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete {
        None => Vec::new(),
        Some(v) => vm.bytes_of(v)?,
    };
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| match &table {
            Some(t) => t[b as usize],
            None => b,
        })
        .collect();
    Ok(make(ba, out))
}

// ----- splitting and joining -----

fn split_args(vm: &Vm, sep: Option<&Value>, maxsplit: Option<&Value>) -> PyResult<(Option<Vec<u8>>, i64)> {
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = vm.bytes_of(v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => vm.index_value(v)?,
    };
    Ok((sep, maxsplit))
}

fn split(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [sep, maxsplit]) = either_sig!(a, "split", "$self, /, sep=None, maxsplit=-1").bind(vm, a, kw)?;
    let (sep, maxsplit) = split_args(vm, sep, maxsplit)?;
    let (data, ba) = this(vm, a)?;
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let n = data.len();
            let mut splits = 0;
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if maxsplit >= 0 && splits >= maxsplit {
                    out.push(make(ba, data[i..].to_vec()));
                    break;
                }
                let s = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                out.push(make(ba, data[s..i].to_vec()));
                splits += 1;
            }
        }
        Some(sep) => {
            let mut i = 0;
            let mut splits = 0;
            while maxsplit < 0 || splits < maxsplit {
                match find_in(&data[i..], &sep) {
                    Some(j) => {
                        out.push(make(ba, data[i..i + j].to_vec()));
                        i += j + sep.len();
                        splits += 1;
                    }
                    None => break,
                }
            }
            out.push(make(ba, data[i..].to_vec()));
        }
    }
    Ok(Value::list(out))
}

fn rsplit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [sep, maxsplit]) = either_sig!(a, "rsplit", "$self, /, sep=None, maxsplit=-1").bind(vm, a, kw)?;
    let (sep, maxsplit) = split_args(vm, sep, maxsplit)?;
    let (data, ba) = this(vm, a)?;
    let mut out = Vec::new();
    match sep {
        None => {
            let mut e = data.len();
            let mut splits = 0;
            loop {
                while e > 0 && is_space(data[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if maxsplit >= 0 && splits >= maxsplit {
                    out.push(make(ba, data[..e].to_vec()));
                    break;
                }
                let end = e;
                while e > 0 && !is_space(data[e - 1]) {
                    e -= 1;
                }
                out.push(make(ba, data[e..end].to_vec()));
                splits += 1;
            }
        }
        Some(sep) => {
            let mut e = data.len();
            let mut splits = 0;
            while maxsplit < 0 || splits < maxsplit {
                match rfind_in(&data[..e], &sep) {
                    Some(j) => {
                        out.push(make(ba, data[j + sep.len()..e].to_vec()));
                        e = j;
                        splits += 1;
                    }
                    None => break,
                }
            }
            out.push(make(ba, data[..e].to_vec()));
        }
    }
    out.reverse();
    Ok(Value::list(out))
}

fn splitlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [keepends]) = either_sig!(a, "splitlines", "$self, /, keepends=False").bind(vm, a, kw)?;
    let keepends = match keepends {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let (data, ba) = this(vm, a)?;
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b == b'\n' || b == b'\r' {
            let mut end = i + 1;
            if b == b'\r' && data.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(make(ba, data[start..if keepends { end } else { i }].to_vec()));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < data.len() {
        out.push(make(ba, data[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn partition_impl(vm: &Vm, a: &[Value], sep: &Value, reverse: bool) -> PyResult<Value> {
    let (data, ba) = this(vm, a)?;
    let sep = vm.bytes_of(sep)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { rfind_in(&data, &sep) } else { find_in(&data, &sep) };
    Ok(match found {
        Some(i) => Value::tuple(vec![make(ba, data[..i].to_vec()), make(ba, sep.clone()), make(ba, data[i + sep.len()..].to_vec())]),
        None => {
            if reverse {
                Value::tuple(vec![make(ba, Vec::new()), make(ba, Vec::new()), make(ba, data)])
            } else {
                Value::tuple(vec![make(ba, data), make(ba, Vec::new()), make(ba, Vec::new())])
            }
        }
    })
}

fn partition(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, sep], []) = either_sig!(a, "partition", "$self, sep, /").bind(vm, a, kw)?;
    partition_impl(vm, a, sep, false)
}

fn rpartition(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, sep], []) = either_sig!(a, "rpartition", "$self, sep, /").bind(vm, a, kw)?;
    partition_impl(vm, a, sep, true)
}

fn join(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, iterable], []) = either_sig!(a, "join", "$self, iterable_of_bytes, /").bind(vm, a, kw)?;
    let (sep, ba) = this(vm, a)?;
    let items = match iterable.builtin_base() {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => {
            let it = vm.iter(iterable).map_err(|e| if vm.err_is(&e, "TypeError") { vm.type_error("can only join an iterable") } else { e })?;
            let mut v = Vec::new();
            while let Some(x) = vm.next(&it)? {
                v.push(x);
            }
            v
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match item.builtin_base() {
            Value::Bytes(b) => out.extend_from_slice(&b.data),
            Value::ByteArray(b) => out.extend_from_slice(&b.data.borrow()),
            Value::Native(_) if super::memoryview::view_of(item).is_some() => out.extend(super::memoryview::bytes_of_view(vm, item)?),
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(item).as_str()
                )))
            }
        }
    }
    Ok(make(ba, out))
}

// ----- bytearray mutators -----

fn append(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, item], []) = crate::sig!("bytearray.append", "$self, item, /").bind(vm, a, kw)?;
    let b = this_ba(vm, a)?;
    let v = byte_value(vm, item)?;
    b.data.borrow_mut().push(v);
    Ok(Value::None)
}

/// The bytes an `extend` / slice assignment / `+=` argument provides.
fn iterable_bytes(vm: &Vm, v: &Value, on_not_iterable: impl FnOnce() -> PyErr) -> PyResult<Vec<u8>> {
    match v.builtin_base() {
        Value::Bytes(b) => return Ok(b.data.to_vec()),
        Value::ByteArray(b) => return Ok(b.data.borrow().clone()),
        _ => {}
    }
    if matches!(v.builtin_base(), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return Err(on_not_iterable());
    }
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(e) if vm.err_is(&e, "TypeError") => return Err(on_not_iterable()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = vm.next(&it)? {
        out.push(byte_value(vm, &item)?);
    }
    Ok(out)
}

fn extend(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, items], []) = crate::sig!("bytearray.extend", "$self, iterable_of_ints, /").bind(vm, a, kw)?;
    let b = this_ba(vm, a)?;
    let data = iterable_bytes(vm, items, || vm.type_error(format!("can't extend bytearray with {}", vm.type_name(items).as_str())))?;
    b.data.borrow_mut().extend_from_slice(&data);
    Ok(Value::None)
}

fn pop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [index]) = crate::sig!("bytearray.pop", "$self, index=-1, /").bind(vm, a, kw)?;
    let b = this_ba(vm, a)?;
    let idx = match index {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let mut d = b.data.borrow_mut();
    if d.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let len = d.len() as i64;
    let i = if idx < 0 { idx + len } else { idx };
    if i < 0 || i >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(d.remove(i as usize) as i64))
}

fn insert(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, index, item], []) = crate::sig!("bytearray.insert", "$self, index, item, /").bind(vm, a, kw)?;
    let b = this_ba(vm, a)?;
    let idx = vm.index_value(index)?;
    let v = byte_value(vm, item)?;
    let mut d = b.data.borrow_mut();
    let len = d.len() as i64;
    let i = if idx < 0 { (idx + len).max(0) } else { idx.min(len) };
    d.insert(i as usize, v);
    Ok(Value::None)
}

fn remove(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, value], []) = crate::sig!("bytearray.remove", "$self, value, /").bind(vm, a, kw)?;
    let b = this_ba(vm, a)?;
    let v = byte_value(vm, value)?;
    let mut d = b.data.borrow_mut();
    match d.iter().position(|&x| x == v) {
        Some(i) => {
            d.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn reverse(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "reverse", "$self, /").bind(vm, a, kw)?;
    this_ba(vm, a)?.data.borrow_mut().reverse();
    Ok(Value::None)
}

fn clear(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "clear", "$self, /").bind(vm, a, kw)?;
    this_ba(vm, a)?.data.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    either_sig!(a, "copy", "$self, /").bind(vm, a, kw)?;
    let d = this_ba(vm, a)?.data.borrow().clone();
    Ok(new_bytearray(d))
}

fn alloc(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("bytearray.__alloc__", "$self, /").bind(vm, a, kw)?;
    let n = this_ba(vm, a)?.data.borrow().capacity();
    Ok(Value::Int(n as i64 + 1))
}

fn setitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, key, value], []) = crate::sig!(slot "bytearray.__setitem__", "$self, key, value, /").bind(vm, a, kw)?;
    this_ba(vm, a)?;
    set_item(vm, me.builtin_base(), key, value)?;
    Ok(Value::None)
}

fn delitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, key], []) = crate::sig!(slot "bytearray.__delitem__", "$self, key, /").bind(vm, a, kw)?;
    this_ba(vm, a)?;
    del_item(vm, me.builtin_base(), key)?;
    Ok(Value::None)
}

fn iadd(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, other], []) = crate::sig!(slot "bytearray.__iadd__", "$self, value, /").bind(vm, a, kw)?;
    let b = this_ba(vm, a)?;
    let other = match other.builtin_base() {
        Value::Bytes(x) => x.data.to_vec(),
        Value::ByteArray(x) => x.data.borrow().clone(),
        _ => return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(other).as_str()))),
    };
    b.data.borrow_mut().extend_from_slice(&other);
    Ok(me.clone())
}

fn imul(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, count], []) = crate::sig!(slot "bytearray.__imul__", "$self, value, /").bind(vm, a, kw)?;
    let b = this_ba(vm, a)?;
    let n = vm.repeat_count(count)?;
    let d = crate::runtime::alloc::repeat_bytes(&b.data.borrow(), n).map_err(|_| vm.memory_error())?;
    *b.data.borrow_mut() = d;
    Ok(me.clone())
}

/// `ba[idx] = v` for a bytearray, slices included (used by the evaluator).
pub fn set_item(vm: &Vm, obj: &Value, idx: &Value, v: &Value) -> PyResult<()> {
    let Value::ByteArray(b) = obj else {
        return Err(vm.type_error("'bytes' object does not support item assignment"));
    };
    if let Value::Slice(s) = idx {
        let new = match v.builtin_base() {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Str(_) => {
                return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"))
            }
            _ => iterable_bytes(vm, v, || vm.type_error(format!("cannot convert '{}' object to bytearray", vm.type_name(v).as_str())))?,
        };
        // The bounds' `__index__` may shrink the bytearray: positions are
        // checked against its length after they are computed.
        let len = b.data.borrow().len();
        let (start, stop, step) = vm.slice_indices(s, len as i64)?;
        if step == 1 {
            let mut d = b.data.borrow_mut();
            let start = (start as usize).min(d.len());
            let stop = (stop as usize).clamp(start, d.len());
            d.splice(start..stop, new);
            return Ok(());
        }
        let pos = vm.slice_positions(s, len)?;
        if pos.len() != new.len() {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                pos.len()
            )));
        }
        let mut d = b.data.borrow_mut();
        for (i, x) in pos.into_iter().zip(new) {
            if let Some(slot) = d.get_mut(i) {
                *slot = x;
            }
        }
        return Ok(());
    }
    let len = b.data.borrow().len();
    let i = vm.seq_index(idx, len, "bytearray")?;
    let byte = byte_value(vm, v)?;
    // Both conversions run Python code that may have shrunk the bytearray.
    match i.and_then(|i| b.data.borrow_mut().get_mut(i).map(|slot| *slot = byte)) {
        Some(()) => Ok(()),
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

/// `del ba[idx]` for a bytearray, slices included (used by the evaluator).
pub fn del_item(vm: &Vm, obj: &Value, idx: &Value) -> PyResult<()> {
    let Value::ByteArray(b) = obj else {
        return Err(vm.type_error("'bytes' object doesn't support item deletion"));
    };
    let len = b.data.borrow().len();
    if let Value::Slice(s) = idx {
        let mut pos = vm.slice_positions(s, len)?;
        pos.sort_unstable();
        let mut d = b.data.borrow_mut();
        let mut keep = vec![true; d.len()];
        for i in pos {
            // The bounds' `__index__` may have shrunk the bytearray.
            if let Some(k) = keep.get_mut(i) {
                *k = false;
            }
        }
        let mut k = keep.iter();
        d.retain(|_| *k.next().unwrap_or(&true));
        return Ok(());
    }
    let i = vm.seq_index(idx, len, "bytearray")?;
    let removed = i.and_then(|i| {
        let mut d = b.data.borrow_mut();
        (i < d.len()).then(|| d.remove(i))
    });
    match removed {
        Some(_) => Ok(()),
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

// ----- % formatting -----

enum PctErr {
    Py(PyErr),
    Format(FormatError),
}

impl From<FormatError> for PctErr {
    fn from(e: FormatError) -> PctErr {
        PctErr::Format(e)
    }
}

struct BytesArgs<'a> {
    vm: &'a Vm,
    args: Value,
    current: Value,
}

fn latin1(d: &[u8]) -> String {
    d.iter().map(|&b| b as char).collect()
}

impl PercentArgs for BytesArgs<'_> {
    type Error = PctErr;
    const KIND: &'static str = "bytes";

    fn tuple_len(&self) -> Option<usize> {
        self.args.as_tuple().map(|t| t.items.len())
    }

    fn is_mapping(&self) -> bool {
        match self.args.builtin_base() {
            Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_) | Value::Str(_) => false,
            Value::Dict(_) => true,
            other => self.vm.type_of(other).lookup(&self.vm.names.getitem).is_some(),
        }
    }

    fn select_key(&mut self, key: &str) -> Result<(), PctErr> {
        let k: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
        self.current = self.vm.get_item(&self.args, &new_bytes(k)).map_err(PctErr::Py)?;
        Ok(())
    }

    fn convert(&mut self, arg: ArgRef, conv: char) -> Result<PercentValue, PctErr> {
        let vm = self.vm;
        let v = match arg {
            ArgRef::Item(i) => match self.args.as_tuple() {
                Some(t) => t.items.get(i).cloned().unwrap_or(Value::None),
                None => Value::None,
            },
            ArgRef::Current => self.current.clone(),
        };
        match conv {
            's' => match v.builtin_base() {
                Value::Bytes(b) => Ok(PercentValue::Str(latin1(&b.data))),
                Value::ByteArray(b) => Ok(PercentValue::Str(latin1(&b.data.borrow()))),
                _ => {
                    if let Value::Instance(_) = &v {
                        if let Some(f) = vm.get_attr_opt(&v, &vm.intern("__bytes__")).map_err(PctErr::Py)? {
                            let r = vm.call(&f, &[], &[]).map_err(PctErr::Py)?;
                            if let Value::Bytes(b) = r.builtin_base() {
                                return Ok(PercentValue::Str(latin1(&b.data)));
                            }
                        }
                    }
                    Err(PctErr::Py(vm.type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        vm.type_name(&v).as_str()
                    ))))
                }
            },
            'r' | 'a' => Ok(PercentValue::Str(vm.ascii(&v).map_err(PctErr::Py)?)),
            'c' => match v.builtin_base() {
                Value::Bytes(b) if b.data.len() == 1 => Ok(PercentValue::Str(latin1(&b.data))),
                Value::ByteArray(b) if b.data.borrow().len() == 1 => Ok(PercentValue::Str(latin1(&b.data.borrow()))),
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    let i = vm.index_value(&v).unwrap_or(-1);
                    if !(0..256).contains(&i) {
                        return Err(PctErr::Py(vm.overflow_error("%c arg not in range(256)")));
                    }
                    Ok(PercentValue::Int(BigInt::from(i)))
                }
                _ => Err(PctErr::Py(vm.type_error("%c requires an integer in range(256) or a single byte"))),
            },
            _ => numeric_value(vm, &v, conv),
        }
    }
}

/// The numeric conversions, as `str % args` makes them.
fn numeric_value(vm: &Vm, v: &Value, conv: char) -> Result<PercentValue, PctErr> {
    let base = v.builtin_base();
    let int_of = |b: &Value| -> Option<BigInt> {
        match b {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(x) => Some(BigInt::from(*x as i64)),
            Value::BigInt(x) => Some((**x).clone()),
            _ => None,
        }
    };
    Ok(match conv {
        'd' | 'i' | 'u' => match int_of(base) {
            Some(i) => PercentValue::Int(i),
            None => match base {
                Value::Float(f) if f.get().is_finite() => match crate::runtime::int::float_to_int(f.get()) {
                    Value::Int(i) => PercentValue::Int(BigInt::from(i)),
                    Value::BigInt(b) => PercentValue::Int((*b).clone()),
                    _ => PercentValue::WrongType("float".into()),
                },
                _ => match vm.index_value(v) {
                    Ok(i) => PercentValue::Int(BigInt::from(i)),
                    Err(_) => PercentValue::WrongType(vm.type_name(v).as_str().to_string()),
                },
            },
        },
        'o' | 'x' | 'X' | '*' => match int_of(base) {
            Some(i) => PercentValue::Int(i),
            None => match vm.index_value(v) {
                Ok(i) if conv != '*' => PercentValue::Int(BigInt::from(i)),
                _ => PercentValue::WrongType(vm.type_name(v).as_str().to_string()),
            },
        },
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => match base {
            Value::Float(f) => PercentValue::Float(f.get()),
            _ => match int_of(base) {
                Some(i) => PercentValue::Float(num_traits::ToPrimitive::to_f64(&i).unwrap_or(f64::INFINITY)),
                None => match vm.to_float_opt(v).map_err(PctErr::Py)? {
                    Some(f) => PercentValue::Float(f),
                    None => PercentValue::WrongType(vm.type_name(v).as_str().to_string()),
                },
            },
        },
        _ => PercentValue::Str(String::new()),
    })
}

/// `%b` is `%s` for bytes: rewrites the conversion characters of `fmt`.
fn rewrite_b(fmt: &[u8]) -> String {
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        out.push(c as char);
        i += 1;
        if c != b'%' {
            continue;
        }
        // `(key)` with nesting.
        if i < fmt.len() && fmt[i] == b'(' {
            let mut depth = 0;
            while i < fmt.len() {
                let d = fmt[i];
                out.push(d as char);
                i += 1;
                if d == b'(' {
                    depth += 1;
                } else if d == b')' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        while i < fmt.len() && matches!(fmt[i], b'-' | b'+' | b' ' | b'#' | b'0' | b'1'..=b'9' | b'*' | b'.' | b'h' | b'l' | b'L') {
            out.push(fmt[i] as char);
            i += 1;
        }
        if i < fmt.len() {
            let conv = fmt[i];
            out.push(if conv == b'b' { 's' } else { conv as char });
            i += 1;
        }
    }
    out
}

/// `data % args` for bytes and bytearray.
pub fn percent_format(vm: &Vm, data: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let fmt = rewrite_b(data);
    let mut a = BytesArgs { vm, args: args.clone(), current: args.clone() };
    let s = format::percent_format(&fmt, &mut a).map_err(|e| match e {
        PctErr::Py(e) => e,
        PctErr::Format(e) => vm.format_error(e),
    })?;
    Ok(s.chars().map(|c| c as u32 as u8).collect())
}
