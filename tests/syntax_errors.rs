//! Acceptance test: every invalid program of tests/syntax_errors/ is rejected
//! with the exception class and line CPython 3.11 reports (recorded in
//! tests/syntax_errors/expected.tsv by regen.py, so python3 is not needed).
//!
//! Messages are counted, not asserted, for lexer and parser errors; for the
//! post-parse checks of grammar/src/validate.rs (stage `compiler`) they must
//! match exactly too. Run with `-- --nocapture` to see the counts and the
//! mismatches.

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use tulip::syntax::{decode_source, parse_module, LineIndex, SyntaxError};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax_errors");

/// One line of expected.tsv.
struct Expected {
    file: String,
    class: String,
    line: usize,
    /// `compiler` for errors of validate.rs, `parser` for the lexer's and parser's.
    stage: String,
    message: String,
}

/// What tulip says about a case.
enum Verdict {
    Rejected { class: String, line: usize, message: String },
    Accepted,
    Panicked,
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

fn read_expected() -> Vec<Expected> {
    let table = std::fs::read_to_string(Path::new(CORPUS).join("expected.tsv")).expect("expected.tsv is readable");
    table
        .lines()
        .map(|row| {
            let fields: Vec<&str> = row.splitn(5, '\t').collect();
            let [file, class, line, stage, message] = fields[..] else { panic!("malformed expected.tsv row: {row}") };
            Expected {
                file: file.to_string(),
                class: class.to_string(),
                line: line.parse().expect("line is a number"),
                stage: stage.to_string(),
                message: unescape(message),
            }
        })
        .collect()
}

/// Decodes and parses the file as `python3 file.py` would.
fn tulip_verdict(bytes: &[u8]) -> Verdict {
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| -> Result<(), (SyntaxError, String)> {
        let source = decode_source(bytes).map_err(|e| (e, String::from_utf8_lossy(bytes).into_owned()))?;
        parse_module(&source).map(drop).map_err(|e| (e, source.clone()))
    }));
    match outcome {
        Err(_) => Verdict::Panicked,
        Ok(Ok(())) => Verdict::Accepted,
        Ok(Err((error, text))) => Verdict::Rejected {
            class: error.kind.name().to_string(),
            line: LineIndex::new(&text).line(error.span.start),
            message: error.msg,
        },
    }
}

#[test]
fn invalid_programs_are_rejected_like_cpython() {
    let expected = read_expected();
    assert!(expected.len() >= 150, "the corpus has {} cases, fewer than 150", expected.len());
    let (mut line_matches, mut message_matches) = (0, 0);
    let mut failures = Vec::new();
    for case in &expected {
        let bytes = std::fs::read(Path::new(CORPUS).join(&case.file)).expect("case file is readable");
        let want = format!("{} line {}: {}", case.class, case.line, case.message);
        match tulip_verdict(&bytes) {
            Verdict::Panicked => failures.push(format!("{}: PANIC; CPython: {want}", case.file)),
            Verdict::Accepted => failures.push(format!("{}: accepted; CPython: {want}", case.file)),
            Verdict::Rejected { class, line, message } => {
                let same_place = class == case.class && line == case.line;
                let same_message = message == case.message;
                line_matches += usize::from(same_place);
                message_matches += usize::from(same_message);
                let message_required = case.stage == "compiler";
                if !same_place || (message_required && !same_message) {
                    failures.push(format!("{}: tulip: {class} line {line}: {message}; CPython: {want}", case.file));
                } else if !same_message {
                    println!("message differs: {}: tulip: {message:?}; CPython: {:?}", case.file, case.message);
                }
            }
        }
    }
    println!(
        "syntax_errors: {} cases, {line_matches} with CPython's class and line, {message_matches} with its exact message",
        expected.len()
    );
    for failure in &failures {
        println!("FAIL {failure}");
    }
    assert!(failures.is_empty(), "{} of {} cases differ from CPython (see FAIL lines above)", failures.len(), expected.len());
}
