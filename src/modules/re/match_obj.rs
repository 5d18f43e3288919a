//! `re.Match`: a native object holding the marks of one match, with
//! CPython's methods and attributes.

use super::Compiled;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub struct MatchData {
    /// start0, end0, start1, end1, ...; -1 for a group that did not match.
    marks: Vec<i64>,
    lastindex: Option<i64>,
    /// The compiled program's handle (for group names).
    handle: Value,
    pattern: Value,
    string: Value,
    /// The string as matched: str or bytes.
    subject: Value,
    /// `pos` and `endpos` as given; clamped when read.
    pos: i64,
    endpos: i64,
}

const KEY: &str = "re.Match";

/// The `re.Match` class, created on first use.
pub fn class(vm: &Vm) -> Rc<Class> {
    if let Some(c) = vm.types.iterators.borrow().get(KEY) {
        return c.clone();
    }
    let class = new_class(&vm.interner, "Match", Some(&vm.types.object), Layout::Object, None);
    class.dict.borrow_mut().set_str(vm.intern("__module__"), Value::str("re"));
    class.has_dict.set(false);
    crate::builtins::methods(
        vm,
        &class,
        "Match",
        &[
            ("group", group),
            ("__getitem__", getitem),
            ("groups", groups),
            ("groupdict", groupdict),
            ("start", start),
            ("end", end),
            ("span", span),
            ("expand", expand),
            ("__repr__", repr),
            ("__copy__", copy),
            ("__deepcopy__", copy),
            ("__init__", no_init),
        ],
    );
    for (name, f) in [
        ("string", string as NativeFn),
        ("re", re),
        ("pos", pos),
        ("endpos", endpos),
        ("lastindex", lastindex),
        ("lastgroup", lastgroup),
        ("regs", regs),
    ] {
        let p = Property {
            fget: crate::builtins::function(name, f),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
            gc: GcHeader::new(),
        };
        class.dict.borrow_mut().set_str(vm.intern(name), Value::Property(Rc::new(p)));
    }
    vm.types.iterators.borrow_mut().insert(KEY, class.clone());
    class
}

/// A new match from the marks `(start0, end0, ...)`. Matches are instances
/// of `re.Match` (so `repr()` and the rest find the class's methods) whose
/// one slot holds the native `MatchData`.
pub fn new(vm: &Vm, marks: &[i64], lastindex: Option<i64>, parts: [Value; 4], pos: i64, endpos: i64) -> Value {
    let [handle, pattern, string, subject] = parts;
    let data = MatchData { marks: marks.to_vec(), lastindex, handle, pattern, string, subject, pos, endpos };
    let state = Value::Native(Rc::new(NativeObj { class: vm.types.object.clone(), data: RefCell::new(Box::new(data)) }));
    let inst = vm.instance_with(&class(vm), Payload::None);
    inst.slots.borrow_mut().push(Some(state));
    Value::Instance(inst)
}

fn with<R>(vm: &Vm, v: Option<&Value>, f: impl FnOnce(&MatchData) -> PyResult<R>) -> PyResult<R> {
    if let Some(Value::Instance(i)) = v {
        let state = i.slots.borrow().last().cloned().flatten();
        if let Some(Value::Native(n)) = state {
            if let Some(m) = n.data.borrow().downcast_ref::<MatchData>() {
                return f(m);
            }
        }
    }
    Err(vm.type_error("descriptor requires a 're.Match' object"))
}

impl MatchData {
    fn groups(&self) -> usize {
        (self.marks.len() / 2).saturating_sub(1)
    }

    fn names(&self) -> Vec<(String, usize)> {
        if let Value::Native(n) = &self.handle {
            if let Some(c) = n.data.borrow().downcast_ref::<Compiled>() {
                return c.names.clone();
            }
        }
        Vec::new()
    }

    /// The group number `g` names (an int or a group name).
    fn index(&self, vm: &Vm, g: &Value) -> PyResult<usize> {
        let n = match g {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(b.get() as i64),
            v if v.as_str().is_some() => {
                let name = v.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                return self
                    .names()
                    .into_iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, i)| i)
                    .ok_or_else(|| vm.new_error("IndexError", "no such group"));
            }
            Value::Float(_) | Value::Bytes(_) | Value::None => None,
            v => vm.index_value(v).ok(),
        };
        match n {
            Some(i) if i >= 0 && (i as usize) <= self.groups() => Ok(i as usize),
            _ => Err(vm.new_error("IndexError", "no such group")),
        }
    }

    fn slice(&self, s: i64, e: i64) -> Value {
        if s < 0 {
            return Value::None;
        }
        let (s, e) = (s as usize, (e.max(s)) as usize);
        match &self.subject {
            Value::Bytes(b) => {
                let data = b.data.get(s..e).unwrap_or(&[]);
                Value::Bytes(Rc::new(Bytes { data: data.into() }))
            }
            v => match v.as_str() {
                Some(text) => {
                    let n = text.char_len();
                    Value::str(text.slice_chars(s.min(n), e.min(n)))
                }
                None => Value::None,
            },
        }
    }

    fn group(&self, i: usize) -> Value {
        self.slice(self.marks[2 * i], self.marks[2 * i + 1])
    }

    fn len(&self) -> i64 {
        match &self.subject {
            Value::Bytes(b) => b.data.len() as i64,
            v => v.as_str().map_or(0, |s| s.char_len() as i64),
        }
    }
}

fn group(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], names) = crate::sig!("Match.group", "$self, /, *groups").bind_rest(vm, a, kw)?;
    with(vm, Some(me), |m| match names {
        [] => Ok(m.group(0)),
        [one] => Ok(m.group(m.index(vm, one)?)),
        _ => {
            let mut out = Vec::with_capacity(names.len());
            for g in names {
                out.push(m.group(m.index(vm, g)?));
            }
            Ok(Value::tuple(out))
        }
    })
}

fn getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, key], []) = crate::sig!(slot "Match.__getitem__", "$self, key, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| Ok(m.group(m.index(vm, key)?)))
}

fn groups(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [default]) = crate::sig!("Match.groups", "$self, /, default=None").bind(vm, a, kw)?;
    let default = default.cloned().unwrap_or(Value::None);
    with(vm, Some(me), |m| {
        Ok(Value::tuple(
            (1..=m.groups()).map(|i| if m.marks[2 * i] < 0 { default.clone() } else { m.group(i) }).collect(),
        ))
    })
}

fn groupdict(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [default]) = crate::sig!("Match.groupdict", "$self, /, default=None").bind(vm, a, kw)?;
    let default = default.cloned().unwrap_or(Value::None);
    let pairs = with(vm, Some(me), |m| {
        Ok(m.names()
            .into_iter()
            .map(|(name, i)| (Value::string(name), if m.marks[2 * i] < 0 { default.clone() } else { m.group(i) }))
            .collect::<Vec<_>>())
    })?;
    let dict = vm.call(&Value::Class(vm.types.dict.clone()), &[], &Vec::new())?;
    let setitem = vm.get_attr(&dict, &vm.intern("__setitem__"))?;
    for (k, v) in pairs {
        vm.call(&setitem, &[k, v], &Vec::new())?;
    }
    Ok(dict)
}

fn group_arg(vm: &Vm, m: &MatchData, group: Option<&Value>) -> PyResult<usize> {
    match group {
        None => Ok(0),
        Some(g) => m.index(vm, g),
    }
}

fn start(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [group]) = crate::sig!("Match.start", "$self, group=0, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| Ok(Value::Int(m.marks[2 * group_arg(vm, m, group)?])))
}

fn end(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [group]) = crate::sig!("Match.end", "$self, group=0, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| Ok(Value::Int(m.marks[2 * group_arg(vm, m, group)? + 1])))
}

fn span(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [group]) = crate::sig!("Match.span", "$self, group=0, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| {
        let i = group_arg(vm, m, group)?;
        Ok(Value::tuple(vec![Value::Int(m.marks[2 * i]), Value::Int(m.marks[2 * i + 1])]))
    })
}

fn expand(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, template], []) = crate::sig!("Match.expand", "$self, /, template").bind(vm, a, kw)?;
    let pattern = with(vm, Some(me), |m| Ok(m.pattern.clone()))?;
    let module = vm.import_module("re")?;
    let f = vm.get_attr(&module, &vm.intern("_expand"))?;
    vm.call(&f, &[pattern, template.clone(), me.clone()], &Vec::new())
}

fn repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "Match.__repr__", "$self, /").bind(vm, a, kw)?;
    let (s, e, text) = with(vm, Some(me), |m| Ok((m.marks[0], m.marks[1], m.group(0))))?;
    let r = vm.repr(&text)?;
    let r: String = r.as_str().chars().take(50).collect();
    Ok(Value::string(format!("<re.Match object; span=({s}, {e}), match={r}>")))
}

fn no_init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Match.__init__", "$self, *args, **kwargs").bind_rest(vm, a, kw)?;
    Err(vm.type_error("cannot create 're.Match' instances"))
}

/// `__copy__()` and `__deepcopy__(memo)`: matches are immutable.
fn copy(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [_memo]) = crate::sig!("Match.__copy__", "$self, memo=None, /").bind(vm, a, kw)?;
    Ok(me.clone())
}

fn string(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Match.string", "$self, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| Ok(m.string.clone()))
}

fn re(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Match.re", "$self, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| Ok(m.pattern.clone()))
}

fn pos(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Match.pos", "$self, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| Ok(Value::Int(m.pos.clamp(0, m.len()))))
}

fn endpos(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Match.endpos", "$self, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| Ok(Value::Int(m.endpos.clamp(0, m.len()))))
}

fn lastindex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Match.lastindex", "$self, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| Ok(m.lastindex.map_or(Value::None, Value::Int)))
}

fn lastgroup(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Match.lastgroup", "$self, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| {
        Ok(match m.lastindex {
            Some(last) => {
                m.names().into_iter().find(|(_, i)| *i as i64 == last).map_or(Value::None, |(n, _)| Value::string(n))
            }
            None => Value::None,
        })
    })
}

fn regs(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("Match.regs", "$self, /").bind(vm, a, kw)?;
    with(vm, Some(me), |m| {
        Ok(Value::tuple(
            (0..=m.groups())
                .map(|i| Value::tuple(vec![Value::Int(m.marks[2 * i]), Value::Int(m.marks[2 * i + 1])]))
                .collect(),
        ))
    })
}
