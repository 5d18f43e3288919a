//! `_socket`: BSD sockets as functions of a descriptor. stdlib/socket.py
//! builds the `socket` class on them; the class keeps the timeout and
//! passes it to each call, which picks one of three ways to wait:
//!
//! - `None` (blocking): the call first waits for readiness in poll(2)
//!   slices, so that Ctrl-C and signal handlers get through a long wait,
//!   then runs; both with the GIL released so that other threads and the
//!   event loop keep running;
//! - `0.0` (non-blocking): the call fails at once with BlockingIOError;
//! - `t > 0`: the descriptor is non-blocking and the call waits up to `t`
//!   seconds for readiness in poll(2), then raises TimeoutError("timed out").

mod addr;
mod inet;
mod resolve;

use super::def;
use super::os::errno_error;
use super::os_fd::{bytes_value, fd_arg, last_error};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;
use addr::{Addr, RawAddr};
use std::time::{Duration, Instant};

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let int = |name: &str, v: i32| d.set_str(vm.intern(name), Value::Int(v as i64));
    for (name, v) in [
        ("AF_UNSPEC", libc::AF_UNSPEC),
        ("AF_INET", libc::AF_INET),
        ("AF_INET6", libc::AF_INET6),
        ("AF_UNIX", libc::AF_UNIX),
        ("SOCK_STREAM", libc::SOCK_STREAM),
        ("SOCK_DGRAM", libc::SOCK_DGRAM),
        ("SOCK_RAW", libc::SOCK_RAW),
        ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
        ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
        ("SOL_SOCKET", libc::SOL_SOCKET),
        ("SO_REUSEADDR", libc::SO_REUSEADDR),
        ("SO_REUSEPORT", libc::SO_REUSEPORT),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
        ("SO_BROADCAST", libc::SO_BROADCAST),
        ("SO_ERROR", libc::SO_ERROR),
        ("SO_TYPE", libc::SO_TYPE),
        ("SO_RCVBUF", libc::SO_RCVBUF),
        ("SO_SNDBUF", libc::SO_SNDBUF),
        ("SO_LINGER", libc::SO_LINGER),
        ("IPPROTO_IP", libc::IPPROTO_IP),
        ("IPPROTO_TCP", libc::IPPROTO_TCP),
        ("IPPROTO_UDP", libc::IPPROTO_UDP),
        ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
        ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
        ("TCP_NODELAY", libc::TCP_NODELAY),
        ("SHUT_RD", libc::SHUT_RD),
        ("SHUT_WR", libc::SHUT_WR),
        ("SHUT_RDWR", libc::SHUT_RDWR),
        ("SOMAXCONN", libc::SOMAXCONN),
        ("MSG_PEEK", libc::MSG_PEEK),
        ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
        ("MSG_WAITALL", libc::MSG_WAITALL),
        ("AI_PASSIVE", libc::AI_PASSIVE),
        ("AI_CANONNAME", libc::AI_CANONNAME),
        ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
        ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
        ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
        ("EAI_NONAME", libc::EAI_NONAME),
    ] {
        int(name, v);
    }
    d.set_str(vm.intern("INADDR_ANY"), Value::Int(0));
    d.set_str(vm.intern("INADDR_LOOPBACK"), Value::Int(0x7f00_0001));
    d.set_str(vm.intern("has_ipv6"), Value::bool(true));
    let os_error = vm.types.exc("OSError");
    for name in ["gaierror", "herror"] {
        let c = new_class(&vm.interner, name, Some(&os_error), Layout::Exception, None);
        c.dict.borrow_mut().set_str(vm.names.module.clone(), Value::str("socket"));
        vm.types.iterators.borrow_mut().insert(if name == "gaierror" { GAIERROR } else { "socket.herror" }, c.clone());
        d.set_str(vm.intern(name), Value::Class(c));
    }
    for (name, f) in [
        ("socket", socket as NativeFn),
        ("close", close),
        ("socketpair", socketpair),
        ("bind", bind),
        ("listen", listen),
        ("accept", accept),
        ("connect", connect),
        ("recv", recv),
        ("recvfrom", recvfrom),
        ("send", send),
        ("sendall", sendall),
        ("sendto", sendto),
        ("shutdown", shutdown),
        ("setsockopt", setsockopt),
        ("getsockopt", getsockopt),
        ("getsockname", getsockname),
        ("getpeername", getpeername),
        ("gethostname", gethostname),
        ("getaddrinfo", resolve::getaddrinfo),
        ("is_numeric_host", resolve::is_numeric_host),
        ("inet_aton", inet::aton),
        ("inet_ntoa", inet::ntoa),
        ("inet_pton", inet::pton),
        ("inet_ntop", inet::ntop),
    ] {
        def(vm, d, name, f);
    }
    Ok(())
}

/// The key of `socket.gaierror` in the interpreter's class registry.
const GAIERROR: &str = "socket.gaierror";

/// How a call waits (see the module comment).
#[derive(Clone, Copy)]
enum Mode {
    Blocking,
    NonBlocking,
    Timeout(Duration),
}

fn mode_arg(vm: &Vm, v: &Value) -> PyResult<Mode> {
    Ok(match v {
        Value::None => Mode::Blocking,
        Value::Float(f) if f.get() == 0.0 => Mode::NonBlocking,
        Value::Float(f) => Mode::Timeout(Duration::try_from_secs_f64(f.get()).map_err(|_| vm.value_error("Timeout value out of range"))?),
        _ => return Err(vm.type_error("timeout must be a float or None")),
    })
}

fn timed_out(vm: &Vm) -> PyErr {
    vm.new_error("TimeoutError", "timed out")
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// Runs the system call `op` on `fd` in `mode`, waiting for `events` on
/// EAGAIN when there is a timeout. `op` returns an errno on failure.
fn run<T: Send>(vm: &Vm, fd: i32, events: i16, mode: Mode, op: impl Fn() -> Result<T, i32> + Sync) -> PyResult<T> {
    if fd < 0 {
        // poll(2) would skip a negative descriptor and wait for ever.
        return Err(errno_error(vm, libc::EBADF, None, None));
    }
    let deadline = match mode {
        Mode::Timeout(t) => Some(Instant::now() + t),
        _ => None,
    };
    loop {
        let r = match mode {
            Mode::Blocking => {
                super::select::poll(vm, vec![libc::pollfd { fd, events, revents: 0 }], None)?;
                vm.allow_threads(&op)
            }
            _ => op(),
        };
        match r {
            Ok(v) => return Ok(v),
            Err(libc::EINTR) => continue,
            Err(e) if e == libc::EAGAIN || e == libc::EWOULDBLOCK => {
                let Some(deadline) = deadline else { return Err(errno_error(vm, e, None, None)) };
                wait_ready(vm, fd, events, deadline)?;
            }
            Err(e) => return Err(errno_error(vm, e, None, None)),
        }
    }
}

/// Waits until `fd` has `events` or `deadline` passes (TimeoutError).
fn wait_ready(vm: &Vm, fd: i32, events: i16, deadline: Instant) -> PyResult<()> {
    if fd < 0 {
        return Err(errno_error(vm, libc::EBADF, None, None));
    }
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(timed_out(vm));
    }
    let fds = super::select::poll(vm, vec![libc::pollfd { fd, events, revents: 0 }], Some(left))?;
    if fds[0].revents == 0 {
        return Err(timed_out(vm));
    }
    Ok(())
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    if matches!(v, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| vm.new_error("OverflowError", "signed integer is greater than maximum"))
}

/// `socket(family, type, proto)`: a new close-on-exec descriptor.
fn socket(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([family, kind, proto], []) = crate::sig!("socket", "family, kind, proto, /").bind(vm, a, kw)?;
    let (family, kind, proto) = (int_arg(vm, family)?, int_arg(vm, kind)?, int_arg(vm, proto)?);
    let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
    if fd < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int(fd as i64))
}

/// `close(fd)`: closes a socket descriptor.
fn close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd], []) = crate::sig!("close", "fd, /").bind(vm, a, kw)?;
    // As CPython, a connection the peer already reset is closed anyway.
    if unsafe { libc::close(fd_arg(vm, fd)?) } != 0 && errno() != libc::ECONNRESET {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

fn socketpair(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([family, kind, proto], []) = crate::sig!("socketpair", "family, kind, proto, /").bind(vm, a, kw)?;
    let (family, kind, proto) = (int_arg(vm, family)?, int_arg(vm, kind)?, int_arg(vm, proto)?);
    let mut fds = [0i32; 2];
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } != 0 {
        return Err(last_error(vm));
    }
    Ok(Value::tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

/// `bind(fd, family, address)`.
fn bind(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, family, address], []) = crate::sig!("bind", "fd, family, address, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let raw = Addr::parse(vm, int_arg(vm, family)?, address, "bind")?.to_raw();
    if unsafe { libc::bind(fd, raw.as_ptr(), raw.len) } != 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

fn listen(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, backlog], []) = crate::sig!("listen", "fd, backlog, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let backlog = int_arg(vm, backlog)?.max(0);
    if unsafe { libc::listen(fd, backlog) } != 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

/// `accept(fd, timeout)`: (new descriptor, peer address).
fn accept(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, mode], []) = crate::sig!("accept", "fd, mode, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let mode = mode_arg(vm, mode)?;
    let (new, raw) = run(vm, fd, libc::POLLIN, mode, || {
        let mut raw = RawAddr::empty();
        let new = unsafe { libc::accept4(fd, raw.as_mut_ptr(), &mut raw.len, libc::SOCK_CLOEXEC) };
        if new < 0 {
            Err(errno())
        } else {
            Ok((new, SendAddr(raw)))
        }
    })?;
    let peer = Addr::from_raw(&raw.0).map(|a| a.to_value()).unwrap_or(Value::None);
    Ok(Value::tuple(vec![Value::Int(new as i64), peer]))
}

/// A `RawAddr` crossing back from a call made without the GIL.
struct SendAddr(RawAddr);
// SAFETY: sockaddr_storage is plain bytes with no pointers.
unsafe impl Send for SendAddr {}

/// `connect(fd, family, address, timeout)`.
fn connect(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, family, address, mode], []) = crate::sig!("connect", "fd, family, address, mode, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let target = Addr::parse(vm, int_arg(vm, family)?, address, "connect")?;
    let mode = mode_arg(vm, mode)?;
    let attempt = move || {
        let raw = target.to_raw();
        if unsafe { libc::connect(fd, raw.as_ptr(), raw.len) } == 0 {
            0
        } else {
            errno()
        }
    };
    let e = match mode {
        Mode::Blocking => vm.allow_threads(attempt),
        _ => attempt(),
    };
    match (e, mode) {
        (0, _) => Ok(Value::None),
        (libc::EINPROGRESS, Mode::Timeout(t)) => {
            wait_ready(vm, fd, libc::POLLOUT, Instant::now() + t)?;
            match sock_error(fd) {
                0 => Ok(Value::None),
                e => Err(errno_error(vm, e, None, None)),
            }
        }
        (e, _) => Err(errno_error(vm, e, None, None)),
    }
}

/// The pending error of `fd` (SO_ERROR), which a finished non-blocking
/// connect leaves.
fn sock_error(fd: i32) -> i32 {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    let r = unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR, (&mut v as *mut libc::c_int).cast(), &mut len) };
    if r != 0 {
        errno()
    } else {
        v
    }
}

fn size_arg(vm: &Vm, v: &Value, method: &str) -> PyResult<usize> {
    let n = vm.index_value(v)?;
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {method}")));
    }
    Ok(n.min(1 << 30) as usize)
}

/// `recv(fd, bufsize, flags, timeout)`.
fn recv(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, bufsize, flags, mode], []) = crate::sig!("recv", "fd, bufsize, flags, mode, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let n = size_arg(vm, bufsize, "recv")?;
    let flags = int_arg(vm, flags)?;
    let mode = mode_arg(vm, mode)?;
    let data = run(vm, fd, libc::POLLIN, mode, || {
        let mut buf = vec![0u8; n];
        let r = unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), n, flags) };
        if r < 0 {
            return Err(errno());
        }
        buf.truncate(r as usize);
        Ok(buf)
    })?;
    Ok(bytes_value(data))
}

/// `recvfrom(fd, bufsize, flags, timeout)`: (data, sender address).
fn recvfrom(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, bufsize, flags, mode], []) = crate::sig!("recvfrom", "fd, bufsize, flags, mode, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let n = size_arg(vm, bufsize, "recvfrom")?;
    let flags = int_arg(vm, flags)?;
    let mode = mode_arg(vm, mode)?;
    let (data, raw) = run(vm, fd, libc::POLLIN, mode, || {
        let mut buf = vec![0u8; n];
        let mut raw = RawAddr::empty();
        let r = unsafe { libc::recvfrom(fd, buf.as_mut_ptr().cast(), n, flags, raw.as_mut_ptr(), &mut raw.len) };
        if r < 0 {
            return Err(errno());
        }
        buf.truncate(r as usize);
        Ok((buf, SendAddr(raw)))
    })?;
    let sender = Addr::from_raw(&raw.0).map(|a| a.to_value()).unwrap_or(Value::None);
    Ok(Value::tuple(vec![bytes_value(data), sender]))
}

fn send_once(fd: i32, data: &[u8], flags: i32) -> Result<usize, i32> {
    let r = unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags | libc::MSG_NOSIGNAL) };
    if r < 0 {
        Err(errno())
    } else {
        Ok(r as usize)
    }
}

/// `send(fd, data, flags, timeout)`: how many bytes were sent.
fn send(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, data, flags, mode], []) = crate::sig!("send", "fd, data, flags, mode, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let data = vm.bytes_of(data)?;
    let flags = int_arg(vm, flags)?;
    let mode = mode_arg(vm, mode)?;
    let n = run(vm, fd, libc::POLLOUT, mode, || send_once(fd, &data, flags))?;
    Ok(Value::Int(n as i64))
}

/// `sendall(fd, data, flags, timeout)`: sends everything; a timeout
/// bounds the whole transfer, as in CPython.
fn sendall(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, data, flags, mode], []) = crate::sig!("sendall", "fd, data, flags, mode, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let data = vm.bytes_of(data)?;
    let flags = int_arg(vm, flags)?;
    let mut mode = mode_arg(vm, mode)?;
    let deadline = match mode {
        Mode::Timeout(t) => Some(Instant::now() + t),
        _ => None,
    };
    let mut sent = 0;
    while sent < data.len() {
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(timed_out(vm));
            }
            mode = Mode::Timeout(left);
        }
        let rest = &data[sent..];
        sent += run(vm, fd, libc::POLLOUT, mode, || send_once(fd, rest, flags))?;
    }
    Ok(Value::None)
}

/// `sendto(fd, data, flags, family, address, timeout)`.
fn sendto(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, data, flags, family, address, mode], []) = crate::sig!("sendto", "fd, data, flags, family, address, mode, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let data = vm.bytes_of(data)?;
    let flags = int_arg(vm, flags)? | libc::MSG_NOSIGNAL;
    let target = Addr::parse(vm, int_arg(vm, family)?, address, "sendto")?;
    let mode = mode_arg(vm, mode)?;
    let n = run(vm, fd, libc::POLLOUT, mode, || {
        let raw = target.to_raw();
        let r = unsafe { libc::sendto(fd, data.as_ptr().cast(), data.len(), flags, raw.as_ptr(), raw.len) };
        if r < 0 {
            Err(errno())
        } else {
            Ok(r as usize)
        }
    })?;
    Ok(Value::Int(n as i64))
}

fn shutdown(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, how], []) = crate::sig!("shutdown", "fd, how, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    if unsafe { libc::shutdown(fd, int_arg(vm, how)?) } != 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

/// `setsockopt(fd, level, option, value)`: an int or a bytes buffer.
fn setsockopt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, level, option, value], []) = crate::sig!("setsockopt", "fd, level, option, value, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let (level, opt) = (int_arg(vm, level)?, int_arg(vm, option)?);
    let buf: Vec<u8> = match value.builtin_base() {
        Value::Bytes(_) | Value::ByteArray(_) => vm.bytes_of(value)?,
        _ => int_arg(vm, value)?.to_ne_bytes().to_vec(),
    };
    if unsafe { libc::setsockopt(fd, level, opt, buf.as_ptr().cast(), buf.len() as libc::socklen_t) } != 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

/// `getsockopt(fd, level, option)`: the option as an int.
fn getsockopt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, level, option], []) = crate::sig!("getsockopt", "fd, level, option, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let (level, opt) = (int_arg(vm, level)?, int_arg(vm, option)?);
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    if unsafe { libc::getsockopt(fd, level, opt, (&mut v as *mut libc::c_int).cast(), &mut len) } != 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int(v as i64))
}

fn name_of(vm: &Vm, fd: &Value, peer: bool) -> PyResult<Value> {
    let fd = fd_arg(vm, fd)?;
    let mut raw = RawAddr::empty();
    let r = unsafe {
        if peer {
            libc::getpeername(fd, raw.as_mut_ptr(), &mut raw.len)
        } else {
            libc::getsockname(fd, raw.as_mut_ptr(), &mut raw.len)
        }
    };
    if r != 0 {
        return Err(last_error(vm));
    }
    Ok(Addr::from_raw(&raw).map(|a| a.to_value()).unwrap_or(Value::None))
}

fn getsockname(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd], []) = crate::sig!("getsockname", "fd, /").bind(vm, a, kw)?;
    name_of(vm, fd, false)
}

fn getpeername(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd], []) = crate::sig!("getpeername", "fd, /").bind(vm, a, kw)?;
    name_of(vm, fd, true)
}

fn gethostname(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("gethostname", "").bind(vm, a, kw)?;
    let mut buf = [0u8; 256];
    if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } != 0 {
        return Err(last_error(vm));
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(Value::string(String::from_utf8_lossy(&buf[..end]).into_owned()))
}
