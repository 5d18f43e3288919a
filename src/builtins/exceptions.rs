//! Methods of `BaseException` and the exceptions with extra behaviour
//! (KeyError's str, StopIteration.value, SystemExit.code, OSError,
//! ExceptionGroup).

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let base = vm.types.exc("BaseException");
    super::methods(
        vm,
        &base,
        "BaseException",
        &[("__init__", init), ("__str__", str_), ("__repr__", repr), ("with_traceback", with_traceback), ("add_note", add_note), ("__reduce__", reduce)],
    );
    super::method_kind(vm, &base, "BaseException", "__new__", new, BuiltinKind::StaticMethod);
    super::methods(vm, &vm.types.exc("KeyError"), "KeyError", &[("__str__", key_error_str)]);
    super::methods(vm, &vm.types.exc("OSError"), "OSError", &[("__str__", os_error_str)]);
    for name in ["UnicodeDecodeError", "UnicodeEncodeError"] {
        super::methods(vm, &vm.types.exc(name), name, &[("__str__", unicode_error_str)]);
    }
    for name in ["BaseExceptionGroup", "ExceptionGroup"] {
        let c = vm.types.exc(name);
        super::methods(vm, &c, "BaseExceptionGroup", &[("__str__", group_str), ("subgroup", subgroup), ("split", split), ("derive", derive)]);
        super::method_kind(vm, &c, "BaseExceptionGroup", "__new__", group_new, BuiltinKind::StaticMethod);
    }
}

fn data(vm: &Vm, v: &Value) -> PyResult<Rc<Instance>> {
    match v {
        Value::Instance(i) if i.exc().is_some() => Ok(i.clone()),
        _ => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

fn args_of(i: &Instance) -> Vec<Value> {
    match i.exc().map(|d| d.borrow().args.clone()) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        _ => Vec::new(),
    }
}

fn new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [], args) = crate::sig!("BaseException.__new__", "$type, *args, **kwargs").bind_rest(vm, a, kw)?;
    let Value::Class(c) = cls else { return Err(vm.type_error("BaseException.__new__(X): X is not a type object")) };
    let mut class = c.clone();
    if let (true, [errno, _, ..]) = (c.name().as_str() == "OSError" && Rc::ptr_eq(c, &vm.types.exc("OSError")), args) {
        if let Some(sub) = os_error_subclass(errno.builtin_base()) {
            class = vm.types.exc(sub);
        }
    }
    Ok(Value::Instance(vm.exc_instance(&class, args.to_vec())))
}

/// `OSError(errno, ...)` constructs the subclass for that errno, as CPython does.
fn os_error_subclass(errno: &Value) -> Option<&'static str> {
    let Value::Int(n) = errno else { return None };
    Some(match n {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        11 | 114 | 115 => "BlockingIOError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        104 => "ConnectionResetError",
        110 => "TimeoutError",
        111 => "ConnectionRefusedError",
        _ => return None,
    })
}

// The exception families `set_special_attrs` gives attributes of their own.
const STOP: u8 = 1;
const UNICODE: u8 = 2;
const EXIT: u8 = 4;
const OS: u8 = 8;
const IMPORT: u8 = 16;
const GROUP: u8 = 32;
const NAMED: u8 = 64;

/// The families of `class` (builtin classes of its MRO, matched by name
/// once per type version: a raise is hot, and most have none).
fn families(class: &Class) -> u8 {
    let version = crate::runtime::object::type_version();
    let (known, kinds) = class.exc_families.get();
    if known == version {
        return kinds;
    }
    let mut kinds = 0u8;
    for c in class.mro.borrow().iter().filter(|c| !c.is_heap) {
        kinds |= match c.name().as_str() {
            "StopIteration" | "StopAsyncIteration" => STOP,
            "UnicodeDecodeError" | "UnicodeEncodeError" => UNICODE,
            "SystemExit" => EXIT,
            "OSError" => OS,
            "ImportError" => IMPORT,
            "BaseExceptionGroup" => GROUP,
            "NameError" | "AttributeError" => NAMED,
            _ => 0,
        };
    }
    class.exc_families.set((version, kinds));
    kinds
}

/// Attributes some exception classes derive from their arguments.
pub fn set_special_attrs(vm: &Vm, inst: &Rc<Instance>, args: &[Value]) {
    let class = inst.class();
    let Some(d) = &inst.dict else { return };
    let kinds = families(&class);
    if kinds == 0 {
        return;
    }
    let is_a = |kind: u8| kinds & kind != 0;
    let first = args.first().cloned().unwrap_or(Value::None);
    if is_a(STOP) {
        d.set_str(vm.intern("value"), first.clone());
    }
    if is_a(UNICODE) && args.len() == 5 {
        for (name, v) in ["encoding", "object", "start", "end", "reason"].iter().zip(args) {
            d.set_str(vm.intern(name), v.clone());
        }
    }
    if is_a(EXIT) {
        let code = if args.len() > 1 { Value::tuple(args.to_vec()) } else { first.clone() };
        d.set_str(vm.intern("code"), code);
    }
    if is_a(OS) {
        let (errno, strerror) = if args.len() >= 2 { (args[0].clone(), args[1].clone()) } else { (Value::None, Value::None) };
        d.set_str(vm.intern("errno"), errno);
        d.set_str(vm.intern("strerror"), strerror);
        d.set_str(vm.intern("filename"), args.get(2).cloned().unwrap_or(Value::None));
    }
    if is_a(IMPORT) {
        if d.get_str(&vm.intern("name")).is_none() {
            d.set_str(vm.intern("name"), Value::None);
        }
        d.set_str(vm.intern("path"), Value::None);
        d.set_str(vm.intern("msg"), first.clone());
    }
    if is_a(GROUP) {
        d.set_str(vm.intern("message"), first.clone());
        let excs = args.get(1).map(|e| Value::tuple(vm.collect(e).unwrap_or_default())).unwrap_or(Value::tuple(Vec::new()));
        d.set_str(vm.intern("exceptions"), excs);
    }
    if is_a(NAMED) {
        d.set_str(vm.intern("name"), Value::None);
    }
}

fn init(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], [], args) = crate::sig!("BaseException.__init__", "$self, *args, **kwargs").bind_rest(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    if let Some(d) = &inst.dict {
        for (k, v) in kw {
            d.set_str(k.clone(), v.clone());
        }
    }
    if let Some(e) = inst.exc() {
        e.borrow_mut().args = Value::tuple(args.to_vec());
    }
    set_special_attrs(vm, &inst, args);
    Ok(Value::None)
}

fn str_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "BaseException.__str__", "$self, /").bind(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    let args = args_of(&inst);
    Ok(match args.len() {
        0 => Value::str(""),
        1 => Value::Str(vm.str(&args[0])?),
        _ => Value::Str(vm.repr(&Value::tuple(args))?),
    })
}

fn repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "BaseException.__repr__", "$self, /").bind(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    let args = args_of(&inst);
    let name = inst.class().name();
    let inner = if args.len() == 1 {
        vm.repr(&args[0])?.as_str().to_string()
    } else {
        let r = vm.repr(&Value::tuple(args.clone()))?;
        let s = r.as_str();
        if args.is_empty() {
            String::new()
        } else {
            s[1..s.len() - 1].trim_end_matches(',').to_string()
        }
    };
    Ok(Value::string(format!("{}({})", name.as_str(), inner)))
}

fn with_traceback(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, tb], []) = crate::sig!("BaseException.with_traceback", "$self, tb, /").bind(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    if let (Some(e), Value::None) = (inst.exc(), tb) {
        e.borrow_mut().traceback.clear();
    }
    Ok(zelf.clone())
}

fn add_note(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, note], []) = crate::sig!("BaseException.add_note", "$self, note, /").bind(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    if note.as_str().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(note).as_str())));
    }
    let Some(d) = &inst.dict else { return Ok(Value::None) };
    let notes = match d.get_str(&vm.names.notes) {
        Some(n) => n,
        None => {
            let l = Value::list(Vec::new());
            d.set_str(vm.names.notes.clone(), l.clone());
            l
        }
    };
    match notes.as_list() {
        Some(l) => l.items.borrow_mut().push(note.clone()),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

fn key_error_str(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "KeyError.__str__", "$self, /").bind(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    let args = args_of(&inst);
    if args.len() == 1 {
        return Ok(Value::Str(vm.repr(&args[0])?));
    }
    str_(vm, a, kw)
}

fn os_error_str(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "OSError.__str__", "$self, /").bind(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    let args = args_of(&inst);
    if args.len() >= 2 {
        let errno = vm.str(&args[0])?;
        let msg = vm.str(&args[1])?;
        let filename = inst.dict.as_ref().and_then(|d| d.get_str(&vm.intern("filename"))).unwrap_or(Value::None);
        if !filename.is_none() {
            let filename2 = inst.dict.as_ref().and_then(|d| d.get_str(&vm.intern("filename2"))).unwrap_or(Value::None);
            if !filename2.is_none() {
                return Ok(Value::string(format!(
                    "[Errno {}] {}: {} -> {}",
                    errno.as_str(),
                    msg.as_str(),
                    vm.repr(&filename)?.as_str(),
                    vm.repr(&filename2)?.as_str()
                )));
            }
            return Ok(Value::string(format!("[Errno {}] {}: {}", errno.as_str(), msg.as_str(), vm.repr(&filename)?.as_str())));
        }
        return Ok(Value::string(format!("[Errno {}] {}", errno.as_str(), msg.as_str())));
    }
    str_(vm, a, kw)
}

/// "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
/// worded from the attributes (which a handler may have changed).
fn unicode_error_str(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "UnicodeError.__str__", "$self, /").bind(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    let Some(d) = &inst.dict else { return str_(vm, a, kw) };
    let get = |n: &str| d.get_str(&vm.intern(n));
    let (Some(enc), Some(obj), Some(Value::Int(start)), Some(Value::Int(end)), Some(reason)) =
        (get("encoding"), get("object"), get("start"), get("end"), get("reason"))
    else {
        return str_(vm, a, kw);
    };
    let (enc, reason) = (vm.str(&enc)?, vm.str(&reason)?);
    let decoding = inst.class().is_subclass(&vm.types.exc("UnicodeDecodeError"));
    let what = match (&obj, end - start == 1) {
        (Value::Bytes(b), true) if decoding => match b.data.get(start as usize) {
            Some(byte) => format!("byte 0x{byte:02x} in position {start}"),
            None => format!("bytes in position {start}-{}", end - 1),
        },
        (Value::Str(s), true) if !decoding => match s.as_str().chars().nth(start as usize) {
            Some(c) => format!("character '{}' in position {start}", super::codecs::char_escape(c)),
            None => format!("characters in position {start}-{}", end - 1),
        },
        _ => format!("{} in position {start}-{}", if decoding { "bytes" } else { "characters" }, end - 1),
    };
    let verb = if decoding { "decode" } else { "encode" };
    Ok(Value::string(format!("'{}' codec can't {verb} {what}: {}", enc.as_str(), reason.as_str())))
}

/// `(type, args[, __dict__])`: how copy and pickle rebuild an exception.
fn reduce(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("BaseException.__reduce__", "$self, /").bind(vm, a, kw)?;
    let inst = data(vm, zelf)?;
    let args = inst.exc().map(|d| d.borrow().args.clone()).unwrap_or(Value::tuple(Vec::new()));
    let mut parts = vec![Value::Class(inst.class()), args];
    if let Some(d) = inst.dict.as_ref().filter(|d| d.len() != 0) {
        parts.push(Value::Dict(d.clone()));
    }
    Ok(Value::tuple(parts))
}

fn group_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // PyArg_ParseTuple's count check, under the name CPython gives it.
    let ([cls], [], args) = crate::sig!("BaseExceptionGroup.__new__", "$type, *args, **kwargs").bind_rest(vm, a, kw)?;
    let Value::Class(c) = cls else { return Err(vm.type_error("not a type")) };
    let [message, seq] = args else {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len())));
    };
    if message.as_str().is_none() {
        return Err(vm.type_error("argument 1 must be str"));
    }
    let excs = vm.collect(seq).map_err(|_| vm.type_error("second argument (exceptions) must be a sequence"))?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exception = vm.types.exc("Exception");
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        match e {
            Value::Instance(inst) if inst.exc().is_some() => {
                if !inst.class().is_subclass(&exception) {
                    all_exceptions = false;
                }
            }
            _ => return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception"))),
        }
    }
    let mut class = c.clone();
    if Rc::ptr_eq(c, &vm.types.exc("BaseExceptionGroup")) && all_exceptions {
        class = vm.types.exc("ExceptionGroup");
    } else if c.is_subclass(&exception) && !all_exceptions {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    // `args` keep the sequence as passed; `exceptions` is always a tuple.
    let seq = if matches!(seq, Value::List(_) | Value::Tuple(_)) { seq.clone() } else { Value::tuple(excs.clone()) };
    let inst = vm.exc_instance(&class, vec![message.clone(), seq]);
    if let Some(d) = &inst.dict {
        d.set_str(vm.intern("message"), message.clone());
        d.set_str(vm.intern("exceptions"), Value::tuple(excs));
    }
    Ok(Value::Instance(inst))
}

fn group_parts(vm: &Vm, v: &Value) -> PyResult<(Rc<Instance>, Value, Vec<Value>)> {
    let inst = data(vm, v)?;
    let args = args_of(&inst);
    let msg = args.first().cloned().unwrap_or(Value::str(""));
    let excs = match args.get(1) {
        Some(e) => vm.collect(e)?,
        None => Vec::new(),
    };
    Ok((inst, msg, excs))
}

fn group_str(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "BaseExceptionGroup.__str__", "$self, /").bind(vm, a, kw)?;
    let (_, msg, excs) = group_parts(vm, zelf)?;
    let n = excs.len();
    Ok(Value::string(format!("{} ({} sub-exception{})", vm.str(&msg)?.as_str(), n, if n == 1 { "" } else { "s" })))
}

/// Splits a group by a predicate (a class, a tuple of classes, or a callable).
fn split_group(vm: &Vm, group: &Value, cond: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    let (inst, msg, excs) = group_parts(vm, group)?;
    let matches = |e: &Value| -> PyResult<bool> {
        match cond {
            Value::Class(_) | Value::Tuple(_) => vm.isinstance(e, cond),
            f => {
                let r = vm.call(f, &[e.clone()], &[])?;
                vm.truthy(&r)
            }
        }
    };
    if matches(group)? {
        return Ok((Some(group.clone()), None));
    }
    let mut yes = Vec::new();
    let mut no = Vec::new();
    let group_class = vm.types.exc("BaseExceptionGroup");
    for e in excs {
        let is_group = matches!(&e, Value::Instance(i) if i.class().is_subclass(&group_class));
        if is_group {
            let (y, n) = split_group(vm, &e, cond)?;
            if let Some(y) = y {
                yes.push(y);
            }
            if let Some(n) = n {
                no.push(n);
            }
        } else if matches(&e)? {
            yes.push(e);
        } else {
            no.push(e);
        }
    }
    let class = inst.class();
    let make = |items: Vec<Value>| -> PyResult<Option<Value>> {
        if items.is_empty() {
            return Ok(None);
        }
        let g = group_new(vm, &[Value::Class(class.clone()), msg.clone(), Value::list(items)], &[])?;
        Ok(Some(g))
    };
    Ok((make(yes)?, make(no)?))
}

fn subgroup(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, condition], []) = crate::sig!(unpack "BaseExceptionGroup.subgroup", "$self, condition, /").bind(vm, a, kw)?;
    Ok(split_group(vm, zelf, condition)?.0.unwrap_or(Value::None))
}

fn split(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, condition], []) = crate::sig!(unpack "BaseExceptionGroup.split", "$self, condition, /").bind(vm, a, kw)?;
    let (y, n) = split_group(vm, zelf, condition)?;
    Ok(Value::tuple(vec![y.unwrap_or(Value::None), n.unwrap_or(Value::None)]))
}

fn derive(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, excs], []) = crate::sig!(unpack "BaseExceptionGroup.derive", "$self, excs, /").bind(vm, a, kw)?;
    let (inst, msg, _) = group_parts(vm, zelf)?;
    group_new(vm, &[Value::Class(inst.class()), msg, excs.clone()], &[])
}
