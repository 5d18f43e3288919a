//! `struct`: packing values into bytes and back, as CPython 3.11's `_struct`
//! on x86-64 Linux (native sizes and alignment of the C ABI there).
//!
//! A format is parsed into items once per call (parsing is cheap next to
//! the interpreter's call overhead). Errors are the module's own `error`
//! class, defined by the Python prelude and looked up when raised; the
//! messages, odd as some are, are CPython's: which one a range error gets
//! depends on the byte order and code, as in `_struct.c`'s three tables.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use num_traits::ToPrimitive;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "pack", pack);
    def(vm, d, "unpack", unpack);
    def(vm, d, "calcsize", calcsize);
    def(vm, d, "pack_into", pack_into);
    def(vm, d, "unpack_from", unpack_from);
    def(vm, d, "_iter_unpack_list", iter_unpack_list);
    Ok(())
}

/// The part written in Python: the exception class and `Struct`.
pub const PRELUDE: &str = r#"
class error(Exception):
    pass

def iter_unpack(format, buffer):
    return iter(_iter_unpack_list(format, buffer))

class Struct:
    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('latin-1')
        self.size = calcsize(format)
        self.format = format

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return f"Struct({self.format!r})"

Struct.__module__ = '_struct'
__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']
"#;

/// Largest buffer `pack` will allocate; a bigger format raises MemoryError
/// instead of asking the allocator for terabytes.
const MAX_PACK: usize = 1 << 32;

/// The byte order and size mode chosen by a format's first character.
#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// `@` or none: native sizes, alignment, little-endian.
    Native,
    /// `<` or `=`: standard sizes, little-endian.
    Little,
    /// `>` or `!`.
    Big,
}

struct Item {
    code: u8,
    /// Repeat count; for `s` and `p` the byte length of the one value.
    count: usize,
    /// Offset of the first element.
    offset: usize,
    size: usize,
}

struct Format {
    order: Order,
    items: Vec<Item>,
    size: usize,
    /// Number of values packed or unpacked.
    values: usize,
}

#[cold]
fn struct_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    let class = vm.modules.get_str(&vm.intern("struct")).and_then(|m| match m {
        Value::Module(m) => m.dict.get_str(&vm.intern("error")),
        _ => None,
    });
    match class {
        Some(Value::Class(c)) => vm.new_exc(&c, vec![Value::string(msg.into())]),
        _ => vm.new_error("ValueError", msg),
    }
}

/// (size, alignment) of `code`, or None when the code is not valid in this mode.
fn code_size(order: Order, code: u8) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    let s = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((s, if native { s } else { 1 }))
}

fn parse_format(vm: &Vm, fmt: &Value) -> PyResult<Format> {
    let text: Vec<u8> = match fmt.builtin_base() {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.data.to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                vm.type_name(fmt).as_str()
            )))
        }
    };
    let (order, body) = match text.first() {
        Some(b'@') => (Order::Native, &text[1..]),
        Some(b'<') | Some(b'=') => (Order::Little, &text[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &text[1..]),
        _ => (Order::Native, &text[..]),
    };
    let too_long = || struct_error(vm, "total struct size too long");
    let mut items = Vec::new();
    let mut offset: usize = 0;
    let mut values = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = 0;
            while i < body.len() && body[i].is_ascii_digit() {
                count = count.checked_mul(10).and_then(|n| n.checked_add((body[i] - b'0') as usize)).ok_or_else(too_long)?;
                i += 1;
            }
            if i >= body.len() {
                return Err(struct_error(vm, "repeat count given without format specifier"));
            }
            c = body[i];
        }
        let (size, align) = code_size(order, c).ok_or_else(|| struct_error(vm, "bad char in struct format"))?;
        if align > 1 {
            offset = offset.checked_add(align - 1).ok_or_else(too_long)? / align * align;
        }
        let total = size.checked_mul(count).ok_or_else(too_long)?;
        if offset.checked_add(total).filter(|t| *t <= isize::MAX as usize).is_none() {
            return Err(too_long());
        }
        match c {
            b'x' => {}
            b's' | b'p' => values += 1,
            _ => values += count,
        }
        items.push(Item { code: c, count, offset, size });
        offset += total;
        i += 1;
    }
    Ok(Format { order, items, size: offset, values })
}

/// The bytes of a bytes-like argument.
fn buffer_of(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    vm.bytes_of(v)
}

// ----- packing -----

/// An integer argument, widened to i128 (None: beyond even that).
fn int_arg(vm: &Vm, v: &Value) -> PyResult<Option<i128>> {
    match v.builtin_base() {
        Value::Int(i) => return Ok(Some(*i as i128)),
        Value::Bool(b) => return Ok(Some(*b as i128)),
        Value::BigInt(b) => return Ok(b.to_i128()),
        _ => {}
    }
    let class = vm.type_of(v);
    if class.lookup(&vm.names.index).is_none() {
        return Err(struct_error(vm, "required argument is not an integer"));
    }
    let r = vm.call_method(v, "__index__", &[])?;
    match r.builtin_base() {
        Value::Int(i) => Ok(Some(*i as i128)),
        Value::Bool(b) => Ok(Some(*b as i128)),
        Value::BigInt(b) => Ok(b.to_i128()),
        _ => Err(struct_error(vm, "required argument is not an integer")),
    }
}

/// Checks an integer against the range of `code` and returns it as the
/// two's complement bits to write. The message depends on the table
/// CPython uses for this order and code.
fn int_bits(vm: &Vm, order: Order, code: u8, size: usize, v: &Value) -> PyResult<u64> {
    let n = int_arg(vm, v)?;
    let out_of_range = || struct_error(vm, "argument out of range");
    let signed = code.is_ascii_lowercase();
    let bits = (size * 8) as u32;
    let (lo, hi): (i128, i128) = if signed { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) } else { (0, (1i128 << bits) - 1) };
    // 8-byte big-endian codes convert through a byte-array routine with its own message.
    if order == Order::Big && size == 8 {
        return match n {
            Some(n) if n >= lo && n <= hi => Ok(n as u64),
            _ => Err(struct_error(vm, "int too large to convert")),
        };
    }
    // First the C conversion: to a long (signed codes, and the small
    // unsigned codes of the native and little-endian tables) or to an
    // unsigned long.
    let via_signed = signed || matches!((order, code), (Order::Native | Order::Little, b'B' | b'H') | (Order::Big, b'B'));
    let n = match n {
        Some(n) if via_signed && n >= i64::MIN as i128 && n <= i64::MAX as i128 => n,
        Some(n) if !via_signed && n >= 0 && n <= u64::MAX as i128 => n,
        _ => return Err(out_of_range()),
    };
    if n < lo || n > hi {
        let msg = match code {
            b'b' => "byte format requires -128 <= number <= 127".to_string(),
            b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
            b'h' if order != Order::Big => "short format requires -32768 <= number <= 32767".to_string(),
            b'H' if order != Order::Big => "ushort format requires 0 <= number <= 65535".to_string(),
            _ => format!("'{}' format requires {lo} <= number <= {hi}", code as char),
        };
        return Err(struct_error(vm, msg));
    }
    Ok(n as u64)
}

/// A float argument; as in CPython, any failure to convert (an int too
/// large, a `__float__` that raises) becomes this one struct.error.
fn float_arg(vm: &Vm, v: &Value) -> PyResult<f64> {
    match vm.to_float_opt(v) {
        Ok(Some(f)) => Ok(f),
        _ => Err(struct_error(vm, "required argument is not a float")),
    }
}

/// IEEE 754 binary16 bits of `x`, rounded to nearest even; None on overflow.
fn half_bits(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    let mut e = ((a.to_bits() >> 52) as i32) - 1023;
    if e < -14 {
        // Subnormal in half precision: a multiple of 2**-24 (1024 rounds up
        // into the smallest normal, whose bits are the same number).
        let f = (a * 2f64.powi(24)).round_ties_even();
        return Some(sign | f as u16);
    }
    if e > 15 {
        return None;
    }
    let mut f = ((a / 2f64.powi(e) - 1.0) * 1024.0).round_ties_even();
    if f >= 1024.0 {
        f = 0.0;
        e += 1;
        if e > 15 {
            return None;
        }
    }
    Some(sign | (((e + 15) as u16) << 10) | f as u16)
}

fn half_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    sign * match e {
        0 => f * 2f64.powi(-24),
        0x1f if f == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

fn put(out: &mut [u8], order: Order, bits: u64, size: usize) {
    for k in 0..size {
        let byte = (bits >> (8 * k)) as u8;
        let at = if order == Order::Big { size - 1 - k } else { k };
        out[at] = byte;
    }
}

fn get(data: &[u8], order: Order, size: usize) -> u64 {
    let mut bits = 0u64;
    for k in 0..size {
        let at = if order == Order::Big { size - 1 - k } else { k };
        bits |= (data[at] as u64) << (8 * k);
    }
    bits
}

/// Writes `vals` into `out` (already `f.size` bytes, zeroed).
fn pack_values(vm: &Vm, f: &Format, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut next = vals.iter();
    for item in &f.items {
        match item.code {
            b'x' => {}
            b's' | b'p' => {
                let v = next.next().cloned().unwrap_or(Value::None);
                let data = match v.builtin_base() {
                    Value::Bytes(b) => b.data.to_vec(),
                    Value::ByteArray(b) => b.data.borrow().clone(),
                    _ => return Err(struct_error(vm, format!("argument for '{}' must be a bytes object", item.code as char))),
                };
                let dst = &mut out[item.offset..item.offset + item.count];
                if item.code == b's' {
                    let n = data.len().min(item.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if item.count > 0 {
                    let n = data.len().min(item.count - 1);
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            code => {
                for k in 0..item.count {
                    let v = next.next().cloned().unwrap_or(Value::None);
                    let at = item.offset + k * item.size;
                    let dst = &mut out[at..at + item.size];
                    match code {
                        b'c' => match v.builtin_base() {
                            Value::Bytes(b) if b.data.len() == 1 => dst[0] = b.data[0],
                            _ => return Err(struct_error(vm, "char format requires a bytes object of length 1")),
                        },
                        b'?' => dst[0] = vm.truthy(&v)? as u8,
                        b'e' => {
                            let x = float_arg(vm, &v)?;
                            let h = half_bits(x).ok_or_else(|| vm.overflow_error("float too large to pack with e format"))?;
                            put(dst, f.order, h as u64, 2);
                        }
                        b'f' => {
                            let x = float_arg(vm, &v)?;
                            let y = x as f32;
                            if f.order != Order::Native && y.is_infinite() && x.is_finite() {
                                return Err(vm.overflow_error("float too large to pack with f format"));
                            }
                            put(dst, f.order, y.to_bits() as u64, 4);
                        }
                        b'd' => {
                            let x = float_arg(vm, &v)?;
                            put(dst, f.order, x.to_bits(), 8);
                        }
                        b'P' => {
                            let bits = int_bits(vm, f.order, b'N', 8, &v)?;
                            put(dst, f.order, bits, 8);
                        }
                        _ => {
                            let bits = int_bits(vm, f.order, code, item.size, &v)?;
                            put(dst, f.order, bits, item.size);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn unpack_values(vm: &Vm, f: &Format, data: &[u8]) -> Vec<Value> {
    let mut out = Vec::with_capacity(f.values);
    for item in &f.items {
        match item.code {
            b'x' => {}
            b's' => out.push(bytes(data[item.offset..item.offset + item.count].to_vec())),
            b'p' => {
                let field = &data[item.offset..item.offset + item.count];
                let v = match field.split_first() {
                    Some((n, rest)) => rest[..(*n as usize).min(rest.len())].to_vec(),
                    None => Vec::new(),
                };
                out.push(bytes(v));
            }
            code => {
                for k in 0..item.count {
                    let at = item.offset + k * item.size;
                    let src = &data[at..at + item.size];
                    let bits = get(src, f.order, item.size);
                    out.push(match code {
                        b'c' => bytes(vec![src[0]]),
                        b'?' => Value::bool(src[0] != 0),
                        b'e' => Value::float(half_value(bits as u16)),
                        b'f' => Value::float(f32::from_bits(bits as u32) as f64),
                        b'd' => Value::float(f64::from_bits(bits)),
                        c if c.is_ascii_lowercase() => {
                            let shift = 64 - 8 * item.size as u32;
                            Value::Int(((bits << shift) as i64) >> shift)
                        }
                        _ => match i64::try_from(bits) {
                            Ok(i) => Value::Int(i),
                            Err(_) => Value::from_bigint(bits.into()),
                        },
                    });
                }
            }
        }
    }
    let _ = vm;
    out
}

fn bytes(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(Bytes { data: data.into() }))
}

fn alloc(vm: &Vm, size: usize) -> PyResult<Vec<u8>> {
    if size > MAX_PACK {
        return Err(vm.new_error("MemoryError", ""));
    }
    Ok(vec![0u8; size])
}

/// CPython's error for a call without the format, before any other check.
fn check_format_given(vm: &Vm, a: &[Value]) -> PyResult<()> {
    if a.is_empty() {
        return Err(vm.type_error("missing format argument"));
    }
    Ok(())
}

fn pack(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_format_given(vm, a)?;
    let ([format], [], vals) = crate::sig!("pack", "format, /, *values").bind_rest(vm, a, kw)?;
    let f = parse_format(vm, format)?;
    if vals.len() != f.values {
        return Err(struct_error(vm, format!("pack expected {} items for packing (got {})", f.values, vals.len())));
    }
    let mut out = alloc(vm, f.size)?;
    pack_values(vm, &f, vals, &mut out)?;
    Ok(bytes(out))
}

fn calcsize(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([format], []) = crate::sig!("_struct.calcsize", "format, /").bind(vm, a, kw)?;
    Ok(Value::Int(parse_format(vm, format)?.size as i64))
}

fn unpack(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([format, data], []) = crate::sig!("unpack", "format, buffer, /").bind(vm, a, kw)?;
    let f = parse_format(vm, format)?;
    let data = buffer_of(vm, data)?;
    if data.len() != f.size {
        return Err(struct_error(vm, format!("unpack requires a buffer of {} bytes", f.size)));
    }
    Ok(Value::tuple(unpack_values(vm, &f, &data)))
}

fn unpack_from(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([format, buf], [offset]) = crate::sig!("unpack_from", "format, /, buffer, offset=0").bind(vm, a, kw)?;
    let f = parse_format(vm, format)?;
    let data = buffer_of(vm, buf)?;
    let offset = match offset {
        Some(v) => vm.index_value(v)? as i128,
        None => 0,
    };
    let start = buffer_offset(vm, offset, data.len(), f.size, false)?;
    Ok(Value::tuple(unpack_values(vm, &f, &data[start..start + f.size])))
}

/// Where `size` bytes at `offset` (from the end when negative) start in a
/// buffer of `len` bytes, with CPython's errors for `pack_into` (`packing`)
/// and `unpack_from`.
fn buffer_offset(vm: &Vm, offset: i128, len: usize, size: usize, packing: bool) -> PyResult<usize> {
    let (len, size) = (len as i128, size as i128);
    let mut start = offset;
    if offset < 0 {
        if offset + size > 0 {
            let message = if packing {
                format!("no space to pack {size} bytes at offset {offset}")
            } else {
                format!("not enough data to unpack {size} bytes at offset {offset}")
            };
            return Err(struct_error(vm, message));
        }
        if offset + len < 0 {
            return Err(struct_error(vm, format!("offset {offset} out of range for {len}-byte buffer")));
        }
        start += len;
    }
    if len - start < size {
        let (func, doing) = if packing { ("pack_into", "packing") } else { ("unpack_from", "unpacking") };
        return Err(struct_error(
            vm,
            format!(
                "{func} requires a buffer of at least {} bytes for {doing} {size} bytes at offset {offset} (actual buffer size is {len})",
                size + offset
            ),
        ));
    }
    Ok(start as usize)
}

fn iter_unpack_list(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([format, data], []) = crate::sig!("iter_unpack", "format, buffer, /").bind(vm, a, kw)?;
    let f = parse_format(vm, format)?;
    let data = buffer_of(vm, data)?;
    if f.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % f.size != 0 {
        return Err(struct_error(vm, format!("iterative unpacking requires a buffer of a multiple of {} bytes", f.size)));
    }
    let rows = data.chunks(f.size).map(|chunk| Value::tuple(unpack_values(vm, &f, chunk))).collect();
    Ok(Value::list(rows))
}

fn pack_into(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_format_given(vm, a)?;
    let ([format], [], rest) = crate::sig!("pack_into", "format, /, *args").bind_rest(vm, a, kw)?;
    let f = parse_format(vm, format)?;
    let [buf, offset_arg, vals @ ..] = rest else {
        let missing = if rest.is_empty() { "buffer" } else { "offset" };
        return Err(struct_error(vm, format!("pack_into expected {missing} argument")));
    };
    if vals.len() != f.values {
        return Err(struct_error(vm, format!("pack_into expected {} items for packing (got {})", f.values, vals.len())));
    }
    let target = match buf.builtin_base() {
        Value::ByteArray(b) => b.clone(),
        _ => {
            return Err(vm.type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                vm.type_name(buf).as_str()
            )))
        }
    };
    let offset = vm.subscript_index(offset_arg)? as i128;
    let start = buffer_offset(vm, offset, target.data.borrow().len(), f.size, true)?;
    // Pack into a scratch buffer first: converting an argument may call
    // Python code, which must not find the bytearray borrowed.
    let mut out = alloc(vm, f.size)?;
    pack_values(vm, &f, vals, &mut out)?;
    let mut data = target.data.borrow_mut();
    if start + f.size <= data.len() {
        data[start..start + f.size].copy_from_slice(&out);
    }
    Ok(Value::None)
}
