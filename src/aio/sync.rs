//! The synchronous methods of `asyncio.Lock` and `asyncio.Event` that run
//! at every hand-over (`release`, `set`, `clear`, `is_set`), native. The
//! classes stay in Python (stdlib/asyncio/locks.py) and take these as
//! methods; their state is in the instance's attributes as before.

use super::{fifo, future, state, State};
use crate::eval::awaited::Shortcut;
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

/// Whether `fut` is done: natively for a plain Future.
fn is_done(vm: &Vm, st: &State, fut: &Value) -> PyResult<bool> {
    match fut {
        Value::Instance(f) if Rc::ptr_eq(&f.class(), &st.future_class) => Ok(future::phase(f) != future::Phase::Pending),
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
    let st = state(vm)?;
    let n = &st.names;
    if !vm.truthy(&vm.get_attr_at(me, &n.locked)?)? {
        return Err(vm.runtime_error("Lock is not acquired."));
    }
    vm.set_attr_at(me, &n.locked_store, Value::bool(false))?;
    if super::is_native_at(vm, me, &n.wake_first, lock_wake_first) {
        wake_first(vm, &st, me)?;
    } else {
        let m = vm.get_attr_at(me, &n.wake_first)?;
        vm.call(&m, &[], &[])?;
    }
    Ok(Value::None)
}

/// `await lock.acquire()` of a free lock nobody waits for: taken at once.
/// (Waiters that are all cancelled, which the body also lets by, are left
/// to it.)
pub fn lock_acquire_shortcut(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let [me] = args else { return Ok(Shortcut::Decline) };
    let st = state(vm)?;
    let n = &st.names;
    if !matches!(vm.get_attr_at(me, &n.locked)?, Value::Bool(b) if !b.get()) {
        return Ok(Shortcut::Decline);
    }
    let waiters = vm.get_attr_at(me, &n.waiters)?;
    if !waiters.is_none() && fifo::len_of(vm, &waiters) != Some(0) {
        return Ok(Shortcut::Decline);
    }
    vm.set_attr_at(me, &n.locked_store, Value::bool(true))?;
    Ok(Shortcut::Done(Value::bool(true)))
}

/// `await lock.release()` as `async with` ends: `self.release()`.
pub fn release(vm: &Vm, st: &State, me: &Value) -> PyResult<()> {
    if super::is_native_at(vm, me, &st.names.release, lock_release) {
        lock_release(vm, std::slice::from_ref(me), &[])?;
    } else {
        let m = vm.get_attr_at(me, &st.names.release)?;
        vm.call(&m, &[], &[])?;
    }
    Ok(())
}

/// `await event.wait()` of a set event: True at once.
pub fn event_wait_shortcut(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let [me] = args else { return Ok(Shortcut::Decline) };
    match vm.get_attr_at(me, &state(vm)?.names.value)? {
        Value::Bool(b) if b.get() => Ok(Shortcut::Done(Value::bool(true))),
        _ => Ok(Shortcut::Decline),
    }
}

/// `Lock._wake_first()`: the first waiter in line gets the lock.
fn lock_wake_first(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Lock._wake_first", "$self, /").bind(vm, a, kw)?;
    wake_first(vm, &*state(vm)?, me)?;
    Ok(Value::None)
}

fn wake_first(vm: &Vm, st: &State, me: &Value) -> PyResult<()> {
    let waiters = vm.get_attr_at(me, &st.names.waiters)?;
    let first = match fifo::len_of(vm, &waiters) {
        Some(0) => return Ok(()),
        Some(_) => vm.get_item(&waiters, &Value::Int(0))?,
        None if !vm.truthy(&waiters)? => return Ok(()),
        None => vm.get_item(&waiters, &Value::Int(0))?,
    };
    if !is_done(vm, st, &first)? {
        wake(vm, st, &first)?;
    }
    Ok(())
}

fn event_is_set(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Event.is_set", "$self, /").bind(vm, a, kw)?;
    vm.get_attr_at(me, &state(vm)?.names.value)
}

fn event_clear(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Event.clear", "$self, /").bind(vm, a, kw)?;
    vm.set_attr_at(me, &state(vm)?.names.value_store, Value::bool(false))?;
    Ok(Value::None)
}

/// `event.clear()`, done in place when that is the native `Event.clear`.
pub fn clear_event(vm: &Vm, st: &State, event: &Value) -> PyResult<()> {
    let n = &st.names;
    if super::is_native_at(vm, event, &n.clear, event_clear) {
        return vm.set_attr_at(event, &n.value_store, Value::bool(false));
    }
    let clear = vm.get_attr_at(event, &n.clear)?;
    vm.call(&clear, &[], &[]).map(drop)
}

/// `Event.set()`: every waiter still waiting is woken.
fn event_set(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Event.set", "$self, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    let n = &st.names;
    if vm.truthy(&vm.get_attr_at(me, &n.value)?)? {
        return Ok(Value::None);
    }
    vm.set_attr_at(me, &n.value_store, Value::bool(true))?;
    let waiters = vm.iter(&vm.get_attr_at(me, &n.waiters)?)?;
    while let Some(w) = vm.next(&waiters)? {
        if !is_done(vm, &st, &w)? {
            wake(vm, &st, &w)?;
        }
    }
    Ok(Value::None)
}
