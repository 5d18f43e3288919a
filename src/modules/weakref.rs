//! `_weakref`: weak references for `stdlib/weakref.py`. A handle holds an
//! `rc::Weak` to the referent, so it neither keeps the object alive nor
//! dangles: `get` gives the object back while something else holds it,
//! and None after it has been freed (by reference counting or by the
//! cycle collector).
//!
//! Objects are freed without a hook into Python code, so weak reference
//! callbacks and `weakref.finalize` do not run when the referent dies
//! (stdlib/README.md says so); everything else is CPython's.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "new", new);
    def(vm, d, "get", get);
    Ok(())
}

/// The referent, weakly. Only the kinds of object CPython lets one refer to
/// weakly (instances, functions, classes, sets, modules, generators,
/// bound methods).
enum WeakValue {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Class(Weak<Class>),
    Set(Weak<Set>),
    FrozenSet(Weak<Set>),
    Module(Weak<Module>),
    Generator(Weak<Generator>),
    Method(Weak<Method>),
}

impl WeakValue {
    fn of(v: &Value) -> Option<WeakValue> {
        Some(match v {
            Value::Instance(o) => WeakValue::Instance(Rc::downgrade(o)),
            Value::Function(o) => WeakValue::Function(Rc::downgrade(o)),
            Value::Class(o) => WeakValue::Class(Rc::downgrade(o)),
            Value::Set(o) => WeakValue::Set(Rc::downgrade(o)),
            Value::FrozenSet(o) => WeakValue::FrozenSet(Rc::downgrade(o)),
            Value::Module(o) => WeakValue::Module(Rc::downgrade(o)),
            Value::Generator(o) => WeakValue::Generator(Rc::downgrade(o)),
            Value::Method(o) => WeakValue::Method(Rc::downgrade(o)),
            _ => return None,
        })
    }

    fn upgrade(&self) -> Option<Value> {
        match self {
            WeakValue::Instance(w) => w.upgrade().map(Value::Instance),
            WeakValue::Function(w) => w.upgrade().map(Value::Function),
            WeakValue::Class(w) => w.upgrade().map(Value::Class),
            WeakValue::Set(w) => w.upgrade().map(Value::Set),
            WeakValue::FrozenSet(w) => w.upgrade().map(Value::FrozenSet),
            WeakValue::Module(w) => w.upgrade().map(Value::Module),
            WeakValue::Generator(w) => w.upgrade().map(|g| Value::Generator(GenRef(g))),
            WeakValue::Method(w) => w.upgrade().map(Value::Method),
        }
    }
}

/// `new(obj)`: a handle to `obj`, or TypeError for objects that cannot be
/// referred to weakly (ints, strings, lists, dicts, tuples, ...).
fn new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([object], []) = crate::sig!("new", "object, /").bind(vm, a, kw)?;
    match WeakValue::of(object) {
        Some(w) => Ok(Value::Native(Rc::new(NativeObj {
            class: vm.iterator_class("_weakref.handle"),
            data: RefCell::new(Box::new(w)),
        }))),
        None => Err(vm.type_error(format!("cannot create weak reference to '{}' object", vm.type_name(object).as_str()))),
    }
}

/// `get(handle)`: the referent while it is alive, else None.
fn get(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([weak], []) = crate::sig!("get", "ref, /").bind(vm, a, kw)?;
    if let Value::Native(n) = weak {
        if let Some(w) = n.data.borrow().downcast_ref::<WeakValue>() {
            return Ok(w.upgrade().unwrap_or(Value::None));
        }
    }
    Err(vm.type_error("expected a weak reference handle"))
}
