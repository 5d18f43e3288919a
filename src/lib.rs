//! tulip: an embeddable, Python-compatible scripting interpreter.
pub use tulip_syntax as syntax;
