//! Checking the arguments of native functions, with CPython's messages.

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Requires between `min` and `max` positional arguments.
pub fn check(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            // Argument Clinic's wording, which CPython's several-argument builtins use.
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    };
    Err(vm.type_error(msg))
}

/// Like `check` for methods, where `args[0]` is `self` and not counted.
pub fn check_method(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    check(vm, name, &args[1.min(args.len())..], min, max)
}

pub fn no_kw(vm: &Vm, name: &str, kw: &KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// A keyword argument by name.
pub fn kwarg(kw: &KwArgs, name: &str) -> Option<Value> {
    kw.iter().find(|(n, _)| n.as_str() == name).map(|(_, v)| v.clone())
}

/// Rejects keyword arguments other than `allowed`.
pub fn only_kw(vm: &Vm, fname: &str, kw: &KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (n, _) in kw {
        if !allowed.contains(&n.as_str()) {
            return Err(vm.type_error(format!("{fname}() got an unexpected keyword argument '{}'", n.as_str())));
        }
    }
    Ok(())
}

/// Positional argument `i`, or keyword `name`, or `None`.
pub fn arg(args: &[Value], kw: &KwArgs, i: usize, name: &str) -> Option<Value> {
    args.get(i).cloned().or_else(|| kwarg(kw, name))
}
