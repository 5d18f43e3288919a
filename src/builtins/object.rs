//! `object` and `type`.

use crate::eval::Vm;
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let o = &vm.types.object;
    super::methods(
        vm,
        o,
        "object",
        &[
            ("__init__", object_init),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__hash__", object_hash),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__reduce_ex__", object_reduce_ex),
        ],
    );
    super::method_kind(vm, o, "object", "__new__", object_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, o, "object", "__init_subclass__", object_init_subclass, BuiltinKind::ClassMethod);
    super::method_kind(vm, o, "object", "__subclasshook__", object_subclasshook, BuiltinKind::ClassMethod);
    let t = &vm.types.type_;
    super::methods(
        vm,
        t,
        "type",
        &[
            ("__init__", type_init),
            ("__call__", type_call),
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__repr__", type_repr),
            ("__or__", type_or),
            ("__ror__", type_ror),
        ],
    );
    super::method_kind(vm, t, "type", "__new__", type_new, BuiltinKind::StaticMethod);
    super::method_kind(vm, t, "type", "__prepare__", type_prepare, BuiltinKind::ClassMethod);
}

pub fn object_new(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [], _args) = crate::sig!("object.__new__", "$type, *args, **kwargs").bind_rest(vm, args, kw)?;
    match cls {
        Value::Class(c) => {
            // The first class up the MRO whose `__new__` (its own or
            // inherited) is not written in Python decides: if that `__new__`
            // is a builtin constructor other than this one, it sets up storage
            // a bare instance would lack (`object.__new__(int)` would be an int
            // without a value).
            let new = &vm.names.new;
            let python_new = |k: &Rc<Class>| match k.lookup(new) {
                Some(Value::StaticMethod(w)) => matches!(w.func, Value::Function(_)),
                Some(Value::Function(_)) => true,
                _ => false,
            };
            let base = c.mro.borrow().iter().find(|k| !python_new(k)).cloned();
            if let Some(base) = base {
                if !matches!(base.lookup(new), Some(Value::Builtin(b)) if super::is_native(&b, object_new)) {
                    return Err(vm.type_error(format!(
                        "object.__new__({}) is not safe, use {}.__new__()",
                        c.name().as_str(),
                        base.name().as_str()
                    )));
                }
            }
            vm.new_instance(c)
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

pub fn object_init(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_zelf], [], rest) = crate::sig!("object.__init__", "$self, /, *args, **kwargs").bind_rest(vm, args, kw)?;
    if !rest.is_empty() || !kw.is_empty() {
        return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
    }
    Ok(Value::None)
}

fn attr_name<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a crate::runtime::str::Str> {
    v.as_str()
        .ok_or_else(|| vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(v).as_str())))
}

pub fn object_getattribute(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, name_v], []) = crate::sig!(slot "object.__getattribute__", "$self, name, /").bind(vm, args, kw)?;
    let name = attr_name(vm, name_v)?;
    match zelf {
        Value::Instance(i) => {
            let class = i.class();
            match vm.object_getattribute(i, zelf, &class, name)? {
                Some(v) => Ok(v),
                None => Err(vm.no_attribute(zelf, name)),
            }
        }
        other => vm.get_attr(other, name),
    }
}

pub fn object_setattr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, name_v, value], []) = crate::sig!(slot "object.__setattr__", "$self, name, value, /").bind(vm, args, kw)?;
    let name = attr_name(vm, name_v)?;
    match zelf {
        Value::Instance(i) => {
            let class = i.class();
            vm.object_setattr(i, zelf, &class, name, value.clone())?;
        }
        Value::Class(c) => vm.class_setattr(c, name, value.clone())?,
        other => vm.set_attr(other, name, value.clone())?,
    }
    Ok(Value::None)
}

pub fn object_delattr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, name_v], []) = crate::sig!(slot "object.__delattr__", "$self, name, /").bind(vm, args, kw)?;
    let name = attr_name(vm, name_v)?;
    match zelf {
        Value::Instance(i) => {
            let class = i.class();
            vm.object_delattr(i, zelf, &class, name)?;
        }
        Value::Class(c) if c.is_heap => vm.class_delattr(c, name)?,
        other => vm.del_attr(other, name)?,
    }
    Ok(Value::None)
}

pub fn object_hash(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "object.__hash__", "$self, /").bind(vm, args, kw)?;
    Ok(Value::Int(crate::eval::ops::id_hash(zelf)))
}

fn object_eq(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!(slot "object.__eq__", "$self, value, /").bind(vm, args, kw)?;
    if zelf.is(other) {
        Ok(Value::bool(true))
    } else {
        Ok(Value::NotImplemented)
    }
}

fn object_ne(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!(slot "object.__ne__", "$self, value, /").bind(vm, args, kw)?;
    let class = vm.type_of(zelf);
    if let Some(eq) = class.lookup(&vm.names.eq) {
        let r = vm.call(&vm.bind_descriptor(eq, zelf)?, &[other.clone()], &[])?;
        if matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        return Ok(Value::bool(!vm.truthy(&r)?));
    }
    Ok(Value::NotImplemented)
}

pub fn object_repr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "object.__repr__", "$self, /").bind(vm, args, kw)?;
    let class = vm.type_of(zelf);
    Ok(Value::string(format!("<{} object at {:#x}>", vm.class_full_name(&class), zelf.id())))
}

fn object_str(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "object.__str__", "$self, /").bind(vm, args, kw)?;
    match zelf {
        Value::Instance(i) => {
            let f = i.class().lookup(&vm.names.repr).unwrap_or(Value::None);
            vm.call(&vm.bind_descriptor(f, zelf)?, &[], &[])
        }
        other => Ok(Value::Str(vm.repr(other)?)),
    }
}

fn object_format(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, spec_v], []) = crate::sig!("object.__format__", "$self, format_spec, /").bind(vm, args, kw)?;
    let spec = spec_v.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(zelf).as_str()
        )));
    }
    Ok(Value::Str(vm.str(zelf)?))
}

fn object_dir(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("object.__dir__", "$self, /").bind(vm, args, kw)?;
    Ok(Value::list(vm.dir_names(zelf)?))
}

fn object_reduce_ex(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_zelf, _protocol], []) = crate::sig!("object.__reduce_ex__", "$self, protocol, /").bind(vm, args, kw)?;
    Err(vm.type_error("tulip does not support pickling"))
}

fn object_init_subclass(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls], []) = crate::sig!("object.__init_subclass__", "$type, /").bind(vm, args, kw)?;
    Ok(Value::None)
}

fn object_subclasshook(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls], [], _args) = crate::sig!("object.__subclasshook__", "$type, *args").bind_rest(vm, args, kw)?;
    Ok(Value::NotImplemented)
}

/// `type(x)` or `type(name, bases, ns)`, and metaclasses' `super().__new__`.
fn type_new(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([meta], [], rest) = crate::sig!("type.__new__", "$type, *args, **kwargs").bind_rest(vm, args, kw)?;
    let Value::Class(meta) = meta else {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    };
    let (name_v, bases_v, ns_v) = match rest {
        [obj] if kw.is_empty() => return Ok(Value::Class(vm.type_of(obj))),
        [name, bases, ns] => (name, bases, ns),
        _ => return Err(vm.type_error("type() takes 1 or 3 arguments")),
    };
    let Some(name) = name_v.as_str() else {
        return Err(vm.type_error("type.__new__() argument 1 must be str"));
    };
    let mut bases = Vec::new();
    for b in vm.collect(bases_v)? {
        match b {
            Value::Class(c) => bases.push(c),
            _ => return Err(vm.type_error("bases must be types")),
        }
    }
    let Some(ns) = ns_v.as_dict() else {
        return Err(vm.type_error("type.__new__() argument 3 must be dict"));
    };
    let ns = Dict::from_table(ns.table.borrow().clone());
    if ns.get_str(&vm.names.qualname).is_none() {
        ns.set_str(vm.names.qualname.clone(), name_v.clone());
    }
    let meta = if Rc::ptr_eq(meta, &vm.types.type_) { None } else { Some(meta.clone()) };
    let class = vm.create_class(meta, name, bases, &ns, kw)?;
    Ok(Value::Class(class))
}

fn type_init(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_zelf], [], _args) = crate::sig!("type.__init__", "$self, /, *args, **kwargs").bind_rest(vm, args, kw)?;
    Ok(Value::None)
}

fn type_call(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], rest) = crate::sig!("type.__call__", "$self, /, *args, **kwargs").bind_rest(vm, args, kw)?;
    match zelf {
        Value::Class(c) => vm.type_call(c, rest, kw),
        _ => Err(vm.type_error("descriptor '__call__' requires a 'type' object")),
    }
}

fn type_prepare(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_cls], [], _args) = crate::sig!("type.__prepare__", "$type, /, *args, **kwargs").bind_rest(vm, args, kw)?;
    Ok(Value::Dict(gc::new(Dict::new())))
}

fn type_mro(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("type.mro", "$self, /").bind(vm, args, kw)?;
    match zelf {
        Value::Class(c) => Ok(Value::list(c.mro.borrow().iter().map(|k| Value::Class(k.clone())).collect())),
        _ => Err(vm.type_error("descriptor 'mro' requires a 'type' object")),
    }
}

fn type_subclasses(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("type.__subclasses__", "$self, /").bind(vm, args, kw)?;
    match zelf {
        Value::Class(c) => Ok(Value::list(vm.subclasses_of(c).into_iter().map(Value::Class).collect())),
        _ => Ok(Value::list(Vec::new())),
    }
}

fn type_instancecheck(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, instance], []) = crate::sig!("type.__instancecheck__", "$self, instance, /").bind(vm, args, kw)?;
    match zelf {
        Value::Class(c) => Ok(Value::bool(vm.is_instance_of(instance, c))),
        _ => Ok(Value::bool(false)),
    }
}

fn type_subclasscheck(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, subclass], []) = crate::sig!("type.__subclasscheck__", "$self, subclass, /").bind(vm, args, kw)?;
    match (zelf, subclass) {
        (Value::Class(c), Value::Class(s)) => Ok(Value::bool(s.is_subclass(c))),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

fn type_repr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "type.__repr__", "$self, /").bind(vm, args, kw)?;
    match zelf {
        Value::Class(c) => Ok(Value::string(format!("<class '{}'>", vm.class_full_name(c)))),
        other => Ok(Value::Str(vm.repr(other)?)),
    }
}

/// `int | None` in annotations: a `types.UnionType`.
fn type_or(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!(slot "type.__or__", "$self, value, /").bind(vm, args, kw)?;
    super::union::union_of(vm, zelf, other)
}

fn type_ror(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, other], []) = crate::sig!(slot "type.__ror__", "$self, value, /").bind(vm, args, kw)?;
    super::union::union_of(vm, other, zelf)
}

/// Attributes every object of `class` has without a dict entry: its
/// `__class__`, and the `__dict__` of instances of classes without slots.
fn type_level_names(class: &Class) -> Vec<String> {
    let mut names = vec!["__class__".to_string()];
    if class.is_heap && class.has_dict.get() {
        names.push("__dict__".to_string());
    }
    names
}

impl Vm {
    /// The attribute names `dir(v)` lists, sorted.
    pub fn dir_names(&self, v: &Value) -> PyResult<Vec<Value>> {
        let mut names: Vec<String> = Vec::new();
        let add_table = |t: &crate::runtime::dict::DictTable, names: &mut Vec<String>| {
            for k in t.keys() {
                if let Some(s) = k.as_str() {
                    names.push(s.as_str().to_string());
                }
            }
        };
        match v {
            Value::Module(m) => add_table(&m.dict.table.borrow(), &mut names),
            Value::Class(c) => {
                for k in c.mro.borrow().iter() {
                    add_table(&k.dict.borrow(), &mut names);
                }
                names.extend(type_level_names(c));
            }
            _ => {
                if let Value::Instance(i) = v {
                    if let Some(d) = &i.dict {
                        add_table(&d.table.borrow(), &mut names);
                    }
                }
                let class = self.type_of(v);
                for k in class.mro.borrow().iter() {
                    add_table(&k.dict.borrow(), &mut names);
                }
                names.extend(type_level_names(&class));
            }
        }
        names.sort();
        names.dedup();
        Ok(names.into_iter().map(Value::string).collect())
    }

    /// Direct subclasses of `c` among the classes reachable from loaded modules.
    pub fn subclasses_of(&self, c: &Rc<Class>) -> Vec<Rc<Class>> {
        let mut out: Vec<Rc<Class>> = Vec::new();
        for v in self.registry.borrow().iter() {
            if let Some(k) = v.upgrade() {
                if k.bases.borrow().iter().any(|b| Rc::ptr_eq(b, c)) && !out.iter().any(|o| Rc::ptr_eq(o, &k)) {
                    out.push(k);
                }
            }
        }
        out
    }
}
