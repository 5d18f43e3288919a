//! Runs the Python programs in tests/scripts/ and tests/hostile/ with the
//! tulip binary and compares what they print with the expected output
//! beside them (`NAME.out`; `NAME.exit` holds the exit status and the last
//! stderr line when the program must fail).
//!
//! tests/scripts/*.out were produced by CPython 3.11. tests/hostile/ holds
//! scripts that try to crash the interpreter (deep recursion, deep nesting,
//! huge allocations, misbehaving dunders); their expected output records
//! the clean Python exceptions tulip raises instead.

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

/// Runs one program; returns a description of the mismatch, if any.
fn check(script: &Path) -> Option<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_tulip"))
        .arg(script)
        .current_dir(script.parent().unwrap_or(Path::new(".")))
        .output()
        .expect("tulip runs");
    let name = script.display();
    let expected = std::fs::read_to_string(script.with_extension("out")).unwrap_or_default();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if stdout != expected {
        return Some(format!("{name}: stdout differs\n--- expected\n{expected}--- got\n{stdout}"));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (status, last_line) = match std::fs::read_to_string(script.with_extension("exit")) {
        Ok(text) => {
            let mut lines = text.lines();
            let status: i32 = lines.next().and_then(|s| s.trim().parse().ok()).unwrap_or(1);
            (status, lines.next().unwrap_or("").to_string())
        }
        Err(_) => (0, String::new()),
    };
    if out.status.code() != Some(status) {
        return Some(format!("{name}: exit status {:?}, expected {status}\nstderr: {stderr}", out.status.code()));
    }
    if !last_line.is_empty() {
        let got = stderr.lines().filter(|l| !l.trim().is_empty()).last().unwrap_or("");
        if got != last_line {
            return Some(format!("{name}: last stderr line {got:?}, expected {last_line:?}"));
        }
    }
    None
}

fn run_all(dir: &str) {
    let failures: Vec<String> = programs(dir).iter().filter_map(|p| check(p)).collect();
    assert!(failures.is_empty(), "{} program(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn scripts_match_cpython() {
    run_all("scripts");
}

#[test]
fn hostile_scripts_end_cleanly() {
    run_all("hostile");
}
