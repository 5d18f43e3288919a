//! From AST to the executable tree: scope analysis, lowering, and A-normal
//! form for the bodies of generators and coroutines.

pub mod anf;
pub mod ir;
pub mod lower;
pub mod scope;

/// The compiler's maps of names: keyed by identifiers of the source, so
/// hashed with FNV-1a rather than SipHash, whose flood resistance they do
/// not need (it was a tenth of compiling asyncio).
pub(crate) type NameMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<crate::runtime::types::Fnv>>;
