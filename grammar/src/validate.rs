//! The SyntaxErrors CPython 3.11 raises after parsing, from `future.c`,
//! `symtable.c` and `compile.c`, with CPython's messages and locations.
//!
//! CPython runs these checks as separate passes over the whole module, so the
//! error reported is the first one of the earliest pass, not the first in the
//! file: (1) `from __future__` features at the top of the module, (2) the
//! symbol-table walk (scopes, `global`/`nonlocal` conflicts, `yield` in
//! comprehensions, walrus scoping), (3) the symbol-table analysis (`nonlocal`
//! bindings), (4) the compiler (`return`/`break`/`await` placement, starred
//! targets, `__debug__`, repeated keywords, `match` patterns). Each pass lives
//! in its own submodule and reports the first error in its own visiting order,
//! which follows CPython's.

mod compile;
mod future;
mod patterns;
mod symtable;

use crate::ast;
use crate::error::SyntaxError;

/// Checks a parsed module as CPython's compiler would; `Err` is the first
/// SyntaxError CPython 3.11 would raise when compiling it.
pub fn validate_module(module: &ast::Module) -> Result<(), SyntaxError> {
    validate(module, false)
}

/// As `validate_module`, for a REPL input: `await`, `async for` and `async
/// with` are allowed at the top level (the input runs as a coroutine).
pub fn validate_interactive(module: &ast::Module) -> Result<(), SyntaxError> {
    validate(module, true)
}

fn validate(module: &ast::Module, top_level_await: bool) -> Result<(), SyntaxError> {
    let features = future::check_future_imports(module)?;
    let table = symtable::SymbolTable::build(module, features.annotations)?;
    table.analyze()?;
    compile::check_module(module, &table, &features, top_level_await)
}

#[cfg(test)]
mod tests;
