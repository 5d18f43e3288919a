//! `_asyncio.Handle` (a callback scheduled on the loop) and `call_soon`:
//! the path every task step and done callback takes, so none of it runs
//! Python frames (and a task's steps need no Handle at all: `Call`).
//!
//! `EventLoop` (stdlib/asyncio/loop.py) keeps its handles in a
//! `ReadyQueue` (src/aio/ready.rs) and takes `call_soon` from here.
//! `TimerHandle` (src/aio/timer.rs) is a subclass of `Handle`.

use super::{context, ready, receiver, set_slot, slot, state, State};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::RefCell;
use smallvec::SmallVec;
use std::rc::Rc;

pub const SLOT_CALLBACK: usize = 0;
pub const SLOT_ARGS: usize = 1;
pub const SLOT_CANCELLED: usize = 2;
pub const SLOT_LOOP: usize = 3;
pub const SLOT_CONTEXT: usize = 4;
pub const HANDLE_SLOTS: usize = 5;

pub const NAMES: [&str; HANDLE_SLOTS] = ["_callback", "_args", "_cancelled", "_loop", "_context"];

pub fn make_class(vm: &Vm) -> Rc<Class> {
    let c = super::slotted_class(vm, "Handle", &vm.types.object, &NAMES, &NAMES);
    // Handles are many and short-lived: no `__dict__`, as in CPython.
    c.has_dict.set(false);
    crate::builtins::methods(
        vm,
        &c,
        "Handle",
        &[("__init__", handle_init), ("__repr__", handle_repr), ("cancel", cancel), ("cancelled", cancelled), ("_run", run_method)],
    );
    super::ready::make_class(vm);
    c
}

fn this<'a>(vm: &Vm, a: &'a [Value], method: &str) -> PyResult<(Rc<State>, &'a Rc<Instance>)> {
    let st = state(vm)?;
    let h = receiver(vm, a, &st.handle_class, HANDLE_SLOTS, method)?;
    Ok((st, h))
}

pub fn fill(h: &Instance, callback: Value, args: Value, lp: Value, ctx: Value) {
    let fields = [callback, args, Value::bool(false), lp, ctx];
    let old: Vec<Option<Value>> = h.slots.borrow_mut().iter_mut().zip(fields).map(|(s, v)| s.replace(v)).collect();
    drop(old);
}

/// `Handle(callback, args, loop, context=None)`.
fn handle_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, callback, cb_args, lp], [ctx]) =
        crate::sig!("Handle", "$self, callback, args, loop, context=None").bind(vm, a, kw)?;
    let (st, h) = this(vm, a, "__init__")?;
    let ctx = match ctx {
        Some(c) if !c.is_none() => c.clone(),
        _ => st.copy_context(vm)?,
    };
    fill(h, callback.clone(), cb_args.clone(), lp.clone(), ctx);
    Ok(Value::None)
}

fn handle_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "Handle.__repr__", "$self, /").bind(vm, a, kw)?;
    this(vm, a, "__repr__")?;
    super::future::python_repr(vm, "asyncio.handles", "_handle_repr", me)
}

fn cancel(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Handle.cancel", "$self, /").bind(vm, a, kw)?;
    let (_, h) = this(vm, a, "cancel")?;
    cancel_handle(h);
    Ok(Value::None)
}

pub fn cancel_handle(h: &Instance) {
    if !super::future::flag(h, SLOT_CANCELLED) {
        set_slot(h, SLOT_CANCELLED, Value::bool(true));
        // A cancelled handle may wait in the loop's queues for a while: it
        // must not keep the callback's objects alive.
        set_slot(h, SLOT_CALLBACK, Value::None);
        set_slot(h, SLOT_ARGS, Value::None);
    }
}

fn cancelled(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Handle.cancelled", "$self, /").bind(vm, a, kw)?;
    let (_, h) = this(vm, a, "cancelled")?;
    Ok(Value::bool(super::future::flag(h, SLOT_CANCELLED)))
}

pub fn run_method(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Handle._run", "$self, /").bind(vm, a, kw)?;
    let (st, h) = this(vm, a, "_run")?;
    run(vm, &st, h)?;
    Ok(Value::None)
}

/// `Handle._run()`: calls the callback in the handle's context. Its
/// exceptions go to the loop's exception handler, except SystemExit and
/// KeyboardInterrupt, which stop the loop.
pub fn run(vm: &Vm, st: &State, h: &Rc<Instance>) -> PyResult<()> {
    let callback = slot(h, SLOT_CALLBACK);
    let args = slot(h, SLOT_ARGS);
    let items: &[Value] = match &args {
        Value::Tuple(t) => &t.items,
        _ => &[],
    };
    let ctx = slot(h, SLOT_CONTEXT);
    let outcome = if ctx.is_none() { vm.call(&callback, items, &[]) } else { context::run(vm, st, &ctx, &callback, items) };
    let Err(e) = outcome else { return Ok(()) };
    if vm.err_is(&e, "SystemExit") || vm.err_is(&e, "KeyboardInterrupt") {
        return Err(e);
    }
    report(vm, h, &callback, &args, e)
}

#[cold]
pub fn report(vm: &Vm, h: &Rc<Instance>, callback: &Value, args: &Value, e: PyErr) -> PyResult<()> {
    let m = vm.import_module("asyncio.handles")?;
    let describe = vm.get_attr(&m, &vm.intern("_describe_callback"))?;
    let what = vm.call(&describe, &[callback.clone(), args.clone()], &[])?;
    let what = vm.str(&what)?;
    let context = Dict::new();
    context.set_str(vm.intern("message"), Value::string(format!("Exception in callback {}", what.as_str())));
    context.set_str(vm.intern("exception"), Value::Instance(e.0));
    // The handler sees the handle: it may keep it.
    crate::runtime::gc::track(h);
    context.set_str(vm.intern("handle"), Value::Instance(h.clone()));
    let lp = slot(h, SLOT_LOOP);
    let handler = vm.get_attr(&lp, &vm.intern("call_exception_handler"))?;
    vm.call(&handler, &[Value::Dict(crate::runtime::gc::new(context))], &[])?;
    Ok(())
}

// ----- call_soon -----

/// `EventLoop.call_soon(callback, *args, context=None)`: a native method
/// of the Python class.
pub fn call_soon(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([lp, callback], [ctx], rest) =
        crate::sig!("call_soon", "$self, callback, *args, context=None").bind_rest(vm, a, kw)?;
    let st = state(vm)?;
    let ctx = ctx.cloned().unwrap_or(Value::None);
    let h = schedule(vm, &st, lp, callback.clone(), Value::tuple(rest.to_vec()), ctx)?;
    Ok(Value::Instance(h))
}

/// What `loop.call_soon` does; a loop whose class overrides `call_soon`
/// is called through Python.
pub fn loop_call_soon(vm: &Vm, st: &State, lp: &Value, args: &[Value], ctx: Value) -> PyResult<()> {
    if is_native_call_soon(vm, st, lp) {
        let Some(callback) = args.first() else { return Ok(()) };
        check_loop(vm, st, lp, callback, "call_soon")?;
        let ctx = if ctx.is_none() { st.copy_context(vm)? } else { ctx };
        let call = Call { callback: Callback::Value(callback.clone()), args: args[1..].iter().cloned().collect(), ctx, lp: lp.clone() };
        return ready::push_call(vm, st, call);
    }
    let m = vm.get_attr_at(lp, &st.names.call_soon)?;
    vm.call(&m, args, &[(st.context_kw.clone(), ctx)])?;
    Ok(())
}

/// The loop must be open; in debug mode the callback is checked (by
/// loop.py's `_check_callback`).
pub fn check_loop(vm: &Vm, st: &State, lp: &Value, callback: &Value, method: &str) -> PyResult<()> {
    check_loop_with(vm, st, lp, || callback.clone(), method)
}

/// `check_loop`, with the callback made only in debug mode.
fn check_loop_with(vm: &Vm, st: &State, lp: &Value, callback: impl FnOnce() -> Value, method: &str) -> PyResult<()> {
    if vm.truthy(&vm.get_attr_at(lp, &st.names.closed)?)? {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    if vm.truthy(&vm.get_attr_at(lp, &st.names.debug)?)? {
        let m = vm.import_module("asyncio.loop")?;
        let check = vm.get_attr(&m, &vm.intern("_check_callback"))?;
        vm.call(&check, &[callback(), Value::str(method)], &[])?;
    }
    Ok(())
}

/// `loop.call_soon(task.task_step)` (with `exc` if given) or
/// `loop.call_soon(task.task_wakeup, fut)`, in `ctx`: without a bound
/// method or a Handle when the loop's `call_soon` is the native one.
pub fn call_soon_task(vm: &Vm, st: &State, lp: &Value, callback: Callback, arg: Option<Value>, ctx: Value) -> PyResult<()> {
    let task = match &callback {
        Callback::TaskStep(t) | Callback::TaskWakeup(t) if super::task::runs_in(t, &ctx) => Some(t.clone()),
        _ => None,
    };
    if is_native_call_soon(vm, st, lp) {
        check_loop_with(vm, st, lp, || callback.value(), "call_soon")?;
        // The commonest entry by far, kept small: the task has the context
        // and the loop.
        if let Some(task) = task {
            let wakeup = matches!(callback, Callback::TaskWakeup(_));
            return ready::push_task(vm, st, lp, TaskCall { task, wakeup, arg });
        }
        let call = Call { callback, args: arg.into_iter().collect(), ctx, lp: lp.clone() };
        return ready::push_call(vm, st, call);
    }
    // The task's own context may be a snapshot: Python code gets a Context.
    let ctx = match &task {
        Some(t) => super::task::context_value(vm, st, t)?,
        None => ctx,
    };
    let mut all = vec![callback.value()];
    all.extend(arg);
    st.call_soon(vm, lp, &all, ctx)
}

fn is_native_call_soon(vm: &Vm, st: &State, lp: &Value) -> bool {
    super::is_native_at(vm, lp, &st.names.call_soon, call_soon)
}

/// What a callback scheduled by native code calls.
pub enum Callback {
    Value(Value),
    /// `task.task_step(*args)` of a native task.
    TaskStep(Rc<Instance>),
    /// `task.task_wakeup(fut)` of a native task.
    TaskWakeup(Rc<Instance>),
}

impl Callback {
    /// The callback as Python code would see it.
    pub fn value(&self) -> Value {
        match self {
            Callback::Value(v) => v.clone(),
            Callback::TaskStep(t) => super::task::step_method(t),
            Callback::TaskWakeup(t) => super::task::wakeup_method(t),
        }
    }
}

/// A task's step (throwing `arg` in, if any) or, with `wakeup`, its
/// wakeup by the future `arg`, in the task's own context: what most ready
/// entries are, so it is a third of the size of a `Call`.
pub struct TaskCall {
    pub task: Rc<Instance>,
    pub wakeup: bool,
    pub arg: Option<Value>,
}

impl TaskCall {
    /// The entry as a callback record (for a Handle).
    pub fn call(&self, vm: &Vm, st: &State) -> PyResult<Call> {
        let t = &self.task;
        let lp = slot(t, super::future::SLOT_LOOP);
        let ctx = super::task::context_value(vm, st, t)?;
        Ok(Call { callback: self.callback(), args: self.arg.iter().cloned().collect(), ctx, lp })
    }

    fn callback(&self) -> Callback {
        let t = self.task.clone();
        if self.wakeup {
            Callback::TaskWakeup(t)
        } else {
            Callback::TaskStep(t)
        }
    }

    /// Runs the step or wakeup in the task's context.
    pub fn run(&self, vm: &Vm, st: &State) -> PyResult<()> {
        let t = &self.task;
        let vars = super::task::context_of(t);
        if !context::is_snapshot(&vars) {
            return self.call(vm, st)?.run(vm, st);
        }
        let outcome = context::run_in_snapshot(vm, st, vars, |c| super::task::set_context(t, c), || {
            let r = if self.wakeup {
                super::task::wake_now(vm, st, t, self.arg.as_ref().unwrap_or(&Value::None))
            } else {
                super::task::step_now(vm, st, t, self.arg.as_ref())
            };
            r.map(|_| Value::None)
        });
        let Err(e) = outcome else { return Ok(()) };
        if vm.err_is(&e, "SystemExit") || vm.err_is(&e, "KeyboardInterrupt") {
            return Err(e);
        }
        let h = self.call(vm, st)?.to_handle(st);
        crate::runtime::gc::track(&h);
        report(vm, &h, &self.callback().value(), &slot(&h, SLOT_ARGS), e)
    }
}

/// A callback that native code scheduled and nothing else holds: what a
/// Handle would hold, without the Handle, which is made only if Python
/// code takes the entry off the queue or the callback fails.
pub struct Call {
    pub callback: Callback,
    pub args: SmallVec<[Value; 1]>,
    pub ctx: Value,
    pub lp: Value,
}

impl Call {
    /// Calls the callback in its context.
    pub fn run(&self, vm: &Vm, st: &State) -> PyResult<()> {
        let outcome = context::run_with(
            vm,
            st,
            &self.ctx,
            || match &self.callback {
                Callback::Value(f) => vm.call(f, &self.args, &[]),
                Callback::TaskStep(t) => super::task::step_now(vm, st, t, self.args.first()).map(|_| Value::None),
                Callback::TaskWakeup(t) => {
                    let fut = self.args.first().cloned().unwrap_or(Value::None);
                    super::task::wake_now(vm, st, t, &fut).map(|_| Value::None)
                }
            },
            || (self.callback.value(), self.args.to_vec()),
        );
        let Err(e) = outcome else { return Ok(()) };
        if vm.err_is(&e, "SystemExit") || vm.err_is(&e, "KeyboardInterrupt") {
            return Err(e);
        }
        let h = self.to_handle(st);
        crate::runtime::gc::track(&h);
        report(vm, &h, &self.callback.value(), &slot(&h, SLOT_ARGS), e)
    }

    /// The Handle Python code sees for this entry (untracked).
    pub fn to_handle(&self, st: &State) -> Rc<Instance> {
        let h = Rc::new(Instance {
            class: RefCell::new(st.handle_class.clone()),
            dict: None,
            slots: RefCell::new(vec![None; HANDLE_SLOTS]),
            payload: Payload::None,
            gc: GcHeader::new(),
        });
        fill(&h, self.callback.value(), Value::Tuple(Rc::new(Tuple::new(self.args.iter().cloned().collect()))), self.lp.clone(), self.ctx.clone());
        h
    }
}

/// A Handle made by `loop.call_soon`, which returns it: the cycle
/// collector tracks it, as it may end up in a cycle.
fn schedule(vm: &Vm, st: &State, lp: &Value, callback: Value, args: Value, ctx: Value) -> PyResult<Rc<Instance>> {
    check_loop(vm, st, lp, &callback, "call_soon")?;
    let ctx = if ctx.is_none() { st.copy_context(vm)? } else { ctx };
    let h = vm.instance_with(&st.handle_class, Payload::None);
    fill(&h, callback, args, lp.clone(), ctx);
    let ready = vm.get_attr_at(lp, &st.names.ready)?;
    ready::enqueue(vm, &ready, Value::Instance(h.clone()))?;
    Ok(h)
}

