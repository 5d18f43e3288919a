//! `set` and `frozenset`.

use super::args;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let s = &vm.types.set;
    super::methods(vm, s, "set", &[("__init__", set_init), ("add", add), ("__len__", len), ("__contains__", contains), ("__iter__", iter)]);
    super::method_kind(vm, s, "set", "__new__", set_new, BuiltinKind::StaticMethod);
    let f = &vm.types.frozenset;
    super::methods(vm, f, "frozenset", &[("__len__", len), ("__contains__", contains), ("__iter__", iter)]);
    super::method_kind(vm, f, "frozenset", "__new__", frozenset_new, BuiltinKind::StaticMethod);
}

pub fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Set> {
    args.first().and_then(|v| v.as_set()).ok_or_else(|| vm.type_error("descriptor requires a 'set' object"))
}

fn set_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match &a[0] {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.set) => Ok(Value::Instance(vm.instance_with(c, Payload::Set(Rc::new(Set::new()))))),
        _ => Ok(Value::Set(Rc::new(Set::new()))),
    }
}

fn set_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, "set", kw)?;
    args::check(vm, "set", &a[1..], 0, 1)?;
    let s = this(vm, a)?;
    s.table.borrow_mut().clear();
    if let Some(src) = a.get(1) {
        for x in vm.collect(src)? {
            vm.set_add(s, x)?;
        }
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, "frozenset", kw)?;
    args::check(vm, "frozenset", &a[1..], 0, 1)?;
    let s = Set::new();
    if let Some(src) = a.get(1) {
        if let (Value::FrozenSet(f), Value::Class(c)) = (src, &a[0]) {
            if Rc::ptr_eq(c, &vm.types.frozenset) {
                return Ok(Value::FrozenSet(f.clone()));
            }
        }
        for x in vm.collect(src)? {
            vm.set_add(&s, x)?;
        }
    }
    let v = Value::FrozenSet(Rc::new(s));
    Ok(super::numbers::wrap_for_class(vm, &a[0], &vm.types.frozenset, v))
}

fn add(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "add", a, 1, 1)?;
    vm.set_add(this(vm, a)?, a[1].clone())?;
    Ok(Value::None)
}

fn len(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, a)?.len() as i64))
}

fn contains(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__contains__", a, 1, 1)?;
    Ok(Value::Bool(vm.set_contains(this(vm, a)?, &a[1])?))
}

fn iter(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.iter(&a[0].base_value())
}
