//! `int`, `bool`, `float`, `complex`: constructors, methods, and the
//! operator dunders (so subclasses and explicit `int.__add__(a, b)` work).

use crate::compile::ir::{BinOp, CmpOp, UnaryOp};
use crate::eval::Vm;
use crate::runtime::format;
use crate::runtime::int::{self as num, ArithOp, Num};
use crate::runtime::object::*;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::rc::Rc;

macro_rules! binary_dunders {
    ($($name:ident $dname:literal, $rname:ident $rdname:literal => $op:expr;)*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
                let ([x, y], []) = crate::sig!(slot $dname, "$self, value, /").bind(vm, args, kw)?;
                Ok(vm.binary_native($op, x.builtin_base(), y.builtin_base())?.unwrap_or(Value::NotImplemented))
            }
            fn $rname(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
                let ([x, y], []) = crate::sig!(slot $rdname, "$self, value, /").bind(vm, args, kw)?;
                Ok(vm.binary_native($op, y.builtin_base(), x.builtin_base())?.unwrap_or(Value::NotImplemented))
            }
        )*
        /// (name, reflected name, normal fn, reflected fn) for every operator.
        const BINARY_DUNDERS: &[(&str, &str, NativeFn, NativeFn)] = &[$(($dname, $rdname, $name, $rname),)*];
    };
}

binary_dunders! {
    add "__add__", radd "__radd__" => BinOp::Arith(ArithOp::Add);
    sub "__sub__", rsub "__rsub__" => BinOp::Arith(ArithOp::Sub);
    mul "__mul__", rmul "__rmul__" => BinOp::Arith(ArithOp::Mul);
    truediv "__truediv__", rtruediv "__rtruediv__" => BinOp::Arith(ArithOp::TrueDiv);
    floordiv "__floordiv__", rfloordiv "__rfloordiv__" => BinOp::Arith(ArithOp::FloorDiv);
    mod_ "__mod__", rmod "__rmod__" => BinOp::Arith(ArithOp::Mod);
    pow "__pow__", rpow "__rpow__" => BinOp::Arith(ArithOp::Pow);
    lshift "__lshift__", rlshift "__rlshift__" => BinOp::Arith(ArithOp::LShift);
    rshift "__rshift__", rrshift "__rrshift__" => BinOp::Arith(ArithOp::RShift);
    and_ "__and__", rand "__rand__" => BinOp::Arith(ArithOp::And);
    or_ "__or__", ror "__ror__" => BinOp::Arith(ArithOp::Or);
    xor "__xor__", rxor "__rxor__" => BinOp::Arith(ArithOp::Xor);
}

/// The signature of a method int, float and complex share, named after
/// the receiver's type for messages (`float.conjugate`).
macro_rules! owner_sig {
    ($a:expr, $name:literal, $text:literal) => {
        match $a.first().map(Value::builtin_base) {
            Some(Value::Float(_)) => crate::sig!(concat!("float.", $name), $text),
            Some(Value::Complex(_)) => crate::sig!(concat!("complex.", $name), $text),
            _ => crate::sig!(concat!("int.", $name), $text),
        }
    };
}

macro_rules! compare_dunders {
    ($($name:ident => $op:expr;)*) => {
        $(
            fn $name(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
                let ([x, y], []) = crate::sig!(slot concat!("__", stringify!($name), "__"), "$self, value, /").bind(vm, args, kw)?;
                Ok(match vm.native_compare(x.builtin_base(), y.builtin_base(), $op)? {
                    Some(b) => Value::bool(b),
                    None => Value::NotImplemented,
                })
            }
        )*
        const COMPARE_DUNDERS: &[(&str, NativeFn)] = &[$((concat!("__", stringify!($name), "__"), $name),)*];
    };
}

compare_dunders! {
    eq => CmpOp::Eq;
    ne => CmpOp::Ne;
    lt => CmpOp::Lt;
    le => CmpOp::Le;
    gt => CmpOp::Gt;
    ge => CmpOp::Ge;
}

/// Installs the operator dunders on a builtin class whose values the
/// native operators handle.
pub fn install_operator_dunders(vm: &Vm, class: &Rc<Class>, owner: &'static str, arithmetic: bool) {
    super::methods(vm, class, owner, COMPARE_DUNDERS);
    if arithmetic {
        for &(n, r, f, rf) in BINARY_DUNDERS {
            super::methods(vm, class, owner, &[(n, f), (r, rf)]);
        }
    }
}

pub fn install(vm: &Vm) {
    let t = &vm.types;
    for (c, name) in [(&t.int, "int"), (&t.float, "float"), (&t.complex, "complex")] {
        install_operator_dunders(vm, c, name, true);
        super::methods(
            vm,
            c,
            name,
            &[("__neg__", neg), ("__pos__", pos), ("__abs__", abs), ("__bool__", bool_), ("__hash__", hash), ("__repr__", repr), ("__format__", format_), ("conjugate", conjugate)],
        );
    }
    // complex has no __float__ since 3.10.
    for (c, name) in [(&t.int, "int"), (&t.float, "float")] {
        super::methods(vm, c, name, &[("__float__", float_)]);
    }
    super::methods(vm, &t.int, "int", &[("__invert__", invert), ("__index__", index), ("__int__", int_), ("bit_length", bit_length), ("bit_count", bit_count), ("to_bytes", to_bytes), ("as_integer_ratio", int_ratio), ("__round__", int_round), ("__trunc__", int_)]);
    super::method_kind(vm, &t.int, "int", "from_bytes", from_bytes, BuiltinKind::ClassMethod);
    super::method_kind(vm, &t.int, "int", "__new__", int_new, BuiltinKind::StaticMethod);
    super::methods(vm, &t.float, "float", &[("is_integer", is_integer), ("as_integer_ratio", float_ratio), ("__int__", float_int), ("__trunc__", float_int), ("__round__", float_round), ("hex", float_hex)]);
    super::method_kind(vm, &t.float, "float", "__new__", float_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, &t.float, "float", "fromhex", float_fromhex, BuiltinKind::ClassMethod);
    super::method_kind(vm, &t.bool_, "bool", "__new__", bool_new, BuiltinKind::StaticMethod);
    super::methods(vm, &t.bool_, "bool", &[("__repr__", repr)]);
    super::method_kind(vm, &t.complex, "complex", "__new__", complex_new, BuiltinKind::StaticMethod);
}

fn neg(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__neg__", "$self, /").bind(vm, a, kw)?;
    vm.unary_op(UnaryOp::Neg, x.builtin_base().clone())
}

fn pos(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__pos__", "$self, /").bind(vm, a, kw)?;
    vm.unary_op(UnaryOp::Pos, x.builtin_base().clone())
}

fn invert(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__invert__", "$self, /").bind(vm, a, kw)?;
    vm.unary_op(UnaryOp::Invert, x.builtin_base().clone())
}

fn abs(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__abs__", "$self, /").bind(vm, a, kw)?;
    let f = vm.builtin("abs");
    vm.call(&f, &[x.builtin_base().clone()], &[])
}

fn bool_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__bool__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(vm.truthy(x.builtin_base())?))
}

fn hash(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__hash__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Int(vm.hash(x.builtin_base())?))
}

fn repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__repr__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Str(vm.repr(x.builtin_base())?))
}

fn format_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x, spec], []) = owner_sig!(a, "__format__", "$self, format_spec, /").bind(vm, a, kw)?;
    let spec = spec.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    Ok(Value::string(vm.format(x.builtin_base(), &spec)?))
}

fn float_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__float__", "$self, /").bind(vm, a, kw)?;
    match Num::of(x) {
        Some(n) => n.to_f64().map(Value::float).map_err(|e| vm.num_err(e)),
        None => Err(vm.type_error("can't convert complex to float")),
    }
}

fn conjugate(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = owner_sig!(a, "conjugate", "$self, /").bind(vm, a, kw)?;
    Ok(match x.builtin_base() {
        Value::Complex(c) => Value::Complex(Rc::new(Complex { re: c.re, im: -c.im })),
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

fn index(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__index__", "$self, /").bind(vm, a, kw)?;
    Ok(match x.builtin_base() {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

fn int_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_], []) = crate::sig!(slot "__int__", "$self, /").bind(vm, a, kw)?;
    index(vm, a, &[])
}

fn bit_length(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("int.bit_length", "$self, /").bind(vm, a, kw)?;
    let b = num::big(x).ok_or_else(|| vm.type_error("descriptor 'bit_length' requires an 'int'"))?;
    Ok(Value::Int(b.bits() as i64))
}

fn bit_count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("int.bit_count", "$self, /").bind(vm, a, kw)?;
    let b = num::big(x).ok_or_else(|| vm.type_error("descriptor 'bit_count' requires an 'int'"))?;
    let ones: u64 = b.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(Value::Int(ones as i64))
}

fn int_ratio(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_], []) = crate::sig!("int.as_integer_ratio", "$self, /").bind(vm, a, kw)?;
    Ok(Value::tuple(vec![index(vm, a, &[])?, Value::Int(1)]))
}

fn int_round(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], [ndigits]) = crate::sig!("int.__round__", "$self, ndigits=None, /").bind(vm, a, kw)?;
    let f = vm.builtin("round");
    let mut args = vec![x.builtin_base().clone()];
    args.extend(ndigits.cloned());
    vm.call(&f, &args, &[])
}

fn to_bytes(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], [length, order, signed]) =
        crate::sig!("int.to_bytes", "$self, length=1, byteorder='big', *, signed=False").bind(vm, a, kw)?;
    let b = num::big(x).unwrap_or_default();
    let length = length.map(|l| vm.index_value(l)).transpose()?.unwrap_or(1);
    let order = order.and_then(|o| o.as_str().map(|s| s.as_str().to_string())).unwrap_or_else(|| "big".into());
    let signed = signed.map(|s| vm.truthy(s)).transpose()?.unwrap_or(false);
    if b.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.to_bytes_le().1 };
    if b.is_zero() {
        bytes = vec![0];
    }
    let fill = if signed && b.is_negative() { 0xff } else { 0 };
    // Drop redundant sign bytes, then pad.
    while bytes.len() > 1 && *bytes.last().unwrap_or(&0) == fill && (!signed || (bytes[bytes.len() - 2] & 0x80 == fill & 0x80)) {
        bytes.pop();
    }
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    if bytes.len() > length as usize && !(length == 0 && b.is_zero()) {
        return Err(vm.overflow_error("int too big to convert"));
    }
    // CPython's limit on the size of a bytes object.
    if length as usize > isize::MAX as usize - 64 {
        return Err(vm.overflow_error("byte string is too large"));
    }
    bytes.try_reserve_exact(length as usize - bytes.len()).map_err(|_| vm.memory_error())?;
    bytes.resize(length as usize, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::new(Bytes { data: bytes.into() })))
}

fn from_bytes(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, data], [order, signed]) =
        crate::sig!("int.from_bytes", "$type, bytes, byteorder='big', *, signed=False").bind(vm, a, kw)?;
    let data = match data {
        Value::Bytes(_) | Value::ByteArray(_) => vm.bytes_of(data)?,
        other => vm.collect(other)?.iter().map(|v| vm.index_value(v).map(|i| i as u8)).collect::<PyResult<_>>()?,
    };
    let order = order.and_then(|o| o.as_str().map(|s| s.as_str().to_string())).unwrap_or_else(|| "big".into());
    let signed = signed.map(|s| vm.truthy(s)).transpose()?.unwrap_or(false);
    let v = match (order.as_str(), signed) {
        ("big", false) => BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
        ("big", true) => BigInt::from_signed_bytes_be(&data),
        (_, false) => BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
        (_, true) => BigInt::from_signed_bytes_le(&data),
    };
    Ok(Value::from_bigint(v))
}

fn is_integer(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("float.is_integer", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(matches!(x.builtin_base(), Value::Float(f) if f.get().is_finite() && f.get().fract() == 0.0)))
}

fn float_ratio(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("float.as_integer_ratio", "$self, /").bind(vm, a, kw)?;
    let Value::Float(f) = x.builtin_base() else { return Err(vm.type_error("float expected")) };
    let f = f.get();
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = num::frexp(f);
    let mut mant = m;
    let mut exp = e;
    while mant.fract() != 0.0 {
        mant *= 2.0;
        exp -= 1;
    }
    let mut n = BigInt::from(mant as i64);
    let mut d = BigInt::from(1);
    if exp > 0 {
        n <<= exp as u64;
    } else {
        d <<= (-exp) as u64;
    }
    Ok(Value::tuple(vec![Value::from_bigint(n), Value::from_bigint(d)]))
}

fn float_int(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!(slot "__int__", "$self, /").bind(vm, a, kw)?;
    let Value::Float(f) = x.builtin_base() else { return Err(vm.type_error("float expected")) };
    float_to_int_checked(vm, f.get())
}

pub fn float_to_int_checked(vm: &Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(num::float_to_int(f))
}

fn float_round(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], [ndigits]) = crate::sig!("float.__round__", "$self, ndigits=None, /").bind(vm, a, kw)?;
    let f = vm.builtin("round");
    let mut args = vec![x.builtin_base().clone()];
    args.extend(ndigits.cloned());
    vm.call(&f, &args, &[])
}

fn float_hex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("float.hex", "$self, /").bind(vm, a, kw)?;
    let Value::Float(f) = x.builtin_base() else { return Err(vm.type_error("float expected")) };
    let f = f.get();
    if f.is_nan() {
        return Ok(Value::str("nan"));
    }
    if f.is_infinite() {
        return Ok(Value::str(if f > 0.0 { "inf" } else { "-inf" }));
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return Ok(Value::string(format!("{sign}0x0.0p+0")));
    }
    let bits = f.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    Ok(Value::string(format!("{sign}0x{lead}.{mant:013x}p{e:+}")))
}

fn float_fromhex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, string], []) = crate::sig!("float.fromhex", "$type, string, /").bind(vm, a, kw)?;
    let s = string.as_str().map(|s| s.as_str().trim().to_lowercase()).unwrap_or_default();
    let (neg, body) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => parse_hex_float(body)
            .ok_or_else(|| vm.value_error("invalid hexadecimal floating-point string"))?
            .ok_or_else(|| vm.overflow_error("hexadecimal value too large to represent as a float"))?,
    };
    Ok(Value::float(if neg { -v } else { v }))
}

/// `[0x]digits[.digits][p[+-]exp]` as the nearest float (ties to even);
/// `None` when malformed, `Some(None)` when too large.
fn parse_hex_float(body: &str) -> Option<Option<f64>> {
    use num_bigint::BigUint;
    let body = body.strip_prefix("0x").unwrap_or(body);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let digits = format!("{int_part}{frac_part}");
    let m = BigUint::parse_bytes(digits.as_bytes(), 16)?;
    if m.bits() == 0 {
        return Some(Some(0.0));
    }
    // value = m * 2^e exactly.
    let e = exp.checked_sub(4 * frac_part.len() as i64)?;
    let top = m.bits() as i64 + e;
    if top > 1024 {
        return Some(None);
    }
    // The exponent of the last bit kept: 53 significant bits, fewer below the normal range.
    let lsb = (top - 53).max(-1074);
    let shift = lsb - e;
    let q: u64 = if shift <= 0 {
        u64::try_from(m << (-shift) as usize).ok()?
    } else {
        let q = &m >> shift as usize;
        let rem = &m - (&q << shift as usize);
        let half = BigUint::from(1u8) << (shift - 1) as usize;
        let odd = q.bit(0);
        let q = u64::try_from(q).ok()?;
        if rem > half || (rem == half && odd) {
            q + 1
        } else {
            q
        }
    };
    let v = ldexp(q as f64, lsb);
    if v.is_infinite() {
        return Some(None);
    }
    Some(Some(v))
}

/// `x * 2^e` in steps that stay in range (x * 2^e is exact here).
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// Wraps a builtin value in an instance when constructing a subclass.
pub fn wrap_for_class(vm: &Vm, cls: &Value, base: &Rc<Class>, v: Value) -> Value {
    match cls {
        Value::Class(c) if !Rc::ptr_eq(c, base) => Value::Instance(vm.instance_with(c, Payload::Value(v))),
        _ => v,
    }
}

fn int_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [x, base]) = crate::sig!("int", "$type, x=<unset>, /, base=10").bind(vm, a, kw)?;
    let v = match (x, base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => vm.to_int(x)?,
        (Some(x), Some(b)) => {
            let b = vm.index_value(b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = match x.builtin_base() {
                Value::Str(s) => s.as_str().to_string(),
                Value::Bytes(bs) => String::from_utf8_lossy(&bs.data).into_owned(),
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            };
            vm.check_int_digits(&text, b as u32)?;
            match format::parse_int(&text, b as u32) {
                Some(v) => Value::from_bigint(v),
                None => {
                    return Err(vm.value_error(format!(
                        "invalid literal for int() with base {}: {}",
                        b,
                        vm.repr(&Value::string(text))?.as_str()
                    )))
                }
            }
        }
    };
    Ok(wrap_for_class(vm, &cls, &vm.types.int, v))
}

impl Vm {
    /// `int(x)` for one argument.
    pub fn to_int(&self, x: &Value) -> PyResult<Value> {
        match x.builtin_base() {
            Value::Int(i) => return Ok(Value::Int(*i)),
            Value::Bool(b) => return Ok(Value::Int(*b as i64)),
            Value::BigInt(b) => return Ok(Value::BigInt(b.clone())),
            Value::Float(f) => return float_to_int_checked(self, f.get()),
            Value::Str(s) => {
                if let Some(i) = format::parse_small_int(s.as_str()) {
                    return Ok(Value::Int(i));
                }
                self.check_int_digits(s.as_str(), 10)?;
                return match format::parse_int(s.as_str(), 10) {
                    Some(v) => Ok(Value::from_bigint(v)),
                    None => Err(self.value_error(format!("invalid literal for int() with base 10: {}", self.repr(&Value::Str(s.clone()))?.as_str()))),
                }
            }
            Value::Bytes(_) | Value::ByteArray(_) => {
                let text = String::from_utf8_lossy(&self.bytes_of(x)?).into_owned();
                self.check_int_digits(&text, 10)?;
                return match format::parse_int(&text, 10) {
                    Some(v) => Ok(Value::from_bigint(v)),
                    None => Err(self.value_error(format!("invalid literal for int() with base 10: {}", self.repr(x)?.as_str()))),
                };
            }
            _ => {}
        }
        let class = self.type_of(x);
        for name in [&self.names.int, &self.names.index, &self.intern("__trunc__")] {
            if let Some(f) = class.lookup(name) {
                let r = self.call(&self.bind_descriptor(f, x)?, &[], &[])?;
                return match r.builtin_base() {
                    Value::Int(_) | Value::BigInt(_) => Ok(r.builtin_base().clone()),
                    Value::Bool(b) => Ok(Value::Int(*b as i64)),
                    _ => Err(self.type_error(format!("__int__ returned non-int (type {})", self.type_name(&r).as_str()))),
                };
            }
        }
        Err(self.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            class.name().as_str()
        )))
    }
}

fn float_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [x]) = crate::sig!("float", "$type, x=0.0, /").bind(vm, a, kw)?;
    let v = match x {
        None => 0.0,
        Some(x) => match x.builtin_base() {
            Value::Str(s) => match format::parse_float(s.as_str()) {
                Some(f) if f.is_nan() => distinct_nan(f),
                Some(f) => f,
                None => {
                    return Err(vm.value_error(format!("could not convert string to float: {}", vm.repr(&Value::Str(s.clone()))?.as_str())))
                }
            },
            Value::Bytes(_) | Value::ByteArray(_) => {
                let text = String::from_utf8_lossy(&vm.bytes_of(x)?).into_owned();
                match format::parse_float(&text) {
                    Some(f) => f,
                    None => return Err(vm.value_error(format!("could not convert string to float: {}", vm.repr(x)?.as_str()))),
                }
            }
            _ => match vm.to_float_opt(x)? {
                Some(f) => f,
                None => {
                    return Err(vm.type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        vm.type_name(x).as_str()
                    )))
                }
            },
        },
    };
    Ok(wrap_for_class(vm, &cls, &vm.types.float, Value::float(v)))
}

fn bool_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls], [x]) = crate::sig!("bool", "$type, x=False, /").bind(vm, a, kw)?;
    match x {
        Some(v) => Ok(Value::bool(vm.truthy(v)?)),
        None => Ok(Value::bool(false)),
    }
}

fn complex_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [real, imag]) = crate::sig!("complex", "$type, real=0, imag=0").bind(vm, a, kw)?;
    // The imaginary part of a real argument is absent rather than 0.0, so
    // that complex(3.0, -0.0) keeps its negative zero (as CPython does).
    let part = |v: &Value| -> PyResult<(f64, Option<f64>)> {
        match v.builtin_base() {
            Value::Complex(c) => Ok((c.re, Some(c.im))),
            Value::Str(s) => parse_complex(s.as_str()).map(|(re, im)| (re, Some(im))).ok_or_else(|| vm.value_error("complex() arg is a malformed string")),
            Value::Instance(_) => match vm.type_of(v).lookup(&vm.intern("__complex__")) {
                Some(f) => match vm.call(&vm.bind_descriptor(f, v)?, &[], &[])?.builtin_base() {
                    Value::Complex(c) => Ok((c.re, Some(c.im))),
                    other => Err(vm.type_error(format!("__complex__ returned non-complex (type {})", vm.type_name(other).as_str()))),
                },
                None => Ok((vm.to_float(v)?, None)),
            },
            _ => Ok((vm.to_float(v)?, None)),
        }
    };
    let (r1, i1) = match &real {
        Some(r) => part(r)?,
        None => (0.0, None),
    };
    let (r2, i2) = match &imag {
        Some(i) => part(i)?,
        None => (0.0, None),
    };
    let re = match i2 {
        Some(i2) => r1 - i2,
        None => r1,
    };
    let im = match i1 {
        Some(i1) => i1 + r2,
        None => r2,
    };
    let v = Value::Complex(Rc::new(Complex { re, im }));
    Ok(wrap_for_class(vm, &cls, &vm.types.complex, v))
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let s = s.trim();
    let s = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(s).trim();
    if let Some(body) = s.strip_suffix(['j', 'J']) {
        // Find the split between real and imaginary parts.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (format::parse_float(&body[..i])?, &body[i..]),
            None => (0.0, body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            t => format::parse_float(t)?,
        };
        return Some((re, im));
    }
    Some((format::parse_float(s)?, 0.0))
}

/// A NaN with a payload of its own. Floats are unboxed, so identity is
/// their bit pattern; giving each `float("nan")` distinct bits makes two of
/// them distinct objects (`[float("nan")] == [float("nan")]` is False, as in
/// CPython) while one NaN stays identical to itself (`nan in [nan]`).
fn distinct_nan(f: f64) -> f64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let payload = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) & 0x0007_ffff_ffff_ffff;
    let sign = f.to_bits() & (1 << 63);
    f64::from_bits(sign | 0x7ff8_0000_0000_0000 | payload)
}
