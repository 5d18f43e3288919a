//! An interactive session: inputs typed one at a time into one `__main__`,
//! as CPython's REPL runs them. The line editor is the CLI's (`src/repl.rs`);
//! this module owns what needs the interpreter: whether an input is complete,
//! running it, and completion candidates (`complete`).
//!
//! Top-level `await`: an input that awaits runs as a coroutine on one asyncio
//! event loop that the session keeps, as `python -m asyncio` does. From the
//! first such input on, every input runs as a task of that loop, so
//! `asyncio.create_task` works in any input, and the tasks it starts keep
//! running while the prompt waits for the next input (`run_idle`).
//! Before that, inputs run plainly, so `asyncio.run(main())` works as in
//! CPython's REPL.

mod complete;

pub use complete::KEYWORDS;

use crate::interpreter::{Interpreter, ScriptError};
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Whether a typed input can run, per the parser.
#[derive(Debug, PartialEq, Eq)]
pub enum Input {
    /// Runs as it is.
    Complete,
    /// Needs more lines: a bracket or string is open, a block header has no
    /// body yet, or a compound statement has not been ended by a blank line.
    Incomplete,
    /// Cannot become valid by adding lines: report the error now.
    Invalid,
}

/// CPython's `exit`/`quit` objects: their repr tells how to leave, calling
/// them raises SystemExit.
const QUITTERS: &str = "\
class Quitter:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f'Use {self.name}() or Ctrl-D (i.e. EOF) to exit'
    def __call__(self, code=None):
        raise SystemExit(code)
";

pub struct Session<'a> {
    interp: &'a Interpreter,
    globals: Rc<Dict>,
    /// `sys.displayhook`, which expression statements call.
    display: Value,
    /// The asyncio event loop, once an input has awaited.
    event_loop: RefCell<Option<Value>>,
    /// Inputs run so far, to name each one's pseudo-file.
    inputs: Cell<usize>,
}

impl<'a> Session<'a> {
    /// A session on `__main__` (the namespace a script run with `-i` left).
    pub fn new(interp: &'a Interpreter) -> Session<'a> {
        let vm = interp.vm();
        let globals = interp.main_globals();
        if globals.get_str(&vm.names.builtins).is_none() {
            globals.set_str(vm.names.builtins.clone(), Value::Dict(vm.builtins.clone()));
        }
        let scratch = Rc::new(Dict::new());
        if vm.exec_source(QUITTERS, "<quitters>", scratch.clone(), None).is_ok() {
            if let Some(class) = scratch.get_str(&vm.intern("Quitter")) {
                for name in ["exit", "quit"] {
                    if let Ok(q) = vm.call(&class, &[Value::str(name)], &[]) {
                        vm.builtins.set_str(vm.intern(name), q);
                    }
                }
            }
        }
        let display = vm
            .import_module("sys")
            .and_then(|sys| vm.get_attr(&sys, &vm.intern("displayhook")))
            .unwrap_or(Value::None);
        Session { interp, globals, display, event_loop: RefCell::new(None), inputs: Cell::new(0) }
    }

    pub fn interpreter(&self) -> &Interpreter {
        self.interp
    }

    /// Whether `source` (the lines typed so far, each ending in a newline)
    /// is ready to run. CPython's rule: a compound statement ends at a blank
    /// line; anything else ends with its line once it parses.
    pub fn classify(source: &str) -> Input {
        let last_line = source.strip_suffix('\n').unwrap_or(source).rsplit('\n').next().unwrap_or("");
        let ends_blank = last_line.trim().is_empty();
        match crate::syntax::parse_interactive(source) {
            Ok(module) => {
                let compound = module.body.first().is_some_and(|s| is_compound(&s.kind));
                if compound && !ends_blank {
                    Input::Incomplete
                } else {
                    Input::Complete
                }
            }
            Err(e) => {
                // Failing on the end of the text itself (not on a line
                // break) means a statement is still open: `@decorator`, `x = \`.
                // A lone decorator line fails on its line break.
                let decorator = source.trim_start().starts_with('@') && e.span.start as usize >= source.trim_end().len();
                let at_eof = decorator || e.span.start as usize >= source.len();
                let open = e.msg.ends_with("was never closed") || e.msg.starts_with("unterminated triple-quoted");
                if open || (!ends_blank && (at_eof || e.msg.starts_with("expected an indented block"))) {
                    Input::Incomplete
                } else {
                    Input::Invalid
                }
            }
        }
    }

    /// Runs one complete input in `__main__`: expression statements print
    /// their value's repr and keep it in `_`.
    pub fn run(&self, source: &str) -> Result<(), ScriptError> {
        let vm = self.interp.vm();
        let n = self.inputs.get();
        self.inputs.set(n + 1);
        let filename: Rc<str> = Rc::from(format!("<python-input-{n}>"));
        let module = crate::syntax::parse_interactive(source).map_err(ScriptError::Syntax)?;
        vm.sources.borrow_mut().insert(filename.clone(), Rc::from(source));
        let on_loop = self.event_loop.borrow().is_some();
        let code = crate::compile::lower::lower_interactive(&module, source, filename, &vm.interner, self.display.clone(), on_loop);
        let result = if code.kind == crate::compile::ir::CodeKind::Coroutine {
            self.run_on_loop(code)
        } else {
            vm.run_code(code, self.globals.clone(), None).map(|_| ())
        };
        crate::modules::io::flush_all();
        vm.flush_out();
        result.map_err(|e| self.interp.script_error(e))
    }

    /// Runs `code` as a coroutine on the session's event loop, then lets the
    /// loop turn once more so tasks the input started take their first step.
    fn run_on_loop(&self, code: Rc<crate::compile::ir::Code>) -> PyResult<()> {
        let vm = self.interp.vm();
        let existing = self.event_loop.borrow().clone();
        let event_loop = match existing {
            Some(l) => l,
            None => {
                let asyncio = vm.import_module("asyncio")?;
                let l = vm.call_method(&asyncio, "new_event_loop", &[])?;
                vm.call_method(&asyncio, "set_event_loop", &[l.clone()])?;
                *self.event_loop.borrow_mut() = Some(l.clone());
                l
            }
        };
        let coro = vm.call_function(&vm.function_of_code(code, self.globals.clone()), &[], &[])?;
        vm.call_method(&event_loop, "run_until_complete", &[coro]).map_err(without_loop_frames)?;
        let asyncio = vm.import_module("asyncio")?;
        let turn = vm.call_method(&asyncio, "sleep", &[Value::Int(0)])?;
        vm.call_method(&event_loop, "run_until_complete", &[turn])?;
        Ok(())
    }

    /// Whether an input has awaited, so that tasks may be running on the
    /// session's event loop.
    pub fn has_event_loop(&self) -> bool {
        self.event_loop.borrow().is_some()
    }

    /// Lets the event loop run for about `seconds`, while the prompt waits
    /// for a line. What its tasks print is returned rather than written, so
    /// that the line editor can show it above the line being typed. A loop
    /// that fails to run (closed by an input, say) is forgotten; the next
    /// input that awaits makes a new one.
    pub fn run_idle(&self, seconds: f64) -> (String, Result<(), ScriptError>) {
        let vm = self.interp.vm();
        let Some(event_loop) = self.event_loop.borrow().clone() else { return (String::new(), Ok(())) };
        let unbuffered = vm.unbuffered.replace(false);
        let result = vm
            .import_module("asyncio")
            .and_then(|asyncio| vm.call_method(&asyncio, "sleep", &[Value::float(seconds)]))
            .and_then(|nap| vm.call_method(&event_loop, "run_until_complete", &[nap]));
        crate::modules::io::flush_all();
        let printed = String::from_utf8_lossy(&vm.take_out()).into_owned();
        vm.unbuffered.set(unbuffered);
        let result = result.map(drop).map_err(|e| {
            *self.event_loop.borrow_mut() = None;
            self.interp.script_error(e)
        });
        (printed, result)
    }

    /// Completion candidates for the text before the cursor: the byte offset
    /// where the completed word starts, and the words that may replace it.
    pub fn complete(&self, line: &str) -> (usize, Vec<String>) {
        complete::candidates(self.interp.vm(), &self.globals, line)
    }
}

/// Drops the event loop's own frames from the outer end of a traceback, so
/// that an awaited input's error shows the input's frames, as in CPython's
/// asyncio REPL.
fn without_loop_frames(err: PyErr) -> PyErr {
    if let Some(data) = err.0.exc() {
        let mut data = data.borrow_mut();
        // Innermost first: the loop's frames are at the end.
        while data.traceback.last().is_some_and(|e| e.filename.starts_with("<stdlib>/asyncio/")) {
            data.traceback.pop();
        }
    }
    err
}

/// Statements with a block: CPython's REPL waits for a blank line after them.
fn is_compound(kind: &crate::syntax::ast::StmtKind) -> bool {
    use crate::syntax::ast::StmtKind as S;
    matches!(
        kind,
        S::FunctionDef(_)
            | S::ClassDef(_)
            | S::If { .. }
            | S::For { .. }
            | S::While { .. }
            | S::With { .. }
            | S::Try { .. }
            | S::Match { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::{Input, Session};

    #[test]
    fn the_parser_decides_when_an_input_is_complete() {
        let cases = [
            ("x = 1\n", Input::Complete),
            ("def f():\n", Input::Incomplete),
            ("def f():\n    return 1\n", Input::Incomplete),
            ("def f():\n    return 1\n\n", Input::Complete),
            ("def f():\n    return 1\n    \n", Input::Complete),
            ("if x: y()\n", Input::Incomplete),
            ("x = (1,\n", Input::Incomplete),
            ("x = (1,\n\n", Input::Incomplete),
            ("s = '''abc\n", Input::Incomplete),
            ("@decorator\n", Input::Incomplete),
            ("def f():\n\n", Input::Invalid),
            ("if x ==\n", Input::Invalid),
            ("1 +* 2\n", Input::Invalid),
            ("await x\n", Input::Complete),
        ];
        for (source, expected) in cases {
            assert_eq!(Session::classify(source), expected, "{source:?}");
        }
    }
}
