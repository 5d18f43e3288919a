//! `_asyncio.Future`: the eventual outcome of an operation, with CPython
//! 3.11's states, messages and callback order.
//!
//! Done callbacks are `(fn, context)` tuples: the one tuple itself while
//! there is only one (most futures have exactly one, the wakeup of the
//! task awaiting them), a list of them when there are more, None while
//! there are none; `_callbacks` shows a list, as CPython's does. The
//! wakeup of a task awaiting the future is kept as the task itself, which
//! stands for `(task.task_wakeup, task's context)`: no bound method and
//! no tuple per await. Finishing the future schedules each with
//! `loop.call_soon(fn, future, context=context)`, in the order they were
//! added. Awaiting a pending future yields the future itself with
//! `_asyncio_future_blocking` set: that is how a task learns what it waits
//! for. The iterator `__await__` returns is native, and `eval::resume`
//! drives it without a method call (`iter_send`).

use super::handle::Callback;
use super::sync::{AfterWait, Ended};
use super::{receiver, set_slot, slot, state, State};
use crate::eval::generator::GenStep;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A finished future's result, or its exception (`HAS_EXCEPTION` tells
/// which): one slot, as a future ends with one or the other.
const SLOT_OUTCOME: usize = 0;
pub const SLOT_LOOP: usize = 1;
pub const SLOT_CALLBACKS: usize = 2;
pub const SLOT_CANCEL_MESSAGE: usize = 3;
/// Hidden: the CancelledError a cancelled task's coroutine raised (what
/// `result()` raises again), or the armed `UnretrievedGuard` of a future
/// that finished with an exception. Never both: a future ends either
/// cancelled or finished.
const SLOT_KEPT: usize = 4;
/// Hidden: an int of bits: `_asyncio_future_blocking` (`BLOCKING`), the
/// phase (`PHASE_*` at `PHASE_SHIFT`), whether the outcome is an exception
/// (`HAS_EXCEPTION`) and, for tasks, `_must_cancel` (`MUST_CANCEL`) and the
/// number of cancel() requests (from `CANCELS_SHIFT` on). One slot instead
/// of five: every task of 100,000 pays for each.
pub const SLOT_FLAGS: usize = 5;
/// How many slots a future has; a task's come after these.
pub const FUTURE_SLOTS: usize = 6;

pub const BLOCKING: i64 = 1;
pub const MUST_CANCEL: i64 = 2;
const PHASE_SHIFT: u32 = 2;
const PHASE_MASK: i64 = 3 << PHASE_SHIFT;
const PHASE_CANCELLED: i64 = 1 << PHASE_SHIFT;
const PHASE_FINISHED: i64 = 2 << PHASE_SHIFT;
const HAS_EXCEPTION: i64 = 1 << 4;
pub const CANCELS_SHIFT: u32 = 5;

pub const SLOT_NAMES: [&str; FUTURE_SLOTS] = ["_outcome", "_loop", "_callbacks", "_cancel_message", "_kept", "_flags"];

const ITER: &str = "FutureIter";

pub fn make_class(vm: &Vm) -> Rc<Class> {
    // `_state`, `_result`, `_exception`, `_log_traceback`,
    // `_asyncio_future_blocking` and `_callbacks` are properties over the
    // hidden slots.
    let c = super::slotted_class(vm, "Future", &vm.types.object, &SLOT_NAMES, &["_loop", "_cancel_message"]);
    super::native_property(vm, &c, "Future", "_state", get_state, None);
    super::native_property(vm, &c, "Future", "_result", get_result_attr, None);
    super::native_property(vm, &c, "Future", "_exception", get_exception_attr, None);
    super::native_property(vm, &c, "Future", "_log_traceback", get_log_traceback, Some(set_log_traceback));
    super::native_property(vm, &c, "Future", "_asyncio_future_blocking", get_blocking, Some(set_blocking_attr));
    super::native_property(vm, &c, "Future", "_callbacks", get_callbacks, None);
    // As in CPython, futures and tasks have no `__dict__` (subclasses do).
    c.has_dict.set(false);
    crate::builtins::methods(
        vm,
        &c,
        "Future",
        &[
            ("__init__", future_init),
            ("__repr__", future_repr),
            ("__await__", future_await),
            ("__iter__", future_await),
            ("get_loop", get_loop),
            ("cancel", cancel),
            ("cancelled", cancelled),
            ("done", done),
            ("result", result),
            ("exception", exception),
            ("add_done_callback", add_done_callback),
            ("remove_done_callback", remove_done_callback),
            ("set_result", set_result),
            ("set_exception", set_exception),
            ("_make_cancelled_error", make_cancelled_error_method),
        ],
    );
    crate::builtins::method_kind(vm, &c, "Future", "__class_getitem__", class_getitem, BuiltinKind::ClassMethod);
    let it = crate::runtime::types::new_class(&vm.interner, ITER, Some(&vm.types.object), Layout::Value, None);
    it.dict.borrow_mut().set_str(vm.intern("__module__"), Value::str("_asyncio"));
    crate::builtins::methods(
        vm,
        &it,
        ITER,
        &[
            ("__next__", iter_next),
            ("send", iter_send_method),
            ("throw", iter_throw),
            ("close", iter_close),
            ("__iter__", iter_self),
            ("__await__", iter_self),
        ],
    );
    vm.types.iterators.borrow_mut().insert(ITER, it);
    c
}

/// Where a future is in its life.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Pending,
    Cancelled,
    Finished,
}

pub fn phase(fut: &Instance) -> Phase {
    match flags(fut) & PHASE_MASK {
        PHASE_CANCELLED => Phase::Cancelled,
        PHASE_FINISHED => Phase::Finished,
        _ => Phase::Pending,
    }
}

/// Ends the pending phase: `outcome` is the result, or the exception when
/// `exception` is set, or nothing (cancelled).
fn settle(f: &Instance, to: i64, outcome: Option<Value>, exception: bool) {
    let mut bits = (flags(f) & !(PHASE_MASK | HAS_EXCEPTION)) | to;
    if exception {
        bits |= HAS_EXCEPTION;
    }
    set_flags(f, bits);
    if let Some(v) = outcome {
        set_slot(f, SLOT_OUTCOME, v);
    }
}

/// `fut._state`: the phase as CPython names it.
fn get_state(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future._state", "$self, /").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "_state")?;
    Ok(match phase(f) {
        Phase::Pending => st.pending.clone(),
        Phase::Cancelled => st.cancelled.clone(),
        Phase::Finished => st.finished.clone(),
    })
}

/// `fut._result`: None unless finished with a result.
fn get_result_attr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future._result", "$self, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "_result")?;
    let shown = phase(f) == Phase::Finished && !has_flag(f, HAS_EXCEPTION);
    Ok(if shown { slot(f, SLOT_OUTCOME) } else { Value::None })
}

/// `fut._exception`: None unless finished with an exception.
fn get_exception_attr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future._exception", "$self, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "_exception")?;
    Ok(exception_slot(f))
}

/// The exception a future finished with, or None.
fn exception_slot(f: &Instance) -> Value {
    if has_flag(f, HAS_EXCEPTION) {
        slot(f, SLOT_OUTCOME)
    } else {
        Value::None
    }
}

/// Whether a flag slot holds a true value.
pub fn flag(inst: &Instance, i: usize) -> bool {
    super::with_slot(inst, i, |v| match v {
        Value::Bool(b) => b.get(),
        Value::None => false,
        Value::Int(n) => *n != 0,
        _ => true,
    })
}

/// The bits of `SLOT_FLAGS`.
pub fn flags(f: &Instance) -> i64 {
    super::with_slot(f, SLOT_FLAGS, |v| match v {
        Value::Int(n) => *n,
        _ => 0,
    })
}

pub fn set_flags(f: &Instance, bits: i64) {
    set_slot(f, SLOT_FLAGS, Value::Int(bits));
}

/// Whether `bit` of the flags slot is set.
pub fn has_flag(f: &Instance, bit: i64) -> bool {
    flags(f) & bit != 0
}

pub fn set_flag(f: &Instance, bit: i64, on: bool) {
    let bits = flags(f);
    set_flags(f, if on { bits | bit } else { bits & !bit });
}

/// `fut._asyncio_future_blocking`.
pub fn blocking(f: &Instance) -> bool {
    has_flag(f, BLOCKING)
}

pub fn set_blocking(f: &Instance, on: bool) {
    set_flag(f, BLOCKING, on);
}

fn this<'a>(vm: &Vm, a: &'a [Value], method: &str) -> PyResult<(Rc<State>, &'a Rc<Instance>)> {
    let st = state(vm)?;
    let f = receiver(vm, a, &st.future_class, FUTURE_SLOTS, method)?;
    Ok((st, f))
}

/// Sets the fields of a new pending future of loop `lp`.
pub fn init_fields(f: &Instance, lp: Value) {
    let mut slots = f.slots.borrow_mut();
    let fields = [Value::None, lp, Value::None, Value::None, Value::None, Value::Int(0)];
    let old: Vec<Option<Value>> = slots.iter_mut().zip(fields).map(|(s, v)| s.replace(v)).collect();
    drop(slots);
    drop(old);
}

/// The loop a future belongs to: `loop` if given, else the current loop.
pub fn loop_arg(vm: &Vm, lp: Option<Value>) -> PyResult<Value> {
    match lp {
        Some(l) if !l.is_none() => Ok(l),
        _ => {
            // get_event_loop() is the running loop when there is one.
            if let Some(l) = state(vm)?.running.get() {
                return Ok(l);
            }
            let events = vm.import_module("asyncio.events")?;
            let f = vm.get_attr(&events, &vm.intern("get_event_loop"))?;
            vm.call(&f, &[], &[])
        }
    }
}

fn future_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [lp]) = crate::sig!("Future", "$self, *, loop=None").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "__init__")?;
    let lp = loop_arg(vm, lp.cloned())?;
    init_fields(f, lp);
    Ok(Value::None)
}

/// `Future[int]`: a `types.GenericAlias`, as for builtin generic classes.
fn class_getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls, item], []) = crate::sig!("Future.__class_getitem__", "$type, item, /").bind(vm, a, kw)?;
    Ok(vm.generic_alias(cls.clone(), item))
}

/// `asyncio.<module>.<func>(obj)`: reprs are written in Python, as
/// CPython's C futures call `asyncio.base_futures` for theirs.
pub fn python_repr(vm: &Vm, module: &str, func: &str, obj: &Value) -> PyResult<Value> {
    let m = vm.import_module(module)?;
    let f = vm.get_attr(&m, &vm.intern(func))?;
    vm.call(&f, &[obj.clone()], &[])
}

fn future_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "Future.__repr__", "$self, /").bind(vm, a, kw)?;
    this(vm, a, "__repr__")?;
    python_repr(vm, "asyncio.futures", "_future_repr", me)
}

fn get_loop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future.get_loop", "$self, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "get_loop")?;
    Ok(slot(f, SLOT_LOOP))
}

/// Schedules the done callbacks of `fut` on its loop, in order.
pub fn schedule_callbacks(vm: &Vm, st: &State, fut: &Rc<Instance>) -> PyResult<()> {
    let items = match slot(fut, SLOT_CALLBACKS) {
        Value::List(list) => std::mem::take(&mut *list.items.borrow_mut()),
        one @ (Value::Tuple(_) | Value::Instance(_)) => vec![one],
        _ => return Ok(()),
    };
    set_slot(fut, SLOT_CALLBACKS, Value::None);
    let lp = slot(fut, SLOT_LOOP);
    let me = Value::Instance(fut.clone());
    for item in items {
        match &item {
            Value::Instance(task) => {
                let ctx = super::task::context_of(task);
                super::handle::call_soon_task(vm, st, &lp, Callback::TaskWakeup(task.clone()), Some(me.clone()), ctx)?;
            }
            _ => {
                if let Some((func, ctx)) = entry_parts(vm, st, &item)? {
                    st.call_soon(vm, &lp, &[func, me.clone()], ctx)?;
                }
            }
        }
    }
    Ok(())
}

/// The `(fn, context)` of a done-callback entry.
fn entry_parts(vm: &Vm, st: &State, entry: &Value) -> PyResult<Option<(Value, Value)>> {
    Ok(match entry {
        Value::Tuple(t) => match &t.items[..] {
            [func, ctx] => Some((func.clone(), ctx.clone())),
            _ => None,
        },
        Value::Instance(task) => Some(super::task::wakeup_entry(vm, st, task)?),
        _ => None,
    })
}

/// A done-callback entry as `_callbacks` shows it: a `(fn, context)` tuple.
fn entry_tuple(vm: &Vm, st: &State, entry: &Value) -> PyResult<Value> {
    Ok(match (entry, entry_parts(vm, st, entry)?) {
        (Value::Instance(_), Some((func, ctx))) => Value::tuple(vec![func, ctx]),
        _ => entry.clone(),
    })
}

/// Whether the done-callback entry's function is `func`.
fn entry_is(vm: &Vm, entry: &Value, func: &Value) -> PyResult<bool> {
    match entry {
        Value::Instance(task) => Ok(super::task::is_wakeup_of(func, task)),
        _ => {
            let own = match entry {
                Value::Tuple(t) => t.items.first().cloned().unwrap_or(Value::None),
                _ => Value::None,
            };
            vm.eq(&own, func)
        }
    }
}

/// Reports an exception nobody retrieved when the future holding it is
/// freed (CPython's "Task exception was never retrieved", logged from the
/// future's `__del__`), from a slot of the future while armed.
struct UnretrievedGuard {
    armed: Cell<bool>,
    orphans: Rc<crate::eval::generator::Orphans>,
    /// `asyncio.futures._report_unretrieved` and its arguments.
    report: Value,
    args: Vec<Value>,
}

impl Drop for UnretrievedGuard {
    fn drop(&mut self) {
        if self.armed.get() {
            self.orphans.defer_report(self.report.clone(), std::mem::take(&mut self.args));
        }
    }
}

/// Arms the report for `f`, which just finished with `exc`. The future's
/// repr is taken now: it is gone when the report is made.
fn arm_unretrieved_report(vm: &Vm, st: &State, f: &Rc<Instance>, exc: Value) -> PyResult<()> {
    let what = vm.repr(&Value::Instance(f.clone()))?;
    let module = vm.import_module("asyncio.futures")?;
    let report = vm.get_attr(&module, &vm.intern("_report_unretrieved"))?;
    let is_task = f.class.borrow().is_subclass(&st.task_class);
    let args = vec![slot(f, SLOT_LOOP), exc, Value::Str(what), Value::bool(is_task)];
    let guard = UnretrievedGuard { armed: Cell::new(true), orphans: vm.orphans.clone(), report, args };
    let data: RefCell<Box<dyn std::any::Any>> = RefCell::new(Box::new(guard));
    set_slot(f, SLOT_KEPT, Value::Native(Rc::new(NativeObj { class: vm.iterator_class("UnretrievedGuard"), data })));
    Ok(())
}

/// `fut._asyncio_future_blocking`: whether the future was yielded to the
/// task awaiting it (a bit of the flags slot).
fn get_blocking(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future._asyncio_future_blocking", "$self, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "_asyncio_future_blocking")?;
    Ok(Value::bool(blocking(f)))
}

fn set_blocking_attr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, value], []) = crate::sig!("Future._asyncio_future_blocking", "$self, value, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "_asyncio_future_blocking")?;
    set_blocking(f, vm.truthy(value)?);
    Ok(Value::None)
}

/// `fut._callbacks`: None, or a list of the `(fn, context)` pairs.
fn get_callbacks(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future._callbacks", "$self, /").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "_callbacks")?;
    Ok(match slot(f, SLOT_CALLBACKS) {
        one @ (Value::Tuple(_) | Value::Instance(_)) => Value::list(vec![entry_tuple(vm, &st, &one)?]),
        Value::List(l) if l.items.borrow().iter().any(|e| matches!(e, Value::Instance(_))) => {
            let items = l.items.borrow().clone();
            let shown = items.iter().map(|e| entry_tuple(vm, &st, e)).collect::<PyResult<Vec<Value>>>()?;
            Value::list(shown)
        }
        other => other,
    })
}

/// `fut._log_traceback`: True while an exception waits to be retrieved;
/// setting it to False (the only value allowed) silences the report.
fn get_log_traceback(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future._log_traceback", "$self, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "_log_traceback")?;
    Ok(Value::bool(super::with_slot(f, SLOT_KEPT, |v| matches!(v, Value::Native(_)))))
}

fn set_log_traceback(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, value], []) = crate::sig!("Future._log_traceback", "$self, value, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "_log_traceback")?;
    if vm.truthy(value)? {
        return Err(vm.value_error("_log_traceback can only be set to False"));
    }
    mark_retrieved(f);
    Ok(Value::None)
}

/// The future's outcome was looked at (or it was cancelled): nothing to report.
pub fn mark_retrieved(f: &Instance) {
    if let Value::Native(n) = slot(f, SLOT_KEPT) {
        if let Some(g) = n.data.borrow().downcast_ref::<UnretrievedGuard>() {
            g.armed.set(false);
        }
        set_slot(f, SLOT_KEPT, Value::None);
    }
}

/// Keeps the CancelledError a cancelled task's coroutine raised.
pub fn keep_cancelled_error(f: &Instance, e: PyErr) {
    set_slot(f, SLOT_KEPT, Value::Instance(e.0));
}

/// `Future.cancel(msg)` on a future known to be one.
pub fn cancel_future(vm: &Vm, st: &State, f: &Rc<Instance>, msg: Value) -> PyResult<bool> {
    mark_retrieved(f);
    if phase(f) != Phase::Pending {
        return Ok(false);
    }
    settle(f, PHASE_CANCELLED, None, false);
    set_slot(f, SLOT_CANCEL_MESSAGE, msg);
    schedule_callbacks(vm, st, f)?;
    Ok(true)
}

fn cancel(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [msg]) = crate::sig!("Future.cancel", "$self, /, msg=None").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "cancel")?;
    let msg = msg.cloned().unwrap_or(Value::None);
    Ok(Value::bool(cancel_future(vm, &st, f, msg)?))
}

fn cancelled(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future.cancelled", "$self, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "cancelled")?;
    Ok(Value::bool(phase(f) == Phase::Cancelled))
}

fn done(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future.done", "$self, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "done")?;
    Ok(Value::bool(phase(f) != Phase::Pending))
}

/// The CancelledError a cancelled future raises: the one its task ended
/// with (once), else a new one carrying the cancel message.
pub fn make_cancelled_error(vm: &Vm, st: &State, f: &Instance) -> PyResult<PyErr> {
    let saved = slot(f, SLOT_KEPT);
    if let Value::Instance(e) = saved {
        set_slot(f, SLOT_KEPT, Value::None);
        return Ok(PyErr(e));
    }
    new_cancelled_error(vm, st, slot(f, SLOT_CANCEL_MESSAGE))
}

/// `CancelledError(msg)`, or `CancelledError()` when `msg` is None.
pub fn new_cancelled_error(vm: &Vm, st: &State, msg: Value) -> PyResult<PyErr> {
    let class = st.cancelled_error(vm)?;
    Ok(vm.new_exc(&class, if msg.is_none() { Vec::new() } else { vec![msg] }))
}

fn make_cancelled_error_method(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future._make_cancelled_error", "$self, /").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "_make_cancelled_error")?;
    Ok(Value::Instance(make_cancelled_error(vm, &st, f)?.0))
}

/// `Future.result()`.
pub fn result_of(vm: &Vm, st: &State, f: &Instance) -> PyResult<Value> {
    match phase(f) {
        Phase::Cancelled => Err(make_cancelled_error(vm, st, f)?),
        Phase::Pending => Err(st.invalid_state_error(vm, "Result is not set.")),
        Phase::Finished => {
            mark_retrieved(f);
            match (has_flag(f, HAS_EXCEPTION), slot(f, SLOT_OUTCOME)) {
                (true, Value::Instance(e)) => Err(PyErr(e)),
                (_, v) => Ok(v),
            }
        }
    }
}

fn result(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future.result", "$self, /").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "result")?;
    result_of(vm, &st, f)
}

fn exception(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future.exception", "$self, /").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "exception")?;
    match phase(f) {
        Phase::Cancelled => Err(make_cancelled_error(vm, &st, f)?),
        Phase::Pending => Err(st.invalid_state_error(vm, "Exception is not set.")),
        Phase::Finished => {
            mark_retrieved(f);
            Ok(exception_slot(f))
        }
    }
}

/// Adds a done callback to a future known to be one: scheduled at once
/// when the future is already done.
pub fn add_callback(vm: &Vm, st: &State, f: &Rc<Instance>, func: Value, ctx: Value) -> PyResult<()> {
    if phase(f) != Phase::Pending {
        return st.call_soon(vm, &slot(f, SLOT_LOOP), &[func, Value::Instance(f.clone())], ctx);
    }
    push_entry(f, callback_entry(st, func, ctx));
    Ok(())
}

/// The `(fn, context)` tuple of a done callback, shared with the entry made
/// last if that holds the same two objects (tuples are immutable).
fn callback_entry(st: &State, func: Value, ctx: Value) -> Value {
    let mut last = st.last_callback_entry.borrow_mut();
    if let Some(t) = last.upgrade() {
        if let [f0, c0] = &t.items[..] {
            if f0.is(&func) && c0.is(&ctx) {
                return Value::Tuple(t);
            }
        }
    }
    let entry = Value::tuple(vec![func, ctx]);
    if let Value::Tuple(t) = &entry {
        *last = Rc::downgrade(t);
    }
    entry
}

/// Adds the wakeup of `task` (which awaits `f`) as a done callback of `f`.
pub fn add_wakeup(vm: &Vm, st: &State, f: &Rc<Instance>, task: &Rc<Instance>) -> PyResult<()> {
    if phase(f) != Phase::Pending {
        let ctx = super::task::context_of(task);
        let callback = Callback::TaskWakeup(task.clone());
        return super::handle::call_soon_task(vm, st, &slot(f, SLOT_LOOP), callback, Some(Value::Instance(f.clone())), ctx);
    }
    push_entry(f, Value::Instance(task.clone()));
    Ok(())
}

fn push_entry(f: &Instance, entry: Value) {
    match slot(f, SLOT_CALLBACKS) {
        Value::List(l) => l.items.borrow_mut().push(entry),
        first @ (Value::Tuple(_) | Value::Instance(_)) => set_slot(f, SLOT_CALLBACKS, Value::list(vec![first, entry])),
        _ => set_slot(f, SLOT_CALLBACKS, entry),
    }
}

fn add_done_callback(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, func], [ctx]) = crate::sig!("Future.add_done_callback", "$self, fn, /, *, context=None").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "add_done_callback")?;
    let ctx = match ctx {
        Some(c) if !c.is_none() => c.clone(),
        _ => st.copy_context(vm)?,
    };
    add_callback(vm, &st, f, func.clone(), ctx)?;
    Ok(Value::None)
}

fn remove_done_callback(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, target], []) = crate::sig!("Future.remove_done_callback", "$self, fn, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "remove_done_callback")?;
    let list = match slot(f, SLOT_CALLBACKS) {
        Value::List(list) => list,
        one @ (Value::Tuple(_) | Value::Instance(_)) => {
            if !entry_is(vm, &one, target)? {
                return Ok(Value::Int(0));
            }
            if slot(f, SLOT_CALLBACKS).is(&one) {
                set_slot(f, SLOT_CALLBACKS, Value::None);
            }
            return Ok(Value::Int(1));
        }
        _ => return Ok(Value::Int(0)),
    };
    // Comparing may run Python code: work on a copy, then store the rest.
    let items = list.items.borrow().clone();
    let mut kept = Vec::with_capacity(items.len());
    for item in items {
        if !entry_is(vm, &item, target)? {
            kept.push(item);
        }
    }
    let removed = list.items.borrow().len().saturating_sub(kept.len());
    if removed > 0 {
        let old = std::mem::replace(&mut *list.items.borrow_mut(), kept);
        drop(old);
    }
    Ok(Value::Int(removed as i64))
}

/// `Future.set_result(value)` on a future known to be one.
pub fn set_result_of(vm: &Vm, st: &State, f: &Rc<Instance>, v: Value) -> PyResult<()> {
    if phase(f) != Phase::Pending {
        return Err(st.invalid_state_error(vm, "invalid state"));
    }
    settle(f, PHASE_FINISHED, Some(v), false);
    schedule_callbacks(vm, st, f)
}

fn set_result(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, result], []) = crate::sig!("Future.set_result", "$self, result, /").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "set_result")?;
    set_result_of(vm, &st, f, result.clone())?;
    Ok(Value::None)
}

/// `Future.set_exception(exc)` on a future known to be one.
pub fn set_exception_of(vm: &Vm, st: &State, f: &Rc<Instance>, exc: Value) -> PyResult<()> {
    if phase(f) != Phase::Pending {
        return Err(st.invalid_state_error(vm, "invalid state"));
    }
    let exc = match &exc {
        Value::Class(c) if c.is_subclass(&vm.types.exc("BaseException")) => vm.call(&exc, &[], &[])?,
        _ => exc,
    };
    let Value::Instance(e) = &exc else { return Err(vm.type_error("invalid exception object")) };
    if e.exc().is_none() {
        return Err(vm.type_error("invalid exception object"));
    }
    if Rc::ptr_eq(&e.class(), &vm.types.exc("StopIteration")) {
        return Err(vm.type_error("StopIteration interacts badly with generators and cannot be raised into a Future"));
    }
    settle(f, PHASE_FINISHED, Some(exc.clone()), true);
    schedule_callbacks(vm, st, f)?;
    arm_unretrieved_report(vm, st, f, exc)
}

fn set_exception(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, exc], []) = crate::sig!("Future.set_exception", "$self, exception, /").bind(vm, a, kw)?;
    let (st, f) = this(vm, a, "set_exception")?;
    set_exception_of(vm, &st, f, exc.clone())?;
    Ok(Value::None)
}

// ----- awaiting -----

/// What `Future.__await__()` returns; the future is dropped once its
/// result was delivered. Without a future, it is the marker `_yield_once()`
/// returns, an iterator that has finished.
struct FutureIter {
    fut: RefCell<Option<Rc<Instance>>>,
    /// The timer that finishes the future of `sleep()` on a loop whose
    /// timers are not ours (src/aio/alarm.rs): cancelled when the wait
    /// ends, however it ends, as `sleep()`'s `finally` does.
    timer: RefCell<Option<Value>>,
    /// What a native `Event.wait()`, `Lock.acquire()` or queue wait does
    /// when the wait ends (src/aio/sync.rs).
    after: RefCell<Option<Box<AfterWait>>>,
}

fn new_iter(vm: &Vm, it: FutureIter) -> Value {
    Value::Native(Rc::new(NativeObj { class: vm.iterator_class(ITER), data: RefCell::new(Box::new(it)) }))
}

fn future_await(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Future.__await__", "$self, /").bind(vm, a, kw)?;
    let (_, f) = this(vm, a, "__await__")?;
    Ok(new_iter(vm, FutureIter { fut: RefCell::new(Some(f.clone())), timer: RefCell::new(None), after: RefCell::new(None) }))
}

/// The awaitable of `sleep()`: waits for `fut`, then cancels `timer`.
pub fn alarm_iter(vm: &Vm, fut: Rc<Instance>, timer: Value) -> Value {
    new_iter(vm, FutureIter { fut: RefCell::new(Some(fut)), timer: RefCell::new(Some(timer)), after: RefCell::new(None) })
}

/// The awaitable of a native wait on `fut` (src/aio/sync.rs): `after`
/// ends it as the Python body does after its `await fut`.
pub fn waiting_iter(vm: &Vm, fut: Rc<Instance>, after: AfterWait) -> Value {
    new_iter(vm, FutureIter { fut: RefCell::new(Some(fut)), timer: RefCell::new(None), after: RefCell::new(Some(Box::new(after))) })
}

/// `_asyncio._yield_once()`: an awaitable that yields None once, what
/// `sleep(0)` awaits. It is one shared object: `await` recognises it and
/// suspends the awaiting frame itself, as a bare `yield` would, so that
/// no iterator is made per `sleep(0)` (driven by hand, it is an iterator
/// that has finished).
pub fn yield_once(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_yield_once", "").bind(vm, a, kw)?;
    Ok(state(vm)?.yield_once.clone())
}

/// The shared object `_yield_once()` returns, made with the interpreter's
/// asyncio state.
pub fn yield_once_marker(vm: &Vm) -> Value {
    new_iter(vm, FutureIter { fut: RefCell::new(None), timer: RefCell::new(None), after: RefCell::new(None) })
}

/// Whether `v` is what `_yield_once()` returns.
#[inline]
pub fn is_yield_once(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Native(_)) && vm.aio.get().is_some_and(|st| st.yield_once.is(v))
}

impl FutureIter {
    /// One step: the future itself while it is pending (the first time),
    /// then its result.
    fn step(&self, vm: &Vm) -> PyResult<GenStep> {
        let Some(f) = self.fut.borrow().clone() else { return Ok(GenStep::Returned(Value::None)) };
        let st = state(vm)?;
        if phase(&f) == Phase::Pending {
            if blocking(&f) {
                return Err(vm.runtime_error("await wasn't used with future"));
            }
            set_blocking(&f, true);
            return Ok(GenStep::Yielded(Value::Instance(f)));
        }
        let old = self.fut.borrow_mut().take();
        drop(old);
        self.cancel_timer(vm)?;
        let outcome = result_of(vm, &st, &f);
        let after = self.after.borrow_mut().take();
        match after {
            Some(after) => {
                let ended = after.finish(vm, &Value::Instance(f), outcome)?;
                Ok(self.ended(ended, after))
            }
            None => outcome.map(GenStep::Returned),
        }
    }

    /// The step after a native wait's `after` ended it: the value, or the
    /// next future it waits on (the same `after` ends that wait).
    fn ended(&self, ended: Ended, after: Box<AfterWait>) -> GenStep {
        match ended {
            Ended::Value(v) => GenStep::Returned(v),
            Ended::WaitAgain(next) => {
                set_blocking(&next, true);
                *self.fut.borrow_mut() = Some(next.clone());
                *self.after.borrow_mut() = Some(after);
                GenStep::Yielded(Value::Instance(next))
            }
        }
    }

    fn cancel_timer(&self, vm: &Vm) -> PyResult<()> {
        let Some(timer) = self.timer.borrow_mut().take() else { return Ok(()) };
        match &timer {
            Value::Instance(t) if t.class.borrow().is_subclass(&state(vm)?.timer_class) => super::timer::cancel_timer(vm, t),
            other => vm.call_method(other, "cancel", &[]).map(drop),
        }
    }
}

/// Whether `n` is a future's iterator.
pub fn is_iter(n: &NativeObj) -> bool {
    n.data.try_borrow().is_ok_and(|d| d.is::<FutureIter>())
}

/// Steps `n` if it is a future's iterator (the fast path of `await`).
pub fn iter_send(vm: &Vm, n: &NativeObj) -> Option<PyResult<GenStep>> {
    let data = n.data.borrow();
    let it = data.downcast_ref::<FutureIter>()?;
    Some(it.step(vm))
}

fn with_iter(vm: &Vm, a: &[Value], f: impl FnOnce(&FutureIter) -> PyResult<Value>) -> PyResult<Value> {
    if let Some(Value::Native(n)) = a.first() {
        if let Some(it) = n.data.borrow().downcast_ref::<FutureIter>() {
            return f(it);
        }
    }
    Err(vm.type_error("descriptor requires a '_asyncio.FutureIter' object"))
}

/// A step as an iterator's `__next__`/`send` reports it.
pub fn step_value(vm: &Vm, step: GenStep) -> PyResult<Value> {
    match step {
        GenStep::Yielded(v) | GenStep::Produced(v) => Ok(v),
        GenStep::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn iter_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "FutureIter.__next__", "$self, /").bind(vm, a, kw)?;
    with_iter(vm, a, |it| step_value(vm, it.step(vm)?))
}

/// `send(value)`: the value is ignored, as CPython's future iterator does.
fn iter_send_method(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("FutureIter.send", "$self, value, /").bind(vm, a, kw)?;
    with_iter(vm, a, |it| step_value(vm, it.step(vm)?))
}

/// `throw(exc)`: raised where the future is awaited.
fn iter_throw(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, typ], [value, _]) = crate::sig!(unpack "throw", "$self, type, value=None, traceback=None, /").bind(vm, a, kw)?;
    with_iter(vm, a, |it| {
        it.cancel_timer(vm)?;
        let e = thrown(vm, typ, value)?;
        let (after, fut) = (it.after.borrow_mut().take(), it.fut.borrow().clone());
        match (after, fut) {
            (Some(after), Some(f)) => {
                let ended = after.finish(vm, &Value::Instance(f), Err(e))?;
                step_value(vm, it.ended(ended, after))
            }
            _ => Err(e),
        }
    })
}

/// The exception `throw(type, value)` raises.
pub fn thrown(vm: &Vm, typ: &Value, value: Option<&Value>) -> PyResult<PyErr> {
    let exc = match (typ, value) {
        (Value::Class(_), Some(v)) if !v.is_none() => vm.call(typ, &[v.clone()], &[])?,
        (v, _) => v.clone(),
    };
    Ok(PyErr(vm.exception_instance(exc)?))
}

fn iter_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("FutureIter.close", "$self, /").bind(vm, a, kw)?;
    with_iter(vm, a, |it| {
        let old = it.fut.borrow_mut().take();
        it.cancel_timer(vm)?;
        let after = it.after.borrow_mut().take();
        if let (Some(after), Some(f)) = (after, old) {
            after.close(vm, &Value::Instance(f))?;
        }
        Ok(Value::None)
    })
}

fn iter_self(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "FutureIter.__iter__", "$self, /").bind(vm, a, kw)?;
    Ok(me.clone())
}
