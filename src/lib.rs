//! tulip: an embeddable, Python-compatible scripting interpreter with asyncio
//! built in.
//!
//! Map of the crate:
//! - [`syntax`] — the front end (crate `tulip-syntax` in `grammar/`): lexer,
//!   LALRPOP parser, the AST, and post-parse checks.
//! - [`diag`] — rendering of syntax errors (and tracebacks) for people.
//!
//! ```
//! let module = tulip::syntax::parse_module("print('hi')\n").unwrap();
//! assert_eq!(module.body.len(), 1);
//! ```

pub mod diag;
pub use tulip_syntax as syntax;
