//! `_signal`: Python-level signal handlers (stdlib/signal.py adds the
//! enums). The C handler only records the signal in `ARRIVED` and raises
//! the evaluator's interrupt flag; at its next safe point the main thread
//! calls `dispatch`, which runs the Python handlers of the signals that
//! arrived, as CPython runs them between bytecodes. A plain interrupt
//! request with no signal recorded (Ctrl-C before `signal` was imported, or
//! a host's request) stays a KeyboardInterrupt.
//!
//! The handlers live in the module's dict under `_handlers` (signal number
//! to handler), so nothing but atomics is shared with the C handler.

use super::def;
use crate::eval::{interrupt, Vm};
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One bit per signal number (bit n-1 for signal n) that arrived and
/// whose handler has not run yet.
static ARRIVED: AtomicU64 = AtomicU64::new(0);

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;
const HANDLERS: &str = "_handlers";

extern "C" fn on_signal(signum: libc::c_int) {
    if (1..=64).contains(&signum) {
        ARRIVED.fetch_or(1 << (signum - 1), Ordering::Relaxed);
    }
    interrupt::request();
}

pub const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    for &(name, n) in SIGNALS {
        d.set_str(vm.intern(name), Value::Int(n as i64));
    }
    d.set_str(vm.intern("SIGRTMIN"), Value::Int(libc::SIGRTMIN() as i64));
    d.set_str(vm.intern("SIGRTMAX"), Value::Int(libc::SIGRTMAX() as i64));
    d.set_str(vm.intern("NSIG"), Value::Int(65));
    d.set_str(vm.intern("SIG_DFL"), Value::Int(SIG_DFL));
    d.set_str(vm.intern("SIG_IGN"), Value::Int(SIG_IGN));
    for (name, f) in [
        ("signal", signal as NativeFn),
        ("getsignal", getsignal),
        ("default_int_handler", default_int_handler),
        ("raise_signal", raise_signal),
        ("strsignal", strsignal),
        ("valid_signals", valid_signals),
        ("alarm", alarm),
    ] {
        def(vm, d, name, f);
    }
    // The dispositions found at start-up: SIG_DFL, SIG_IGN, or None for a
    // handler not installed from Python; SIGINT's is default_int_handler.
    let table = Dict::new();
    for n in 1..65i32 {
        let current = disposition(n);
        let v = if n == libc::SIGINT && current.is_none() {
            d.get_str(&vm.intern("default_int_handler")).unwrap_or(Value::None)
        } else {
            current.map_or(Value::None, Value::Int)
        };
        vm.dict_set(&table, Value::Int(n as i64), v)?;
    }
    d.set_str(vm.intern(HANDLERS), Value::Dict(crate::runtime::gc::new(table)));
    Ok(())
}

/// SIG_DFL or SIG_IGN when signal `n` has that disposition now.
fn disposition(n: i32) -> Option<i64> {
    // SAFETY: sigaction with a null new action only reads the current one.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigaction(n, std::ptr::null(), &mut old) } != 0 {
        return Some(SIG_DFL);
    }
    match old.sa_sigaction {
        libc::SIG_DFL => Some(SIG_DFL),
        libc::SIG_IGN => Some(SIG_IGN),
        _ => None,
    }
}

fn handlers(vm: &Vm) -> PyResult<Rc<Dict>> {
    let module = vm.import_module("_signal")?;
    match vm.get_attr(&module, &vm.intern(HANDLERS))? {
        Value::Dict(d) => Ok(d),
        _ => Err(vm.runtime_error("_signal._handlers is not a dict")),
    }
}

fn signum_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    if matches!(v, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(v)?;
    if !(1..65).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

/// `signal(signalnum, handler)`: installs `handler`, returns the old one.
fn signal(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([signalnum, handler], []) = crate::sig!("signal", "signalnum, handler, /").bind(vm, a, kw)?;
    let n = signum_arg(vm, signalnum)?;
    let action = match handler {
        Value::Int(SIG_DFL) => libc::SIG_DFL,
        Value::Int(SIG_IGN) => libc::SIG_IGN,
        h if vm.is_callable(h) => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
        _ => return Err(vm.type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    };
    if !vm.gil.on_main_thread() {
        return Err(vm.value_error("signal only works in main thread of the main interpreter"));
    }
    if n == libc::SIGKILL || n == libc::SIGSTOP {
        return Err(super::os::errno_error(vm, libc::EINVAL, None, None));
    }
    // SAFETY: `on_signal` stores to atomics only, which is async-signal-safe.
    if unsafe { libc::signal(n, action) } == libc::SIG_ERR {
        return Err(super::os_fd::last_error(vm));
    }
    let table = handlers(vm)?;
    let old = vm.dict_get(&table, &Value::Int(n as i64))?.unwrap_or(Value::None);
    vm.dict_set(&table, Value::Int(n as i64), handler.clone())?;
    Ok(old)
}

fn getsignal(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([signalnum], []) = crate::sig!("getsignal", "signalnum, /").bind(vm, a, kw)?;
    let n = signum_arg(vm, signalnum)?;
    let table = handlers(vm)?;
    Ok(vm.dict_get(&table, &Value::Int(n as i64))?.unwrap_or(Value::None))
}

fn default_int_handler(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("default_int_handler", "signalnum, frame, /").bind(vm, a, kw)?;
    Err(vm.new_exc(&vm.types.exc("KeyboardInterrupt"), Vec::new()))
}

fn raise_signal(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([signalnum], []) = crate::sig!("_signal.raise_signal", "signalnum, /").bind(vm, a, kw)?;
    let n = signum_arg(vm, signalnum)?;
    if unsafe { libc::raise(n) } != 0 {
        return Err(super::os_fd::last_error(vm));
    }
    // The handler runs now, as CPython checks for signals on return.
    if interrupt::take() {
        dispatch(vm)?;
    }
    Ok(Value::None)
}

fn strsignal(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([signalnum], []) = crate::sig!("_signal.strsignal", "signalnum, /").bind(vm, a, kw)?;
    let n = signum_arg(vm, signalnum)?;
    // SAFETY: strsignal returns a NUL-terminated string valid until the next call.
    let p = unsafe { libc::strsignal(n) };
    if p.is_null() {
        return Ok(Value::None);
    }
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    Ok(Value::string(s))
}

fn valid_signals(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(py "valid_signals", "").bind(vm, a, kw)?;
    let numbers: Vec<Value> = (1..65).filter(|&n| n != 32 && n != 33).map(|n| Value::Int(n as i64)).collect();
    let set = vm.call(&Value::Class(vm.types.set.clone()), &[Value::list(numbers)], &[])?;
    Ok(set)
}

/// `alarm(seconds)`: SIGALRM after `seconds`; the seconds left of the
/// previous alarm.
fn alarm(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([seconds], []) = crate::sig!("_signal.alarm", "seconds, /").bind(vm, a, kw)?;
    let secs = vm.index_value(seconds)?;
    let secs = u32::try_from(secs).map_err(|_| vm.new_error("OverflowError", "Python int too large to convert to C unsigned int"))?;
    Ok(Value::Int(unsafe { libc::alarm(secs) } as i64))
}

/// Runs the Python handlers of the signals that arrived; called by the
/// main thread at a safe point after an interrupt request. Without any
/// signal recorded, the request is a KeyboardInterrupt.
pub fn dispatch(vm: &Vm) -> PyResult<()> {
    let arrived = ARRIVED.swap(0, Ordering::Relaxed);
    if arrived == 0 {
        return Err(vm.new_exc(&vm.types.exc("KeyboardInterrupt"), Vec::new()));
    }
    let table = handlers(vm)?;
    for n in 1..65i64 {
        if arrived & (1 << (n - 1)) == 0 {
            continue;
        }
        match vm.dict_get(&table, &Value::Int(n))? {
            Some(h) if vm.is_callable(&h) => {
                // CPython passes the interrupted frame; tulip has no frame objects here.
                if let Err(e) = vm.call(&h, &[Value::Int(n), Value::None], &[]) {
                    // The other signals stay pending for the next safe point.
                    let rest = arrived & !((1u64 << n) - 1);
                    if rest != 0 {
                        ARRIVED.fetch_or(rest, Ordering::Relaxed);
                        interrupt::request();
                    }
                    return Err(e);
                }
            }
            _ if n == libc::SIGINT as i64 => return Err(vm.new_exc(&vm.types.exc("KeyboardInterrupt"), Vec::new())),
            _ => {}
        }
    }
    Ok(())
}
