//! The synchronous methods of `asyncio.Lock` and `asyncio.Event` that run
//! at every hand-over (`release`, `set`, `clear`, `is_set`), native. The
//! classes stay in Python (stdlib/asyncio/locks.py) and take these as
//! methods; their state is in the instance's attributes as before.

use super::{fifo, future, state, State};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// The methods, as `_asyncio` exports them for the Python classes.
pub const METHODS: [(&str, &str, &str, NativeFn); 5] = [
    ("_lock_release", "release", "Lock", lock_release),
    ("_lock_wake_first", "_wake_first", "Lock", lock_wake_first),
    ("_event_is_set", "is_set", "Event", event_is_set),
    ("_event_set", "set", "Event", event_set),
    ("_event_clear", "clear", "Event", event_clear),
];

fn attr(vm: &Vm, obj: &Value, name: &str) -> PyResult<Value> {
    vm.get_attr(obj, &vm.intern(name))
}

fn set_attr(vm: &Vm, obj: &Value, name: &str, v: Value) -> PyResult<()> {
    vm.set_attr(obj, &vm.intern(name), v)
}

/// Whether `fut` is done: natively for a plain Future.
fn is_done(vm: &Vm, st: &State, fut: &Value) -> PyResult<bool> {
    match fut {
        Value::Instance(f) if Rc::ptr_eq(&f.class(), &st.future_class) => Ok(future::phase(st, f) != future::Phase::Pending),
        _ => {
            let r = vm.call_method(fut, "done", &[])?;
            vm.truthy(&r)
        }
    }
}

fn wake(vm: &Vm, st: &State, fut: &Value) -> PyResult<()> {
    match fut {
        Value::Instance(f) if Rc::ptr_eq(&f.class(), &st.future_class) => future::set_result_of(vm, st, f, Value::bool(true)),
        _ => vm.call_method(fut, "set_result", &[Value::bool(true)]).map(drop),
    }
}

/// `Lock.release()`.
fn lock_release(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Lock.release", "$self, /").bind(vm, a, kw)?;
    if !vm.truthy(&attr(vm, me, "_locked")?)? {
        return Err(vm.runtime_error("Lock is not acquired."));
    }
    set_attr(vm, me, "_locked", Value::bool(false))?;
    vm.call_method(me, "_wake_first", &[])?;
    Ok(Value::None)
}

/// `Lock._wake_first()`: the first waiter in line gets the lock.
fn lock_wake_first(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Lock._wake_first", "$self, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    let waiters = attr(vm, me, "_waiters")?;
    let first = match fifo::len_of(vm, &waiters) {
        Some(0) => return Ok(Value::None),
        Some(_) => vm.get_item(&waiters, &Value::Int(0))?,
        None if !vm.truthy(&waiters)? => return Ok(Value::None),
        None => vm.get_item(&waiters, &Value::Int(0))?,
    };
    if !is_done(vm, &st, &first)? {
        wake(vm, &st, &first)?;
    }
    Ok(Value::None)
}

fn event_is_set(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Event.is_set", "$self, /").bind(vm, a, kw)?;
    attr(vm, me, "_value")
}

fn event_clear(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Event.clear", "$self, /").bind(vm, a, kw)?;
    set_attr(vm, me, "_value", Value::bool(false))?;
    Ok(Value::None)
}

/// `Event.set()`: every waiter still waiting is woken.
fn event_set(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Event.set", "$self, /").bind(vm, a, kw)?;
    if vm.truthy(&attr(vm, me, "_value")?)? {
        return Ok(Value::None);
    }
    set_attr(vm, me, "_value", Value::bool(true))?;
    let st = state(vm)?;
    let waiters = vm.iter(&attr(vm, me, "_waiters")?)?;
    while let Some(w) = vm.next(&waiters)? {
        if !is_done(vm, &st, &w)? {
            wake(vm, &st, &w)?;
        }
    }
    Ok(Value::None)
}
