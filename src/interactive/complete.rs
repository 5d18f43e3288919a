//! Tab completion for the REPL: keywords, builtins and globals; attributes
//! after a dot; module names after `import` and `from`.
//!
//! Only a chain of plain names (`os.path.`) is evaluated to find attributes,
//! never a call or subscript, so pressing TAB runs no code of the user's
//! beyond attribute lookups (properties and `__getattr__`, as CPython's
//! rlcompleter does too).

use crate::eval::Vm;
use crate::runtime::object::Dict;
use crate::runtime::value::Value;

/// Python's keywords.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
];

pub(super) fn candidates(vm: &Vm, globals: &Dict, line: &str) -> (usize, Vec<String>) {
    let word_start = line
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map_or(line.len(), |(i, _)| i);
    let word = &line[word_start..];
    let (chain, prefix) = match word.rfind('.') {
        Some(dot) => (Some(&word[..dot]), &word[dot + 1..]),
        None => (None, word),
    };
    let prefix_start = line.len() - prefix.len();
    let mut found = if is_module_position(&line[..word_start]) {
        module_names(vm, chain)
    } else {
        match chain {
            Some(chain) => attributes(vm, globals, chain),
            None => names(vm, globals),
        }
    };
    // Private names only when asked for, as IPython does.
    found.retain(|n| n.starts_with(prefix) && (prefix.starts_with('_') || !n.starts_with('_')));
    found.sort();
    found.dedup();
    (prefix_start, found)
}

/// Whether the text before the word ends in `import` or `from` (with or
/// without other names: `import os, sy`).
fn is_module_position(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    match words.first() {
        Some(&"from") => words.len() == 1,
        Some(&"import") => true,
        _ => false,
    }
}

fn names(vm: &Vm, globals: &Dict) -> Vec<String> {
    let mut out: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
    let keys = [globals.table.borrow().keys(), vm.builtins.table.borrow().keys()];
    for key in keys.iter().flatten() {
        if let Some(s) = key.as_str() {
            out.push(s.as_str().to_string());
        }
    }
    out
}

fn attributes(vm: &Vm, globals: &Dict, chain: &str) -> Vec<String> {
    let mut parts = chain.split('.');
    let Some(first) = parts.next() else { return Vec::new() };
    if !is_identifier(first) {
        return Vec::new();
    }
    let sym = vm.intern(first);
    let Some(mut obj) = globals.get_str(&sym).or_else(|| vm.builtins.get_str(&sym)) else { return Vec::new() };
    for part in parts {
        if !is_identifier(part) {
            return Vec::new();
        }
        match vm.get_attr(&obj, &vm.intern(part)) {
            Ok(v) => obj = v,
            Err(_) => return Vec::new(),
        }
    }
    let names = vm.dir_names(&obj).unwrap_or_default();
    names.iter().filter_map(|n| n.as_str().map(|s| s.as_str().to_string())).collect()
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// Modules that can be imported: native, embedded, and `.py` files and
/// packages on `sys.path`. After `pkg.`, the submodules of `pkg`.
fn module_names(vm: &Vm, package: Option<&str>) -> Vec<String> {
    let mut all: Vec<String> = crate::modules::NAMES.iter().map(|n| n.to_string()).collect();
    all.extend(crate::stdlib::names().map(str::to_string));
    let dirs = vm.collect(&vm.sys_path).unwrap_or_default();
    for dir in dirs.iter().filter_map(Value::as_str) {
        let dir = if dir.as_str().is_empty() { "." } else { dir.as_str() };
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".py") {
                all.push(stem.to_string());
            } else if entry.path().join("__init__.py").is_file() {
                all.push(name);
            }
        }
    }
    match package {
        None => all.into_iter().filter(|n| !n.contains('.')).collect(),
        Some(p) => {
            let lead = format!("{p}.");
            all.into_iter().filter_map(|n| n.strip_prefix(&lead).map(str::to_string)).filter(|n| !n.contains('.')).collect()
        }
    }
}
