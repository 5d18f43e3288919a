//! `_json`: the native scanner and encoder that stdlib/json uses for
//! `loads` and `dumps`. The Python layer keeps the classes and options;
//! these functions do the work over whole documents.

mod decoder;
mod encoder;
mod escape;
mod fast_hash;

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "scan_once", scan_once);
    def(vm, d, "scanstring", scanstring);
    def(vm, d, "skip_whitespace", skip_whitespace);
    def(vm, d, "encode", encode);
    def(vm, d, "encode_basestring", encode_basestring);
    def(vm, d, "encode_basestring_ascii", encode_basestring_ascii);
    Ok(())
}

fn text_arg<'v>(vm: &Vm, v: &'v Value) -> PyResult<&'v Str> {
    v.as_str().ok_or_else(|| vm.type_error(format!("first argument must be a string, not {}", vm.type_name(v))))
}

/// The byte offset of character `index` of `s` (its length past the end).
fn byte_of(s: &Str, index: usize) -> usize {
    if s.is_ascii() {
        index.min(s.as_str().len())
    } else if index >= s.char_len() {
        s.as_str().len()
    } else {
        decoder::byte_offset(s.as_str(), index)
    }
}

fn char_of(s: &Str, byte: usize) -> Value {
    Value::Int(if s.is_ascii() { byte } else { decoder::char_index(s.as_str(), byte) } as i64)
}

fn optional(v: &Value) -> Option<Value> {
    (!matches!(v, Value::None)).then(|| v.clone())
}

/// A number parser, or `None` where it is the builtin class `native` itself.
fn number_hook(v: &Value, native: &Rc<Class>) -> Option<Value> {
    match v {
        Value::Class(c) if Rc::ptr_eq(c, native) => None,
        _ => optional(v),
    }
}

/// `scan_once(s, idx, error, strict, object_hook, object_pairs_hook,
/// parse_float, parse_int, parse_constant)`: the value at character `idx`
/// of `s` and the index after it; syntax errors raise `error`, except that
/// where no value starts it is `StopIteration(index)`.
fn scan_once(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([doc, idx, error, strict, object_hook, pairs_hook, parse_float, parse_int, parse_constant], []) = crate::sig!(
        "_json.scan_once",
        "s, idx, error, strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, /"
    )
    .bind(vm, a, kw)?;
    let s = text_arg(vm, doc)?;
    let idx = vm.index_value(idx)?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let opts = decoder::Options {
        error_class: error.clone(),
        strict: vm.truthy(strict)?,
        object_hook: optional(object_hook),
        object_pairs_hook: optional(pairs_hook),
        parse_float: number_hook(parse_float, &vm.types.float),
        parse_int: number_hook(parse_int, &vm.types.int),
        parse_constant: parse_constant.clone(),
    };
    if idx as usize >= s.char_len() {
        // Nothing to scan: no value at the index as given.
        return Err(vm.stop_iteration(Value::Int(idx)));
    }
    let mut scanner = decoder::Scanner::new(vm, doc, s.as_str(), &opts);
    let (value, end) = scanner.value(byte_of(s, idx as usize))?;
    Ok(Value::tuple(vec![value, char_of(s, end)]))
}

/// `scanstring(s, end, strict, error)`: the JSON string whose opening quote
/// is at character `end - 1`, and the index after its closing quote.
fn scanstring(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([doc, end, strict, error], []) =
        crate::sig!("_json.scanstring", "s, end, strict, error, /").bind(vm, a, kw)?;
    let s = text_arg(vm, doc)?;
    let end = vm.index_value(end)?;
    if end < 0 || end as usize > s.char_len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    let opts = decoder::Options {
        error_class: error.clone(),
        strict: vm.truthy(strict)?,
        object_hook: None,
        object_pairs_hook: None,
        parse_float: None,
        parse_int: None,
        parse_constant: Value::None,
    };
    let scanner = decoder::Scanner::new(vm, doc, s.as_str(), &opts);
    let (text, after) = scanner.string(byte_of(s, end as usize))?;
    Ok(Value::tuple(vec![Value::Str(Rc::new(Str::new(&text))), char_of(s, after)]))
}

/// `skip_whitespace(s, idx)`: the index of the first character at or after
/// `idx` that is not JSON whitespace.
fn skip_whitespace(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([doc, idx], []) = crate::sig!("_json.skip_whitespace", "s, idx, /").bind(vm, a, kw)?;
    let s = text_arg(vm, doc)?;
    let idx = vm.index_value(idx)?.max(0) as usize;
    if idx >= s.char_len() {
        return Ok(Value::Int(idx as i64));
    }
    let start = byte_of(s, idx);
    let skipped = s.as_str().as_bytes()[start..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
    Ok(Value::Int((idx + skipped) as i64))
}

/// `encode(obj, default, indent, key_separator, item_separator, sort_keys,
/// skipkeys, ensure_ascii, allow_nan, check_circular)`: the JSON text of
/// `obj`; `indent` is the text of one level or None.
fn encode(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj, default, indent, key_sep, item_sep, sort_keys, skip_keys, ensure_ascii, allow_nan, check_circular], []) =
        crate::sig!(
            "_json.encode",
            "obj, default, indent, key_separator, item_separator, sort_keys, skipkeys, ensure_ascii, allow_nan, check_circular, /"
        )
        .bind(vm, a, kw)?;
    let text = |v: &Value, what: &str| {
        v.as_str()
            .map(|s| s.as_str().to_string())
            .ok_or_else(|| vm.type_error(format!("{what} must be str, not {}", vm.type_name(v))))
    };
    let opts = encoder::Options {
        default: default.clone(),
        indent: match indent {
            Value::None => None,
            v => Some(text(v, "indent")?),
        },
        key_separator: text(key_sep, "key_separator")?,
        item_separator: text(item_sep, "item_separator")?,
        sort_keys: vm.truthy(sort_keys)?,
        skip_keys: vm.truthy(skip_keys)?,
        ensure_ascii: vm.truthy(ensure_ascii)?,
        allow_nan: vm.truthy(allow_nan)?,
        check_circular: vm.truthy(check_circular)?,
    };
    let mut e = encoder::Encoder::new(vm, &opts);
    e.encode(obj, 0)?;
    Ok(Value::string(e.out))
}

fn encode_basestring(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("_json.encode_basestring", "s, /").bind(vm, a, kw)?;
    string_literal(vm, s, false)
}

fn encode_basestring_ascii(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("_json.encode_basestring_ascii", "s, /").bind(vm, a, kw)?;
    string_literal(vm, s, true)
}

fn string_literal(vm: &Vm, s: &Value, ascii: bool) -> PyResult<Value> {
    let s = text_arg(vm, s)?;
    let mut out = String::new();
    escape::write_string(&mut out, s.as_str(), ascii);
    Ok(Value::string(out))
}
