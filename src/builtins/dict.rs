//! `dict` and its views.

use super::list::descriptor_error;
use crate::compile::ir::CmpOp;
use crate::eval::Vm;
use crate::runtime::gc;
use crate::runtime::iter::IterState;
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
            ("clear", clear),
            ("copy", copy),
            ("get", get),
            ("items", items),
            ("keys", keys),
            ("values", values),
            ("pop", pop),
            ("popitem", popitem),
            ("setdefault", setdefault),
            ("update", update),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__len__", len),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__contains__", contains),
            ("__or__", dict_or),
            ("__ror__", dict_ror),
            ("__ior__", dict_ior),
            ("__eq__", dict_eq),
            ("__ne__", dict_ne),
            ("__lt__", dict_lt),
            ("__le__", dict_le),
            ("__gt__", dict_gt),
            ("__ge__", dict_ge),
            ("__repr__", dict_repr),
        ],
    );
    d.dict.borrow_mut().set_str(vm.intern("__hash__"), Value::None);
    super::method_kind(vm, d, "dict", "__new__", dict_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, d, "dict", "fromkeys", fromkeys, BuiltinKind::ClassMethod);

    for (i, name) in ["dict_keys", "dict_values", "dict_items"].into_iter().enumerate() {
        let c = vm.iterator_class(name);
        {
            let mut cd = c.dict.borrow_mut();
            cd.del_str(&vm.intern("__next__"));
            cd.del_str(&vm.intern("__length_hint__"));
            // Keys and items views are set-like, so unhashable; values views
            // hash by identity, as in CPython.
            if i != 1 {
                cd.set_str(vm.intern("__hash__"), Value::None);
            }
        }
        super::methods(
            vm,
            &c,
            name,
            &[
                ("__len__", view_len),
                ("__iter__", view_iter),
                ("__reversed__", view_reversed),
                ("__contains__", view_contains_m),
                ("__repr__", view_repr),
            ],
        );
        if i != 1 {
            super::methods(
                vm,
                &c,
                name,
                &[
                    ("__eq__", view_eq),
                    ("__ne__", view_ne),
                    ("__lt__", view_lt),
                    ("__le__", view_le),
                    ("__gt__", view_gt),
                    ("__ge__", view_ge),
                    ("__and__", view_and),
                    ("__rand__", view_and),
                    ("__or__", view_or),
                    ("__ror__", view_ror),
                    ("__sub__", view_sub),
                    ("__rsub__", view_rsub),
                    ("__xor__", view_xor),
                    ("__rxor__", view_rxor),
                    ("isdisjoint", view_isdisjoint),
                ],
            );
        }
    }
}

/// `self` of a dict method named `name`.
fn slf<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a Dict> {
    v.as_dict().ok_or_else(|| descriptor_error(vm, name, "dict", v))
}

fn base(vm: &Vm, v: &Value, name: &str) -> PyResult<Value> {
    slf(vm, v, name)?;
    Ok(v.base_value())
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
                let vals = d.table.borrow().values();
                for v in &vals {
                    if self.eq(v, item)? {
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

fn dict_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [], _args) = crate::sig!("dict.__new__", "$type, *args, **kwargs").bind_rest(vm, a, kw)?;
    match cls {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.dict) => {
            if !c.is_subclass(&vm.types.dict) {
                return Err(vm.type_error(format!(
                    "dict.__new__({}): {} is not a subtype of dict",
                    c.name().as_str(),
                    c.name().as_str()
                )));
            }
            Ok(Value::Instance(vm.instance_with(c, Payload::Dict(gc::new(Dict::new())))))
        }
        Value::Class(_) => Ok(Value::Dict(gc::new(Dict::new()))),
        other => Err(vm.type_error(format!("dict.__new__(X): X is not a type object ({})", vm.type_name(other).as_str()))),
    }
}

/// `dict.update`'s work: a positional mapping or pairs, then keywords.
fn update_from(vm: &Vm, d: &Dict, src: Option<&Value>, kw: &KwArgs) -> PyResult<()> {
    if let Some(src) = src {
        vm.dict_update(d, src)?;
    }
    for (k, v) in kw {
        d.set_str(k.clone(), v.clone());
    }
    Ok(())
}

fn dict_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], [src]) = crate::sig!("dict", "$self, mapping=<unset>, /, **kwargs").bind(vm, a, kw)?;
    let d = slf(vm, s, "__init__")?;
    update_from(vm, d, src, kw)?;
    Ok(Value::None)
}

fn update(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], [src]) = crate::sig!("dict.update", "$self, other=<unset>, /, **kwargs").bind(vm, a, kw)?;
    let d = slf(vm, s, "update")?;
    update_from(vm, d, src, kw)?;
    Ok(Value::None)
}

fn clear(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("dict.clear", "$self, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "clear")?;
    d.table.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("dict.copy", "$self, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "copy")?;
    let t = d.table.borrow().clone();
    Ok(Value::Dict(gc::new(Dict::from_table(t))))
}

fn fromkeys(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls, iterable], [value]) = crate::sig!("dict.fromkeys", "$type, iterable, value=None, /").bind(vm, a, kw)?;
    let value = value.cloned().unwrap_or(Value::None);
    let cls = cls.clone();
    let exact = matches!(&cls, Value::Class(c) if Rc::ptr_eq(c, &vm.types.dict));
    if exact {
        let d = gc::new(Dict::new());
        let it = vm.iter(iterable)?;
        while let Some(k) = vm.next(&it)? {
            vm.dict_set(&d, k, value.clone())?;
        }
        return Ok(Value::Dict(d));
    }
    let d = vm.call(&cls, &[], &[])?;
    let it = vm.iter(iterable)?;
    while let Some(k) = vm.next(&it)? {
        vm.set_item(&d, k, value.clone())?;
    }
    Ok(d)
}

fn get(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key], [default]) = crate::sig!("dict.get", "$self, key, default=None, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "get")?;
    Ok(vm.dict_get(d, key)?.unwrap_or_else(|| default.cloned().unwrap_or(Value::None)))
}

fn keys(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("dict.keys", "$self, /").bind(vm, a, kw)?;
    let b = base(vm, s, "keys")?;
    Ok(vm.make_view(b, 0))
}

fn values(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("dict.values", "$self, /").bind(vm, a, kw)?;
    let b = base(vm, s, "values")?;
    Ok(vm.make_view(b, 1))
}

fn items(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("dict.items", "$self, /").bind(vm, a, kw)?;
    let b = base(vm, s, "items")?;
    Ok(vm.make_view(b, 2))
}

fn pop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key], [default]) = crate::sig!("dict.pop", "$self, key, default=<unrepresentable>, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "pop")?;
    // As CPython, an empty dict answers without hashing the key.
    let found = if d.len() == 0 { None } else { vm.dict_del(d, key)? };
    match found {
        Some(v) => Ok(v),
        None => match default {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(key.clone())),
        },
    }
}

fn popitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("dict.popitem", "$self, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "popitem")?;
    let e = d.table.borrow_mut().pop_last();
    match e {
        Some(e) => Ok(Value::pair(e.key, e.value)),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn setdefault(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key], [default]) = crate::sig!("dict.setdefault", "$self, key, default=None, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "setdefault")?;
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    let default = default.cloned().unwrap_or(Value::None);
    vm.dict_set(d, key.clone(), default.clone())?;
    Ok(default)
}

fn getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key], []) = crate::sig!("dict.__getitem__", "$self, key, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "__getitem__")?;
    match vm.dict_get(d, key)? {
        Some(v) => Ok(v),
        None => {
            if let Value::Instance(i) = s {
                if let Some(m) = i.class().lookup(&vm.names.missing) {
                    return vm.call(&vm.bind_descriptor(m, s)?, &[key.clone()], &[]);
                }
            }
            Err(vm.key_error(key.clone()))
        }
    }
}

fn setitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key, value], []) = crate::sig!(slot "dict.__setitem__", "$self, key, value, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "__setitem__")?;
    vm.dict_set(d, key.clone(), value.clone())?;
    Ok(Value::None)
}

fn delitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key], []) = crate::sig!(slot "dict.__delitem__", "$self, key, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "__delitem__")?;
    match vm.dict_del(d, key)? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(key.clone())),
    }
}

fn len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "dict.__len__", "$self, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "__len__")?;
    Ok(Value::Int(d.len() as i64))
}

fn iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "dict.__iter__", "$self, /").bind(vm, a, kw)?;
    let b = base(vm, s, "__iter__")?;
    vm.iter(&b)
}

fn reversed_of(vm: &Vm, d: &Dict, what: u8) -> Value {
    let items: Vec<Value> = d
        .table
        .borrow()
        .iter()
        .rev()
        .map(|e| match what {
            0 => e.key.clone(),
            1 => e.value.clone(),
            _ => Value::pair(e.key.clone(), e.value.clone()),
        })
        .collect();
    let name = ["dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"][what.min(2) as usize];
    vm.native_iter(name, IterState::Items { items, pos: 0, source: Value::None, len: 0 })
}

fn reversed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("dict.__reversed__", "$self, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "__reversed__")?;
    Ok(reversed_of(vm, d, 0))
}

fn contains(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key], []) = crate::sig!("dict.__contains__", "$self, key, /").bind(vm, a, kw)?;
    let d = slf(vm, s, "__contains__")?;
    Ok(Value::bool(vm.dict_get(d, key)?.is_some()))
}

fn two<'a>(vm: &Vm, [s, value]: [&'a Value; 2], name: &str) -> PyResult<(&'a Dict, &'a Value)> {
    Ok((slf(vm, s, name)?, value))
}

fn dict_or(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__or__", "$self, value, /").bind(vm, a, kw)?;
    let (d, other) = two(vm, req, "__or__")?;
    if other.as_dict().is_none() {
        return Ok(Value::NotImplemented);
    }
    let out = gc::new(Dict::from_table(d.table.borrow().clone()));
    vm.dict_update(&out, other)?;
    Ok(Value::Dict(out))
}

fn dict_ror(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__ror__", "$self, value, /").bind(vm, a, kw)?;
    let (_, other) = two(vm, req, "__ror__")?;
    let Some(o) = other.as_dict() else { return Ok(Value::NotImplemented) };
    let out = gc::new(Dict::from_table(o.table.borrow().clone()));
    vm.dict_update(&out, req[0])?;
    Ok(Value::Dict(out))
}

fn dict_ior(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__ior__", "$self, value, /").bind(vm, a, kw)?;
    let (d, other) = two(vm, req, "__ior__")?;
    vm.dict_update(d, other)?;
    Ok(req[0].clone())
}

fn dict_cmp(vm: &Vm, a: [&Value; 2], op: CmpOp, name: &str) -> PyResult<Value> {
    let (_, other) = two(vm, a, name)?;
    if other.as_dict().is_none() {
        return Ok(Value::NotImplemented);
    }
    match vm.native_compare(&a[0].base_value(), &other.base_value(), op)? {
        Some(b) => Ok(Value::bool(b)),
        None => Ok(Value::NotImplemented),
    }
}

fn dict_eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__eq__", "$self, value, /").bind(vm, a, kw)?;
    dict_cmp(vm, req, CmpOp::Eq, "__eq__")
}
fn dict_ne(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__ne__", "$self, value, /").bind(vm, a, kw)?;
    dict_cmp(vm, req, CmpOp::Ne, "__ne__")
}
fn dict_lt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__lt__", "$self, value, /").bind(vm, a, kw)?;
    two(vm, req, "__lt__")?;
    Ok(Value::NotImplemented)
}
fn dict_le(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__le__", "$self, value, /").bind(vm, a, kw)?;
    two(vm, req, "__le__")?;
    Ok(Value::NotImplemented)
}
fn dict_gt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__gt__", "$self, value, /").bind(vm, a, kw)?;
    two(vm, req, "__gt__")?;
    Ok(Value::NotImplemented)
}
fn dict_ge(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict.__ge__", "$self, value, /").bind(vm, a, kw)?;
    two(vm, req, "__ge__")?;
    Ok(Value::NotImplemented)
}

fn dict_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "dict.__repr__", "$self, /").bind(vm, a, kw)?;
    let b = base(vm, s, "__repr__")?;
    Ok(Value::Str(vm.repr(&b)?))
}

// ----- views -----

fn view_of(vm: &Vm, v: &Value, name: &str) -> PyResult<(Value, u8)> {
    vm.dict_view(v).ok_or_else(|| descriptor_error(vm, name, "dict_keys", v))
}

fn view_len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "dict_keys.__len__", "$self, /").bind(vm, a, kw)?;
    let (d, _) = view_of(vm, s, "__len__")?;
    Ok(Value::Int(vm.len(&d)? as i64))
}

fn view_iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "dict_keys.__iter__", "$self, /").bind(vm, a, kw)?;
    view_of(vm, s, "__iter__")?;
    vm.iter(s)
}

fn view_reversed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("dict_keys.__reversed__", "$self, /").bind(vm, a, kw)?;
    let (d, what) = view_of(vm, s, "__reversed__")?;
    match d.as_dict() {
        Some(d) => Ok(reversed_of(vm, d, what)),
        None => Err(vm.type_error("dict view without a dict")),
    }
}

fn view_contains_m(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key], []) = crate::sig!(slot "dict_keys.__contains__", "$self, key, /").bind(vm, a, kw)?;
    let view = view_of(vm, s, "__contains__")?;
    Ok(Value::bool(vm.view_contains(&view, key)?))
}

fn view_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "dict_keys.__repr__", "$self, /").bind(vm, a, kw)?;
    view_of(vm, s, "__repr__")?;
    Ok(Value::Str(vm.repr(s)?))
}

/// Whether `v` is a set, frozenset, or a keys/items view (set-like).
fn set_like(vm: &Vm, v: &Value) -> bool {
    v.as_set().is_some() || matches!(vm.dict_view(v), Some((_, w)) if w != 1)
}

fn all_in(vm: &Vm, xs: &Value, container: &Value) -> PyResult<bool> {
    let items = vm.collect(xs)?;
    for x in &items {
        if !vm.contains(container, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_cmp(vm: &Vm, [x, y]: [&Value; 2], op: CmpOp, name: &str) -> PyResult<Value> {
    view_of(vm, x, name)?;
    if !set_like(vm, y) {
        return Ok(Value::NotImplemented);
    }
    let (lx, ly) = (vm.len(x)?, vm.len(y)?);
    let r = match op {
        CmpOp::Eq => lx == ly && all_in(vm, x, y)?,
        CmpOp::Ne => !(lx == ly && all_in(vm, x, y)?),
        CmpOp::Lt => lx < ly && all_in(vm, x, y)?,
        CmpOp::Le => lx <= ly && all_in(vm, x, y)?,
        CmpOp::Gt => lx > ly && all_in(vm, y, x)?,
        CmpOp::Ge => lx >= ly && all_in(vm, y, x)?,
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::bool(r))
}

fn view_eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__eq__", "$self, value, /").bind(vm, a, kw)?;
    view_cmp(vm, req, CmpOp::Eq, "__eq__")
}
fn view_ne(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__ne__", "$self, value, /").bind(vm, a, kw)?;
    view_cmp(vm, req, CmpOp::Ne, "__ne__")
}
fn view_lt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__lt__", "$self, value, /").bind(vm, a, kw)?;
    view_cmp(vm, req, CmpOp::Lt, "__lt__")
}
fn view_le(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__le__", "$self, value, /").bind(vm, a, kw)?;
    view_cmp(vm, req, CmpOp::Le, "__le__")
}
fn view_gt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__gt__", "$self, value, /").bind(vm, a, kw)?;
    view_cmp(vm, req, CmpOp::Gt, "__gt__")
}
fn view_ge(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__ge__", "$self, value, /").bind(vm, a, kw)?;
    view_cmp(vm, req, CmpOp::Ge, "__ge__")
}

fn binop_args<'a>(vm: &Vm, [x, y]: [&'a Value; 2], name: &str) -> PyResult<(&'a Value, &'a Value)> {
    view_of(vm, x, name)?;
    Ok((x, y))
}

/// A new set of the items of `v`.
fn set_of(vm: &Vm, v: &Value) -> PyResult<Rc<Set>> {
    let s = gc::new(Set::new());
    let it = vm.iter(v)?;
    while let Some(x) = vm.next(&it)? {
        vm.set_add(&s, x)?;
    }
    Ok(s)
}

fn view_and(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__and__", "$self, value, /").bind(vm, a, kw)?;
    let (view, other) = binop_args(vm, req, "__and__")?;
    let out = gc::new(Set::new());
    let (it_over, container) = match other {
        Value::Set(s) if vm.len(view)? <= s.len() => (view, other),
        _ => (other, view),
    };
    let it = vm.iter(it_over)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(container, &x)? {
            vm.set_add(&out, x)?;
        }
    }
    Ok(Value::Set(out))
}

fn or_of(vm: &Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let out = set_of(vm, x)?;
    let it = vm.iter(y)?;
    while let Some(v) = vm.next(&it)? {
        vm.set_add(&out, v)?;
    }
    Ok(Value::Set(out))
}

fn sub_of(vm: &Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let out = set_of(vm, x)?;
    let it = vm.iter(y)?;
    while let Some(v) = vm.next(&it)? {
        vm.set_discard(&out, &v)?;
    }
    Ok(Value::Set(out))
}

fn xor_of(vm: &Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let out = set_of(vm, x)?;
    let other = set_of(vm, y)?;
    let keys = other.table.borrow().keys();
    for k in keys {
        if !vm.set_discard(&out, &k)? {
            vm.set_add(&out, k)?;
        }
    }
    Ok(Value::Set(out))
}

fn view_or(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__or__", "$self, value, /").bind(vm, a, kw)?;
    let (x, y) = binop_args(vm, req, "__or__")?;
    or_of(vm, x, y)
}
fn view_ror(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__ror__", "$self, value, /").bind(vm, a, kw)?;
    let (x, y) = binop_args(vm, req, "__ror__")?;
    or_of(vm, y, x)
}
fn view_sub(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__sub__", "$self, value, /").bind(vm, a, kw)?;
    let (x, y) = binop_args(vm, req, "__sub__")?;
    sub_of(vm, x, y)
}
fn view_rsub(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__rsub__", "$self, value, /").bind(vm, a, kw)?;
    let (x, y) = binop_args(vm, req, "__rsub__")?;
    sub_of(vm, y, x)
}
fn view_xor(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__xor__", "$self, value, /").bind(vm, a, kw)?;
    let (x, y) = binop_args(vm, req, "__xor__")?;
    xor_of(vm, x, y)
}
fn view_rxor(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "dict_keys.__rxor__", "$self, value, /").bind(vm, a, kw)?;
    let (x, y) = binop_args(vm, req, "__rxor__")?;
    xor_of(vm, y, x)
}

fn view_isdisjoint(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, other], []) = crate::sig!("dict_keys.isdisjoint", "$self, other, /").bind(vm, a, kw)?;
    view_of(vm, s, "isdisjoint")?;
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(s, &x)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}
