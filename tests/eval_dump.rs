//! `dump_expr(parse_expression(src))` against CPython 3.11's
//! `ast.dump(ast.parse(src, mode='eval'))`, the `eval()` input path, on
//! expressions of every kind. Without CPython 3.11 the test says so and passes.

use std::io::Write;
use std::process::{Command, Stdio};

use tulip::syntax::{dump::dump_expr, parse_expression};

const EXPRESSIONS: &[&str] = &[
    "x",
    "1 + 2 * 3 ** -4",
    "lambda x, /, y=1, *z, w, **v: (x, y)",
    "[i async for i in j if i]",
    "{**a, 'b': c, **d}",
    "{1, *s}",
    "f(*a, b, k=1, **kw)",
    "a[1:2, ::3, ...]",
    "a[*b]",
    "f'{x=!r:>{w}}' 'tail'",
    "u'kind' 'u'",
    "b'\\x00' b'\"'",
    "(yield)",
    "1e400j + 0.1 + 0x10 + 123456789012345678901234567890",
    "not a and b or c in d not in e is not f",
    "(x := 5)",
    "a if b else c",
    "(\n  1,\n  2,\n)\n",
    "x\n\n",
    "await y",
];

#[test]
fn expression_dumps_match_cpython() {
    let script = "import ast, sys\n\
        for src in sys.stdin.read().split('\\0'):\n    \
        print(ast.dump(ast.parse(src, mode='eval')))";
    let mut child = match Command::new("python3")
        .args(["-c", "import sys; assert sys.version_info[:2] == (3, 11)"])
        .status()
    {
        Ok(status) if status.success() => Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("cannot run python3"),
        _ => {
            println!("eval_dump: python3 is not CPython 3.11; skipping");
            return;
        }
    };
    let input = EXPRESSIONS.join("\0");
    child.stdin.take().expect("stdin is piped").write_all(input.as_bytes()).expect("cannot write to python3");
    let out = child.wait_with_output().expect("python3 did not finish");
    assert!(out.status.success(), "CPython rejected one of the expressions");
    let expected = String::from_utf8(out.stdout).expect("python3 wrote UTF-8");
    for (source, expected) in EXPRESSIONS.iter().zip(expected.lines()) {
        let ours = parse_expression(source).map(|expr| dump_expr(&expr));
        assert_eq!(ours.as_deref(), Ok(expected), "for {source:?}");
    }
    assert_eq!(expected.lines().count(), EXPRESSIONS.len());
}
