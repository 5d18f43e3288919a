//! `binascii`: hex, base64 and CRC conversions between binary data and
//! ASCII, as CPython 3.11's C module (the same results, exception classes
//! and messages). `base64.py` builds on it.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "hexlify", hexlify);
    def(vm, d, "b2a_hex", b2a_hex);
    def(vm, d, "unhexlify", unhexlify);
    def(vm, d, "a2b_hex", a2b_hex);
    def(vm, d, "b2a_base64", b2a_base64);
    def(vm, d, "a2b_base64", a2b_base64);
    def(vm, d, "crc32", crc32);
    def(vm, d, "crc_hqx", crc_hqx);
    Ok(())
}

/// The exception classes, defined in Python so that they are ordinary classes.
pub const PRELUDE: &str = r#"
class Error(ValueError):
    pass

class Incomplete(Exception):
    pass
"#;

#[cold]
fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    let class = vm.modules.get_str(&vm.intern("binascii")).and_then(|m| match m {
        Value::Module(m) => m.dict.get_str(&vm.intern("Error")),
        _ => None,
    });
    match class {
        Some(Value::Class(c)) => vm.new_exc(&c, vec![Value::string(msg.into())]),
        _ => vm.value_error(msg),
    }
}

fn bytes(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(Bytes { data: data.into() }))
}

/// Input of the `b2a_*` functions: bytes-like only.
fn binary_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    vm.bytes_of(v)
}

/// Input of the `a2b_*` functions: bytes-like, or a str of ASCII characters.
fn ascii_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.builtin_base() {
        Value::Str(s) => {
            if s.as_str().is_ascii() {
                Ok(s.as_str().as_bytes().to_vec())
            } else {
                Err(vm.value_error("string argument should contain only ASCII characters"))
            }
        }
        Value::Bytes(_) | Value::ByteArray(_) => vm.bytes_of(v),
        _ => Err(vm.type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", vm.type_name(v).as_str()))),
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hex_with_sep(vm: &Vm, ([data], [sep, per]): ([&Value; 1], [Option<&Value>; 2])) -> PyResult<Value> {
    let data = binary_arg(vm, data)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = match v.builtin_base() {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                Value::Bytes(_) | Value::ByteArray(_) => vm.bytes_of(v)?,
                _ => return Err(vm.type_error(format!("sep must be str or bytes, not {}", vm.type_name(v).as_str()))),
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
        Some(v) => vm.c_int_value(v)? as i64,
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs().max(1) as usize;
    for (i, b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, i > 0 && per != 0) {
            // Groups count from the right for a positive bytes_per_sep.
            let boundary = if per > 0 { (data.len() - i) % group == 0 } else { i % group == 0 };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    Ok(bytes(out))
}

fn hexlify(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("binascii.hexlify", "data, sep=<unrepresentable>, bytes_per_sep=1").bind(vm, a, kw)?;
    hex_with_sep(vm, args)
}

fn b2a_hex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("binascii.b2a_hex", "data, sep=<unrepresentable>, bytes_per_sep=1").bind(vm, a, kw)?;
    hex_with_sep(vm, args)
}

fn from_hex(vm: &Vm, hexstr: &Value) -> PyResult<Value> {
    let data = ascii_arg(vm, hexstr)?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(bytes(out))
}

fn unhexlify(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([hexstr], []) = crate::sig!("binascii.unhexlify", "hexstr, /").bind(vm, a, kw)?;
    from_hex(vm, hexstr)
}

fn a2b_hex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([hexstr], []) = crate::sig!("binascii.a2b_hex", "hexstr, /").bind(vm, a, kw)?;
    from_hex(vm, hexstr)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

fn b2a_base64(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([data], [newline]) = crate::sig!("binascii.b2a_base64", "data, /, *, newline=True").bind(vm, a, kw)?;
    let data = binary_arg(vm, data)?;
    let newline = match newline {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (*b as u32) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for k in 0..4 {
            if k < chars {
                out.push(B64[((n >> (18 - 6 * k)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(bytes(out))
}

fn a2b_base64(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([data], [strict_mode]) = crate::sig!("binascii.a2b_base64", "data, /, *, strict_mode=False").bind(vm, a, kw)?;
    let data = ascii_arg(vm, data)?;
    let strict = match strict_mode {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut pads, mut left, mut chars) = (0u8, 0u8, 0u32, 0usize);
    let mut padding_started = false;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return Ok(bytes(out));
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        chars += 1;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0xf;
                quad = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 3;
                quad = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
                quad = 0;
            }
        }
    }
    match quad {
        0 => Ok(bytes(out)),
        1 => Err(error(
            vm,
            format!("Invalid base64-encoded string: number of data characters ({chars}) cannot be 1 more than a multiple of 4"),
        )),
        _ => Err(error(vm, "Incorrect padding")),
    }
}

/// The CRC-32 of zlib (reflected polynomial 0xEDB88320).
fn crc32_update(mut crc: u32, data: &[u8]) -> u32 {
    crc = !crc;
    for b in data {
        crc ^= *b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// The starting value of a CRC: any int, reduced modulo 2**bits as CPython does.
fn start_value(vm: &Vm, v: Option<Value>, bits: u32) -> PyResult<u32> {
    let Some(v) = v else { return Ok(0) };
    let n = match v.builtin_base() {
        Value::Int(i) => *i as i128,
        Value::Bool(b) => *b as i128,
        Value::BigInt(b) => {
            let m = num_bigint::BigInt::from(1u64) << bits;
            let r = ((&**b % &m) + &m) % &m;
            num_traits::ToPrimitive::to_i128(&r).unwrap_or(0)
        }
        _ => return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&v).as_str()))),
    };
    Ok(n.rem_euclid(1i128 << bits) as u32)
}

fn crc32(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([data], [crc]) = crate::sig!("binascii.crc32", "data, crc=0, /").bind(vm, a, kw)?;
    let data = binary_arg(vm, data)?;
    let start = start_value(vm, crc.cloned(), 32)?;
    Ok(Value::Int(crc32_update(start, &data) as i64))
}

fn crc_hqx(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([data, crc], []) = crate::sig!("binascii.crc_hqx", "data, crc, /").bind(vm, a, kw)?;
    let data = binary_arg(vm, data)?;
    let mut crc = start_value(vm, Some(crc.clone()), 16)?;
    for b in data {
        crc ^= (b as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
            crc &= 0xffff;
        }
    }
    Ok(Value::Int(crc as i64))
}
