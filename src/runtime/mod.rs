//! Values and objects: the data the evaluator works on.

pub mod alloc;
pub mod dict;
pub mod exceptions;
pub mod format;
pub mod gc;
pub mod int;
pub mod intern;
pub mod iter;
pub mod object;
pub mod search;
pub mod setorder;
pub mod sort;
pub mod str;
pub mod types;
pub mod value;
