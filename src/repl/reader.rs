//! The line editor on a thread of its own, so that the interpreter's thread
//! can run the asyncio event loop while a person types: tasks started by
//! one input keep running at the prompt, as under `python -m asyncio`.
//!
//! The editor's thread never touches interpreter objects. It reads a line
//! when asked (`Reader::ask`) and sends back what happened (`Event`); TAB
//! sends the text before the cursor to the interpreter's thread and waits
//! for the candidates; highlighting needs only the text. Output made while
//! a line is being edited goes through rustyline's external printer
//! (`Reader::print`), which redraws the line below it.
//!
//! The printer is made only once output can come at the prompt (a session
//! whose event loop runs there): while one exists, rustyline 17 waits for
//! keys with `select` on the terminal, which overlooks keys it has already
//! read into its buffer, so keys arriving in one read (a fast typist, or
//! type-ahead while code ran) are handled only when the next key comes.

use super::highlight;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, ExternalPrinter, Helper};
use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, Sender};

/// Completion candidates: where the completed word starts, and the words.
pub type Candidates = (usize, Vec<String>);

/// What the editor's thread reports to the interpreter's thread.
pub enum Event {
    Line(String),
    /// Ctrl-C while editing.
    Interrupted,
    /// Ctrl-D on an empty line, or the terminal is gone.
    Eof,
    /// TAB: the candidates for this text before the cursor, to send back.
    Complete(String, Sender<Candidates>),
}

/// A line to read: the prompt, the text the line starts with, and whether
/// output may come while it is edited.
struct Ask {
    prompt: &'static str,
    initial: String,
    printing: bool,
}

type Printer = Box<dyn ExternalPrinter + Send>;

pub struct Reader {
    asks: Sender<Ask>,
    pub events: Receiver<Event>,
    /// Where the editor's thread hands over the printer, once asked for one.
    printers: Receiver<Option<Printer>>,
    printer: Option<Option<Printer>>,
}

impl Reader {
    /// Starts the editor's thread, with the history in `history` if given.
    /// Returns once the editor is set up (it installs signal handlers of its
    /// own, which a caller may want to replace afterwards).
    pub fn start(history: Option<PathBuf>) -> Result<Reader, String> {
        let (asks, asked) = channel::<Ask>();
        let (events, events_rx) = channel::<Event>();
        let (ready, ready_rx) = channel();
        let (printers, printers_rx) = channel();
        std::thread::Builder::new()
            .name("tulip-line-editor".into())
            .spawn(move || {
                // As bash and CPython's readline: TAB completes the common
                // prefix, a second TAB lists the candidates.
                let config = Config::builder().completion_type(CompletionType::List).build();
                let mut editor: Editor<Assist, DefaultHistory> = match Editor::with_config(config) {
                    Ok(e) => e,
                    Err(err) => {
                        let _ = ready.send(Err(err.to_string()));
                        return;
                    }
                };
                editor.set_helper(Some(Assist { events: events.clone() }));
                if let Some(path) = &history {
                    let _ = editor.load_history(path);
                }
                if ready.send(Ok(())).is_err() {
                    return;
                }
                let mut printer_made = false;
                for ask in asked {
                    if ask.printing && !printer_made {
                        printer_made = true;
                        let printer = editor.create_external_printer().ok().map(|p| Box::new(p) as Printer);
                        let _ = printers.send(printer);
                    }
                    let event = read_line(&mut editor, &ask, history.as_ref());
                    if events.send(event).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| e.to_string())?;
        ready_rx.recv().map_err(|_| "the line editor's thread died".to_string())??;
        Ok(Reader { asks, events: events_rx, printers: printers_rx, printer: None })
    }

    /// Asks for a line; the answer comes as an `Event`. With `printing`,
    /// output may come while the line is edited (`print`).
    pub fn ask(&mut self, prompt: &'static str, initial: String, printing: bool) {
        let _ = self.asks.send(Ask { prompt, initial, printing });
        if printing && self.printer.is_none() {
            self.printer = Some(self.printers.recv().ok().flatten());
        }
    }

    /// Shows `text` above the line being edited (or just writes it when no
    /// line is being edited).
    pub fn print(&mut self, text: String) {
        let shown = match &mut self.printer {
            Some(Some(p)) => p.print(text.clone()).is_ok(),
            _ => false,
        };
        if !shown {
            let mut out = std::io::stdout();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
        }
    }
}

fn read_line(editor: &mut Editor<Assist, DefaultHistory>, ask: &Ask, history: Option<&PathBuf>) -> Event {
    match editor.readline_with_initial(ask.prompt, (&ask.initial, "")) {
        Ok(line) => {
            if !line.trim().is_empty() {
                let _ = editor.add_history_entry(line.as_str());
                if let Some(path) = history {
                    let _ = editor.append_history(path);
                }
            }
            Event::Line(line)
        }
        Err(ReadlineError::Interrupted) => Event::Interrupted,
        Err(_) => Event::Eof,
    }
}

/// What rustyline calls back into: completion and highlighting.
struct Assist {
    events: Sender<Event>,
}

impl Completer for Assist {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<Candidates> {
        let before = line.get(..pos).unwrap_or(line);
        if before.trim().is_empty() {
            // TAB at the start of a line indents, as in CPython's REPL.
            return Ok((pos, vec!["    ".to_string()]));
        }
        let (reply, answer) = channel();
        if self.events.send(Event::Complete(before.to_string(), reply)).is_err() {
            return Ok((pos, Vec::new()));
        }
        Ok(answer.recv().unwrap_or((pos, Vec::new())))
    }
}

impl Highlighter for Assist {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        Cow::Owned(highlight::colour(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        true
    }
}

impl Hinter for Assist {
    type Hint = String;
}

impl Validator for Assist {}

impl Helper for Assist {}
