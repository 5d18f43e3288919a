//! `set` and `frozenset`.

use super::list::descriptor_error;
use crate::compile::ir::CmpOp;
use crate::eval::Vm;
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let s = &vm.types.set;
    super::methods(
        vm,
        s,
        "set",
        &[
            ("__init__", set_init),
            ("add", add),
            ("clear", clear),
            ("discard", discard),
            ("pop", pop),
            ("remove", remove),
            ("update", update),
            ("difference_update", difference_update),
            ("intersection_update", intersection_update),
            ("symmetric_difference_update", symmetric_difference_update),
            ("__ior__", ior),
            ("__iand__", iand),
            ("__isub__", isub),
            ("__ixor__", ixor),
        ],
    );
    s.dict.borrow_mut().set_str(vm.intern("__hash__"), Value::None);
    super::method_kind(vm, s, "set", "__new__", set_new, BuiltinKind::StaticMethod);
    let f = &vm.types.frozenset;
    super::methods(vm, f, "frozenset", &[("__hash__", hash)]);
    super::method_kind(vm, f, "frozenset", "__new__", frozenset_new, BuiltinKind::StaticMethod);
    for (c, owner) in [(s, "set"), (f, "frozenset")] {
        super::methods(
            vm,
            c,
            owner,
            &[
                ("copy", copy),
                ("difference", difference),
                ("intersection", intersection),
                ("isdisjoint", isdisjoint),
                ("issubset", issubset),
                ("issuperset", issuperset),
                ("symmetric_difference", symmetric_difference),
                ("union", union),
                ("__len__", len),
                ("__contains__", contains),
                ("__iter__", iter),
                ("__or__", or),
                ("__ror__", ror),
                ("__and__", and),
                ("__rand__", rand),
                ("__sub__", sub),
                ("__rsub__", rsub),
                ("__xor__", xor),
                ("__rxor__", rxor),
                ("__eq__", eq),
                ("__ne__", ne),
                ("__lt__", lt),
                ("__le__", le),
                ("__gt__", gt),
                ("__ge__", ge),
                ("__repr__", repr),
            ],
        );
    }
}

/// Whether `v` is a frozenset (or an instance of a frozenset subclass).
fn is_frozen(v: &Value) -> bool {
    matches!(v.builtin_base(), Value::FrozenSet(_))
}

/// `self` of a set method named `name`.
fn slf<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a Set> {
    v.as_set().ok_or_else(|| descriptor_error(vm, name, "set", v))
}

/// `self` of a method only mutable sets have.
fn mutable<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a Set> {
    if is_frozen(v) {
        return Err(descriptor_error(vm, name, "set", v));
    }
    slf(vm, v, name)
}

/// The signature of a method set and frozenset share, named after the
/// receiver's type for messages (`set.union`, `frozenset.union`).
macro_rules! either_sig {
    ($a:expr, $name:literal, $text:literal) => {
        if $a.first().is_some_and(is_frozen) {
            crate::sig!(concat!("frozenset.", $name), $text)
        } else {
            crate::sig!(concat!("set.", $name), $text)
        }
    };
}

/// A result set of the same kind as `like` (set or frozenset; never a subclass).
fn wrap(like: &Value, s: Set) -> Value {
    if is_frozen(like) {
        Value::FrozenSet(gc::new(s))
    } else {
        Value::Set(gc::new(s))
    }
}

/// `set_copy`: a new set merged from `s` (CPython may lay it out afresh).
fn copy_of(s: &Set) -> Set {
    Set::from_table(s.table.borrow().set_copy())
}

/// `set_merge`: adds the keys of the set `o` to `s`.
fn merge(vm: &Vm, s: &Set, o: &Set) -> PyResult<()> {
    if std::ptr::eq(s, o) || o.len() == 0 {
        return Ok(());
    }
    if s.table.borrow().set_fill() == 0 {
        let ot = o.table.borrow();
        s.table.borrow_mut().merge_set_into_empty(&ot);
        return Ok(());
    }
    let keys = keys_of(o);
    s.table.borrow_mut().set_reserve(keys.len());
    for k in keys {
        vm.set_add(s, k)?;
    }
    Ok(())
}

/// `set_update_internal`: adds the items of any iterable to `s`.
pub fn update_internal(vm: &Vm, s: &Set, other: &Value) -> PyResult<()> {
    if let Some(o) = other.as_set() {
        return merge(vm, s, o);
    }
    if let Value::Dict(d) = other {
        let keys = d.table.borrow().keys();
        s.table.borrow_mut().set_reserve(keys.len());
        for k in keys {
            vm.set_add(s, k)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        vm.set_add(s, x)?;
    }
    Ok(())
}

/// A new set of the items of `v` (`PySet_New(v)`).
pub fn set_from(vm: &Vm, v: &Value) -> PyResult<Set> {
    let s = Set::new();
    update_internal(vm, &s, v)?;
    Ok(s)
}

/// Whether `key` is in `other` (a set or a dict).
fn in_set_or_dict(vm: &Vm, other: &Value, key: &Value) -> PyResult<bool> {
    match other.as_set() {
        Some(o) => vm.set_contains(o, key),
        None => match other {
            Value::Dict(d) => Ok(vm.dict_get(d, key)?.is_some()),
            _ => vm.contains(other, key),
        },
    }
}

/// `set_difference`.
fn difference_of(vm: &Vm, s: &Set, other: &Value) -> PyResult<Set> {
    let other_size = match (other.as_set(), other) {
        (Some(o), _) => o.len(),
        (None, Value::Dict(d)) => d.len(),
        _ => usize::MAX,
    };
    if other_size == usize::MAX || (s.len() >> 2) > other_size {
        let out = copy_of(s);
        difference_update_internal(vm, &out, other)?;
        return Ok(out);
    }
    let out = Set::new();
    for k in keys_of(s) {
        if !in_set_or_dict(vm, other, &k)? {
            vm.set_add(&out, k)?;
        }
    }
    Ok(out)
}

/// `set_difference_update_internal`.
pub fn difference_update_internal(vm: &Vm, s: &Set, other: &Value) -> PyResult<()> {
    if let Some(o) = other.as_set() {
        if std::ptr::eq(o, s) {
            s.table.borrow_mut().clear();
            return Ok(());
        }
        let keys = if (o.len() >> 3) > s.len() { keys_of(&intersect(vm, s, other)?) } else { keys_of(o) };
        for k in keys {
            vm.set_discard(s, &k)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(x) = vm.next(&it)? {
            vm.set_discard(s, &x)?;
        }
    }
    s.table.borrow_mut().set_shrink_dummies();
    Ok(())
}

/// `set_symmetric_difference_update`.
pub fn sym_update(vm: &Vm, s: &Set, other: &Value) -> PyResult<()> {
    let keys = match (other.as_set(), other) {
        (Some(o), _) => {
            if std::ptr::eq(o, s) {
                s.table.borrow_mut().clear();
                return Ok(());
            }
            keys_of(o)
        }
        (None, Value::Dict(d)) => d.table.borrow().keys(),
        _ => keys_of(&set_from(vm, other)?),
    };
    for k in keys {
        if !vm.set_discard(s, &k)? {
            vm.set_add(s, k)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference`: `set(other)` updated with `s`.
fn sym_diff_of(vm: &Vm, s: &Set, other: &Value) -> PyResult<Set> {
    let out = set_from(vm, other)?;
    let keys = keys_of(s);
    for k in keys {
        if !vm.set_discard(&out, &k)? {
            vm.set_add(&out, k)?;
        }
    }
    Ok(out)
}

fn keys_of(s: &Set) -> Vec<Value> {
    s.table.borrow().keys()
}

/// A key usable for lookup: a set argument stands for the equal frozenset.
fn lookup_key(v: &Value) -> Value {
    match v {
        Value::Set(s) => Value::FrozenSet(gc::new(copy_of(s))),
        Value::Instance(i) => match &i.payload {
            Payload::Set(s) => Value::FrozenSet(gc::new(copy_of(s))),
            _ => v.clone(),
        },
        _ => v.clone(),
    }
}

fn set_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [], _args) = crate::sig!("set.__new__", "$type, *args, **kwargs").bind_rest(vm, a, kw)?;
    match cls {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.set) => {
            if !c.is_subclass(&vm.types.set) {
                return Err(vm.type_error(format!(
                    "set.__new__({}): {} is not a subtype of set",
                    c.name().as_str(),
                    c.name().as_str()
                )));
            }
            Ok(Value::Instance(vm.instance_with(c, Payload::Set(gc::new(Set::new())))))
        }
        Value::Class(_) => Ok(Value::Set(gc::new(Set::new()))),
        other => Err(vm.type_error(format!("set.__new__(X): X is not a type object ({})", vm.type_name(other).as_str()))),
    }
}

fn set_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [iterable]) = crate::sig!("set", "$self, iterable=(), /").bind(vm, a, kw)?;
    let s = mutable(vm, zelf, "__init__")?;
    if s.table.borrow().set_fill() > 0 {
        s.table.borrow_mut().clear();
    }
    if let Some(src) = iterable {
        if src.as_set().is_some_and(|o| std::ptr::eq(o, s)) {
            return Ok(Value::None);
        }
        update_internal(vm, s, src)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // Subclasses may take keywords (their __init__ sees them).
    let exact = matches!(a.first(), Some(Value::Class(c)) if Rc::ptr_eq(c, &vm.types.frozenset));
    let ([cls], [iterable]) = if exact {
        crate::sig!("frozenset", "$type, iterable=(), /")
    } else {
        crate::sig!("frozenset", "$type, iterable=(), /, **kwargs")
    }
    .bind(vm, a, kw)?;
    let cls = match cls {
        Value::Class(cl) => {
            if !cl.is_subclass(&vm.types.frozenset) {
                return Err(vm.type_error(format!(
                    "frozenset.__new__({}): {} is not a subtype of frozenset",
                    cl.name().as_str(),
                    cl.name().as_str()
                )));
            }
            cls.clone()
        }
        other => {
            return Err(vm.type_error(format!("frozenset.__new__(X): X is not a type object ({})", vm.type_name(other).as_str())))
        }
    };
    let s = Set::new();
    if let Some(src) = iterable {
        if let (Value::FrozenSet(f), true) = (src, exact) {
            return Ok(Value::FrozenSet(f.clone()));
        }
        update_internal(vm, &s, src)?;
    }
    let v = Value::FrozenSet(gc::new(s));
    Ok(super::numbers::wrap_for_class(vm, &cls, &vm.types.frozenset, v))
}

fn add(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("set.add", "$self, object, /").bind(vm, a, kw)?;
    let s = mutable(vm, zelf, "add")?;
    vm.set_add(s, value.clone())?;
    Ok(Value::None)
}

fn clear(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("set.clear", "$self, /").bind(vm, a, kw)?;
    let s = mutable(vm, zelf, "clear")?;
    s.table.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = either_sig!(a, "copy", "$self, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "copy")?;
    if matches!(zelf, Value::FrozenSet(_)) {
        return Ok(zelf.clone());
    }
    Ok(wrap(zelf, copy_of(s)))
}

fn discard_key(vm: &Vm, s: &Set, key: &Value) -> PyResult<bool> {
    match vm.set_discard(s, key) {
        Ok(b) => Ok(b),
        Err(e) => {
            if key.as_set().is_some() && !is_frozen(key) && vm.err_is(&e, "TypeError") {
                return vm.set_discard(s, &lookup_key(key));
            }
            Err(e)
        }
    }
}

fn discard(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("set.discard", "$self, object, /").bind(vm, a, kw)?;
    let s = mutable(vm, zelf, "discard")?;
    discard_key(vm, s, value)?;
    Ok(Value::None)
}

fn remove(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("set.remove", "$self, object, /").bind(vm, a, kw)?;
    let s = mutable(vm, zelf, "remove")?;
    if !discard_key(vm, s, value)? {
        return Err(vm.key_error(value.clone()));
    }
    Ok(Value::None)
}

fn pop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("set.pop", "$self, /").bind(vm, a, kw)?;
    let s = mutable(vm, zelf, "pop")?;
    let e = s.table.borrow_mut().pop_first();
    match e {
        Some(e) => Ok(e.key),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn update(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], others) = crate::sig!("set.update", "$self, *others").bind_rest(vm, a, kw)?;
    let s = mutable(vm, zelf, "update")?;
    for other in others {
        update_internal(vm, s, other)?;
    }
    Ok(Value::None)
}

fn union(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], others) = either_sig!(a, "union", "$self, *others").bind_rest(vm, a, kw)?;
    let s = slf(vm, zelf, "union")?;
    let out = copy_of(s);
    for other in others {
        if other.as_set().is_some_and(|o| std::ptr::eq(o, s)) {
            continue;
        }
        update_internal(vm, &out, other)?;
    }
    Ok(wrap(zelf, out))
}

/// `s & other` for any iterable `other`.
fn intersect(vm: &Vm, s: &Set, other: &Value) -> PyResult<Set> {
    let out = Set::new();
    if let Some(o) = other.as_set() {
        if std::ptr::eq(o, s) {
            return Ok(copy_of(s));
        }
        let (small, big) = if o.len() > s.len() { (s, o) } else { (o, s) };
        for x in keys_of(small) {
            if vm.set_contains(big, &x)? {
                vm.set_add(&out, x)?;
            }
        }
        return Ok(out);
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.set_contains(s, &x)? {
            vm.set_add(&out, x)?;
        }
    }
    Ok(out)
}

fn intersection(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], others) = either_sig!(a, "intersection", "$self, *others").bind_rest(vm, a, kw)?;
    let s = slf(vm, zelf, "intersection")?;
    let Some((first, others)) = others.split_first() else {
        return Ok(wrap(zelf, copy_of(s)));
    };
    let mut out = intersect(vm, s, first)?;
    for other in others {
        out = intersect(vm, &out, other)?;
    }
    Ok(wrap(zelf, out))
}

fn intersection_update(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], others) = crate::sig!("set.intersection_update", "$self, *others").bind_rest(vm, a, kw)?;
    let s = mutable(vm, zelf, "intersection_update")?;
    let Some((first, others)) = others.split_first() else {
        return Ok(Value::None);
    };
    let mut out = intersect(vm, s, first)?;
    for other in others {
        out = intersect(vm, &out, other)?;
    }
    let t = std::mem::take(&mut *out.table.borrow_mut());
    *s.table.borrow_mut() = t;
    Ok(Value::None)
}

fn difference(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], others) = either_sig!(a, "difference", "$self, *others").bind_rest(vm, a, kw)?;
    let s = slf(vm, zelf, "difference")?;
    let Some((first, others)) = others.split_first() else {
        return Ok(wrap(zelf, copy_of(s)));
    };
    let out = difference_of(vm, s, first)?;
    for other in others {
        difference_update_internal(vm, &out, other)?;
    }
    Ok(wrap(zelf, out))
}

fn difference_update(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], others) = crate::sig!("set.difference_update", "$self, *others").bind_rest(vm, a, kw)?;
    let s = mutable(vm, zelf, "difference_update")?;
    for other in others {
        difference_update_internal(vm, s, other)?;
    }
    Ok(Value::None)
}

fn symmetric_difference(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = either_sig!(a, "symmetric_difference", "$self, other, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "symmetric_difference")?;
    let out = sym_diff_of(vm, s, other)?;
    Ok(wrap(zelf, out))
}

fn symmetric_difference_update(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!("set.symmetric_difference_update", "$self, other, /").bind(vm, a, kw)?;
    let s = mutable(vm, zelf, "symmetric_difference_update")?;
    sym_update(vm, s, other)?;
    Ok(Value::None)
}

fn isdisjoint(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = either_sig!(a, "isdisjoint", "$self, other, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "isdisjoint")?;
    if let Some(o) = other.as_set() {
        let (small, big) = if o.len() < s.len() { (o, s) } else { (s, o) };
        for x in keys_of(small) {
            if vm.set_contains(big, &x)? {
                return Ok(Value::bool(false));
            }
        }
        return Ok(Value::bool(true));
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.set_contains(s, &x)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

fn issubset(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = either_sig!(a, "issubset", "$self, other, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "issubset")?;
    let tmp;
    let o = match other.as_set() {
        Some(o) => o,
        None => {
            tmp = Set::new();
            for x in vm.collect(other)? {
                vm.set_add(&tmp, x)?;
            }
            &tmp
        }
    };
    if s.len() > o.len() {
        return Ok(Value::bool(false));
    }
    for x in keys_of(s) {
        if !vm.set_contains(o, &x)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

fn issuperset(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = either_sig!(a, "issuperset", "$self, other, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "issuperset")?;
    if let Some(o) = other.as_set() {
        if o.len() > s.len() {
            return Ok(Value::bool(false));
        }
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.set_contains(s, &x)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

fn len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "set.__len__", "$self, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "__len__")?;
    Ok(Value::Int(s.len() as i64))
}

fn contains(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = either_sig!(a, "__contains__", "$self, object, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "__contains__")?;
    Ok(Value::bool(vm.set_contains(s, value)?))
}

fn iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "set.__iter__", "$self, /").bind(vm, a, kw)?;
    slf(vm, zelf, "__iter__")?;
    vm.iter(&zelf.base_value())
}

fn hash(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "frozenset.__hash__", "$self, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "__hash__")?;
    let v = Value::FrozenSet(gc::new(copy_of(s)));
    Ok(Value::Int(vm.hash(&v)?))
}

/// The two operands of a binary operator method, or `None` when the other
/// operand is not a set (the operator then returns NotImplemented).
fn operands<'a>(vm: &Vm, [x, y]: [&'a Value; 2], name: &str) -> PyResult<Option<(&'a Set, &'a Set)>> {
    let s = slf(vm, x, name)?;
    Ok(y.as_set().map(|o| (s, o)))
}

#[derive(Clone, Copy)]
enum Op {
    Or,
    And,
    Sub,
    Xor,
}

/// `x op y` for two sets (`yv` is `y` as a value).
fn combine(vm: &Vm, x: &Set, y: &Set, yv: &Value, op: Op) -> PyResult<Set> {
    match op {
        Op::Or => {
            let out = copy_of(x);
            merge(vm, &out, y)?;
            Ok(out)
        }
        Op::And => intersect(vm, x, yv),
        Op::Sub => difference_of(vm, x, yv),
        Op::Xor => sym_diff_of(vm, x, yv),
    }
}

/// Set operators between builtin sets (the evaluator's fast path).
pub fn native_binary(vm: &Vm, op: crate::runtime::int::ArithOp, x: &Value, y: &Value) -> PyResult<Option<Value>> {
    use crate::runtime::int::ArithOp;
    let (Some(a), Some(b)) = (x.as_set(), y.as_set()) else { return Ok(None) };
    let op = match op {
        ArithOp::Or => Op::Or,
        ArithOp::And => Op::And,
        ArithOp::Sub => Op::Sub,
        ArithOp::Xor => Op::Xor,
        _ => return Ok(None),
    };
    Ok(Some(wrap(x, combine(vm, a, b, y, op)?)))
}

/// In-place set operators on a builtin set; `None` when `y` is not a set.
pub fn native_inplace(vm: &Vm, op: crate::runtime::int::ArithOp, x: &Value, y: &Value) -> PyResult<Option<Value>> {
    use crate::runtime::int::ArithOp;
    let (Some(s), Some(_)) = (x.as_set(), y.as_set()) else { return Ok(None) };
    match op {
        ArithOp::Or => update_internal(vm, s, y)?,
        ArithOp::And => {
            let r = intersect(vm, s, y)?;
            let t = std::mem::take(&mut *r.table.borrow_mut());
            *s.table.borrow_mut() = t;
        }
        ArithOp::Sub => difference_update_internal(vm, s, y)?,
        ArithOp::Xor => sym_update(vm, s, y)?,
        _ => return Ok(None),
    }
    Ok(Some(x.clone()))
}

fn binary(vm: &Vm, a: [&Value; 2], op: Op, name: &str, reflected: bool) -> PyResult<Value> {
    let Some((s, o)) = operands(vm, a, name)? else { return Ok(Value::NotImplemented) };
    if reflected {
        Ok(wrap(&a[1], combine(vm, o, s, &a[0], op)?))
    } else {
        Ok(wrap(&a[0], combine(vm, s, o, &a[1], op)?))
    }
}

fn or(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__or__", "$self, value, /").bind(vm, a, kw)?;
    binary(vm, a, Op::Or, "__or__", false)
}
fn ror(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__ror__", "$self, value, /").bind(vm, a, kw)?;
    binary(vm, a, Op::Or, "__ror__", true)
}
fn and(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__and__", "$self, value, /").bind(vm, a, kw)?;
    binary(vm, a, Op::And, "__and__", false)
}
fn rand(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__rand__", "$self, value, /").bind(vm, a, kw)?;
    binary(vm, a, Op::And, "__rand__", true)
}
fn sub(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__sub__", "$self, value, /").bind(vm, a, kw)?;
    binary(vm, a, Op::Sub, "__sub__", false)
}
fn rsub(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__rsub__", "$self, value, /").bind(vm, a, kw)?;
    binary(vm, a, Op::Sub, "__rsub__", true)
}
fn xor(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__xor__", "$self, value, /").bind(vm, a, kw)?;
    binary(vm, a, Op::Xor, "__xor__", false)
}
fn rxor(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__rxor__", "$self, value, /").bind(vm, a, kw)?;
    binary(vm, a, Op::Xor, "__rxor__", true)
}

fn inplace(vm: &Vm, a: [&Value; 2], op: Op, name: &str) -> PyResult<Value> {
    mutable(vm, a[0], name)?;
    let Some((s, _)) = operands(vm, a, name)? else { return Ok(Value::NotImplemented) };
    let aop = match op {
        Op::Or => crate::runtime::int::ArithOp::Or,
        Op::And => crate::runtime::int::ArithOp::And,
        Op::Sub => crate::runtime::int::ArithOp::Sub,
        Op::Xor => crate::runtime::int::ArithOp::Xor,
    };
    let _ = native_inplace(vm, aop, &a[0], &a[1])?;
    let _ = s;
    Ok(a[0].clone())
}

fn ior(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__ior__", "$self, value, /").bind(vm, a, kw)?;
    inplace(vm, a, Op::Or, "__ior__")
}
fn iand(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__iand__", "$self, value, /").bind(vm, a, kw)?;
    inplace(vm, a, Op::And, "__iand__")
}
fn isub(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__isub__", "$self, value, /").bind(vm, a, kw)?;
    inplace(vm, a, Op::Sub, "__isub__")
}
fn ixor(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__ixor__", "$self, value, /").bind(vm, a, kw)?;
    inplace(vm, a, Op::Xor, "__ixor__")
}

fn compare(vm: &Vm, a: [&Value; 2], op: CmpOp, name: &str) -> PyResult<Value> {
    if operands(vm, a, name)?.is_none() {
        return Ok(Value::NotImplemented);
    }
    match vm.native_compare(&a[0].base_value(), &a[1].base_value(), op)? {
        Some(b) => Ok(Value::bool(b)),
        None => Ok(Value::NotImplemented),
    }
}

fn eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__eq__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Eq, "__eq__")
}
fn ne(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__ne__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Ne, "__ne__")
}
fn lt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__lt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Lt, "__lt__")
}
fn le(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__le__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Le, "__le__")
}
fn gt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__gt__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Gt, "__gt__")
}
fn ge(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!(slot "set.__ge__", "$self, value, /").bind(vm, a, kw)?;
    compare(vm, a, CmpOp::Ge, "__ge__")
}

fn repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "set.__repr__", "$self, /").bind(vm, a, kw)?;
    let s = slf(vm, zelf, "__repr__")?;
    match zelf {
        Value::Set(_) | Value::FrozenSet(_) => Ok(Value::Str(vm.repr(zelf)?)),
        other => {
            let name = vm.type_name(other);
            if s.len() == 0 {
                return Ok(Value::string(format!("{}()", name.as_str())));
            }
            let inner = vm.repr(&Value::Set(gc::new(copy_of(s))))?;
            Ok(Value::string(format!("{}({})", name.as_str(), inner.as_str())))
        }
    }
}

/// A set display of three or more constants: CPython builds a frozenset
/// constant and merges it into a new set, which can lay the table out
/// differently from adding the items one by one.
pub fn folded_display(vm: &Vm, items: Vec<Value>) -> PyResult<Value> {
    let f = Set::new();
    for x in items {
        vm.set_add(&f, x)?;
    }
    // The compiler's constant merging rebuilds the frozenset from its own
    // iteration order.
    let g = Set::new();
    for x in keys_of(&f) {
        vm.set_add(&g, x)?;
    }
    Ok(Value::Set(gc::new(copy_of(&g))))
}
