//! Reference cycles are collected: tests/memory/cycles.py builds and drops a
//! million small cycles of each common kind (instances pointing at each
//! other, self-referencing lists, closures capturing themselves, an instance
//! holding a bound method of itself, an instance holding a suspended
//! generator or a coroutine of itself), and must peak at about the memory of
//! the same program making the same objects without cycles.

use std::path::Path;
use std::process::{Command, Stdio};

/// Runs the script with `mode`; returns its peak resident set size in KiB.
fn peak_rss_kib(mode: &str) -> i64 {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/memory/cycles.py");
    let child = Command::new(env!("CARGO_BIN_EXE_tulip"))
        .arg(&script)
        .arg(mode)
        .stdout(Stdio::null())
        .spawn()
        .expect("tulip runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data, and wait4 only writes it and `status`
    // for our own child, which nothing else waits for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4 failed");
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "{mode} run failed: status {status}");
    usage.ru_maxrss
}

#[test]
fn dropped_cycles_do_not_accumulate() {
    let acyclic = peak_rss_kib("acyclic");
    let cycles = peak_rss_kib("cycles");
    eprintln!("peak RSS: {acyclic} KiB without cycles, {cycles} KiB with");
    assert!(cycles <= 3 * acyclic, "with cycles the program peaked at {cycles} KiB, without at {acyclic} KiB");
}
