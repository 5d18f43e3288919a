//! The attributes of code objects (`f.__code__`, `gen.gi_code`,
//! `compile(...)`): the subset of CPython's `co_*` fields that scripts and
//! the stdlib (inspect, traceback, logging, asyncio's task reprs) read.

use crate::compile::ir::{Code, CodeKind};
use crate::eval::Vm;
use crate::runtime::value::Value;

// CPython's `co_flags` bits (Include/cpython/code.h).
const CO_OPTIMIZED: i64 = 0x1;
const CO_NEWLOCALS: i64 = 0x2;
const CO_VARARGS: i64 = 0x4;
const CO_VARKEYWORDS: i64 = 0x8;
const CO_NESTED: i64 = 0x10;
const CO_GENERATOR: i64 = 0x20;
const CO_COROUTINE: i64 = 0x80;
const CO_ASYNC_GENERATOR: i64 = 0x200;

/// CPython's `co_flags` for `code`.
pub fn co_flags(code: &Code) -> i64 {
    let mut flags = match code.kind {
        CodeKind::Module | CodeKind::Class => return 0,
        CodeKind::Function => 0,
        CodeKind::Generator => CO_GENERATOR,
        CodeKind::Coroutine => CO_COROUTINE,
        CodeKind::AsyncGenerator => CO_ASYNC_GENERATOR,
    };
    flags |= CO_OPTIMIZED | CO_NEWLOCALS;
    if code.params.vararg {
        flags |= CO_VARARGS;
    }
    if code.params.kwarg {
        flags |= CO_VARKEYWORDS;
    }
    // A function defined inside another function: exactly the ones whose
    // qualified name goes through `<locals>`.
    if code.qualname.as_str().contains("<locals>") {
        flags |= CO_NESTED;
    }
    flags
}

/// `co_varnames`: the parameters in CPython's order (positional,
/// keyword-only, `*args`, `**kwargs`), then the other locals that are not
/// cells.
fn varnames(code: &Code) -> Vec<Value> {
    let p = &code.params;
    let mut names: Vec<Value> = p.names[..p.n_pos].iter().map(|n| Value::Str(n.clone())).collect();
    names.extend(p.names[p.kwonly_start()..p.kwarg_slot()].iter().map(|n| Value::Str(n.clone())));
    if p.vararg {
        names.push(Value::Str(p.names[p.vararg_slot()].clone()));
    }
    if p.kwarg {
        names.push(Value::Str(p.names[p.kwarg_slot()].clone()));
    }
    let locals = code.slot_names.iter().skip(p.names.len()).filter(|n| !n.as_str().starts_with('.'));
    names.extend(locals.map(|n| Value::Str(n.clone())));
    names
}

impl Vm {
    /// The attribute `name` of a code object, if it has one.
    pub fn code_attr(&self, code: &Code, name: &str) -> Option<Value> {
        let p = &code.params;
        Some(match name {
            "co_name" => Value::Str(code.name.clone()),
            "co_qualname" => Value::Str(code.qualname.clone()),
            "co_filename" => Value::str(&code.filename),
            "co_firstlineno" => Value::Int(code.first_line as i64),
            "co_argcount" => Value::Int(p.n_pos as i64),
            "co_posonlyargcount" => Value::Int(p.n_posonly as i64),
            "co_kwonlyargcount" => Value::Int(p.n_kwonly as i64),
            "co_varnames" => Value::tuple(varnames(code)),
            "co_nlocals" => Value::Int(varnames(code).len() as i64),
            "co_flags" => Value::Int(co_flags(code)),
            "co_cellvars" => Value::tuple(code.cell_names[..code.n_own_cells].iter().map(|n| Value::Str(n.clone())).collect()),
            "co_freevars" => Value::tuple(code.cell_names[code.n_own_cells..].iter().map(|n| Value::Str(n.clone())).collect()),
            _ => return None,
        })
    }
}
