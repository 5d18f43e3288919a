//! `str`: the constructor and methods.

use super::args;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn install(vm: &Vm) {
    let c = &vm.types.str_;
    super::numbers::install_operator_dunders(vm, c, "str", false);
    super::methods(vm, c, "str", &[("join", join), ("__len__", len), ("__hash__", hash), ("__str__", str_), ("__repr__", repr)]);
    super::method_kind(vm, c, "str", "__new__", str_new, BuiltinKind::StaticMethod);
}

/// The `str` a method operates on (`self`, possibly of a subclass).
pub fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a crate::runtime::str::Str> {
    args.first()
        .and_then(|v| v.as_str())
        .ok_or_else(|| vm.type_error("descriptor requires a 'str' object"))
}

fn str_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cls = a[0].clone();
    let x = args::arg(&a[1..], kw, 0, "object");
    let encoding = args::arg(&a[1..], kw, 1, "encoding");
    let v = match (x, encoding) {
        (None, _) => Value::str(""),
        (Some(Value::Bytes(b)), Some(_)) => Value::string(String::from_utf8_lossy(&b.data).into_owned()),
        (Some(x), _) => Value::Str(vm.str(&x)?),
    };
    Ok(super::numbers::wrap_for_class(vm, &cls, &vm.types.str_, v))
}

fn join(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    args::check_method(vm, "join", a, 1, 1)?;
    let sep = this(vm, a)?;
    let items = vm.collect(&a[1])?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match item.as_str() {
            Some(s) => out.push_str(s.as_str()),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(item).as_str()
                )))
            }
        }
    }
    Ok(Value::string(out))
}

fn len(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, a)?.char_len() as i64))
}

fn hash(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, a)?.hash()))
}

fn str_(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::str(this(vm, a)?.as_str()))
}

fn repr(vm: &Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::string(tulip_syntax::repr::str_repr(this(vm, a)?.as_str())))
}
