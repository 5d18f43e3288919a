//! Diagnostics: how errors are shown to a person. Syntax errors render with
//! miette on a terminal and as CPython's plain text elsewhere; either way
//! stderr ends with CPython's `Type: message` line. Tracebacks underline the
//! failing expression of each frame as CPython 3.11 does (`carets`), or
//! draw each frame with miette on a terminal (`frames`).

mod carets;
mod frames;
mod suggest;
mod syntax;

pub use carets::{locate, Located};
pub use frames::draw_frame;
pub use suggest::closest;

pub use syntax::render_syntax_error;
