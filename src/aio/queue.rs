//! The synchronous methods of `asyncio.Queue`, native: `qsize`, `empty`,
//! `full`, `put_nowait`, `get_nowait` and the storage hooks `_put` and
//! `_get`, which `put()` and `get()` (Python coroutines in
//! stdlib/asyncio/queues.py) call for every item. In Python they were
//! several frames per item.
//!
//! They do what CPython's Queue does, step by step: each calls the others
//! through the instance (`self.full()`, `self._put(item)`, ...), so a
//! subclass that overrides one (PriorityQueue's `_put`, a `full()` of its
//! own) is honoured; only a method that is still the native one is run
//! in place.

use super::{fifo, future, state, State};
use crate::compile::ir::CmpOp;
use super::sync::{AfterWait, Ended};
use crate::eval::awaited::Shortcut;
use crate::eval::Vm;
use crate::runtime::int::ArithOp;
use crate::runtime::object::*;
use crate::compile::ir::AttrSite;
use crate::runtime::value::Value;
use std::rc::Rc;

/// The attributes of a Queue the methods read and write, each a cached
/// site as in compiled code: a field is one probe of the instance dict,
/// and "is `full` still the native method" one check of the site's cache.
pub struct QueueNames {
    queue: Box<AttrSite>,
    maxsize: Box<AttrSite>,
    getters: Box<AttrSite>,
    putters: Box<AttrSite>,
    unfinished: Box<AttrSite>,
    unfinished_store: Box<AttrSite>,
    all_done: Box<AttrSite>,
    qsize: Box<AttrSite>,
    empty: Box<AttrSite>,
    full: Box<AttrSite>,
    put: Box<AttrSite>,
    get: Box<AttrSite>,
    put_nowait: Box<AttrSite>,
    get_nowait: Box<AttrSite>,
}

impl QueueNames {
    pub fn new(vm: &Vm) -> QueueNames {
        let site = |name: &str| AttrSite::new(vm.intern(name));
        QueueNames {
            queue: site("_queue"),
            maxsize: site("_maxsize"),
            getters: site("_getters"),
            putters: site("_putters"),
            unfinished: site("_unfinished"),
            unfinished_store: site("_unfinished"),
            all_done: site("_all_done"),
            qsize: site("qsize"),
            empty: site("empty"),
            full: site("full"),
            put: site("_put"),
            get: site("_get"),
            put_nowait: site("put_nowait"),
            get_nowait: site("get_nowait"),
        }
    }
}

/// The methods, as `_asyncio` exports them for the Python class.
pub const METHODS: [(&str, &str, NativeFn); 7] = [
    ("_queue_qsize", "qsize", qsize),
    ("_queue_empty", "empty", empty),
    ("_queue_full", "full", full),
    ("_queue_put_nowait", "put_nowait", put_nowait),
    ("_queue_get_nowait", "get_nowait", get_nowait),
    ("_queue_put", "_put", put_item),
    ("_queue_get", "_get", get_item),
];

fn call(vm: &Vm, obj: &Value, site: &AttrSite, args: &[Value]) -> PyResult<Value> {
    let m = vm.get_attr_at(obj, site)?;
    vm.call(&m, args, &[])
}

fn names(vm: &Vm) -> PyResult<Rc<State>> {
    state(vm)
}

fn size_of(vm: &Vm, st: &State, q: &Value) -> PyResult<usize> {
    let storage = vm.get_attr_at(q, &st.queue_names.queue)?;
    match fifo::len_of(vm, &storage) {
        Some(n) => Ok(n),
        None => vm.len(&storage),
    }
}

/// `self.qsize()`.
fn qsize_of(vm: &Vm, st: &State, q: &Value) -> PyResult<Value> {
    if super::is_native_at(vm, q, &st.queue_names.qsize, qsize) {
        return Ok(Value::Int(size_of(vm, st, q)? as i64));
    }
    call(vm, q, &st.queue_names.qsize, &[])
}

/// `self.empty()`.
fn is_empty(vm: &Vm, st: &State, q: &Value) -> PyResult<bool> {
    if super::is_native_at(vm, q, &st.queue_names.empty, empty) {
        return storage_empty(vm, st, q);
    }
    let r = call(vm, q, &st.queue_names.empty, &[])?;
    vm.truthy(&r)
}

/// What the native `empty()` answers: whether `self._queue` is empty.
fn storage_empty(vm: &Vm, st: &State, q: &Value) -> PyResult<bool> {
    let storage = vm.get_attr_at(q, &st.queue_names.queue)?;
    match fifo::len_of(vm, &storage) {
        Some(n) => Ok(n == 0),
        None => Ok(!vm.truthy(&storage)?),
    }
}

/// `self.full()`.
fn is_full(vm: &Vm, st: &State, q: &Value) -> PyResult<bool> {
    if !super::is_native_at(vm, q, &st.queue_names.full, full) {
        let r = call(vm, q, &st.queue_names.full, &[])?;
        return vm.truthy(&r);
    }
    full_natively(vm, st, q)
}

/// What the native `full()` answers, in ints where it can.
fn full_natively(vm: &Vm, st: &State, q: &Value) -> PyResult<bool> {
    let maxsize = vm.get_attr_at(q, &st.queue_names.maxsize)?;
    let unbounded = match maxsize {
        Value::Int(n) => n <= 0,
        ref m => vm.truthy(&vm.rich_compare(m, &Value::Int(0), CmpOp::Le)?)?,
    };
    if unbounded {
        return Ok(false);
    }
    let size = qsize_of(vm, st, q)?;
    match (&size, &maxsize) {
        (Value::Int(s), Value::Int(m)) => Ok(s >= m),
        _ => vm.truthy(&vm.rich_compare(&size, &maxsize, CmpOp::Ge)?),
    }
}

fn qsize(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([q], []) = crate::sig!("Queue.qsize", "$self, /").bind(vm, a, kw)?;
    let st = names(vm)?;
    Ok(Value::Int(size_of(vm, &st, q)? as i64))
}

fn empty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([q], []) = crate::sig!("Queue.empty", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(storage_empty(vm, &*names(vm)?, q)?))
}

fn full(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([q], []) = crate::sig!("Queue.full", "$self, /").bind(vm, a, kw)?;
    let st = names(vm)?;
    // Run as the method itself, whatever the instance has.
    let maxsize = vm.get_attr_at(q, &st.queue_names.maxsize)?;
    if vm.truthy(&vm.rich_compare(&maxsize, &Value::Int(0), CmpOp::Le)?)? {
        return Ok(Value::bool(false));
    }
    let size = qsize_of(vm, &st, q)?;
    vm.rich_compare(&size, &maxsize, CmpOp::Ge)
}

/// `self._put(item)`: appended to `self._queue`.
fn put_item(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([q, item], []) = crate::sig!("Queue._put", "$self, item, /").bind(vm, a, kw)?;
    let st = names(vm)?;
    append(vm, &st, q, item.clone())?;
    Ok(Value::None)
}

fn append(vm: &Vm, st: &State, q: &Value, item: Value) -> PyResult<()> {
    let storage = vm.get_attr_at(q, &st.queue_names.queue)?;
    if let Err(item) = fifo::push(vm, &storage, item) {
        vm.call_method(&storage, "append", &[item])?;
    }
    Ok(())
}

/// `self._get()`: the first item of `self._queue`.
fn get_item(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([q], []) = crate::sig!("Queue._get", "$self, /").bind(vm, a, kw)?;
    let st = names(vm)?;
    take(vm, &st, q)
}

fn take(vm: &Vm, st: &State, q: &Value) -> PyResult<Value> {
    let storage = vm.get_attr_at(q, &st.queue_names.queue)?;
    match fifo::pop_first(vm, &storage) {
        Some(item) => Ok(item),
        None => vm.call_method(&storage, "popleft", &[]),
    }
}

fn queue_error(vm: &Vm, name: &str) -> PyErr {
    let class = vm.import_module("asyncio.queues").and_then(|m| vm.get_attr(&m, &vm.intern(name)));
    match class {
        Ok(Value::Class(c)) => vm.new_exc(&c, Vec::new()),
        Ok(_) => vm.type_error(format!("asyncio.queues.{name} is not a class")),
        Err(e) => e,
    }
}

fn put_nowait(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([q, item], []) = crate::sig!("Queue.put_nowait", "$self, item, /").bind(vm, a, kw)?;
    let st = names(vm)?;
    let n = &st.queue_names;
    if is_full(vm, &st, q)? {
        return Err(queue_error(vm, "QueueFull"));
    }
    if super::is_native_at(vm, q, &n.put, put_item) {
        append(vm, &st, q, item.clone())?;
    } else {
        call(vm, q, &n.put, &[item.clone()])?;
    }
    let unfinished = vm.get_attr_at(q, &n.unfinished)?;
    let more = match unfinished {
        Value::Int(u) if u < i64::MAX => Value::Int(u + 1),
        other => vm.binary_op(crate::compile::ir::BinOp::Arith(ArithOp::Add), other, Value::Int(1))?,
    };
    vm.set_attr_at(q, &n.unfinished_store, more)?;
    let all_done = vm.get_attr_at(q, &n.all_done)?;
    super::sync::clear_event(vm, &st, &all_done)?;
    let getters = vm.get_attr_at(q, &n.getters)?;
    wake_one(vm, &st, &getters)?;
    Ok(Value::None)
}

fn get_nowait(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([q], []) = crate::sig!("Queue.get_nowait", "$self, /").bind(vm, a, kw)?;
    let st = names(vm)?;
    let n = &st.queue_names;
    if is_empty(vm, &st, q)? {
        return Err(queue_error(vm, "QueueEmpty"));
    }
    let item = if super::is_native_at(vm, q, &n.get, get_item) { take(vm, &st, q)? } else { call(vm, q, &n.get, &[])? };
    let putters = vm.get_attr_at(q, &n.putters)?;
    wake_one(vm, &st, &putters)?;
    Ok(item)
}

/// `await queue.get()` with an item there (the native `empty()` says so):
/// the body's `return self.get_nowait()`.
pub fn get_shortcut(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let [q] = args else { return Ok(Shortcut::Decline) };
    let st = names(vm)?;
    let n = &st.queue_names;
    if !super::is_native_at(vm, q, &n.empty, empty) {
        return Ok(Shortcut::Decline);
    }
    if storage_empty(vm, &st, q)? {
        return wait(vm, &st, q, None);
    }
    Ok(Shortcut::Done(get_nowait_of(vm, &st, q)?))
}

/// `await queue.put(item)` with room (the native `full()` says so): the
/// body's `return self.put_nowait(item)`.
pub fn put_shortcut(vm: &Vm, args: &[Value]) -> PyResult<Shortcut> {
    let [q, item] = args else { return Ok(Shortcut::Decline) };
    let st = names(vm)?;
    let n = &st.queue_names;
    if !super::is_native_at(vm, q, &n.full, full) {
        return Ok(Shortcut::Decline);
    }
    if full_natively(vm, &st, q)? {
        return wait(vm, &st, q, Some(item.clone()));
    }
    Ok(Shortcut::Done(put_nowait_of(vm, &st, q, item)?))
}

/// `get()` on an empty queue, `put(item)` on a full one: a future joins
/// `_getters` (`_putters`) and the await of it goes on as the body's loop.
fn wait(vm: &Vm, st: &State, q: &Value, put: Option<Value>) -> PyResult<Shortcut> {
    let n = &st.queue_names;
    let waiters = vm.get_attr_at(q, if put.is_some() { &n.putters } else { &n.getters })?;
    if fifo::len_of(vm, &waiters).is_none() {
        return Ok(Shortcut::Decline);
    }
    let Some(fut) = super::sync::join_line(vm, st, q, &waiters)? else { return Ok(Shortcut::Decline) };
    let after = AfterWait::Queue(QueueWait { queue: q.clone(), waiters, put });
    Ok(Shortcut::Await(future::waiting_iter(vm, fut, after)))
}

/// `self.get_nowait()`.
fn get_nowait_of(vm: &Vm, st: &State, q: &Value) -> PyResult<Value> {
    if super::is_native_at(vm, q, &st.queue_names.get_nowait, get_nowait) {
        return get_nowait(vm, std::slice::from_ref(q), &[]);
    }
    call(vm, q, &st.queue_names.get_nowait, &[])
}

/// `self.put_nowait(item)`.
fn put_nowait_of(vm: &Vm, st: &State, q: &Value, item: &Value) -> PyResult<Value> {
    if super::is_native_at(vm, q, &st.queue_names.put_nowait, put_nowait) {
        return put_nowait(vm, &[q.clone(), item.clone()], &[]);
    }
    call(vm, q, &st.queue_names.put_nowait, &[item.clone()])
}

/// A native `get()`/`put(item)` waiting for an item or for room.
pub struct QueueWait {
    queue: Value,
    waiters: Value,
    /// The item of a `put()`.
    put: Option<Value>,
}

impl QueueWait {
    /// After `await waiter`: `while self.empty()` (`self.full()`) waits
    /// again; then `return self.get_nowait()` (`self.put_nowait(item)`).
    pub fn finish(&self, vm: &Vm, fut: &Value, outcome: PyResult<Value>) -> PyResult<Ended> {
        let st = names(vm)?;
        if let Err(e) = outcome {
            self.give_up(vm, fut)?;
            return Err(e);
        }
        let q = &self.queue;
        let blocked = match &self.put {
            Some(_) => is_full(vm, &st, q)?,
            None => is_empty(vm, &st, q)?,
        };
        if blocked {
            let Some(next) = super::sync::join_line(vm, &st, q, &self.waiters)? else {
                return Err(vm.runtime_error("the event loop's create_future() changed during a queue wait"));
            };
            return Ok(Ended::WaitAgain(next));
        }
        let v = match &self.put {
            Some(item) => put_nowait_of(vm, &st, q, item)?,
            None => get_nowait_of(vm, &st, q)?,
        };
        Ok(Ended::Value(v))
    }

    /// The wait ended with an exception (or was closed): the body's
    /// `self._given_up(waiters, waiter, self.empty)` (`self.full`).
    pub fn give_up(&self, vm: &Vm, fut: &Value) -> PyResult<()> {
        let check = vm.get_attr(&self.queue, &vm.intern(if self.put.is_some() { "full" } else { "empty" }))?;
        vm.call_method(&self.queue, "_given_up", &[self.waiters.clone(), fut.clone(), check]).map(drop)
    }
}

/// `_wake_one(waiters)`: the first waiter still waiting gets None.
pub fn wake_one_fn(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([waiters], []) = crate::sig!("_wake_one", "waiters, /").bind(vm, a, kw)?;
    wake_one(vm, &*state(vm)?, waiters)?;
    Ok(Value::None)
}

fn wake_one(vm: &Vm, st: &State, waiters: &Value) -> PyResult<()> {
    loop {
        let waiter = match fifo::len_of(vm, waiters) {
            Some(0) => return Ok(()),
            Some(_) => fifo::pop_first(vm, waiters).unwrap_or(Value::None),
            None if !vm.truthy(waiters)? => return Ok(()),
            None => vm.call_method(waiters, "popleft", &[])?,
        };
        match &waiter {
            Value::Instance(f) if Rc::ptr_eq(&f.class(), &st.future_class) => {
                if future::phase(f) == future::Phase::Pending {
                    return future::set_result_of(vm, st, f, Value::None);
                }
            }
            _ => {
                let done = vm.call_method(&waiter, "done", &[])?;
                if !vm.truthy(&done)? {
                    vm.call_method(&waiter, "set_result", &[Value::None])?;
                    return Ok(());
                }
            }
        }
    }
}
