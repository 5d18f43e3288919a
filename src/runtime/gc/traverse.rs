//! What each container references (`visit`) and how garbage is emptied
//! (`clear`).
//!
//! `visit` reports every reference to a tracked container that the object
//! holds strongly, once per reference, and nothing else: reporting a
//! reference it does not hold would let the collector free a live object.
//! Leaving one out is safe (its target only looks referenced from outside).
//!
//! Some objects are not tracked but seen through: a bound method or bound
//! builtin method referenced from one place only, and an instance's
//! `__dict__` that never escaped its instance, count as part of the one
//! object that holds them, so their references are reported as that
//! object's.
//!
//! `clear` detaches every reference a container can give up. What it keeps
//! (tuple items, a property's functions, an instance's class, a function's
//! globals and closure) was fixed when the object was made, or points at
//! containers that are cleared themselves, so it cannot close a cycle:
//! clearing the garbage breaks all its cycles.

use super::{Container, Edge, Strong};
use crate::runtime::dict::DictTable;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// A value that is a tracked container.
fn edge(v: &Value) -> Option<Edge<'_>> {
    Some(match v {
        Value::List(r) => Edge::List(r),
        Value::Tuple(r) => Edge::Tuple(r),
        Value::Dict(r) => Edge::Dict(r),
        Value::Set(r) | Value::FrozenSet(r) => Edge::Set(r),
        Value::Instance(r) => Edge::Instance(r),
        Value::Function(r) => Edge::Function(r),
        Value::Cell(r) => Edge::Cell(r),
        Value::Class(r) => Edge::Class(r),
        Value::Property(r) => Edge::Property(r),
        Value::StaticMethod(r) | Value::ClassMethod(r) => Edge::Wrapper(r),
        Value::Generator(r) => Edge::Generator(r),
        _ => return None,
    })
}

/// Whether a value may lead to tracked containers (what a tuple must be
/// tracked for).
#[inline]
pub fn may_reference_containers(v: &Value) -> bool {
    match v {
        Value::List(_)
        | Value::Tuple(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::FrozenSet(_)
        | Value::Instance(_)
        | Value::Function(_)
        | Value::Cell(_)
        | Value::Class(_)
        | Value::Method(_)
        | Value::Property(_)
        | Value::StaticMethod(_)
        | Value::ClassMethod(_)
        | Value::Generator(_) => true,
        Value::Builtin(b) => b.bound.is_some(),
        _ => false,
    }
}

/// Reports `v` if it is a tracked container.
fn visit_direct(v: &Value, f: &mut impl FnMut(Edge)) {
    if let Some(e) = edge(v) {
        f(e);
    }
}

/// Reports `v` if it is a tracked container, or what it references if it
/// is a wrapper seen through.
fn visit_value(v: &Value, f: &mut impl FnMut(Edge)) {
    match v {
        Value::List(r) => f(Edge::List(r)),
        Value::Tuple(r) => f(Edge::Tuple(r)),
        Value::Dict(r) => f(Edge::Dict(r)),
        Value::Set(r) | Value::FrozenSet(r) => f(Edge::Set(r)),
        Value::Instance(r) => f(Edge::Instance(r)),
        Value::Function(r) => f(Edge::Function(r)),
        Value::Cell(r) => f(Edge::Cell(r)),
        Value::Class(r) => f(Edge::Class(r)),
        Value::Property(r) => f(Edge::Property(r)),
        Value::StaticMethod(r) | Value::ClassMethod(r) => f(Edge::Wrapper(r)),
        Value::Generator(r) => f(Edge::Generator(r)),
        Value::Method(m) if Rc::strong_count(m) == 1 => {
            visit_direct(&m.func, f);
            visit_direct(&m.self_, f);
        }
        Value::Builtin(b) if Rc::strong_count(b) == 1 => {
            if let Some(v) = &b.bound {
                visit_direct(v, f);
            }
        }
        _ => {}
    }
}

fn visit_values<'a>(values: impl IntoIterator<Item = &'a Value>, f: &mut impl FnMut(Edge)) -> usize {
    let mut n = 0;
    for v in values {
        visit_value(v, f);
        n += 1;
    }
    n
}

fn visit_table(t: &DictTable, f: &mut impl FnMut(Edge)) -> usize {
    visit_values(t.iter().flat_map(|e| [&e.key, &e.value]), f)
}

/// An instance's `__dict__` when the collector counts it as part of the
/// instance: it never escaped (so it is untracked) and only the instance
/// holds it.
fn private_dict(i: &Instance) -> Option<&Rc<Dict>> {
    i.dict.as_ref().filter(|d| !d.header().is_tracked() && Rc::strong_count(d) == 1)
}

fn visit_instance(i: &Instance, f: &mut impl FnMut(Edge)) -> Option<usize> {
    let (class, slots) = (i.class.try_borrow().ok()?, i.slots.try_borrow().ok()?);
    f(Edge::Class(&class));
    let mut n = 1 + visit_values(slots.iter().flatten(), f);
    if let Some(d) = private_dict(i) {
        n += visit_table(&*d.table.try_borrow().ok()?, f);
    } else if let Some(d) = &i.dict {
        f(Edge::Dict(d));
    }
    Some(n + match &i.payload {
        Payload::None => 0,
        Payload::Value(v) => visit_values([v], f),
        Payload::List(l) => {
            f(Edge::List(l));
            1
        }
        Payload::Dict(d) => {
            f(Edge::Dict(d));
            1
        }
        Payload::Set(s) => {
            f(Edge::Set(s));
            1
        }
        Payload::Exception(e) => {
            let e = e.try_borrow().ok()?;
            visit_values([&e.args, &e.cause, &e.context], f)
        }
    })
}

fn visit_function(func: &Function, f: &mut impl FnMut(Edge)) -> Option<usize> {
    let (defaults, kwdefaults, dict) = (func.defaults.try_borrow().ok()?, func.kwdefaults.try_borrow().ok()?, func.dict.try_borrow().ok()?);
    f(Edge::Dict(&func.globals));
    for c in func.closure.iter() {
        f(Edge::Cell(c));
    }
    let n = 1 + func.closure.len() + visit_values(defaults.iter().chain(kwdefaults.iter().flatten()), f);
    Some(n + visit_table(&dict, f) + visit_values([&func.module], f))
}

fn visit_class(c: &Class, f: &mut impl FnMut(Edge)) -> Option<usize> {
    let (dict, bases, mro, meta, cache) =
        (c.dict.try_borrow().ok()?, c.bases.try_borrow().ok()?, c.mro.try_borrow().ok()?, c.meta.try_borrow().ok()?, c.cache.try_borrow().ok()?);
    let mut n = visit_table(&dict, f);
    for k in bases.iter().chain(mro.iter()).chain(meta.iter()) {
        f(Edge::Class(k));
        n += 1;
    }
    if let Construct::Init(init) = &c.construct.try_borrow().ok()?.1 {
        f(Edge::Function(init));
        n += 1;
    }
    Some(n + visit_values(cache.values(), f))
}

/// A generator's frame while it is suspended (a running one cannot be
/// borrowed, and counts as referenced from outside).
fn visit_generator(g: &Generator, f: &mut impl FnMut(Edge)) -> Option<usize> {
    let frame = g.frame.try_borrow().ok()?;
    f(Edge::Function(&g.func));
    for c in frame.cells() {
        f(Edge::Cell(c));
    }
    for e in frame.handled() {
        f(Edge::Instance(e));
    }
    let n = 1 + frame.cells().len() + frame.handled().len();
    Some(n + visit_values(frame.slots.iter().flatten().chain(frame.delegate.iter()), f))
}

impl Strong {
    /// Reports the container's references to containers; returns how many
    /// references it looked at, or `None` if some could not be borrowed.
    pub fn visit(&self, f: &mut impl FnMut(Edge)) -> Option<usize> {
        match self {
            Strong::List(l) => Some(visit_values(l.items.try_borrow().ok()?.iter(), f)),
            Strong::Tuple(t) => Some(visit_values(t.items.iter(), f)),
            Strong::Dict(d) => Some(visit_table(&*d.table.try_borrow().ok()?, f)),
            Strong::Set(s) => Some(visit_table(&*s.table.try_borrow().ok()?, f)),
            Strong::Instance(i) => visit_instance(i, f),
            Strong::Function(func) => visit_function(func, f),
            Strong::Cell(c) => Some(visit_values(c.value.try_borrow().ok()?.iter(), f)),
            Strong::Class(c) => visit_class(c, f),
            Strong::Property(p) => Some(visit_values([&p.fget, &p.fset, &p.fdel, &p.doc], f)),
            Strong::Wrapper(w) => Some(visit_values([&w.func], f)),
            Strong::Generator(g) => visit_generator(g, f),
        }
    }

    /// Detaches what the container references, into `out`.
    pub fn clear(&self, out: &mut Detached) {
        match self {
            Strong::List(l) => {
                if let Ok(mut items) = l.items.try_borrow_mut() {
                    out.append(&mut items);
                }
            }
            Strong::Tuple(_) | Strong::Property(_) | Strong::Wrapper(_) => {}
            Strong::Dict(d) => detach_table(&d.table, out),
            Strong::Set(s) => detach_table(&s.table, out),
            Strong::Instance(i) => clear_instance(i, out),
            Strong::Function(func) => clear_function(func, out),
            Strong::Cell(c) => {
                if let Ok(mut v) = c.value.try_borrow_mut() {
                    out.extend(v.take());
                }
            }
            Strong::Class(c) => clear_class(c, out),
            // A suspended generator is closed, as CPython finalizes one
            // before breaking its cycles; that frees its frame.
            Strong::Generator(g) => g.abandon(out),
        }
    }
}

/// Contents taken out of garbage, dropped once no borrow is held.
pub type Detached = Vec<Value>;

fn detach_table(t: &std::cell::RefCell<DictTable>, out: &mut Detached) {
    if let Ok(mut t) = t.try_borrow_mut() {
        std::mem::take(&mut *t).drain_values(out);
    }
}

fn clear_instance(i: &Instance, out: &mut Detached) {
    if let Ok(mut slots) = i.slots.try_borrow_mut() {
        out.extend(std::mem::take(&mut *slots).into_iter().flatten());
    }
    if let Some(d) = private_dict(i) {
        detach_table(&d.table, out);
    }
    if let Payload::Exception(e) = &i.payload {
        if let Ok(mut e) = e.try_borrow_mut() {
            let e = &mut *e;
            for v in [&mut e.args, &mut e.cause, &mut e.context] {
                out.push(std::mem::take(v));
            }
        }
    }
}

fn clear_function(func: &Function, out: &mut Detached) {
    if let Ok(mut defaults) = func.defaults.try_borrow_mut() {
        out.append(&mut defaults);
    }
    if let Ok(mut kwdefaults) = func.kwdefaults.try_borrow_mut() {
        out.extend(std::mem::take(&mut *kwdefaults).into_iter().flatten());
    }
    detach_table(&func.dict, out);
}

fn clear_class(c: &Class, out: &mut Detached) {
    detach_table(&c.dict, out);
    for classes in [&c.bases, &c.mro] {
        if let Ok(mut classes) = classes.try_borrow_mut() {
            out.extend(std::mem::take(&mut *classes).into_iter().map(Value::Class));
        }
    }
    if let Ok(mut meta) = c.meta.try_borrow_mut() {
        out.extend(meta.take().map(Value::Class));
    }
    if let Ok(mut cache) = c.cache.try_borrow_mut() {
        cache.take_values(out);
    }
    if let Ok(mut plan) = c.construct.try_borrow_mut() {
        if let (_, Construct::Init(init)) = std::mem::replace(&mut *plan, Construct::UNSET) {
            out.push(Value::Function(init));
        }
    }
}
