//! `_asyncio.TimerHandle` (a handle due at a deadline) and the loop's
//! `call_at`, which files it in the timer heap: every `sleep()` with a
//! delay and every timeout goes through them.

use super::handle::{fill, HANDLE_SLOTS, SLOT_CANCELLED, SLOT_LOOP};
use super::{future::flag, receiver, set_slot, slot, state, State};
use crate::compile::ir::CmpOp;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub const SLOT_WHEN: usize = HANDLE_SLOTS;
pub const SLOT_SCHEDULED: usize = HANDLE_SLOTS + 1;
pub const TIMER_SLOTS: usize = HANDLE_SLOTS + 2;

pub fn make_class(vm: &Vm, handle_class: &Rc<Class>) -> Rc<Class> {
    let mut names: Vec<&str> = super::handle::NAMES.to_vec();
    names.extend(["_when", "_scheduled"]);
    let c = super::slotted_class(vm, "TimerHandle", handle_class, &names, &names);
    c.has_dict.set(false);
    crate::builtins::methods(
        vm,
        &c,
        "TimerHandle",
        &[
            ("__init__", timer_init),
            ("when", when),
            ("cancel", cancel),
            ("__lt__", |vm, a, kw| by_deadline(vm, a, kw, CmpOp::Lt)),
            ("__le__", |vm, a, kw| by_deadline(vm, a, kw, CmpOp::Le)),
            ("__gt__", |vm, a, kw| by_deadline(vm, a, kw, CmpOp::Gt)),
            ("__ge__", |vm, a, kw| by_deadline(vm, a, kw, CmpOp::Ge)),
        ],
    );
    c
}

fn this<'a>(vm: &Vm, a: &'a [Value], method: &str) -> PyResult<(Rc<State>, &'a Rc<Instance>)> {
    let st = state(vm)?;
    let t = receiver(vm, a, &st.timer_class, TIMER_SLOTS, method)?;
    Ok((st, t))
}

/// `TimerHandle(when, callback, args, loop, context=None)`.
fn timer_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, when, callback, cb_args, lp], [ctx]) =
        crate::sig!("TimerHandle", "$self, when, callback, args, loop, context=None").bind(vm, a, kw)?;
    let (st, t) = this(vm, a, "__init__")?;
    let ctx = match ctx {
        Some(c) if !c.is_none() => c.clone(),
        _ => st.copy_context(vm)?,
    };
    fill(t, callback.clone(), cb_args.clone(), lp.clone(), ctx);
    set_slot(t, SLOT_WHEN, when.clone());
    set_slot(t, SLOT_SCHEDULED, Value::bool(false));
    Ok(Value::None)
}

/// Timer handles order by deadline alone (the heap relies on it for ties).
fn by_deadline(vm: &Vm, a: &[Value], kw: &KwArgs, op: CmpOp) -> PyResult<Value> {
    let ([_, other], []) = crate::sig!(slot "TimerHandle.__lt__", "$self, value, /").bind(vm, a, kw)?;
    let (st, t) = this(vm, a, "__lt__")?;
    match other {
        Value::Instance(other) if other.class.borrow().is_subclass(&st.timer_class) => {
            vm.rich_compare(&slot(t, SLOT_WHEN), &slot(other, SLOT_WHEN), op)
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn when(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("TimerHandle.when", "$self, /").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "when")?;
    Ok(slot(t, SLOT_WHEN))
}

/// Cancelling a timer still in the heap tells the loop, which counts them
/// to compact the heap.
fn cancel(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("TimerHandle.cancel", "$self, /").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "cancel")?;
    cancel_timer(vm, t)?;
    Ok(Value::None)
}

/// `TimerHandle.cancel()` on a timer known to be one.
pub fn cancel_timer(vm: &Vm, t: &Rc<Instance>) -> PyResult<()> {
    if !flag(t, SLOT_CANCELLED) && flag(t, SLOT_SCHEDULED) {
        vm.call_method(&slot(t, SLOT_LOOP), "_timer_handle_cancelled", &[Value::Instance(t.clone())])?;
    }
    super::handle::cancel_handle(t);
    Ok(())
}

/// `EventLoop.call_at(when, callback, *args, context=None)`: a native
/// method of the Python class.
pub fn call_at(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([lp, when, callback], [ctx], rest) =
        crate::sig!("call_at", "$self, when, callback, *args, context=None").bind_rest(vm, a, kw)?;
    if when.is_none() {
        return Err(vm.type_error("when cannot be None"));
    }
    let st = state(vm)?;
    super::handle::check_loop(vm, &st, lp, callback, "call_at")?;
    let ctx = match ctx {
        Some(c) if !c.is_none() => c.clone(),
        _ => st.copy_context(vm)?,
    };
    let t = file_timer(vm, &st, lp, when.clone(), callback.clone(), Value::tuple(rest.to_vec()), ctx)?;
    Ok(Value::Instance(t))
}

/// A new TimerHandle due at `when`, filed in the loop's timer heap. A
/// context of None runs the callback in whatever context is current (for
/// native callbacks that read no context variables).
pub fn file_timer(vm: &Vm, st: &State, lp: &Value, when: Value, callback: Value, args: Value, ctx: Value) -> PyResult<Rc<Instance>> {
    let t = vm.instance_with(&st.timer_class, Payload::None);
    fill(&t, callback, args, lp.clone(), ctx);
    set_slot(&t, SLOT_WHEN, when);
    set_slot(&t, SLOT_SCHEDULED, Value::bool(false));
    // Ordered by deadline alone, as CPython's heap of handles: timers due
    // at the same time come out in heap order, not creation order.
    let timers = super::timer_heap::loop_timers(vm, lp)?;
    super::timer_heap::push(vm, &timers, Value::Instance(t.clone()))?;
    set_slot(&t, SLOT_SCHEDULED, Value::bool(true));
    Ok(t)
}
