//! What `asyncio.sleep(delay)` awaits for a positive delay, natively:
//! a future of the running loop, a timer that gives it `result` at the
//! deadline, and the future's iterator, which cancels the timer when the
//! wait ends (as `sleep()`'s `finally` does). In Python this was a frame
//! with a try/finally, a tuple of callback arguments and a copy of the
//! context per sleep; 100,000 sleeping tasks paid for each.
//!
//! With the loop's own `call_at`, the iterator is the timer itself: it
//! carries an `Alarm` and sits in the loop's timer heap beside the
//! TimerHandles of `call_at`, so a sleep costs a future and its iterator,
//! not also a TimerHandle and a tuple of its arguments.

use super::{future, running, state, State};
use crate::compile::ir::BinOp;
use crate::eval::Vm;
use crate::runtime::int::ArithOp;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::Cell;
use std::rc::Rc;

/// `_asyncio._alarm(delay, result)`.
pub fn alarm(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([delay, result], []) = crate::sig!("_alarm", "delay, result, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    let lp = running::running_loop(vm, &st)?;
    let fut = if super::is_native_at(vm, &lp, &st.names.create_future, running::create_future) {
        let f = vm.instance_with(&st.future_class, Payload::None);
        future::init_fields(&st, &f, lp.clone());
        Value::Instance(f)
    } else {
        vm.call_method(&lp, "create_future", &[])?
    };
    let Value::Instance(f) = &fut else { return Err(vm.type_error("create_future() did not return a Future")) };
    if !f.class.borrow().is_subclass(&st.future_class) {
        return Err(vm.type_error("create_future() did not return a Future"));
    }
    if super::is_native_at(vm, &lp, &st.names.call_later, running::call_later) && super::is_native_at(vm, &lp, &st.names.call_at, super::timer::call_at) {
        super::handle::check_loop(vm, &st, &lp, &st.ring, "call_at")?;
        let now = running::time_of(vm, &lp)?;
        let when = vm.binary_op(BinOp::Arith(ArithOp::Add), now, delay.clone())?;
        let timers = super::timer_heap::loop_timers(vm, &lp)?;
        let alarm = Alarm { when, result: result.clone(), lp: lp.clone(), scheduled: Cell::new(true), cancelled: Cell::new(false) };
        let it = future::alarm_timer(vm, f.clone(), alarm);
        super::timer_heap::push(vm, &timers, it.clone())?;
        return Ok(it);
    }
    let timer = vm.call_method(&lp, "call_later", &[delay.clone(), st.ring.clone(), fut.clone(), result.clone()])?;
    Ok(future::alarm_iter(vm, f.clone(), timer))
}

/// The timer of a sleep: due at `when`, it gives the future `result`
/// unless the wait was cancelled first.
pub struct Alarm {
    pub when: Value,
    result: Value,
    lp: Value,
    /// In the loop's timer heap.
    pub scheduled: Cell<bool>,
    pub cancelled: Cell<bool>,
}

impl Alarm {
    /// `TimerHandle.cancel()`: a timer still in the heap tells the loop,
    /// which counts them to compact the heap.
    pub fn cancel(&self, vm: &Vm) -> PyResult<()> {
        if !self.cancelled.replace(true) && self.scheduled.get() {
            vm.call_method(&self.lp, "_timer_handle_cancelled", &[Value::None])?;
        }
        Ok(())
    }
}

/// Runs the alarm `timer` taken off the ready queue, as a TimerHandle of
/// `_set_result_unless_cancelled(fut, result)` runs.
pub fn ring_alarm(vm: &Vm, st: &State, timer: &Value) -> PyResult<()> {
    let Some(Some((fut, result))) = future::with_alarm(timer, |a, fut| {
        let fut = fut.filter(|_| !a.cancelled.get())?;
        Some((Value::Instance(fut.clone()), a.result.clone()))
    }) else {
        return Ok(());
    };
    let Err(e) = ring_future(vm, st, &fut, &result) else { return Ok(()) };
    if vm.err_is(&e, "SystemExit") || vm.err_is(&e, "KeyboardInterrupt") {
        return Err(e);
    }
    let h = alarm_call(st, timer).to_handle(st);
    crate::runtime::gc::track(&h);
    super::handle::report(vm, &h, &st.ring, &Value::tuple(vec![fut, result]), e)
}

/// The callback record of the alarm `timer`, for Python code that takes
/// it off the ready queue as a Handle.
pub fn alarm_call(st: &State, timer: &Value) -> super::handle::Call {
    let (args, lp) = future::with_alarm(timer, |a, fut| {
        let fut = fut.map_or(Value::None, |f| Value::Instance(f.clone()));
        (smallvec::smallvec![fut, a.result.clone()], a.lp.clone())
    })
    .unwrap_or_else(|| (smallvec::SmallVec::new(), Value::None));
    super::handle::Call { callback: super::handle::Callback::Value(st.ring.clone()), args, ctx: Value::None, lp }
}

/// The timer's callback, `futures._set_result_unless_cancelled(fut, result)`.
fn ring(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fut, result], []) = crate::sig!("_ring", "fut, result, /").bind(vm, a, kw)?;
    ring_future(vm, &*state(vm)?, fut, result)?;
    Ok(Value::None)
}

fn ring_future(vm: &Vm, st: &State, fut: &Value, result: &Value) -> PyResult<()> {
    match fut {
        Value::Instance(f) if Rc::ptr_eq(&f.class(), &st.future_class) => {
            if future::phase(st, f) != future::Phase::Cancelled {
                future::set_result_of(vm, st, f, result.clone())?;
            }
        }
        other => {
            if !vm.truthy(&vm.call_method(other, "cancelled", &[])?)? {
                vm.call_method(other, "set_result", &[result.clone()])?;
            }
        }
    }
    Ok(())
}

/// The timers' callback as a value, made once per interpreter.
pub fn ring_callback() -> Value {
    let b = Builtin { name: "_set_result_unless_cancelled", func: ring, kind: BuiltinKind::Function, bound: None, owner: "", owner_class: None };
    Value::Builtin(Rc::new(b))
}
