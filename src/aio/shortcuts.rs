//! The native shortcuts of asyncio's coroutine functions (see
//! `eval::awaited`): the Python function stays the definition, and
//! `@_asyncio._await_natively` gives its code the shortcut registered here
//! under its qualified name.

use super::{alarm, queue, state, sync};
use crate::eval::awaited::{AwaitShortcut, Shortcut};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

const SHORTCUTS: [(&str, AwaitShortcut); 7] = [
    ("sleep", sleep),
    ("Queue.get", queue::get_shortcut),
    ("Queue.put", queue::put_shortcut),
    ("Lock.acquire", sync::lock_acquire_shortcut),
    ("Event.wait", sync::event_wait_shortcut),
    ("_AcquireOnEnter.__aenter__", acquire_on_enter),
    ("_AcquireOnEnter.__aexit__", release_on_exit),
];

/// `@_asyncio._await_natively`: gives `func` its native shortcut.
pub fn await_natively(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([func], []) = crate::sig!("_await_natively", "func, /").bind(vm, a, kw)?;
    let Value::Function(fun) = func else {
        return Err(vm.type_error("_await_natively() takes a coroutine function"));
    };
    let qualname = fun.code.qualname.clone();
    let Some((_, shortcut)) = SHORTCUTS.iter().find(|(name, _)| *name == qualname.as_str()) else {
        return Err(vm.value_error(format!("no native shortcut for {}", qualname.as_str())));
    };
    fun.code.await_shortcut.set(Some(*shortcut));
    Ok(func.clone())
}

/// `sleep(delay, result=None)` with a delay that is an int or a float: a
/// sleep of 0 or less yields once; a longer one awaits the native timer
/// future `_alarm(delay, result)`, as the Python body does.
fn sleep(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let (delay, result) = match args {
        [delay] => (delay, Value::None),
        [delay, result] => (delay, result.clone()),
        _ => return Ok(Shortcut::Decline),
    };
    let now = match delay {
        Value::Int(i) => *i <= 0,
        Value::Float(x) => x.get() <= 0.0,
        _ => return Ok(Shortcut::Decline),
    };
    if now {
        // The yield-once marker gives None as the await's value; another
        // result needs the body.
        if !result.is_none() {
            return Ok(Shortcut::Decline);
        }
        return Ok(Shortcut::Await(state(vm)?.yield_once.clone()));
    }
    alarm::alarm(vm, &[delay.clone(), result], &[]).map(Shortcut::Await)
}

/// `async with lock:` entering: `await self.acquire()`, when `acquire` is
/// `Lock.acquire`; the await gives None.
fn acquire_on_enter(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let [me @ Value::Instance(inst)] = args else { return Ok(Shortcut::Decline) };
    let Some(acquire) = vm.method_at(inst, &state(vm)?.names.acquire) else { return Ok(Shortcut::Decline) };
    // (A function's address identifies it; a false "different" declines.)
    let lock_acquire: AwaitShortcut = sync::lock_acquire_shortcut;
    if !acquire.code.await_shortcut.get().is_some_and(|s| s as *const () == lock_acquire as *const ()) {
        return Ok(Shortcut::Decline);
    }
    sync::lock_acquire(vm, me, Value::None)
}

/// `async with lock:` leaving: `self.release()`.
fn release_on_exit(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let [me, _, _, _] = args else { return Ok(Shortcut::Decline) };
    sync::release(vm, &*state(vm)?, me)?;
    Ok(Shortcut::Done(Value::None))
}
