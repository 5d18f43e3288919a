//! Hostile input for the front end: whatever the bytes, parsing ends with an
//! AST or a clean error — never a panic, a hang or a stack overflow.
//!
//! Each case runs on a thread with a 2 MiB stack (Rust's default for spawned
//! threads, and less than a CLI main thread has), so a pass that recurses too
//! deeply fails here first.

use std::time::{Duration, Instant};
use tulip::syntax::{decode_source, dump, parse_module, ErrorKind};

const SMALL_STACK: usize = 2 << 20;

/// Parses (and dumps, to exercise a recursive pass) `source` on a small stack.
fn outcome(source: String) -> Result<usize, (ErrorKind, String)> {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || match parse_module(&source) {
            Ok(module) => Ok(dump::dump_module(&module).len()),
            Err(err) => Err((err.kind, err.msg)),
        })
        .expect("spawn")
        .join()
        .expect("the front end panicked")
}

#[track_caller]
fn assert_error(source: String, kind: ErrorKind, msg: &str) {
    match outcome(source) {
        Err((k, m)) => assert_eq!((k, m.as_str()), (kind, msg)),
        Ok(_) => panic!("accepted; expected {kind:?}: {msg}"),
    }
}

#[test]
fn hundred_thousand_nested_parentheses() {
    let source = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    assert_error(source, ErrorKind::SyntaxError, "too many nested parentheses");
    let source = format!("x = {}\n", "[{(".repeat(40_000));
    assert_error(source, ErrorKind::SyntaxError, "too many nested parentheses");
}

#[test]
fn nesting_at_cpython_limits_is_accepted() {
    let source = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
    assert!(outcome(source).is_ok());
    let source = format!("x = {}1\n", "1+".repeat(2_500));
    assert!(outcome(source).is_ok());
    let source = format!("x = {}1\n", "-".repeat(2_500));
    assert!(outcome(source).is_ok());
}

#[test]
fn long_operator_chains_raise_recursion_error() {
    let msg = "maximum recursion depth exceeded during compilation";
    for chain in ["1+", "-", "not ", "2**", "lambda: ", "1 if 1 else ", "~+", "2**-"] {
        let source = format!("x = {}1\n", chain.repeat(1_000_000));
        assert_error(source, ErrorKind::RecursionError, msg);
    }
    assert_error(format!("x = f{}\n", "()".repeat(1_000_000)), ErrorKind::RecursionError, msg);
    assert_error(format!("x = a{}\n", "[0]".repeat(1_000_000)), ErrorKind::RecursionError, msg);
    assert_error(format!("x = a{}\n", ".b".repeat(1_000_000)), ErrorKind::RecursionError, msg);
}

#[test]
fn fifty_megabyte_file() {
    let line = "value = compute(alpha, beta[1:2], 'text', 3.25) + other.attribute  # comment\n";
    let source = line.repeat(50 * 1024 * 1024 / line.len());
    let started = Instant::now();
    let module = parse_module(&source).expect("valid source");
    assert_eq!(module.body.len(), 50 * 1024 * 1024 / line.len());
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
    let string = format!("s = '''{}'''\n", "all of this is one string\n".repeat(2_000_000));
    assert!(outcome(string).is_ok());
}

#[test]
fn invalid_utf8_and_nul_bytes() {
    let err = decode_source(b"x = 1\ny = '\xff\xfe'\n").unwrap_err();
    assert_eq!(err.kind, ErrorKind::SyntaxError);
    assert!(err.msg.starts_with("Non-UTF-8 code starting with '\\xff'"), "{}", err.msg);
    assert_error("x = 1\0\n".into(), ErrorKind::SyntaxError, "source code cannot contain null bytes");
    assert_error("\0".into(), ErrorKind::SyntaxError, "source code cannot contain null bytes");
}

#[test]
fn unterminated_constructs_at_end_of_file() {
    assert_error("x = 'abc".into(), ErrorKind::SyntaxError, "unterminated string literal (detected at line 1)");
    assert_error(
        "x = '''abc\n\n".into(),
        ErrorKind::SyntaxError,
        "unterminated triple-quoted string literal (detected at line 2)",
    );
    assert_error("x = f'{a".into(), ErrorKind::SyntaxError, "unterminated string literal (detected at line 1)");
    assert_error("x = [1,\n2,\n".into(), ErrorKind::SyntaxError, "'[' was never closed");
    assert_error("x = 1 \\".into(), ErrorKind::SyntaxError, "unexpected EOF while parsing");
    assert!(outcome("def f():\n".into()).is_err());
    assert!(outcome("if x:\n    pass\n  else".into()).is_err());
}

/// Deterministic token soup: every prefix of many random programs must parse
/// or fail cleanly.
#[test]
fn random_token_soup_never_panics() {
    const PIECES: [&str; 48] = [
        "x", "1", "2.5", "'s'", "f'{x}'", "b'b'", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
        "+", "-", "*", "**", "/", "//", "%", "@", "<", "==", "not", "and", "or", "if", "else", "for", "in",
        "lambda", "yield", "await", "async", "def", "class", "return", "match", "case", "_", "\n", "\n    ",
        "\t", "\\\n",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3_000 {
        let len = (next() % 40) as usize;
        let source: Vec<&str> = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        let _ = outcome(source.join(" "));
    }
}
