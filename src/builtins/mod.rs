//! The builtins namespace and the methods of the builtin types, one file
//! per type or family.

pub mod args;
pub mod bytes;
pub mod codecs;
pub mod escape_codecs;
pub mod dict;
pub mod exceptions;
pub mod functions;
pub mod generator;
pub mod list;
pub mod memoryview;
pub mod misc;
pub mod numbers;
pub mod object;
pub mod set;
pub mod str_format;
pub mod string;
pub mod unicode;
pub mod unicode_tables;
pub mod union;

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    object::install(vm);
    functions::install(vm);
    numbers::install(vm);
    string::install(vm);
    list::install(vm);
    dict::install(vm);
    set::install(vm);
    bytes::install(vm);
    exceptions::install(vm);
    misc::install(vm);
    union::install(vm);
    generator::install(vm);
    memoryview::install(vm);
    let t = &vm.types;
    for c in [
        &t.object, &t.type_, &t.int, &t.bool_, &t.float, &t.complex, &t.str_, &t.bytes, &t.bytearray, &t.list, &t.tuple,
        &t.dict, &t.set, &t.frozenset, &t.range, &t.slice, &t.property, &t.staticmethod, &t.classmethod, &t.super_,
    ] {
        vm.builtins.set_str(c.name(), Value::Class(c.clone()));
    }
    for (name, class) in &t.exceptions {
        vm.builtins.set_str(vm.intern(name), Value::Class(class.clone()));
    }
    vm.builtins.set_str(vm.intern("EnvironmentError"), Value::Class(t.exc("OSError")));
    vm.builtins.set_str(vm.intern("IOError"), Value::Class(t.exc("OSError")));
    vm.builtins.set_str(vm.intern("None"), Value::None);
    vm.builtins.set_str(vm.intern("Ellipsis"), Value::Ellipsis);
    vm.builtins.set_str(vm.intern("NotImplemented"), Value::NotImplemented);
    vm.builtins.set_str(vm.intern("__debug__"), Value::bool(true));
    vm.builtins.set_str(vm.intern("__name__"), Value::str("builtins"));
}

/// Whether `b` is the native function `f`.
pub fn is_native(b: &Builtin, f: NativeFn) -> bool {
    b.func as *const () == f as *const ()
}

/// Installs native methods on a builtin class.
pub fn methods(vm: &Vm, class: &Rc<Class>, owner: &'static str, table: &[(&'static str, NativeFn)]) {
    let mut d = class.dict.borrow_mut();
    for &(name, func) in table {
        let b = Builtin { name, func, kind: BuiltinKind::Method, bound: None, owner, owner_class: Some(Rc::downgrade(class)) };
        d.set_str(vm.intern(name), Value::Builtin(Rc::new(b)));
    }
}

/// Installs a native method of another kind (classmethod, staticmethod).
pub fn method_kind(vm: &Vm, class: &Rc<Class>, owner: &'static str, name: &'static str, func: NativeFn, kind: BuiltinKind) {
    let b = Builtin { name, func, kind, bound: None, owner, owner_class: Some(Rc::downgrade(class)) };
    class.dict.borrow_mut().set_str(vm.intern(name), Value::Builtin(Rc::new(b)));
}

/// A builtin function value (not bound to anything).
pub fn function(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin { name, func, kind: BuiltinKind::Function, bound: None, owner: "", owner_class: None }))
}

pub fn set_function(vm: &Vm, ns: &Dict, name: &'static str, func: NativeFn) {
    ns.set_str(vm.intern(name), function(name, func));
}

/// `__iter__` and `__next__` for native iterator classes.
pub fn iterator_methods(vm: &Vm, class: &Rc<Class>) {
    fn iter_self(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([zelf], []) = crate::sig!(slot "iterator.__iter__", "$self, /").bind(vm, args, kw)?;
        Ok(zelf.clone())
    }
    fn next(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([zelf], []) = crate::sig!(slot "iterator.__next__", "$self, /").bind(vm, args, kw)?;
        match vm.next(zelf)? {
            Some(v) => Ok(v),
            None => Err(vm.stop_iteration(Value::None)),
        }
    }
    fn length_hint(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([zelf], []) = crate::sig!("iterator.__length_hint__", "$self, /").bind(vm, args, kw)?;
        if let Value::Iter(it) = zelf {
            match &*it.state.borrow() {
                crate::runtime::iter::IterState::Range { remaining, .. } => return Ok(Value::Int(*remaining)),
                crate::runtime::iter::IterState::LongRange { remaining, .. } => return Ok(Value::from_i128(*remaining)),
                _ => {}
            }
        }
        Ok(Value::NotImplemented)
    }
    methods(vm, class, "iterator", &[("__iter__", iter_self), ("__next__", next), ("__length_hint__", length_hint)]);
}
