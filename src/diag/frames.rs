//! Traceback entries drawn by miette for a terminal: each frame's source
//! around its line, the failing expression underlined and labelled with the
//! function it is in. The plain form (`carets`) is CPython's text.

use crate::syntax::ast::Span;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Severity};

/// One traceback entry of `function`, stopped at `line` of `source`, with
/// `span` (byte offsets) the expression that failed there if known. `None`
/// when the line is not in the source.
pub fn draw_frame(filename: &str, source: &str, line: u32, function: &str, span: Option<Span>) -> Option<String> {
    let range = span
        .map(|s| s.start as usize..s.end as usize)
        .filter(|r| r.start < r.end && r.end <= source.len())
        .or_else(|| line_range(source, line))?;
    let diagnostic = MietteDiagnostic::new(format!("in {function}"))
        .with_severity(Severity::Advice)
        .with_label(LabeledSpan::underline(range));
    let report = miette::Report::new(diagnostic).with_source_code(NamedSource::new(filename, source.to_owned()));
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode())
        .with_context_lines(1)
        .render_report(&mut out, report.as_ref())
        .ok()?;
    Some(out)
}

/// The bytes of line `line` (1-based) without its indentation and line break.
fn line_range(source: &str, line: u32) -> Option<std::ops::Range<usize>> {
    let start = if line <= 1 { 0 } else { source.match_indices('\n').nth(line as usize - 2)?.0 + 1 };
    let text = &source[start..];
    let text = &text[..text.find('\n').unwrap_or(text.len())];
    let indent = text.len() - text.trim_start().len();
    let body = text.trim();
    (!body.is_empty()).then(|| start + indent..start + indent + body.len())
}
