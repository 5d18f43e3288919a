//! Attribute access through per-site caches.
//!
//! Each `obj.name` in the code remembers what `name` was on the type of the
//! object it last saw (`ir::AttrCache`): nothing (so the value is in the
//! instance dict), a method, a property, a slot, a plain class attribute.
//! While the type and the global type version are unchanged, that fact still
//! holds, and the access skips the MRO walk and the descriptor checks of the
//! general path (`attr.rs`), which it falls back to for everything else.

use super::attr::SlotDescriptor;
use super::call::MethodTarget;
use super::expr::ArgVec;
use super::Vm;
use crate::compile::ir::{AttrCache, AttrEntry, AttrKind, AttrSite};
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

impl Vm {
    /// `obj.name`: the commonest case, an instance attribute the site found
    /// in the dict of an instance of this type before, inline; the rest out
    /// of line.
    #[inline(always)]
    pub fn get_attr_at(&self, obj: &Value, site: &AttrSite) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            if let Some(v) = instance_dict_hit(inst, site) {
                return Ok(v);
            }
        }
        self.get_attr_cached(obj, site)
    }

    #[inline(never)]
    fn get_attr_cached(&self, obj: &Value, site: &AttrSite) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                let cache = self.load_entry(&site.cache, inst, &site.name);
                match cache.kind.get() {
                    AttrKind::InstanceDict => {
                        if let Some(d) = &inst.dict {
                            let t = d.table.borrow();
                            if let Some(e) = t.find_str_hinted(&site.name, &cache.index).and_then(|i| t.entry_at(i)) {
                                return Ok(e.value.clone());
                            }
                        }
                    }
                    AttrKind::Method if !shadowed(inst, &site.name) => {
                        if let Some(func) = cache.method.borrow().upgrade() {
                            return Ok(Value::Method(Rc::new(Method { func: Value::Function(func), self_: obj.clone() })));
                        }
                    }
                    AttrKind::ClassValue if !shadowed(inst, &site.name) => return Ok(cache.value.borrow().clone()),
                    AttrKind::PropertyGet => {
                        let fget = cache.value.borrow().clone();
                        return self.call(&fget, std::slice::from_ref(obj), &[]);
                    }
                    AttrKind::Slot(i) => {
                        if let Some(Some(v)) = inst.slots.borrow().get(i as usize) {
                            return Ok(v.clone());
                        }
                    }
                    _ => {}
                }
                self.get_attr(obj, &site.name)
            }
            Value::Module(m) => {
                let t = m.dict.table.borrow();
                match t.find_str_hinted(&site.name, &site.cache.entries[0].index).and_then(|i| t.entry_at(i)) {
                    Some(e) => Ok(e.value.clone()),
                    None => {
                        drop(t);
                        self.get_attr(obj, &site.name)
                    }
                }
            }
            _ => self.get_attr(obj, &site.name),
        }
    }

    /// The function that `inst.name` binds as a method, if the site knows
    /// the name is one (and the instance dict does not hide it).
    #[inline]
    pub fn method_at(&self, inst: &Instance, site: &AttrSite) -> Option<Rc<Function>> {
        let cache = self.load_entry(&site.cache, inst, &site.name);
        if cache.kind.get() == AttrKind::Method && !shadowed(inst, &site.name) {
            return cache.method.borrow().upgrade();
        }
        None
    }

    /// What `obj.name(...)` calls, looked up before the arguments are
    /// evaluated, as CPython's LOAD_METHOD does: a failed lookup raises
    /// before any argument runs. Methods found on the type are not bound:
    /// `call_loaded` passes `obj` as their first argument.
    pub fn load_method_at(&self, obj: &Value, site: &AttrSite) -> PyResult<MethodTarget> {
        if let Value::Instance(inst) = obj {
            if let Some(func) = self.method_at(inst, site) {
                return Ok(MethodTarget::Function(func));
            }
            if let Some(func) = self.instance_native_method_at(inst, site) {
                return Ok(MethodTarget::Native(func));
            }
        }
        if let Value::Module(_) = obj {
            return Ok(MethodTarget::Plain(self.get_attr_at(obj, site)?));
        }
        if let Some(func) = self.native_method_at(obj, site) {
            return Ok(MethodTarget::Native(func));
        }
        self.load_method(obj, &site.name)
    }

    /// The native method `obj.name` calls when `obj` is a value of a
    /// builtin type (`list.append`, `str.join`), from the site's cache.
    /// On an instance, it is a native method its class has (asyncio's
    /// `Future.done`, `Queue.put_nowait`) that the instance dict does not
    /// hide.
    #[inline]
    pub fn native_method_at(&self, obj: &Value, site: &AttrSite) -> Option<NativeFn> {
        if let Value::Instance(inst) = obj {
            return self.instance_native_method_at(inst, site);
        }
        let class = self.builtin_type(obj)?;
        let cache = match find_entry(&site.cache, class) {
            Some(e) => e,
            None => {
                let (kind, value) = match class.lookup(&site.name) {
                    Some(Value::Builtin(b)) if is_unbound_method_of(&b, &class) => (AttrKind::BuiltinMethod, Value::Builtin(b)),
                    _ => (AttrKind::Empty, Value::None),
                };
                record(&site.cache, class, kind, value)
            }
        };
        if cache.kind.get() == AttrKind::BuiltinMethod {
            if let Value::Builtin(b) = &*cache.value.borrow() {
                return Some(b.func);
            }
        }
        None
    }

    fn instance_native_method_at(&self, inst: &Instance, site: &AttrSite) -> Option<NativeFn> {
        let cache = self.load_entry(&site.cache, inst, &site.name);
        if cache.kind.get() == AttrKind::BuiltinMethod && !shadowed(inst, &site.name) {
            if let Value::Builtin(b) = &*cache.value.borrow() {
                return Some(b.func);
            }
        }
        None
    }

    /// Calls what `load_method_at` found: `argv[0]` is free for `obj`.
    #[inline]
    pub fn call_loaded(&self, target: MethodTarget, obj: Value, argv: &mut ArgVec, kw: &KwArgs) -> PyResult<Value> {
        match target {
            MethodTarget::Function(func) => {
                argv[0] = obj;
                self.call_function(&func, argv, kw)
            }
            MethodTarget::Native(func) => {
                argv[0] = obj;
                func(self, argv, kw)
            }
            MethodTarget::Plain(callee) => self.call(&callee, &argv[1..], kw),
        }
    }

    /// `obj.name = value`.
    #[inline(always)]
    pub fn set_attr_at(&self, obj: &Value, site: &AttrSite, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => match instance_dict_replace(inst, site, value) {
                Ok(()) => Ok(()),
                Err(value) => self.set_attr_cached(obj, site, value),
            },
            _ => self.set_attr_cached(obj, site, value),
        }
    }

    #[inline(never)]
    fn set_attr_cached(&self, obj: &Value, site: &AttrSite, value: Value) -> PyResult<()> {
        let Value::Instance(inst) = obj else {
            return self.set_attr(obj, &site.name, value);
        };
        let cache = match find_entry(&site.cache, &inst.class.borrow()) {
            Some(e) => e,
            None => self.fill_store(&site.cache, inst, &site.name),
        };
        match cache.kind.get() {
            AttrKind::InstanceDict => {
                if let Some(d) = &inst.dict {
                    let mut t = d.table.borrow_mut();
                    match t.find_str_hinted(&site.name, &cache.index) {
                        Some(i) => {
                            if let Some(slot) = t.value_at_mut(i) {
                                let old = std::mem::replace(slot, value);
                                drop(t);
                                drop(old);
                            }
                        }
                        // Known absent: no second lookup.
                        None => t.insert_new(site.name.hash(), Value::Str(site.name.clone()), value),
                    }
                    return Ok(());
                }
            }
            AttrKind::PropertySet => {
                let fset = cache.value.borrow().clone();
                self.call(&fset, &[obj.clone(), value], &[])?;
                return Ok(());
            }
            AttrKind::Slot(i) => {
                let mut slots = inst.slots.borrow_mut();
                if let Some(slot) = slots.get_mut(i as usize) {
                    let old = std::mem::replace(slot, Some(value));
                    drop(slots);
                    drop(old);
                    return Ok(());
                }
            }
            _ => {}
        }
        self.set_attr(obj, &site.name, value)
    }

    /// The entry of `cache` for the type of `inst`, filled for a load of
    /// `name` if the type is new to the site.
    #[inline]
    fn load_entry<'c>(&self, cache: &'c AttrCache, inst: &Instance, name: &crate::compile::ir::Sym) -> &'c AttrEntry {
        match find_entry(cache, &inst.class.borrow()) {
            Some(e) => e,
            None => self.fill_load(cache, inst, name),
        }
    }

    /// Records what a load of `name` finds on the type of `inst`.
    #[inline(never)]
    fn fill_load<'c>(&self, cache: &'c AttrCache, inst: &Instance, name: &crate::compile::ir::Sym) -> &'c AttrEntry {
        let class = inst.class();
        let hooks = self.hooks(&class);
        let (kind, value) = if hooks & CUSTOM_GETATTRIBUTE != 0 {
            (AttrKind::Empty, Value::None)
        } else {
            match class.lookup(name) {
                None if inst.dict.is_some() => (AttrKind::InstanceDict, Value::None),
                None => (AttrKind::Empty, Value::None),
                Some(f @ Value::Function(_)) => (AttrKind::Method, f),
                Some(Value::Builtin(b)) if is_unbound_method_of(&b, &class) => (AttrKind::BuiltinMethod, Value::Builtin(b)),
                // With __getattr__, the general path catches the getter's AttributeError.
                Some(Value::Property(p)) if !p.fget.is_none() && hooks & HAS_GETATTR == 0 => (AttrKind::PropertyGet, p.fget.clone()),
                Some(v) => match slot_index(&v) {
                    Some(i) => (AttrKind::Slot(i), Value::None),
                    None if is_plain_value(&v) => (AttrKind::ClassValue, v),
                    None => (AttrKind::Empty, Value::None),
                },
            }
        };
        record(cache, &class, kind, value)
    }

    /// Records what a store to `name` meets on the type of `inst`.
    #[inline(never)]
    fn fill_store<'c>(&self, cache: &'c AttrCache, inst: &Instance, name: &crate::compile::ir::Sym) -> &'c AttrEntry {
        let class = inst.class();
        let plain_object = self.hooks(&class) & CUSTOM_SETATTR == 0 && inst.exc().is_none() && name.as_str() != "__class__";
        let (kind, value) = if !plain_object {
            (AttrKind::Empty, Value::None)
        } else {
            match class.lookup(name) {
                None if inst.dict.is_some() => (AttrKind::InstanceDict, Value::None),
                None => (AttrKind::Empty, Value::None),
                Some(Value::Property(p)) if !p.fset.is_none() => (AttrKind::PropertySet, p.fset.clone()),
                // Without `__set__`, a class attribute does not intercept stores.
                Some(v) if inst.dict.is_some() && (is_plain_value(&v) || matches!(v, Value::Function(_))) => {
                    (AttrKind::InstanceDict, Value::None)
                }
                Some(v) => match slot_index(&v) {
                    Some(i) => (AttrKind::Slot(i), Value::None),
                    None => (AttrKind::Empty, Value::None),
                },
            }
        };
        record(cache, &class, kind, value)
    }

}

/// The entry of `cache` that is valid for `class` now.
#[inline]
fn find_entry<'c>(cache: &'c AttrCache, class: &Rc<Class>) -> Option<&'c AttrEntry> {
    let key = (Rc::as_ptr(class) as usize, type_version());
    cache.entries.iter().find(|e| e.owner.get() == key)
}

/// The site's cache entry for the type of `inst`, if it says that the
/// name lives in the instance dict.
#[inline(always)]
fn dict_entry_for<'s>(inst: &Instance, site: &'s AttrSite) -> Option<&'s AttrEntry> {
    let owner = (Rc::as_ptr(&inst.class.borrow()) as usize, type_version());
    // A site that sees several classes (tasks of different kinds) keeps
    // one entry per class.
    let e = site.cache.entries.iter().find(|e| e.owner.get() == owner)?;
    (e.kind.get() == AttrKind::InstanceDict).then_some(e)
}

/// The value of `inst.name` if the site's cache entry for its type says
/// the name is in the instance dict for this type and its position hint
/// still holds.
#[inline(always)]
fn instance_dict_hit(inst: &Instance, site: &AttrSite) -> Option<Value> {
    let e = dict_entry_for(inst, site)?;
    let t = inst.dict.as_ref()?.table.borrow();
    let entry = t.entry_at(e.index.get() as usize)?;
    match &entry.key {
        Value::Str(k) if std::ptr::eq(&**k, &*site.name) => Some(entry.value.clone()),
        _ => None,
    }
}

/// Stores `inst.name = value` over the old value, as `instance_dict_hit`
/// finds it; gives the value back when that does not apply.
#[inline(always)]
fn instance_dict_replace(inst: &Instance, site: &AttrSite, value: Value) -> Result<(), Value> {
    let (Some(e), Some(d)) = (dict_entry_for(inst, site), &inst.dict) else { return Err(value) };
    let mut t = d.table.borrow_mut();
    let Some(entry) = t.entry_at_mut(e.index.get() as usize) else { return Err(value) };
    if !matches!(&entry.key, Value::Str(k) if std::ptr::eq(&**k, &*site.name)) {
        return Err(value);
    }
    let old = std::mem::replace(&mut entry.value, value);
    // The old value may run code when freed (`__del__`): not while the
    // dict is borrowed.
    drop(t);
    crate::runtime::value::release(old);
    Ok(())
}

/// Fills the next entry of `cache` with what the site found on `class`.
fn record<'c>(cache: &'c AttrCache, class: &Rc<Class>, kind: AttrKind, value: Value) -> &'c AttrEntry {
    let i = cache.next.get() as usize % cache.entries.len();
    cache.next.set((i + 1) as u8);
    let e = &cache.entries[i];
    e.owner.set((Rc::as_ptr(class) as usize, type_version()));
    e.kind.set(kind);
    let old = match (kind, value) {
        (AttrKind::Method, Value::Function(f)) => {
            *e.method.borrow_mut() = Rc::downgrade(&f);
            e.value.replace(Value::None)
        }
        (_, value) => e.value.replace(value),
    };
    drop(old);
    e
}

/// Whether the instance dict has its own `name`, hiding a class attribute.
#[inline]
fn shadowed(inst: &Instance, name: &crate::runtime::str::Str) -> bool {
    match &inst.dict {
        Some(d) => {
            let t = d.table.borrow();
            !t.is_empty() && t.find_str(name.hash(), name).is_some()
        }
        None => false,
    }
}

/// Whether `b` is a native method that instances of `class` may call
/// (its receiver check would pass).
fn is_unbound_method_of(b: &Builtin, class: &Rc<Class>) -> bool {
    b.kind == BuiltinKind::Method
        && b.bound.is_none()
        && b.owner_class.as_ref().map_or(true, |owner| owner.upgrade().is_some_and(|o| class.is_subclass(&o)))
}

fn slot_index(v: &Value) -> Option<u32> {
    match v {
        Value::Native(n) => n.data.borrow().downcast_ref::<SlotDescriptor>().map(|sd| sd.index as u32),
        _ => None,
    }
}

/// Values whose type has no `__get__`, so reading them through an
/// instance gives the value itself.
fn is_plain_value(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Complex(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Tuple(_)
            | Value::FrozenSet(_)
    )
}
