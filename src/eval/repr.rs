//! Text of values: `repr()`, `str()`, `format()`, `%`-formatting, and the
//! printing of exceptions and tracebacks.

use super::Vm;
use crate::compile::ir::Conversion;
use crate::runtime::format::{self, ArgRef, ErrKind, FormatError, PercentArgs, PercentValue};
use crate::runtime::int::Num;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use std::rc::Rc;
use tulip_syntax::repr as srepr;

impl Vm {
    pub fn repr(&self, v: &Value) -> PyResult<Rc<Str>> {
        Ok(match v {
            Value::Str(s) => Rc::new(Str::from_string(srepr::str_repr(s.as_str()))),
            _ => Rc::new(Str::from_string(self.repr_string(v)?)),
        })
    }

    pub fn repr_string(&self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => self.int_to_decimal(b)?,
            Value::Float(f) => format::float_repr(f.get()),
            Value::Complex(c) => format::complex_repr(c.re, c.im),
            Value::Str(s) => srepr::str_repr(s.as_str()),
            Value::Bytes(b) => srepr::bytes_repr(&b.data),
            Value::ByteArray(b) => format!("bytearray({})", srepr::bytes_repr(&b.data.borrow())),
            Value::List(l) => {
                let items = l.items.borrow().clone();
                self.guarded_repr(v, "[...]", || self.join_reprs("[", &items, "]"))?
            }
            Value::Tuple(t) => {
                if t.items.len() == 1 {
                    self.guarded_repr(v, "(...)", || Ok(format!("({},)", self.repr(&t.items[0])?.as_str())))?
                } else {
                    self.guarded_repr(v, "(...)", || self.join_reprs("(", &t.items, ")"))?
                }
            }
            Value::Dict(d) => self.guarded_repr(v, "{...}", || self.dict_repr(d))?,
            Value::Set(s) => {
                let keys = s.table.borrow().keys();
                if keys.is_empty() {
                    "set()".into()
                } else {
                    self.guarded_repr(v, "{...}", || self.join_reprs("{", &keys, "}"))?
                }
            }
            Value::FrozenSet(s) => {
                let keys = s.table.borrow().keys();
                if keys.is_empty() {
                    "frozenset()".into()
                } else {
                    self.guarded_repr(v, "{...}", || Ok(format!("frozenset({})", self.join_reprs("{", &keys, "}")?)))?
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?.as_str(),
                self.repr(&s.stop)?.as_str(),
                self.repr(&s.step)?.as_str()
            ),
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow().as_str(), v.id()),
            Value::Builtin(b) => match &b.bound {
                Some(obj) if !matches!(obj, Value::Module(_)) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    self.type_name(obj).as_str(),
                    obj.id()
                ),
                _ if b.kind == BuiltinKind::Method => format!("<method '{}' of '{}' objects>", b.name, b.owner),
                _ => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().as_str().to_string(),
                    other => self.str(&self.get_attr(other, &self.names.qualname)?)?.as_str().to_string(),
                };
                format!("<bound method {} of {}>", fname, self.repr(&m.self_)?.as_str())
            }
            Value::Class(c) => {
                if let Some(meta) = c.meta.borrow().clone() {
                    if let Some((f, owner)) = meta.lookup_with_owner(&self.names.repr) {
                        if owner.is_heap {
                            let r = self.call(&f, &[v.clone()], &[])?;
                            return Ok(self.str(&r)?.as_str().to_string());
                        }
                    }
                }
                format!("<class '{}'>", self.class_full_name(c))
            }
            Value::Module(m) => {
                match m.dict.get_str(&self.names.file) {
                    Some(f) => format!("<module '{}' from '{}'>", m.name.as_str(), self.str(&f)?.as_str()),
                    // A module made at run time (`types.ModuleType`) has no loader.
                    None if matches!(m.dict.get_str(&self.intern("__loader__")), Some(Value::None)) => format!("<module '{}'>", m.name.as_str()),
                    None => format!("<module '{}' (built-in)>", m.name.as_str()),
                }
            }
            Value::Generator(g) => format!("<{} object {} at {:#x}>", g.kind_name().replace(' ', "_"), g.qualname().as_str(), v.id()),
            Value::Iter(it) => format!("<{} object at {:#x}>", it.type_name, v.id()),
            Value::Cell(_) => format!("<cell at {:#x}>", v.id()),
            Value::Property(_) => format!("<property object at {:#x}>", v.id()),
            Value::StaticMethod(f) => format!("<staticmethod({})>", self.repr(&f.func)?.as_str()),
            Value::ClassMethod(f) => format!("<classmethod({})>", self.repr(&f.func)?.as_str()),
            Value::Super(s) => format!("<super: <class '{}'>, <{} object>>", s.class.name().as_str(), s.obj_type.name().as_str()),
            Value::Native(n) => {
                let view_kind = n.data.borrow().downcast_ref::<crate::builtins::dict::DictView>().map(|view| view.what as usize);
                if let Some(what) = view_kind {
                    // A view inside its own dict prints as `...`, as CPython's.
                    let name = ["dict_keys", "dict_values", "dict_items"][what];
                    return self.guarded_repr(v, "...", || {
                        let items = self.collect(v)?;
                        Ok(format!("{}({})", name, self.join_reprs("[", &items, "]")?))
                    });
                }
                if let Some(g) = n.data.borrow().downcast_ref::<crate::builtins::misc::GenericAlias>() {
                    let mut parts = Vec::new();
                    for a in &g.args {
                        parts.push(self.alias_arg_repr(a)?);
                    }
                    return Ok(format!("{}[{}]", self.alias_arg_repr(&g.origin)?, parts.join(", ")));
                }
                if let Some(args) = crate::builtins::union::union_args(v) {
                    let parts: Vec<String> = args.iter().map(|a| self.union_member_repr(a)).collect::<PyResult<_>>()?;
                    return Ok(parts.join(" | "));
                }
                // A native class may define its own repr (`_thread.lock`).
                let own = n.class.dict.borrow().get_str(self.names.repr.hash(), &self.names.repr);
                if let Some(f @ Value::Builtin(_)) = own {
                    let text = self.call(&f, std::slice::from_ref(v), &[])?;
                    return Ok(self.str(&text)?.as_str().to_string());
                }
                format!("<{} object at {:#x}>", n.class.name().as_str(), v.id())
            }
            Value::Instance(i) => {
                let class = i.class();
                let f = class.lookup(&self.names.repr).unwrap_or(Value::None);
                self.check_stack()?;
                let r = self.call_special(f, v, &[])?;
                match r.as_str() {
                    Some(s) => s.as_str().to_string(),
                    None => {
                        return Err(self.type_error(format!("__repr__ returned non-string (type {})", self.type_name(&r).as_str())))
                    }
                }
            }
        })
    }

    /// `module.QualName` as CPython's type repr prints it (`builtins.` omitted).
    pub fn class_full_name(&self, c: &Rc<Class>) -> String {
        let module = c.dict.borrow().get_str(self.names.module.hash(), &self.names.module);
        match module.as_ref().and_then(|m| m.as_str()) {
            Some(m) if m.as_str() != "builtins" => format!("{}.{}", m.as_str(), c.qualname.borrow().as_str()),
            _ => c.qualname.borrow().as_str().to_string(),
        }
    }

    /// Runs `f` unless `v` is already being printed (a recursive container).
    fn guarded_repr(&self, v: &Value, recursive: &str, f: impl FnOnce() -> PyResult<String>) -> PyResult<String> {
        let id = v.id();
        if self.repr_stack.borrow().contains(&id) {
            return Ok(recursive.to_string());
        }
        self.enter_recursion()?;
        self.repr_stack.borrow_mut().insert(id);
        let r = f();
        self.repr_stack.borrow_mut().remove(&id);
        self.leave_recursion();
        r
    }

    fn join_reprs(&self, open: &str, items: &[Value], close: &str) -> PyResult<String> {
        let mut out = String::from(open);
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(self.repr(x)?.as_str());
        }
        out.push_str(close);
        Ok(out)
    }

    fn dict_repr(&self, d: &Dict) -> PyResult<String> {
        let entries: Vec<(Value, Value)> = d.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
        let mut out = String::from("{");
        for (i, (k, v)) in entries.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(self.repr(k)?.as_str());
            out.push_str(": ");
            out.push_str(self.repr(v)?.as_str());
        }
        out.push('}');
        Ok(out)
    }

    pub fn str(&self, v: &Value) -> PyResult<Rc<Str>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Instance(i) => {
                let class = i.class();
                let f = class.lookup(&self.names.str_).unwrap_or(Value::None);
                let r = self.call_special(f, v, &[])?;
                match r {
                    Value::Str(s) => Ok(s),
                    other => match other.as_str() {
                        Some(s) => Ok(Rc::new(Str::new(s.as_str()))),
                        None => Err(self.type_error(format!("__str__ returned non-string (type {})", self.type_name(&other).as_str()))),
                    },
                }
            }
            _ => self.repr(v),
        }
    }

    /// `ascii()`: the repr with non-ASCII characters escaped.
    pub fn ascii(&self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::new();
        for c in r.as_str().chars() {
            let n = c as u32;
            if n < 128 {
                out.push(c);
            } else if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        Ok(out)
    }

    pub fn format_error(&self, e: FormatError) -> PyErr {
        match e.kind {
            ErrKind::ValueError => self.value_error(e.msg),
            ErrKind::TypeError => self.type_error(e.msg),
            ErrKind::OverflowError => self.overflow_error(e.msg),
            ErrKind::MemoryError => self.memory_error(),
        }
    }

    /// An f-string field: the conversion, then `format(value, spec)`.
    pub fn format_value(&self, v: Value, conv: Conversion, spec: Option<Value>) -> PyResult<Value> {
        let v = match conv {
            Conversion::None => v,
            Conversion::Str => Value::Str(self.str(&v)?),
            Conversion::Repr => Value::Str(self.repr(&v)?),
            Conversion::Ascii => Value::string(self.ascii(&v)?),
        };
        let spec = spec.as_ref().and_then(|s| s.as_str()).map_or("", |s| s.as_str());
        if spec.is_empty() {
            // `format(v, '')` is `str(v)` unless a class defines `__format__`.
            match v {
                Value::Str(_) => return Ok(v),
                Value::Instance(_) => {}
                _ => return Ok(Value::Str(self.str(&v)?)),
            }
        }
        self.format(&v, spec).map(Value::string)
    }

    /// `format(v, spec)`.
    pub fn format(&self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Instance(i) = v {
            let class = i.class();
            if let Some((f, owner)) = class.lookup_with_owner(&self.names.format) {
                if owner.is_heap {
                    let r = self.call_special(f, v, &[Value::str(spec)])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.as_str().to_string()),
                        None => Err(self.type_error(format!("__format__ must return a str, not {}", self.type_name(&r).as_str()))),
                    };
                }
            }
            if matches!(i.payload, Payload::Value(_)) {
                if spec.is_empty() {
                    return Ok(self.str(v)?.as_str().to_string());
                }
                return self.format(v.builtin_base(), spec);
            }
        }
        if spec.is_empty() {
            return Ok(self.str(v)?.as_str().to_string());
        }
        let type_name = self.type_name(v);
        let r = match v {
            Value::Int(_) | Value::Bool(_) => {
                let spec = format::parse_spec(spec, type_name.as_str()).map_err(|e| self.format_error(e))?;
                let i = match v {
                    Value::Bool(b) => *b as i64,
                    Value::Int(i) => *i,
                    _ => 0,
                };
                format::format_i64(i, &spec, type_name.as_str())
            }
            Value::BigInt(b) => {
                let spec = format::parse_spec(spec, type_name.as_str()).map_err(|e| self.format_error(e))?;
                format::format_int(b, &spec, type_name.as_str())
            }
            Value::Float(f) => {
                let spec = format::parse_spec(spec, "float").map_err(|e| self.format_error(e))?;
                format::format_float(f.get(), &spec)
            }
            Value::Complex(c) => {
                let spec = format::parse_spec(spec, "complex").map_err(|e| self.format_error(e))?;
                format::format_complex(c.re, c.im, &spec)
            }
            Value::Str(s) => {
                let spec = format::parse_spec(spec, "str").map_err(|e| self.format_error(e))?;
                format::format_str(s.as_str(), &spec)
            }
            _ => {
                return Err(self.type_error(format!("unsupported format string passed to {}.__format__", type_name.as_str())));
            }
        };
        r.map_err(|e| self.format_error(e))
    }

    /// `fmt % args` for str.
    pub fn percent_format_str(&self, fmt: &str, args: &Value) -> PyResult<Value> {
        let mut a = PercentCaller { vm: self, args: args.clone(), current: args.clone() };
        let s = format::percent_format(fmt, &mut a).map_err(|e| match e {
            PercentError::Py(e) => e,
            PercentError::Format(e) => self.format_error(e),
        })?;
        Ok(Value::string(s))
    }

    // ----- exceptions -----

    /// `Type: message` (or `Type` when the message is empty), as the last
    /// line of a traceback.
    pub fn format_exception_only(&self, exc: &Rc<Instance>) -> String {
        let class = exc.class();
        let name = {
            let module = class.dict.borrow().get_str(self.names.module.hash(), &self.names.module);
            match module.as_ref().and_then(|m| m.as_str()) {
                Some(m) if m.as_str() != "__main__" && m.as_str() != "builtins" => {
                    format!("{}.{}", m.as_str(), class.qualname.borrow().as_str())
                }
                _ => class.qualname.borrow().as_str().to_string(),
            }
        };
        let msg = match self.str(&Value::Instance(exc.clone())) {
            Ok(s) => s.as_str().to_string(),
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut out = if msg.is_empty() { name } else { format!("{name}: {msg}") };
        if let Some(meant) = self.suggestion(exc) {
            out.push_str(&format!(". Did you mean: '{meant}'?"));
        }
        if let Some(d) = &exc.dict {
            if let Some(notes) = d.get_str(&self.names.notes) {
                if let Ok(items) = self.collect(&notes) {
                    for n in items {
                        if let Ok(s) = self.str(&n) {
                            out.push('\n');
                            out.push_str(s.as_str());
                        }
                    }
                }
            }
        }
        out
    }

    /// The name a NameError or AttributeError probably meant: the closest
    /// of `dir(obj)` for an attribute; for a name, of `__main__`'s globals
    /// and the builtins (tracebacks keep no frames, so a function's locals
    /// are not searched).
    fn suggestion(&self, exc: &Rc<Instance>) -> Option<String> {
        let d = exc.dict.as_ref()?;
        let name = d.get_str(&self.intern("name"))?;
        let name = name.as_str()?;
        let class = exc.class();
        let is = |n: &str| self.types.exceptions.get(n).is_some_and(|c| class.is_subclass(c));
        let candidates: Vec<Value> = if is("AttributeError") {
            let obj = d.get_str(&self.intern("obj"))?;
            self.dir_names(&obj).ok()?
        } else if is("NameError") && !is("UnboundLocalError") {
            let mut names = self.builtins.table.borrow().keys();
            if let Some(Value::Module(m)) = self.modules.get_str(&self.names.main) {
                names.extend(m.dict.table.borrow().keys());
            }
            names
        } else {
            return None;
        };
        let strs = candidates.iter().filter_map(|v| v.as_str().map(|s| s.as_str()));
        crate::diag::closest(name.as_str(), strs).map(str::to_string)
    }

    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let sources = self.sources.borrow();
        let src = sources.get(filename)?;
        src.lines().nth(line.checked_sub(1)? as usize).map(|s| s.to_string())
    }
}

/// The right operand of `str % args`, converted on demand.
struct PercentCaller<'a> {
    vm: &'a Vm,
    args: Value,
    current: Value,
}

/// Errors of `%`-formatting: a Python exception from a conversion, or a
/// formatting error that the Vm turns into one.
enum PercentError {
    Py(PyErr),
    Format(FormatError),
}

impl From<FormatError> for PercentError {
    fn from(e: FormatError) -> PercentError {
        PercentError::Format(e)
    }
}

impl From<PyErr> for PercentError {
    fn from(e: PyErr) -> PercentError {
        PercentError::Py(e)
    }
}

impl PercentArgs for PercentCaller<'_> {
    type Error = PercentError;

    fn tuple_len(&self) -> Option<usize> {
        self.args.as_tuple().map(|t| t.items.len())
    }

    fn is_mapping(&self) -> bool {
        match &self.args {
            Value::Tuple(_) | Value::Str(_) => false,
            Value::Dict(_) => true,
            other => self.vm.type_of(other).lookup(&self.vm.names.getitem).is_some() && other.as_tuple().is_none(),
        }
    }

    fn select_key(&mut self, key: &str) -> Result<(), PercentError> {
        self.current = self.vm.get_item(&self.args, &Value::str(key))?;
        Ok(())
    }

    fn convert(&mut self, arg: ArgRef, conv: char) -> Result<PercentValue, PercentError> {
        let vm = self.vm;
        let v = match arg {
            ArgRef::Item(i) => match self.args.as_tuple() {
                Some(t) => t.items.get(i).cloned().unwrap_or(Value::None),
                None => Value::None,
            },
            ArgRef::Current => self.current.clone(),
        };
        let base = v.builtin_base().clone();
        Ok(match conv {
            's' => PercentValue::Str(vm.str(&v)?.as_str().to_string()),
            'r' => PercentValue::Str(vm.repr(&v)?.as_str().to_string()),
            'a' => PercentValue::Str(vm.ascii(&v)?),
            'd' | 'i' | 'u' => match &base {
                Value::Int(i) => PercentValue::Int(BigInt::from(*i)),
                Value::Bool(b) => PercentValue::Int(BigInt::from(*b as i64)),
                Value::BigInt(b) => PercentValue::Int((**b).clone()),
                Value::Float(f) => {
                    let f = f.get();
                    if !f.is_finite() {
                        return Err(PercentError::Py(if f.is_nan() {
                            vm.value_error("cannot convert float NaN to integer")
                        } else {
                            vm.overflow_error("cannot convert float infinity to integer")
                        }));
                    }
                    match crate::runtime::int::float_to_int(f) {
                        Value::Int(i) => PercentValue::Int(BigInt::from(i)),
                        Value::BigInt(b) => PercentValue::Int((*b).clone()),
                        _ => PercentValue::WrongType("float".into()),
                    }
                }
                _ => match vm.index_value(&v) {
                    Ok(i) => PercentValue::Int(BigInt::from(i)),
                    Err(_) => PercentValue::WrongType(vm.type_name(&v).as_str().to_string()),
                },
            },
            'o' | 'x' | 'X' | '*' => match &base {
                Value::Int(i) => PercentValue::Int(BigInt::from(*i)),
                Value::Bool(b) => PercentValue::Int(BigInt::from(*b as i64)),
                Value::BigInt(b) => PercentValue::Int((**b).clone()),
                _ => match vm.index_value(&v) {
                    Ok(i) if conv != '*' => PercentValue::Int(BigInt::from(i)),
                    _ => PercentValue::WrongType(vm.type_name(&v).as_str().to_string()),
                },
            },
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => match Num::of(&base) {
                Some(n) => PercentValue::Float(n.to_f64().map_err(|e| vm.num_err(e))?),
                None => match vm.to_float_opt(&v)? {
                    Some(f) => PercentValue::Float(f),
                    None => PercentValue::WrongType(vm.type_name(&v).as_str().to_string()),
                },
            },
            'c' => match &base {
                Value::Str(s) => PercentValue::Str(s.as_str().to_string()),
                Value::Int(i) => PercentValue::Int(BigInt::from(*i)),
                Value::Bool(b) => PercentValue::Int(BigInt::from(*b as i64)),
                Value::BigInt(b) => PercentValue::Int((**b).clone()),
                _ => PercentValue::WrongType(vm.type_name(&v).as_str().to_string()),
            },
            _ => PercentValue::Str(String::new()),
        })
    }
}
