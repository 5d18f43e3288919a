//! What `asyncio.sleep(delay)` awaits for a positive delay, natively:
//! a future of the running loop, a timer that gives it `result` at the
//! deadline, and the future's iterator, which cancels the timer when the
//! wait ends (as `sleep()`'s `finally` does). In Python this was a frame
//! with a try/finally, a tuple of callback arguments and a copy of the
//! context per sleep; 100,000 sleeping tasks paid for each.

use super::{future, running, state};
use crate::compile::ir::BinOp;
use crate::eval::Vm;
use crate::runtime::int::ArithOp;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// `_asyncio._alarm(delay, result)`.
pub fn alarm(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([delay, result], []) = crate::sig!("_alarm", "delay, result, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    let lp = running::running_loop(vm, &st)?;
    let fut = if native_method(vm, &lp, "create_future", running::create_future) {
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
    let timer = if native_method(vm, &lp, "call_later", running::call_later) && native_method(vm, &lp, "call_at", super::timer::call_at) {
        super::handle::check_loop(vm, &st, &lp, &st.ring, "call_at")?;
        let now = running::time_of(vm, &lp)?;
        let when = vm.binary_op(BinOp::Arith(ArithOp::Add), now, delay.clone())?;
        let args = Value::tuple(vec![fut.clone(), result.clone()]);
        // The callback reads no context variables: no copy of the context.
        Value::Instance(super::timer::file_timer(vm, &st, &lp, when, st.ring.clone(), args, Value::None)?)
    } else {
        vm.call_method(&lp, "call_later", &[delay.clone(), st.ring.clone(), fut.clone(), result.clone()])?
    };
    Ok(future::alarm_iter(vm, f.clone(), timer))
}

/// Whether the loop's class has the native `name` (not one of its own).
fn native_method(vm: &Vm, lp: &Value, name: &str, f: NativeFn) -> bool {
    matches!(vm.type_of(lp).lookup(&vm.intern(name)), Some(Value::Builtin(b)) if crate::builtins::is_native(&b, f) && b.bound.is_none())
}

/// The timer's callback, `futures._set_result_unless_cancelled(fut, result)`.
fn ring(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fut, result], []) = crate::sig!("_ring", "fut, result, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    match fut {
        Value::Instance(f) if Rc::ptr_eq(&f.class(), &st.future_class) => {
            if future::phase(&st, f) != future::Phase::Cancelled {
                future::set_result_of(vm, &st, f, result.clone())?;
            }
        }
        other => {
            if !vm.truthy(&vm.call_method(other, "cancelled", &[])?)? {
                vm.call_method(other, "set_result", &[result.clone()])?;
            }
        }
    }
    Ok(Value::None)
}

/// The timers' callback as a value, made once per interpreter.
pub fn ring_callback() -> Value {
    let b = Builtin { name: "_set_result_unless_cancelled", func: ring, kind: BuiltinKind::Function, bound: None, owner: "", owner_class: None };
    Value::Builtin(Rc::new(b))
}
