//! The loop's ready queue (`_asyncio.ReadyQueue`): a FIFO of what runs in
//! the next loop iteration, with what the loop uses of a deque; `run(n)`
//! runs the first `n` entries as `_run_once` does.
//!
//! An entry is a Handle, or a callback native code scheduled and nothing
//! else holds (a task's step or wakeup, a future's done callback): that
//! kind is kept without a Handle instance, a tuple of arguments or a bound
//! method, and becomes a Handle only if Python code takes it off the
//! queue (`popleft`).

use super::handle::{self, Call, TaskCall, HANDLE_SLOTS, SLOT_ARGS, SLOT_CANCELLED};
use super::{state, State};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

const QUEUE: &str = "ReadyQueue";

enum Entry {
    Handle(Value),
    Task(TaskCall),
    Call(Box<Call>),
    /// A sleep's timer that came due (src/aio/alarm.rs).
    Alarm(Value),
}

impl Entry {
    fn into_handle(self, vm: &Vm, st: &State) -> PyResult<Value> {
        Ok(match self {
            Entry::Handle(h) => h,
            Entry::Alarm(timer) => Value::Instance(super::alarm::alarm_call(st, &timer).to_handle(st)),
            Entry::Task(t) => Value::Instance(t.call(vm, st)?.to_handle(st)),
            Entry::Call(call) => Value::Instance(call.to_handle(st)),
        })
    }
}

struct ReadyQueue {
    items: RefCell<VecDeque<Entry>>,
}

pub fn make_class(vm: &Vm) {
    let q = crate::runtime::types::new_class(&vm.interner, QUEUE, Some(&vm.types.object), Layout::Value, None);
    crate::builtins::methods(
        vm,
        &q,
        QUEUE,
        &[("append", queue_append), ("popleft", queue_popleft), ("clear", queue_clear), ("__len__", queue_len), ("run", queue_run)],
    );
    vm.types.iterators.borrow_mut().insert(QUEUE, q);
}

/// A new empty ready queue (`_asyncio.ReadyQueue()`).
pub fn new_queue(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("ReadyQueue", "").bind(vm, a, kw)?;
    let q = ReadyQueue { items: RefCell::new(VecDeque::new()) };
    Ok(Value::Native(Rc::new(NativeObj { class: vm.iterator_class(QUEUE), data: RefCell::new(Box::new(q)) })))
}

/// Appends a timer that came due (a TimerHandle or a sleep's alarm) to
/// the loop's ready queue.
pub fn enqueue(vm: &Vm, ready: &Value, timer: Value) -> PyResult<()> {
    let entry = match timer {
        Value::Instance(_) => Entry::Handle(timer),
        _ => Entry::Alarm(timer),
    };
    let Err(entry) = push_into(ready, entry) else { return Ok(()) };
    let handle = entry.into_handle(vm, &*state(vm)?)?;
    vm.call_method(ready, "append", &[handle])?;
    Ok(())
}

/// Appends a natively scheduled callback to its loop's ready queue (as a
/// Handle when the queue is not ours).
pub fn push_call(vm: &Vm, st: &State, call: Call) -> PyResult<()> {
    let lp = call.lp.clone();
    push(vm, st, &lp, Entry::Call(Box::new(call)))
}

/// Appends a task's step or wakeup to the ready queue of `lp`.
pub fn push_task(vm: &Vm, st: &State, lp: &Value, call: TaskCall) -> PyResult<()> {
    push(vm, st, lp, Entry::Task(call))
}

fn push(vm: &Vm, st: &State, lp: &Value, entry: Entry) -> PyResult<()> {
    let ready = vm.get_attr_at(lp, &st.names.ready)?;
    let Err(entry) = push_into(&ready, entry) else { return Ok(()) };
    // Not our queue: Python code gets a Handle.
    if let Value::Instance(h) = entry.into_handle(vm, st)? {
        crate::runtime::gc::track(&h);
        vm.call_method(&ready, "append", &[Value::Instance(h)])?;
    }
    Ok(())
}

fn with_queue<R>(v: &Value, f: impl FnOnce(&ReadyQueue) -> R) -> Option<R> {
    let Value::Native(n) = v else { return None };
    let data = n.data.borrow();
    data.downcast_ref::<ReadyQueue>().map(f)
}

/// `with_queue` that gives the entry back when `v` is not our queue.
fn push_into(v: &Value, entry: Entry) -> Result<(), Entry> {
    let Value::Native(n) = v else { return Err(entry) };
    match n.data.borrow().downcast_ref::<ReadyQueue>() {
        Some(q) => {
            q.items.borrow_mut().push_back(entry);
            Ok(())
        }
        None => Err(entry),
    }
}

fn queue<R>(vm: &Vm, a: &[Value], f: impl FnOnce(&ReadyQueue) -> R) -> PyResult<R> {
    a.first().and_then(|v| with_queue(v, f)).ok_or_else(|| vm.type_error("descriptor requires a '_asyncio.ReadyQueue' object"))
}

fn queue_append(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, handle], []) = crate::sig!("ReadyQueue.append", "$self, handle, /").bind(vm, a, kw)?;
    queue(vm, a, |q| q.items.borrow_mut().push_back(Entry::Handle(handle.clone())))?;
    Ok(Value::None)
}

fn queue_popleft(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("ReadyQueue.popleft", "$self, /").bind(vm, a, kw)?;
    let entry = queue(vm, a, |q| q.items.borrow_mut().pop_front())?.ok_or_else(|| vm.index_error("pop from an empty deque"))?;
    // An entry becomes visible to Python code here: the collector tracks it.
    let h = entry.into_handle(vm, &*state(vm)?)?;
    if let Value::Instance(i) = &h {
        crate::runtime::gc::track(i);
        if let Some(Value::Tuple(t)) = i.slots.borrow().get(SLOT_ARGS).cloned().flatten() {
            crate::runtime::gc::track(&t);
        }
    }
    Ok(h)
}

fn queue_clear(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("ReadyQueue.clear", "$self, /").bind(vm, a, kw)?;
    let old = queue(vm, a, |q| std::mem::take(&mut *q.items.borrow_mut()))?;
    drop(old);
    Ok(Value::None)
}

fn queue_len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "ReadyQueue.__len__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Int(queue(vm, a, |q| q.items.borrow().len())? as i64))
}

/// `run(n)`: runs the first `n` entries (those ready when the loop
/// iteration began), skipping cancelled handles.
fn queue_run(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, n], []) = crate::sig!("ReadyQueue.run", "$self, n, /").bind(vm, a, kw)?;
    let Value::Int(n) = *n else { return Err(vm.type_error("run() takes an int")) };
    run_first(vm, &*state(vm)?, me, n)?;
    Ok(Value::None)
}

/// `_asyncio._run_ready_only(loop)`: the loop's iterations for as long as
/// each of them runs without a system call: something is ready (so the
/// iteration does not wait), no descriptor is watched, and no stop was
/// asked for. Each does what `_run_once` would: drops the cancelled timers
/// at the head of the heap, moves the due ones to the ready queue, and
/// runs the handles ready then. Returns at the first iteration that needs
/// `_run_once` (which also compacts a heap of mostly cancelled timers).
pub fn run_ready_only(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([lp], []) = crate::sig!("_run_ready_only", "loop, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    let n = &st.names;
    let ready = vm.get_attr_at(lp, &n.ready)?;
    let ready_len = || with_queue(&ready, |q| q.items.borrow().len()).unwrap_or(0);
    let quiet = |site| matches!(vm.get_attr_at(lp, site), Ok(Value::Dict(d)) if d.len() == 0);
    loop {
        let stopping = !matches!(vm.get_attr_at(lp, &n.stopping)?, Value::Bool(b) if !b.get());
        if ready_len() == 0 || stopping || !quiet(&n.readers) || !quiet(&n.writers) {
            return Ok(Value::None);
        }
        let timers = vm.get_attr_at(lp, &n.timers)?;
        let Value::List(heap) = &timers else { return Ok(Value::None) };
        if !heap.items.borrow().is_empty() {
            let Value::Int(cancelled) = vm.get_attr_at(lp, &n.cancelled_timers)? else { return Ok(Value::None) };
            if cancelled > CANCELLED_TIMERS_COMPACT && 2 * cancelled > heap.items.borrow().len() as i64 {
                return Ok(Value::None);
            }
            let dropped = super::timer_heap::drop_cancelled(vm, std::slice::from_ref(&timers), &[])?;
            let cancelled = settle_count(vm, lp, &st, cancelled, dropped)?;
            if !heap.items.borrow().is_empty() {
                let now = super::running::time_of(vm, lp)?;
                let horizon = vm.binary_op(crate::compile::ir::BinOp::Arith(crate::runtime::int::ArithOp::Add), now, Value::float(1e-9))?;
                let popped = super::timer_heap::pop_due(vm, &[timers.clone(), horizon, ready.clone()], &[])?;
                settle_count(vm, lp, &st, cancelled, popped)?;
            }
        }
        run_first(vm, &st, &ready, ready_len() as i64)?;
    }
}

/// `_run_once` compacts the timer heap past this many cancelled timers
/// (`_CANCELLED_TIMERS_COMPACT` of stdlib/asyncio/loop.py).
const CANCELLED_TIMERS_COMPACT: i64 = 100;

/// `self._cancelled_timers -= removed`: the new count.
fn settle_count(vm: &Vm, lp: &Value, st: &State, count: i64, removed: Value) -> PyResult<i64> {
    let Value::Int(removed) = removed else { return Err(vm.type_error("a count of timers is an int")) };
    let left = count - removed;
    vm.set_attr_at(lp, &st.names.cancelled_timers_store, Value::Int(left))?;
    Ok(left)
}

/// Runs the first `n` entries of the ready queue `ready`.
fn run_first(vm: &Vm, st: &State, ready: &Value, n: i64) -> PyResult<()> {
    let a = std::slice::from_ref(ready);
    for _ in 0..n {
        let Some(entry) = queue(vm, a, |q| q.items.borrow_mut().pop_front())? else { break };
        match &entry {
            Entry::Task(t) => t.run(vm, st)?,
            Entry::Alarm(timer) => super::alarm::ring_alarm(vm, st, timer)?,
            Entry::Call(call) => call.run(vm, st)?,
            Entry::Handle(Value::Instance(h)) if runs_natively(vm, st, h) => {
                if !super::future::flag(h, SLOT_CANCELLED) {
                    handle::run(vm, st, h)?;
                }
            }
            Entry::Handle(other) => {
                if !vm.truthy(&vm.get_attr(other, &vm.intern("_cancelled"))?)? {
                    vm.call_method(other, "_run", &[])?;
                }
            }
        }
    }
    Ok(())
}

/// Whether `h` is a Handle whose `_run` is the native one.
fn runs_natively(vm: &Vm, st: &State, h: &Instance) -> bool {
    let class = h.class();
    if Rc::ptr_eq(&class, &st.handle_class) {
        return true;
    }
    class.is_subclass(&st.handle_class)
        && h.slots.borrow().len() >= HANDLE_SLOTS
        && matches!(class.lookup(&vm.intern("_run")), Some(Value::Builtin(b)) if crate::builtins::is_native(&b, handle::run_method))
}
