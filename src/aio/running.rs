//! The running loop of each thread (`_get_running_loop`,
//! `_set_running_loop`, `get_running_loop`, native as in CPython's
//! `_asyncio`), and the loop methods every sleep and wait goes through:
//! `time()`, `create_future()` and `call_later()`, native methods of the
//! Python class `EventLoop` as `call_soon` and `call_at` are.

use super::{future, state, State};
use crate::compile::ir::BinOp;
use crate::runtime::int::ArithOp;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::thread::ThreadId;

/// The loop running in each thread that runs one.
#[derive(Default)]
pub struct RunningLoops {
    loops: std::cell::RefCell<Vec<(ThreadId, Value)>>,
}

impl RunningLoops {
    pub fn get(&self) -> Option<Value> {
        let me = std::thread::current().id();
        self.loops.borrow().iter().find(|(t, _)| *t == me).map(|(_, l)| l.clone())
    }

    fn set(&self, lp: Value) {
        let me = std::thread::current().id();
        let mut loops = self.loops.borrow_mut();
        let old = match loops.iter().position(|(t, _)| *t == me) {
            Some(i) if lp.is_none() => Some(loops.swap_remove(i).1),
            Some(i) => Some(std::mem::replace(&mut loops[i].1, lp)),
            None if lp.is_none() => None,
            None => {
                loops.push((me, lp));
                None
            }
        };
        drop(loops);
        drop(old);
    }
}

/// The running loop, or CPython's RuntimeError.
pub fn running_loop(vm: &Vm, st: &State) -> PyResult<Value> {
    st.running.get().ok_or_else(|| vm.runtime_error("no running event loop"))
}

pub fn get_running_loop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("get_running_loop", "").bind(vm, a, kw)?;
    running_loop(vm, &*state(vm)?)
}

pub fn get_running_loop_or_none(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_get_running_loop", "").bind(vm, a, kw)?;
    Ok(state(vm)?.running.get().unwrap_or(Value::None))
}

pub fn set_running_loop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([lp], []) = crate::sig!("_set_running_loop", "loop, /").bind(vm, a, kw)?;
    state(vm)?.running.set(lp.clone());
    Ok(Value::None)
}

// ----- native methods of EventLoop -----

/// `loop.time()`: `time.monotonic()`.
pub fn loop_time(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("EventLoop.time", "$self, /").bind(vm, a, kw)?;
    Ok(Value::float(monotonic()))
}

pub fn monotonic() -> f64 {
    crate::modules::time::clock_ns(libc::CLOCK_MONOTONIC) as f64 * 1e-9
}

/// `loop.time()` on any loop: natively unless its class has its own.
pub fn time_of(vm: &Vm, lp: &Value) -> PyResult<Value> {
    let class = vm.type_of(lp);
    if let Some(Value::Builtin(b)) = class.lookup(&vm.intern("time")) {
        if crate::builtins::is_native(&b, loop_time) && b.bound.is_none() {
            return Ok(Value::float(monotonic()));
        }
    }
    vm.call_method(lp, "time", &[])
}

/// `loop.create_future()`: a Future of this loop.
pub fn create_future(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([lp], []) = crate::sig!("EventLoop.create_future", "$self, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    let f = vm.instance_with(&st.future_class, Payload::None);
    future::init_fields(&f, lp.clone());
    Ok(Value::Instance(f))
}

/// `loop.call_later(delay, callback, *args, context=None)`:
/// `call_at(self.time() + delay, ...)`.
pub fn call_later(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // The context is passed on to call_at as given.
    let ([lp, delay, callback], [], rest) =
        crate::sig!("call_later", "$self, delay, callback, /, *args, **kwargs").bind_rest(vm, a, kw)?;
    if delay.is_none() {
        return Err(vm.type_error("delay must not be None"));
    }
    let now = time_of(vm, lp)?;
    let when = vm.binary_op(BinOp::Arith(ArithOp::Add), now, delay.clone())?;
    let mut all = Vec::with_capacity(a.len());
    all.push(lp.clone());
    all.push(when);
    all.push(callback.clone());
    all.extend(rest.iter().cloned());
    let st = state(vm)?;
    if super::is_native_at(vm, lp, &st.names.call_at, super::timer::call_at) {
        return super::timer::call_at(vm, &all, kw);
    }
    let m = vm.get_attr_at(lp, &st.names.call_at)?;
    vm.call(&m, &all[1..], kw)
}
