//! `_inspect`: what pure-Python `inspect` and `asyncio` cannot see from
//! Python, because code objects have no `co_flags` yet.

use super::def;
use crate::builtins::args;
use crate::compile::ir::{Code, CodeKind};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "code_flags", code_flags);
    Ok(())
}

/// `code_flags(f)`: CPython's `co_flags` bits that tulip tracks for the code
/// of function `f` (or code object `f`): CO_VARARGS, CO_VARKEYWORDS,
/// CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR. 0 for anything else.
fn code_flags(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    args::no_kw(vm, "code_flags", kw)?;
    args::check(vm, "code_flags", a, 1, 1)?;
    let code: Option<Rc<Code>> = match &a[0] {
        Value::Function(f) => Some(f.code.clone()),
        Value::Native(n) => n.data.borrow().downcast_ref::<Rc<Code>>().cloned(),
        _ => None,
    };
    let Some(code) = code else { return Ok(Value::from(0i64)) };
    let mut flags: i64 = 0;
    if code.params.vararg {
        flags |= 0x04;
    }
    if code.params.kwarg {
        flags |= 0x08;
    }
    flags |= match code.kind {
        CodeKind::Generator => 0x20,
        CodeKind::Coroutine => 0x80,
        CodeKind::AsyncGenerator => 0x200,
        _ => 0,
    };
    Ok(Value::from(flags))
}
