//! `_asyncio.Task`: a future that runs a coroutine, one step per loop
//! callback, with CPython 3.11's behaviour and messages.
//!
//! A step sends None into the coroutine, or throws the exception it was
//! woken with, by calling the generator's resume directly. What the
//! coroutine yields decides when the next step runs: a future it awaits
//! gets the task's wakeup as a done callback; a bare `yield` (`sleep(0)`)
//! schedules the next step at once; anything else is an error thrown into
//! the coroutine at the next step.

use super::future::{self, phase, Phase, CANCELS_SHIFT, FUTURE_SLOTS, MUST_CANCEL, SLOT_CANCEL_MESSAGE, SLOT_LOOP};
use super::handle::{self, Callback};
use super::{receiver, set_slot, slot, state, State};
use crate::compile::ir::CodeKind;
use crate::eval::generator::{GenStep, Resume};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub const SLOT_CORO: usize = FUTURE_SLOTS;
/// The name, or the number of a default name not formatted yet.
pub const SLOT_NAME: usize = FUTURE_SLOTS + 1;
pub const SLOT_CONTEXT: usize = FUTURE_SLOTS + 2;
pub const SLOT_FUT_WAITER: usize = FUTURE_SLOTS + 3;
pub const TASK_SLOTS: usize = FUTURE_SLOTS + 4;

const TASK_NAMES: [&str; 4] = ["_coro", "_name", "_context", "_fut_waiter"];

pub fn make_class(vm: &Vm, future_class: &Rc<Class>) -> Rc<Class> {
    let mut names: Vec<&str> = future::SLOT_NAMES.to_vec();
    names.extend(TASK_NAMES);
    let visible = ["_coro", "_fut_waiter"];
    let c = super::slotted_class(vm, "Task", future_class, &names, &visible);
    // As in CPython, the context is not an attribute.
    c.has_dict.set(false);
    super::native_property(vm, &c, "Task", "_must_cancel", get_must_cancel, None);
    crate::builtins::methods(
        vm,
        &c,
        "Task",
        &[
            ("__init__", task_init),
            ("__repr__", task_repr),
            ("get_coro", get_coro),
            ("get_name", get_name),
            ("set_name", set_name),
            ("get_stack", get_stack),
            ("print_stack", print_stack),
            ("cancel", cancel),
            ("cancelling", cancelling),
            ("uncancel", uncancel),
            ("set_result", set_result),
            ("set_exception", set_exception),
        ],
    );
    c
}

fn this<'a>(vm: &Vm, a: &'a [Value], method: &str) -> PyResult<(Rc<State>, &'a Rc<Instance>)> {
    let st = state(vm)?;
    let t = receiver(vm, a, &st.task_class, TASK_SLOTS, method)?;
    Ok((st, t))
}

/// Whether `v` is a coroutine for asyncio: a coroutine object, or what
/// `asyncio.coroutines.iscoroutine` accepts.
fn is_coroutine(vm: &Vm, v: &Value) -> PyResult<bool> {
    if let Value::Generator(g) = v {
        if g.kind == CodeKind::Coroutine {
            return Ok(true);
        }
    }
    let m = vm.import_module("asyncio.coroutines")?;
    let f = vm.get_attr(&m, &vm.intern("iscoroutine"))?;
    let r = vm.call(&f, &[v.clone()], &[])?;
    vm.truthy(&r)
}

fn task_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, coro], [lp, name, context]) =
        crate::sig!("Task", "$self, coro, *, loop=None, name=None, context=None").bind(vm, a, kw)?;
    let (st, t) = this(vm, a, "__init__")?;
    let coro = coro.clone();
    let lp = future::loop_arg(vm, lp.cloned())?;
    future::init_fields(t, lp.clone());
    if !is_coroutine(vm, &coro)? {
        let r = vm.repr(&coro)?;
        return Err(vm.type_error(format!("a coroutine was expected, got {}", r.as_str())));
    }
    let context = match context {
        Some(c) if !c.is_none() => c.clone(),
        _ => super::context::snapshot(vm, &st)?,
    };
    let name = match name {
        Some(n @ Value::Str(_)) => n.clone(),
        Some(n) if !n.is_none() => Value::Str(vm.str(n)?),
        _ => {
            let n = st.task_counter.get() + 1;
            st.task_counter.set(n);
            Value::Int(n)
        }
    };
    set_slot(t, SLOT_CORO, coro);
    set_slot(t, SLOT_NAME, name);
    set_slot(t, SLOT_CONTEXT, context.clone());
    set_slot(t, SLOT_FUT_WAITER, Value::None);
    handle::call_soon_task(vm, &st, &lp, Callback::TaskStep(t.clone()), None, context)?;
    st.register(me);
    Ok(Value::None)
}

/// A native method of the task bound to it (the step and the wakeup).
fn bound(t: &Rc<Instance>, name: &'static str, func: NativeFn) -> Value {
    let b = Builtin { name, func, kind: BuiltinKind::Method, bound: Some(Value::Instance(t.clone())), owner: "Task", owner_class: None };
    Value::Builtin(Rc::new(b))
}

fn task_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "Task.__repr__", "$self, /").bind(vm, a, kw)?;
    this(vm, a, "__repr__")?;
    future::python_repr(vm, "asyncio.tasks", "_task_repr", me)
}

fn get_coro(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Task.get_coro", "$self, /").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "get_coro")?;
    Ok(slot(t, SLOT_CORO))
}

/// The task's name; a default name is formatted on first use.
fn get_name(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Task.get_name", "$self, /").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "get_name")?;
    let name = slot(t, SLOT_NAME);
    match name {
        Value::Int(n) => {
            let s = Value::string(format!("Task-{n}"));
            set_slot(t, SLOT_NAME, s.clone());
            Ok(s)
        }
        other => Ok(other),
    }
}

fn set_name(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, value], []) = crate::sig!("Task.set_name", "$self, value, /").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "set_name")?;
    let name = match value {
        n @ Value::Str(_) => n.clone(),
        other => Value::Str(vm.str(other)?),
    };
    set_slot(t, SLOT_NAME, name);
    Ok(Value::None)
}

/// `get_stack(*, limit=None)`: tulip keeps no frame chain, so the stack is
/// the coroutine's own frame while it is suspended.
fn get_stack(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [limit]) = crate::sig!("Task.get_stack", "$self, /, *, limit=None").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "get_stack")?;
    let limit = limit.cloned().unwrap_or(Value::None);
    let frame = vm.get_attr_opt(&slot(t, SLOT_CORO), &vm.intern("cr_frame"))?.unwrap_or(Value::None);
    if frame.is_none() || matches!(limit, Value::Int(0)) {
        return Ok(Value::list(Vec::new()));
    }
    Ok(Value::list(vec![frame]))
}

/// `print_stack(*, limit=None, file=None)`, written in Python
/// (`asyncio.tasks._print_stack`).
fn print_stack(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [_, _]) = crate::sig!("Task.print_stack", "$self, /, *, limit=None, file=None").bind(vm, a, kw)?;
    this(vm, a, "print_stack")?;
    let m = vm.import_module("asyncio.tasks")?;
    let f = vm.get_attr(&m, &vm.intern("_print_stack"))?;
    vm.call(&f, std::slice::from_ref(me), kw)
}

fn cancel(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [msg]) = crate::sig!("Task.cancel", "$self, /, msg=None").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "cancel")?;
    let msg = msg.cloned().unwrap_or(Value::None);
    future::mark_retrieved(t);
    if phase(t) != Phase::Pending {
        return Ok(Value::bool(false));
    }
    set_num_cancels(t, num_cancels(t) + 1);
    // Cancelling the awaited future wakes the task with CancelledError; if
    // it cannot be cancelled, the next step throws one.
    let waiter = slot(t, SLOT_FUT_WAITER);
    if !waiter.is_none() && cancel_waiter(vm, &waiter, msg.clone())? {
        return Ok(Value::bool(true));
    }
    set_must_cancel(t, true);
    set_slot(t, SLOT_CANCEL_MESSAGE, msg);
    Ok(Value::bool(true))
}

/// `waiter.cancel(msg=msg)`, through Python dispatch (subclasses and tasks
/// cancel their own way).
fn cancel_waiter(vm: &Vm, waiter: &Value, msg: Value) -> PyResult<bool> {
    if let Some(cancelled) = super::alarm::cancel_sleep(vm, waiter, msg.clone()) {
        return cancelled;
    }
    let m = vm.get_attr(waiter, &vm.intern("cancel"))?;
    let r = vm.call(&m, &[], &[(vm.intern("msg"), msg)])?;
    vm.truthy(&r)
}

fn cancelling(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Task.cancelling", "$self, /").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "cancelling")?;
    Ok(Value::Int(num_cancels(t)))
}

fn uncancel(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Task.uncancel", "$self, /").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "uncancel")?;
    let n = (num_cancels(t) - 1).max(0);
    set_num_cancels(t, n);
    Ok(Value::Int(n))
}

fn set_result(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Task.set_result", "$self, result, /").bind(vm, a, kw)?;
    this(vm, a, "set_result")?;
    Err(vm.runtime_error("Task does not support set_result operation"))
}

fn set_exception(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Task.set_exception", "$self, exception, /").bind(vm, a, kw)?;
    this(vm, a, "set_exception")?;
    Err(vm.runtime_error("Task does not support set_exception operation"))
}

/// `_must_cancel`: cancel() came while the task could not pass it on; its
/// next step throws CancelledError in.
fn must_cancel(t: &Instance) -> bool {
    future::has_flag(t, MUST_CANCEL)
}

fn set_must_cancel(t: &Instance, on: bool) {
    future::set_flag(t, MUST_CANCEL, on);
}

/// How many cancel() requests are pending (`cancelling()`).
fn num_cancels(t: &Instance) -> i64 {
    future::flags(t) >> CANCELS_SHIFT
}

fn set_num_cancels(t: &Instance, n: i64) {
    let low = future::flags(t) & ((1 << CANCELS_SHIFT) - 1);
    future::set_flags(t, low | (n << CANCELS_SHIFT));
}

/// `task._must_cancel`, read-only as in CPython.
fn get_must_cancel(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Task._must_cancel", "$self, /").bind(vm, a, kw)?;
    let (_, t) = this(vm, a, "_must_cancel")?;
    Ok(Value::bool(must_cancel(t)))
}

// ----- running -----

/// The step scheduled on the loop: `task_step(exc=None)`.
fn task_step(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [exc]) = crate::sig!("Task.task_step", "$self, exc=None, /").bind(vm, a, kw)?;
    let (st, t) = this(vm, a, "task_step")?;
    step_now(vm, &st, t, exc)?;
    Ok(Value::None)
}

/// `task.task_step(exc)`, with `exc` if given.
pub fn step_now(vm: &Vm, st: &State, t: &Rc<Instance>, exc: Option<&Value>) -> PyResult<()> {
    let exc = match exc {
        Some(Value::Instance(e)) if e.exc().is_some() => Some(PyErr(e.clone())),
        _ => None,
    };
    step(vm, st, t, exc)
}

/// The done callback of the awaited future: the next step, with the
/// future's exception if it has one.
fn task_wakeup(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, fut], []) = crate::sig!("Task.task_wakeup", "$self, future, /").bind(vm, a, kw)?;
    let (st, t) = this(vm, a, "task_wakeup")?;
    wake_now(vm, &st, t, fut)?;
    Ok(Value::None)
}

/// `task.task_wakeup(fut)`.
pub fn wake_now(vm: &Vm, st: &State, t: &Rc<Instance>, fut: &Value) -> PyResult<()> {
    let outcome = match fut {
        Value::Instance(f) if is_native(st, f) => future::result_of(vm, st, f),
        other => match super::alarm::sleep_outcome(vm, other) {
            Some(outcome) => outcome,
            None => vm.call_method(other, "result", &[]),
        },
    };
    step(vm, st, t, outcome.err())
}

/// `task.task_step`, bound.
pub fn step_method(t: &Rc<Instance>) -> Value {
    bound(t, "task_step", task_step)
}

/// `task.task_wakeup`, bound.
pub fn wakeup_method(t: &Rc<Instance>) -> Value {
    bound(t, "task_wakeup", task_wakeup)
}

/// The `(fn, context)` of the done callback that wakes `t`.
pub fn wakeup_entry(vm: &Vm, st: &State, t: &Rc<Instance>) -> PyResult<(Value, Value)> {
    Ok((wakeup_method(t), context_value(vm, st, t)?))
}

/// The context the task's steps run in, as the task keeps it: a Context,
/// or a snapshot of variables (src/aio/context.rs). Callbacks scheduled
/// with it run in the task's context.
pub fn context_of(t: &Instance) -> Value {
    slot(t, SLOT_CONTEXT)
}

/// The task's context as a Context object, made from the snapshot if the
/// task keeps one (for Python code, and callbacks that are not the task's
/// own steps).
pub fn context_value(vm: &Vm, st: &State, t: &Instance) -> PyResult<Value> {
    let ctx = slot(t, SLOT_CONTEXT);
    if !super::context::is_snapshot(&ctx) {
        return Ok(ctx);
    }
    let ctx = super::context::materialize(vm, st, ctx)?;
    set_slot(t, SLOT_CONTEXT, ctx.clone());
    Ok(ctx)
}

/// Replaces the task's context (the snapshot a step leaves).
pub fn set_context(t: &Instance, ctx: Value) {
    set_slot(t, SLOT_CONTEXT, ctx);
}

/// Whether `ctx` is the context of task `t`.
pub fn runs_in(t: &Instance, ctx: &Value) -> bool {
    super::with_slot(t, SLOT_CONTEXT, |c| c.is(ctx))
}

/// Whether `func` is the wakeup of task `t`.
pub fn is_wakeup_of(func: &Value, t: &Rc<Instance>) -> bool {
    matches!(func, Value::Builtin(b) if crate::builtins::is_native(b, task_wakeup)
        && matches!(&b.bound, Some(Value::Instance(i)) if Rc::ptr_eq(i, t)))
}

/// Whether `f` is exactly a native future or task (no Python subclass
/// that might override what the fast paths skip).
fn is_native(st: &State, f: &Instance) -> bool {
    let c = f.class.borrow();
    (Rc::ptr_eq(&c, &st.future_class) || Rc::ptr_eq(&c, &st.task_class)) && f.slots.borrow().len() >= FUTURE_SLOTS
}

fn step(vm: &Vm, st: &State, t: &Rc<Instance>, mut exc: Option<PyErr>) -> PyResult<()> {
    let me = Value::Instance(t.clone());
    if phase(t) != Phase::Pending {
        let shown = match &exc {
            Some(e) => vm.repr(&Value::Instance(e.0.clone()))?,
            None => vm.repr(&Value::None)?,
        };
        let r = vm.repr(&me)?;
        return Err(st.invalid_state_error(vm, format!("_step(): already done: {}, {}", r.as_str(), shown.as_str())));
    }
    if must_cancel(t) {
        let cancelled = st.cancelled_error(vm)?;
        if !exc.as_ref().is_some_and(|e| e.0.class().is_subclass(&cancelled)) {
            exc = Some(future::make_cancelled_error(vm, st, t)?);
        }
        set_must_cancel(t, false);
    }
    set_slot(t, SLOT_FUT_WAITER, Value::None);
    let lp = slot(t, SLOT_LOOP);
    st.enter(vm, &lp, &me)?;
    let r = advance(vm, st, t, &me, exc);
    let left = st.leave(vm, &lp, &me);
    if phase(t) != Phase::Pending {
        st.unregister(&me);
    }
    r.and(left)
}

/// Sends into (or throws into) the coroutine and deals with the outcome.
fn advance(vm: &Vm, st: &State, t: &Rc<Instance>, me: &Value, exc: Option<PyErr>) -> PyResult<()> {
    let coro = slot(t, SLOT_CORO);
    let outcome = match exc {
        None => vm.send_to(&coro, Value::None),
        Some(e) => throw(vm, &coro, e),
    };
    match outcome {
        Ok(GenStep::Returned(v)) => {
            if must_cancel(t) {
                // cancel() came during the step in which the coroutine returned.
                set_must_cancel(t, false);
                future::cancel_future(vm, st, t, slot(t, SLOT_CANCEL_MESSAGE))?;
            } else {
                future::set_result_of(vm, st, t, v)?;
            }
            Ok(())
        }
        Ok(GenStep::Yielded(y)) | Ok(GenStep::Produced(y)) => block_on(vm, st, t, me, y),
        Err(e) => {
            if e.0.class().is_subclass(&*st.cancelled_error(vm)?) {
                future::keep_cancelled_error(t, e);
                future::cancel_future(vm, st, t, Value::None)?;
                return Ok(());
            }
            let fatal = vm.err_is(&e, "KeyboardInterrupt") || vm.err_is(&e, "SystemExit");
            future::set_exception_of(vm, st, t, Value::Instance(e.0.clone()))?;
            if fatal {
                return Err(e);
            }
            Ok(())
        }
    }
}

/// `coro.throw(exc)`: straight into a coroutine object, else through its
/// `throw` method.
fn throw(vm: &Vm, coro: &Value, e: PyErr) -> PyResult<GenStep> {
    match coro {
        Value::Generator(g) => g.resume(vm, Resume::Throw(e)),
        _ => match vm.call_method(coro, "throw", &[Value::Instance(e.0)]) {
            Ok(v) => Ok(GenStep::Yielded(v)),
            Err(x) if vm.err_is(&x, "StopIteration") => Ok(GenStep::Returned(vm.stop_value(&x))),
            Err(x) => Err(x),
        },
    }
}

/// Arranges the next step after the coroutine yielded `y`.
fn block_on(vm: &Vm, st: &State, t: &Rc<Instance>, me: &Value, y: Value) -> PyResult<()> {
    let ctx = slot(t, SLOT_CONTEXT);
    let lp = slot(t, SLOT_LOOP);
    if y.is_none() {
        return handle::call_soon_task(vm, st, &lp, Callback::TaskStep(t.clone()), None, ctx);
    }
    let problem = match &y {
        Value::Instance(f) if is_native(st, f) => {
            if !slot(f, SLOT_LOOP).is(&lp) {
                different_loop(vm, me, &y)?
            } else if !future::blocking(f) {
                yield_instead(vm, me, &y)?
            } else if y.is(me) {
                await_itself(vm, me)?
            } else {
                future::set_blocking(f, false);
                future::add_wakeup(vm, st, f, t)?;
                return waiting_on(vm, t, y);
            }
        }
        Value::Native(n) if super::alarm::is_sleep(n) => {
            if super::alarm::wait_on(vm, &y, t, &lp)? {
                return waiting_on(vm, t, y);
            }
            different_loop(vm, me, &y)?
        }
        _ => match vm.get_attr_opt(&y, &vm.intern("_asyncio_future_blocking"))? {
            Some(blocking) if !blocking.is_none() => {
                if !future_loop(vm, &y)?.is(&lp) {
                    different_loop(vm, me, &y)?
                } else if !vm.truthy(&blocking)? {
                    yield_instead(vm, me, &y)?
                } else if y.is(me) {
                    await_itself(vm, me)?
                } else {
                    vm.set_attr(&y, &vm.intern("_asyncio_future_blocking"), Value::bool(false))?;
                    let add = vm.get_attr(&y, &vm.intern("add_done_callback"))?;
                    let ctx = context_value(vm, st, t)?;
                    vm.call(&add, &[bound(t, "task_wakeup", task_wakeup)], &[(st.context_kw.clone(), ctx)])?;
                    return waiting_on(vm, t, y);
                }
            }
            _ => match &y {
                Value::Generator(g) if g.kind == CodeKind::Generator => {
                    let (r, g) = (vm.repr(me)?, vm.repr(&y)?);
                    vm.runtime_error(format!(
                        "yield was used instead of yield from for generator in task {} with {}",
                        r.as_str(),
                        g.as_str()
                    ))
                }
                _ => vm.runtime_error(format!("Task got bad yield: {}", vm.repr(&y)?.as_str())),
            },
        },
    };
    handle::call_soon_task(vm, st, &lp, Callback::TaskStep(t.clone()), Some(Value::Instance(problem.0)), ctx)
}

/// Records the awaited future; a cancel() that came during the step
/// goes on to it.
fn waiting_on(vm: &Vm, t: &Rc<Instance>, y: Value) -> PyResult<()> {
    set_slot(t, SLOT_FUT_WAITER, y.clone());
    if must_cancel(t) && cancel_waiter(vm, &y, slot(t, SLOT_CANCEL_MESSAGE))? {
        set_must_cancel(t, false);
    }
    Ok(())
}

/// `futures._get_loop(fut)`: `fut.get_loop()`, else `fut._loop`.
fn future_loop(vm: &Vm, fut: &Value) -> PyResult<Value> {
    match vm.get_attr_opt(fut, &vm.intern("get_loop"))? {
        Some(get_loop) => vm.call(&get_loop, &[], &[]),
        None => vm.get_attr(fut, &vm.intern("_loop")),
    }
}

#[cold]
fn different_loop(vm: &Vm, me: &Value, y: &Value) -> PyResult<PyErr> {
    let (r, f) = (vm.repr(me)?, vm.repr(y)?);
    Ok(vm.runtime_error(format!("Task {} got Future {} attached to a different loop", r.as_str(), f.as_str())))
}

#[cold]
fn yield_instead(vm: &Vm, me: &Value, y: &Value) -> PyResult<PyErr> {
    let (r, f) = (vm.repr(me)?, vm.repr(y)?);
    Ok(vm.runtime_error(format!("yield was used instead of yield from in task {} with {}", r.as_str(), f.as_str())))
}

#[cold]
fn await_itself(vm: &Vm, me: &Value) -> PyResult<PyErr> {
    let r = vm.repr(me)?;
    Ok(vm.runtime_error(format!("Task cannot await on itself: {}", r.as_str())))
}
