//! Reference cycles are collected: tests/memory/cycles.py builds and drops a
//! million small cycles of each common kind (instances pointing at each
//! other, self-referencing lists, closures capturing themselves, an instance
//! holding a bound method of itself, an instance holding a suspended
//! generator or a coroutine of itself), and must peak at about the memory of
//! the same program making the same objects without cycles. A collection
//! of a very wide container needs no memory in proportion to its width,
//! and freeing many suspended generators at once (each to be closed) costs
//! little more than keeping them.

use std::path::Path;
use std::process::{Command, Stdio};

/// Runs tests/memory/`script` with `mode`; returns its peak resident set
/// size in KiB.
fn peak_rss_kib(script: &str, mode: &str) -> i64 {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/memory").join(script);
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
    let acyclic = peak_rss_kib("cycles.py", "acyclic");
    let cycles = peak_rss_kib("cycles.py", "cycles");
    eprintln!("peak RSS: {acyclic} KiB without cycles, {cycles} KiB with");
    assert!(cycles <= 3 * acyclic, "with cycles the program peaked at {cycles} KiB, without at {acyclic} KiB");
}

#[test]
fn collecting_a_wide_list_needs_no_memory_per_item() {
    let plain = peak_rss_kib("wide_collect.py", "plain");
    let collected = peak_rss_kib("wide_collect.py", "collect");
    eprintln!("peak RSS: {plain} KiB without a collection, {collected} KiB with");
    // A stack of every item would take 16 MB.
    assert!(collected <= plain + 4 * 1024, "with a collection the program peaked at {collected} KiB, without at {plain} KiB");
}

#[test]
fn freed_suspended_generators_wait_to_be_closed_cheaply() {
    let kept = peak_rss_kib("orphans.py", "keep");
    let freed = peak_rss_kib("orphans.py", "free");
    eprintln!("peak RSS: {kept} KiB keeping 200k suspended generators, {freed} KiB freeing them");
    assert!(freed <= kept + 12 * 1024, "freeing them peaked at {freed} KiB, keeping them at {kept} KiB");
}
