//! PLACEHOLDER (dump helper replaces): CPython-compatible ast.dump.
use crate::ast;
pub fn dump_module(_m: &ast::Module) -> String { String::new() }
