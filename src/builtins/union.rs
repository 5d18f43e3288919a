//! `types.UnionType`, the value of `int | str` (PEP 604), and the operators
//! `types.GenericAlias` shares with it (`list[int] | None`, equality).

use super::misc::GenericAlias;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// The members of `X | Y | ...`: flattened, without duplicates, in order.
pub struct UnionType {
    pub args: Vec<Value>,
}

pub fn install(vm: &Vm) {
    let union = types_class(vm, "UnionType");
    vm.types.iterators.borrow_mut().insert("types.UnionType", union.clone());
    super::methods(
        vm,
        &union,
        "UnionType",
        &[
            ("__or__", union_or),
            ("__ror__", union_ror),
            ("__eq__", union_eq),
            ("__hash__", union_hash),
            ("__instancecheck__", union_instancecheck),
            ("__subclasscheck__", union_subclasscheck),
        ],
    );
    let alias = vm.iterator_class("types.GenericAlias");
    super::methods(vm, &alias, "GenericAlias", &[("__or__", union_or), ("__ror__", union_ror), ("__eq__", alias_eq), ("__hash__", alias_hash)]);
}

/// A class of the `types` module made natively (`types.UnionType`).
pub fn types_class(vm: &Vm, name: &str) -> Rc<Class> {
    let class = crate::runtime::types::new_class(&vm.interner, name, Some(&vm.types.object), Layout::Value, None);
    class.dict.borrow_mut().set_str(vm.names.module.clone(), Value::str("types"));
    class
}

/// The members of a union operand, or `None` when `v` cannot take part
/// (CPython accepts None, classes, generic aliases and unions).
fn members(vm: &Vm, v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::None => Some(vec![Value::Class(vm.types.none.clone())]),
        Value::Class(_) => Some(vec![v.clone()]),
        Value::Native(n) => {
            let data = n.data.borrow();
            if let Some(u) = data.downcast_ref::<UnionType>() {
                return Some(u.args.clone());
            }
            data.downcast_ref::<GenericAlias>().map(|_| vec![v.clone()])
        }
        _ => None,
    }
}

/// `x | y`: a union of both sides' members, or the single member left
/// after removing duplicates (`int | int` is `int`).
pub fn union_of(vm: &Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let (Some(a), Some(b)) = (members(vm, x), members(vm, y)) else { return Ok(Value::NotImplemented) };
    let mut args: Vec<Value> = Vec::new();
    for m in a.into_iter().chain(b) {
        let mut seen = false;
        for have in &args {
            if vm.eq(have, &m)? {
                seen = true;
                break;
            }
        }
        if !seen {
            args.push(m);
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap_or(Value::None));
    }
    Ok(Value::Native(Rc::new(NativeObj {
        class: vm.iterator_class("types.UnionType"),
        data: std::cell::RefCell::new(Box::new(UnionType { args })),
    })))
}

fn union_or(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!(slot "UnionType.__or__", "$self, value, /").bind(vm, a, kw)?;
    union_of(vm, zelf, other)
}

fn union_ror(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!(slot "UnionType.__ror__", "$self, value, /").bind(vm, a, kw)?;
    union_of(vm, other, zelf)
}

pub fn union_args(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Native(n) => n.data.borrow().downcast_ref::<UnionType>().map(|u| u.args.clone()),
        _ => None,
    }
}

/// Two unions are equal when they have the same members in any order.
fn union_eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!(slot "UnionType.__eq__", "$self, value, /").bind(vm, a, kw)?;
    let (Some(x), Some(y)) = (union_args(zelf), union_args(other)) else { return Ok(Value::NotImplemented) };
    let contains = |set: &[Value], v: &Value| -> PyResult<bool> {
        for s in set {
            if vm.eq(s, v)? {
                return Ok(true);
            }
        }
        Ok(false)
    };
    for v in &x {
        if !contains(&y, v)? {
            return Ok(Value::bool(false));
        }
    }
    for v in &y {
        if !contains(&x, v)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

/// Order-independent, so that equal unions hash alike.
fn union_hash(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "UnionType.__hash__", "$self, /").bind(vm, a, kw)?;
    let mut h: i64 = 0x5a17;
    for v in union_args(zelf).unwrap_or_default() {
        h ^= vm.hash(&v)?;
    }
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn union_instancecheck(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, instance], []) = crate::sig!("UnionType.__instancecheck__", "$self, instance, /").bind(vm, a, kw)?;
    Ok(Value::bool(vm.isinstance(instance, &Value::tuple(checkable_members(vm, zelf)?))?))
}

fn union_subclasscheck(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, subclass], []) = crate::sig!("UnionType.__subclasscheck__", "$self, subclass, /").bind(vm, a, kw)?;
    Ok(Value::bool(vm.issubclass(subclass, &Value::tuple(checkable_members(vm, zelf)?))?))
}

/// isinstance() refuses a union holding a parameterized generic.
fn checkable_members(vm: &Vm, union: &Value) -> PyResult<Vec<Value>> {
    let args = union_args(union).unwrap_or_default();
    if args.iter().any(|m| !matches!(m, Value::Class(_))) {
        return Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"));
    }
    Ok(args)
}

fn alias_parts(v: &Value) -> Option<(Value, Vec<Value>)> {
    match v {
        Value::Native(n) => n.data.borrow().downcast_ref::<GenericAlias>().map(|g| (g.origin.clone(), g.args.clone())),
        _ => None,
    }
}

/// `list[int] == list[int]`: same origin and same arguments.
fn alias_eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!(slot "GenericAlias.__eq__", "$self, value, /").bind(vm, a, kw)?;
    let (Some((o1, a1)), Some((o2, a2))) = (alias_parts(zelf), alias_parts(other)) else { return Ok(Value::NotImplemented) };
    if !vm.eq(&o1, &o2)? || a1.len() != a2.len() {
        return Ok(Value::bool(false));
    }
    for (x, y) in a1.iter().zip(&a2) {
        if !vm.eq(x, y)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

fn alias_hash(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "GenericAlias.__hash__", "$self, /").bind(vm, a, kw)?;
    let Some((origin, args)) = alias_parts(zelf) else { return Ok(Value::Int(0)) };
    let h = vm.hash(&origin)? ^ vm.hash(&Value::tuple(args))?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

impl Vm {
    /// A member as `int | None` shows it: NoneType is written `None`.
    pub fn union_member_repr(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::Class(c) if Rc::ptr_eq(c, &self.types.none) => Ok("None".into()),
            other => self.alias_arg_repr(other),
        }
    }
}
