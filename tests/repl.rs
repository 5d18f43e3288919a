//! The REPL driven through a real pseudo-terminal, as a person would: keys
//! in, screen text out (ANSI escapes stripped). Each test waits for the text
//! it expects with a generous timeout, so a slow machine is not a failure.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

struct Repl {
    master: File,
    child: Child,
    /// Screen text received and not yet matched by `expect`.
    pending: String,
    /// Everything received, for failure messages.
    transcript: String,
}

impl Repl {
    fn start(home: &Path) -> Repl {
        let (mut master, mut slave) = (-1, -1);
        let size = libc::winsize { ws_row: 40, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: openpty writes two descriptors into the locals.
        let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
        assert_eq!(r, 0, "openpty failed");
        // SAFETY: both descriptors are fresh and owned here.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup the pty"));
        let mut command = Command::new(env!("CARGO_BIN_EXE_tulip"));
        command
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("TERM", "xterm")
            .stdin(io(&slave))
            .stdout(io(&slave))
            .stderr(io(&slave));
        // SAFETY: only async-signal-safe calls between fork and exec: the
        // child leads a session whose controlling terminal is the pty, so
        // Ctrl-C typed there sends it SIGINT.
        unsafe {
            command.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY as _, 0);
                Ok(())
            });
        }
        let child = command.spawn().expect("start tulip");
        drop(slave);
        // SAFETY: a plain fcntl on a descriptor we own.
        unsafe {
            let flags = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
            libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        Repl { master, child, pending: String::new(), transcript: String::new() }
    }

    fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).expect("write to the pty");
    }

    /// Types `keys` one at a time, each once the screen answered the one
    /// before, as a person types (keys that reach rustyline together may
    /// wait for the next key, see src/repl/reader.rs).
    fn type_keys(&mut self, keys: &str) {
        for key in keys.chars() {
            let shown = self.transcript.len();
            self.send(key.encode_utf8(&mut [0; 4]));
            let deadline = Instant::now() + TIMEOUT;
            while self.transcript.len() == shown {
                if !self.read_some() || Instant::now() > deadline {
                    panic!("no answer to {key:?}; the screen showed:\n{}", self.transcript);
                }
            }
        }
    }

    /// Types `line` and Enter, waits for the next prompt (`>>> ` or
    /// `... `) and returns what was shown in between. Keys typed before the
    /// prompt would be lost, as a line editor drops type-ahead.
    fn line(&mut self, line: &str) -> String {
        self.pending.clear();
        self.type_keys(line);
        self.send("\r");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            // The echo of the line ends at the first line break.
            if let Some(echo_end) = self.pending.find('\n') {
                let shown = &self.pending[echo_end + 1..];
                if let Some(at) = shown.find("\n>>> ").or_else(|| shown.find("\n... ")).or_else(|| {
                    (shown.starts_with(">>> ") || shown.starts_with("... ")).then_some(0)
                }) {
                    let output = shown[..at].to_string();
                    self.pending.drain(..echo_end + 1 + at);
                    return output;
                }
            }
            if !self.read_some() || Instant::now() > deadline {
                panic!("no prompt after {line:?}; the screen showed:\n{}", self.transcript);
            }
        }
    }

    /// Types `line` and checks that what it shows contains `expected`.
    fn check(&mut self, line: &str, expected: &str) {
        let shown = self.line(line);
        assert!(shown.contains(expected), "{line:?} showed {shown:?}, not {expected:?}; the screen showed:\n{}", self.transcript);
    }

    /// Reads until `needle` shows on the screen; fails after `TIMEOUT`.
    fn expect(&mut self, needle: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(at) = self.pending.find(needle) {
                self.pending.drain(..at + needle.len());
                return;
            }
            if !self.read_some() || Instant::now() > deadline {
                panic!("expected {needle:?}; the screen showed:\n{}", self.transcript);
            }
        }
    }

    /// Reads what is available (waiting a little); false once tulip closed the pty.
    fn read_some(&mut self) -> bool {
        let mut buf = [0u8; 4096];
        match self.master.read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                let text = strip_escapes(&String::from_utf8_lossy(&buf[..n]));
                self.pending.push_str(&text);
                self.transcript.push_str(&text);
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(10));
                true
            }
            Err(_) => false,
        }
    }

    /// Waits for tulip to exit; its exit status.
    fn wait(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let _ = self.read_some();
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("tulip did not exit; the screen showed:\n{}", self.transcript);
            }
        }
    }
}

impl Drop for Repl {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The text without ANSI escape sequences and carriage returns.
fn strip_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A scratch home directory, so history stays out of the real one; removed
/// when the test ends.
struct Home(PathBuf);

impl std::ops::Deref for Home {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch_home(name: &str) -> Home {
    let dir = std::env::temp_dir().join(format!("tulip-repl-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("make a scratch home");
    Home(dir)
}

#[test]
fn multi_line_function_repr_and_underscore() {
    let home = scratch_home("basics");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    // Continuation lines come pre-indented: the body is typed without it.
    repl.line("def double(x):");
    repl.line("y = x * 2");
    repl.line("return y");
    repl.line("");
    repl.check("double(21)", "42");
    repl.check("_ + 1", "43");
    repl.check("'a' + 'b'", "'ab'");
    assert_eq!(repl.line("None"), "");
    repl.line("for i in range(3): i * 10");
    repl.check("", "0\n10\n20");
}

#[test]
fn traceback_then_recovery() {
    let home = scratch_home("traceback");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    repl.check("1 / 0", "ZeroDivisionError: division by zero");
    // The failing expression of the input is underlined (by miette, the
    // REPL's stderr being a terminal), and CPython's last line follows.
    repl.check("x = 1 + None", " 1 │ x = 1 + None\n   ·     ────────\n   ╰────\nTypeError");
    repl.check("undefined_name", "NameError: name 'undefined_name' is not defined");
    repl.check("lenn([1])", "NameError: name 'lenn' is not defined. Did you mean: 'len'?");
    repl.line("x = 5");
    repl.check("x + 1", "6");
    repl.check("if x ==", "SyntaxError");
    repl.check("x * 3", "15");
}

#[test]
fn completes_an_attribute() {
    let home = scratch_home("complete");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    repl.line("import math");
    repl.type_keys("math.sqr\t");
    repl.check("(16)", "4.0");
    repl.line("class K:");
    repl.line("only_attribute_here = 7");
    repl.line("");
    repl.type_keys("K.only_a\t");
    repl.check("", "7");
}

#[test]
fn ctrl_d_leaves_with_status_0() {
    let home = scratch_home("eof");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    repl.send("\x04");
    assert_eq!(repl.wait(), 0);
}

#[test]
fn exit_call_sets_the_status() {
    let home = scratch_home("exit");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    repl.check("exit", "Use exit() or Ctrl-D (i.e. EOF) to exit");
    repl.send("exit(3)\r");
    assert_eq!(repl.wait(), 3);
}

#[test]
fn ctrl_c_interrupts_running_code() {
    let home = scratch_home("interrupt");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    repl.line("n = 0");
    repl.line("while True: n += 1");
    repl.pending.clear();
    repl.send("\r");
    // The key counts only once the terminal is back in its ordinary mode,
    // which the test cannot see: send it until the interrupt shows.
    let deadline = Instant::now() + TIMEOUT;
    while !repl.pending.contains("KeyboardInterrupt") {
        assert!(Instant::now() < deadline, "no KeyboardInterrupt; the screen showed:\n{}", repl.transcript);
        repl.send("\x03");
        let until = Instant::now() + Duration::from_millis(500);
        while Instant::now() < until && repl.read_some() {}
    }
    repl.expect(">>> ");
    // Ctrl-Cs sent after the interrupt may reach the prompt: each discards a line.
    std::thread::sleep(Duration::from_millis(600));
    while repl.read_some() && !repl.pending.is_empty() {
        repl.pending.clear();
        std::thread::sleep(Duration::from_millis(100));
    }
    repl.check("n > 0", "True");
}

#[test]
fn top_level_await_and_a_task_that_keeps_running() {
    let home = scratch_home("await");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    repl.line("import asyncio");
    repl.line("r = await asyncio.sleep(0.1, result='slept')");
    repl.check("r", "'slept'");
    repl.line("ticks = []");
    repl.line("async def tick():");
    repl.line("while True:");
    repl.line("ticks.append(1)");
    repl.line("await asyncio.sleep(0.01)");
    repl.line("");
    repl.line("task = asyncio.create_task(tick())");
    repl.line("await asyncio.sleep(0.2)");
    repl.check("before = len(ticks); before > 3", "True");
    repl.line("await asyncio.sleep(0.2)");
    repl.check("len(ticks) > before", "True");
}

#[test]
fn a_task_keeps_running_while_the_prompt_waits() {
    let home = scratch_home("idle-task");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    repl.line("import asyncio");
    repl.line("await asyncio.sleep(0)");
    repl.line("async def ticker():");
    repl.line("n = 0");
    repl.line("while True:");
    repl.line("n += 1");
    repl.line("print('tick', n)");
    repl.line("await asyncio.sleep(0.1)");
    repl.line("");
    repl.line("t = asyncio.create_task(ticker())");
    // Nothing typed: the ticks come while the prompt waits.
    repl.expect("tick 5\n");
    // Half a line typed survives the ticks printed above it.
    repl.type_keys("t.cancel");
    repl.expect("tick 8\n");
    repl.expect(">>> t.cancel");
    repl.type_keys("()");
    repl.send("\r");
    repl.expect("True\n");
    repl.expect(">>> ");
    repl.check("t.cancelled()", "True");
}

#[test]
fn history_is_recalled_after_a_restart() {
    let home = scratch_home("history");
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    repl.line("marker = 6 * 9");
    repl.send("\x04");
    assert_eq!(repl.wait(), 0);
    drop(repl);
    let mut repl = Repl::start(&home);
    repl.expect(">>> ");
    // Up arrow, Enter: the line typed in the last session runs again.
    repl.send("\x1b[A");
    repl.expect("marker = 6 * 9");
    repl.line("");
    repl.check("marker", "54");
}

#[test]
fn interrupted_script_prints_its_traceback_and_dies_of_sigint() {
    use std::io::BufRead;
    use std::os::unix::process::ExitStatusExt;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tulip"))
        .args(["-u", "-c", "print('ready')\nn = 0\nwhile True:\n    n += 1\n"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tulip");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("read stdout");
    assert_eq!(line, "ready\n");
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let out = child.wait_with_output().expect("wait for tulip");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("Traceback (most recent call last):\n"), "{stderr}");
    assert!(stderr.ends_with("\nKeyboardInterrupt\n"), "{stderr}");
    assert_eq!(out.status.signal(), Some(libc::SIGINT), "python3 dies of the signal: status 130 in a shell");
}
