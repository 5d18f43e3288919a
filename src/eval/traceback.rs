//! The report of an uncaught exception, as CPython prints it: the chain of
//! causes and contexts first, and exception groups drawn as nested boxes
//! (`+-+---- 1 ----`, `| ...`) around their sub-exceptions.

use super::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// CPython's limits on how much of a group is drawn.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Where the report is: how deep in nested groups, and whether the
/// innermost group still owes its closing line.
#[derive(Default)]
struct Layout {
    depth: usize,
    need_close: bool,
    seen: Vec<usize>,
}

impl Layout {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text` (whole lines) with the group margin in front of each line.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

impl Vm {
    /// The whole report of an uncaught exception, chained ones first.
    pub fn format_exception(&self, exc: &Rc<Instance>) -> String {
        let mut out = String::new();
        self.format_exception_into(exc, &mut out, &mut Layout::default());
        out
    }

    fn format_exception_into(&self, exc: &Rc<Instance>, out: &mut String, layout: &mut Layout) {
        let id = Rc::as_ptr(exc) as usize;
        if layout.seen.contains(&id) || layout.seen.len() > 100 {
            return;
        }
        layout.seen.push(id);
        let Some(d) = exc.exc() else { return };
        let (cause, context, suppress, tb) = {
            let d = d.borrow();
            (d.cause.clone(), d.context.clone(), d.suppress_context, d.traceback.clone())
        };
        if let Value::Instance(c) = &cause {
            self.format_exception_into(c, out, layout);
            layout.emit(out, "\nThe above exception was the direct cause of the following exception:\n\n", '|');
        } else if let (Value::Instance(c), false) = (&context, suppress) {
            self.format_exception_into(c, out, layout);
            layout.emit(out, "\nDuring handling of the above exception, another exception occurred:\n\n", '|');
        }
        match self.group_members(exc) {
            None => {
                if !tb.is_empty() {
                    layout.emit(out, "Traceback (most recent call last):\n", '|');
                    layout.emit(out, &self.stack_text(&tb), '|');
                }
                layout.emit(out, &format!("{}\n", self.format_exception_only(exc)), '|');
            }
            Some(_) if layout.depth > MAX_GROUP_DEPTH => {
                layout.emit(out, &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
            }
            Some(members) => self.format_group(exc, &tb, &members, out, layout),
        }
    }

    /// A group: its own traceback and message, then each sub-exception in
    /// a numbered box one level deeper.
    fn format_group(&self, exc: &Rc<Instance>, tb: &[TbEntry], members: &[Value], out: &mut String, layout: &mut Layout) {
        let top = layout.depth == 0;
        if top {
            layout.depth += 1;
        }
        if !tb.is_empty() {
            layout.emit(out, "Exception Group Traceback (most recent call last):\n", if top { '+' } else { '|' });
            layout.emit(out, &self.stack_text(tb), '|');
        }
        layout.emit(out, &format!("{}\n", self.format_exception_only(exc)), '|');
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        layout.need_close = false;
        for i in 0..shown {
            let last = i + 1 == shown;
            if last {
                layout.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let joint = if i == 0 { "+-" } else { "  " };
            out.push_str(&format!("{}{joint}+---------------- {title} ----------------\n", layout.indent()));
            layout.depth += 1;
            if truncated {
                let rest = members.len() - MAX_GROUP_WIDTH;
                layout.emit(out, &format!("and {rest} more exception{}\n", if rest > 1 { "s" } else { "" }), '|');
            } else if let Value::Instance(sub) = &members[i] {
                self.format_exception_into(sub, out, layout);
            }
            // A nested group drew the closing line already.
            if last && layout.need_close {
                out.push_str(&format!("{}+------------------------------------\n", layout.indent()));
                layout.need_close = false;
            }
            layout.depth -= 1;
        }
        if top {
            layout.depth = 0;
        }
    }

    /// The sub-exceptions of an exception group; `None` for other exceptions.
    fn group_members(&self, exc: &Rc<Instance>) -> Option<Vec<Value>> {
        if !exc.class().is_subclass(&self.types.exc("BaseExceptionGroup")) {
            return None;
        }
        let excs = exc.dict.as_ref()?.get_str(&self.intern("exceptions"))?;
        self.collect(&excs).ok()
    }

    /// `File "...", line N, in f` and the source line, innermost last.
    fn stack_text(&self, tb: &[TbEntry]) -> String {
        let mut text = String::new();
        for e in tb.iter().rev() {
            text.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.line, e.name.as_str()));
            if let Some(line) = self.source_line(&e.filename, e.line) {
                text.push_str(&format!("    {}\n", line.trim()));
            }
        }
        text
    }
}
