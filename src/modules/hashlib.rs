//! `_hashlib`: the message digests behind `stdlib/hashlib.py` (md5, sha1
//! and the SHA-2 family), computed by the RustCrypto crates. A hash state
//! is an opaque native object; the Python class `hashlib.HASH` wraps it.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use sha2::Digest;
use std::cell::RefCell;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "new_state", new_state);
    def(vm, d, "update", update);
    def(vm, d, "digest", digest);
    def(vm, d, "copy", copy);
    Ok(())
}

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl State {
    fn new(name: &str) -> Option<State> {
        Some(match name {
            "md5" => State::Md5(Default::default()),
            "sha1" => State::Sha1(Default::default()),
            "sha224" => State::Sha224(Default::default()),
            "sha256" => State::Sha256(Default::default()),
            "sha384" => State::Sha384(Default::default()),
            "sha512" => State::Sha512(Default::default()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha224(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }

    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

fn wrap(vm: &Vm, s: State) -> Value {
    Value::Native(Rc::new(NativeObj { class: vm.iterator_class("_hashlib.state"), data: RefCell::new(Box::new(s)) }))
}

fn with_state<T>(vm: &Vm, v: &Value, f: impl FnOnce(&mut State) -> T) -> PyResult<T> {
    if let Value::Native(n) = v {
        if let Some(s) = n.data.borrow_mut().downcast_mut::<State>() {
            return Ok(f(s));
        }
    }
    Err(vm.type_error("expected a hash state"))
}

/// Bytes-like data to hash; a str gets CPython's message.
fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.builtin_base() {
        Value::Str(_) => Err(vm.type_error("Strings must be encoded before hashing")),
        Value::Bytes(_) | Value::ByteArray(_) => vm.bytes_of(v),
        Value::Native(_) if crate::builtins::memoryview::view_of(v).is_some() => vm.bytes_of(v),
        _ => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn new_state(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([name], []) = crate::sig!("new_state", "name, /").bind(vm, a, kw)?;
    let name = name.as_str().map(|s| s.as_str().to_ascii_lowercase()).unwrap_or_default();
    match State::new(&name) {
        Some(s) => Ok(wrap(vm, s)),
        None => Err(vm.value_error(format!("unsupported hash type {name}"))),
    }
}

fn update(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state, data], []) = crate::sig!("update", "state, data, /").bind(vm, a, kw)?;
    let data = data_arg(vm, data)?;
    with_state(vm, state, |s| s.update(&data))?;
    Ok(Value::None)
}

fn digest(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state], []) = crate::sig!("digest", "state, /").bind(vm, a, kw)?;
    let d = with_state(vm, state, |s| s.digest())?;
    Ok(Value::Bytes(Rc::new(Bytes { data: d.into() })))
}

fn copy(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state], []) = crate::sig!("copy", "state, /").bind(vm, a, kw)?;
    let s = with_state(vm, state, |s| s.clone())?;
    Ok(wrap(vm, s))
}
