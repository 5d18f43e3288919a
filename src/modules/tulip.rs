//! `_tulip`: what the standard library written in Python here needs of the
//! interpreter to look like CPython's C modules.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "c_type", c_type);
    Ok(())
}

/// `c_type(cls, name=None)`: names `cls` as CPython names the C type it
/// stands for: messages about its instances say `name` (by default
/// `'module.qualname'`, e.g. `'datetime.date' object is not iterable`),
/// and its `__module__` is the part of `name` before the last dot.
/// Returns `cls`, so it can decorate a class.
fn c_type(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([cls], [name]) = crate::sig!("_tulip.c_type", "cls, /, name=None").bind(vm, a, kw)?;
    let Value::Class(class) = cls else {
        return Err(vm.type_error(format!("c_type() argument must be a class, not {}", vm.type_name(cls).as_str())));
    };
    let full = match name {
        Some(Value::None) | None => {
            let module = vm.get_attr(cls, &vm.intern("__module__"))?;
            format!("{}.{}", vm.str(&module)?.as_str(), class.qualname.borrow().as_str())
        }
        Some(n) => vm.str(n)?.as_str().to_owned(),
    };
    if let Some((module, _)) = full.rsplit_once('.') {
        vm.set_attr(cls, &vm.intern("__module__"), Value::str(module))?;
    }
    // A class is named once, when its module defines it.
    let _ = class.type_name.set(vm.intern(&full));
    Ok(cls.clone())
}
