//! `_inspect`: what pure-Python `inspect` reads of functions without
//! going through their code objects.

use super::def;
use crate::compile::ir::Code;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "code_flags", code_flags);
    Ok(())
}

/// `code_flags(f)`: CPython's `co_flags` of the code of function `f` (or
/// code object `f`); 0 for anything else.
fn code_flags(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([code_v], []) = crate::sig!("inspect.code_flags", "code, /").bind(vm, a, kw)?;
    let code: Option<Rc<Code>> = match code_v {
        Value::Function(f) => Some(f.code.clone()),
        Value::Native(n) => n.data.borrow().downcast_ref::<Rc<Code>>().cloned(),
        _ => None,
    };
    Ok(Value::from(code.map_or(0, |c| crate::eval::code::co_flags(&c))))
}
