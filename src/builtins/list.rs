//! `list` and `tuple`.

use super::args;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let l = &vm.types.list;
    super::methods(
        vm,
        l,
        "list",
        &[
            ("__init__", list_init),
            ("append", append),
            ("extend", extend),
            ("pop", pop),
            ("sort", sort),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__iter__", iter),
            ("__contains__", contains),
        ],
    );
    super::method_kind(vm, l, "list", "__new__", list_new, BuiltinKind::StaticMethod);
    let t = &vm.types.tuple;
    super::methods(vm, t, "tuple", &[("__len__", len), ("__getitem__", getitem), ("__iter__", iter), ("__contains__", contains)]);
    super::method_kind(vm, t, "tuple", "__new__", tuple_new, BuiltinKind::StaticMethod);
}

/// The list a method operates on (`self`, possibly of a subclass).
pub fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a List> {
    args.first().and_then(|v| v.as_list()).ok_or_else(|| vm.type_error("descriptor requires a 'list' object"))
}

fn list_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match &a[0] {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.list) => Ok(Value::Instance(vm.instance_with(c, Payload::List(Rc::new(List::new(Vec::new())))))),
        _ => Ok(Value::list(Vec::new())),
    }
}

fn list_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, "list", kw)?;
    args::check(vm, "list", &a[1..], 0, 1)?;
    let l = this(vm, a)?;
    let items = match a.get(1) {
        Some(x) => vm.collect(x)?,
        None => Vec::new(),
    };
    *l.items.borrow_mut() = items;
    Ok(Value::None)
}

fn tuple_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, "tuple", kw)?;
    args::check(vm, "tuple", &a[1..], 0, 1)?;
    let v = match a.get(1) {
        Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
        Some(x) => Value::tuple(vm.collect(x)?),
        None => Value::tuple(Vec::new()),
    };
    Ok(super::numbers::wrap_for_class(vm, &a[0], &vm.types.tuple, v))
}

fn append(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "append", a, 1, 1)?;
    this(vm, a)?.items.borrow_mut().push(a[1].clone());
    Ok(Value::None)
}

fn extend(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "extend", a, 1, 1)?;
    let items = vm.collect(&a[1])?;
    this(vm, a)?.items.borrow_mut().extend(items);
    Ok(Value::None)
}

fn pop(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "pop", a, 0, 1)?;
    let l = this(vm, a)?;
    let len = l.items.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match a.get(1) {
        Some(i) => match vm.seq_index(i, len, "list")? {
            Some(i) => i,
            None => return Err(vm.index_error("pop index out of range")),
        },
        None => len - 1,
    };
    Ok(l.items.borrow_mut().remove(i))
}

fn sort(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "sort", a, 0, 0)?;
    args::only_kw(vm, "sort", kw, &["key", "reverse"])?;
    let l = this(vm, a)?;
    let key = args::kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match args::kwarg(kw, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    // Sort a copy while the list is empty, as CPython does, so that a key
    // function or comparison that mutates the list is detected.
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let r = vm.sort_values(&mut items, key.as_ref(), reverse);
    let mutated = !l.items.borrow().is_empty();
    *l.items.borrow_mut() = items;
    r?;
    if mutated {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn len(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.len(&a[0].base_value())? as i64))
}

fn getitem(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__getitem__", a, 1, 1)?;
    vm.get_item(&a[0].base_value(), &a[1])
}

fn setitem(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__setitem__", a, 2, 2)?;
    vm.set_item(&a[0].base_value(), a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn iter(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.iter(&a[0].base_value())
}

fn contains(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__contains__", a, 1, 1)?;
    Ok(Value::Bool(vm.contains(&a[0].base_value(), &a[1])?))
}
