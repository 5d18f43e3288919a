//! Address text to packed bytes and back: inet_aton/inet_ntoa (IPv4, the
//! classic forms such as "127.1" included) and inet_pton/inet_ntop.

use super::int_arg;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use crate::modules::os_fd::bytes_value;
use std::ffi::CString;
use std::net::{Ipv4Addr, Ipv6Addr};

// The C library's parsers (the libc crate does not bind them): inet_aton
// takes the classic short forms ("127.1") that std's parser refuses.
extern "C" {
    fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
}

fn text_arg(vm: &Vm, v: &Value, func: &str) -> PyResult<CString> {
    match v.builtin_base() {
        Value::Str(s) => CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character")),
        _ => Err(vm.type_error(format!("{func}() argument 1 must be str, not {}", vm.type_name(v).as_str()))),
    }
}

pub fn aton(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([string], []) = crate::sig!(tuple "inet_aton", "string, /").bind(vm, a, kw)?;
    let text = text_arg(vm, string, "inet_aton")?;
    // SAFETY: in_addr is plain data; inet_aton reads a NUL-terminated string.
    let mut addr: libc::in_addr = unsafe { std::mem::zeroed() };
    if unsafe { inet_aton(text.as_ptr(), &mut addr) } == 0 {
        return Err(vm.new_error("OSError", "illegal IP address string passed to inet_aton"));
    }
    Ok(bytes_value(u32::from_be(addr.s_addr).to_be_bytes().to_vec()))
}

pub fn ntoa(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([packed], []) = crate::sig!("_socket.inet_ntoa", "packed, /").bind(vm, a, kw)?;
    let packed: [u8; 4] = vm
        .bytes_of(packed)?
        .try_into()
        .map_err(|_| vm.new_error("OSError", "packed IP wrong length for inet_ntoa"))?;
    Ok(Value::string(Ipv4Addr::from(packed).to_string()))
}

pub fn pton(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([family, string], []) = crate::sig!(tuple "inet_pton", "family, string, /").bind(vm, a, kw)?;
    let family = int_arg(vm, family)?;
    let text = text_arg(vm, string, "inet_pton")?;
    let mut buf = [0u8; 16];
    // SAFETY: `buf` holds an in6_addr, enough for either family.
    let r = unsafe { inet_pton(family, text.as_ptr(), buf.as_mut_ptr().cast()) };
    match r {
        1 => Ok(bytes_value(buf[..if family == libc::AF_INET { 4 } else { 16 }].to_vec())),
        0 => Err(vm.new_error("OSError", "illegal IP address string passed to inet_pton")),
        _ => Err(super::super::os_fd::last_error(vm)),
    }
}

pub fn ntop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([family, packed], []) = crate::sig!(tuple "inet_ntop", "family, packed, /").bind(vm, a, kw)?;
    let family = int_arg(vm, family)?;
    let packed = vm.bytes_of(packed)?;
    let wrong = || vm.value_error("invalid length of packed IP address string");
    match family {
        libc::AF_INET => {
            let b: [u8; 4] = packed.try_into().map_err(|_| wrong())?;
            Ok(Value::string(Ipv4Addr::from(b).to_string()))
        }
        libc::AF_INET6 => {
            let b: [u8; 16] = packed.try_into().map_err(|_| wrong())?;
            Ok(Value::string(Ipv6Addr::from(b).to_string()))
        }
        _ => Err(vm.value_error(format!("unknown address family {family}"))),
    }
}
