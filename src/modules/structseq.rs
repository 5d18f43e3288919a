//! Struct sequences (`time.struct_time`, `os.stat_result`, ...): tuple
//! subclasses whose items also have names, plus extra named attributes.

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;
use std::rc::Rc;

pub struct Spec {
    /// `module.name`, also the cache key.
    pub full_name: &'static str,
    pub module: &'static str,
    pub name: &'static str,
    /// The names of the tuple items (shown by repr).
    pub fields: &'static [&'static str],
    /// Attributes beyond the tuple items (`tm_zone`, `st_atime_ns`, ...).
    pub extra: &'static [&'static str],
}

pub const STRUCT_TIME: Spec = Spec {
    full_name: "time.struct_time",
    module: "time",
    name: "struct_time",
    fields: &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
    extra: &["tm_zone", "tm_gmtoff"],
};

pub const STAT_RESULT: Spec = Spec {
    full_name: "os.stat_result",
    module: "os",
    name: "stat_result",
    fields: &["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"],
    extra: &["st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"],
};

pub const TERMINAL_SIZE: Spec =
    Spec { full_name: "os.terminal_size", module: "os", name: "terminal_size", fields: &["columns", "lines"], extra: &[] };

pub const ASYNCGEN_HOOKS: Spec =
    Spec { full_name: "asyncgen_hooks", module: "sys", name: "asyncgen_hooks", fields: &["firstiter", "finalizer"], extra: &[] };

pub const VERSION_INFO: Spec = Spec {
    full_name: "sys.version_info",
    module: "sys",
    name: "version_info",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    extra: &[],
};

pub const FLOAT_INFO: Spec = Spec {
    full_name: "sys.float_info",
    module: "sys",
    name: "float_info",
    fields: &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
    extra: &[],
};

pub const INT_INFO: Spec = Spec {
    full_name: "sys.int_info",
    module: "sys",
    name: "int_info",
    fields: &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    extra: &[],
};

const SPECS: &[&Spec] = &[&ASYNCGEN_HOOKS, &STRUCT_TIME, &STAT_RESULT, &TERMINAL_SIZE, &VERSION_INFO, &FLOAT_INFO, &INT_INFO];

fn spec_of(class: &Class) -> Option<&'static Spec> {
    for c in class.mro.borrow().iter() {
        let n = c.name();
        if let Some(s) = SPECS.iter().find(|s| s.name == n.as_str() && !c.is_heap) {
            return Some(s);
        }
    }
    None
}

/// The class for `spec`, created once per interpreter.
pub fn class(vm: &Vm, spec: &'static Spec) -> Rc<Class> {
    if let Some(c) = vm.types.iterators.borrow().get(spec.full_name) {
        return c.clone();
    }
    let class = new_class(&vm.interner, spec.name, Some(&vm.types.tuple), Layout::Value, None);
    {
        let mut d = class.dict.borrow_mut();
        d.set_str(vm.intern("__module__"), Value::str(spec.module));
        d.set_str(vm.intern("n_sequence_fields"), Value::Int(spec.fields.len() as i64));
        d.set_str(vm.intern("n_fields"), Value::Int((spec.fields.len() + spec.extra.len()) as i64));
        d.set_str(vm.intern("n_unnamed_fields"), Value::Int(0));
        let names: Vec<Value> = spec.fields.iter().map(|f| Value::str(f)).collect();
        d.set_str(vm.intern("__match_args__"), Value::tuple(names));
    }
    crate::builtins::methods(vm, &class, spec.name, &[("__repr__", repr), ("__reduce__", reduce)]);
    crate::builtins::method_kind(vm, &class, spec.name, "__new__", new, BuiltinKind::StaticMethod);
    vm.types.iterators.borrow_mut().insert(spec.full_name, class.clone());
    class
}

/// An instance: `items` are the tuple; `extra` values go with `spec.extra`.
pub fn make(vm: &Vm, spec: &'static Spec, items: Vec<Value>, extra: Vec<Value>) -> Value {
    let class = class(vm, spec);
    make_in(vm, &class, spec, items, extra)
}

fn make_in(vm: &Vm, class: &Rc<Class>, spec: &'static Spec, items: Vec<Value>, extra: Vec<Value>) -> Value {
    let inst = vm.instance_with(class, Payload::Value(Value::tuple(items.clone())));
    if let Some(d) = &inst.dict {
        for (name, v) in spec.fields.iter().zip(items) {
            d.set_str(vm.intern(name), v);
        }
        for (i, name) in spec.extra.iter().enumerate() {
            d.set_str(vm.intern(name), extra.get(i).cloned().unwrap_or(Value::None));
        }
    }
    Value::Instance(inst)
}

fn new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls, seq], [_dict]) = crate::sig!("structseq", "$type, sequence, dict={}").bind(vm, a, kw)?;
    let Value::Class(cls) = cls else { return Err(vm.type_error("structseq.__new__(X): X is not a type object")) };
    let Some(spec) = spec_of(cls) else { return Err(vm.type_error("not a struct sequence type")) };
    let items = vm.collect(seq)?;
    let min = spec.fields.len();
    let max = min + spec.extra.len();
    let full = spec.full_name;
    if items.len() < min {
        if min == max {
            return Err(vm.type_error(format!("{full}() takes a {min}-sequence ({}-sequence given)", items.len())));
        }
        return Err(vm.type_error(format!("{full}() takes an at least {min}-sequence ({}-sequence given)", items.len())));
    }
    if items.len() > max {
        if min == max {
            return Err(vm.type_error(format!("{full}() takes a {min}-sequence ({}-sequence given)", items.len())));
        }
        return Err(vm.type_error(format!("{full}() takes an at most {max}-sequence ({}-sequence given)", items.len())));
    }
    let mut extra = items[min..].to_vec();
    if spec.full_name == STAT_RESULT.full_name {
        // st_atime/st_mtime/st_ctime default to the integer items.
        extra.resize(spec.extra.len(), Value::None);
        for i in 0..3 {
            if extra[i].is_none() {
                extra[i] = items[7 + i].clone();
            }
        }
    }
    Ok(make_in(vm, cls, spec, items[..min].to_vec(), extra))
}

fn repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "structseq.__repr__", "$self, /").bind(vm, a, kw)?;
    let class = vm.type_of(zelf);
    let (Some(spec), Some(t)) = (spec_of(&class), zelf.as_tuple()) else {
        return Err(vm.type_error("descriptor '__repr__' requires a struct sequence"));
    };
    let items = t.items.to_vec();
    let mut parts = Vec::new();
    for (name, v) in spec.fields.iter().zip(items.iter()) {
        parts.push(format!("{}={}", name, vm.repr(v)?.as_str()));
    }
    Ok(Value::string(format!("{}({})", spec.full_name, parts.join(", "))))
}

fn reduce(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("structseq.__reduce__", "$self, /").bind(vm, a, kw)?;
    let items = zelf.as_tuple().map(|t| t.items.to_vec()).unwrap_or_default();
    Ok(Value::tuple(vec![Value::Class(vm.type_of(zelf)), Value::tuple(vec![Value::tuple(items)])]))
}
