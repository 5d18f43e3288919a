//! Attribute access: `object.__getattribute__`, `type.__getattribute__`,
//! descriptors, `__getattr__`, `__setattr__`, `__slots__`.

use crate::compile::ir::CodeKind;
use super::Vm;
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::{BoolWord, Value};
use std::rc::Rc;

/// A `__slots__` entry: the index of the slot in instances.
pub struct SlotDescriptor {
    pub index: usize,
    pub name: Rc<Str>,
}

impl Vm {
    pub fn get_attr(&self, obj: &Value, name: &Str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => self.instance_getattr(inst, obj, name),
            Value::Class(c) => self.class_getattr(c, name),
            Value::Module(m) => match m.dict.get_str(name) {
                Some(v) => Ok(v),
                None => {
                    if name.as_str() == "__dict__" {
                        return Ok(Value::Dict(m.dict.clone()));
                    }
                    if let Some(ga) = m.dict.get_str(&self.names.getattr) {
                        return self.call(&ga, &[Value::Str(self.intern(name.as_str()))], &[]);
                    }
                    Err(self.missing_attribute(obj, name, format!("module '{}' has no attribute '{}'", m.name.as_str(), name.as_str())))
                }
            },
            Value::Super(s) => self.super_getattr(s, name),
            _ => self.builtin_getattr(obj, name),
        }
    }

    /// `getattr(obj, name, default)`: `None` when the attribute is missing.
    /// Objects without attribute hooks answer "missing" without making the
    /// AttributeError (`hasattr` on a missing name is a common test).
    pub fn get_attr_opt(&self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        let found = match obj {
            Value::Instance(inst) => {
                let class = inst.class();
                if self.hooks(&class) & (CUSTOM_GETATTRIBUTE | HAS_GETATTR) == 0 {
                    self.object_getattribute(inst, obj, &class, name)
                } else {
                    self.get_attr(obj, name).map(Some)
                }
            }
            Value::Class(c) => self.class_lookup(c, name),
            Value::Module(_) | Value::Super(_) => self.get_attr(obj, name).map(Some),
            _ => self.builtin_lookup(obj, name),
        };
        match found {
            Err(e) if self.err_is(&e, "AttributeError") => Ok(None),
            r => r,
        }
    }

    /// The attribute-hook flags of `class` (see `Class::hook_flags`).
    pub fn hooks(&self, class: &Class) -> u8 {
        class.hook_flags([&self.names.getattribute, &self.names.getattr, &self.names.setattr], |v| {
            matches!(v, Value::Builtin(b)
                if crate::builtins::is_native(b, crate::builtins::object::object_getattribute)
                    || crate::builtins::is_native(b, crate::builtins::object::object_setattr))
        })
    }

    fn instance_getattr(&self, inst: &Rc<Instance>, obj: &Value, name: &Str) -> PyResult<Value> {
        let class = inst.class();
        let hooks = self.hooks(&class);
        if hooks & CUSTOM_GETATTRIBUTE != 0 {
            if let Some(ga) = class.lookup(&self.names.getattribute) {
                let r = self.call(&ga, &[obj.clone(), Value::Str(self.intern(name.as_str()))], &[]);
                return match r {
                    Err(e) if self.err_is(&e, "AttributeError") => match class.lookup(&self.names.getattr) {
                        Some(g) => self.call(&g, &[obj.clone(), Value::Str(self.intern(name.as_str()))], &[]),
                        None => Err(e),
                    },
                    r => r,
                };
            }
        }
        if hooks & HAS_GETATTR == 0 {
            return self.object_getattribute(inst, obj, &class, name)?.ok_or_else(|| self.no_attribute(obj, name));
        }
        // __getattr__ also answers when a descriptor (a property, a slot) raised AttributeError.
        match self.object_getattribute(inst, obj, &class, name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => self.call_getattr_hook(&class, obj, name, None),
            Err(e) if self.err_is(&e, "AttributeError") => self.call_getattr_hook(&class, obj, name, Some(e)),
            Err(e) => Err(e),
        }
    }

    fn call_getattr_hook(&self, class: &Rc<Class>, obj: &Value, name: &Str, err: Option<PyErr>) -> PyResult<Value> {
        match class.lookup(&self.names.getattr) {
            Some(g) => self.call(&g, &[obj.clone(), Value::Str(self.intern(name.as_str()))], &[]),
            None => Err(err.unwrap_or_else(|| self.no_attribute(obj, name))),
        }
    }

    pub fn no_attribute(&self, obj: &Value, name: &Str) -> PyErr {
        self.missing_attribute(obj, name, format!("'{}' object has no attribute '{}'", self.type_name(obj).as_str(), name.as_str()))
    }

    /// The generic lookup; `None` when nothing is found (the caller then
    /// tries `__getattr__`).
    pub fn object_getattribute(&self, inst: &Rc<Instance>, obj: &Value, class: &Rc<Class>, name: &Str) -> PyResult<Option<Value>> {
        let cls_attr = class.lookup(name);
        if let Some(d) = &cls_attr {
            if self.is_data_descriptor(d) {
                return self.descriptor_get(d, obj, class).map(Some);
            }
        }
        if let Some(dict) = &inst.dict {
            let v = dict.get_str(name);
            if let Some(v) = v {
                return Ok(Some(v));
            }
        }
        if let Some(d) = cls_attr {
            return self.descriptor_get(&d, obj, class).map(Some);
        }
        if let Some(data) = inst.exc() {
            if let Some(v) = self.exception_attr(data, name) {
                return Ok(Some(v));
            }
        }
        Ok(match name.as_str() {
            "__class__" => Some(Value::Class(class.clone())),
            "__dict__" => inst.dict.as_ref().map(|d| {
                // No longer private to the instance: the collector must see it.
                gc::track(d);
                Value::Dict(d.clone())
            }),
            _ => None,
        })
    }

    fn exception_attr(&self, data: &std::cell::RefCell<ExcData>, name: &Str) -> Option<Value> {
        let d = data.borrow();
        Some(match name.as_str() {
            "args" => d.args.clone(),
            "__cause__" => d.cause.clone(),
            "__context__" => d.context.clone(),
            "__suppress_context__" => Value::bool(d.suppress_context),
            "__traceback__" => {
                if d.traceback.is_empty() {
                    Value::None
                } else {
                    Value::Native(Rc::new(NativeObj {
                        class: self.iterator_class("traceback"),
                        data: std::cell::RefCell::new(Box::new(d.traceback.clone())),
                    }))
                }
            }
            _ => return None,
        })
    }

    pub fn is_data_descriptor(&self, d: &Value) -> bool {
        match d {
            Value::Property(_) => true,
            Value::Native(n) => n.data.borrow().is::<SlotDescriptor>(),
            Value::Instance(i) => {
                let c = i.class();
                c.lookup(&self.names.set).is_some() || c.lookup(&self.names.delete).is_some()
            }
            _ => false,
        }
    }

    /// `d.__get__(obj, class)` for an attribute found on `class`.
    pub fn descriptor_get(&self, d: &Value, obj: &Value, class: &Rc<Class>) -> PyResult<Value> {
        match d {
            Value::Function(_) => Ok(Value::Method(Rc::new(Method { func: d.clone(), self_: obj.clone() }))),
            Value::Builtin(b) => Ok(match b.kind {
                BuiltinKind::Method if b.bound.is_none() => {
                    self.check_receiver(b, Some(obj))?;
                    Value::Builtin(Rc::new(b.bound_to(obj.clone())))
                }
                BuiltinKind::ClassMethod => Value::Builtin(Rc::new(b.bound_to(Value::Class(class.clone())))),
                _ => d.clone(),
            }),
            Value::ClassMethod(f) => Ok(Value::Method(Rc::new(Method { func: f.func.clone(), self_: Value::Class(class.clone()) }))),
            Value::StaticMethod(f) => Ok(f.func.clone()),
            Value::Property(p) => {
                if p.fget.is_none() {
                    return Err(self.attr_error(format!("property object of '{}' object has no getter", class.instance_type_name().as_str())));
                }
                self.call(&p.fget, &[obj.clone()], &[])
            }
            Value::Native(n) => {
                if let Some(sd) = n.data.borrow().downcast_ref::<SlotDescriptor>() {
                    if let Value::Instance(i) = obj {
                        if let Some(Some(v)) = i.slots.borrow().get(sd.index) {
                            return Ok(v.clone());
                        }
                    }
                    return Err(self.attr_error(format!(
                        "'{}' object has no attribute '{}'",
                        self.type_name(obj).as_str(),
                        sd.name.as_str()
                    )));
                }
                Ok(d.clone())
            }
            Value::Instance(i) => {
                let dc = i.class();
                match dc.lookup(&self.names.get) {
                    Some(get) => self.call(&get, &[d.clone(), obj.clone(), Value::Class(class.clone())], &[]),
                    None => Ok(d.clone()),
                }
            }
            _ => Ok(d.clone()),
        }
    }

    /// Binds an attribute found on a type to `obj` (used for dunders).
    pub fn bind_descriptor(&self, d: Value, obj: &Value) -> PyResult<Value> {
        let class = self.type_of(obj);
        self.descriptor_get(&d, obj, &class)
    }

    /// `type.__getattribute__`.
    pub fn class_getattr(&self, c: &Rc<Class>, name: &Str) -> PyResult<Value> {
        self.class_lookup(c, name)?.ok_or_else(|| {
            self.missing_attribute(
                &Value::Class(c.clone()),
                name,
                format!("type object '{}' has no attribute '{}'", c.name().as_str(), name.as_str()),
            )
        })
    }

    /// `c.name`, or `None` when nothing answers it.
    fn class_lookup(&self, c: &Rc<Class>, name: &Str) -> PyResult<Option<Value>> {
        let meta = c.meta.borrow().clone();
        let meta_attr = meta.as_ref().and_then(|m| m.lookup(name));
        if let Some(d) = &meta_attr {
            if self.is_data_descriptor(d) {
                return self.descriptor_get(d, &Value::Class(c.clone()), meta.as_ref().unwrap_or(&self.types.type_)).map(Some);
            }
        }
        if let Some(v) = c.lookup(name) {
            return self.class_attr_get(&v, c).map(Some);
        }
        if let Some(v) = self.class_special_attr(c, name) {
            return Ok(Some(v));
        }
        if let Some(d) = meta_attr {
            return self.descriptor_get(&d, &Value::Class(c.clone()), meta.as_ref().unwrap_or(&self.types.type_)).map(Some);
        }
        // Methods of `type` itself (`C.mro()`, `C.__subclasses__()`).
        if let Some(d) = self.types.type_.lookup(name) {
            return self.descriptor_get(&d, &Value::Class(c.clone()), &self.types.type_).map(Some);
        }
        if let Some(m) = &meta {
            if let Some(g) = m.lookup(&self.names.getattr) {
                return self.call(&g, &[Value::Class(c.clone()), Value::Str(self.intern(name.as_str()))], &[]).map(Some);
            }
        }
        Ok(None)
    }

    /// An attribute found on a class, accessed through the class.
    fn class_attr_get(&self, v: &Value, c: &Rc<Class>) -> PyResult<Value> {
        match v {
            Value::ClassMethod(f) => Ok(Value::Method(Rc::new(Method { func: f.func.clone(), self_: Value::Class(c.clone()) }))),
            Value::StaticMethod(f) => Ok(f.func.clone()),
            Value::Builtin(b) if b.kind == BuiltinKind::ClassMethod => {
                Ok(Value::Builtin(Rc::new(b.bound_to(Value::Class(c.clone())))))
            }
            Value::Instance(i) => {
                let dc = i.class();
                match dc.lookup(&self.names.get) {
                    Some(get) => self.call(&get, &[v.clone(), Value::None, Value::Class(c.clone())], &[]),
                    None => Ok(v.clone()),
                }
            }
            _ => Ok(v.clone()),
        }
    }

    fn class_special_attr(&self, c: &Rc<Class>, name: &Str) -> Option<Value> {
        Some(match name.as_str() {
            "__name__" => Value::Str(c.name()),
            "__qualname__" => Value::Str(c.qualname.borrow().clone()),
            "__mro__" => Value::tuple(c.mro.borrow().iter().map(|k| Value::Class(k.clone())).collect()),
            "__bases__" => {
                let bases: Vec<Value> = c.bases.borrow().iter().map(|k| Value::Class(k.clone())).collect();
                Value::tuple(bases)
            }
            "__base__" => c.bases.borrow().first().map(|b| Value::Class(b.clone())).unwrap_or(Value::None),
            "__dict__" => Value::Dict(gc::new(Dict::from_table(c.dict.borrow().clone()))),
            "__class__" => Value::Class(c.meta.borrow().clone().unwrap_or_else(|| self.types.type_.clone())),
            "__doc__" => Value::None,
            "__module__" => Value::str("builtins"),
            "__annotations__" if c.is_heap => {
                let d = Value::Dict(gc::new(Dict::new()));
                c.dict.borrow_mut().set_str(self.names.annotations.clone(), d.clone());
                bump_type_version();
                d
            }
            _ => return None,
        })
    }

    /// Attributes of builtin values: methods from the type, then the
    /// type-specific data attributes (`__name__` of a function, ...).
    fn builtin_getattr(&self, obj: &Value, name: &Str) -> PyResult<Value> {
        self.builtin_lookup(obj, name)?.ok_or_else(|| self.no_attribute(obj, name))
    }

    fn builtin_lookup(&self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        let class = self.type_of(obj);
        if let Some(d) = class.lookup(name) {
            return self.descriptor_get(&d, obj, &class).map(Some);
        }
        if let Some(v) = self.value_special_attr(obj, name)? {
            return Ok(Some(v));
        }
        Ok((name.as_str() == "__class__").then_some(Value::Class(class)))
    }

    fn value_special_attr(&self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        let n = name.as_str();
        Ok(Some(match obj {
            Value::Function(f) => {
                if let Some(v) = f.dict.borrow().get_str(name.hash(), name) {
                    return Ok(Some(v));
                }
                match n {
                    "__name__" => Value::Str(f.name.borrow().clone()),
                    "__qualname__" => Value::Str(f.qualname.borrow().clone()),
                    "__doc__" => f.code.doc.clone().unwrap_or(Value::None),
                    "__module__" => f.module.clone(),
                    "__dict__" => Value::Dict(gc::new(Dict::from_table(f.dict.borrow().clone()))),
                    "__defaults__" => {
                        let d = f.defaults.borrow();
                        if d.is_empty() {
                            Value::None
                        } else {
                            Value::tuple(d.clone())
                        }
                    }
                    "__kwdefaults__" => {
                        let p = &f.code.params;
                        let kd = f.kwdefaults.borrow();
                        let dict = Dict::new();
                        for (j, v) in kd.iter().enumerate() {
                            if let Some(v) = v {
                                dict.set_str(p.names[p.kwonly_start() + j].clone(), v.clone());
                            }
                        }
                        if dict.len() == 0 {
                            Value::None
                        } else {
                            Value::Dict(gc::new(dict))
                        }
                    }
                    "__globals__" => Value::Dict(f.globals.clone()),
                    "__annotations__" => {
                        let d = Value::Dict(gc::new(Dict::new()));
                        f.dict.borrow_mut().set_str(self.names.annotations.clone(), d.clone());
                        d
                    }
                    "__closure__" => {
                        if f.closure.is_empty() {
                            Value::None
                        } else {
                            Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                        }
                    }
                    "__code__" => Value::Native(Rc::new(NativeObj {
                        class: self.iterator_class("code"),
                        data: std::cell::RefCell::new(Box::new(f.code.clone())),
                    })),
                    _ => return Ok(None),
                }
            }
            Value::Builtin(b) => match n {
                "__name__" => Value::str(b.name),
                "__qualname__" => {
                    if b.owner.is_empty() {
                        Value::str(b.name)
                    } else {
                        Value::string(format!("{}.{}", b.owner, b.name))
                    }
                }
                "__self__" => b.bound.clone().unwrap_or(Value::None),
                "__doc__" => Value::None,
                "__module__" => Value::str("builtins"),
                _ => return Ok(None),
            },
            Value::Method(m) => match n {
                "__func__" => m.func.clone(),
                "__self__" => m.self_.clone(),
                _ => return self.get_attr(&m.func, name).map(Some),
            },
            Value::Generator(g) => {
                use super::generator::GenState;
                let prefix = match g.kind {
                    CodeKind::Coroutine => "cr_",
                    CodeKind::AsyncGenerator => "ag_",
                    _ => "gi_",
                };
                match n {
                    "__name__" => Value::Str(g.name()),
                    "__qualname__" => Value::Str(g.qualname()),
                    _ => match n.strip_prefix(prefix) {
                        // An async generator is "running" while an asend/athrow drives it.
                        Some("running") => match &g.agen {
                            Some(a) => Value::bool(a.running_async.get()),
                            None => Value::bool(g.is_running()),
                        },
                        Some("suspended") => Value::bool(g.state() == GenState::Suspended),
                        Some("frame") => g.frame(self),
                        Some("code") => g.code_object(self),
                        Some("yieldfrom") if prefix == "gi_" => g.delegate(),
                        Some("await") if prefix != "gi_" => g.delegate(),
                        Some("origin") if prefix == "cr_" => Value::None,
                        _ => return Ok(None),
                    },
                }
            }
            Value::Property(p) => match n {
                "fget" => p.fget.clone(),
                "fset" => p.fset.clone(),
                "fdel" => p.fdel.clone(),
                "__doc__" => p.doc.clone(),
                // abc: a property is abstract when one of its functions is.
                "__isabstractmethod__" => {
                    for f in [&p.fget, &p.fset, &p.fdel] {
                        if !f.is_none() {
                            if let Some(v) = self.get_attr_opt(f, name)? {
                                if self.truthy(&v)? {
                                    return Ok(Some(Value::bool(true)));
                                }
                            }
                        }
                    }
                    Value::bool(false)
                }
                _ => return Ok(None),
            },
            Value::StaticMethod(f) | Value::ClassMethod(f) => match n {
                "__func__" | "__wrapped__" => f.func.clone(),
                _ => return self.get_attr(&f.func, name).map(Some),
            },
            Value::Cell(c) => match n {
                "cell_contents" => match &*c.value.borrow() {
                    Some(v) => v.clone(),
                    None => return Err(self.value_error("Cell is empty")),
                },
                _ => return Ok(None),
            },
            Value::Slice(s) => match n {
                "start" => s.start.clone(),
                "stop" => s.stop.clone(),
                "step" => s.step.clone(),
                _ => return Ok(None),
            },
            Value::Range(r) => match n {
                "start" => Value::from_i128(r.start),
                "stop" => Value::from_i128(r.stop),
                "step" => Value::from_i128(r.step),
                _ => return Ok(None),
            },
            Value::Complex(c) => match n {
                "real" => Value::float(c.re),
                "imag" => Value::float(c.im),
                _ => return Ok(None),
            },
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match n {
                "real" | "numerator" => self.int_value(obj),
                "imag" => Value::Int(0),
                "denominator" => Value::Int(1),
                _ => return Ok(None),
            },
            Value::Float(f) => match n {
                "real" => Value::Float(*f),
                "imag" => Value::float(0.0),
                _ => return Ok(None),
            },
            Value::Native(nobj) => {
                let data = nobj.data.borrow();
                if let Some(view) = data.downcast_ref::<crate::builtins::memoryview::MemoryView>() {
                    return crate::builtins::memoryview::attr(self, view, n).transpose();
                }
                if let Some(g) = data.downcast_ref::<crate::builtins::misc::GenericAlias>() {
                    return Ok(match n {
                        "__origin__" => Some(g.origin.clone()),
                        "__args__" => Some(Value::tuple(g.args.clone())),
                        _ => None,
                    });
                }
                if let Some(u) = data.downcast_ref::<crate::builtins::union::UnionType>() {
                    return Ok((n == "__args__").then(|| Value::tuple(u.args.clone())));
                }
                if let Some(code) = data.downcast_ref::<Rc<crate::compile::ir::Code>>() {
                    return Ok(self.code_attr(code, n));
                }
                if let Some(tb) = data.downcast_ref::<Vec<TbEntry>>() {
                    return Ok(match n {
                        "tb_lineno" => tb.last().map(|e| Value::Int(e.line as i64)),
                        _ => None,
                    });
                }
                return Ok(None);
            }
            _ => return Ok(None),
        }))
    }

    fn int_value(&self, v: &Value) -> Value {
        match v {
            Value::Bool(b) => Value::Int(*b as i64),
            other => other.clone(),
        }
    }

    pub fn set_attr(&self, obj: &Value, name: &Str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let class = inst.class();
                if self.hooks(&class) & CUSTOM_SETATTR != 0 {
                    if let Some(sa) = class.lookup(&self.names.setattr) {
                        self.call(&sa, &[obj.clone(), Value::Str(self.intern(name.as_str())), value], &[])?;
                        return Ok(());
                    }
                }
                self.object_setattr(inst, obj, &class, name, value)
            }
            Value::Class(c) => {
                if !c.is_heap {
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name.as_str(),
                        c.name().as_str()
                    )));
                }
                if let Some(meta) = c.meta.borrow().clone() {
                    if let Some(sa) = meta.lookup(&self.names.setattr) {
                        if let Value::Function(_) = sa {
                            self.call(&sa, &[obj.clone(), Value::Str(self.intern(name.as_str())), value], &[])?;
                            return Ok(());
                        }
                    }
                }
                self.class_setattr(c, name, value)
            }
            Value::Module(m) => {
                m.dict.set_str(self.intern(name.as_str()), value);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" => {
                        if let Some(s) = value.as_str() {
                            *f.name.borrow_mut() = self.intern(s.as_str());
                        }
                    }
                    "__qualname__" => {
                        if let Some(s) = value.as_str() {
                            *f.qualname.borrow_mut() = self.intern(s.as_str());
                        }
                    }
                    "__defaults__" => {
                        *f.defaults.borrow_mut() = if value.is_none() { Vec::new() } else { self.collect(&value)? };
                    }
                    _ => f.dict.borrow_mut().set_str(self.intern(name.as_str()), value),
                }
                Ok(())
            }
            _ => {
                let class = self.type_of(obj);
                if class.lookup(name).is_some() {
                    return Err(self.attr_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        class.name().as_str(),
                        name.as_str()
                    )));
                }
                Err(self.no_attribute(obj, name))
            }
        }
    }

    /// `type.__setattr__` on a class: sets the attribute without calling a
    /// metaclass's `__setattr__` (which is what calls this, via `super()`).
    pub fn class_setattr(&self, c: &Rc<Class>, name: &Str, value: Value) -> PyResult<()> {
        if !c.is_heap {
            return Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                c.name().as_str()
            )));
        }
        match name.as_str() {
            "__name__" => {
                if let Some(s) = value.as_str() {
                    *c.name.borrow_mut() = self.intern(s.as_str());
                }
            }
            "__qualname__" => {
                if let Some(s) = value.as_str() {
                    *c.qualname.borrow_mut() = self.intern(s.as_str());
                }
            }
            "__del__" => {
                c.dict.borrow_mut().set_str(self.intern(name.as_str()), value);
                self.enable_finalizers(c);
            }
            _ => c.dict.borrow_mut().set_str(self.intern(name.as_str()), value),
        }
        bump_type_version();
        Ok(())
    }

    /// `type.__delattr__` on a class, without a metaclass's `__delattr__`.
    pub fn class_delattr(&self, c: &Rc<Class>, name: &Str) -> PyResult<()> {
        bump_type_version();
        if c.dict.borrow_mut().del_str(name).is_none() {
            return Err(self.attr_error(format!("type object '{}' has no attribute '{}'", c.name().as_str(), name.as_str())));
        }
        Ok(())
    }

    /// `object.__setattr__`.
    pub fn object_setattr(&self, inst: &Rc<Instance>, obj: &Value, class: &Rc<Class>, name: &Str, value: Value) -> PyResult<()> {
        if let Some(d) = class.lookup(name) {
            match &d {
                Value::Property(p) => {
                    if p.fset.is_none() {
                        return Err(self.attr_error(format!(
                            "property '{}' of '{}' object has no setter",
                            name.as_str(),
                            class.name().as_str()
                        )));
                    }
                    self.call(&p.fset, &[obj.clone(), value], &[])?;
                    return Ok(());
                }
                Value::Native(n) => {
                    if let Some(sd) = n.data.borrow().downcast_ref::<SlotDescriptor>() {
                        if let Some(slot) = inst.slots.borrow_mut().get_mut(sd.index) {
                            *slot = Some(value);
                        }
                        return Ok(());
                    }
                }
                Value::Instance(di) => {
                    if let Some(set) = di.class().lookup(&self.names.set) {
                        self.call(&set, &[d.clone(), obj.clone(), value], &[])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if let Some(data) = inst.exc() {
            let mut e = data.borrow_mut();
            match name.as_str() {
                "args" => {
                    e.args = Value::tuple(self.collect(&value)?);
                    return Ok(());
                }
                "__cause__" => {
                    e.cause = value;
                    e.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    e.context = value;
                    return Ok(());
                }
                "__suppress_context__" => {
                    e.suppress_context = matches!(value, Value::Bool(BoolWord::True));
                    return Ok(());
                }
                "__traceback__" => return Ok(()),
                _ => {}
            }
        }
        if name.as_str() == "__class__" {
            if let Value::Class(c) = value {
                *inst.class.borrow_mut() = c;
                return Ok(());
            }
            return Err(self.type_error("__class__ must be set to a class"));
        }
        match &inst.dict {
            Some(d) => {
                if let Err(value) = d.replace_str(name, value) {
                    d.set_str(self.intern(name.as_str()), value);
                }
                Ok(())
            }
            None => Err(self.attr_error(format!("'{}' object has no attribute '{}'", class.instance_type_name().as_str(), name.as_str()))),
        }
    }

    pub fn del_attr(&self, obj: &Value, name: &Str) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let class = inst.class();
                if let Some(da) = class.lookup(&self.names.delattr) {
                    if let Value::Function(_) = da {
                        self.call(&da, &[obj.clone(), Value::Str(self.intern(name.as_str()))], &[])?;
                        return Ok(());
                    }
                }
                self.object_delattr(inst, obj, &class, name)
            }
            Value::Class(c) if c.is_heap => {
                if let Some(meta) = c.meta.borrow().clone() {
                    if let Some(da @ Value::Function(_)) = meta.lookup(&self.names.delattr) {
                        self.call(&da, &[obj.clone(), Value::Str(self.intern(name.as_str()))], &[])?;
                        return Ok(());
                    }
                }
                self.class_delattr(c, name)
            }
            Value::Module(m) => {
                if m.dict.del_str(name).is_none() {
                    return Err(self.attr_error(format!("module '{}' has no attribute '{}'", m.name.as_str(), name.as_str())));
                }
                Ok(())
            }
            Value::Function(f) => {
                f.dict.borrow_mut().del_str(name);
                Ok(())
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn object_delattr(&self, inst: &Rc<Instance>, obj: &Value, class: &Rc<Class>, name: &Str) -> PyResult<()> {
        if let Some(d) = class.lookup(name) {
            match &d {
                Value::Property(p) => {
                    if p.fdel.is_none() {
                        return Err(self.attr_error(format!(
                            "property '{}' of '{}' object has no deleter",
                            name.as_str(),
                            class.name().as_str()
                        )));
                    }
                    self.call(&p.fdel, &[obj.clone()], &[])?;
                    return Ok(());
                }
                Value::Native(n) => {
                    if let Some(sd) = n.data.borrow().downcast_ref::<SlotDescriptor>() {
                        let mut slots = inst.slots.borrow_mut();
                        if let Some(slot) = slots.get_mut(sd.index) {
                            if slot.take().is_none() {
                                return Err(self.attr_error(sd.name.as_str().to_string()));
                            }
                        }
                        return Ok(());
                    }
                }
                Value::Instance(di) => {
                    if let Some(del) = di.class().lookup(&self.names.delete) {
                        self.call(&del, &[d.clone(), obj.clone()], &[])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        let removed = inst.dict.as_ref().and_then(|d| d.del_str(name));
        if removed.is_none() {
            return Err(self.no_attribute(obj, name));
        }
        Ok(())
    }
}
