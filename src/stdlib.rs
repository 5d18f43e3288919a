//! The standard library modules written in Python (`stdlib/` at the
//! repository root), embedded in the binary at build time.

/// (module name, source, is a package).
const MODULES: &[(&str, &str, bool)] = &[];

/// The embedded source of module `name`, and whether it is a package.
pub fn find(name: &str) -> Option<(&'static str, bool)> {
    MODULES.iter().find(|(n, _, _)| *n == name).map(|(_, src, pkg)| (*src, *pkg))
}
