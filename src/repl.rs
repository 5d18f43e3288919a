//! The interactive prompt (`tulip` on a terminal, `tulip -i script.py`):
//! rustyline reads lines, `tulip::interactive::Session` decides when an
//! input is complete and runs it.
//!
//! Lines are read one at a time, as in CPython's REPL: `>>> ` starts an
//! input, `... ` continues it, and each line goes into the history, which
//! persists in `$XDG_DATA_HOME/tulip/history` (or `~/.local/share/tulip/history`).
//! A continuation line starts pre-filled with the indentation it likely
//! needs. Ctrl-C discards the input being typed; while code runs, it raises
//! KeyboardInterrupt in it (see `tulip::eval::interrupt`).

mod highlight;
mod reader;

use reader::{Event, Reader};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::TryRecvError;
use tulip::interactive::{Input, Session};
use tulip::ScriptError;

/// How long the event loop runs between two looks for a typed line, while
/// tasks may be running at the prompt: the longest a finished line waits.
const IDLE_SLICE: f64 = 0.02;

/// Runs the prompt until `exit()`, Ctrl-D or SystemExit; the exit status.
pub fn run(interp: &tulip::Interpreter, banner: bool) -> ExitCode {
    let session = Session::new(interp);
    let mut reader = match Reader::start(history_file()) {
        Ok(r) => r,
        Err(err) => {
            eprintln!("tulip: cannot start the line editor: {err}");
            return ExitCode::from(1);
        }
    };
    // After the editor, which installs a SIGINT handler of its own for its
    // reads (where Ctrl-C is a key anyway, the terminal being raw).
    tulip::eval::interrupt::catch_sigint();
    if banner {
        eprintln!(
            "tulip {} (Python 3.11 compatible) on {}\nType exit() or Ctrl-D to leave.",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        );
    }
    let fancy = std::io::stderr().is_terminal();
    loop {
        let Some(source) = read_input(&session, &mut reader) else {
            return ExitCode::SUCCESS;
        };
        tulip::eval::interrupt::take();
        let result = session.run(&source);
        // A Ctrl-C that came after the code finished is not for the next input.
        tulip::eval::interrupt::take();
        if let Err(err) = result {
            if let Some(status) = report(err, &source, fancy, &mut std::io::stderr()) {
                return status;
            }
        }
    }
}

/// Writes the report of an input's error to `out`; the exit status if the
/// error ends the session (SystemExit).
fn report(err: ScriptError, source: &str, fancy: bool, out: &mut impl Write) -> Option<ExitCode> {
    let text = match err {
        ScriptError::Exit(code, message) => {
            if let Some(m) = message {
                let _ = writeln!(out, "{m}");
            }
            return Some(ExitCode::from((code & 0xff) as u8));
        }
        ScriptError::Exception(text) | ScriptError::Interrupted(text) => text,
        ScriptError::Syntax(err) => tulip::diag::render_syntax_error(&err, "<stdin>", source, fancy),
    };
    let _ = out.write_all(text.as_bytes());
    None
}

/// Reads lines until they make a complete input (or an invalid one, which
/// `Session::run` reports); `None` at end of input.
fn read_input(session: &Session<'_>, reader: &mut Reader) -> Option<String> {
    let mut source = String::new();
    loop {
        let (prompt, indent) = if source.is_empty() { (">>> ", String::new()) } else { ("... ", next_indent(&source)) };
        reader.ask(prompt, indent, session.has_event_loop());
        match wait_for_line(session, reader) {
            Event::Line(line) => {
                source.push_str(&line);
                source.push('\n');
                if source.trim().is_empty() {
                    source.clear();
                    continue;
                }
                if Session::classify(&source) != Input::Incomplete {
                    return Some(source);
                }
            }
            Event::Interrupted => {
                eprintln!("KeyboardInterrupt");
                source.clear();
            }
            Event::Eof | Event::Complete(..) => {
                eprintln!();
                return None;
            }
        }
    }
}

/// Waits for the editor's answer, answering its completion requests
/// meanwhile; once the session has an event loop, the loop runs while
/// the person types, and what its tasks print shows above the line.
fn wait_for_line(session: &Session<'_>, reader: &mut Reader) -> Event {
    loop {
        let event = if session.has_event_loop() {
            match reader.events.try_recv() {
                Ok(e) => e,
                Err(TryRecvError::Disconnected) => return Event::Eof,
                Err(TryRecvError::Empty) => {
                    let (printed, result) = session.run_idle(IDLE_SLICE);
                    let mut shown = printed.into_bytes();
                    if let Err(err) = result {
                        // An error out of the loop itself (a closed loop,
                        // say) is shown; the prompt stays.
                        let _ = report(err, "", false, &mut shown);
                    }
                    if !shown.is_empty() {
                        reader.print(String::from_utf8_lossy(&shown).into_owned());
                    }
                    continue;
                }
            }
        } else {
            reader.events.recv().unwrap_or(Event::Eof)
        };
        match event {
            Event::Complete(before, reply) => {
                let _ = reply.send(session.complete(&before));
            }
            other => return other,
        }
    }
}

/// The indentation a continuation line likely needs: the last line's, one
/// level deeper after a block header, one level shallower after a statement
/// that ends its block.
fn next_indent(source: &str) -> String {
    let Some(last) = source.lines().rev().find(|l| !l.trim().is_empty()) else { return String::new() };
    let width = last.len() - last.trim_start().len();
    let code = last.split('#').next().unwrap_or("").trim_end();
    let first_word = code.split_whitespace().next().unwrap_or("");
    let width = if code.ends_with(':') {
        width + 4
    } else if ["return", "pass", "break", "continue", "raise"].contains(&first_word) {
        width.saturating_sub(4)
    } else {
        width
    };
    " ".repeat(width)
}

/// `$XDG_DATA_HOME/tulip/history`, else `~/.local/share/tulip/history`;
/// the directory is made if missing.
fn history_file() -> Option<PathBuf> {
    let data = match std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".local").join("share"),
    };
    let dir = data.join("tulip");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

#[cfg(test)]
mod tests {
    use super::next_indent;

    #[test]
    fn continuation_lines_are_indented_after_a_header_and_dedented_after_return() {
        assert_eq!(next_indent("def f():\n"), "    ");
        assert_eq!(next_indent("def f():\n    if x:  # why\n"), "        ");
        assert_eq!(next_indent("def f():\n    return 1\n"), "");
        assert_eq!(next_indent("x = [\n"), "");
    }
}
