//! The carets under a traceback's source line, drawn as CPython 3.11's
//! `tb_displayline` draws them (Python/traceback.c):
//!
//! ```text
//!     c = a + b          v = d['k']        n = s.index('z')
//!         ~~^~~              ~^^^^^            ^^^^^^^^^^^^
//! ```
//!
//! The failing expression is underlined with `^`. For a binary operation
//! the operands get `~` and the operator `^`; for a subscript the object
//! gets `~` and the brackets `^`. An expression spanning lines is
//! underlined to the end of its first line; no carets are drawn when they
//! would cover the whole line and there are no anchors.

use crate::syntax::ast::{ExprKind, Span, StmtKind};

/// Where a traceback entry failed, ready to print.
pub struct Located {
    /// The line the failing expression starts on (1-based).
    pub line: u32,
    /// The caret line, with CPython's four-space margin and no line break.
    pub carets: Option<String>,
    /// The bytes of the source the carets cover (drawn by miette on a terminal).
    pub span: Span,
}

/// Locates `span` (byte offsets of the failing expression) in `source`.
/// With `callee_only`, only the called part of a call is underlined (a
/// method that could not be looked up: `obj.name(...)` underlines `obj.name`);
/// with `to_bracket`, the span runs on to the next `]` (a subscript target
/// known by its object and index: `d[k] += 1`). `None` if the span does not
/// fit the source.
pub fn locate(source: &str, span: Span, callee_only: bool, to_bracket: bool) -> Option<Located> {
    let (start, mut end) = (span.start as usize, span.end as usize);
    if start >= end || end > source.len() || !source.is_char_boundary(start) || !source.is_char_boundary(end) {
        return None;
    }
    if to_bracket {
        let gap = source[end..].find(|c: char| c != ' ' && c != '\t' && c != '\x0c')?;
        if !source[end + gap..].starts_with(']') {
            return None;
        }
        end += gap + 1;
    }
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
    let line = source[..start].matches('\n').count() as u32 + 1;
    let text = source[line_start..line_end].trim_end_matches('\r');
    if callee_only && end <= line_end {
        if let Some(callee_end) = callee_end(&source[start..end]) {
            end = start + callee_end;
        }
    }
    let col = |byte: usize| text[..byte - line_start].chars().count();
    let start_col = col(start);
    let (end_col, anchors) = if end <= line_start + text.len() {
        (col(end), anchors(&source[start..end]).map(|(l, r)| (start_col + l, start_col + r)))
    } else {
        // Spanning lines: up to the last non-blank character of the first.
        (text.trim_end().chars().count(), None)
    };
    let indent = text.chars().take_while(|c| c.is_whitespace()).count();
    let shown = text.chars().count() - indent;
    if start_col < indent || end_col <= start_col {
        return Some(Located { line, carets: None, span: Span::new(start, end) });
    }
    if anchors.is_none() && end_col - start_col == shown {
        return Some(Located { line, carets: None, span: Span::new(start, end) });
    }
    let mut carets = " ".repeat(4 + start_col - indent);
    for i in start_col..end_col {
        carets.push(match anchors {
            Some((left, right)) if (left..right).contains(&i) => '^',
            Some(_) => '~',
            None => '^',
        });
    }
    Some(Located { line, carets: Some(carets), span: Span::new(start, end) })
}

/// The expression `segment` is, if it parses as one on its own.
fn parse(segment: &str) -> Option<crate::syntax::ast::Expr> {
    // Parsed only, as CPython does: `await` or `yield` may be in it.
    let mut body = crate::syntax::parse_ast(segment).ok()?.body.into_iter();
    match (body.next()?.kind, body.next()) {
        (StmtKind::Expr { value }, None) => Some(value),
        _ => None,
    }
}

/// The character range drawn with `^` inside a binary operation (its
/// operator) or a subscript (its brackets), relative to `segment`.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let bytes = segment.as_bytes();
    let (left, right) = match parse(segment)?.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (mut l, mut r) = (None, 0);
            let mut i = left.span.end as usize;
            let stop = (right.span.start as usize).min(bytes.len());
            while i < stop {
                let c = bytes[i];
                if !is_blank(c) {
                    l = Some(i);
                    r = i + 1;
                    // A two-character operator (`//`, `**`, `<<`).
                    if i + 1 < stop && !is_blank(bytes[i + 1]) {
                        r += 1;
                    }
                    // A closing parenthesis of the left operand: go on.
                    if !(i + 1 < stop && c == b')') {
                        break;
                    }
                }
                i += 1;
            }
            (l?, r)
        }
        ExprKind::Subscript { value, slice, .. } => {
            let mut l = value.span.end as usize;
            while l < bytes.len() && bytes[l] != b'[' {
                l += 1;
            }
            let mut r = slice.span.end as usize + 1;
            while r < bytes.len() && bytes[r] != b']' {
                r += 1;
            }
            if r < bytes.len() {
                r += 1;
            }
            (l, r.min(bytes.len()))
        }
        _ => return None,
    };
    let chars = |byte: usize| segment.get(..byte).map(|s| s.chars().count());
    Some((chars(left)?, chars(right)?))
}

/// The end (in bytes) of the called expression of the call `segment` is.
fn callee_end(segment: &str) -> Option<usize> {
    match parse(segment)?.kind {
        ExprKind::Call { func, .. } => Some(func.span.end as usize),
        _ => None,
    }
}

fn is_blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\x0c')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The caret line for the first occurrence of `part` in `source`.
    fn carets(source: &str, part: &str) -> Option<String> {
        let start = source.find(part).expect("part of the source");
        locate(source, Span::new(start, start + part.len()), false, false).and_then(|l| l.carets)
    }

    #[test]
    fn binary_operations_mark_the_operator() {
        assert_eq!(carets("c = a + b\n", "a + b").as_deref(), Some("        ~~^~~"));
        assert_eq!(carets("y = 5 // x\n", "5 // x").as_deref(), Some("        ~~^^~~"));
        assert_eq!(carets("x = (1)+None\n", "(1)+None").as_deref(), Some("        ~~~^~~~~"));
        assert_eq!(carets("1 + 'x'\n", "1 + 'x'").as_deref(), Some("    ~~^~~~~"));
        // An operand that awaits, in a coroutine's frame.
        assert_eq!(carets("    return x + await g()\n", "x + await g()").as_deref(), Some(format!("{}~~^{}", " ".repeat(11), "~".repeat(10)).as_str()));
    }

    #[test]
    fn subscripts_mark_the_brackets() {
        assert_eq!(carets("v = d['k']\n", "d['k']").as_deref(), Some("        ~^^^^^"));
        assert_eq!(carets("x = d [ \"a\" ]\n", "d [ \"a\" ]").as_deref(), Some("        ~~^^^^^^^"));
        assert_eq!(carets("x = [1][5]\n", "[1][5]").as_deref(), Some("        ~~~^^^"));
    }

    #[test]
    fn the_whole_line_gets_no_carets_unless_anchored() {
        assert_eq!(carets("    undefined_thing\n", "undefined_thing"), None);
        assert_eq!(carets("undefined_thing  \n", "undefined_thing").as_deref(), Some("    ^^^^^^^^^^^^^^^"));
        assert_eq!(carets("f(1)\n", "f(1)"), None);
    }

    #[test]
    fn multi_line_expressions_are_underlined_to_the_end_of_their_first_line() {
        let source = "x = (1 +  # c\n     None)\n";
        let located = locate(source, Span::new(5, 24), false, false).expect("fits");
        assert_eq!(located.line, 1);
        assert_eq!(located.carets.as_deref(), Some("         ^^^^^^^^"));
    }

    #[test]
    fn a_subscript_target_runs_on_to_its_bracket() {
        let source = "    counts[w ] += 1\n";
        let located = locate(source, Span::new(4, 12), false, true).expect("fits");
        assert_eq!(located.carets.as_deref(), Some("    ~~~~~~^^^^"));
    }

    #[test]
    fn a_missing_method_underlines_the_attribute() {
        let source = "x = f().foo()\n";
        let located = locate(source, Span::new(4, 13), true, false).expect("fits");
        assert_eq!(located.carets.as_deref(), Some("        ^^^^^^^"));
    }
}
