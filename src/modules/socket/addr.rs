//! Socket addresses: Python's tuples and paths to and from `sockaddr`.

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};

/// An address of one of the supported families.
#[derive(Clone, Debug)]
pub enum Addr {
    V4(SocketAddrV4),
    V6(SocketAddrV6),
    Unix(Vec<u8>),
}

/// A `sockaddr` big enough for every family, with its length.
pub struct RawAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl RawAddr {
    pub fn empty() -> RawAddr {
        // SAFETY: sockaddr_storage is plain data; all zeroes is a valid value.
        RawAddr { storage: unsafe { std::mem::zeroed() }, len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }

    pub fn as_ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }

    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }
}

impl Addr {
    pub fn to_raw(&self) -> RawAddr {
        let mut raw = RawAddr::empty();
        match self {
            Addr::V4(a) => {
                // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in.
                let sin = unsafe { &mut *(raw.as_mut_ptr() as *mut libc::sockaddr_in) };
                sin.sin_family = libc::AF_INET as libc::sa_family_t;
                sin.sin_port = a.port().to_be();
                sin.sin_addr.s_addr = u32::from(*a.ip()).to_be();
                raw.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            }
            Addr::V6(a) => {
                // SAFETY: as above, for sockaddr_in6.
                let sin6 = unsafe { &mut *(raw.as_mut_ptr() as *mut libc::sockaddr_in6) };
                sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sin6.sin6_port = a.port().to_be();
                sin6.sin6_flowinfo = a.flowinfo().to_be();
                sin6.sin6_addr.s6_addr = a.ip().octets();
                sin6.sin6_scope_id = a.scope_id();
                raw.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            }
            Addr::Unix(path) => {
                // SAFETY: as above, for sockaddr_un; `parse` keeps the path short enough.
                let sun = unsafe { &mut *(raw.as_mut_ptr() as *mut libc::sockaddr_un) };
                sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
                for (d, s) in sun.sun_path.iter_mut().zip(path) {
                    *d = *s as libc::c_char;
                }
                let base = std::mem::size_of::<libc::sa_family_t>();
                raw.len = (base + path.len()) as libc::socklen_t;
            }
        }
        raw
    }

    /// Reads the address the kernel wrote into `raw`.
    pub fn from_raw(raw: &RawAddr) -> Option<Addr> {
        match raw.storage.ss_family as i32 {
            libc::AF_INET => {
                // SAFETY: the family says the storage holds a sockaddr_in.
                let sin = unsafe { &*(raw.as_ptr() as *const libc::sockaddr_in) };
                let ip = Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
                Some(Addr::V4(SocketAddrV4::new(ip, u16::from_be(sin.sin_port))))
            }
            libc::AF_INET6 => {
                // SAFETY: the family says the storage holds a sockaddr_in6.
                let sin6 = unsafe { &*(raw.as_ptr() as *const libc::sockaddr_in6) };
                let ip = Ipv6Addr::from(sin6.sin6_addr.s6_addr);
                let port = u16::from_be(sin6.sin6_port);
                Some(Addr::V6(SocketAddrV6::new(ip, port, u32::from_be(sin6.sin6_flowinfo), sin6.sin6_scope_id)))
            }
            libc::AF_UNIX => {
                // SAFETY: the family says the storage holds a sockaddr_un.
                let sun = unsafe { &*(raw.as_ptr() as *const libc::sockaddr_un) };
                let base = std::mem::size_of::<libc::sa_family_t>();
                let n = (raw.len as usize).saturating_sub(base).min(sun.sun_path.len());
                let mut path: Vec<u8> = sun.sun_path[..n].iter().map(|&c| c as u8).collect();
                // A pathname ends at its NUL; an abstract name (leading NUL) does not.
                if path.first() != Some(&0) {
                    if let Some(end) = path.iter().position(|&b| b == 0) {
                        path.truncate(end);
                    }
                }
                Some(Addr::Unix(path))
            }
            _ => None,
        }
    }

    /// The Python value: (host, port), (host, port, flowinfo, scope_id) or a path.
    pub fn to_value(&self) -> Value {
        match self {
            Addr::V4(a) => Value::tuple(vec![Value::string(a.ip().to_string()), Value::Int(a.port() as i64)]),
            Addr::V6(a) => Value::tuple(vec![
                Value::string(a.ip().to_string()),
                Value::Int(a.port() as i64),
                Value::Int(a.flowinfo() as i64),
                Value::Int(a.scope_id() as i64),
            ]),
            Addr::Unix(p) if p.first() == Some(&0) => super::super::os_fd::bytes_value(p.clone()),
            Addr::Unix(p) => Value::string(String::from_utf8_lossy(p).into_owned()),
        }
    }

    /// Parses the Python address `v` of `family` for `method` (bind,
    /// connect, ...). Host names must already be numeric: socket.py
    /// resolves names first.
    pub fn parse(vm: &Vm, family: i32, v: &Value, method: &str) -> PyResult<Addr> {
        match family {
            libc::AF_INET | libc::AF_INET6 => {
                let name = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
                let Value::Tuple(t) = v.builtin_base() else {
                    return Err(vm.type_error(format!("{method}(): {name} address must be tuple, not {}", vm.type_name(v).as_str())));
                };
                let items = &t.items;
                let ok = if family == libc::AF_INET { items.len() == 2 } else { (2..=4).contains(&items.len()) };
                if !ok {
                    let shape = if family == libc::AF_INET { "a pair (host, port)" } else { "a tuple (host, port[, flowinfo[, scopeid]])" };
                    return Err(vm.type_error(format!("{name} address must be {shape}")));
                }
                let host = match items[0].builtin_base() {
                    Value::Str(s) => s.as_str().to_string(),
                    other => {
                        return Err(vm.type_error(format!("str, bytes or bytearray expected, not {}", vm.type_name(other).as_str())))
                    }
                };
                let port = port_arg(vm, &items[1], method)?;
                let extra = |i: usize| -> PyResult<u32> {
                    match items.get(i) {
                        None => Ok(0),
                        Some(v) => u32::try_from(vm.index_value(v)?)
                            .map_err(|_| vm.new_error("OverflowError", format!("{method}(): flowinfo must be 0-1048575."))),
                    }
                };
                if family == libc::AF_INET {
                    let ip = match host.as_str() {
                        "" => Ipv4Addr::UNSPECIFIED,
                        "<broadcast>" => Ipv4Addr::BROADCAST,
                        h => h.parse().map_err(|_| not_numeric(vm))?,
                    };
                    Ok(Addr::V4(SocketAddrV4::new(ip, port)))
                } else {
                    let ip = match host.as_str() {
                        "" => Ipv6Addr::UNSPECIFIED,
                        h => h.parse().map_err(|_| not_numeric(vm))?,
                    };
                    Ok(Addr::V6(SocketAddrV6::new(ip, port, extra(2)?, extra(3)?)))
                }
            }
            libc::AF_UNIX => {
                let path = match v.builtin_base() {
                    Value::Str(s) => s.as_str().as_bytes().to_vec(),
                    Value::Bytes(b) => b.data.to_vec(),
                    _ => match super::super::os::fspath_value(vm, v)? {
                        Some(Value::Str(s)) => s.as_str().as_bytes().to_vec(),
                        Some(Value::Bytes(b)) => b.data.to_vec(),
                        _ => {
                            return Err(vm.type_error(format!(
                                "a bytes-like object is required, not '{}'",
                                vm.type_name(v).as_str()
                            )))
                        }
                    },
                };
                // sun_path holds 108 bytes, the last a NUL for a pathname.
                if path.len() >= 108 {
                    return Err(vm.new_error("OSError", "AF_UNIX path too long"));
                }
                Ok(Addr::Unix(path))
            }
            _ => Err(vm.new_error("OSError", format!("{method}(): bad family"))),
        }
    }
}

fn port_arg(vm: &Vm, v: &Value, method: &str) -> PyResult<u16> {
    if !matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) && vm.type_of(v).lookup(&vm.names.index).is_none() {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v).as_str())));
    }
    let range = || vm.new_error("OverflowError", format!("{method}(): port must be 0-65535."));
    let n = vm.index_value(v).map_err(|_| range())?;
    u16::try_from(n).map_err(|_| range())
}

fn not_numeric(vm: &Vm) -> PyErr {
    vm.new_error("OSError", "illegal IP address string passed to inet_aton")
}
