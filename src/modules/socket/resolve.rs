//! Name resolution: `getaddrinfo` with the GIL released.

use super::addr::{Addr, RawAddr};
use super::{int_arg, GAIERROR};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::ffi::{CStr, CString};

/// One answer of getaddrinfo: family, type, proto, canonical name, address.
type Entry = (i32, i32, i32, String, Option<Addr>);

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: a list
/// of (family, type, proto, canonname, sockaddr) with plain ints; socket.py
/// turns family and type into its enums.
pub fn getaddrinfo(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([host, port], numbers) =
        crate::sig!("getaddrinfo", "host, port, family=0, type=0, proto=0, flags=0").bind(vm, a, kw)?;
    let host = match host.builtin_base() {
        Value::None => None,
        Value::Str(s) => Some(c_string(vm, s.as_str().as_bytes())?),
        Value::Bytes(b) => Some(c_string(vm, &b.data)?),
        _ => return Err(vm.type_error("getaddrinfo() argument 1 must be string or None")),
    };
    let port = match port.builtin_base() {
        Value::None => None,
        Value::Int(i) => Some(c_string(vm, i.to_string().as_bytes())?),
        Value::Str(s) => Some(c_string(vm, s.as_str().as_bytes())?),
        Value::Bytes(b) => Some(c_string(vm, &b.data)?),
        _ => return Err(vm.new_error("OSError", "Int or String expected")),
    };
    let mut ints = [0i32; 4];
    for (slot, v) in ints.iter_mut().zip(numbers) {
        if let Some(v) = v {
            *slot = int_arg(vm, v)?;
        }
    }
    let [family, kind, proto, flags] = ints;
    let answer = vm.allow_threads(move || lookup(host, port, family, kind, proto, flags));
    match answer {
        Ok(entries) => {
            let items = entries
                .into_iter()
                .filter_map(|(f, t, p, canon, addr)| {
                    let addr = addr?.to_value();
                    Some(Value::tuple(vec![Value::Int(f as i64), Value::Int(t as i64), Value::Int(p as i64), Value::string(canon), addr]))
                })
                .collect();
            Ok(Value::list(items))
        }
        Err((libc::EAI_SYSTEM, errno)) => Err(super::errno_error(vm, errno, None, None)),
        Err((code, _)) => Err(gai_error(vm, code)),
    }
}

fn c_string(vm: &Vm, b: &[u8]) -> PyResult<CString> {
    CString::new(b).map_err(|_| vm.value_error("embedded null character"))
}

/// `socket.gaierror(code, message)`.
fn gai_error(vm: &Vm, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    let class = vm.iterator_class(GAIERROR);
    vm.new_exc(&class, vec![Value::Int(code as i64), Value::string(msg)])
}

/// Calls getaddrinfo(3); the error is (code, errno).
fn lookup(host: Option<CString>, port: Option<CString>, family: i32, kind: i32, proto: i32, flags: i32) -> Result<Vec<Entry>, (i32, i32)> {
    // SAFETY: addrinfo is plain data; zeroes are its documented defaults.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = kind;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    let as_ptr = |s: &Option<CString>| s.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    // SAFETY: the strings outlive the call; `list` is freed below.
    let code = unsafe { libc::getaddrinfo(as_ptr(&host), as_ptr(&port), &hints, &mut list) };
    if code != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err((code, errno));
    }
    let mut out = Vec::new();
    let mut p = list;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned, not yet freed.
        let ai = unsafe { &*p };
        let mut raw = RawAddr::empty();
        let len = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        if !ai.ai_addr.is_null() {
            // SAFETY: ai_addr points at ai_addrlen bytes; we copy at most the storage's size.
            unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), raw.as_mut_ptr().cast::<u8>(), len) };
        }
        raw.len = len as libc::socklen_t;
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated string owned by the list.
            unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
        };
        out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, canon, Addr::from_raw(&raw)));
        p = ai.ai_next;
    }
    // SAFETY: `list` came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(out)
}

/// `is_numeric_host(family, host)`: whether bind/connect can take `host`
/// without a lookup.
pub fn is_numeric_host(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([family, host], []) = crate::sig!("is_numeric_host", "family, host, /").bind(vm, a, kw)?;
    let family = int_arg(vm, family)?;
    let Value::Str(h) = host.builtin_base() else { return Ok(Value::bool(false)) };
    let h = h.as_str();
    let numeric = match family {
        libc::AF_INET => h.is_empty() || h == "<broadcast>" || h.parse::<std::net::Ipv4Addr>().is_ok(),
        libc::AF_INET6 => h.is_empty() || h.parse::<std::net::Ipv6Addr>().is_ok(),
        _ => true,
    };
    Ok(Value::bool(numeric))
}
