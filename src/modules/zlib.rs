//! `_zlib`: DEFLATE streams for `stdlib/zlib.py`, by the flate2 crate on
//! its pure-Rust backend (miniz_oxide). A compressor or decompressor is an
//! opaque native state; zlib.py wraps it in `Compress`/`Decompress` and
//! adds the gzip container. Compressed bytes are valid DEFLATE but not
//! byte-for-byte those of C zlib; decompression accepts anything C zlib
//! produces.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use std::cell::RefCell;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "adler32", adler32);
    def(vm, d, "compressor", compressor);
    def(vm, d, "compress_feed", compress_feed);
    def(vm, d, "decompressor", decompressor);
    def(vm, d, "decompress_feed", decompress_feed);
    Ok(())
}

fn bytes(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(Bytes { data: data.into() }))
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v.builtin_base() {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v).as_str()))),
    }
}

/// adler32(data, value=1): the Adler-32 checksum, continued from `value`.
fn adler32(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([data], [value]) = crate::sig!("adler32", "data, value=1, /").bind(vm, a, kw)?;
    let data = vm.bytes_of(data)?;
    let start = match value {
        Some(v) => int_arg(vm, v)?.rem_euclid(1 << 32) as u32,
        None => 1,
    };
    const MOD: u32 = 65521;
    let (mut lo, mut hi) = (start & 0xffff, start >> 16);
    // 5552 bytes is the most that can be summed before the u32 overflows.
    for chunk in data.chunks(5552) {
        for &b in chunk {
            lo += b as u32;
            hi += lo;
        }
        lo %= MOD;
        hi %= MOD;
    }
    Ok(Value::Int(((hi << 16) | lo) as i64))
}

enum State {
    Compress(Compress),
    /// The inflater, and output it made beyond a caller's max_length.
    Decompress(Decompress, Vec<u8>),
}

fn wrap(vm: &Vm, s: State) -> Value {
    Value::Native(Rc::new(NativeObj { class: vm.iterator_class("_zlib.state"), data: RefCell::new(Box::new(s)) }))
}

fn with_state<T>(vm: &Vm, v: &Value, f: impl FnOnce(&mut State) -> PyResult<T>) -> PyResult<T> {
    if let Value::Native(n) = v {
        if let Some(s) = n.data.borrow_mut().downcast_mut::<State>() {
            return f(s);
        }
    }
    Err(vm.type_error("expected a zlib state"))
}

/// The module's `zlib.error` class with `msg`.
#[cold]
fn error(vm: &Vm, msg: String) -> PyErr {
    let class = vm.modules.get_str(&vm.intern("zlib")).and_then(|m| match m {
        Value::Module(m) => m.dict.get_str(&vm.intern("error")),
        _ => None,
    });
    match class {
        Some(Value::Class(c)) => vm.new_exc(&c, vec![Value::string(msg)]),
        _ => vm.value_error(msg),
    }
}

fn bool_arg(v: &Value) -> bool {
    !matches!(v.builtin_base(), Value::Bool(b) if !b.get()) && !matches!(v.builtin_base(), Value::Int(0))
}

/// Output is produced in chunks of this size.
const CHUNK: usize = 64 * 1024;

/// compressor(level, zlib_header): a raw or zlib-wrapped DEFLATE stream.
fn compressor(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([level, raw], []) = crate::sig!("compressor", "level, raw, /").bind(vm, a, kw)?;
    let level = int_arg(vm, level)?;
    let level = if level == -1 { 6 } else { level.clamp(0, 9) as u32 };
    Ok(wrap(vm, State::Compress(Compress::new(Compression::new(level), bool_arg(raw)))))
}

/// compress_feed(state, data, mode): the output for `data` under flush
/// mode 0 (none), 1 or 2 (sync), 3 (full) or 4 (finish).
fn compress_feed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state, data, flush], []) = crate::sig!("compress_feed", "state, data, flush, /").bind(vm, a, kw)?;
    let data = vm.bytes_of(data)?;
    let flush = match int_arg(vm, flush)? {
        0 => FlushCompress::None,
        1 | 2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        _ => FlushCompress::Finish,
    };
    with_state(vm, state, |s| {
        let State::Compress(c) = s else { return Err(vm.type_error("expected a compressor")) };
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            let mut buf = Vec::with_capacity(CHUNK);
            let before = c.total_in();
            let status = c
                .compress_vec(&data[pos..], &mut buf, flush)
                .map_err(|e| error(vm, format!("Error -2 while compressing data: {e}")))?;
            pos += (c.total_in() - before) as usize;
            let full = buf.len() == buf.capacity();
            out.extend_from_slice(&buf);
            if status == Status::StreamEnd || (pos >= data.len() && !full) {
                break;
            }
        }
        Ok(bytes(out))
    })
}

/// decompressor(zlib_header): an inflating stream.
fn decompressor(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([raw], []) = crate::sig!("decompressor", "raw, /").bind(vm, a, kw)?;
    Ok(wrap(vm, State::Decompress(Decompress::new(bool_arg(raw)), Vec::new())))
}

/// decompress_feed(state, data, max_length) -> (output, bytes consumed,
/// stream ended). A max_length of 0 means no limit.
fn decompress_feed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state, data, limit], []) = crate::sig!("decompress_feed", "state, data, limit, /").bind(vm, a, kw)?;
    let data = vm.bytes_of(data)?;
    let limit = int_arg(vm, limit)?.max(0) as usize;
    with_state(vm, state, |s| {
        let State::Decompress(d, pending) = s else { return Err(vm.type_error("expected a decompressor")) };
        let mut out = std::mem::take(pending);
        let mut pos = 0;
        let mut ended = false;
        while limit == 0 || out.len() < limit {
            // With a max_length, input goes in a byte at a time and stops when
            // the output is full, leaving the rest unconsumed (`unconsumed_tail`)
            // as C zlib does: miniz_oxide would otherwise take it all into
            // its window.
            let (room, end) = if limit > 0 {
                ((limit - out.len()).min(CHUNK), (pos + 1).min(data.len()))
            } else {
                (CHUNK, data.len())
            };
            let mut buf = Vec::with_capacity(room);
            let before = d.total_in();
            let status = d
                .decompress_vec(&data[pos..end], &mut buf, FlushDecompress::None)
                .map_err(|_| error(vm, "Error -3 while decompressing data: invalid data".to_string()))?;
            let consumed = (d.total_in() - before) as usize;
            pos += consumed;
            let full = buf.len() == buf.capacity();
            let produced = buf.len();
            out.extend_from_slice(&buf);
            if status == Status::StreamEnd {
                ended = true;
                break;
            }
            if (pos >= data.len() && !full) || (produced == 0 && consumed == 0) {
                break;
            }
        }
        if limit > 0 && out.len() > limit {
            *pending = out.split_off(limit);
        }
        // The stream has ended for the caller once its output is all handed over.
        let ended = ended && pending.is_empty();
        Ok(Value::tuple(vec![bytes(out), Value::Int(pos as i64), Value::bool(ended)]))
    })
}
