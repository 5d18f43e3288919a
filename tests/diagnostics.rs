//! Diagnostics as CPython 3.11 prints them. Each program of
//! tests/diagnostics/tracebacks/ dies of an uncaught exception and each of
//! tests/diagnostics/syntax/ is invalid; tulip's stderr (the plain form,
//! stderr not being a terminal) must equal CPython's, carets included
//! (`NAME.err`, written by tests/diagnostics/regen.py). The terminal form
//! of the syntax errors is miette's drawing, checked for its hint (every
//! message but a bare "invalid syntax" has one).

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

#[test]
fn syntax_errors_point_where_cpython_points() {
    let (count, failures) = mismatches("syntax");
    assert!(count >= 20, "only {count} programs in tests/diagnostics/syntax");
    assert!(failures.is_empty(), "{} of {count} syntax errors differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_terminal_form_draws_the_span_with_a_hint() {
    let (_, scripts) = corpus("syntax");
    for script in &scripts {
        let source = std::fs::read_to_string(script).expect("readable");
        let err = tulip::syntax::parse_module(&source).expect_err("an invalid program");
        let text = tulip::diag::render_syntax_error(&err, "t.py", &source, true);
        let last = format!("{}: {}\n", err.kind.name(), err.msg);
        assert!(text.ends_with(&last), "{}: the last line is not {last:?}:\n{text}", script.display());
        assert!(text.contains("t.py:"), "{}: no source location:\n{text}", script.display());
        // A bare "invalid syntax" names no mistake to hint at.
        if err.msg != "invalid syntax" {
            assert!(text.contains("help:"), "{}: no hint:\n{text}", script.display());
        }
    }
}

/// The traceback entries of a plain report: (file, line, function).
fn entries(report: &str) -> Vec<(String, String, String)> {
    report
        .lines()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix("File \"")?;
            let (file, rest) = rest.split_once("\", line ")?;
            let (line, function) = rest.split_once(", in ")?;
            Some((file.to_owned(), line.to_owned(), function.to_owned()))
        })
        .collect()
}

#[test]
fn the_terminal_form_draws_each_frame_and_ends_with_the_cpython_line() {
    let (dir, scripts) = corpus("tracebacks");
    let mut drawn = 0;
    for script in &scripts {
        let expected = std::fs::read_to_string(script.with_extension("err")).expect("NAME.err beside NAME.py");
        let source = std::fs::read_to_string(script).expect("readable");
        let name = script.file_name().unwrap().to_string_lossy().into_owned();
        let report = |fancy: bool| {
            let interp = tulip::Interpreter::new();
            interp.set_argv(vec![name.clone()], &dir.display().to_string());
            interp.set_fancy_tracebacks(fancy);
            match interp.run_source(&source, &name) {
                Err(tulip::ScriptError::Exception(text)) => text.replace(&format!("{}/", dir.display()), ""),
                other => panic!("{name}: no uncaught exception: {other:?}"),
            }
        };
        let (plain, fancy) = (report(false), report(true));
        let last = expected.lines().last().unwrap();
        assert_eq!(fancy.lines().last(), Some(last), "{name}: the last line differs:\n{fancy}");
        for (file, line, function) in entries(&plain) {
            // A frame whose source is not known stays in the plain form.
            let as_plain = format!("File \"{file}\", line {line}, in {function}");
            let as_drawn = fancy.contains(&format!("in {function}")) && fancy.contains(&format!("{file}:{line}:"));
            assert!(fancy.contains(&as_plain) || as_drawn, "{name}: frame {file}:{line} in {function} missing:\n{fancy}");
        }
        drawn += fancy.matches("╭─[").count();
    }
    assert!(drawn >= scripts.len(), "only {drawn} frames drawn for {} programs", scripts.len());
}

/// Inputs the parse fuzz target crashed on, run as it runs them: decoded
/// lossily, parsed in each mode, every error rendered in both forms.
#[test]
fn fuzz_finds_parse_and_render_without_panicking() {
    let inputs: [&[u8]; 2] = [
        // A `\N{...}` name starting with a hyphen.
        b"s = '\\N{-O NHGt\xaa\xce-I}'\n",
        // An error whose span starts past the end of the line shown (NULs
        // and a carriage return after invalid UTF-8 in a comment).
        b"# __name__ \x92\x91s \"_t andaken\")\x01\x00\x00\x00\x00\x00\x00\r\n",
    ];
    for data in inputs {
        let text = String::from_utf8_lossy(data);
        let parses: [fn(&str) -> Result<(), tulip::syntax::SyntaxError>; 4] = [
            |s| tulip::syntax::parse_module(s).map(drop),
            |s| tulip::syntax::parse_ast(s).map(drop),
            |s| tulip::syntax::parse_expression(s).map(drop),
            |s| tulip::syntax::parse_interactive(s).map(drop),
        ];
        for parse in parses {
            if let Err(err) = parse(&text) {
                for fancy in [false, true] {
                    let shown = tulip::diag::render_syntax_error(&err, "<fuzz>", &text, fancy);
                    assert!(shown.ends_with(&format!("{}\n", err.msg)), "{shown}");
                }
            }
        }
    }
}
