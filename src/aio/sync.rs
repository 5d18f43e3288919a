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
    call_wake_first(vm, &st, me)?;
    Ok(Value::None)
}

/// `self._wake_first()`, in place when it is the native one.
fn call_wake_first(vm: &Vm, st: &State, me: &Value) -> PyResult<()> {
    if super::is_native_at(vm, me, &st.names.wake_first, lock_wake_first) {
        return wake_first(vm, st, me);
    }
    let m = vm.get_attr_at(me, &st.names.wake_first)?;
    vm.call(&m, &[], &[]).map(drop)
}

/// `await lock.acquire()`: `lock_acquire` giving True.
pub fn lock_acquire_shortcut(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let [me] = args else { return Ok(Shortcut::Decline) };
    lock_acquire(vm, me, Value::bool(true))
}

/// `Lock.acquire()` natively, its await giving `result`: taken at once
/// when free and nobody waits (or all who wait were cancelled); else a
/// future in line, as the Python body does. Declines where the state is
/// not the class's own (a `_locked` that is not a bool, waiters that are
/// not a Fifo of native futures, a loop of another kind).
pub fn lock_acquire(vm: &Vm, me: &Value, result: Value) -> PyResult<Shortcut> {
    let st = state(vm)?;
    let n = &st.names;
    let Value::Bool(locked) = vm.get_attr_at(me, &n.locked)? else { return Ok(Shortcut::Decline) };
    let waiters = vm.get_attr_at(me, &n.waiters)?;
    let mut foreign = false;
    let nobody_waits = match &waiters {
        Value::None => Some(true),
        w => fifo::all_items(vm, w, |f| match f {
            Value::Instance(f) if Rc::ptr_eq(&f.class(), &st.future_class) => future::phase(f) == future::Phase::Cancelled,
            _ => {
                foreign = true;
                false
            }
        }),
    };
    let Some(nobody_waits) = nobody_waits.filter(|_| !foreign) else { return Ok(Shortcut::Decline) };
    if !locked.get() && nobody_waits {
        vm.set_attr_at(me, &n.locked_store, Value::bool(true))?;
        return Ok(Shortcut::Done(result));
    }
    if waiters.is_none() {
        // The first to wait makes the line: left to the body.
        return Ok(Shortcut::Decline);
    }
    wait_in_line(vm, &st, me, waiters, true, result)
}

/// `await event.wait()`: True at once when set; else a future in line.
pub fn event_wait_shortcut(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let [me] = args else { return Ok(Shortcut::Decline) };
    let st = state(vm)?;
    match vm.get_attr_at(me, &st.names.value)? {
        Value::Bool(b) if b.get() => Ok(Shortcut::Done(Value::bool(true))),
        Value::Bool(_) => {
            let waiters = vm.get_attr_at(me, &st.names.waiters)?;
            wait_in_line(vm, &st, me, waiters, false, Value::bool(true))
        }
        _ => Ok(Shortcut::Decline),
    }
}

/// `fut = self._get_loop().create_future(); self._waiters.append(fut)`,
/// then the await of `fut`, which `AfterWait` ends.
fn wait_in_line(vm: &Vm, st: &State, me: &Value, waiters: Value, lock: bool, result: Value) -> PyResult<Shortcut> {
    if fifo::len_of(vm, &waiters).is_none() {
        return Ok(Shortcut::Decline);
    }
    let Some(fut) = join_line(vm, st, me, &waiters)? else { return Ok(Shortcut::Decline) };
    let after = AfterWait::Line { owner: me.clone(), waiters, lock, result };
    Ok(Shortcut::Await(future::waiting_iter(vm, fut, after)))
}

/// `fut = self._get_loop().create_future(); waiters.append(fut)`: the
/// future, unless the loop's `create_future` is not the native one (then
/// nothing was made).
pub fn join_line(vm: &Vm, st: &State, me: &Value, waiters: &Value) -> PyResult<Option<Rc<Instance>>> {
    let lp = vm.call_method(me, "_get_loop", &[])?;
    if !super::is_native_at(vm, &lp, &st.names.create_future, super::running::create_future) {
        return Ok(None);
    }
    let Value::Instance(fut) = super::running::create_future(vm, &[lp], &[])? else { return Ok(None) };
    if let Err(f) = fifo::push(vm, waiters, Value::Instance(fut.clone())) {
        vm.call_method(waiters, "append", &[f])?;
    }
    Ok(Some(fut))
}

/// How a native wait ends, as the Python body it stands for goes on after
/// its `await fut`.
pub enum AfterWait {
    /// `Event.wait()`, `Lock.acquire()`: the future leaves the line
    /// (`finally`); a lock is then taken, or on a cancellation handed on to
    /// the next in line if it is free.
    Line { owner: Value, waiters: Value, lock: bool, result: Value },
    /// `Queue.get()`, `Queue.put()` (src/aio/queue.rs).
    Queue(super::queue::QueueWait),
}

/// What the awaiting frame gets once the future is done.
pub enum Ended {
    Value(Value),
    /// The body loops to wait again, on this future.
    WaitAgain(Rc<Instance>),
}

impl AfterWait {
    pub fn finish(&self, vm: &Vm, fut: &Value, outcome: PyResult<Value>) -> PyResult<Ended> {
        let (owner, waiters, lock, result) = match self {
            AfterWait::Queue(q) => return q.finish(vm, fut, outcome),
            AfterWait::Line { owner, waiters, lock, result } => (owner, waiters, *lock, result),
        };
        fifo::remove_item(vm, waiters, fut)?;
        if !lock {
            return outcome.map(|_| Ended::Value(result.clone()));
        }
        let st = state(vm)?;
        match outcome {
            Ok(_) => {
                vm.set_attr_at(owner, &st.names.locked_store, Value::bool(true))?;
                Ok(Ended::Value(result.clone()))
            }
            Err(e) => {
                if e.0.class().is_subclass(&*st.cancelled_error(vm)?) && !vm.truthy(&vm.get_attr_at(owner, &st.names.locked)?)? {
                    call_wake_first(vm, &st, owner)?;
                }
                Err(e)
            }
        }
    }

    /// The await closed before it ended (GeneratorExit at the `await`).
    pub fn close(&self, vm: &Vm, fut: &Value) -> PyResult<()> {
        match self {
            AfterWait::Line { waiters, .. } => fifo::remove_item(vm, waiters, fut),
            AfterWait::Queue(q) => q.give_up(vm, fut),
        }
    }
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
