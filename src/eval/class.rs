//! Class creation (`class` statements, `type(name, bases, ns)`), the C3 MRO,
//! `super()`, and `match` patterns over classes and values.

use super::attr::SlotDescriptor;
use super::{Frame, FrameRecord, Vm};
use crate::compile::ir::{self, Pattern};
use crate::runtime::dict::DictTable;
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

impl Vm {
    pub fn exec_class_def(&self, f: &mut Frame, def: &ir::ClassDef) -> PyResult<Value> {
        let (pos, mut kw) = self.eval_args(f, &def.bases, None)?;
        let mut bases = Vec::with_capacity(pos.len());
        let mut resolved_entries = false;
        for b in pos.iter() {
            match b {
                Value::Class(c) => bases.push(c.clone()),
                other => {
                    // `__mro_entries__` (typing.Generic[T] and friends).
                    if let Some(m) = self.get_attr_opt(other, &self.names.mro_entries)? {
                        let r = self.call(&m, &[Value::tuple(pos.to_vec())], &[])?;
                        resolved_entries = true;
                        for c in self.collect(&r)? {
                            if let Value::Class(c) = c {
                                bases.push(c);
                            }
                        }
                        continue;
                    }
                    return Err(self.type_error("bases must be types"));
                }
            }
        }
        let explicit_meta = kw.iter().position(|(n, _)| n.as_str() == "metaclass").map(|i| kw.remove(i).1);
        let meta = match explicit_meta {
            Some(Value::Class(m)) => Some(m),
            Some(other) => {
                // A callable metaclass that is not a class: call it directly.
                let ns = gc::new(Dict::new());
                self.run_class_body(f, def, &ns, None)?;
                let bases_t = Value::tuple(bases.iter().map(|b| Value::Class(b.clone())).collect());
                return self.call(&other, &[Value::Str(def.name.clone()), bases_t, Value::Dict(ns)], &kw);
            }
            None => None,
        };
        let meta = self.calculate_meta(meta, &bases)?;
        // The namespace object the metaclass receives, and its dict storage.
        let (ns_object, ns) = match &meta {
            Some(m) => match m.lookup(&self.names.prepare) {
                Some(p) if !matches!(p, Value::Builtin(_)) => {
                    let bases_t = Value::tuple(bases.iter().map(|b| Value::Class(b.clone())).collect());
                    let p = self.class_getattr(m, &self.names.prepare)?;
                    let ns = self.call(&p, &[Value::Str(def.name.clone()), bases_t], &kw)?;
                    // A dict subclass keeps the names in its storage; the body
                    // binds them through its `__setitem__` (enum's namespace
                    // resolves auto() and refuses duplicates there).
                    match dict_storage(&ns) {
                        Some(d) => (Some(ns), d),
                        None if self.type_of(&ns).lookup(&self.names.getitem).is_none() => {
                            return Err(self.type_error(format!(
                                "{}.__prepare__() must return a mapping, not {}",
                                m.name().as_str(),
                                self.type_name(&ns).as_str()
                            )))
                        }
                        // Other mappings are not supported as namespaces.
                        None => (None, gc::new(Dict::new())),
                    }
                }
                _ => (None, gc::new(Dict::new())),
            },
            None => (None, gc::new(Dict::new())),
        };
        let body_frame_cells = self.run_class_body(f, def, &ns, ns_object.as_ref())?;
        if resolved_entries {
            // PEP 560: the bases as written, before __mro_entries__.
            ns.set_str(self.intern("__orig_bases__"), Value::tuple(pos.to_vec()));
        }
        let class = match &meta {
            Some(m) if m.is_heap => {
                let bases_t = Value::tuple(bases.iter().map(|b| Value::Class(b.clone())).collect());
                let ns = ns_object.unwrap_or(Value::Dict(ns));
                self.call(&Value::Class(m.clone()), &[Value::Str(def.name.clone()), bases_t, ns], &kw)?
            }
            _ => Value::Class(self.create_class(meta.clone(), &def.name, bases, &ns, &kw)?),
        };
        if let (Some(cell), Some(cells)) = (def.class_cell, body_frame_cells) {
            if let Some(c) = cells.get(cell as usize) {
                *c.value.borrow_mut() = Some(class.clone());
            }
        }
        Ok(class)
    }

    /// Runs a class body into `ns`; returns the body frame's cells (for `__class__`).
    /// `ns_object` is the mapping `__prepare__` returned when it is a dict
    /// subclass: the body's names are bound through it.
    fn run_class_body(&self, f: &mut Frame, def: &ir::ClassDef, ns: &Rc<Dict>, ns_object: Option<&Value>) -> PyResult<Option<Vec<Rc<CellObj>>>> {
        let locals = ns_object.cloned().unwrap_or_else(|| Value::Dict(ns.clone()));
        let module = f.globals.get_str(&self.names.name).unwrap_or(Value::None);
        let mut preset = vec![(self.names.module.clone(), module), (self.names.qualname.clone(), Value::Str(def.body.qualname.clone()))];
        if let Some(doc) = &def.body.doc {
            preset.push((self.names.doc.clone(), doc.clone()));
        }
        for (name, v) in preset {
            self.set_item(&locals, Value::Str(name), v)?;
        }
        let closure: Vec<Rc<CellObj>> = def
            .closure
            .iter()
            .map(|&c| f.cells.get(c as usize).cloned().unwrap_or_else(|| gc::new(CellObj::new(None))))
            .collect();
        let (mut slots, mut cells) = (Default::default(), Default::default());
        let globals = f.globals.clone();
        let rec = FrameRecord::new(&def.body, &globals);
        let mut frame = Frame::new(&rec, Some(locals), &closure, &mut slots, &mut cells);
        let depth = self.depth.get();
        self.depth.set(depth + 1);
        let linked = rec.link(&self.frames);
        let r = self.exec_block(&mut frame, &def.body.body);
        drop(linked);
        self.depth.set(depth);
        if let Err(e) = r {
            self.add_traceback(&e, &frame);
            return Err(e);
        }
        Ok(Some(frame.cells.to_vec()))
    }

    /// The most derived metaclass of the explicit one and the bases'.
    fn calculate_meta(&self, explicit: Option<Rc<Class>>, bases: &[Rc<Class>]) -> PyResult<Option<Rc<Class>>> {
        let mut winner = explicit.unwrap_or_else(|| self.types.type_.clone());
        for b in bases {
            let m = b.meta.borrow().clone().unwrap_or_else(|| self.types.type_.clone());
            if winner.is_subclass(&m) {
                continue;
            }
            if m.is_subclass(&winner) {
                winner = m;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(if Rc::ptr_eq(&winner, &self.types.type_) { None } else { Some(winner) })
    }

    /// `type.__new__(meta, name, bases, ns, **kw)`.
    pub fn create_class(
        &self,
        meta: Option<Rc<Class>>,
        name: &Str,
        mut bases: Vec<Rc<Class>>,
        ns: &Dict,
        kw: &KwArgs,
    ) -> PyResult<Rc<Class>> {
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        for b in &bases {
            if matches!(b.builtin, Some(crate::runtime::types::TypeId::Bool | crate::runtime::types::TypeId::Range | crate::runtime::types::TypeId::Slice | crate::runtime::types::TypeId::Function | crate::runtime::types::TypeId::Generator | crate::runtime::types::TypeId::NoneType)) {
                return Err(self.type_error(format!("type '{}' is not an acceptable base type", b.name().as_str())));
            }
        }
        let layout = bases.iter().map(|b| b.layout).find(|l| *l != Layout::Object).unwrap_or(Layout::Object);
        let builtin = bases.iter().find_map(|b| b.builtin.filter(|_| b.layout == layout && layout != Layout::Object));
        let mro_tail = self.c3_merge(&bases)?;
        let table: DictTable = ns.table.borrow().clone();
        let qualname = table
            .get_str(self.names.qualname.hash(), &self.names.qualname)
            .and_then(|q| q.as_str().map(|s| self.intern(s.as_str())))
            .unwrap_or_else(|| self.intern(name.as_str()));
        let class = gc::new(Class {
            cache: RefCell::new(Default::default()),
        flags: Cell::new((0, 0)),
            name: RefCell::new(self.intern(name.as_str())),
            qualname: RefCell::new(qualname),
            bases: RefCell::new(bases.clone()),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(table),
            meta: RefCell::new(meta),
            layout,
            builtin,
            slots: RefCell::new(Vec::new()),
            has_dict: Cell::new(true),
            is_heap: true,
            finalizers: RefCell::new(None),
            type_name: Default::default(),
            construct: RefCell::new(Construct::UNSET),
            exc_families: Cell::new((u64::MAX, 0)),
            gc: GcHeader::new(),
        });
        let mut mro = vec![class.clone()];
        mro.extend(mro_tail);
        *class.mro.borrow_mut() = mro;
        self.register_class(&class);
        self.setup_class_dict(&class)?;
        self.setup_slots(&class, &bases)?;
        if class.lookup(&self.intern("__del__")).is_some() {
            self.enable_finalizers(&class);
        }
        // A class without a docstring (or a `__doc__` slot) has `__doc__` None in its dict.
        if class.dict.borrow().find_str(self.names.doc.hash(), &self.names.doc).is_none() {
            class.dict.borrow_mut().set_str(self.names.doc.clone(), Value::None);
        }
        bump_type_version();
        // __set_name__ on descriptors, in definition order.
        let entries: Vec<(Value, Value)> = class.dict.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
        for (k, v) in entries {
            if let Value::Instance(i) = &v {
                if let Some(sn) = i.class().lookup(&self.names.set_name) {
                    self.call(&sn, &[v.clone(), Value::Class(class.clone()), k], &[])?;
                }
            }
        }
        // super().__init_subclass__(**kw)
        let parent_init = class.mro.borrow().iter().skip(1).find_map(|c| {
            c.dict.borrow().get_str(self.names.init_subclass.hash(), &self.names.init_subclass)
        });
        match parent_init {
            Some(Value::ClassMethod(func)) => {
                let mut args = vec![Value::Class(class.clone())];
                args.truncate(1);
                self.call(&func.func, &args, kw)?;
            }
            Some(Value::Function(func)) => {
                self.call_function(&func, &[Value::Class(class.clone())], kw)?;
            }
            _ => {
                if !kw.is_empty() {
                    return Err(self.type_error(format!("{}.__init_subclass__() takes no keyword arguments", class.name().as_str())));
                }
            }
        }
        Ok(class)
    }

    /// Records a class for `__subclasses__()`. Classes are freed by the
    /// cycle collector, so dead entries are dropped as the list doubles.
    fn register_class(&self, class: &Rc<Class>) {
        let mut registry = self.registry.borrow_mut();
        if registry.len().is_power_of_two() {
            registry.retain(|c| c.strong_count() > 0);
        }
        registry.push(Rc::downgrade(class));
    }

    /// Implicit class-body rules: `__new__` is a staticmethod,
    /// `__init_subclass__`/`__class_getitem__` are classmethods, and a class
    /// defining `__eq__` without `__hash__` is unhashable.
    fn setup_class_dict(&self, class: &Rc<Class>) -> PyResult<()> {
        let mut d = class.dict.borrow_mut();
        // As in CPython, `__qualname__` lives on the type, not in its dict.
        d.del_str(&self.names.qualname);
        for name in [&self.names.init_subclass, &self.names.class_getitem] {
            if let Some(v @ Value::Function(_)) = d.get_str(name.hash(), name) {
                d.set_str(name.clone(), Value::ClassMethod(gc::new(FuncWrapper::new(v))));
            }
        }
        if let Some(v @ Value::Function(_)) = d.get_str(self.names.new.hash(), &self.names.new) {
            d.set_str(self.names.new.clone(), Value::StaticMethod(gc::new(FuncWrapper::new(v))));
        }
        if d.find_str(self.names.eq.hash(), &self.names.eq).is_some() && d.find_str(self.names.hash.hash(), &self.names.hash).is_none() {
            d.set_str(self.names.hash.clone(), Value::None);
        }
        Ok(())
    }

    fn setup_slots(&self, class: &Rc<Class>, bases: &[Rc<Class>]) -> PyResult<()> {
        let slots_val = class.dict.borrow().get_str(self.names.slots.hash(), &self.names.slots);
        let mut inherited: Vec<Rc<Str>> = Vec::new();
        for b in bases {
            for s in b.slots.borrow().iter() {
                if !inherited.iter().any(|x| x.as_str() == s.as_str()) {
                    inherited.push(s.clone());
                }
            }
        }
        let bases_have_dict = bases.iter().any(|b| b.has_dict.get() && b.is_heap);
        let Some(slots_val) = slots_val else {
            *class.slots.borrow_mut() = inherited;
            class.has_dict.set(true);
            return Ok(());
        };
        let names: Vec<Value> = match &slots_val {
            Value::Str(_) => vec![slots_val.clone()],
            other => self.collect(other)?,
        };
        let mut has_dict = bases_have_dict;
        let mut all = inherited;
        for n in names {
            let Some(s) = n.as_str() else {
                return Err(self.type_error("__slots__ items must be strings"));
            };
            if s.as_str() == "__dict__" {
                has_dict = true;
                continue;
            }
            if s.as_str() == "__weakref__" {
                continue;
            }
            // Private names are mangled, as in the class body: `__x` -> `_C__x`.
            let name = s.as_str();
            let sym = if name.starts_with("__") && !name.ends_with("__") {
                let cls_name = class.name();
                let stripped = cls_name.as_str().trim_start_matches('_');
                if stripped.is_empty() {
                    self.intern(name)
                } else {
                    self.intern(&format!("_{stripped}{name}"))
                }
            } else {
                self.intern(name)
            };
            if class.dict.borrow().get_str(sym.hash(), &sym).is_some() {
                return Err(self.value_error(format!("'{}' in __slots__ conflicts with class variable", sym.as_str())));
            }
            let index = all.len();
            all.push(sym.clone());
            let desc = Value::Native(Rc::new(NativeObj {
                class: self.iterator_class("member_descriptor"),
                data: RefCell::new(Box::new(SlotDescriptor { index, name: sym.clone() })),
            }));
            class.dict.borrow_mut().set_str(sym, desc);
        }
        *class.slots.borrow_mut() = all;
        class.has_dict.set(has_dict);
        Ok(())
    }

    /// C3 linearization of the bases (the MRO after the class itself).
    pub fn c3_merge(&self, bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
        let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
        seqs.push(bases.to_vec());
        let mut out: Vec<Rc<Class>> = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut candidate = None;
            for s in &seqs {
                let head = &s[0];
                let in_tail = seqs.iter().any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)));
                if !in_tail {
                    candidate = Some(head.clone());
                    break;
                }
            }
            let Some(c) = candidate else {
                let names: Vec<String> = bases.iter().map(|b| b.name().as_str().to_string()).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            for s in seqs.iter_mut() {
                if Rc::ptr_eq(&s[0], &c) {
                    s.remove(0);
                }
            }
            out.push(c);
        }
    }

    pub fn make_super(&self, class: Value, obj: Value) -> PyResult<Value> {
        let Value::Class(class) = class else {
            return Err(self.type_error("super() argument 1 must be a type"));
        };
        let obj_type = match &obj {
            Value::Class(c) if c.is_subclass(&class) => c.clone(),
            _ => {
                let t = self.type_of(&obj);
                if !t.is_subclass(&class) {
                    return Err(self.type_error("super(type, obj): obj must be an instance or subtype of type"));
                }
                t
            }
        };
        Ok(Value::Super(Rc::new(Super { class, obj, obj_type })))
    }

    pub fn super_getattr(&self, s: &Super, name: &Str) -> PyResult<Value> {
        let mro = s.obj_type.mro.borrow().clone();
        let start = mro.iter().position(|c| Rc::ptr_eq(c, &s.class)).map(|i| i + 1).unwrap_or(mro.len());
        for c in &mro[start..] {
            let found = c.dict.borrow().get_str(name.hash(), name);
            if let Some(v) = found {
                return match &s.obj {
                    // super(C, cls) in a classmethod: class-style binding.
                    Value::Class(c) if Rc::ptr_eq(c, &s.obj_type) => {
                        match &v {
                            Value::ClassMethod(f) => Ok(Value::Method(Rc::new(Method { func: f.func.clone(), self_: s.obj.clone() }))),
                            Value::StaticMethod(f) => Ok(f.func.clone()),
                            Value::Builtin(b) if b.kind == BuiltinKind::ClassMethod => {
                                Ok(Value::Builtin(Rc::new(b.bound_to(s.obj.clone()))))
                            }
                            _ => Ok(v),
                        }
                    }
                    obj => self.descriptor_get(&v, obj, &s.obj_type),
                };
            }
        }
        if name.as_str() == "__class__" {
            return Ok(Value::Class(self.types.super_.clone()));
        }
        Err(self.attr_error(format!("'super' object has no attribute '{}'", name.as_str())))
    }

    // ----- match statements -----

    pub fn match_pattern(&self, f: &mut Frame, p: &Pattern, subject: &Value) -> PyResult<bool> {
        match p {
            Pattern::Value(e) => {
                let v = self.eval(f, e)?;
                self.eq(subject, &v)
            }
            Pattern::Singleton(v) => Ok(subject.is(v)),
            Pattern::As(inner, name) => {
                if let Some(inner) = inner {
                    if !self.match_pattern(f, inner, subject)? {
                        return Ok(false);
                    }
                }
                if let Some(t) = name {
                    self.assign(f, t, subject.clone())?;
                }
                Ok(true)
            }
            Pattern::Or(alts) => {
                for a in alts {
                    if self.match_pattern(f, a, subject)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Pattern::Star(_) => Ok(true),
            Pattern::Sequence(items) => {
                let is_seq = match subject {
                    Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
                    Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) | Value::Dict(_) => false,
                    Value::Instance(i) => {
                        matches!(i.payload, Payload::List(_)) || matches!(&i.payload, Payload::Value(Value::Tuple(_)))
                            || self.sequence_abc(&i.class())
                    }
                    _ => false,
                };
                if !is_seq {
                    return Ok(false);
                }
                let values = self.collect(subject)?;
                let star = items.iter().position(|p| matches!(p, Pattern::Star(_)));
                match star {
                    None => {
                        if values.len() != items.len() {
                            return Ok(false);
                        }
                        for (p, v) in items.iter().zip(&values) {
                            if !self.match_pattern(f, p, v)? {
                                return Ok(false);
                            }
                        }
                        Ok(true)
                    }
                    Some(s) => {
                        let after = items.len() - s - 1;
                        if values.len() < items.len() - 1 {
                            return Ok(false);
                        }
                        for (p, v) in items[..s].iter().zip(&values[..s]) {
                            if !self.match_pattern(f, p, v)? {
                                return Ok(false);
                            }
                        }
                        let tail_start = values.len() - after;
                        for (p, v) in items[s + 1..].iter().zip(&values[tail_start..]) {
                            if !self.match_pattern(f, p, v)? {
                                return Ok(false);
                            }
                        }
                        if let Pattern::Star(Some(t)) = &items[s] {
                            self.assign(f, t, Value::list(values[s..tail_start].to_vec()))?;
                        }
                        Ok(true)
                    }
                }
            }
            Pattern::Mapping(keys, pats, rest) => {
                let is_map = subject.as_dict().is_some()
                    || matches!(subject, Value::Instance(i) if self.mapping_abc(&i.class()));
                if !is_map {
                    return Ok(false);
                }
                let mut used = Vec::new();
                for (k, p) in keys.iter().zip(pats) {
                    let key = self.eval(f, k)?;
                    let v = match subject.as_dict() {
                        Some(d) => self.dict_get(d, &key)?,
                        None => match self.call_method(subject, "get", &[key.clone(), Value::Ellipsis]) {
                            Ok(Value::Ellipsis) => None,
                            Ok(v) => Some(v),
                            Err(e) => return Err(e),
                        },
                    };
                    let Some(v) = v else { return Ok(false) };
                    if !self.match_pattern(f, p, &v)? {
                        return Ok(false);
                    }
                    used.push(key);
                }
                if let Some(t) = rest {
                    let d = gc::new(Dict::new());
                    if let Some(src) = subject.as_dict() {
                        let entries: Vec<(Value, Value)> = src.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
                        for (k, v) in entries {
                            let mut skip = false;
                            for u in &used {
                                if self.eq(&k, u)? {
                                    skip = true;
                                }
                            }
                            if !skip {
                                self.dict_set(&d, k, v)?;
                            }
                        }
                    }
                    self.assign(f, t, Value::Dict(d))?;
                }
                Ok(true)
            }
            Pattern::Class(cls, pos, kw_names, kw_pats) => {
                let cls = self.eval(f, cls)?;
                let Value::Class(c) = &cls else {
                    return Err(self.type_error("called match pattern must be a class"));
                };
                if !self.is_instance_of(subject, c) {
                    return Ok(false);
                }
                if !pos.is_empty() {
                    let self_match = matches!(
                        c.builtin,
                        Some(crate::runtime::types::TypeId::Int
                            | crate::runtime::types::TypeId::Str
                            | crate::runtime::types::TypeId::Float
                            | crate::runtime::types::TypeId::Bool
                            | crate::runtime::types::TypeId::List
                            | crate::runtime::types::TypeId::Tuple
                            | crate::runtime::types::TypeId::Dict
                            | crate::runtime::types::TypeId::Set
                            | crate::runtime::types::TypeId::FrozenSet
                            | crate::runtime::types::TypeId::Bytes
                            | crate::runtime::types::TypeId::ByteArray)
                    ) && !c.is_heap;
                    if self_match {
                        if pos.len() > 1 {
                            return Err(self.type_error(format!(
                                "{}() accepts 1 positional sub-pattern ({} given)",
                                c.name().as_str(),
                                pos.len()
                            )));
                        }
                        if !self.match_pattern(f, &pos[0], subject)? {
                            return Ok(false);
                        }
                    } else {
                        let match_args = match c.lookup(&self.names.match_args) {
                            Some(m) => self.collect(&m)?,
                            None => Vec::new(),
                        };
                        if pos.len() > match_args.len() {
                            return Err(self.type_error(format!(
                                "{}() accepts {} positional sub-pattern{} ({} given)",
                                c.name().as_str(),
                                match_args.len(),
                                if match_args.len() == 1 { "" } else { "s" },
                                pos.len()
                            )));
                        }
                        for (p, name) in pos.iter().zip(&match_args) {
                            let Some(n) = name.as_str() else { return Ok(false) };
                            let Some(v) = self.get_attr_opt(subject, n)? else { return Ok(false) };
                            if !self.match_pattern(f, p, &v)? {
                                return Ok(false);
                            }
                        }
                    }
                }
                for (n, p) in kw_names.iter().zip(kw_pats) {
                    let Some(v) = self.get_attr_opt(subject, n)? else { return Ok(false) };
                    if !self.match_pattern(f, p, &v)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
        }
    }

    fn sequence_abc(&self, c: &Rc<Class>) -> bool {
        c.mro.borrow().iter().any(|k| matches!(k.name().as_str(), "Sequence" | "MutableSequence"))
    }

    fn mapping_abc(&self, c: &Rc<Class>) -> bool {
        c.mro.borrow().iter().any(|k| matches!(k.name().as_str(), "Mapping" | "MutableMapping"))
    }

    // ----- except* -----

    pub(crate) fn exec_except_star(&self, f: &mut Frame, t: &ir::TryStmt, err: PyErr) -> PyResult<super::exec::Flow> {
        let mut st = self.star_state(err);
        let mut from = 0;
        while let Some((i, sub)) = self.star_next(f, t, &mut st, from)? {
            let h = &t.handlers[i];
            let Value::Instance(sub_inst) = &sub else { break };
            self.enter_star_handler(f, h, &sub)?;
            let r = self.exec_block(f, &h.body);
            self.leave_star_handler(f, h);
            if let Some(flow) = self.star_handled(&mut st, sub_inst, r) {
                return Ok(flow);
            }
            from = i + 1;
        }
        self.star_finish(st)
    }

    /// Binds a handler's `as` name to the group it handles, which becomes
    /// the exception being handled.
    pub(crate) fn enter_star_handler(&self, f: &mut Frame, h: &ir::Handler, sub: &Value) -> PyResult<()> {
        if let Some(name) = &h.name {
            self.assign(f, name, sub.clone())?;
        }
        if let Value::Instance(i) = sub {
            self.handling.borrow_mut().push(i.clone());
        }
        Ok(())
    }

    pub(crate) fn leave_star_handler(&self, f: &mut Frame, h: &ir::Handler) {
        self.handling.borrow_mut().pop();
        if let Some(name) = &h.name {
            self.unbind(f, name);
        }
    }

    /// The state of an `except*` before its first handler.
    pub(crate) fn star_state(&self, err: PyErr) -> StarState {
        let remaining = Some(Value::Instance(err.0.clone()));
        StarState { err: err.0, remaining, reraised: Vec::new(), raised: Vec::new() }
    }

    /// The next handler from `from` on that matches some of the remaining
    /// exceptions, and the group of those it matches (split off them, at
    /// any depth of nesting, as `BaseExceptionGroup.split` does).
    pub(crate) fn star_next(&self, f: &mut Frame, t: &ir::TryStmt, st: &mut StarState, from: usize) -> PyResult<Option<(usize, Value)>> {
        for (i, h) in t.handlers.iter().enumerate().skip(from) {
            let Some(remaining) = st.remaining.take() else { break };
            let Some(te) = &h.type_ else {
                st.remaining = Some(remaining);
                continue;
            };
            let class = self.eval(f, te)?;
            let (matched, rest) = self.star_split(&remaining, &class)?;
            st.remaining = rest;
            let Some(matched) = matched else { continue };
            let sub = if self.is_group(&matched) {
                matched
            } else {
                // A naked exception is handled wrapped in a group of its own.
                let class = self.types.exc(if self.is_exception(&matched) { "ExceptionGroup" } else { "BaseExceptionGroup" });
                let inst = self.exc_instance(&class, vec![Value::str(""), Value::tuple(vec![matched])]);
                Value::Instance(inst)
            };
            return Ok(Some((i, sub)));
        }
        Ok(None)
    }

    /// `v` split into the part whose exceptions match `class` and the rest,
    /// keeping the nesting of groups (a part that would be empty is None).
    fn star_split(&self, v: &Value, class: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
        let Value::Instance(inst) = v else { return Ok((None, Some(v.clone()))) };
        if !self.is_group(v) {
            let hit = self.exception_matches(inst, class)?;
            return Ok(if hit { (Some(v.clone()), None) } else { (None, Some(v.clone())) });
        }
        let (mut matched, mut rest) = (Vec::new(), Vec::new());
        for item in self.group_exceptions(inst) {
            let (m, r) = self.star_split(&item, class)?;
            matched.extend(m);
            rest.extend(r);
        }
        let part = |items: Vec<Value>, whole: bool| -> PyResult<Option<Value>> {
            match (items.is_empty(), whole) {
                (true, _) => Ok(None),
                (false, true) => Ok(Some(v.clone())),
                (false, false) => self.derive_group(inst, items).map(Some),
            }
        };
        // A part that is all of `v` is `v` itself.
        let (all_matched, none_matched) = (rest.is_empty(), matched.is_empty());
        Ok((part(matched, all_matched)?, part(rest, none_matched)?))
    }

    /// Records how a handler's body ended; `Some` when the whole statement
    /// ends with that flow (`return`, `break`, `continue`).
    pub(crate) fn star_handled(&self, st: &mut StarState, sub: &Rc<Instance>, r: PyResult<super::exec::Flow>) -> Option<super::exec::Flow> {
        match r {
            Ok(super::exec::Flow::Normal) => None,
            Ok(other) => Some(other),
            Err(e) => {
                if Rc::ptr_eq(&e.0, sub) {
                    // A bare `raise`: the original's own exceptions go on.
                    st.reraised.push(Value::Instance(sub.clone()));
                } else {
                    st.raised.push(Value::Instance(self.chain_context(e, sub).0));
                }
                None
            }
        }
    }

    /// After the last handler: the new exceptions the handlers raised, plus
    /// what goes on of the original (unhandled or re-raised, in its own
    /// order and nesting); one of them alone propagates as it is, several
    /// together in a new group.
    pub(crate) fn star_finish(&self, st: StarState) -> PyResult<super::exec::Flow> {
        let mut going_on = st.raised;
        let original = Value::Instance(st.err.clone());
        if self.is_group(&original) {
            let mut kept = Vec::new();
            for v in st.remaining.iter().chain(&st.reraised) {
                self.leaves(v, &mut kept);
            }
            going_on.extend(self.project(&original, &kept)?);
        } else {
            // A naked exception: it goes on as it is if unhandled, in its
            // wrapping group if re-raised (only one handler could run).
            going_on.extend(st.remaining);
            going_on.extend(st.reraised);
        }
        let single = match going_on.as_slice() {
            [] => return Ok(super::exec::Flow::Normal),
            [Value::Instance(one)] => Some(one.clone()),
            _ => None,
        };
        if let Some(one) = single {
            return Err(PyErr(one));
        }
        let all_exceptions = going_on.iter().all(|e| self.is_exception(e));
        let class = self.types.exc(if all_exceptions { "ExceptionGroup" } else { "BaseExceptionGroup" });
        match self.make_group(&class, Value::str(""), Value::list(going_on))? {
            Value::Instance(i) => Err(PyErr(i)),
            _ => Err(PyErr(st.err)),
        }
    }

    /// The exceptions (not groups) inside `v`, by address.
    fn leaves(&self, v: &Value, out: &mut Vec<usize>) {
        match v {
            Value::Instance(inst) if self.is_group(v) => {
                for item in self.group_exceptions(inst) {
                    self.leaves(&item, out);
                }
            }
            Value::Instance(inst) => out.push(Rc::as_ptr(inst) as usize),
            _ => {}
        }
    }

    /// `v` cut down to the exceptions in `keep`, nesting kept: `v` itself
    /// when all of it is kept, None when nothing is.
    fn project(&self, v: &Value, keep: &[usize]) -> PyResult<Option<Value>> {
        let Value::Instance(inst) = v else { return Ok(None) };
        if !self.is_group(v) {
            return Ok(keep.contains(&(Rc::as_ptr(inst) as usize)).then(|| v.clone()));
        }
        let items = self.group_exceptions(inst);
        let mut kept = Vec::new();
        let mut whole = true;
        for item in &items {
            match self.project(item, keep)? {
                Some(p) => {
                    whole &= p.is(item);
                    kept.push(p);
                }
                None => whole = false,
            }
        }
        if kept.is_empty() {
            return Ok(None);
        }
        if whole {
            return Ok(Some(v.clone()));
        }
        self.derive_group(inst, kept).map(Some)
    }

    /// A group of part of `inst`'s exceptions, as `BaseExceptionGroup.split`
    /// makes one: same class and message, and the original's traceback,
    /// cause, context and notes.
    fn derive_group(&self, inst: &Rc<Instance>, items: Vec<Value>) -> PyResult<Value> {
        let group = self.make_group(&inst.class(), self.group_message(inst), Value::list(items))?;
        if let Value::Instance(g) = &group {
            self.copy_group_metadata(inst, g);
        }
        Ok(group)
    }

    fn is_group(&self, v: &Value) -> bool {
        matches!(v, Value::Instance(i) if i.class().is_subclass(&self.types.exc("BaseExceptionGroup")))
    }

    fn is_exception(&self, v: &Value) -> bool {
        matches!(v, Value::Instance(i) if i.class().is_subclass(&self.types.exc("Exception")))
    }

    pub(crate) fn group_exceptions(&self, g: &Rc<Instance>) -> Vec<Value> {
        // The tuple taken at creation, not `args`, which may hold a list
        // changed since.
        if let Some(Value::Tuple(t)) = g.dict.as_ref().and_then(|d| d.get_str(&self.intern("exceptions"))) {
            return t.items.to_vec();
        }
        let args = g.exc().map(|d| d.borrow().args.clone()).unwrap_or(Value::None);
        match &args {
            Value::Tuple(t) if t.items.len() >= 2 => self.collect(&t.items[1]).unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    fn group_message(&self, g: &Rc<Instance>) -> Value {
        let args = g.exc().map(|d| d.borrow().args.clone()).unwrap_or(Value::None);
        match &args {
            Value::Tuple(t) if !t.items.is_empty() => t.items[0].clone(),
            _ => Value::str(""),
        }
    }

    /// A group split off `from` keeps its traceback, cause, context and notes
    /// (as `BaseExceptionGroup.split` does in CPython).
    fn copy_group_metadata(&self, from: &Rc<Instance>, to: &Rc<Instance>) {
        if let (Some(src), Some(dst)) = (from.exc(), to.exc()) {
            let src = src.borrow();
            let mut dst = dst.borrow_mut();
            dst.traceback = src.traceback.clone();
            dst.cause = src.cause.clone();
            dst.context = src.context.clone();
            dst.suppress_context = src.suppress_context;
        }
        if let (Some(src), Some(dst)) = (&from.dict, &to.dict) {
            if let Some(notes) = src.get_str(&self.names.notes) {
                dst.set_str(self.names.notes.clone(), notes);
            }
        }
    }

    /// A group whose `args` hold `excs` as given (`derive` passes a list).
    pub fn make_group(&self, class: &Rc<Class>, msg: Value, excs: Value) -> PyResult<Value> {
        let inst = self.exc_instance(class, vec![msg, excs]);
        Ok(Value::Instance(inst))
    }
}

/// An `except*` between its handlers: the exception, what no handler has
/// matched yet, and what the handlers raised.
pub(crate) struct StarState {
    pub err: Rc<Instance>,
    /// What no handler has matched yet (the original, then what splitting
    /// it leaves).
    pub remaining: Option<Value>,
    /// Exceptions of the original that a handler re-raised (bare `raise`).
    pub reraised: Vec<Value>,
    /// New exceptions the handlers raised.
    pub raised: Vec<Value>,
}

/// The dict storage of a dict or of an instance of a dict subclass.
fn dict_storage(v: &Value) -> Option<Rc<Dict>> {
    match v {
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(i) => match &i.payload {
            Payload::Dict(d) => Some(d.clone()),
            _ => None,
        },
        _ => None,
    }
}
