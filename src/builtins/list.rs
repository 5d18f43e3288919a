//! `list` and `tuple`.

use crate::compile::ir::CmpOp;
use crate::eval::Vm;
use crate::runtime::gc;
use crate::runtime::iter::IterState;
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
            ("clear", clear),
            ("copy", copy),
            ("count", list_count),
            ("extend", extend),
            ("index", list_index),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("reverse", reverse),
            ("sort", sort),
            ("__len__", list_len),
            ("__getitem__", list_getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__iter__", list_iter),
            ("__reversed__", list_reversed),
            ("__contains__", list_contains),
            ("__add__", list_add),
            ("__iadd__", list_iadd),
            ("__mul__", list_mul),
            ("__rmul__", list_mul),
            ("__imul__", list_imul),
            ("__eq__", list_eq),
            ("__ne__", list_ne),
            ("__lt__", list_lt),
            ("__le__", list_le),
            ("__gt__", list_gt),
            ("__ge__", list_ge),
            ("__repr__", list_repr),
        ],
    );
    l.dict.borrow_mut().set_str(vm.intern("__hash__"), Value::None);
    super::method_kind(vm, l, "list", "__new__", list_new, BuiltinKind::StaticMethod);
    let t = &vm.types.tuple;
    super::methods(
        vm,
        t,
        "tuple",
        &[
            ("count", tuple_count),
            ("index", tuple_index),
            ("__len__", tuple_len),
            ("__getitem__", tuple_getitem),
            ("__iter__", tuple_iter),
            ("__contains__", tuple_contains),
            ("__add__", tuple_add),
            ("__mul__", tuple_mul),
            ("__rmul__", tuple_mul),
            ("__hash__", tuple_hash),
            ("__eq__", tuple_eq),
            ("__ne__", tuple_ne),
            ("__lt__", tuple_lt),
            ("__le__", tuple_le),
            ("__gt__", tuple_gt),
            ("__ge__", tuple_ge),
            ("__repr__", tuple_repr),
            ("__getnewargs__", tuple_getnewargs),
        ],
    );
    super::method_kind(vm, t, "tuple", "__new__", tuple_new, BuiltinKind::StaticMethod);
}

/// `self` of a list method named `name`, with CPython's messages when it is
/// missing or of the wrong type (`list.append(1, 2)`).
fn slf<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a List> {
    v.as_list().ok_or_else(|| descriptor_error(vm, name, "list", v))
}

pub fn descriptor_error(vm: &Vm, name: &str, owner: &str, v: &Value) -> PyErr {
    vm.type_error(format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
        vm.type_name(v).as_str()
    ))
}

/// The tuple `self` of a tuple method.
fn tup<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a Tuple> {
    v.as_tuple().ok_or_else(|| descriptor_error(vm, name, "tuple", v))
}

fn list_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [], _args) = crate::sig!("list.__new__", "$type, *args, **kwargs").bind_rest(vm, a, kw)?;
    match cls {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.list) => {
            if !c.is_subclass(&vm.types.list) {
                return Err(vm.type_error(format!(
                    "list.__new__({}): {} is not a subtype of list",
                    c.name().as_str(),
                    c.name().as_str()
                )));
            }
            Ok(Value::Instance(vm.instance_with(c, Payload::List(gc::new(List::new(Vec::new()))))))
        }
        Value::Class(_) => Ok(Value::list(Vec::new())),
        other => Err(vm.type_error(format!("list.__new__(X): X is not a type object ({})", vm.type_name(other).as_str()))),
    }
}

fn list_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], [iterable]) = crate::sig!("list", "$self, iterable=(), /").bind(vm, a, kw)?;
    let l = slf(vm, s, "__init__")?;
    let items = match iterable {
        Some(x) => vm.collect(x)?,
        None => Vec::new(),
    };
    let old = std::mem::replace(&mut *l.items.borrow_mut(), items);
    drop(old);
    Ok(Value::None)
}

fn tuple_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [iterable]) = crate::sig!("tuple", "$type, iterable=(), /").bind(vm, a, kw)?;
    let cls = match cls {
        c @ Value::Class(cl) => {
            if !cl.is_subclass(&vm.types.tuple) {
                return Err(vm.type_error(format!(
                    "tuple.__new__({}): {} is not a subtype of tuple",
                    cl.name().as_str(),
                    cl.name().as_str()
                )));
            }
            c.clone()
        }
        other => return Err(vm.type_error(format!("tuple.__new__(X): X is not a type object ({})", vm.type_name(other).as_str()))),
    };
    let v = match iterable {
        Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
        Some(x) => Value::tuple(vm.collect(x)?),
        None => Value::tuple(Vec::new()),
    };
    Ok(super::numbers::wrap_for_class(vm, &cls, &vm.types.tuple, v))
}

fn append(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!("list.append", "$self, object, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "append")?;
    l.items.borrow_mut().push(x.clone());
    Ok(Value::None)
}

fn clear(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("list.clear", "$self, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "clear")?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    // Last item first, as CPython frees them.
    old.into_iter().rev().for_each(drop);
    Ok(Value::None)
}

fn copy(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("list.copy", "$self, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "copy")?;
    let items = l.items.borrow().clone();
    Ok(Value::list(items))
}

fn list_count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, value], []) = crate::sig!("list.count", "$self, value, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "count")?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let x = match l.items.borrow().get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        if vm.eq(&x, value)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn extend(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!("list.extend", "$self, iterable, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "extend")?;
    let items = vm.collect(x)?;
    l.items.borrow_mut().extend(items);
    Ok(Value::None)
}

/// A start/stop argument of `index`: clamped like a slice bound.
fn index_bound(vm: &Vm, v: &Value, len: usize) -> PyResult<usize> {
    let i = match v.builtin_base() {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            use num_traits::Signed;
            if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }
        }
        _ => vm
            .index_value(v)
            .map_err(|_| vm.type_error("slice indices must be integers or have an __index__ method"))?,
    };
    let len = len as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    Ok(j as usize)
}

fn list_index(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, value], [start, stop]) = crate::sig!("list.index", "$self, value, start=0, stop=sys.maxsize, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "index")?;
    let len = l.items.borrow().len();
    let start = match start {
        Some(v) => index_bound(vm, v, len)?,
        None => 0,
    };
    let stop = match stop {
        Some(v) => index_bound(vm, v, len)?,
        None => usize::MAX,
    };
    let mut i = start;
    while i < stop {
        let x = match l.items.borrow().get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        if vm.eq(&x, value)? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    Err(vm.value_error(format!("{} is not in list", vm.repr(value)?.as_str())))
}

fn insert(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, index, x], []) = crate::sig!("list.insert", "$self, index, object, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "insert")?;
    let i = vm.index_value(index)?;
    let mut items = l.items.borrow_mut();
    let len = items.len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(pos as usize, x.clone());
    Ok(Value::None)
}

fn pop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], [index]) = crate::sig!("list.pop", "$self, index=-1, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "pop")?;
    let i = match index {
        Some(v) => Some(vm.index_value(v)?),
        None => None,
    };
    let len = l.items.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match i {
        Some(i) => {
            let j = if i < 0 { i + len as i64 } else { i };
            if j < 0 || j >= len as i64 {
                return Err(vm.index_error("pop index out of range"));
            }
            j as usize
        }
        None => len - 1,
    };
    let v = l.items.borrow_mut().remove(i);
    Ok(v)
}

fn remove(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, value], []) = crate::sig!("list.remove", "$self, value, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "remove")?;
    let mut i = 0;
    loop {
        let x = match l.items.borrow().get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        if vm.eq(&x, value)? {
            let mut items = l.items.borrow_mut();
            if i < items.len() {
                let removed = items.remove(i);
                drop(items);
                drop(removed);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn reverse(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("list.reverse", "$self, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "reverse")?;
    l.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn sort(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], [key, reverse]) = crate::sig!("list.sort", "$self, /, *, key=None, reverse=False").bind(vm, a, kw)?;
    let l = slf(vm, s, "sort")?;
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(r) => match r.builtin_base() {
            Value::Float(_) => return Err(vm.type_error("'float' object cannot be interpreted as an integer")),
            _ => vm.index_value(r).map(|i| i != 0).or_else(|_| vm.truthy(r))?,
        },
        None => false,
    };
    // Sort a copy while the list is empty, as CPython does, so that a key
    // function or comparison that mutates the list is detected.
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let r = vm.sort_values(&mut items, key, reverse);
    let mutated = !l.items.borrow().is_empty();
    let old = std::mem::replace(&mut *l.items.borrow_mut(), items);
    drop(old);
    r?;
    if mutated {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "list.__len__", "$self, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "__len__")?;
    let n = l.items.borrow().len();
    Ok(Value::Int(n as i64))
}

fn list_value(vm: &Vm, v: &Value, name: &str) -> PyResult<Value> {
    if v.as_list().is_some() {
        Ok(v.base_value())
    } else {
        Err(descriptor_error(vm, name, "list", v))
    }
}

fn list_getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!("list.__getitem__", "$self, index, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__getitem__")?;
    vm.get_item(&base, x)
}

fn setitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key, value], []) = crate::sig!(slot "list.__setitem__", "$self, key, value, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__setitem__")?;
    vm.set_item(&base, key.clone(), value.clone())?;
    Ok(Value::None)
}

fn delitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, key], []) = crate::sig!(slot "list.__delitem__", "$self, key, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__delitem__")?;
    vm.del_item(&base, key)?;
    Ok(Value::None)
}

fn list_iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "list.__iter__", "$self, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__iter__")?;
    vm.iter(&base)
}

fn list_reversed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("list.__reversed__", "$self, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__reversed__")?;
    let n = vm.len(&base)?;
    Ok(vm.native_iter("list_reverseiterator", IterState::Reversed { seq: base, pos: n }))
}

fn list_contains(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "list.__contains__", "$self, key, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__contains__")?;
    Ok(Value::bool(vm.contains(&base, x)?))
}

/// Whether `v`'s type defines the reflected operator `name` (so a builtin
/// operator should return NotImplemented rather than raise).
fn has_reflected(vm: &Vm, v: &Value, name: &str) -> bool {
    matches!(v, Value::Instance(_) | Value::Native(_)) && vm.type_of(v).lookup(&vm.intern(name)).is_some_and(|f| !f.is_none())
}

fn list_add(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "list.__add__", "$self, value, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__add__")?;
    let Some(other) = x.as_list() else {
        if has_reflected(vm, x, "__radd__") {
            return Ok(Value::NotImplemented);
        }
        return Err(vm.type_error(format!("can only concatenate list (not \"{}\") to list", vm.type_name(x).as_str())));
    };
    let mut v = base.as_list().map(|l| l.items.borrow().clone()).unwrap_or_default();
    v.extend(other.items.borrow().iter().cloned());
    Ok(Value::list(v))
}

fn list_iadd(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "list.__iadd__", "$self, value, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "__iadd__")?;
    let items = vm.collect(x)?;
    l.items.borrow_mut().extend(items);
    Ok(s.clone())
}

/// The repeat count of `seq * n`, or `None` when `n` is not an integer.
fn repeat_count(vm: &Vm, n: &Value) -> PyResult<Option<usize>> {
    let is_int = matches!(n.builtin_base(), Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
    if !is_int && !(matches!(n, Value::Instance(_)) && vm.type_of(n).lookup(&vm.names.index).is_some()) {
        return Ok(None);
    }
    vm.repeat_count(n).map(Some)
}

fn mul_error(vm: &Vm, n: &Value) -> PyErr {
    vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(n).as_str()))
}

fn list_mul(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "list.__mul__", "$self, value, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__mul__")?;
    let items = base.as_list().map(|l| l.items.borrow().clone()).unwrap_or_default();
    let Some(n) = repeat_count(vm, x)? else {
        if has_reflected(vm, x, "__rmul__") {
            return Ok(Value::NotImplemented);
        }
        return Err(mul_error(vm, x));
    };
    Ok(Value::list(crate::runtime::alloc::repeat_items(&items, n).map_err(|_| vm.memory_error())?))
}

fn list_imul(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "list.__imul__", "$self, value, /").bind(vm, a, kw)?;
    let l = slf(vm, s, "__imul__")?;
    let orig = l.items.borrow().clone();
    let Some(n) = repeat_count(vm, x)? else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(x).as_str())));
    };
    let v = crate::runtime::alloc::repeat_items(&orig, n).map_err(|_| vm.memory_error())?;
    let old = std::mem::replace(&mut *l.items.borrow_mut(), v);
    drop(old);
    Ok(s.clone())
}

fn compare(vm: &Vm, [s, other]: [&Value; 2], op: CmpOp, name: &str, list: bool) -> PyResult<Value> {
    let base = if list { list_value(vm, s, name)? } else { tuple_value(vm, s, name)? };
    let ok = if list { other.as_list().is_some() } else { other.as_tuple().is_some() };
    if !ok {
        return Ok(Value::NotImplemented);
    }
    match vm.native_compare(&base, &other.base_value(), op)? {
        Some(b) => Ok(Value::bool(b)),
        None => Ok(Value::NotImplemented),
    }
}

fn list_eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "list.__eq__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Eq, "__eq__", true)
}
fn list_ne(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "list.__ne__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Ne, "__ne__", true)
}
fn list_lt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "list.__lt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Lt, "__lt__", true)
}
fn list_le(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "list.__le__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Le, "__le__", true)
}
fn list_gt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "list.__gt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Gt, "__gt__", true)
}
fn list_ge(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "list.__ge__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Ge, "__ge__", true)
}

fn list_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "list.__repr__", "$self, /").bind(vm, a, kw)?;
    let base = list_value(vm, s, "__repr__")?;
    Ok(Value::Str(vm.repr(&base)?))
}

// ----- tuple -----

fn tuple_value(vm: &Vm, v: &Value, name: &str) -> PyResult<Value> {
    if v.as_tuple().is_some() {
        Ok(v.builtin_base().clone())
    } else {
        Err(descriptor_error(vm, name, "tuple", v))
    }
}

fn tuple_count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, value], []) = crate::sig!("tuple.count", "$self, value, /").bind(vm, a, kw)?;
    let t = tup(vm, s, "count")?;
    let mut n = 0;
    for x in t.items.iter() {
        if vm.eq(x, value)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, value], [start, stop]) = crate::sig!("tuple.index", "$self, value, start=0, stop=sys.maxsize, /").bind(vm, a, kw)?;
    let t = tup(vm, s, "index")?;
    let len = t.items.len();
    let start = match start {
        Some(v) => index_bound(vm, v, len)?,
        None => 0,
    };
    let stop = match stop {
        Some(v) => index_bound(vm, v, len)?,
        None => len,
    };
    for i in start..stop.min(len) {
        if vm.eq(&t.items[i], value)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "tuple.__len__", "$self, /").bind(vm, a, kw)?;
    let t = tup(vm, s, "__len__")?;
    Ok(Value::Int(t.items.len() as i64))
}

fn tuple_getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "tuple.__getitem__", "$self, key, /").bind(vm, a, kw)?;
    let base = tuple_value(vm, s, "__getitem__")?;
    vm.get_item(&base, x)
}

fn tuple_iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "tuple.__iter__", "$self, /").bind(vm, a, kw)?;
    let base = tuple_value(vm, s, "__iter__")?;
    vm.iter(&base)
}

fn tuple_contains(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "tuple.__contains__", "$self, key, /").bind(vm, a, kw)?;
    let base = tuple_value(vm, s, "__contains__")?;
    Ok(Value::bool(vm.contains(&base, x)?))
}

fn tuple_add(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "tuple.__add__", "$self, value, /").bind(vm, a, kw)?;
    let t = tup(vm, s, "__add__")?;
    let Some(other) = x.as_tuple() else {
        if has_reflected(vm, x, "__radd__") {
            return Ok(Value::NotImplemented);
        }
        return Err(vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", vm.type_name(x).as_str())));
    };
    let mut v = t.items.to_vec();
    v.extend(other.items.iter().cloned());
    Ok(Value::tuple(v))
}

fn tuple_mul(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s, x], []) = crate::sig!(slot "tuple.__mul__", "$self, value, /").bind(vm, a, kw)?;
    let t = tup(vm, s, "__mul__")?;
    let Some(n) = repeat_count(vm, x)? else {
        if has_reflected(vm, x, "__rmul__") {
            return Ok(Value::NotImplemented);
        }
        return Err(mul_error(vm, x));
    };
    if n == 1 && matches!(s, Value::Tuple(_)) {
        return Ok(s.clone());
    }
    let v = crate::runtime::alloc::repeat_items(&t.items, n).map_err(|_| vm.memory_error())?;
    Ok(Value::tuple(v))
}

fn tuple_hash(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "tuple.__hash__", "$self, /").bind(vm, a, kw)?;
    let base = tuple_value(vm, s, "__hash__")?;
    Ok(Value::Int(vm.hash(&base)?))
}

fn tuple_eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "tuple.__eq__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Eq, "__eq__", false)
}
fn tuple_ne(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "tuple.__ne__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Ne, "__ne__", false)
}
fn tuple_lt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "tuple.__lt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Lt, "__lt__", false)
}
fn tuple_le(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "tuple.__le__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Le, "__le__", false)
}
fn tuple_gt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "tuple.__gt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Gt, "__gt__", false)
}
fn tuple_ge(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (req, []) = crate::sig!(slot "tuple.__ge__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, req, CmpOp::Ge, "__ge__", false)
}

fn tuple_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!(slot "tuple.__repr__", "$self, /").bind(vm, a, kw)?;
    let base = tuple_value(vm, s, "__repr__")?;
    Ok(Value::Str(vm.repr(&base)?))
}

fn tuple_getnewargs(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], []) = crate::sig!("tuple.__getnewargs__", "$self, /").bind(vm, a, kw)?;
    let t = tup(vm, s, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::tuple(t.items.to_vec())]))
}
