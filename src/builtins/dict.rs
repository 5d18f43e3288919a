//! `dict` and its views.

use super::args;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// `d.keys()` (0), `d.values()` (1), `d.items()` (2): live views.
pub struct DictView {
    pub dict: Value,
    pub what: u8,
}

pub fn install(vm: &Vm) {
    let d = &vm.types.dict;
    super::methods(
        vm,
        d,
        "dict",
        &[
            ("__init__", dict_init),
            ("get", get),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__len__", len),
            ("__iter__", iter),
            ("__contains__", contains),
        ],
    );
    super::method_kind(vm, d, "dict", "__new__", dict_new, BuiltinKind::StaticMethod);
}

pub fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Dict> {
    args.first().and_then(|v| v.as_dict()).ok_or_else(|| vm.type_error("descriptor requires a 'dict' object"))
}

impl Vm {
    pub fn dict_view(&self, v: &Value) -> Option<(Value, u8)> {
        match v {
            Value::Native(n) => n.data.borrow().downcast_ref::<DictView>().map(|d| (d.dict.clone(), d.what)),
            _ => None,
        }
    }

    pub fn view_contains(&self, view: &(Value, u8), item: &Value) -> PyResult<bool> {
        let Some(d) = view.0.as_dict() else { return Ok(false) };
        match view.1 {
            0 => Ok(self.dict_get(d, item)?.is_some()),
            1 => {
                for v in d.table.borrow().values() {
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                let Some(t) = item.as_tuple() else { return Ok(false) };
                if t.items.len() != 2 {
                    return Ok(false);
                }
                match self.dict_get(d, &t.items[0])? {
                    Some(v) => self.eq(&v, &t.items[1]),
                    None => Ok(false),
                }
            }
        }
    }

    pub fn make_view(&self, dict: Value, what: u8) -> Value {
        let name = ["dict_keys", "dict_values", "dict_items"][what as usize];
        Value::Native(Rc::new(NativeObj {
            class: self.iterator_class(name),
            data: std::cell::RefCell::new(Box::new(DictView { dict, what })),
        }))
    }
}

fn dict_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match &a[0] {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.dict) => Ok(Value::Instance(vm.instance_with(c, Payload::Dict(Rc::new(Dict::new()))))),
        _ => Ok(Value::Dict(Rc::new(Dict::new()))),
    }
}

fn dict_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::check(vm, "dict", &a[1..], 0, 1)?;
    let d = this(vm, a)?;
    if let Some(src) = a.get(1) {
        vm.dict_update(d, src)?;
    }
    for (k, v) in kw {
        d.set_str(k.clone(), v.clone());
    }
    Ok(Value::None)
}

fn get(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "get", a, 1, 2)?;
    let d = this(vm, a)?;
    Ok(vm.dict_get(d, &a[1])?.unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn keys(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm.make_view(a[0].base_value(), 0))
}

fn values(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm.make_view(a[0].base_value(), 1))
}

fn items(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm.make_view(a[0].base_value(), 2))
}

fn getitem(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__getitem__", a, 1, 1)?;
    let d = this(vm, a)?;
    match vm.dict_get(d, &a[1])? {
        Some(v) => Ok(v),
        None => {
            if let Value::Instance(i) = &a[0] {
                if let Some(m) = i.class().lookup(&vm.names.missing) {
                    return vm.call(&vm.bind_descriptor(m, &a[0])?, &[a[1].clone()], &[]);
                }
            }
            Err(vm.key_error(a[1].clone()))
        }
    }
}

fn setitem(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__setitem__", a, 2, 2)?;
    vm.dict_set(this(vm, a)?, a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__delitem__", a, 1, 1)?;
    match vm.dict_del(this(vm, a)?, &a[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(a[1].clone())),
    }
}

fn len(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, a)?.len() as i64))
}

fn iter(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.iter(&a[0].base_value())
}

fn contains(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__contains__", a, 1, 1)?;
    Ok(Value::Bool(vm.dict_get(this(vm, a)?, &a[1])?.is_some()))
}
