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

use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tulip::interactive::{Input, Session};
use tulip::ScriptError;

/// What rustyline calls back into: completion and highlighting.
struct Assist<'s> {
    session: &'s Session<'s>,
}

impl Completer for Assist<'_> {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        let before = line.get(..pos).unwrap_or(line);
        if before.trim().is_empty() {
            // TAB at the start of a line indents, as in CPython's REPL.
            return Ok((pos, vec!["    ".to_string()]));
        }
        Ok(self.session.complete(before))
    }
}

impl Highlighter for Assist<'_> {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        Cow::Owned(highlight::colour(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        true
    }
}

impl Hinter for Assist<'_> {
    type Hint = String;
}

impl Validator for Assist<'_> {}

impl Helper for Assist<'_> {}

/// Runs the prompt until `exit()`, Ctrl-D or SystemExit; the exit status.
pub fn run(interp: &tulip::Interpreter, banner: bool) -> ExitCode {
    let session = Session::new(interp);
    // As bash and CPython's readline: TAB completes the common prefix, a
    // second TAB lists the candidates.
    let config = Config::builder().completion_type(CompletionType::List).build();
    let mut editor: Editor<Assist<'_>, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(err) => {
            eprintln!("tulip: cannot start the line editor: {err}");
            return ExitCode::from(1);
        }
    };
    editor.set_helper(Some(Assist { session: &session }));
    // After the editor, which installs a SIGINT handler of its own for its
    // reads (where Ctrl-C is a key anyway, the terminal being raw).
    tulip::eval::interrupt::catch_sigint();
    let history = history_file();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    if banner {
        eprintln!(
            "tulip {} (Python 3.11 compatible) on {}\nType exit() or Ctrl-D to leave.",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        );
    }
    let fancy = std::io::stderr().is_terminal();
    loop {
        let Some(source) = read_input(&mut editor, history.as_ref()) else {
            return ExitCode::SUCCESS;
        };
        tulip::eval::interrupt::take();
        let result = session.run(&source);
        // A Ctrl-C that came after the code finished is not for the next input.
        tulip::eval::interrupt::take();
        match result {
            Ok(()) => {}
            Err(ScriptError::Exit(code, message)) => {
                if let Some(m) = message {
                    eprintln!("{m}");
                }
                return ExitCode::from((code & 0xff) as u8);
            }
            Err(ScriptError::Exception(text) | ScriptError::Interrupted(text)) => {
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
            Err(ScriptError::Syntax(err)) => {
                let text = tulip::diag::render_syntax_error(&err, "<stdin>", &source, fancy);
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
        }
    }
}

/// Reads lines until they make a complete input (or an invalid one, which
/// `Session::run` reports); `None` at end of input.
fn read_input(editor: &mut Editor<Assist<'_>, DefaultHistory>, history: Option<&PathBuf>) -> Option<String> {
    let mut source = String::new();
    loop {
        let (prompt, indent) = if source.is_empty() { (">>> ", String::new()) } else { ("... ", next_indent(&source)) };
        match editor.readline_with_initial(prompt, (&indent, "")) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                    if let Some(path) = history {
                        let _ = editor.append_history(path);
                    }
                }
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
            Err(ReadlineError::Interrupted) => {
                eprintln!("KeyboardInterrupt");
                source.clear();
            }
            Err(_) => {
                eprintln!();
                return None;
            }
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
