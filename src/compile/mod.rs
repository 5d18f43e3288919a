//! From AST to the executable tree: scope analysis, lowering, and A-normal
//! form for the bodies of generators and coroutines.

pub mod anf;
pub mod ir;
pub mod lower;
pub mod scope;
