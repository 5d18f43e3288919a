//! The loop's timers: a list of TimerHandles kept as a binary heap by
//! deadline (`_when`), natively. It was a heap of `(when, handle)` tuples
//! managed with `heapq` from Python: a tuple per timer, and Python code for
//! each timer that came due.
//!
//! A sleep's timer is the sleep itself (a `Sleep`, src/aio/alarm.rs),
//! which sits in the heap beside the TimerHandles.
//!
//! The sifting is heapq's own (CPython's `heapq` module, which CPython's
//! loop uses on its handles), so timers due at the same time come out in
//! the same order as there. The list stays an ordinary list, visible to
//! the cycle collector.

use super::handle::SLOT_CANCELLED;
use super::timer::{SLOT_SCHEDULED, SLOT_WHEN, TIMER_SLOTS};
use super::{future::flag, set_slot, slot, state};
use crate::compile::ir::CmpOp;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// A timer's deadline as a number, when it is one.
fn deadline(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(f.get()),
        Value::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// The deadline of a TimerHandle or a sleep.
fn when_of(t: &Value) -> Value {
    match t {
        Value::Instance(i) => slot(i, SLOT_WHEN),
        other => super::alarm::with_sleep(other, |s| Value::float(s.when)).unwrap_or(Value::None),
    }
}

/// Whether a timer in the heap was cancelled; it is no longer scheduled
/// once taken out.
fn is_cancelled(t: &Value) -> bool {
    match t {
        Value::Instance(i) => flag(i, SLOT_CANCELLED),
        other => super::alarm::with_sleep(other, |s| s.timer_cancelled()).unwrap_or(false),
    }
}

fn unschedule(vm: &Vm, t: &Value) -> PyResult<()> {
    match t {
        Value::Instance(_) => set_slot(timer_of(vm, t)?, SLOT_SCHEDULED, Value::bool(false)),
        other => {
            super::alarm::with_sleep(other, |s| s.scheduled.set(false)).ok_or_else(|| not_a_timer(vm))?;
        }
    }
    Ok(())
}

fn not_a_timer(vm: &Vm) -> PyErr {
    vm.type_error("the timer heap holds TimerHandles")
}

/// `_timer_deadline(timer)`: when a timer of the heap is due.
pub fn deadline_of(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([timer], []) = crate::sig!("_timer_deadline", "timer, /").bind(vm, a, kw)?;
    Ok(when_of(timer))
}

/// Whether timer `a` is due before timer `b`.
fn earlier(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (x, y) = (when_of(a), when_of(b));
    match (deadline(&x), deadline(&y)) {
        (Some(x), Some(y)) => Ok(x < y),
        _ => {
            let r = vm.rich_compare(&x, &y, CmpOp::Lt)?;
            vm.truthy(&r)
        }
    }
}

fn changed(vm: &Vm) -> PyErr {
    vm.runtime_error("the timer heap changed size during an operation")
}

/// heapq's `_siftdown`: the item at `pos` rises towards `start`.
fn rise(vm: &Vm, heap: &List, start: usize, mut pos: usize) -> PyResult<()> {
    let item = heap.items.borrow().get(pos).cloned().ok_or_else(|| changed(vm))?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = heap.items.borrow().get(parent_pos).cloned().ok_or_else(|| changed(vm))?;
        if !earlier(vm, &item, &parent)? {
            break;
        }
        *heap.items.borrow_mut().get_mut(pos).ok_or_else(|| changed(vm))? = parent;
        pos = parent_pos;
    }
    *heap.items.borrow_mut().get_mut(pos).ok_or_else(|| changed(vm))? = item;
    Ok(())
}

/// heapq's `_siftup`: the item at `pos` goes down to a leaf along the
/// smaller children, then rises back to its place.
fn sink(vm: &Vm, heap: &List, pos: usize) -> PyResult<()> {
    let end = heap.items.borrow().len();
    let (start, mut pos) = (pos, pos);
    let item = heap.items.borrow().get(pos).cloned().ok_or_else(|| changed(vm))?;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (c, r) = {
                let items = heap.items.borrow();
                (items.get(child).cloned(), items.get(right).cloned())
            };
            let (Some(c), Some(r)) = (c, r) else { return Err(changed(vm)) };
            if !earlier(vm, &c, &r)? {
                child = right;
            }
        }
        let moved = heap.items.borrow().get(child).cloned().ok_or_else(|| changed(vm))?;
        *heap.items.borrow_mut().get_mut(pos).ok_or_else(|| changed(vm))? = moved;
        pos = child;
        child = 2 * pos + 1;
    }
    *heap.items.borrow_mut().get_mut(pos).ok_or_else(|| changed(vm))? = item;
    rise(vm, heap, start, pos)
}

pub fn push(vm: &Vm, heap: &List, timer: Value) -> PyResult<()> {
    let last = {
        let mut items = heap.items.borrow_mut();
        items.push(timer);
        items.len() - 1
    };
    rise(vm, heap, 0, last)
}

fn pop(vm: &Vm, heap: &List) -> PyResult<Option<Value>> {
    let Some(last) = heap.items.borrow_mut().pop() else { return Ok(None) };
    let top = match heap.items.borrow_mut().first_mut() {
        Some(first) => std::mem::replace(first, last),
        None => return Ok(Some(last)),
    };
    sink(vm, heap, 0)?;
    Ok(Some(top))
}

fn timer_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Rc<Instance>> {
    match v {
        Value::Instance(i) if i.slots.borrow().len() >= TIMER_SLOTS => Ok(i),
        _ => Err(not_a_timer(vm)),
    }
}

fn list_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a Rc<List>> {
    match v {
        Value::List(l) => Ok(l),
        _ => Err(vm.type_error(format!("{what}() takes the loop's timer list"))),
    }
}

/// `_pop_due_timers(timers, horizon, ready)`: moves the timers due before
/// `horizon` onto the ready queue, earliest first, as no longer
/// scheduled; returns how many of them were cancelled.
pub fn pop_due(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([timers, horizon, ready], []) = crate::sig!("_pop_due_timers", "timers, horizon, ready, /").bind(vm, a, kw)?;
    let heap = list_arg(vm, timers, "_pop_due_timers")?;
    let horizon = deadline(horizon).ok_or_else(|| vm.type_error("_pop_due_timers() takes a float horizon"))?;
    let mut cancelled = 0;
    loop {
        let due = heap.items.borrow().first().is_some_and(|t| deadline(&when_of(t)).is_some_and(|w| w < horizon));
        if !due {
            break;
        }
        let Some(timer) = pop(vm, heap)? else { break };
        unschedule(vm, &timer)?;
        if is_cancelled(&timer) {
            cancelled += 1;
        }
        super::ready::enqueue(vm, ready, timer)?;
    }
    Ok(Value::Int(cancelled))
}

/// `_drop_cancelled_timers(timers)`: takes the cancelled timers off the
/// top of the heap, as no longer scheduled; returns how many.
pub fn drop_cancelled(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([timers], []) = crate::sig!("_drop_cancelled_timers", "timers, /").bind(vm, a, kw)?;
    let heap = list_arg(vm, timers, "_drop_cancelled_timers")?;
    let mut dropped = 0;
    loop {
        let top_cancelled = heap.items.borrow().first().is_some_and(is_cancelled);
        if !top_cancelled {
            break;
        }
        let Some(timer) = pop(vm, heap)? else { break };
        unschedule(vm, &timer)?;
        dropped += 1;
    }
    Ok(Value::Int(dropped))
}

/// `_compact_timers(timers)`: keeps the timers not cancelled, in a heap
/// again; the others are no longer scheduled.
pub fn compact(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([timers], []) = crate::sig!("_compact_timers", "timers, /").bind(vm, a, kw)?;
    let heap = list_arg(vm, timers, "_compact_timers")?;
    let all = std::mem::take(&mut *heap.items.borrow_mut());
    let mut live = Vec::with_capacity(all.len());
    for timer in all {
        if is_cancelled(&timer) {
            unschedule(vm, &timer)?;
        } else {
            live.push(timer);
        }
    }
    let n = live.len();
    *heap.items.borrow_mut() = live;
    for pos in (0..n / 2).rev() {
        sink(vm, heap, pos)?;
    }
    Ok(Value::None)
}

/// The loop's timer list, for `call_at`.
pub fn loop_timers(vm: &Vm, lp: &Value) -> PyResult<Rc<List>> {
    let st = state(vm)?;
    match vm.get_attr_at(lp, &st.names.timers)? {
        Value::List(l) => Ok(l),
        _ => Err(vm.type_error("the loop's _timers is not a list")),
    }
}
