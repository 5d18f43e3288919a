//! From AST to the executable tree: scope analysis, then lowering.

pub mod ir;
pub mod lower;
pub mod scope;
