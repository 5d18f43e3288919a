//! tulip's front end: Python 3.11 source text in, a spanned AST or a precise
//! `SyntaxError` out.
//!
//! Pipeline: [`lexer`] (logos raw tokens, then the logical-line layer that makes
//! NEWLINE/INDENT/DEDENT and resolves soft keywords) → the LALRPOP parser
//! generated from `python.lalrpop` (actions in [`actions`], literals decoded by
//! [`literal`], f-strings split by [`fstring`]) → [`validate`], the checks
//! CPython makes after parsing (targets, `return` outside a function, ...).
//!
//! ```
//! let module = tulip_syntax::parse_module("x = 1\n").unwrap();
//! assert_eq!(
//!     tulip_syntax::dump::dump_module(&module),
//!     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"
//! );
//! ```

pub mod actions;
pub mod ast;
pub mod depth;
pub mod dump;
pub mod error;
pub mod fstring;
pub mod lexer;
pub mod literal;
pub mod parser;
pub mod pystr;
pub mod repr;
pub mod source;
pub mod token;
pub mod validate;

pub use error::{ErrorKind, LineIndex, SyntaxError};
pub use parser::{parse_ast, parse_expression, parse_interactive, parse_module};
pub use source::decode_source;
