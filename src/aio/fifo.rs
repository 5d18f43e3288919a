//! `_asyncio.Fifo`: the first-in first-out sequence asyncio's queues and
//! synchronisation primitives keep their items and waiting futures in,
//! where CPython uses `collections.deque` (which is C there and Python
//! here: a deque operation cost a Python call or two, several per
//! `Queue.put`/`get` and per lock hand-over).
//!
//! The items live in a list held in a slot, so the cycle collector sees
//! them: a Fifo of futures is often part of a cycle (lock, waiting task,
//! its coroutine frame, the lock). The front is a head index into that
//! list; `popleft` clears the entry and moves the head, and the used-up
//! front is cut off once it is more than half of the list.

use super::set_slot;
use crate::eval::Vm;
use crate::runtime::iter::IterState;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

const SLOT_ITEMS: usize = 0;
const SLOT_HEAD: usize = 1;
const FIFO_SLOTS: usize = 2;
/// A used-up front shorter than this is left in place.
const MIN_CUT: usize = 16;

pub fn make_class(vm: &Vm) -> Rc<Class> {
    let c = super::slotted_class(vm, "Fifo", &vm.types.object, &["_items", "_head"], &[]);
    c.has_dict.set(false);
    crate::builtins::methods(
        vm,
        &c,
        "Fifo",
        &[
            ("__init__", fifo_init),
            ("append", append),
            ("popleft", popleft),
            ("remove", remove),
            ("clear", clear),
            ("__len__", len),
            ("__bool__", nonempty),
            ("__iter__", iter),
            ("__getitem__", getitem),
        ],
    );
    c
}

/// The list and the head of a Fifo receiver.
fn this(vm: &Vm, a: &[Value], method: &str) -> PyResult<(Rc<Instance>, Rc<List>, usize)> {
    if let Some(Value::Instance(f)) = a.first() {
        if let Some(parts) = parts(vm, f) {
            return Ok(parts);
        }
    }
    let class = super::state(vm)?.fifo_class.clone();
    let f = super::receiver(vm, a, &class, FIFO_SLOTS, method)?.clone();
    parts(vm, &f).ok_or_else(|| vm.type_error(format!("'{method}' of an uninitialised Fifo")))
}

/// The list and head of `f` if it is a Fifo.
fn parts(vm: &Vm, f: &Rc<Instance>) -> Option<(Rc<Instance>, Rc<List>, usize)> {
    let is_fifo = vm.aio.get().is_some_and(|st| f.class.borrow().is_subclass(&st.fifo_class));
    if !is_fifo {
        return None;
    }
    let slots = f.slots.borrow();
    let (Some(Some(Value::List(list))), Some(Some(Value::Int(head)))) = (slots.get(SLOT_ITEMS), slots.get(SLOT_HEAD)) else {
        return None;
    };
    Some((f.clone(), list.clone(), (*head).max(0) as usize))
}

/// The number of items of `v` if it is a Fifo.
pub fn len_of(vm: &Vm, v: &Value) -> Option<usize> {
    let Value::Instance(f) = v else { return None };
    let (_, list, head) = parts(vm, f)?;
    let n = list.items.borrow().len().saturating_sub(head);
    Some(n)
}

/// Appends to `v` if it is a Fifo; gives the item back otherwise.
pub fn push(vm: &Vm, v: &Value, item: Value) -> Result<(), Value> {
    let Value::Instance(f) = v else { return Err(item) };
    let Some((_, list, _)) = parts(vm, f) else { return Err(item) };
    list.items.borrow_mut().push(item);
    Ok(())
}

/// Whether every item of `v` passes `test`, if `v` is a Fifo.
pub fn all_items(vm: &Vm, v: &Value, test: impl FnMut(&Value) -> bool) -> Option<bool> {
    let Value::Instance(f) = v else { return None };
    let (_, list, head) = parts(vm, f)?;
    let all = list.items.borrow().iter().skip(head).all(test);
    Some(all)
}

/// `waiters.remove(item)`, natively when `waiters` is a Fifo.
pub fn remove_item(vm: &Vm, waiters: &Value, item: &Value) -> PyResult<()> {
    match waiters {
        Value::Instance(f) if parts(vm, f).is_some() => remove(vm, &[waiters.clone(), item.clone()], &[]).map(drop),
        _ => vm.call_method(waiters, "remove", std::slice::from_ref(item)).map(drop),
    }
}

/// Pops the first item of `v` if it is a non-empty Fifo.
pub fn pop_first(vm: &Vm, v: &Value) -> Option<Value> {
    let Value::Instance(f) = v else { return None };
    let (f, list, head) = parts(vm, f)?;
    take_first(&f, &list, head)
}

/// `Fifo()`: empty.
fn fifo_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Fifo", "$self, /").bind(vm, a, kw)?;
    let class = super::state(vm)?.fifo_class.clone();
    let f = super::receiver(vm, a, &class, FIFO_SLOTS, "__init__")?;
    set_slot(f, SLOT_ITEMS, Value::list(Vec::new()));
    set_slot(f, SLOT_HEAD, Value::Int(0));
    Ok(Value::None)
}

fn append(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, item], []) = crate::sig!("Fifo.append", "$self, item, /").bind(vm, a, kw)?;
    let (_, list, _) = this(vm, a, "append")?;
    list.items.borrow_mut().push(item.clone());
    Ok(Value::None)
}

fn popleft(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Fifo.popleft", "$self, /").bind(vm, a, kw)?;
    let (f, list, head) = this(vm, a, "popleft")?;
    take_first(&f, &list, head).ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn take_first(f: &Instance, list: &List, head: usize) -> Option<Value> {
    let mut items = list.items.borrow_mut();
    if head >= items.len() {
        return None;
    }
    let item = std::mem::replace(&mut items[head], Value::None);
    let head = head + 1;
    if head == items.len() {
        items.clear();
        drop(items);
        set_slot(f, SLOT_HEAD, Value::Int(0));
    } else if head >= MIN_CUT && 2 * head >= items.len() {
        items.drain(..head);
        drop(items);
        set_slot(f, SLOT_HEAD, Value::Int(0));
    } else {
        drop(items);
        set_slot(f, SLOT_HEAD, Value::Int(head as i64));
    }
    Some(item)
}

/// `remove(x)`: the first item that is `x` or equal to it. Comparing may
/// run Python code, so the items are compared on a copy, and a Fifo that
/// changed meanwhile is an error, as for a deque.
fn remove(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, target], []) = crate::sig!("Fifo.remove", "$self, value, /").bind(vm, a, kw)?;
    let (_, list, head) = this(vm, a, "remove")?;
    let same = list.items.borrow().iter().skip(head).position(|v| v.is(target));
    let at = match same {
        Some(i) => head + i,
        None => {
            let copy: Vec<Value> = list.items.borrow().iter().skip(head).cloned().collect();
            let mut found = None;
            for (i, v) in copy.iter().enumerate() {
                if vm.eq(v, target)? {
                    found = Some((head + i, v));
                    break;
                }
            }
            let Some((at, v)) = found else { return Err(vm.value_error("deque.remove(x): x not in deque")) };
            let (_, _, head_now) = this(vm, a, "remove")?;
            if at < head_now || !list.items.borrow().get(at).is_some_and(|now| now.is(v)) {
                return Err(vm.index_error("deque mutated during remove()."));
            }
            at
        }
    };
    let old = list.items.borrow_mut().remove(at);
    drop(old);
    Ok(Value::None)
}

fn clear(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Fifo.clear", "$self, /").bind(vm, a, kw)?;
    let (f, list, _) = this(vm, a, "clear")?;
    let old = std::mem::take(&mut *list.items.borrow_mut());
    set_slot(&f, SLOT_HEAD, Value::Int(0));
    drop(old);
    Ok(Value::None)
}

fn count(vm: &Vm, a: &[Value], method: &str) -> PyResult<usize> {
    let (_, list, head) = this(vm, a, method)?;
    let n = list.items.borrow().len().saturating_sub(head);
    Ok(n)
}

fn len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "Fifo.__len__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Int(count(vm, a, "__len__")? as i64))
}

fn nonempty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "Fifo.__bool__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(count(vm, a, "__bool__")? > 0))
}

/// Iterates over the list from the head, without a copy (`Lock.acquire`
/// looks at the first of hundreds of waiters). asyncio never changes a
/// Fifo while iterating over it; one that is changed meanwhile may show
/// an emptied place as None.
fn iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "Fifo.__iter__", "$self, /").bind(vm, a, kw)?;
    let (_, list, head) = this(vm, a, "__iter__")?;
    Ok(Value::Iter(Rc::new(NativeIter::new("fifo_iterator", IterState::Seq { seq: Value::List(list), pos: head }))))
}

fn getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, index], []) = crate::sig!(slot "Fifo.__getitem__", "$self, index, /").bind(vm, a, kw)?;
    let (_, list, head) = this(vm, a, "__getitem__")?;
    let Value::Int(i) = *index else { return Err(vm.type_error("sequence index must be integer, not a slice or other object")) };
    let items = list.items.borrow();
    let n = (items.len() - head.min(items.len())) as i64;
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(items[head + at as usize].clone())
}
