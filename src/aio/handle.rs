//! `_asyncio.Handle` (a callback scheduled on the loop), the loop's ready
//! queue, and `call_soon`: the path every task step and done callback
//! takes, so none of it runs Python frames.
//!
//! `EventLoop` (stdlib/asyncio/loop.py) keeps its handles in a
//! `ReadyQueue` and takes `call_soon` from here; `run(n)` runs the first
//! `n` handles as `_run_once` does. `TimerHandle` (src/aio/timer.rs) is a
//! subclass of `Handle`.

use super::{context, receiver, set_slot, slot, state, State};
use crate::builtins::args;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

pub const SLOT_CALLBACK: usize = 0;
pub const SLOT_ARGS: usize = 1;
pub const SLOT_CANCELLED: usize = 2;
pub const SLOT_LOOP: usize = 3;
pub const SLOT_CONTEXT: usize = 4;
pub const HANDLE_SLOTS: usize = 5;

pub const NAMES: [&str; HANDLE_SLOTS] = ["_callback", "_args", "_cancelled", "_loop", "_context"];
const QUEUE: &str = "ReadyQueue";

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
    let q = crate::runtime::types::new_class(&vm.interner, QUEUE, Some(&vm.types.object), Layout::Value, None);
    crate::builtins::methods(
        vm,
        &q,
        QUEUE,
        &[("append", queue_append), ("popleft", queue_popleft), ("clear", queue_clear), ("__len__", queue_len), ("run", queue_run)],
    );
    vm.types.iterators.borrow_mut().insert(QUEUE, q);
    c
}

/// A new empty ready queue (`_asyncio.ReadyQueue()`).
pub fn new_queue(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, QUEUE, kw)?;
    args::check(vm, QUEUE, a, 0, 0)?;
    let q = ReadyQueue { items: RefCell::new(VecDeque::new()) };
    Ok(Value::Native(Rc::new(NativeObj { class: vm.iterator_class(QUEUE), data: RefCell::new(Box::new(q)) })))
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
    let (st, h) = this(vm, a, "__init__")?;
    args::only_kw(vm, "Handle", kw, &["context"])?;
    args::check_method(vm, "Handle", a, 3, 4)?;
    let ctx = match args::arg(a, kw, 4, "context") {
        Some(c) if !c.is_none() => c,
        _ => st.copy_context(vm)?,
    };
    fill(h, a[1].clone(), a[2].clone(), a[3].clone(), ctx);
    Ok(Value::None)
}

fn handle_repr(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    this(vm, a, "__repr__")?;
    super::future::python_repr(vm, "asyncio.handles", "_handle_repr", &a[0])
}

fn cancel(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "cancel", a, 0, 0)?;
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

fn cancelled(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "cancelled", a, 0, 0)?;
    let (_, h) = this(vm, a, "cancelled")?;
    Ok(Value::bool(super::future::flag(h, SLOT_CANCELLED)))
}

fn run_method(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (st, h) = this(vm, a, "_run")?;
    run(vm, &st, h)?;
    Ok(Value::None)
}

/// `Handle._run()`: calls the callback in the handle's context. Its
/// exceptions go to the loop's exception handler, except SystemExit and
/// KeyboardInterrupt, which stop the loop.
fn run(vm: &Vm, st: &State, h: &Rc<Instance>) -> PyResult<()> {
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
fn report(vm: &Vm, h: &Rc<Instance>, callback: &Value, args: &Value, e: PyErr) -> PyResult<()> {
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
    args::only_kw(vm, "call_soon", kw, &["context"])?;
    let (Some(lp), Some(callback)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("call_soon() missing required argument 'callback' (pos 1)"));
    };
    let st = state(vm)?;
    let ctx = args::kwarg(kw, "context").unwrap_or(Value::None);
    let h = schedule(vm, &st, lp, callback.clone(), Value::tuple(a[2..].to_vec()), ctx, Visibility::Returned)?;
    Ok(Value::Instance(h))
}

/// What `loop.call_soon` does; a loop whose class overrides `call_soon`
/// is called through Python.
pub fn loop_call_soon(vm: &Vm, st: &State, lp: &Value, args: &[Value], ctx: Value) -> PyResult<()> {
    let class = vm.type_of(lp);
    if let Some(Value::Builtin(b)) = class.lookup(&st.call_soon) {
        if crate::builtins::is_native(&b, call_soon) && b.bound.is_none() {
            let Some(callback) = args.first() else { return Ok(()) };
            // Nothing but the ready queue ever holds this handle.
            let args = Value::Tuple(Rc::new(Tuple::new(args[1..].to_vec())));
            schedule(vm, st, lp, callback.clone(), args, ctx, Visibility::Internal)?;
            return Ok(());
        }
    }
    let m = vm.get_attr(lp, &st.call_soon)?;
    vm.call(&m, args, &[(st.context_kw.clone(), ctx)])?;
    Ok(())
}

/// The loop must be open; in debug mode the callback is checked (by
/// loop.py's `_check_callback`).
pub fn check_loop(vm: &Vm, st: &State, lp: &Value, callback: &Value, method: &str) -> PyResult<()> {
    if vm.truthy(&vm.get_attr(lp, &st.names.closed)?)? {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    if vm.truthy(&vm.get_attr(lp, &st.names.debug)?)? {
        let m = vm.import_module("asyncio.loop")?;
        let check = vm.get_attr(&m, &vm.intern("_check_callback"))?;
        vm.call(&check, &[callback.clone(), Value::str(method)], &[])?;
    }
    Ok(())
}

/// Who gets to see a new handle.
#[derive(PartialEq)]
enum Visibility {
    /// Python code (`loop.call_soon` returns it): the cycle collector
    /// tracks it, as it may end up in a cycle.
    Returned,
    /// Only the ready queue, which holds it until it runs: a task's step,
    /// a future's done callback. Such a handle is never part of garbage,
    /// so it is not tracked: tracking would pin its memory until a
    /// collection of the generation it reached, and many are made.
    Internal,
}

fn schedule(vm: &Vm, st: &State, lp: &Value, callback: Value, args: Value, ctx: Value, seen: Visibility) -> PyResult<Rc<Instance>> {
    check_loop(vm, st, lp, &callback, "call_soon")?;
    let ctx = if ctx.is_none() { st.copy_context(vm)? } else { ctx };
    let h = match seen {
        Visibility::Returned => vm.instance_with(&st.handle_class, Payload::None),
        Visibility::Internal => Rc::new(Instance {
            class: RefCell::new(st.handle_class.clone()),
            dict: None,
            slots: RefCell::new(vec![None; HANDLE_SLOTS]),
            payload: Payload::None,
            gc: GcHeader::new(),
        }),
    };
    fill(&h, callback, args, lp.clone(), ctx);
    let ready = vm.get_attr(lp, &st.names.ready)?;
    enqueue(vm, &ready, Value::Instance(h.clone()))?;
    Ok(h)
}

/// Appends a handle to the loop's ready queue.
pub fn enqueue(vm: &Vm, ready: &Value, handle: Value) -> PyResult<()> {
    if let Value::Native(n) = ready {
        if let Some(q) = n.data.borrow().downcast_ref::<ReadyQueue>() {
            q.items.borrow_mut().push_back(handle);
            return Ok(());
        }
    }
    vm.call_method(ready, "append", &[handle])?;
    Ok(())
}

// ----- the ready queue -----

/// The loop's FIFO of handles (a deque with what the loop uses of one).
struct ReadyQueue {
    items: RefCell<VecDeque<Value>>,
}

fn with_queue<R>(v: &Value, f: impl FnOnce(&ReadyQueue) -> R) -> Option<R> {
    let Value::Native(n) = v else { return None };
    let data = n.data.borrow();
    data.downcast_ref::<ReadyQueue>().map(f)
}

fn queue<R>(vm: &Vm, a: &[Value], f: impl FnOnce(&ReadyQueue) -> R) -> PyResult<R> {
    a.first().and_then(|v| with_queue(v, f)).ok_or_else(|| vm.type_error("descriptor requires a '_asyncio.ReadyQueue' object"))
}

fn queue_append(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "append", a, 1, 1)?;
    queue(vm, a, |q| q.items.borrow_mut().push_back(a[1].clone()))?;
    Ok(Value::None)
}

fn queue_popleft(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "popleft", a, 0, 0)?;
    let h = queue(vm, a, |q| q.items.borrow_mut().pop_front())?.ok_or_else(|| vm.index_error("pop from an empty deque"))?;
    // An internal handle becomes visible to Python code here.
    if let Value::Instance(i) = &h {
        crate::runtime::gc::track(i);
        if let Some(Value::Tuple(t)) = i.slots.borrow().get(SLOT_ARGS).cloned().flatten() {
            crate::runtime::gc::track(&t);
        }
    }
    Ok(h)
}

fn queue_clear(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "clear", a, 0, 0)?;
    let old = queue(vm, a, |q| std::mem::take(&mut *q.items.borrow_mut()))?;
    drop(old);
    Ok(Value::None)
}

fn queue_len(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(queue(vm, a, |q| q.items.borrow().len())? as i64))
}

/// `run(n)`: runs the first `n` handles (those ready when the loop
/// iteration began), skipping cancelled ones.
fn queue_run(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "run", a, 1, 1)?;
    let Value::Int(n) = a[1] else { return Err(vm.type_error("run() takes an int")) };
    let st = state(vm)?;
    for _ in 0..n {
        let Some(handle) = queue(vm, a, |q| q.items.borrow_mut().pop_front())? else { break };
        match &handle {
            Value::Instance(h) if runs_natively(vm, &st, h) => {
                if !super::future::flag(h, SLOT_CANCELLED) {
                    run(vm, &st, h)?;
                }
            }
            other => {
                if !vm.truthy(&vm.get_attr(other, &vm.intern("_cancelled"))?)? {
                    vm.call_method(other, "_run", &[])?;
                }
            }
        }
    }
    Ok(Value::None)
}

/// Whether `h` is a Handle whose `_run` is the native one.
fn runs_natively(vm: &Vm, st: &State, h: &Instance) -> bool {
    let class = h.class();
    if Rc::ptr_eq(&class, &st.handle_class) {
        return true;
    }
    class.is_subclass(&st.handle_class)
        && h.slots.borrow().len() >= HANDLE_SLOTS
        && matches!(class.lookup(&vm.intern("_run")), Some(Value::Builtin(b)) if crate::builtins::is_native(&b, run_method))
}
