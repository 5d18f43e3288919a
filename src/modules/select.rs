//! `select`: `select.select` and `select.poll` on top of poll(2), so
//! descriptors above FD_SETSIZE work too. The asyncio loop sleeps in it
//! (stdlib/asyncio/readiness.py).

use super::def;
use super::os_fd::fd_arg;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::time::{Duration, Instant};

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "select", select);
    def(vm, d, "_ready_fds", ready_fds);
    def(vm, d, "_poll_events", poll_events);
    d.set_str(vm.intern("error"), Value::Class(vm.types.exc("OSError")));
    for (name, v) in [
        ("POLLIN", libc::POLLIN),
        ("POLLPRI", libc::POLLPRI),
        ("POLLOUT", libc::POLLOUT),
        ("POLLERR", libc::POLLERR),
        ("POLLHUP", libc::POLLHUP),
        ("POLLNVAL", libc::POLLNVAL),
    ] {
        d.set_str(vm.intern(name), Value::Int(v as i64));
    }
    Ok(())
}

/// `poll`: the registrations live in a dict in Python; `_poll_events`
/// does the wait.
pub const PRELUDE: &str = r#"
class poll:
    def __init__(self):
        self._events = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        self._events[_fileno(fd)] = eventmask

    def modify(self, fd, eventmask):
        fd = _fileno(fd)
        if fd not in self._events:
            raise FileNotFoundError(2, "No such file or directory")
        self._events[fd] = eventmask

    def unregister(self, fd):
        del self._events[_fileno(fd)]

    def poll(self, timeout=None):
        if timeout is not None:
            if not isinstance(timeout, (int, float)):
                raise TypeError("timeout must be an integer or None")
            timeout = None if timeout < 0 else timeout / 1000
        return _poll_events(list(self._events.items()), timeout)


def _fileno(fd):
    if not isinstance(fd, int):
        try:
            fd = fd.fileno()
        except AttributeError:
            raise TypeError("argument must be an int, or have a fileno() method.") from None
    if fd < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({fd})")
    return fd
"#;

/// The descriptor of a select() argument: an int or an object's fileno().
pub fn fileno_of(vm: &Vm, v: &Value) -> PyResult<i32> {
    let fd = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => fd_arg(vm, v)?,
        _ => match vm.get_attr(v, &vm.intern("fileno")) {
            Ok(f) => {
                let r = vm.call(&f, &[], &[])?;
                if !matches!(r, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                    return Err(vm.type_error("fileno() returned a non-integer"));
                }
                fd_arg(vm, &r)?
            }
            Err(_) => return Err(vm.type_error("argument must be an int, or have a fileno() method.")),
        },
    };
    if fd < 0 {
        return Err(vm.value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// The items of a select() list argument.
fn items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.items.borrow().to_vec()),
        Value::Tuple(t) => Ok(t.items.to_vec()),
        _ => vm.collect(v).map_err(|_| vm.type_error("arguments 1-3 must be sequences")),
    }
}

/// A timeout argument in seconds: None waits for ever.
pub fn timeout_arg(vm: &Vm, v: Option<&Value>, message: &str) -> PyResult<Option<Duration>> {
    let secs = match v {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => f.get(),
        Some(v) => vm.to_float(v).map_err(|_| vm.type_error(message.to_string()))?,
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("timeout must be non-negative"));
    }
    Duration::try_from_secs_f64(secs).map(Some).map_err(|_| vm.new_error("OverflowError", "timeout doesn't fit into C timeval"))
}

/// Waits with the GIL released until one of `fds` is ready or `timeout`
/// passes; returns the poll entries with their `revents`. Waits in slices
/// so that Ctrl-C and signals are noticed: their handlers run (a
/// KeyboardInterrupt or a handler's exception ends the wait), then the wait
/// goes on, as CPython retries after EINTR (PEP 475).
pub fn poll(vm: &Vm, mut fds: Vec<libc::pollfd>, timeout: Option<Duration>) -> PyResult<Vec<libc::pollfd>> {
    const SLICE: Duration = Duration::from_millis(100);
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let slice = match deadline {
            Some(d) => d.saturating_duration_since(Instant::now()).min(SLICE),
            None => SLICE,
        };
        let ms = slice.as_nanos().div_ceil(1_000_000) as i32;
        for p in fds.iter_mut() {
            p.revents = 0;
        }
        let (r, back, err) = vm.allow_threads(move || {
            let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
            (r, fds, std::io::Error::last_os_error())
        });
        fds = back;
        if r > 0 {
            return Ok(fds);
        }
        if r < 0 {
            let errno = err.raw_os_error().unwrap_or(libc::EIO);
            if errno != libc::EINTR {
                return Err(super::os::errno_error(vm, errno, None, None));
            }
        }
        if vm.interrupt.get() {
            vm.safe_point()?;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(fds);
        }
    }
}

/// `select(rlist, wlist, xlist, timeout=None)`.
fn select(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([rlist, wlist, xlist], [timeout]) = crate::sig!("select", "rlist, wlist, xlist, timeout=None, /").bind(vm, a, kw)?;
    let lists = [items(vm, rlist)?, items(vm, wlist)?, items(vm, xlist)?];
    let timeout = timeout_arg(vm, timeout, "timeout must be a float or None")?;
    let events = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<libc::pollfd> = Vec::new();
    // Which list and item each poll entry stands for.
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for (k, list) in lists.iter().enumerate() {
        for (i, v) in list.iter().enumerate() {
            fds.push(libc::pollfd { fd: fileno_of(vm, v)?, events: events[k], revents: 0 });
            owners.push((k, i));
        }
    }
    let fds = poll(vm, fds, timeout)?;
    let mut out: [Vec<Value>; 3] = Default::default();
    for (p, &(k, i)) in fds.iter().zip(&owners) {
        if p.revents & libc::POLLNVAL != 0 {
            return Err(super::os::errno_error(vm, libc::EBADF, None, None));
        }
        // As select() does, a hang-up or error counts as readable/writable.
        let hit = match k {
            2 => p.revents & libc::POLLPRI != 0,
            _ => p.revents & (events[k] | libc::POLLHUP | libc::POLLERR) != 0,
        };
        if hit {
            out[k].push(lists[k][i].clone());
        }
    }
    let [r, w, x] = out;
    Ok(Value::tuple(vec![Value::list(r), Value::list(w), Value::list(x)]))
}

/// `_poll_events([(fd, events)], timeout)`: [(fd, revents)] of the ready ones.
fn poll_events(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([pairs, timeout], []) = crate::sig!("_poll_events", "pairs, timeout, /").bind(vm, a, kw)?;
    let mut fds = Vec::new();
    for pair in items(vm, pairs)? {
        let pair = vm.collect(&pair)?;
        let (Some(fd), Some(events)) = (pair.first(), pair.get(1)) else { return Err(vm.type_error("expected (fd, events) pairs")) };
        let events = vm.index_value(events)?;
        let events = u16::try_from(events).map_err(|_| vm.new_error("OverflowError", "Python int too large for C unsigned short"))? as i16;
        fds.push(libc::pollfd { fd: fileno_of(vm, fd)?, events, revents: 0 });
    }
    let timeout = timeout_arg(vm, Some(timeout), "timeout must be an integer or None")?;
    let fds = poll(vm, fds, timeout)?;
    let ready = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| Value::tuple(vec![Value::Int(p.fd as i64), Value::Int(p.revents as u16 as i64)]))
        .collect();
    Ok(Value::list(ready))
}

/// `_ready_fds(readers, writers, timeout)`: the event loop's wait. Takes
/// lists of descriptors and returns (readable, writable) lists; unlike
/// select(), a closed or failed descriptor counts as ready instead of
/// raising, so that its callback runs and meets the error itself.
fn ready_fds(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([readers, writers, timeout], []) = crate::sig!("_ready_fds", "readers, writers, timeout, /").bind(vm, a, kw)?;
    let (readers, writers) = (items(vm, readers)?, items(vm, writers)?);
    let timeout = timeout_arg(vm, Some(timeout), "timeout must be a float or None")?;
    let mut fds = Vec::with_capacity(readers.len() + writers.len());
    for (list, events) in [(&readers, libc::POLLIN), (&writers, libc::POLLOUT)] {
        for v in list.iter() {
            let fd = fd_arg(vm, v)?;
            if fd < 0 {
                return Err(vm.value_error(format!("file descriptor cannot be a negative integer ({fd})")));
            }
            fds.push(libc::pollfd { fd, events, revents: 0 });
        }
    }
    let fds = poll(vm, fds, timeout)?;
    let failed = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
    let (mut r, mut w) = (Vec::new(), Vec::new());
    for p in &fds {
        if p.revents & (p.events | failed) != 0 {
            let out = if p.events == libc::POLLIN { &mut r } else { &mut w };
            out.push(Value::Int(p.fd as i64));
        }
    }
    Ok(Value::tuple(vec![Value::list(r), Value::list(w)]))
}
