//! `range`, `slice`, `property`, `staticmethod`, `classmethod`, `super`,
//! `method`, the lazy iterator classes (`enumerate`, `zip`, `map`,
//! `filter`, `reversed`).

use super::args;
use crate::eval::Vm;
use crate::runtime::gc;
use crate::runtime::iter::IterState;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let t = &vm.types;
    super::method_kind(vm, &t.range, "range", "__new__", range_new, BuiltinKind::StaticMethod);
    super::methods(vm, &t.range, "range", &[("index", range_index), ("count", range_count), ("__reversed__", range_reversed)]);
    super::method_kind(vm, &t.slice, "slice", "__new__", slice_new, BuiltinKind::StaticMethod);
    super::methods(vm, &t.slice, "slice", &[("indices", slice_indices)]);
    super::method_kind(vm, &t.property, "property", "__new__", property_new, BuiltinKind::StaticMethod);
    super::methods(
        vm,
        &t.property,
        "property",
        &[("getter", property_getter), ("setter", property_setter), ("deleter", property_deleter), ("__get__", property_get), ("__set__", property_set)],
    );
    super::method_kind(vm, &t.staticmethod, "staticmethod", "__new__", staticmethod_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, &t.classmethod, "classmethod", "__new__", classmethod_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, &t.super_, "super", "__new__", super_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, &t.method, "method", "__new__", method_new, BuiltinKind::StaticMethod);
    super::methods(vm, &t.function, "function", &[("__get__", function_get)]);
    super::methods(vm, &t.range, "range", &[("__iter__", seq_iter), ("__len__", seq_len), ("__getitem__", seq_getitem), ("__contains__", seq_contains)]);
    // Not an iterator: registered before `iterator_class` would add `__next__`.
    let alias = super::union::types_class(vm, "GenericAlias");
    vm.types.iterators.borrow_mut().insert("types.GenericAlias", alias.clone());
    super::methods(vm, &alias, "GenericAlias", &[("__call__", alias_call), ("__getitem__", alias_getitem)]);
    super::method_kind(vm, &alias, "GenericAlias", "__new__", alias_new, BuiltinKind::StaticMethod);
    for c in [&t.none, &t.not_implemented, &t.ellipsis] {
        super::method_kind(vm, c, "NoneType", "__new__", singleton_new, BuiltinKind::StaticMethod);
    }
    let lazy: &[(&'static str, NativeFn)] =
        &[("enumerate", enumerate_new), ("zip", zip_new), ("map", map_new), ("filter", filter_new), ("reversed", reversed_new)];
    for &(name, f) in lazy {
        let c = new_class(&vm.interner, name, Some(&vm.types.object), Layout::Value, Some(crate::runtime::types::TypeId::Iterator));
        super::method_kind(vm, &c, name, "__new__", f, BuiltinKind::StaticMethod);
        super::iterator_methods(vm, &c);
        vm.types.iterators.borrow_mut().insert(name, c.clone());
        vm.builtins.set_str(vm.intern(name), Value::Class(c));
    }
}

fn int_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v.builtin_base() {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        _ => vm.index_value(v),
    }
}

fn range_arg(vm: &Vm, v: &Value) -> PyResult<i128> {
    match v.builtin_base() {
        Value::BigInt(b) => {
            num_traits::ToPrimitive::to_i128(&**b).ok_or_else(|| vm.overflow_error("range() argument too large for tulip"))
        }
        Value::Float(_) => Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        _ => int_arg(vm, v).map(|i| i as i128),
    }
}

fn range_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, "range", kw)?;
    let a = &a[1..];
    let (start, stop, step) = match a.len() {
        1 => (0, range_arg(vm, &a[0])?, 1),
        2 => (range_arg(vm, &a[0])?, range_arg(vm, &a[1])?, 1),
        3 => (range_arg(vm, &a[0])?, range_arg(vm, &a[1])?, range_arg(vm, &a[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

fn range_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Range> {
    match v {
        Value::Range(r) => Ok(r),
        _ => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

fn range_index(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "index", a, 1, 1)?;
    let r = range_of(vm, &a[0])?;
    if vm.contains(&a[0], &a[1])? {
        if let Value::Int(i) = a[1].builtin_base() {
            return Ok(Value::from_i128((*i as i128 - r.start) / r.step));
        }
    }
    Err(vm.value_error(format!("{} is not in range", vm.repr(&a[1])?.as_str())))
}

fn range_count(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "count", a, 1, 1)?;
    Ok(Value::Int(vm.contains(&a[0], &a[1])? as i64))
}

fn range_reversed(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let r = range_of(vm, &a[0])?;
    if !r.fits_i64() {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    }
    let n = r.len();
    Ok(vm.native_iter("range_iterator", IterState::Range { next: r.get(n - 1), step: -(r.step as i64), remaining: n }))
}

fn slice_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = &a[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0].clone(), Value::None),
        2 => (a[0].clone(), a[1].clone(), Value::None),
        3 => (a[0].clone(), a[1].clone(), a[2].clone()),
        n => return Err(vm.type_error(format!("slice expected at least 1 argument, got {n}"))),
    };
    Ok(Value::Slice(Rc::new(Slice { start, stop, step })))
}

fn slice_indices(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "indices", a, 1, 1)?;
    let Value::Slice(s) = &a[0] else { return Err(vm.type_error("descriptor requires a 'slice' object")) };
    let len = int_arg(vm, &a[1])?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (x, y, z) = vm.slice_indices(s, len)?;
    Ok(Value::tuple(vec![Value::Int(x), Value::Int(y), Value::Int(z)]))
}

fn property_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = &a[1..];
    let get = |i: usize, n: &str| args::arg(a, kw, i, n).unwrap_or(Value::None);
    let fget = get(0, "fget");
    let mut doc = get(3, "doc");
    if doc.is_none() && !fget.is_none() {
        doc = vm.get_attr_opt(&fget, &vm.names.doc)?.unwrap_or(Value::None);
    }
    Ok(Value::Property(gc::new(Property { fget, fset: get(1, "fset"), fdel: get(2, "fdel"), doc, gc: GcHeader::new() })))
}

fn prop<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Property> {
    match v {
        Value::Property(p) => Ok(p),
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

fn property_getter(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "getter", a, 1, 1)?;
    let p = prop(vm, &a[0])?;
    Ok(Value::Property(gc::new(Property { fget: a[1].clone(), fset: p.fset.clone(), fdel: p.fdel.clone(), doc: p.doc.clone(), gc: GcHeader::new() })))
}

fn property_setter(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "setter", a, 1, 1)?;
    let p = prop(vm, &a[0])?;
    Ok(Value::Property(gc::new(Property { fget: p.fget.clone(), fset: a[1].clone(), fdel: p.fdel.clone(), doc: p.doc.clone(), gc: GcHeader::new() })))
}

fn property_deleter(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "deleter", a, 1, 1)?;
    let p = prop(vm, &a[0])?;
    Ok(Value::Property(gc::new(Property { fget: p.fget.clone(), fset: p.fset.clone(), fdel: a[1].clone(), doc: p.doc.clone(), gc: GcHeader::new() })))
}

fn property_get(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__get__", a, 1, 2)?;
    let p = prop(vm, &a[0])?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    vm.call(&p.fget, &[a[1].clone()], &[])
}

fn property_set(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__set__", a, 2, 2)?;
    let p = prop(vm, &a[0])?;
    vm.call(&p.fset, &[a[1].clone(), a[2].clone()], &[])
}

fn staticmethod_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check(vm, "staticmethod", &a[1..], 1, 1)?;
    Ok(Value::StaticMethod(gc::new(FuncWrapper::new(a[1].clone()))))
}

fn classmethod_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check(vm, "classmethod", &a[1..], 1, 1)?;
    Ok(Value::ClassMethod(gc::new(FuncWrapper::new(a[1].clone()))))
}

/// `types.MethodType(func, obj)`: binds `func` to `obj` as attribute
/// lookup would.
fn method_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, "method", kw)?;
    let [func, obj] = &a[1..] else {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", a.len() - 1)));
    };
    if !vm.is_callable(func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::Method(Rc::new(Method { func: func.clone(), self_: obj.clone() })))
}

fn super_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match &a[1..] {
        [class, obj] => vm.make_super(class.clone(), obj.clone()),
        [] => Err(vm.runtime_error("super(): no arguments")),
        _ => Err(vm.type_error("super() takes 0 or 2 arguments in tulip")),
    }
}

fn enumerate_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = &a[1..];
    let it = args::arg(a, kw, 0, "iterable").ok_or_else(|| vm.type_error("enumerate() missing required argument 'iterable'"))?;
    let start = args::arg(a, kw, 1, "start").unwrap_or(Value::Int(0));
    if !matches!(start.builtin_base(), Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&start).as_str())));
    }
    let it = vm.iter(&it)?;
    Ok(vm.native_iter("enumerate", IterState::Enumerate { it, count: start }))
}

fn zip_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::only_kw(vm, "zip", kw, &["strict"])?;
    let strict = match args::kwarg(kw, "strict") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let mut its = Vec::new();
    for x in &a[1..] {
        its.push(vm.iter(x)?);
    }
    Ok(vm.native_iter("zip", IterState::Zip { its, strict }))
}

fn map_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if a.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let its = a[2..].iter().map(|x| vm.iter(x)).collect::<PyResult<Vec<_>>>()?;
    Ok(vm.native_iter("map", IterState::Map { func: a[1].clone(), its }))
}

fn filter_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check(vm, "filter", &a[1..], 2, 2)?;
    let it = vm.iter(&a[2])?;
    Ok(vm.native_iter("filter", IterState::Filter { func: a[1].clone(), it }))
}

fn reversed_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check(vm, "reversed", &a[1..], 1, 1)?;
    let seq = &a[1];
    let class = vm.type_of(seq);
    if let Some(f) = class.lookup(&vm.names.reversed) {
        if !f.is_none() {
            return vm.call(&vm.bind_descriptor(f, seq)?, &[], &[]);
        }
    }
    if matches!(seq, Value::Dict(_)) {
        let mut keys = vm.collect(seq)?;
        keys.reverse();
        return Ok(vm.native_iter("dict_reversekeyiterator", IterState::Items { items: keys, pos: 0, source: Value::None, len: 0 }));
    }
    let ok = matches!(seq, Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_))
        || (class.lookup(&vm.names.getitem).is_some() && class.lookup(&vm.names.len).is_some());
    if !ok {
        return Err(vm.type_error(format!("'{}' object is not reversible", class.name().as_str())));
    }
    let n = vm.len(seq)?;
    let name = if matches!(seq, Value::List(_)) { "list_reverseiterator" } else { "reversed" };
    Ok(vm.native_iter(name, IterState::Reversed { seq: seq.clone(), pos: n }))
}

fn function_get(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__get__", a, 1, 2)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    Ok(Value::Method(Rc::new(Method { func: a[0].clone(), self_: a[1].clone() })))
}

fn seq_iter(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.iter(&a[0].base_value())
}

fn seq_len(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.len(&a[0].base_value())? as i64))
}

fn seq_getitem(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__getitem__", a, 1, 1)?;
    vm.get_item(&a[0].base_value(), &a[1])
}

fn seq_contains(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__contains__", a, 1, 1)?;
    Ok(Value::bool(vm.contains(&a[0].base_value(), &a[1])?))
}

fn singleton_new(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(match &a[0] {
        Value::Class(c) if Rc::ptr_eq(c, &vm.types.not_implemented) => Value::NotImplemented,
        Value::Class(c) if Rc::ptr_eq(c, &vm.types.ellipsis) => Value::Ellipsis,
        _ => Value::None,
    })
}

/// `list[int]`: the origin class and its arguments, as `types.GenericAlias`.
pub struct GenericAlias {
    pub origin: Value,
    pub args: Vec<Value>,
}

impl Vm {
    pub fn generic_alias(&self, origin: Value, index: &Value) -> Value {
        let args = match index {
            Value::Tuple(t) => t.items.to_vec(),
            other => vec![other.clone()],
        };
        Value::Native(Rc::new(NativeObj {
            class: self.iterator_class("types.GenericAlias"),
            data: std::cell::RefCell::new(Box::new(GenericAlias { origin, args })),
        }))
    }

    /// `repr()` of a type inside an alias: `int`, `__main__.C`, `list[int]`, `...`.
    pub fn alias_arg_repr(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::Class(c) => Ok(self.class_full_name(c)),
            Value::Ellipsis => Ok("...".into()),
            other => Ok(self.repr(other)?.as_str().to_string()),
        }
    }
}

/// `types.GenericAlias(origin, args)`, as a class's `__class_getitem__` uses it.
fn alias_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, "GenericAlias", kw)?;
    let [_, origin, index] = a else { return Err(vm.type_error("GenericAlias expected 2 arguments")) };
    Ok(vm.generic_alias(origin.clone(), index))
}

fn alias_call(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let origin = match &a[0] {
        Value::Native(n) => n.data.borrow().downcast_ref::<GenericAlias>().map(|g| g.origin.clone()),
        _ => None,
    };
    match origin {
        Some(o) => vm.call(&o, &a[1..], kw),
        None => Err(vm.type_error("not a generic alias")),
    }
}

fn alias_getitem(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "__getitem__", a, 1, 1)?;
    // Only an alias with type variables left can be subscripted again.
    if !has_type_variables(vm, &a[0]) {
        return Err(vm.type_error(format!("{} is not a generic class", vm.repr(&a[0])?.as_str())));
    }
    Ok(vm.generic_alias(a[0].clone(), &a[1]))
}

fn has_type_variables(vm: &Vm, v: &Value) -> bool {
    let Value::Native(n) = v else { return false };
    let Some(alias) = n.data.borrow().downcast_ref::<GenericAlias>().map(|g| g.args.clone()) else { return false };
    alias.iter().any(|arg| {
        matches!(vm.type_name(arg).as_str(), "TypeVar" | "ParamSpec" | "TypeVarTuple") || has_type_variables(vm, arg)
    })
}
