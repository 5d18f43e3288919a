//! The descriptor and process functions of `os` that pipes and child
//! processes need: `pipe`, `read`, `write`, `set_blocking`, `get_blocking`,
//! `waitpid`, `kill` and the wait-status helpers. Calls that can block
//! release the GIL.

use super::def;
use super::os::errno_error;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) {
    for (name, f) in [
        ("pipe", pipe as NativeFn),
        ("read", read),
        ("write", write),
        ("dup", dup),
        ("set_blocking", set_blocking),
        ("get_blocking", get_blocking),
        ("waitpid", waitpid),
        ("kill", kill),
        ("pidfd_open", pidfd_open),
        ("waitstatus_to_exitcode", waitstatus_to_exitcode),
        ("WIFEXITED", wifexited),
        ("WEXITSTATUS", wexitstatus),
        ("WIFSIGNALED", wifsignaled),
        ("WTERMSIG", wtermsig),
    ] {
        def(vm, d, name, f);
    }
    d.set_str(vm.intern("WNOHANG"), Value::Int(libc::WNOHANG as i64));
    d.set_str(vm.intern("O_NONBLOCK"), Value::Int(libc::O_NONBLOCK as i64));
    d.set_str(vm.intern("O_CLOEXEC"), Value::Int(libc::O_CLOEXEC as i64));
}

/// The OSError for the calling thread's `errno`.
pub fn last_error(vm: &Vm) -> PyErr {
    errno_error(vm, std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO), None, None)
}

/// A descriptor argument: an int that fits a C int, as CPython's converter.
pub fn fd_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    if matches!(v, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| {
        vm.new_error("OverflowError", if n < 0 { "fd is less than minimum" } else { "fd is greater than maximum" })
    })
}

pub fn bytes_value(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(Bytes { data: data.into() }))
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_value(v)
}

/// `pipe()`: two non-inheritable descriptors, (read end, write end).
fn pipe(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("posix.pipe", "").bind(vm, a, kw)?;
    let mut fds = [0i32; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(last_error(vm));
    }
    Ok(Value::tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

/// `read(fd, n)`: up to `n` bytes; b"" at end of file.
fn read(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, length], []) = crate::sig!("read", "fd, length, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let n = int_arg(vm, length)?;
    if n < 0 {
        return Err(errno_error(vm, libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n.min(1 << 30) as usize];
    let got = vm.allow_threads(move || {
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        let err = std::io::Error::last_os_error();
        (r, buf, err)
    });
    let (r, mut buf, err) = got;
    if r < 0 {
        return Err(errno_error(vm, err.raw_os_error().unwrap_or(libc::EIO), None, None));
    }
    buf.truncate(r as usize);
    Ok(bytes_value(buf))
}

/// `write(fd, data)`: how many bytes were written.
fn write(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, data], []) = crate::sig!("write", "fd, data, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let data = vm.bytes_of(data)?;
    let (r, err) = vm.allow_threads(move || {
        let r = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        (r, std::io::Error::last_os_error())
    });
    if r < 0 {
        return Err(errno_error(vm, err.raw_os_error().unwrap_or(libc::EIO), None, None));
    }
    Ok(Value::Int(r as i64))
}

/// `dup(fd)`: a non-inheritable duplicate.
fn dup(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd], []) = crate::sig!("posix.dup", "fd, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int(new as i64))
}

/// Sets or clears O_NONBLOCK on `fd`.
pub fn set_nonblocking(vm: &Vm, fd: i32, nonblocking: bool) -> PyResult<()> {
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_error(vm));
    }
    let new = if nonblocking { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
    if new != flags && unsafe { libc::fcntl(fd, libc::F_SETFL, new) } < 0 {
        return Err(last_error(vm));
    }
    Ok(())
}

fn set_blocking(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd, blocking], []) = crate::sig!("set_blocking", "fd, blocking, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let blocking = vm.truthy(blocking)?;
    set_nonblocking(vm, fd, !blocking)?;
    Ok(Value::None)
}

fn get_blocking(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd], []) = crate::sig!("posix.get_blocking", "fd, /").bind(vm, a, kw)?;
    let fd = fd_arg(vm, fd)?;
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::bool(flags & libc::O_NONBLOCK == 0))
}

/// `waitpid(pid, options)`: (pid, status); (0, 0) when WNOHANG finds the
/// child still running.
fn waitpid(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([pid, options], []) = crate::sig!(tuple "waitpid", "pid, options, /").bind(vm, a, kw)?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let options = int_arg(vm, options)? as i32;
    loop {
        let (r, status, err) = vm.allow_threads(move || {
            let mut status = 0;
            let r = unsafe { libc::waitpid(pid, &mut status, options) };
            (r, status, std::io::Error::last_os_error())
        });
        if r >= 0 {
            return Ok(Value::tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]));
        }
        let errno = err.raw_os_error().unwrap_or(libc::EIO);
        if errno != libc::EINTR {
            return Err(errno_error(vm, errno, None, None));
        }
    }
}

fn kill(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([pid, signal], []) = crate::sig!(tuple "kill", "pid, signal, /").bind(vm, a, kw)?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let sig = int_arg(vm, signal)? as i32;
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(last_error(vm));
    }
    Ok(Value::None)
}

/// `pidfd_open(pid, flags=0)`: a descriptor that becomes readable when
/// the process exits (Linux 5.3).
fn pidfd_open(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([pid], [flags]) = crate::sig!("pidfd_open", "pid, flags=0").bind(vm, a, kw)?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let flags = match flags {
        Some(f) => int_arg(vm, f)? as libc::c_uint,
        None => 0,
    };
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) };
    if fd < 0 {
        return Err(last_error(vm));
    }
    Ok(Value::Int(fd))
}


/// The exit code of a wait status: the code, or minus the killing signal.
fn waitstatus_to_exitcode(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([status], []) = crate::sig!("waitstatus_to_exitcode", "status").bind(vm, a, kw)?;
    let s = int_arg(vm, status)? as i32;
    if libc::WIFEXITED(s) {
        Ok(Value::Int(libc::WEXITSTATUS(s) as i64))
    } else if libc::WIFSIGNALED(s) {
        Ok(Value::Int(-(libc::WTERMSIG(s) as i64)))
    } else {
        Err(vm.value_error(format!("invalid wait status: {s}")))
    }
}

fn wifexited(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([status], []) = crate::sig!("WIFEXITED", "status").bind(vm, a, kw)?;
    let s = int_arg(vm, status)? as i32;
    Ok(Value::bool(libc::WIFEXITED(s)))
}

fn wexitstatus(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([status], []) = crate::sig!("WEXITSTATUS", "status").bind(vm, a, kw)?;
    let s = int_arg(vm, status)? as i32;
    Ok(Value::Int(libc::WEXITSTATUS(s) as i64))
}

fn wifsignaled(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([status], []) = crate::sig!("WIFSIGNALED", "status").bind(vm, a, kw)?;
    let s = int_arg(vm, status)? as i32;
    Ok(Value::bool(libc::WIFSIGNALED(s)))
}

fn wtermsig(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([status], []) = crate::sig!("WTERMSIG", "status").bind(vm, a, kw)?;
    let s = int_arg(vm, status)? as i32;
    Ok(Value::Int(libc::WTERMSIG(s) as i64))
}
