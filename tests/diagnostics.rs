//! Diagnostics as CPython 3.11 prints them. Each program of
//! tests/diagnostics/tracebacks/ dies of an uncaught exception; tulip's
//! stderr (the plain form, stderr not being a terminal) must equal
//! CPython's, carets included (`NAME.err`, written by
//! tests/diagnostics/regen.py).

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus(folder: &str) -> (PathBuf, Vec<PathBuf>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("diagnostics").join(folder);
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    scripts.sort();
    (dir, scripts)
}

/// Runs every program of `folder`; the ones whose stderr differs from CPython's.
fn mismatches(folder: &str) -> (usize, Vec<String>) {
    let (dir, scripts) = corpus(folder);
    let mut failures = Vec::new();
    for script in &scripts {
        let expected = std::fs::read_to_string(script.with_extension("err")).expect("NAME.err beside NAME.py");
        let out = Command::new(env!("CARGO_BIN_EXE_tulip")).arg(script).current_dir(&dir).output().expect("tulip runs");
        let stderr = String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", dir.display()), "");
        if stderr != expected {
            failures.push(format!("{}:\n--- CPython\n{expected}--- tulip\n{stderr}", script.display()));
        }
    }
    (scripts.len(), failures)
}

#[test]
fn tracebacks_underline_the_failing_expression_as_cpython() {
    let (count, failures) = mismatches("tracebacks");
    assert!(count >= 40, "only {count} programs in tests/diagnostics/tracebacks");
    assert!(failures.is_empty(), "{} of {count} tracebacks differ:\n{}", failures.len(), failures.join("\n"));
}
