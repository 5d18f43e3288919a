//! Builtin functions (`print`, `len`, `isinstance`, `sorted`, ...).

use crate::eval::{Frame, FrameRecord, Vm};
use crate::runtime::gc;
use crate::runtime::int::{self as num, Num};
use crate::runtime::iter::IterState;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let b = &vm.builtins;
    let table: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("any", any),
        ("all", all),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("format", format),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("callable", callable),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("input", input),
        ("open", open),
        ("__import__", import),
        ("__build_class__", build_class),
        ("aiter", aiter),
        ("anext", anext),
        ("breakpoint", breakpoint),
    ];
    for &(name, f) in table {
        super::set_function(vm, b, name, f);
    }
}

fn print(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [sep, end, file, flush], values) = crate::sig!("print", "*args, sep=' ', end='\\n', file=None, flush=False").bind_rest(vm, args, kw)?;
    let text_of = |v: Option<&Value>, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(vm.type_error(format!("sep must be None or a string, not {}", vm.type_name(other).as_str()))),
        }
    };
    let sep = text_of(sep, " ")?;
    let end = text_of(end, "\n")?;
    let mut out = String::new();
    for (i, a) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            _ => out.push_str(vm.str(a)?.as_str()),
        }
    }
    out.push_str(&end);
    match file.cloned().or_else(|| redirected_stdout(vm)) {
        None | Some(Value::None) => vm.write_out(&out),
        Some(file) => {
            vm.call_method(&file, "write", &[Value::string(out)])?;
            if flush.is_some_and(|f| vm.truthy(f).unwrap_or(false)) {
                if let Some(flush) = vm.get_attr_opt(&file, &vm.intern("flush"))? {
                    vm.call(&flush, &[], &[])?;
                }
            }
        }
    }
    Ok(Value::None)
}

fn len(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], []) = crate::sig!("len", "obj, /").bind(vm, args, kw)?;
    Ok(Value::Int(vm.len(obj)? as i64))
}

fn repr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], []) = crate::sig!("repr", "obj, /").bind(vm, args, kw)?;
    Ok(Value::Str(vm.repr(obj)?))
}

fn ascii(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], []) = crate::sig!("ascii", "obj, /").bind(vm, args, kw)?;
    Ok(Value::string(vm.ascii(obj)?))
}

/// `sys.stdout` when a program replaced it (contextlib.redirect_stdout, or an
/// assignment), so that print() writes there; `None` for the real stdout.
fn redirected_stdout(vm: &Vm) -> Option<Value> {
    let Some(Value::Module(sys)) = vm.modules.get_str(&vm.intern("sys")) else { return None };
    let current = sys.dict.get_str(&vm.intern("stdout"))?;
    match sys.dict.get_str(&vm.intern("__stdout__")) {
        Some(original) if original.is(&current) => None,
        _ => Some(current),
    }
}

impl Vm {
    /// `isinstance(v, spec)`: a class, a tuple of them, or `__instancecheck__`.
    pub fn isinstance(&self, v: &Value, spec: &Value) -> PyResult<bool> {
        match spec {
            Value::Class(c) => {
                // An exact type match never asks __instancecheck__
                // (CPython's PyObject_IsInstance).
                let exact = match v {
                    Value::Instance(i) => Rc::ptr_eq(&i.class.borrow(), c),
                    _ => self.builtin_type(v).is_some_and(|t| Rc::ptr_eq(t, c)),
                };
                if exact {
                    return Ok(true);
                }
                if let Some(meta) = c.meta.borrow().clone() {
                    if let Some((f, owner)) = meta.lookup_with_owner(&self.names.instancecheck) {
                        if owner.is_heap && !Rc::ptr_eq(&self.type_of(v), c) {
                            let r = self.call(&f, &[spec.clone(), v.clone()], &[])?;
                            return self.truthy(&r);
                        }
                    }
                }
                if self.is_instance_of(v, c) {
                    return Ok(true);
                }
                // An instance whose __class__ lies (proxies, mocks).
                if let Value::Instance(_) = v {
                    if let Ok(Value::Class(k)) = self.get_attr(v, &self.names.class) {
                        return Ok(k.is_subclass(c));
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for s in t.items.iter() {
                    if self.isinstance(v, s)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            // Objects whose type defines __instancecheck__ (typing's aliases, unions).
            Value::Instance(_) | Value::Native(_) => match self.type_of(spec).lookup(&self.names.instancecheck) {
                Some(f) => {
                    let r = self.call(&self.bind_descriptor(f, spec)?, &[v.clone()], &[])?;
                    self.truthy(&r)
                }
                None => Err(self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
            },
            _ => Err(self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
        }
    }

    pub fn issubclass(&self, v: &Value, spec: &Value) -> PyResult<bool> {
        match spec {
            Value::Class(c) => {
                if let Some(meta) = c.meta.borrow().clone() {
                    if let Some((f, owner)) = meta.lookup_with_owner(&self.names.subclasscheck) {
                        if owner.is_heap {
                            let r = self.call(&f, &[spec.clone(), v.clone()], &[])?;
                            return self.truthy(&r);
                        }
                    }
                }
                match v {
                    Value::Class(k) => Ok(k.is_subclass(c)),
                    _ => Err(self.type_error("issubclass() arg 1 must be a class")),
                }
            }
            Value::Tuple(t) => {
                for s in t.items.iter() {
                    if self.issubclass(v, s)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Instance(_) | Value::Native(_) => match self.type_of(spec).lookup(&self.names.subclasscheck) {
                Some(f) => {
                    let r = self.call(&self.bind_descriptor(f, spec)?, &[v.clone()], &[])?;
                    self.truthy(&r)
                }
                None => Err(self.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
            },
            _ => Err(self.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
        }
    }

    /// Collects the items of `iterable` as f64 or keeps ints exact for `sum`.
    pub fn to_float_opt(&self, v: &Value) -> PyResult<Option<f64>> {
        if let Some(n) = Num::of(v) {
            return n.to_f64().map(Some).map_err(|e| self.num_err(e));
        }
        let class = self.type_of(v);
        if let Some(f) = class.lookup(&self.names.float) {
            let r = self.call(&self.bind_descriptor(f, v)?, &[], &[])?;
            return match r {
                Value::Float(f) => Ok(Some(f.get())),
                _ => Err(self.type_error(format!("{}.__float__ returned non-float (type {})", class.instance_type_name().as_str(), self.type_name(&r).as_str()))),
            };
        }
        if let Some(f) = class.lookup(&self.names.index) {
            let r = self.call(&self.bind_descriptor(f, v)?, &[], &[])?;
            if let Some(n) = Num::of(&r) {
                return n.to_f64().map(Some).map_err(|e| self.num_err(e));
            }
        }
        Ok(None)
    }

    pub fn to_float(&self, v: &Value) -> PyResult<f64> {
        match self.to_float_opt(v)? {
            Some(f) => Ok(f),
            None => Err(self.type_error(format!("must be real number, not {}", self.type_name(v).as_str()))),
        }
    }
}

fn isinstance(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj, spec], []) = crate::sig!("isinstance", "obj, class_or_tuple, /").bind(vm, args, kw)?;
    Ok(Value::bool(vm.isinstance(obj, spec)?))
}

fn issubclass(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls, spec], []) = crate::sig!("issubclass", "cls, class_or_tuple, /").bind(vm, args, kw)?;
    Ok(Value::bool(vm.issubclass(cls, spec)?))
}

fn attr_name<'a>(vm: &Vm, fname: &str, v: &'a Value) -> PyResult<&'a crate::runtime::str::Str> {
    v.as_str().ok_or_else(|| {
        let _ = fname;
        vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(v).as_str()))
    })
}

fn hasattr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj, name], []) = crate::sig!("hasattr", "obj, name, /").bind(vm, args, kw)?;
    let name = attr_name(vm, "hasattr", name)?;
    Ok(Value::bool(vm.get_attr_opt(obj, name)?.is_some()))
}

fn getattr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj, name], [default]) = crate::sig!("getattr", "object, name, default=<unset>, /").bind(vm, args, kw)?;
    let name = attr_name(vm, "getattr", name)?;
    if let Some(default) = default {
        return Ok(vm.get_attr_opt(obj, name)?.unwrap_or_else(|| default.clone()));
    }
    vm.get_attr(obj, name)
}

fn setattr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj, name, value], []) = crate::sig!("setattr", "obj, name, value, /").bind(vm, args, kw)?;
    let name = attr_name(vm, "setattr", name)?;
    vm.set_attr(obj, name, value.clone())?;
    Ok(Value::None)
}

fn delattr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj, name], []) = crate::sig!("delattr", "obj, name, /").bind(vm, args, kw)?;
    let name = attr_name(vm, "delattr", name)?;
    vm.del_attr(obj, name)?;
    Ok(Value::None)
}

fn id(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], []) = crate::sig!("id", "obj, /").bind(vm, args, kw)?;
    Ok(Value::Int(obj.id()))
}

fn hash(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], []) = crate::sig!("hash", "obj, /").bind(vm, args, kw)?;
    Ok(Value::Int(vm.hash(obj)?))
}

fn iter(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], [sentinel]) = crate::sig!("iter", "object, sentinel=<unset>, /").bind(vm, args, kw)?;
    if let Some(sentinel) = sentinel {
        if !vm.is_callable(obj) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(vm.native_iter("callable_iterator", IterState::Callable { func: obj.clone(), sentinel: sentinel.clone() }));
    }
    vm.iter(obj)
}

fn next(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([it], [default]) = crate::sig!("next", "iterator, default=<unset>, /").bind(vm, args, kw)?;
    let it = it;
    let is_iter = match it {
        Value::Iter(_) => true,
        Value::Generator(g) => g.kind == crate::compile::ir::CodeKind::Generator,
        _ => vm.type_of(it).lookup(&vm.names.next).is_some(),
    };
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it).as_str())));
    }
    if let Value::Generator(g) = it {
        return match g.resume(vm, crate::eval::generator::Resume::Send(Value::None))? {
            crate::eval::generator::GenStep::Yielded(v) | crate::eval::generator::GenStep::Produced(v) => Ok(v),
            crate::eval::generator::GenStep::Returned(v) => match default {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(v)),
            },
        };
    }
    if let Value::Iter(_) = it {
        return match vm.next(it)? {
            Some(v) => Ok(v),
            None => match default {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(Value::None)),
            },
        };
    }
    let f = vm.type_of(it).lookup(&vm.names.next).unwrap_or(Value::None);
    match vm.call(&vm.bind_descriptor(f, it)?, &[], &[]) {
        Ok(v) => Ok(v),
        Err(e) if default.is_some() && vm.err_is(&e, "StopIteration") => Ok(default.cloned().unwrap_or(Value::None)),
        Err(e) => Err(e),
    }
}

fn abs(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("abs", "x, /").bind(vm, args, kw)?;
    Ok(match x.builtin_base() {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::float(f.get().abs()),
        Value::Complex(c) => Value::float(c.re.hypot(c.im)),
        _ => {
            let class = vm.type_of(x);
            match class.lookup(&vm.names.abs) {
                Some(f) => return vm.call(&vm.bind_descriptor(f, x)?, &[], &[]),
                None => return Err(vm.type_error(format!("bad operand type for abs(): '{}'", class.instance_type_name().as_str()))),
            }
        }
    })
}

/// `min`/`max` bound: the first positional argument, the others, `key` and `default`.
fn min_max(
    vm: &Vm,
    (first, rest, key, default): (&Value, &[Value], Option<&Value>, Option<&Value>),
    name: &str,
    want_less: bool,
) -> PyResult<Value> {
    let key = key.filter(|k| !k.is_none());
    // One iterable is walked as it goes, as CPython does: no copy of a
    // long generator, and the key function sees items as they come.
    let iterator = if rest.is_empty() {
        Some(vm.iter(first)?)
    } else if default.is_some() {
        return Err(vm.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
    } else {
        None
    };
    let spread: &[Value] = if iterator.is_some() { &[] } else { rest };
    let mut spread = iterator.is_none().then(|| first.clone()).into_iter().chain(spread.iter().cloned());
    let mut best: Option<(Value, Value)> = None;
    loop {
        let item = match &iterator {
            Some(it) => vm.next(it)?,
            None => spread.next(),
        };
        let Some(item) = item else { break };
        let k = match &key {
            Some(f) => vm.call(f, &[item.clone()], &[])?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (k, item),
            Some((bk, bv)) => {
                // CPython asks `item < best` for min and `item > best` for max.
                let op = if want_less { crate::compile::ir::CmpOp::Lt } else { crate::compile::ir::CmpOp::Gt };
                let better = match (&k, &bk) {
                    (Value::Int(x), Value::Int(y)) => if want_less { x < y } else { x > y },
                    _ => vm.truthy(&vm.rich_compare(&k, &bk, op)?)?,
                };
                if better {
                    (k, item)
                } else {
                    (bk, bv)
                }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d.clone()),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([first], [key, default], rest) =
        crate::sig!("min", "iterable, /, *args, key=None, default=<unset>").bind_rest(vm, args, kw)?;
    min_max(vm, (first, rest, key, default), "min", true)
}

fn max(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([first], [key, default], rest) =
        crate::sig!("max", "iterable, /, *args, key=None, default=<unset>").bind_rest(vm, args, kw)?;
    min_max(vm, (first, rest, key, default), "max", false)
}

fn sum(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([iterable], [start]) = crate::sig!("sum", "iterable, /, start=0").bind(vm, args, kw)?;
    let mut acc = start.cloned().unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if matches!(acc, Value::Bytes(_)) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_fast(crate::compile::ir::BinOp::Arith(num::ArithOp::Add), acc, x)?;
    }
    Ok(acc)
}

impl Vm {
    /// `list.sort`: a stable merge sort that carries comparison errors out.
    pub fn sort_values(&self, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
        let keys: Vec<Value> = match key {
            Some(f) => items.iter().map(|x| self.call(f, &[x.clone()], &[])).collect::<PyResult<_>>()?,
            None => items.clone(),
        };
        let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(items.drain(..)).collect();
        if reverse {
            pairs.reverse();
        }
        let r = if pairs.iter().all(|p| matches!(p.0, Value::Int(_))) {
            // Like CPython's pre-checked key comparisons: keys of one simple
            // type compare natively (any stable sort gives the same order).
            pairs.sort_by_key(|p| if let Value::Int(i) = p.0 { i } else { 0 });
            Ok(())
        } else if pairs.iter().all(|p| matches!(p.0, Value::Str(_))) {
            pairs.sort_by(|a, b| match (&a.0, &b.0) {
                (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
                _ => std::cmp::Ordering::Equal,
            });
            Ok(())
        } else {
            crate::runtime::sort::sort_by(&mut pairs, |a, b| self.lt(&a.0, &b.0))
        };
        if reverse {
            pairs.reverse();
        }
        items.extend(pairs.into_iter().map(|(_, v)| v));
        r
    }
}

fn sorted(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // Like CPython, the keywords are list.sort's, checked under its name.
    let ([iterable], []) = crate::sig!("sorted", "iterable, /, **kwargs").bind(vm, args, kw)?;
    let ([], [key, reverse]) = crate::sig!("sort", "*, key=None, reverse=False").bind(vm, &[], kw)?;
    let mut items = vm.collect(iterable)?;
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    vm.sort_values(&mut items, key, reverse)?;
    Ok(Value::list(items))
}

fn any(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([iterable], []) = crate::sig!("any", "iterable, /").bind(vm, args, kw)?;
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::bool(true));
        }
    }
    Ok(Value::bool(false))
}

fn all(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([iterable], []) = crate::sig!("all", "iterable, /").bind(vm, args, kw)?;
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

fn chr(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([i], []) = crate::sig!("chr", "i, /").bind(vm, args, kw)?;
    let i = match i.builtin_base() {
        Value::BigInt(_) => None,
        _ => Some(vm.index_value(i)?),
    };
    // The argument is a C int in CPython.
    let Some(i) = i.filter(|i| i32::try_from(*i).is_ok()) else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if !(0..=0x10ffff).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(vm.char_value(c)),
        None => Ok(Value::str("\u{fffd}")),
    }
}

fn ord(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([c], []) = crate::sig!("ord", "c, /").bind(vm, args, kw)?;
    match c.builtin_base() {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(s.char_at(0) as i64))
        }
        Value::Bytes(b) if b.data.len() == 1 => Ok(Value::Int(b.data[0] as i64)),
        Value::Bytes(b) => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.data.len()))),
        other => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other).as_str()
        ))),
    }
}

fn radix(vm: &Vm, number: &Value, r: u32) -> PyResult<Value> {
    let b = match crate::runtime::int::big(number) {
        Some(b) => b,
        None => crate::runtime::int::big(&vm.index_int(number)?).unwrap_or_default(),
    };
    Ok(Value::string(crate::runtime::format::int_to_radix(&b, r, true)))
}

fn hex(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([number], []) = crate::sig!("hex", "number, /").bind(vm, args, kw)?;
    radix(vm, number, 16)
}

fn oct(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([number], []) = crate::sig!("oct", "number, /").bind(vm, args, kw)?;
    radix(vm, number, 8)
}

fn bin(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([number], []) = crate::sig!("bin", "number, /").bind(vm, args, kw)?;
    radix(vm, number, 2)
}

fn format(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([value], [spec]) = crate::sig!("format", "value, format_spec='', /").bind(vm, args, kw)?;
    let spec = match spec {
        Some(s) => match s.as_str() {
            Some(s) => s.as_str().to_string(),
            None => return Err(vm.type_error(format!("format() argument 2 must be str, not {}", vm.type_name(s).as_str()))),
        },
        None => String::new(),
    };
    Ok(Value::string(vm.format(value, &spec)?))
}

/// `round`'s ndigits: an int, clamped to the i64 range as CPython clamps
/// it to a C ssize_t (so a huge ndigits leaves a number as it is).
fn clamped_ndigits(vm: &Vm, n: &Value) -> PyResult<i64> {
    match n.builtin_base() {
        Value::BigInt(b) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
        _ => vm.index_value(n),
    }
}

fn round(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], [ndigits]) = crate::sig!("round", "number, ndigits=None").bind(vm, args, kw)?;
    let nd = ndigits.filter(|n| !n.is_none());
    match (x.builtin_base(), &nd) {
        (Value::Float(f), None) => {
            let f = f.get();
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(num::float_to_int(f.round_ties_even()))
        }
        (Value::Float(f), Some(n)) => {
            let n = clamped_ndigits(vm, n)?;
            crate::runtime::format::round_float(f.get(), n).map(Value::float).map_err(|e| vm.format_error(e))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), nd) => {
            // A bool rounds to an int.
            let plain = match x.builtin_base() {
                Value::Bool(b) => Value::Int(*b as i64),
                v => v.clone(),
            };
            let n = match nd {
                Some(n) => clamped_ndigits(vm, n)?,
                None => return Ok(plain),
            };
            if n >= 0 {
                return Ok(plain);
            }
            let v = crate::runtime::int::big(&x).unwrap_or_default();
            let p = num_traits::pow(BigInt::from(10), n.saturating_neg().min(4000) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
            Ok(Value::from_bigint(q * p))
        }
        _ => {
            let class = vm.type_of(&x);
            match class.lookup(&vm.names.round) {
                Some(f) => {
                    let extra: Vec<Value> = nd.into_iter().cloned().collect();
                    vm.call(&vm.bind_descriptor(f, &x)?, &extra, &[])
                }
                None => Err(vm.type_error(format!("type {} doesn't define __round__ method", class.instance_type_name().as_str()))),
            }
        }
    }
}

fn divmod(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([a, b], []) = crate::sig!("divmod", "x, y, /").bind(vm, args, kw)?;
    let (a, b) = (a, b);
    if let (Some(x), Some(y)) = (Num::of(a), Num::of(b)) {
        if let (Num::Float(_), _) | (_, Num::Float(_)) = (x, y) {
            let (p, q) = (x.to_f64().map_err(|e| vm.num_err(e))?, y.to_f64().map_err(|e| vm.num_err(e))?);
            if q == 0.0 {
                return Err(vm.zero_division("float divmod()"));
            }
            let (d, m) = num::float_divmod(p, q);
            return Ok(Value::tuple(vec![Value::float(d), Value::float(m)]));
        }
        let d = num::arith(num::ArithOp::FloorDiv, x, y).unwrap_or(Ok(Value::None)).map_err(|e| vm.num_err(e))?;
        let m = num::arith(num::ArithOp::Mod, x, y).unwrap_or(Ok(Value::None)).map_err(|e| vm.num_err(e))?;
        return Ok(Value::tuple(vec![d, m]));
    }
    let class = vm.type_of(a);
    if let Some(f) = class.lookup(&vm.intern("__divmod__")) {
        let r = vm.call(&vm.bind_descriptor(f, a)?, &[b.clone()], &[])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if let Some(f) = vm.type_of(b).lookup(&vm.intern("__rdivmod__")) {
        let r = vm.call(&vm.bind_descriptor(f, b)?, &[a.clone()], &[])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a).as_str(),
        vm.type_name(b).as_str()
    )))
}

/// Three-argument pow of objects: the base's `__pow__(exp, mod)` decides
/// (CPython never tries the reflected method with a modulus).
fn ternary_pow(vm: &Vm, base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    if matches!(base, Value::Instance(_)) {
        if let Some(f) = vm.type_of(base).lookup(&vm.intern("__pow__")) {
            let r = vm.call(&vm.bind_descriptor(f, base)?, &[exp.clone(), m.clone()], &[])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    if [base, exp, m].iter().all(|v| matches!(v.builtin_base(), Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) | Value::Complex(_))) {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(base).as_str(),
        vm.type_name(exp).as_str(),
        vm.type_name(m).as_str()
    )))
}

fn pow(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([base, exp], [modulus]) = crate::sig!("pow", "base, exp, mod=None").bind(vm, args, kw)?;
    let m = modulus.filter(|m| !m.is_none());
    let Some(m) = m else {
        return vm.binary_op(crate::compile::ir::BinOp::Arith(num::ArithOp::Pow), base.clone(), exp.clone());
    };
    let (Some(b), Some(e), Some(md)) = (num::big(&base), num::big(&exp), num::big(&m)) else {
        return ternary_pow(vm, &base, &exp, &m);
    };
    if md.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let (b, e) = if e.is_negative() {
        // Modular inverse via the extended Euclidean algorithm.
        let inv = mod_inverse(&b, &md).ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
        (inv, -e)
    } else {
        (b, e)
    };
    let r = b.modpow(&e, &md.abs());
    let r = if md.is_negative() && !r.is_zero() { r + &md } else { r };
    Ok(Value::from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let (mut old_r, mut r) = (num_integer::Integer::mod_floor(a, &m), m.clone());
    let (mut old_s, mut s) = (BigInt::from(1), BigInt::from(0));
    while !r.is_zero() {
        let q = &old_r / &r;
        let tmp = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, tmp);
        let tmp = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, tmp);
    }
    if old_r != BigInt::from(1) {
        return None;
    }
    Some(num_integer::Integer::mod_floor(&old_s, &m))
}

impl Vm {
    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
            _ => self.type_of(v).lookup(&self.names.call).is_some(),
        }
    }
}

fn callable(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], []) = crate::sig!("callable", "obj, /").bind(vm, args, kw)?;
    Ok(Value::bool(vm.is_callable(obj)))
}

/// Without an argument, `vars()` reads the calling frame (`call_frame_builtin`).
fn vars(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [object]) = crate::sig!("vars", "object=<unset>, /").bind(vm, args, kw)?;
    let Some(object) = object else { return Err(vm.runtime_error("vars() called without a frame")) };
    match vm.get_attr_opt(object, &vm.names.dict)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// Without an argument, `dir()` reads the calling frame (`call_frame_builtin`).
fn dir(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [object]) = crate::sig!("dir", "object=<unset>, /").bind(vm, args, kw)?;
    let Some(object) = object else { return Err(vm.runtime_error("dir() called without a frame")) };
    let class = vm.type_of(object);
    if let Some((f, owner)) = class.lookup_with_owner(&vm.intern("__dir__")) {
        if owner.is_heap {
            let r = vm.call(&vm.bind_descriptor(f, object)?, &[], &[])?;
            let mut items = vm.collect(&r)?;
            vm.sort_values(&mut items, None, false)?;
            return Ok(Value::list(items));
        }
    }
    Ok(Value::list(vm.dir_names(object)?))
}

fn globals(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("globals", "").bind(vm, args, kw)?;
    Err(vm.runtime_error("globals() called without a frame"))
}

fn locals(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("locals", "").bind(vm, args, kw)?;
    Err(vm.runtime_error("locals() called without a frame"))
}

fn exec(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exec_in(vm, args, kw, None, "exec")
}

fn eval(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exec_in(vm, args, kw, None, "eval")
}

/// The builtins that read the calling frame: `globals()`, `locals()`,
/// `vars()`, `dir()`, and `exec`/`eval` without explicit namespaces.
pub fn call_frame_builtin(vm: &Vm, f: &Frame, b: &Builtin, args: &[Value], kw: &KwArgs) -> Option<PyResult<Value>> {
    let func = b.func as *const () as usize;
    if func == globals as NativeFn as *const () as usize {
        return Some(Ok(Value::Dict(f.globals.clone())));
    }
    if func == locals as NativeFn as *const () as usize || (func == vars as NativeFn as *const () as usize && args.is_empty()) {
        return Some(Ok(frame_locals(vm, f)));
    }
    if func == dir as NativeFn as *const () as usize && args.is_empty() {
        let mut names = match frame_locals(vm, f) {
            Value::Dict(d) => d.table.borrow().keys(),
            _ => Vec::new(),
        };
        return Some(vm.sort_values(&mut names, None, false).map(|_| Value::list(names)));
    }
    if func == exec as NativeFn as *const () as usize || func == eval as NativeFn as *const () as usize {
        let name = if func == exec as NativeFn as *const () as usize { "exec" } else { "eval" };
        return Some(exec_in(vm, args, kw, Some(f), name));
    }
    None
}

/// `locals()`: the namespace of class bodies and modules, or a snapshot of a
/// function's local variables.
fn frame_locals(vm: &Vm, f: &Frame) -> Value {
    if let Some(l) = &f.locals {
        return l.clone();
    }
    if f.code.kind == crate::compile::ir::CodeKind::Module {
        return Value::Dict(f.globals.clone());
    }
    let d = Dict::new();
    for (name, v) in f.code.slot_names.iter().zip(f.slots.iter()) {
        if let Some(v) = v {
            if !name.as_str().starts_with('.') {
                d.set_str(name.clone(), v.clone());
            }
        }
    }
    for (name, c) in f.code.cell_names.iter().zip(f.cells.iter()) {
        if let Some(v) = &*c.value.borrow() {
            d.set_str(name.clone(), v.clone());
        }
    }
    let _ = vm;
    Value::Dict(gc::new(d))
}

fn exec_in(vm: &Vm, args: &[Value], kw: &KwArgs, f: Option<&Frame>, name: &str) -> PyResult<Value> {
    let (src, globals, locals) = if name == "exec" {
        let ([src], [globals, locals, _closure]) =
            crate::sig!("exec", "source, globals=None, locals=None, /, *, closure=None").bind(vm, args, kw)?;
        (src, globals, locals)
    } else {
        let ([src], [globals, locals]) = crate::sig!("eval", "source, globals=None, locals=None, /").bind(vm, args, kw)?;
        (src, globals, locals)
    };
    let given_globals = globals;
    let globals = match globals.filter(|g| !g.is_none()) {
        Some(Value::Dict(d)) => d.clone(),
        Some(other) => return Err(vm.type_error(format!("{name}() globals must be a dict, not {}", vm.type_name(other).as_str()))),
        None => match f {
            Some(f) => f.globals.clone(),
            None => gc::new(Dict::new()),
        },
    };
    let locals = match locals.filter(|g| !g.is_none()) {
        Some(l) if matches!(l, Value::Dict(_)) || vm.type_of(l).lookup(&vm.names.getitem).is_some() => Some(l.clone()),
        Some(l) if name == "exec" => {
            return Err(vm.type_error(format!("locals must be a mapping or None, not {}", vm.type_name(l).as_str())))
        }
        Some(_) => return Err(vm.type_error("locals must be a mapping")),
        None => match (f, given_globals) {
            (Some(f), None) => match frame_locals(vm, f) {
                Value::Dict(d) if Rc::ptr_eq(&d, &f.globals) => None,
                l => Some(l),
            },
            _ => None,
        },
    };
    if let Value::Native(n) = src {
        if let Some(code) = n.data.borrow().downcast_ref::<Rc<crate::compile::ir::Code>>() {
            return vm.run_code(code.clone(), globals, locals);
        }
    }
    let text = match src.as_str() {
        Some(s) => s.as_str().to_string(),
        None => match src {
            Value::Bytes(b) => String::from_utf8_lossy(&b.data).into_owned(),
            _ => return Err(vm.type_error(format!("{name}() arg 1 must be a string, bytes or code object"))),
        },
    };
    if name == "eval" {
        return vm.eval_source(&text, globals, locals);
    }
    vm.exec_source(&text, "<string>", globals, locals)
}

impl Vm {
    /// `eval(text)`: an expression, run in the given namespaces.
    pub fn eval_source(&self, text: &str, globals: Rc<Dict>, locals: Option<Value>) -> PyResult<Value> {
        let trimmed = text.trim_start_matches([' ', '\t']);
        let expr = tulip_syntax::parse_expression(trimmed).map_err(|e| self.syntax_error_exc(&e, "<string>", trimmed))?;
        let span = expr.span;
        let stmt = tulip_syntax::ast::Stmt {
            kind: tulip_syntax::ast::StmtKind::Return { value: Some(expr) },
            span,
        };
        // Lowered as the body of a module whose only statement returns the value.
        let module = tulip_syntax::ast::Module { body: vec![stmt] };
        let code = crate::compile::lower::lower_module(&module, trimmed, Rc::from("<string>"), &self.interner, locals.is_some());
        if globals.get_str(&self.names.builtins).is_none() {
            globals.set_str(self.names.builtins.clone(), Value::Dict(self.builtins.clone()));
        }
        let (mut slots, mut cells) = (Default::default(), Default::default());
        let rec = FrameRecord::new(&code, &globals);
        let mut frame = Frame::new(&rec, locals, &[], &mut slots, &mut cells);
        let linked = rec.link(&self.frames);
        let r = self.exec_block(&mut frame, &code.body);
        drop(linked);
        match r? {
            crate::eval::exec::Flow::Return(v) => Ok(v),
            _ => Ok(Value::None),
        }
    }
}

fn compile(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([src, filename, mode], [_flags, _dont_inherit, _optimize, _feature_version]) = crate::sig!(
        "compile",
        "source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1"
    )
    .bind(vm, args, kw)?;
    let filename = filename.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let mode = mode.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let Some(text) = src.as_str().map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    if mode == "eval" {
        // Checked now, run later by eval(): keep the text.
        tulip_syntax::parse_expression(text.trim_start()).map_err(|e| vm.syntax_error_exc(&e, &filename, &text))?;
        return Ok(src.clone());
    }
    if !matches!(mode.as_str(), "exec" | "single") {
        return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
    }
    // The code may later run with separate locals (`exec(code, g, l)`), so
    // its top-level names are looked up by name, not as globals.
    let code = vm.compile_module(&text, &filename, true)?;
    Ok(Value::Native(Rc::new(NativeObj {
        class: vm.iterator_class("code"),
        data: std::cell::RefCell::new(Box::new(code)),
    })))
}

fn input(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [prompt]) = crate::sig!("input", "prompt='', /").bind(vm, args, kw)?;
    if let Some(p) = prompt {
        vm.write_out(vm.str(p)?.as_str());
    }
    vm.flush_out();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::string(line))
        }
        Err(e) => Err(vm.new_error("OSError", e.to_string())),
    }
}

/// Checks the call, then hands it on to `io.open` unchanged.
fn open(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_file], [_mode, _buffering, _encoding, _errors, _newline, _closefd, _opener]) = crate::sig!(
        "open",
        "file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None"
    )
    .bind(vm, args, kw)?;
    let io = vm.import_module("io")?;
    let f = vm.get_attr(&io, &vm.intern("open"))?;
    vm.call(&f, args, kw)
}

fn import(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([name], [_globals, _locals, fromlist, _level]) =
        crate::sig!("__import__", "name, globals=None, locals=None, fromlist=(), level=0").bind(vm, args, kw)?;
    let Some(name) = name.as_str().map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error("__import__() argument 1 must be str"));
    };
    let fromlist = fromlist.filter(|f| !f.is_none());
    let m = vm.import_module(&name)?;
    let wants_leaf = match &fromlist {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    if wants_leaf || !name.contains('.') {
        return Ok(m);
    }
    let top = name.split('.').next().unwrap_or("");
    Ok(vm.modules.get_str(&vm.intern(top)).unwrap_or(m))
}

fn build_class(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_func, _name], [], _bases) = crate::sig!("__build_class__", "func, name, /, *bases, **kwds").bind_rest(vm, args, kw)?;
    Err(vm.type_error("__build_class__ is not supported"))
}

fn aiter(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], []) = crate::sig!("aiter", "async_iterable, /").bind(vm, args, kw)?;
    vm.aiter(obj)
}

fn anext(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([obj], [default]) = crate::sig!("anext", "aiterator, default=<unset>, /").bind(vm, args, kw)?;
    let class = vm.type_of(obj);
    let Some(m) = class.lookup(&vm.names.anext) else {
        return Err(vm.type_error(format!("'{}' object is not an async iterator", class.instance_type_name().as_str())));
    };
    let awaitable = vm.call_special(m, obj, &[])?;
    match default {
        Some(default) => Ok(super::generator::anext_with_default(vm, awaitable, default.clone())),
        None => Ok(awaitable),
    }
}

fn breakpoint(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [], _args) = crate::sig!("breakpoint", "*args, **kws").bind_rest(vm, args, kw)?;
    Ok(Value::None)
}
