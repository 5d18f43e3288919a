//! A coroutine freed before it ever ran is reported on stderr with
//! CPython's RuntimeWarning, through the warnings module (so filters apply).

use std::process::Command;

fn run(code: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tulip")).arg("-c").arg(code).output().expect("tulip runs");
    assert!(out.status.success(), "tulip failed: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn never_awaited_coroutine_warns() {
    let (stdout, stderr) = run("async def fetch():\n    pass\nfetch()\nprint('end')\n");
    assert_eq!(stdout, "end\n");
    assert!(stderr.contains("RuntimeWarning: coroutine 'fetch' was never awaited"), "stderr: {stderr}");
}

#[test]
fn awaited_or_closed_coroutines_do_not_warn() {
    let code = "async def f():\n    return 1\nc = f()\nc.close()\nd = f()\ntry:\n    d.send(None)\nexcept StopIteration:\n    pass\n";
    let (_, stderr) = run(code);
    assert!(!stderr.contains("never awaited"), "stderr: {stderr}");
}

#[test]
fn warning_filters_apply() {
    let code = "import warnings\nwarnings.simplefilter('ignore')\nasync def f():\n    pass\nf()\n";
    let (_, stderr) = run(code);
    assert!(!stderr.contains("never awaited"), "stderr: {stderr}");
}
