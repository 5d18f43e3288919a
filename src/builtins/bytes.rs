//! `bytes` and `bytearray`.

use super::args;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    super::method_kind(vm, &vm.types.bytes, "bytes", "__new__", bytes_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, &vm.types.bytearray, "bytearray", "__new__", bytearray_new, BuiltinKind::StaticMethod);
    super::methods(vm, &vm.types.bytes, "bytes", &[("decode", decode)]);
    super::methods(vm, &vm.types.bytearray, "bytearray", &[("decode", decode)]);
}

/// The bytes of a `bytes(x)` / `bytearray(x)` argument.
pub fn bytes_from(vm: &Vm, x: Option<&Value>, encoding: Option<&Value>) -> PyResult<Vec<u8>> {
    Ok(match x {
        None => Vec::new(),
        Some(v) => match v.builtin_base() {
            Value::Str(s) => {
                if encoding.is_none() {
                    return Err(vm.type_error("string argument without an encoding"));
                }
                s.as_str().as_bytes().to_vec()
            }
            Value::Int(n) => {
                if *n < 0 {
                    return Err(vm.value_error("negative count"));
                }
                vec![0; *n as usize]
            }
            Value::Bytes(b) => b.data.to_vec(),
            Value::ByteArray(b) => b.data.borrow().clone(),
            other => {
                let mut out = Vec::new();
                for item in vm.collect(other)? {
                    let i = vm.index_value(&item)?;
                    if !(0..256).contains(&i) {
                        return Err(vm.value_error("bytes must be in range(0, 256)"));
                    }
                    out.push(i as u8);
                }
                out
            }
        },
    })
}

fn bytes_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let x = args::arg(&a[1..], kw, 0, "source");
    let enc = args::arg(&a[1..], kw, 1, "encoding");
    let data = bytes_from(vm, x.as_ref(), enc.as_ref())?;
    let v = Value::Bytes(Rc::new(Bytes { data: data.into() }));
    Ok(super::numbers::wrap_for_class(vm, &a[0], &vm.types.bytes, v))
}

fn bytearray_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let x = args::arg(&a[1..], kw, 0, "source");
    let enc = args::arg(&a[1..], kw, 1, "encoding");
    let data = bytes_from(vm, x.as_ref(), enc.as_ref())?;
    Ok(Value::ByteArray(Rc::new(ByteArray { data: RefCell::new(data) })))
}

fn decode(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let data = vm.bytes_of(&a[0])?;
    match String::from_utf8(data) {
        Ok(s) => Ok(Value::string(s)),
        Err(e) => Err(vm.new_error("UnicodeDecodeError", format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", e.as_bytes()[e.utf8_error().valid_up_to()], e.utf8_error().valid_up_to()))),
    }
}
