//! `_queue`: `SimpleQueue`, the unbounded FIFO that threads hand items
//! through (`queue.SimpleQueue`; the thread pool of `concurrent.futures`
//! feeds its workers with one), and `Empty`.
//!
//! The items are interpreter values, touched only by the thread holding
//! the GIL. How many of them no getter has claimed yet is mirrored in a
//! counter behind a mutex, which is what a getter waits on with the GIL
//! released: it claims an item there, then takes the GIL back and pops
//! the front of the queue. Every claimed item is still in the queue when
//! its getter comes to pop, since only a claim lets anyone pop.

use crate::builtins::methods;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use super::thread::Waitable;
use std::sync::Arc;
use std::time::{Duration, Instant};

const SIMPLE_QUEUE: &str = "_queue.SimpleQueue";

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let class = new_class(&vm.interner, "SimpleQueue", Some(&vm.types.object), Layout::Value, None);
    methods(
        vm,
        &class,
        SIMPLE_QUEUE,
        &[
            ("put", put),
            ("put_nowait", put_nowait),
            ("get", get),
            ("get_nowait", get_nowait),
            ("empty", empty),
            ("qsize", qsize),
        ],
    );
    crate::builtins::method_kind(vm, &class, "SimpleQueue", "__new__", new, BuiltinKind::StaticMethod);
    crate::builtins::method_kind(vm, &class, "SimpleQueue", "__class_getitem__", class_getitem, BuiltinKind::ClassMethod);
    class.dict.borrow_mut().set_str(vm.names.module.clone(), Value::str("_queue"));
    vm.types.iterators.borrow_mut().insert(SIMPLE_QUEUE, class.clone());
    d.set_str(vm.intern("SimpleQueue"), Value::Class(class));
    Ok(())
}

/// `Empty`, written in Python so that it is an ordinary exception class.
pub const PRELUDE: &str = r#"
class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
"#;

/// How many items no getter has claimed yet, which getters wait on.
#[derive(Default)]
struct Unclaimed(Waitable<usize>);

impl Unclaimed {
    fn add(&self) {
        self.0.change(|n| {
            *n += 1;
            true
        });
    }

    fn try_claim(&self) -> bool {
        self.0.with(|n| match *n {
            0 => false,
            _ => {
                *n -= 1;
                true
            }
        })
    }

    /// Waits for an item to claim, until `deadline` if there is one.
    fn claim_until(&self, deadline: Option<Instant>) -> bool {
        self.0.wait(deadline, |n| *n == 0, |n| *n -= 1)
    }
}

struct SimpleQueue {
    items: RefCell<VecDeque<Value>>,
    unclaimed: Arc<Unclaimed>,
}

/// `SimpleQueue()`; an instance of a subclass carries the queue as its
/// builtin value.
fn new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], []) = crate::sig!("SimpleQueue", "$type, /").bind(vm, a, kw)?;
    let base = vm.iterator_class(SIMPLE_QUEUE);
    let q = SimpleQueue { items: RefCell::new(VecDeque::new()), unclaimed: Arc::default() };
    let queue = Value::Native(Rc::new(NativeObj { class: base.clone(), data: RefCell::new(Box::new(q)) }));
    match cls {
        Value::Class(c) if !Rc::ptr_eq(c, &base) && c.is_subclass(&base) => Ok(Value::Instance(vm.instance_with(c, Payload::Value(queue)))),
        _ => Ok(queue),
    }
}

fn class_getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls, item], []) = crate::sig!("SimpleQueue.__class_getitem__", "$type, item, /").bind(vm, a, kw)?;
    Ok(vm.generic_alias(cls.clone(), item))
}

fn with_queue<R>(vm: &Vm, a: &[Value], name: &str, f: impl FnOnce(&SimpleQueue) -> R) -> PyResult<R> {
    if let Some(Value::Native(n)) = a.first().map(Value::builtin_base) {
        if let Some(q) = n.data.borrow().downcast_ref::<SimpleQueue>() {
            return Ok(f(q));
        }
    }
    Err(match a.first() {
        None => vm.type_error(format!("descriptor '{name}' of '_queue.SimpleQueue' object needs an argument")),
        Some(v) => vm.type_error(format!(
            "descriptor '{name}' for '_queue.SimpleQueue' objects doesn't apply to a '{}' object",
            vm.type_name(v).as_str()
        )),
    })
}

fn push(vm: &Vm, a: &[Value], name: &str, item: &Value) -> PyResult<Value> {
    with_queue(vm, a, name, |q| {
        q.items.borrow_mut().push_back(item.clone());
        q.unclaimed.add();
    })?;
    Ok(Value::None)
}

/// `put(item, block=True, timeout=None)`: never blocks (the queue has no
/// bound); the other arguments are accepted for `Queue`'s signature.
fn put(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, item], [_, _]) = crate::sig!("SimpleQueue.put", "$self, item, block=True, timeout=None").bind(vm, a, kw)?;
    push(vm, a, "put", item)
}

fn put_nowait(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, item], []) = crate::sig!("SimpleQueue.put_nowait", "$self, item").bind(vm, a, kw)?;
    push(vm, a, "put_nowait", item)
}

/// `get(block=True, timeout=None)`: waits with the GIL released.
fn get(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [block, timeout]) = crate::sig!("SimpleQueue.get", "$self, block=True, timeout=None").bind(vm, a, kw)?;
    let block = match block {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let deadline = match timeout {
        Some(t) if block && !t.is_none() => {
            let secs = timeout_seconds(vm, t)?;
            if secs < 0.0 {
                return Err(vm.value_error("'timeout' must be a non-negative number"));
            }
            Instant::now().checked_add(Duration::from_secs_f64(secs))
        }
        _ => None,
    };
    take(vm, a, "get", block, deadline)
}

/// A timeout in seconds, within what CPython's clock arithmetic accepts
/// (nanoseconds in 64 bits), with its errors.
fn timeout_seconds(vm: &Vm, t: &Value) -> PyResult<f64> {
    const LIMIT: f64 = i64::MAX as f64 / 1e9;
    let secs = match t {
        Value::Float(f) => f.get(),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let secs = vm.to_float(t).unwrap_or(f64::INFINITY);
            if secs.abs() > LIMIT {
                return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
            }
            secs
        }
        other => {
            return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(other).as_str())));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs.abs() > LIMIT {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(secs)
}

fn get_nowait(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("SimpleQueue.get_nowait", "$self, /").bind(vm, a, kw)?;
    take(vm, a, "get_nowait", false, None)
}

fn take(vm: &Vm, a: &[Value], name: &str, block: bool, deadline: Option<Instant>) -> PyResult<Value> {
    let unclaimed = with_queue(vm, a, name, |q| q.unclaimed.clone())?;
    let claimed = unclaimed.try_claim() || (block && vm.allow_threads(move || unclaimed.claim_until(deadline)));
    if !claimed {
        return Err(empty_error(vm));
    }
    with_queue(vm, a, name, |q| q.items.borrow_mut().pop_front())?.ok_or_else(|| vm.runtime_error("SimpleQueue lost an item"))
}

#[cold]
fn empty_error(vm: &Vm) -> PyErr {
    let class = vm.import_module("_queue").ok().and_then(|m| vm.get_attr(&m, &vm.intern("Empty")).ok());
    match class {
        Some(Value::Class(c)) => vm.new_exc(&c, Vec::new()),
        _ => vm.runtime_error("_queue.Empty is missing"),
    }
}

fn empty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("SimpleQueue.empty", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(with_queue(vm, a, "empty", |q| q.items.borrow().is_empty())?))
}

fn qsize(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("SimpleQueue.qsize", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Int(with_queue(vm, a, "qsize", |q| q.items.borrow().len())? as i64))
}
