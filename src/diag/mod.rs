//! Diagnostics: how errors are shown to a person. Syntax errors (and, later,
//! tracebacks) render with miette on a terminal and as CPython's plain text
//! elsewhere; either way stderr ends with CPython's `Type: message` line.

mod suggest;
mod syntax;

pub use suggest::closest;

pub use syntax::render_syntax_error;
