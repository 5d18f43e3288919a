//! `str`: the constructor, the methods, and the operator dunders.

use super::codecs;
use super::unicode::{self as uni, has};
use crate::compile::ir::{BinOp, CmpOp};
use crate::eval::Vm;
use crate::runtime::gc;
use crate::runtime::int::ArithOp;
use crate::runtime::object::*;
use crate::runtime::search;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let c = &vm.types.str_;
    super::methods(
        vm,
        c,
        "str",
        &[
            ("__len__", len),
            ("__hash__", hash),
            ("__str__", str_),
            ("__repr__", repr),
            ("__format__", format_),
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
            ("__getnewargs__", getnewargs),
            ("__sizeof__", sizeof),
            ("capitalize", capitalize),
            ("casefold", casefold),
            ("center", center),
            ("count", count),
            ("encode", encode),
            ("endswith", endswith),
            ("expandtabs", expandtabs),
            ("find", find),
            ("format", format),
            ("format_map", format_map),
            ("index", index),
            ("isalnum", isalnum),
            ("isalpha", isalpha),
            ("isascii", isascii),
            ("isdecimal", isdecimal),
            ("isdigit", isdigit),
            ("isidentifier", isidentifier),
            ("islower", islower),
            ("isnumeric", isnumeric),
            ("isprintable", isprintable),
            ("isspace", isspace),
            ("istitle", istitle),
            ("isupper", isupper),
            ("join", join),
            ("ljust", ljust),
            ("lower", lower),
            ("lstrip", lstrip),
            ("partition", partition),
            ("removeprefix", removeprefix),
            ("removesuffix", removesuffix),
            ("replace", replace),
            ("rfind", rfind),
            ("rindex", rindex),
            ("rjust", rjust),
            ("rpartition", rpartition),
            ("rsplit", rsplit),
            ("rstrip", rstrip),
            ("split", split),
            ("splitlines", splitlines),
            ("startswith", startswith),
            ("strip", strip),
            ("swapcase", swapcase),
            ("title", title),
            ("translate", translate),
            ("upper", upper),
            ("zfill", zfill),
        ],
    );
    super::method_kind(vm, c, "str", "__new__", str_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, c, "str", "maketrans", maketrans, BuiltinKind::StaticMethod);
}

/// The `str` a method operates on (`self`, possibly of a subclass).
pub fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Str> {
    v.as_str().ok_or_else(|| {
        vm.type_error(format!("descriptor requires a 'str' object but received a '{}'", vm.type_name(v).as_str()))
    })
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, msg: impl FnOnce(&str) -> String) -> PyResult<&'a Str> {
    v.as_str().ok_or_else(|| vm.type_error(msg(vm.type_name(v).as_str())))
}

/// A start/end argument: `None`, or an int (huge ones clamp), or `__index__`.
pub fn slice_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.builtin_base() {
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => Ok(Some(if num_traits::Signed::is_negative(&**b) { i64::MIN / 2 } else { i64::MAX / 2 })),
            _ => match v {
                Value::Instance(_) => vm.index_value(v).map(Some).map_err(|e| {
                    if vm.err_is(&e, "TypeError") {
                        vm.type_error("slice indices must be integers or None or have an __index__ method")
                    } else {
                        e
                    }
                }),
                _ => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
            },
        },
    }
}

/// CPython's `ADJUST_INDICES`: (start, end) with end clamped to `len` and
/// negatives counted from the end; `start` may exceed `end` or `len`.
pub fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e += len;
        if e < 0 {
            e = 0;
        }
    }
    if s < 0 {
        s += len;
        if s < 0 {
            s = 0;
        }
    }
    (s, e)
}


fn chars(s: &Str) -> Vec<char> {
    s.as_str().chars().collect()
}

fn bool_v(b: bool) -> PyResult<Value> {
    Ok(Value::bool(b))
}

// ----- constructor and dunders -----

fn str_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [x, encoding, errors]) =
        crate::sig!("str", "$type, object='', encoding='utf-8', errors='strict'").bind(vm, a, kw)?;
    let v = match x {
        None => Value::str(""),
        Some(x) => {
            if encoding.is_none() && errors.is_none() {
                Value::Str(vm.str(x)?)
            } else {
                let enc = codecs::str_arg(vm, encoding, "str", "encoding", 2)?;
                let err = codecs::str_arg(vm, errors, "str", "errors", 3)?;
                let data = match x.builtin_base() {
                    Value::Bytes(b) => b.data.to_vec(),
                    Value::ByteArray(b) => b.data.borrow().clone(),
                    Value::Native(_) if super::memoryview::view_of(&x).is_some() => vm.bytes_of(&x)?,
                    Value::Str(_) => return Err(vm.type_error("decoding str is not supported")),
                    _ => {
                        return Err(vm.type_error(format!(
                            "decoding to str: need a bytes-like object, {} found",
                            vm.type_name(x).as_str()
                        )))
                    }
                };
                let codec = codecs::lookup(vm, enc.as_deref().unwrap_or("utf-8"))?;
                Value::string(codecs::decode(vm, &data, codec, err.as_deref().unwrap_or("strict"))?)
            }
        }
    };
    Ok(super::numbers::wrap_for_class(vm, cls, &vm.types.str_, v))
}

fn len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__len__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Int(this(vm, a[0])?.char_len() as i64))
}

fn hash(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__hash__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Int(this(vm, a[0])?.hash()))
}

fn sizeof(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.__sizeof__", "$self, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    Ok(Value::Int(49 + s.as_str().len() as i64))
}

fn str_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__str__", "$self, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    match a[0] {
        Value::Str(_) => Ok(a[0].clone()),
        _ => Ok(Value::str(s.as_str())),
    }
}

fn repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__repr__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::string(tulip_syntax::repr::str_repr(this(vm, a[0])?.as_str())))
}

fn getnewargs(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.__getnewargs__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::tuple(vec![Value::str(this(vm, a[0])?.as_str())]))
}

fn format_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.__format__", "$self, format_spec, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    let spec = str_arg(vm, a[1], |t| format!("__format__() argument must be str, not {t}"))?;
    if spec.as_str().is_empty() {
        return Ok(Value::str(s.as_str()));
    }
    Ok(Value::string(vm.format(&Value::str(s.as_str()), spec.as_str())?))
}

fn self_value(vm: &Vm, v: &Value) -> PyResult<Value> {
    this(vm, v)?;
    Ok(v.builtin_base().clone())
}

fn getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__getitem__", "$self, value, /").bind(vm, a, kw)?;
    vm.get_item(&self_value(vm, a[0])?, a[1])
}

fn contains(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__contains__", "$self, value, /").bind(vm, a, kw)?;
    Ok(Value::bool(vm.contains(&self_value(vm, a[0])?, a[1])?))
}

fn iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__iter__", "$self, /").bind(vm, a, kw)?;
    vm.iter(&self_value(vm, a[0])?)
}

fn add(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__add__", "$self, value, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    match a[1].as_str() {
        Some(t) => {
            let mut out = String::with_capacity(s.as_str().len() + t.as_str().len());
            out.push_str(s.as_str());
            out.push_str(t.as_str());
            Ok(Value::string(out))
        }
        None => Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", vm.type_name(a[1]).as_str()))),
    }
}

fn mul(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__mul__", "$self, value, /").bind(vm, a, kw)?;
    let s = self_value(vm, a[0])?;
    if !is_index(vm, a[1]) {
        return Ok(Value::NotImplemented);
    }
    let n = match a[1].builtin_base() {
        Value::BigInt(_) => return Ok(vm.binary_native(BinOp::Arith(ArithOp::Mul), &s, a[1].builtin_base())?.unwrap_or(Value::NotImplemented)),
        _ => vm.index_value(a[1])?,
    };
    Ok(vm.binary_native(BinOp::Arith(ArithOp::Mul), &s, &Value::Int(n))?.unwrap_or(Value::NotImplemented))
}

/// Whether `v` is an int or has `__index__` (what sequence repetition accepts).
pub fn is_index(vm: &Vm, v: &Value) -> bool {
    match v.builtin_base() {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        _ => matches!(v, Value::Instance(_)) && vm.type_of(v).lookup(&vm.names.index).is_some(),
    }
}

fn mod_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__mod__", "$self, value, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    vm.percent_format_str(s.as_str(), a[1])
}

fn rmod(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__rmod__", "$self, value, /").bind(vm, a, kw)?;
    this(vm, a[0])?;
    match a[1].as_str() {
        Some(f) => vm.percent_format_str(f.as_str(), a[0]),
        None => Ok(Value::NotImplemented),
    }
}

fn compare(vm: &Vm, a: [&Value; 2], op: CmpOp) -> PyResult<Value> {
    let s = this(vm, a[0])?;
    let Some(t) = a[1].as_str() else { return Ok(Value::NotImplemented) };
    let (x, y) = (s.as_str(), t.as_str());
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
    let (a, []) = crate::sig!(slot "str.__eq__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Eq)
}
fn ne(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__ne__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Ne)
}
fn lt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__lt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Lt)
}
fn le(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__le__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Le)
}
fn gt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__gt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Gt)
}
fn ge(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "str.__ge__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Ge)
}

// ----- case -----

fn lower_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..cs.len() {
        uni::push_lower(&mut out, &cs, i);
    }
    out
}

fn upper_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        uni::push_upper(&mut out, c);
    }
    out
}

fn lower(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.lower", "$self, /").bind(vm, a, kw)?;
    Ok(Value::string(lower_str(this(vm, a[0])?.as_str())))
}

fn upper(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.upper", "$self, /").bind(vm, a, kw)?;
    Ok(Value::string(upper_str(this(vm, a[0])?.as_str())))
}

fn casefold(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.casefold", "$self, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?.as_str();
    if s.is_ascii() {
        return Ok(Value::string(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        uni::push_fold(&mut out, c);
    }
    Ok(Value::string(out))
}

fn swapcase(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.swapcase", "$self, /").bind(vm, a, kw)?;
    let cs = chars(this(vm, a[0])?);
    let mut out = String::with_capacity(cs.len());
    for (i, &c) in cs.iter().enumerate() {
        let f = uni::flags(c);
        if f & uni::UPPER != 0 {
            uni::push_lower(&mut out, &cs, i);
        } else if f & uni::LOWER != 0 {
            uni::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Ok(Value::string(out))
}

fn title(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.title", "$self, /").bind(vm, a, kw)?;
    let cs = chars(this(vm, a[0])?);
    let mut out = String::with_capacity(cs.len());
    let mut prev_cased = false;
    for (i, &c) in cs.iter().enumerate() {
        if prev_cased {
            uni::push_lower(&mut out, &cs, i);
        } else {
            uni::push_title(&mut out, c);
        }
        prev_cased = has(c, uni::CASED);
    }
    Ok(Value::string(out))
}

fn capitalize(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.capitalize", "$self, /").bind(vm, a, kw)?;
    let cs = chars(this(vm, a[0])?);
    let mut out = String::with_capacity(cs.len());
    for (i, &c) in cs.iter().enumerate() {
        if i == 0 {
            uni::push_title(&mut out, c);
        } else {
            uni::push_lower(&mut out, &cs, i);
        }
    }
    Ok(Value::string(out))
}

// ----- predicates -----

fn all_flag(vm: &Vm, zelf: &Value, flag: u16) -> PyResult<Value> {
    let s = this(vm, zelf)?.as_str();
    bool_v(!s.is_empty() && s.chars().all(|c| has(c, flag)))
}

fn isalpha(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("str.isalpha", "$self, /").bind(vm, a, kw)?;
    all_flag(vm, zelf, uni::ALPHA)
}
fn isdecimal(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("str.isdecimal", "$self, /").bind(vm, a, kw)?;
    all_flag(vm, zelf, uni::DECIMAL)
}
fn isdigit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("str.isdigit", "$self, /").bind(vm, a, kw)?;
    all_flag(vm, zelf, uni::DIGIT)
}
fn isnumeric(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("str.isnumeric", "$self, /").bind(vm, a, kw)?;
    all_flag(vm, zelf, uni::NUMERIC)
}
fn isspace(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("str.isspace", "$self, /").bind(vm, a, kw)?;
    all_flag(vm, zelf, uni::SPACE)
}
fn isalnum(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("str.isalnum", "$self, /").bind(vm, a, kw)?;
    all_flag(vm, zelf, uni::ALPHA | uni::DECIMAL | uni::DIGIT | uni::NUMERIC)
}

fn isascii(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.isascii", "$self, /").bind(vm, a, kw)?;
    bool_v(this(vm, a[0])?.is_ascii())
}

fn isprintable(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.isprintable", "$self, /").bind(vm, a, kw)?;
    bool_v(this(vm, a[0])?.as_str().chars().all(|c| has(c, uni::PRINTABLE)))
}

pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        None => false,
        Some(c) => (c == '_' || has(c, uni::XID_START)) && it.all(|c| has(c, uni::XID_CONTINUE)),
    }
}

fn isidentifier(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.isidentifier", "$self, /").bind(vm, a, kw)?;
    bool_v(is_identifier(this(vm, a[0])?.as_str()))
}

fn islower(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.islower", "$self, /").bind(vm, a, kw)?;
    let mut cased = false;
    for c in this(vm, a[0])?.as_str().chars() {
        let f = uni::flags(c);
        if f & (uni::UPPER | uni::TITLE) != 0 {
            return bool_v(false);
        }
        if f & uni::LOWER != 0 {
            cased = true;
        }
    }
    bool_v(cased)
}

fn isupper(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.isupper", "$self, /").bind(vm, a, kw)?;
    let mut cased = false;
    for c in this(vm, a[0])?.as_str().chars() {
        let f = uni::flags(c);
        if f & (uni::LOWER | uni::TITLE) != 0 {
            return bool_v(false);
        }
        if f & uni::UPPER != 0 {
            cased = true;
        }
    }
    bool_v(cased)
}

fn istitle(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.istitle", "$self, /").bind(vm, a, kw)?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in this(vm, a[0])?.as_str().chars() {
        let f = uni::flags(c);
        if f & (uni::UPPER | uni::TITLE) != 0 {
            if prev_cased {
                return bool_v(false);
            }
            prev_cased = true;
            cased = true;
        } else if f & uni::LOWER != 0 {
            if !prev_cased {
                return bool_v(false);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    bool_v(cased)
}

// ----- padding -----

fn fill_arg(vm: &Vm, name: &str, v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(v) => {
            let s = str_arg(vm, v, |t| format!("{name}() argument 2 must be str, not {t}"))
                .map_err(|_| vm.type_error(format!("The fill character must be a unicode character, not {}", vm.type_name(v).as_str())))?;
            let mut it = s.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
    }
}

fn justify(vm: &Vm, ([zelf, width], [fill]): ([&Value; 2], [Option<&Value>; 1]), name: &str) -> PyResult<Value> {
    let width = vm.index_value(width)?;
    let fill = fill_arg(vm, name, fill)?;
    let s = this(vm, zelf)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::str(s.as_str()));
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
    let padded = crate::runtime::alloc::pad_str(s.as_str(), left, right, fill).map_err(|_| vm.memory_error())?;
    Ok(Value::string(padded))
}

fn center(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("str.center", "$self, width, fillchar=' ', /").bind(vm, a, kw)?;
    justify(vm, args, "center")
}
fn ljust(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("str.ljust", "$self, width, fillchar=' ', /").bind(vm, a, kw)?;
    justify(vm, args, "ljust")
}
fn rjust(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("str.rjust", "$self, width, fillchar=' ', /").bind(vm, a, kw)?;
    justify(vm, args, "rjust")
}

fn zfill(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.zfill", "$self, width, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    let width = vm.index_value(a[1])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::str(s.as_str()));
    }
    let fill = (width - len) as usize;
    let text = s.as_str();
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') | Some(b'-') => text.split_at(1),
        _ => ("", text),
    };
    let mut out = crate::runtime::alloc::pad_str(rest, fill, 0, '0').map_err(|_| vm.memory_error())?;
    out.insert_str(0, sign);
    Ok(Value::string(out))
}

fn expandtabs(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [tabsize]) = crate::sig!("str.expandtabs", "$self, tabsize=8").bind(vm, a, kw)?;
    let s = this(vm, zelf)?;
    let tabsize = match tabsize {
        Some(v) => vm.c_int_value(v)? as i64,
        None => 8,
    };
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    if out.len() as i64 + n > (1 << 34) {
                        return Err(vm.overflow_error("result too long"));
                    }
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

// ----- searching -----

/// The byte range of characters `start..end` (already adjusted, start <= end <= len).
fn byte_range(s: &Str, start: i64, end: i64) -> (usize, usize) {
    (s.byte_offset(start as usize), s.byte_offset(end as usize))
}

type FindArgs<'a> = ([&'a Value; 2], [Option<&'a Value>; 2]);

fn find_args<'a>(vm: &Vm, ([zelf, sub], [start, end]): FindArgs<'a>) -> PyResult<(&'a Str, &'a Str, i64, i64)> {
    let s = this(vm, zelf)?;
    let sub = str_arg(vm, sub, |t| format!("must be str, not {t}"))?;
    let start = slice_arg(vm, start)?;
    let end = slice_arg(vm, end)?;
    let (start, end) = adjust(start, end, s.char_len());
    Ok((s, sub, start, end))
}

/// `find`/`rfind` as a character index, or -1.
fn find_impl(s: &Str, sub: &Str, start: i64, end: i64, reverse: bool) -> i64 {
    if end - start < sub.char_len() as i64 {
        return -1;
    }
    let (bs, be) = byte_range(s, start, end);
    let hay = &s.as_str()[bs..be];
    let found = if reverse { search::rfind(hay, sub.as_str()) } else { search::find(hay, sub.as_str()) };
    match found {
        Some(i) => s.char_index_of_byte(bs + i) as i64,
        None => -1,
    }
}

fn find(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!(tuple "str.find", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (s, sub, start, end) = find_args(vm, args)?;
    Ok(Value::Int(find_impl(s, sub, start, end, false)))
}

fn rfind(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!(tuple "str.rfind", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (s, sub, start, end) = find_args(vm, args)?;
    Ok(Value::Int(find_impl(s, sub, start, end, true)))
}

fn index(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!(tuple "str.index", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (s, sub, start, end) = find_args(vm, args)?;
    match find_impl(s, sub, start, end, false) {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!(tuple "str.rindex", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (s, sub, start, end) = find_args(vm, args)?;
    match find_impl(s, sub, start, end, true) {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!(tuple "str.count", "$self, sub, start=None, end=None, /").bind(vm, a, kw)?;
    let (s, sub, start, end) = find_args(vm, args)?;
    if end - start < sub.char_len() as i64 {
        return Ok(Value::Int(0));
    }
    if sub.char_len() == 0 {
        return Ok(Value::Int(end - start + 1));
    }
    let (bs, be) = byte_range(s, start, end);
    Ok(Value::Int(search::matches(&s.as_str()[bs..be], sub.as_str()).count() as i64))
}

fn affix(vm: &Vm, ([zelf, affix], [start, end]): FindArgs, name: &str, at_end: bool) -> PyResult<Value> {
    let s = this(vm, zelf)?;
    let start = slice_arg(vm, start)?;
    let end = slice_arg(vm, end)?;
    let (start, end) = adjust(start, end, s.char_len());
    let hay = if start > s.char_len() as i64 || start > end {
        None
    } else {
        let (bs, be) = byte_range(s, start, end);
        Some(&s.as_str()[bs..be])
    };
    let test = |sub: &Str| -> bool {
        let Some(hay) = hay else {
            return false;
        };
        if at_end {
            hay.ends_with(sub.as_str())
        } else {
            hay.starts_with(sub.as_str())
        }
    };
    match affix.as_tuple() {
        Some(t) => {
            for item in t.items.iter() {
                let sub = str_arg(vm, item, |ty| format!("tuple for {name} must only contain str, not {ty}"))?;
                if test(sub) {
                    return bool_v(true);
                }
            }
            bool_v(false)
        }
        None => {
            let sub = str_arg(vm, affix, |ty| format!("{name} first arg must be str or a tuple of str, not {ty}"))?;
            bool_v(test(sub))
        }
    }
}

fn startswith(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!(tuple "str.startswith", "$self, prefix, start=None, end=None, /").bind(vm, a, kw)?;
    affix(vm, args, "startswith", false)
}

fn endswith(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!(tuple "str.endswith", "$self, suffix, start=None, end=None, /").bind(vm, a, kw)?;
    affix(vm, args, "endswith", true)
}

// ----- transforming -----

fn replace(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, o) = crate::sig!("str.replace", "$self, old, new, count=-1, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    let old = str_arg(vm, a[1], |t| format!("replace() argument 1 must be str, not {t}"))?;
    let new = str_arg(vm, a[2], |t| format!("replace() argument 2 must be str, not {t}"))?;
    let count = match o[0] {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let (text, old, new) = (s.as_str(), old.as_str(), new.as_str());
    let limit = if count < 0 { usize::MAX } else { count as usize };
    if limit == 0 {
        return Ok(Value::str(text));
    }
    if old.is_empty() {
        // Insert `new` before every character and at the end, up to `limit` times.
        let mut out = String::with_capacity(text.len() + new.len() * (text.len() + 1));
        let mut n = 0;
        for c in text.chars() {
            if n < limit {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < limit {
            out.push_str(new);
        }
        return Ok(Value::string(out));
    }
    // Find the matches first so the result is allocated at its exact size
    // (a str is boxed without spare capacity; growing and then shrinking
    // would copy the text twice more).
    let found: SmallVec<[usize; 8]> = search::matches(text, old).take(limit).collect();
    if found.is_empty() {
        return Ok(a[0].builtin_base().clone());
    }
    let mut out = String::with_capacity(text.len() - found.len() * old.len() + found.len() * new.len());
    let mut start = 0;
    for i in found {
        out.push_str(&text[start..i]);
        out.push_str(new);
        start = i + old.len();
    }
    out.push_str(&text[start..]);
    Ok(Value::string(out))
}

fn removeprefix(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.removeprefix", "$self, prefix, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    let p = str_arg(vm, a[1], |t| format!("removeprefix() argument must be str, not {t}"))?;
    Ok(Value::str(s.as_str().strip_prefix(p.as_str()).unwrap_or(s.as_str())))
}

fn removesuffix(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.removesuffix", "$self, suffix, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    let p = str_arg(vm, a[1], |t| format!("removesuffix() argument must be str, not {t}"))?;
    Ok(Value::str(s.as_str().strip_suffix(p.as_str()).unwrap_or(s.as_str())))
}

fn strip_impl(vm: &Vm, ([zelf], [chars]): ([&Value; 1], [Option<&Value>; 1]), name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = this(vm, zelf)?.as_str();
    let set: Option<Vec<char>> = match chars {
        None | Some(Value::None) => None,
        Some(v) => Some(str_arg(vm, v, |_| format!("{name} arg must be None or str"))?.as_str().chars().collect()),
    };
    let pred = |c: char| match &set {
        None => has(c, uni::SPACE),
        Some(cs) => cs.contains(&c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    Ok(Value::str(r))
}

fn strip(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("str.strip", "$self, chars=None, /").bind(vm, a, kw)?;
    strip_impl(vm, args, "strip", true, true)
}
fn lstrip(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("str.lstrip", "$self, chars=None, /").bind(vm, a, kw)?;
    strip_impl(vm, args, "lstrip", true, false)
}
fn rstrip(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("str.rstrip", "$self, chars=None, /").bind(vm, a, kw)?;
    strip_impl(vm, args, "rstrip", false, true)
}

// ----- splitting and joining -----

/// `sep` (a non-empty str, or `None` for whitespace) and `maxsplit`.
fn split_args(vm: &Vm, sep: Option<&Value>, maxsplit: Option<&Value>) -> PyResult<(Option<Value>, i64)> {
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = str_arg(vm, v, |t| format!("must be str or None, not {t}"))?;
            if s.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(v.clone())
        }
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => vm.index_value(v)?,
    };
    Ok((sep, maxsplit))
}

fn is_space(c: char) -> bool {
    has(c, uni::SPACE)
}

/// `str.split(None, maxsplit)`: runs of whitespace.
fn split_whitespace(s: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(Value::str(rest));
            return out;
        }
        match rest.find(is_space) {
            Some(i) => {
                out.push(Value::str(&rest[..i]));
                rest = rest[i..].trim_start_matches(is_space);
                n += 1;
            }
            None => {
                out.push(Value::str(rest));
                return out;
            }
        }
    }
    out
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(Value::str(rest));
            break;
        }
        match rest.rfind(is_space) {
            Some(i) => {
                let c_len = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(Value::str(&rest[i + c_len..]));
                rest = rest[..i].trim_end_matches(is_space);
                n += 1;
            }
            None => {
                out.push(Value::str(rest));
                break;
            }
        }
    }
    out.reverse();
    out
}

/// The number of splits `maxsplit` allows (negative: no limit).
fn split_limit(maxsplit: i64) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `str.split(sep, maxsplit)` with a non-empty `sep`.
fn split_on(s: &str, sep: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in search::matches(s, sep).take(split_limit(maxsplit)) {
        out.push(Value::str(&s[start..i]));
        start = i + sep.len();
    }
    out.push(Value::str(&s[start..]));
    out
}

fn rsplit_on(s: &str, sep: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut end = s.len();
    for i in search::rmatches(s, sep).take(split_limit(maxsplit)) {
        out.push(Value::str(&s[i + sep.len()..end]));
        end = i;
    }
    out.push(Value::str(&s[..end]));
    out.reverse();
    out
}

fn split(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [sep, maxsplit]) = crate::sig!("str.split", "$self, sep=None, maxsplit=-1").bind(vm, a, kw)?;
    let (sep, maxsplit) = split_args(vm, sep, maxsplit)?;
    let s = this(vm, zelf)?.as_str();
    let items = match sep.as_ref().and_then(|v| v.as_str()) {
        None => split_whitespace(s, maxsplit),
        Some(sep) => split_on(s, sep.as_str(), maxsplit),
    };
    Ok(Value::list(items))
}

fn rsplit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [sep, maxsplit]) = crate::sig!("str.rsplit", "$self, sep=None, maxsplit=-1").bind(vm, a, kw)?;
    let (sep, maxsplit) = split_args(vm, sep, maxsplit)?;
    let s = this(vm, zelf)?.as_str();
    let items = match sep.as_ref().and_then(|v| v.as_str()) {
        None => rsplit_whitespace(s, maxsplit),
        Some(sep) => rsplit_on(s, sep.as_str(), maxsplit),
    };
    Ok(Value::list(items))
}

fn splitlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [keepends]) = crate::sig!("str.splitlines", "$self, keepends=False").bind(vm, a, kw)?;
    let keepends = match keepends {
        Some(v) => {
            if let Value::Float(_) = v.builtin_base() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.truthy(v)?
        }
        None => false,
    };
    let s = this(vm, zelf)?.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(Value::str(&s[start..if keepends { end } else { i }]));
        start = end;
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn partition_impl(vm: &Vm, [zelf, sep]: [&Value; 2], reverse: bool) -> PyResult<Value> {
    let s = this(vm, zelf)?.as_str();
    let sep = str_arg(vm, sep, |t| format!("must be str, not {t}"))?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { search::rfind(s, sep.as_str()) } else { search::find(s, sep.as_str()) };
    Ok(match found {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::str(sep.as_str()), Value::str(&s[i + sep.as_str().len()..])]),
        None => {
            if reverse {
                Value::tuple(vec![Value::str(""), Value::str(""), Value::str(s)])
            } else {
                Value::tuple(vec![Value::str(s), Value::str(""), Value::str("")])
            }
        }
    })
}

fn partition(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (args, []) = crate::sig!("str.partition", "$self, sep, /").bind(vm, a, kw)?;
    partition_impl(vm, args, false)
}

fn rpartition(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (args, []) = crate::sig!("str.rpartition", "$self, sep, /").bind(vm, a, kw)?;
    partition_impl(vm, args, true)
}

fn join(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.join", "$self, iterable, /").bind(vm, a, kw)?;
    let sep = this(vm, a[0])?;
    match a[1].builtin_base() {
        // Borrowed in place: joining runs no Python code that could mutate the list.
        Value::List(l) => join_items(vm, sep, &l.items.borrow()),
        Value::Tuple(t) => join_items(vm, sep, &t.items),
        _ => {
            let it = vm.iter(a[1]).map_err(|e| if vm.err_is(&e, "TypeError") { vm.type_error("can only join an iterable") } else { e })?;
            let mut v = Vec::new();
            while let Some(x) = vm.next(&it)? {
                v.push(x);
            }
            join_items(vm, sep, &v)
        }
    }
}

fn join_items(vm: &Vm, sep: &Str, items: &[Value]) -> PyResult<Value> {
    let mut total = 0;
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(s) => total += s.as_str().len(),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(item).as_str()
                )))
            }
        }
    }
    let seps = crate::runtime::alloc::bytes_for(sep.as_str().len(), items.len().saturating_sub(1));
    let capacity = seps.ok().and_then(|s| s.checked_add(total)).ok_or_else(|| vm.memory_error())?;
    let mut out = crate::runtime::alloc::string_with_capacity(capacity).map_err(|_| vm.memory_error())?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Some(s) = item.as_str() {
            out.push_str(s.as_str());
        }
    }
    Ok(Value::string(out))
}

// ----- codecs -----

fn encode(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [encoding, errors]) = crate::sig!("str.encode", "$self, encoding='utf-8', errors='strict'").bind(vm, a, kw)?;
    let s = this(vm, zelf)?;
    let enc = codecs::str_arg(vm, encoding, "encode", "encoding", 1)?;
    let errors = codecs::str_arg(vm, errors, "encode", "errors", 2)?;
    let codec = codecs::lookup(vm, enc.as_deref().unwrap_or("utf-8"))?;
    let data = codecs::encode(vm, s.as_str(), codec, errors.as_deref().unwrap_or("strict"))?;
    Ok(Value::Bytes(Rc::new(Bytes { data: data.into() })))
}

// ----- translation -----

fn maketrans(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], [y, z]) = crate::sig!("str.maketrans", "x, y=<unset>, z=<unset>, /").bind(vm, a, kw)?;
    let d = gc::new(Dict::new());
    let Some(y) = y else {
        let Some(src) = x.as_dict() else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let items: Vec<(Value, Value)> = src.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
        for (k, v) in items {
            let key = match k.builtin_base() {
                Value::Str(s) => {
                    let mut it = s.as_str().chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => return Err(vm.value_error("string keys in translate table must be of length 1")),
                    }
                }
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => k.clone(),
                _ => return Err(vm.type_error("keys in translate table must be strings or integers")),
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(Value::Dict(d));
    };
    let x = str_arg(vm, x, |_| "first maketrans argument must be a string if there is a second argument".into())?;
    let y = str_arg(vm, y, |_| "the first two maketrans arguments must have equal length".into())?;
    if x.char_len() != y.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (c, t) in x.as_str().chars().zip(y.as_str().chars()) {
        vm.dict_set(&d, Value::Int(c as i64), Value::Int(t as i64))?;
    }
    if let Some(z) = z {
        let z = str_arg(vm, z, |t| format!("maketrans() argument 3 must be str, not {t}"))?;
        for c in z.as_str().chars() {
            vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(d))
}

fn translate(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.translate", "$self, table, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?.as_str();
    let table = a[1];
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::Int(c as i64);
        let mapped = match table {
            Value::Dict(d) => vm.dict_get(d, &key)?,
            _ => match vm.get_item(table, &key) {
                Ok(v) => Some(v),
                Err(e) if vm.err_is(&e, "LookupError") => None,
                Err(e) => return Err(e),
            },
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(v) => match v.builtin_base() {
                Value::Str(t) => out.push_str(t.as_str()),
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    let n = match v.builtin_base() {
                        Value::Int(i) => *i,
                        Value::Bool(b) => *b as i64,
                        _ => -1,
                    };
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => {
                            if (0xd800..0xe000).contains(&n) {
                                out.push('\u{fffd}');
                            } else {
                                return Err(vm.value_error("character mapping must be in range(0x110000)"));
                            }
                        }
                    }
                }
                _ => return Err(vm.type_error("character mapping must return integer, None or str")),
            },
        }
    }
    Ok(Value::string(out))
}

// ----- formatting -----

fn format(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], args) = crate::sig!("str.format", "$self, /, *args, **kwargs").bind_rest(vm, a, kw)?;
    let s = this(vm, zelf)?;
    Ok(Value::string(super::str_format::format(vm, s.as_str(), super::str_format::Args::Call { args, kw })?))
}

fn format_map(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("str.format_map", "$self, mapping, /").bind(vm, a, kw)?;
    let s = this(vm, a[0])?;
    Ok(Value::string(super::str_format::format(vm, s.as_str(), super::str_format::Args::Map(a[1]))?))
}
