//! tulip: an embeddable, Python-compatible scripting interpreter with asyncio
//! built in.
//!
//! Map of the crate:
//! - [`syntax`] — the front end (crate `tulip-syntax` in `grammar/`): lexer,
//!   LALRPOP parser, the AST, and post-parse checks.
//! - [`compile`] — scope analysis and lowering to the executable tree.
//! - [`eval`] — the evaluator ([`eval::Vm`]), generators and coroutines.
//! - [`runtime`] — values, objects, builtin types.
//! - [`aio`] — the GIL that lets OS threads run Python code.
//! - [`builtins`], [`modules`], `stdlib/` — the builtins namespace, native
//!   modules, and modules written in Python.
//! - [`aio`] — asyncio's native core (`_asyncio`): Future and Task.
//! - [`diag`] — rendering of syntax errors and tracebacks for people.
//! - [`interactive`] — a REPL session: input completeness, running inputs,
//!   top-level `await`, completion candidates.
//!
//! ```
//! let interp = tulip::Interpreter::new();
//! assert!(interp.run_source("x = 6 * 7\nassert x == 42\n", "<doc>").is_ok());
//! ```

pub mod aio;
pub mod builtins;
pub mod compile;
pub mod diag;
pub mod eval;
pub mod interactive;
pub mod interpreter;
pub mod modules;
pub mod runtime;
pub mod stdlib;

pub use interpreter::{Interpreter, ScriptError};
pub use tulip_syntax as syntax;
