//! `range`, `slice`, `property`, `staticmethod`, `classmethod`, `super`,
//! `method`, the lazy iterator classes (`enumerate`, `zip`, `map`,
//! `filter`, `reversed`).

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
    super::method_kind(vm, &t.module, "module", "__new__", module_new, BuiltinKind::StaticMethod);
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


fn range_arg(vm: &Vm, v: &Value) -> PyResult<i128> {
    match v.builtin_base() {
        Value::BigInt(b) => {
            num_traits::ToPrimitive::to_i128(&**b).ok_or_else(|| vm.overflow_error("range() argument too large for tulip"))
        }
        Value::Float(_) => Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        _ => vm.index_value(v).map(|i| i as i128),
    }
}

/// `types.ModuleType(name, doc=None)`: an empty module.
fn module_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls, name], [doc]) = crate::sig!("module", "$type, name, doc=None").bind(vm, a, kw)?;
    if !matches!(cls, Value::Class(c) if Rc::ptr_eq(c, &vm.types.module)) {
        return Err(vm.type_error("subclasses of module are not supported"));
    }
    let Value::Str(name) = name else {
        return Err(vm.type_error(format!("module() argument 'name' must be str, not {}", vm.type_name(name).as_str())));
    };
    let dict = crate::runtime::gc::new(Dict::new());
    dict.set_str(vm.intern("__name__"), Value::Str(name.clone()));
    dict.set_str(vm.intern("__doc__"), doc.cloned().unwrap_or(Value::None));
    for key in ["__package__", "__loader__", "__spec__"] {
        dict.set_str(vm.intern(key), Value::None);
    }
    Ok(Value::Module(Rc::new(Module { name: name.clone(), dict })))
}

fn range_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, first], [stop, step]) = crate::sig!("range", "$type, start, stop=<unset>, step=1, /").bind(vm, a, kw)?;
    let (start, stop, step) = match (stop, step) {
        (None, _) => (0, range_arg(vm, first)?, 1),
        (Some(stop), None) => (range_arg(vm, first)?, range_arg(vm, stop)?, 1),
        (Some(stop), Some(step)) => (range_arg(vm, first)?, range_arg(vm, stop)?, range_arg(vm, step)?),
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

fn range_index(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("range.index", "$self, value, /").bind(vm, a, kw)?;
    let r = range_of(vm, zelf)?;
    if vm.contains(zelf, value)? {
        if let Value::Int(i) = value.builtin_base() {
            return Ok(Value::from_i128((*i as i128 - r.start) / r.step));
        }
    }
    Err(vm.value_error(format!("{} is not in range", vm.repr(value)?.as_str())))
}

fn range_count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("range.count", "$self, value, /").bind(vm, a, kw)?;
    Ok(Value::Int(vm.contains(zelf, value)? as i64))
}

fn range_reversed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("range.__reversed__", "$self, /").bind(vm, a, kw)?;
    let r = range_of(vm, zelf)?;
    if !r.fits_i64() {
        let n = r.len128();
        let last = r.start + (n - 1).max(0) * r.step;
        return Ok(vm.native_iter("longrange_iterator", IterState::LongRange { next: last, step: -r.step, remaining: n }));
    }
    let n = r.len();
    Ok(vm.native_iter("range_iterator", IterState::Range { next: r.get(n - 1), step: -(r.step as i64), remaining: n }))
}

fn slice_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, first], [stop, step]) = crate::sig!("slice", "$type, start, stop=<unset>, step=None, /").bind(vm, a, kw)?;
    let (start, stop, step) = match (stop, step) {
        (None, _) => (Value::None, first.clone(), Value::None),
        (Some(stop), step) => (first.clone(), stop.clone(), step.cloned().unwrap_or(Value::None)),
    };
    Ok(Value::Slice(Rc::new(Slice { start, stop, step })))
}

fn slice_indices(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, length], []) = crate::sig!("slice.indices", "$self, length, /").bind(vm, a, kw)?;
    let Value::Slice(s) = zelf else { return Err(vm.type_error("descriptor requires a 'slice' object")) };
    let len = vm.index_value(length)?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (x, y, z) = vm.slice_indices(s, len)?;
    // The bounds are clamped to the length; a step beyond i64 is given back whole.
    let step = match s.step.builtin_base() {
        big @ Value::BigInt(_) => big.clone(),
        _ => Value::Int(z),
    };
    Ok(Value::tuple(vec![Value::Int(x), Value::Int(y), step]))
}

fn property_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls], [fget, fset, fdel, doc]) =
        crate::sig!("property", "$type, fget=None, fset=None, fdel=None, doc=None").bind(vm, a, kw)?;
    let get = |v: Option<&Value>| v.cloned().unwrap_or(Value::None);
    let fget = get(fget);
    let mut doc = get(doc);
    if doc.is_none() && !fget.is_none() {
        doc = vm.get_attr_opt(&fget, &vm.names.doc)?.unwrap_or(Value::None);
    }
    Ok(Value::Property(gc::new(Property { fget, fset: get(fset), fdel: get(fdel), doc, gc: GcHeader::new() })))
}

fn prop<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Property> {
    match v {
        Value::Property(p) => Ok(p),
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

fn property_getter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, f], []) = crate::sig!("property.getter", "$self, getter, /").bind(vm, a, kw)?;
    let p = prop(vm, zelf)?;
    Ok(Value::Property(gc::new(Property { fget: f.clone(), fset: p.fset.clone(), fdel: p.fdel.clone(), doc: p.doc.clone(), gc: GcHeader::new() })))
}

fn property_setter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, f], []) = crate::sig!("property.setter", "$self, setter, /").bind(vm, a, kw)?;
    let p = prop(vm, zelf)?;
    Ok(Value::Property(gc::new(Property { fget: p.fget.clone(), fset: f.clone(), fdel: p.fdel.clone(), doc: p.doc.clone(), gc: GcHeader::new() })))
}

fn property_deleter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, f], []) = crate::sig!("property.deleter", "$self, deleter, /").bind(vm, a, kw)?;
    let p = prop(vm, zelf)?;
    Ok(Value::Property(gc::new(Property { fget: p.fget.clone(), fset: p.fset.clone(), fdel: f.clone(), doc: p.doc.clone(), gc: GcHeader::new() })))
}

fn property_get(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, instance], [_owner]) = crate::sig!(slot "property.__get__", "$self, instance, owner=None, /").bind(vm, a, kw)?;
    let p = prop(vm, zelf)?;
    if instance.is_none() {
        return Ok(zelf.clone());
    }
    vm.call(&p.fget, &[instance.clone()], &[])
}

fn property_set(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, instance, value], []) = crate::sig!(slot "property.__set__", "$self, instance, value, /").bind(vm, a, kw)?;
    let p = prop(vm, zelf)?;
    vm.call(&p.fset, &[instance.clone(), value.clone()], &[])
}

fn staticmethod_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, function], []) = crate::sig!(unpack "staticmethod", "$type, function, /").bind(vm, a, kw)?;
    Ok(Value::StaticMethod(gc::new(FuncWrapper::new(function.clone()))))
}

fn classmethod_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, function], []) = crate::sig!(unpack "classmethod", "$type, function, /").bind(vm, a, kw)?;
    Ok(Value::ClassMethod(gc::new(FuncWrapper::new(function.clone()))))
}

/// `types.MethodType(func, obj)`: binds `func` to `obj` as attribute
/// lookup would.
fn method_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, func, obj], []) = crate::sig!("method", "$type, function, instance, /").bind(vm, a, kw)?;
    if !vm.is_callable(func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::Method(Rc::new(Method { func: func.clone(), self_: obj.clone() })))
}

fn super_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls], [], args) = crate::sig!("super", "$type, *args").bind_rest(vm, a, kw)?;
    match args {
        [class, obj] => vm.make_super(class.clone(), obj.clone()),
        [] => Err(vm.runtime_error("super(): no arguments")),
        _ => Err(vm.type_error("super() takes 0 or 2 arguments in tulip")),
    }
}

fn enumerate_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // CPython words a missing iterable its own way (no "(pos 1)").
    let ([_cls], [it, start]) = crate::sig!("enumerate", "$type, iterable=<unset>, start=0").bind(vm, a, kw)?;
    let Some(it) = it else { return Err(vm.type_error("enumerate() missing required argument 'iterable'")) };
    let start = start.cloned().unwrap_or(Value::Int(0));
    if !matches!(start.builtin_base(), Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&start).as_str())));
    }
    let it = vm.iter(it)?;
    Ok(vm.native_iter("enumerate", IterState::Enumerate { it, count: start }))
}

fn zip_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls], [strict], iterables) = crate::sig!("zip", "$type, *iterables, strict=False").bind_rest(vm, a, kw)?;
    let strict = match strict {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut its = Vec::new();
    for x in iterables {
        its.push(vm.iter(x)?);
    }
    Ok(vm.native_iter("zip", IterState::Zip { its: its.into(), strict }))
}

fn map_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls], [], args) = crate::sig!("map", "$type, *args").bind_rest(vm, a, kw)?;
    let [func, iterables @ ..] = args else { return Err(vm.type_error("map() must have at least two arguments.")) };
    if iterables.is_empty() {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let its = iterables.iter().map(|x| vm.iter(x)).collect::<PyResult<Vec<_>>>()?;
    Ok(vm.native_iter("map", IterState::Map { func: func.clone(), its: its.into() }))
}

fn filter_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, function, iterable], []) = crate::sig!("filter", "$type, function, iterable, /").bind(vm, a, kw)?;
    let it = vm.iter(iterable)?;
    Ok(vm.native_iter("filter", IterState::Filter { func: function.clone(), it }))
}

fn reversed_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls, seq_v], []) = crate::sig!(unpack "reversed", "$type, sequence, /").bind(vm, a, kw)?;
    let seq = seq_v;
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
        return Err(vm.type_error(format!("'{}' object is not reversible", class.instance_type_name().as_str())));
    }
    let n = vm.len(seq)?;
    let name = if matches!(seq, Value::List(_)) { "list_reverseiterator" } else { "reversed" };
    Ok(vm.native_iter(name, IterState::Reversed { seq: seq.clone(), pos: n }))
}

fn function_get(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, instance], [_owner]) = crate::sig!(slot "function.__get__", "$self, instance, owner=None, /").bind(vm, a, kw)?;
    if instance.is_none() {
        return Ok(zelf.clone());
    }
    Ok(Value::Method(Rc::new(Method { func: zelf.clone(), self_: instance.clone() })))
}

fn seq_iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "range.__iter__", "$self, /").bind(vm, a, kw)?;
    vm.iter(&zelf.base_value())
}

fn seq_len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "range.__len__", "$self, /").bind(vm, a, kw)?;
    Ok(Value::Int(vm.len(&zelf.base_value())? as i64))
}

fn seq_getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, key], []) = crate::sig!(slot "range.__getitem__", "$self, key, /").bind(vm, a, kw)?;
    vm.get_item(&zelf.base_value(), key)
}

fn seq_contains(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, key], []) = crate::sig!(slot "range.__contains__", "$self, key, /").bind(vm, a, kw)?;
    Ok(Value::bool(vm.contains(&zelf.base_value(), key)?))
}

fn singleton_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], []) = crate::sig!("NoneType", "$type, /").bind(vm, a, kw)?;
    Ok(match cls {
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
    let ([_cls, origin, index], []) = crate::sig!("GenericAlias", "$type, origin, args, /").bind(vm, a, kw)?;
    Ok(vm.generic_alias(origin.clone(), index))
}

fn alias_call(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], args) = crate::sig!("GenericAlias.__call__", "$self, /, *args, **kwargs").bind_rest(vm, a, kw)?;
    let origin = match zelf {
        Value::Native(n) => n.data.borrow().downcast_ref::<GenericAlias>().map(|g| g.origin.clone()),
        _ => None,
    };
    match origin {
        Some(o) => vm.call(&o, args, kw),
        None => Err(vm.type_error("not a generic alias")),
    }
}

fn alias_getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, key], []) = crate::sig!("GenericAlias.__getitem__", "$self, key, /").bind(vm, a, kw)?;
    // Only an alias with type variables left can be subscripted again.
    if !has_type_variables(vm, zelf) {
        return Err(vm.type_error(format!("{} is not a generic class", vm.repr(zelf)?.as_str())));
    }
    Ok(vm.generic_alias(zelf.clone(), key))
}

fn has_type_variables(vm: &Vm, v: &Value) -> bool {
    let Value::Native(n) = v else { return false };
    let Some(alias) = n.data.borrow().downcast_ref::<GenericAlias>().map(|g| g.args.clone()) else { return false };
    alias.iter().any(|arg| {
        matches!(vm.type_name(arg).as_str(), "TypeVar" | "ParamSpec" | "TypeVarTuple") || has_type_variables(vm, arg)
    })
}
