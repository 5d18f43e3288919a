//! `sys`.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let set = |n: &str, v: Value| d.set_str(vm.intern(n), v);
    let argv: Vec<Value> = vm.argv.borrow().iter().map(|a| Value::str(a)).collect();
    set("argv", Value::list(argv));
    set("path", vm.sys_path.clone());
    set("modules", Value::Dict(vm.modules.clone()));
    set("maxsize", Value::Int(i64::MAX));
    set("byteorder", Value::str("little"));
    set("platform", Value::str(std::env::consts::OS));
    set("version", Value::str("3.11.7 (tulip 0.1.0)"));
    set("executable", Value::string(std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default()));
    let version = vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)];
    set("version_info", super::structseq::make(vm, &super::structseq::VERSION_INFO, version, Vec::new()));
    set("hexversion", Value::Int(0x030b07f0));
    set("maxunicode", Value::Int(0x10ffff));
    set("dont_write_bytecode", Value::bool(true));
    let float_info = vec![
        Value::float(f64::MAX),
        Value::Int(1024),
        Value::Int(308),
        Value::float(f64::MIN_POSITIVE),
        Value::Int(-1021),
        Value::Int(-307),
        Value::Int(15),
        Value::Int(53),
        Value::float(f64::EPSILON),
        Value::Int(2),
        Value::Int(1),
    ];
    set("float_info", super::structseq::make(vm, &super::structseq::FLOAT_INFO, float_info, Vec::new()));
    // CPython's values (30-bit digits, the 3.11 digit limit for int<->str).
    let int_info = vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)];
    set("int_info", super::structseq::make(vm, &super::structseq::INT_INFO, int_info, Vec::new()));
    set("stdin", stdin(vm));
    set("stdout", stream(vm, "stdout"));
    set("stderr", stream(vm, "stderr"));
    set("__stdout__", d.get_str(&vm.intern("stdout")).unwrap_or(Value::None));
    set("__stderr__", d.get_str(&vm.intern("stderr")).unwrap_or(Value::None));
    def(vm, d, "exit", exit);
    def(vm, d, "displayhook", displayhook);
    def(vm, d, "getrecursionlimit", getrecursionlimit);
    def(vm, d, "getswitchinterval", getswitchinterval);
    def(vm, d, "get_int_max_str_digits", get_int_max_str_digits);
    def(vm, d, "set_int_max_str_digits", set_int_max_str_digits);
    def(vm, d, "excepthook", excepthook);
    d.set_str(vm.intern("__excepthook__"), d.get_str(&vm.intern("excepthook")).unwrap_or(Value::None));
    def(vm, d, "setswitchinterval", setswitchinterval);
    def(vm, d, "setrecursionlimit", setrecursionlimit);
    def(vm, d, "exc_info", exc_info);
    def(vm, d, "_getframe", getframe);
    def(vm, d, "exception", exception);
    def(vm, d, "set_asyncgen_hooks", set_asyncgen_hooks);
    def(vm, d, "get_asyncgen_hooks", get_asyncgen_hooks);
    def(vm, d, "intern", intern);
    def(vm, d, "getsizeof", getsizeof);
    def(vm, d, "getdefaultencoding", getdefaultencoding);
    Ok(())
}

/// The file object of stdout or stderr: `write` and `flush`.
fn stream(vm: &Vm, name: &'static str) -> Value {
    let class = new_class(&vm.interner, "TextIOWrapper", Some(&vm.types.object), Layout::Object, None);
    fn write_out(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([_zelf, text], []) = crate::sig!("TextIOWrapper.write", "$self, s, /").bind(vm, a, kw)?;
        let s = vm.str(text)?;
        vm.write_out(s.as_str());
        Ok(Value::Int(s.char_len() as i64))
    }
    fn write_err(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([_zelf, text], []) = crate::sig!("TextIOWrapper.write", "$self, s, /").bind(vm, a, kw)?;
        let s = vm.str(text)?;
        vm.flush_out();
        eprint!("{}", s.as_str());
        Ok(Value::Int(s.char_len() as i64))
    }
    fn flush(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([_zelf], []) = crate::sig!("TextIOWrapper.flush", "$self, /").bind(vm, a, kw)?;
        vm.flush_out();
        Ok(Value::None)
    }
    fn isatty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([_zelf], []) = crate::sig!("TextIOWrapper.isatty", "$self, /").bind(vm, a, kw)?;
        Ok(Value::bool(false))
    }
    let write: NativeFn = if name == "stdout" { write_out } else { write_err };
    crate::builtins::methods(vm, &class, "TextIOWrapper", &[("write", write), ("flush", flush), ("isatty", isatty)]);
    let inst = vm.instance_with(&class, Payload::None);
    if let Some(d) = &inst.dict {
        d.set_str(vm.intern("name"), Value::string(format!("<{name}>")));
        d.set_str(vm.intern("encoding"), Value::str("utf-8"));
    }
    Value::Instance(inst)
}

/// `sys.stdin`: reads lines from the process's standard input.
fn stdin(vm: &Vm) -> Value {
    use std::io::{BufRead, Read};
    let class = new_class(&vm.interner, "TextIOWrapper", Some(&vm.types.object), Layout::Object, None);
    fn readline(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([_zelf], [_size]) = crate::sig!("TextIOWrapper.readline", "$self, size=-1, /").bind(vm, a, kw)?;
        vm.flush_out();
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| vm.new_error("OSError", e.to_string()))?;
        Ok(Value::string(line))
    }
    fn read(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([_zelf], [_size]) = crate::sig!("TextIOWrapper.read", "$self, size=-1, /").bind(vm, a, kw)?;
        vm.flush_out();
        let mut text = String::new();
        std::io::stdin().lock().read_to_string(&mut text).map_err(|e| vm.new_error("OSError", e.to_string()))?;
        Ok(Value::string(text))
    }
    fn readlines(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([zelf], [_hint]) = crate::sig!("TextIOWrapper.readlines", "$self, hint=-1, /").bind(vm, a, kw)?;
        let text = read(vm, std::slice::from_ref(zelf), &[])?;
        let s = text.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
        Ok(Value::list(s.split_inclusive('\n').map(Value::str).collect()))
    }
    fn iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([zelf], []) = crate::sig!(slot "TextIOWrapper.__iter__", "$self, /").bind(vm, a, kw)?;
        let lines = readlines(vm, std::slice::from_ref(zelf), &[])?;
        vm.iter(&lines)
    }
    fn isatty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let ([_zelf], []) = crate::sig!("TextIOWrapper.isatty", "$self, /").bind(vm, a, kw)?;
        Ok(Value::bool(false))
    }
    crate::builtins::methods(
        vm,
        &class,
        "TextIOWrapper",
        &[("readline", readline), ("read", read), ("readlines", readlines), ("__iter__", iter), ("isatty", isatty)],
    );
    let inst = vm.instance_with(&class, Payload::None);
    if let Some(d) = &inst.dict {
        d.set_str(vm.intern("name"), Value::str("<stdin>"));
        d.set_str(vm.intern("encoding"), Value::str("utf-8"));
    }
    Value::Instance(inst)
}

fn exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [status]) = crate::sig!("sys.exit", "status=None, /").bind(vm, a, kw)?;
    Err(vm.new_exc(&vm.types.exc("SystemExit"), status.into_iter().cloned().collect()))
}

/// What the REPL does with an expression statement's value: prints its repr
/// and keeps it in `builtins._` (None is neither printed nor kept).
fn displayhook(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([object], []) = crate::sig!("sys.displayhook", "object, /").bind(vm, a, kw)?;
    if object.is_none() {
        return Ok(Value::None);
    }
    let underscore = vm.intern("_");
    // Cleared first, as CPython does, so that a repr reading `_` sees None.
    vm.builtins.set_str(underscore.clone(), Value::None);
    let text = vm.repr(object)?;
    vm.write_out(text.as_str());
    vm.write_out("\n");
    vm.builtins.set_str(underscore, object.clone());
    Ok(Value::None)
}

fn getrecursionlimit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("sys.getrecursionlimit", "").bind(vm, a, kw)?;
    Ok(Value::Int(vm.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([limit], []) = crate::sig!("sys.setrecursionlimit", "limit, /").bind(vm, a, kw)?;
    let n = vm.index_value(limit)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit.set(n as usize);
    Ok(Value::None)
}

fn get_int_max_str_digits(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("sys.get_int_max_str_digits", "").bind(vm, a, kw)?;
    Ok(Value::Int(vm.int_max_str_digits.get() as i64))
}

fn set_int_max_str_digits(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([maxdigits], []) = crate::sig!("sys.set_int_max_str_digits", "maxdigits").bind(vm, a, kw)?;
    let n = vm.index_value(maxdigits)?;
    if n != 0 && !(640..).contains(&n) {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits.set(n as usize);
    Ok(Value::None)
}

fn getswitchinterval(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("sys.getswitchinterval", "").bind(vm, a, kw)?;
    Ok(Value::float(vm.gil.switch_interval().as_secs_f64()))
}

/// How long a thread waiting for the GIL lets the holder run before asking
/// for it.
fn setswitchinterval(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([interval], []) = crate::sig!("sys.setswitchinterval", "interval, /").bind(vm, a, kw)?;
    let secs = vm.to_float(interval)?;
    if !(secs > 0.0) {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    let secs = secs.min(1e9);
    vm.gil.set_switch_interval(std::time::Duration::from_secs_f64(secs));
    Ok(Value::None)
}

/// Prints an exception and its traceback to stderr, as for an uncaught one.
fn excepthook(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_exctype, value, _tb], []) = crate::sig!("sys.excepthook", "exctype, value, traceback, /").bind(vm, a, kw)?;
    vm.flush_out();
    match value {
        Value::Instance(exc) if matches!(exc.payload, Payload::Exception(_)) => eprint!("{}", vm.format_exception(exc)),
        other => eprintln!("TypeError: print_exception(): Exception expected for value, {} found", vm.type_name(other).as_str()),
    }
    Ok(Value::None)
}

/// `sys._getframe([depth])`.
fn getframe(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [depth]) = crate::sig!("sys._getframe", "depth=0, /").bind(vm, a, kw)?;
    let depth = match depth {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    // A negative depth is the caller's frame, as in CPython.
    vm.running_frame(depth.max(0) as usize).ok_or_else(|| vm.value_error("call stack is not deep enough"))
}

fn exc_info(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("sys.exc_info", "").bind(vm, a, kw)?;
    let current = vm.handling.borrow().last().cloned();
    Ok(match current {
        Some(e) => {
            let value = Value::Instance(e.clone());
            let tb = vm.get_attr(&value, &vm.intern("__traceback__")).unwrap_or(Value::None);
            Value::tuple(vec![Value::Class(e.class()), value, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: an argument
/// left out keeps its hook; each must be callable or None.
fn set_asyncgen_hooks(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], given) = crate::sig!("sys.set_asyncgen_hooks", "firstiter=<unset>, finalizer=<unset>").bind(vm, a, kw)?;
    let mut hooks = vm.asyncgen_hooks.borrow().clone();
    for (i, (name, given)) in ["firstiter", "finalizer"].into_iter().zip(given).enumerate() {
        if let Some(v) = given {
            if !v.is_none() && !vm.is_callable(v) {
                return Err(vm.type_error(format!("callable {name} expected, got {}", vm.type_name(v).as_str())));
            }
            hooks[i] = v.clone();
        }
    }
    *vm.asyncgen_hooks.borrow_mut() = hooks;
    Ok(Value::None)
}

fn get_asyncgen_hooks(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("sys.get_asyncgen_hooks", "").bind(vm, a, kw)?;
    let hooks = vm.asyncgen_hooks.borrow().to_vec();
    Ok(super::structseq::make(vm, &super::structseq::ASYNCGEN_HOOKS, hooks, Vec::new()))
}

fn exception(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("sys.exception", "").bind(vm, a, kw)?;
    Ok(match vm.handling.borrow().last() {
        Some(e) => Value::Instance(e.clone()),
        None => Value::None,
    })
}

fn intern(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([string], []) = crate::sig!("sys.intern", "string, /").bind(vm, a, kw)?;
    match string.as_str() {
        Some(s) => Ok(Value::Str(vm.intern(s.as_str()))),
        None => Err(vm.type_error("intern() argument 1 must be str")),
    }
}

fn getsizeof(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_object], [_default]) = crate::sig!("sys.getsizeof", "object, default=<unset>").bind(vm, a, kw)?;
    Ok(Value::Int(std::mem::size_of::<Value>() as i64 + 40))
}

fn getdefaultencoding(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("sys.getdefaultencoding", "").bind(vm, a, kw)?;
    Ok(Value::str("utf-8"))
}

