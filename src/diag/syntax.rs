//! Rendering a `SyntaxError` like CPython 3.11 does (`File "x.py", line 3`, the
//! source line, carets under the span, `SyntaxError: message`), or with miette's
//! graphical report when `fancy` is set.

use crate::syntax::{ErrorKind, LineIndex, SyntaxError};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

/// The text to print on stderr for `err` in `source` (named `filename`).
pub fn render_syntax_error(err: &SyntaxError, filename: &str, source: &str, fancy: bool) -> String {
    let mut out = if fancy { render_fancy(err, filename, source) } else { render_plain(err, filename, source) };
    out.push_str(&format!("{}: {}\n", err.kind.name(), err.msg));
    out
}

fn render_plain(err: &SyntaxError, filename: &str, source: &str) -> String {
    let index = LineIndex::new(source);
    let start = (err.span.start as usize).min(source.len());
    let line = index.line(start as u32);
    let mut out = format!("  File \"{filename}\", line {line}\n");
    let line_start = index.line_start(line) as usize;
    let line_text = source_line(source, line_start);
    if line_text.trim().is_empty() {
        return out;
    }
    let indent = line_text.len() - line_text.trim_start().len();
    let shown = line_text.trim();
    out.push_str(&format!("    {shown}\n"));
    // As CPython's `print_error_text`: no caret for a place inside the
    // indentation (`unexpected indent`), none past the end of the line.
    let Some(col) = source.get(line_start..start).and_then(|s| s.chars().count().checked_sub(indent)) else {
        return out;
    };
    let col = col.min(shown.chars().count());
    // The span may start past the text shown (at a NUL or a `\r` the line
    // stops before): then it is one caret at the line's end.
    let end = (err.span.end as usize).min(line_start + line_text.len()).max(start);
    let width = source.get(start..end).map_or(1, |s| s.chars().count()).max(1);
    // An IndentationError is shown with one caret whatever its span.
    let width = if matches!(err.kind, ErrorKind::IndentationError | ErrorKind::TabError) { 1 } else { width };
    let width = width.min(shown.chars().count().saturating_sub(col).max(1));
    out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
    out
}

fn render_fancy(err: &SyntaxError, filename: &str, source: &str) -> String {
    let start = (err.span.start as usize).min(source.len());
    let len = (err.span.end as usize).min(source.len()).saturating_sub(start);
    let label = if err.msg.ends_with("was never closed") { "opened here" } else { "here" };
    let mut diagnostic = MietteDiagnostic::new(err.msg.clone())
        .with_code(err.kind.name())
        .with_label(LabeledSpan::at(start..start + len, label));
    if let Some(help) = hint(&err.msg) {
        diagnostic = diagnostic.with_help(help);
    }
    let report = miette::Report::new(diagnostic).with_source_code(NamedSource::new(filename, source.to_owned()));
    let mut out = String::new();
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode());
    if handler.render_report(&mut out, report.as_ref()).is_err() {
        return render_plain(err, filename, source);
    }
    out
}

/// What to do about the common mistakes, for the terminal form.
fn hint(msg: &str) -> Option<String> {
    let closer = |open: &str| match open {
        "(" => ")",
        "[" => "]",
        _ => "}",
    };
    let quoted = |s: &str| s.split('\'').nth(1).map(str::to_string);
    let text = if msg == "expected ':'" {
        "a block header (if, for, def, class, ...) ends with ':'".to_string()
    } else if msg.ends_with("was never closed") {
        let open = quoted(msg)?;
        format!("close it with '{}'", closer(&open))
    } else if msg.contains("Maybe you meant '==' or ':=' instead of '='") {
        "'==' compares two values; ':=' assigns inside an expression".to_string()
    } else if let Some(rest) = msg.strip_prefix("Missing parentheses in call to '") {
        let name = rest.split('\'').next()?;
        format!("{name} is a function in Python 3: {name}(...)")
    } else if msg.starts_with("unindent does not match") {
        "indent this line as far as one of the enclosing blocks".to_string()
    } else if msg.starts_with("expected an indented block") {
        "indent the body of the block (four spaces by convention)".to_string()
    } else if msg == "unexpected indent" {
        "only a block's body is indented: remove the indentation, or add the header it belongs to".to_string()
    } else if msg.starts_with("closing parenthesis") {
        let open = msg.rsplit('\'').nth(1)?;
        format!("close '{open}' with '{}' first", closer(open))
    } else if msg.starts_with("unmatched '") {
        "nothing is open here to close: remove it, or open it earlier".to_string()
    } else if msg.ends_with("Perhaps you forgot a comma?") {
        "separate the items with ','".to_string()
    } else if msg.starts_with("inconsistent use of tabs") {
        "indent with spaces only".to_string()
    } else {
        return None;
    };
    Some(text)
}

/// The text of the line starting at `line_start`, without its line break.
fn source_line(source: &str, line_start: usize) -> &str {
    let rest = source.get(line_start..).unwrap_or("");
    let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use tulip_syntax::ast::Span;

    #[test]
    fn plain_rendering_matches_cpython_layout() {
        let source = "x = 1\nif x\n    pass\n";
        let err = SyntaxError::new(ErrorKind::SyntaxError, "expected ':'", Span::new(10, 11));
        assert_eq!(
            render_syntax_error(&err, "t.py", source, false),
            "  File \"t.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n"
        );
    }

    #[test]
    fn fancy_rendering_ends_with_the_cpython_line() {
        let err = SyntaxError::new(ErrorKind::IndentationError, "unexpected indent", Span::new(0, 2));
        let text = render_syntax_error(&err, "t.py", "  x\n", true);
        assert!(text.ends_with("IndentationError: unexpected indent\n"), "{text}");
        assert!(text.contains("t.py"), "{text}");
    }
}
