//! The report of an uncaught exception, in CPython's layout: the chain of
//! causes and contexts first, then the exception; an exception group
//! nests its sub-exceptions in a box drawn with `|` and `+` margins.

use super::Vm;
use crate::runtime::object::{FailedAt, Instance, TbEntry};
use crate::runtime::value::Value;
use std::rc::Rc;

/// CPython's limits on how much of a group is shown.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// Where the report is inside nested groups.
struct Report {
    out: String,
    /// How many groups enclose the exception being written.
    depth: usize,
    /// The last sub-exception's box still needs its closing line.
    need_close: bool,
    /// Exceptions already written (a chain may loop).
    seen: Vec<usize>,
    /// Frames are drawn with miette, outside exception groups' boxes.
    fancy: bool,
}

impl Report {
    /// Writes `text` line by line behind the margin of the current depth.
    fn emit(&mut self, text: &str, margin: char) {
        for line in text.split_inclusive('\n') {
            self.out.push_str(&" ".repeat(2 * self.depth));
            if self.depth > 0 {
                self.out.push(margin);
                self.out.push(' ');
            }
            self.out.push_str(line);
        }
        if !text.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// A line that draws the box itself (no margin of its own).
    fn frame_line(&mut self, text: &str) {
        self.out.push_str(&" ".repeat(2 * self.depth));
        self.out.push_str(text);
        self.out.push('\n');
    }
}

impl Vm {
    /// The whole report of an uncaught exception, chained ones first, in
    /// CPython's text.
    pub fn format_exception(&self, exc: &Rc<Instance>) -> String {
        self.format_report(exc, false)
    }

    /// The report of an exception that ends the script or a REPL input:
    /// drawn with miette where `fancy_tracebacks` says stderr is a terminal.
    pub fn format_uncaught(&self, exc: &Rc<Instance>) -> String {
        self.format_report(exc, self.fancy_tracebacks.get())
    }

    fn format_report(&self, exc: &Rc<Instance>, fancy: bool) -> String {
        let mut r = Report { out: String::new(), depth: 0, need_close: false, seen: Vec::new(), fancy };
        self.report_chain(exc, &mut r);
        r.out
    }

    /// `exc` with the exceptions it was raised from or during, oldest first.
    fn report_chain(&self, exc: &Rc<Instance>, r: &mut Report) {
        // Each entry: an exception and the separator printed before it.
        let mut chain: Vec<(Rc<Instance>, Option<&str>)> = Vec::new();
        let mut current = Some(exc.clone());
        r.seen.push(Rc::as_ptr(exc) as usize);
        while let Some(e) = current.take() {
            let (cause, context, suppress) = match e.exc() {
                Some(d) => {
                    let d = d.borrow();
                    (d.cause.clone(), d.context.clone(), d.suppress_context)
                }
                None => (Value::None, Value::None, false),
            };
            let link = match (cause, context) {
                (Value::Instance(c), _) => Some((c, CAUSE)),
                (_, Value::Instance(c)) if !suppress => Some((c, CONTEXT)),
                _ => None,
            };
            // A chain that loops back stops where it would repeat.
            let link = link.filter(|(c, _)| !r.seen.contains(&(Rc::as_ptr(c) as usize)) && r.seen.len() <= 100);
            if let Some((c, _)) = &link {
                r.seen.push(Rc::as_ptr(c) as usize);
            }
            chain.push((e, link.as_ref().map(|(_, sep)| *sep)));
            current = link.map(|(c, _)| c);
        }
        for (e, separator) in chain.into_iter().rev() {
            if let Some(sep) = separator {
                // `sep` sits between `e` and its cause, written just before.
                r.emit(sep, '|');
            }
            self.report_one(&e, r);
        }
    }

    fn report_one(&self, exc: &Rc<Instance>, r: &mut Report) {
        if !exc.class().is_subclass(&self.types.exc("BaseExceptionGroup")) {
            let frames = self.traceback_text(exc, r.fancy && r.depth == 0);
            if !frames.is_empty() {
                r.emit("Traceback (most recent call last):\n", '|');
                r.emit(&frames, '|');
            }
            r.emit(&self.format_exception_only(exc), '|');
        } else if r.depth > MAX_GROUP_DEPTH {
            r.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
        } else {
            self.report_group(exc, r);
        }
    }

    fn report_group(&self, exc: &Rc<Instance>, r: &mut Report) {
        let toplevel = r.depth == 0;
        if toplevel {
            r.depth = 1;
        }
        let frames = self.traceback_text(exc, false);
        if !frames.is_empty() {
            r.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
            r.emit(&frames, '|');
        }
        r.emit(&self.format_exception_only(exc), '|');
        let subs = self.group_exceptions(exc);
        let shown = subs.len().min(MAX_GROUP_WIDTH + 1);
        r.need_close = false;
        for i in 0..shown {
            let last = i + 1 == shown;
            // A nested group may draw this closing line itself.
            r.need_close = last;
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            r.frame_line(&format!("{}+---------------- {title} ----------------", if i == 0 { "+-" } else { "  " }));
            r.depth += 1;
            if truncated {
                let more = subs.len() - MAX_GROUP_WIDTH;
                r.emit(&format!("and {more} more exception{}\n", if more > 1 { "s" } else { "" }), '|');
            } else if let Value::Instance(sub) = &subs[i] {
                self.report_chain(sub, r);
            }
            if last && r.need_close {
                r.frame_line("+------------------------------------");
                r.need_close = false;
            }
            r.depth -= 1;
        }
        if toplevel {
            r.depth = 0;
        }
    }

    /// The `File ..., line ...` lines of an exception's traceback.
    fn traceback_text(&self, exc: &Rc<Instance>, fancy: bool) -> String {
        let mut out = String::new();
        let Some(d) = exc.exc() else { return out };
        let tb = d.borrow().traceback.clone();
        for e in tb.iter().rev() {
            let (line, located) = self.locate_entry(e);
            if fancy {
                if let Some(drawn) = self.draw_entry(e, line, located.as_ref()) {
                    out.push_str(&drawn);
                    continue;
                }
            }
            out.push_str(&format!("  File \"{}\", line {line}, in {}\n", e.filename, e.name.as_str()));
            if let Some(text) = self.source_line(&e.filename, line) {
                // CPython strips the indentation, not trailing blanks.
                let text = text.trim_start();
                if !text.is_empty() {
                    out.push_str(&format!("    {text}\n"));
                    if let Some(carets) = located.and_then(|l| l.carets) {
                        out.push_str(&carets);
                        out.push('\n');
                    }
                }
            }
        }
        out
    }

    /// A traceback entry, at `line`, drawn with miette if its source is known.
    fn draw_entry(&self, e: &TbEntry, line: u32, located: Option<&crate::diag::Located>) -> Option<String> {
        let source = self.sources.borrow().get(&e.filename)?.clone();
        crate::diag::draw_frame(&e.filename, &source, line, e.name.as_str(), located.map(|l| l.span))
    }

    /// The line a traceback entry shows and its failing expression, if known:
    /// the expression's own line, for one that spans lines.
    pub(crate) fn locate_entry(&self, e: &TbEntry) -> (u32, Option<crate::diag::Located>) {
        let located = e.at.and_then(|at| self.locate(&e.filename, e.line, at));
        (located.as_ref().map_or(e.line, |l| l.line), located)
    }

    /// The failing expression of a frame that stopped at `line`, if the
    /// source is known. An expression before `line` is stale: it failed
    /// earlier in the frame, and that exception was caught and raised again.
    fn locate(&self, filename: &str, line: u32, at: FailedAt) -> Option<crate::diag::Located> {
        let source = self.sources.borrow().get(filename)?.clone();
        crate::diag::locate(&source, at.span, at.callee, at.to_bracket).filter(|l| l.line >= line)
    }
}
