//! The parser's entry points: lexes, runs the LALRPOP parser generated from
//! `python.lalrpop`, and turns LALRPOP's errors into CPython's SyntaxErrors
//! (`unexpected indent`, `expected an indented block after ...`, `invalid syntax`).

use crate::ast::{self, Span};
use crate::error::{LineIndex, SyntaxError};
use crate::depth::DepthGuard;
use crate::lexer::Lexer;
use crate::token::Tok;
use lalrpop_util::ParseError;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused)]
    python
);

type LalrpopError<'a> = ParseError<usize, Tok<'a>, SyntaxError>;

/// Parses a module (`exec` input), then runs the post-parse checks.
pub fn parse_module(source: &str) -> Result<ast::Module, SyntaxError> {
    let depth = DepthGuard::start();
    let parsed = python::ModuleParser::new().parse(source, Lexer::new(source));
    let too_deep = depth.finish();
    let module = parsed.map_err(|e| convert_error(source, e))?;
    too_deep?;
    // Enable once validate.rs provides it on main:
    // crate::validate::validate_module(&module)?;
    Ok(module)
}

/// Parses `eval` input: an expression list, optionally followed by newlines.
pub fn parse_expression(source: &str) -> Result<ast::Expr, SyntaxError> {
    let depth = DepthGuard::start();
    let parsed = python::EvalParser::new().parse(source, Lexer::new(source));
    let too_deep = depth.finish();
    let expr = parsed.map_err(|e| convert_error(source, e))?;
    too_deep?;
    Ok(expr)
}

/// Parses the expression of an f-string replacement field, `source[start..end]`,
/// as if it were parenthesised.
pub fn parse_fstring_field(source: &str, start: usize, end: usize) -> Result<ast::Expr, SyntaxError> {
    python::FStringFieldParser::new()
        .parse(source, Lexer::nested(source, start, end))
        .map_err(|e| match e {
            ParseError::UnrecognizedEof { .. } => SyntaxError::syntax("invalid syntax", Span::new(end, end)),
            other => convert_error(source, other),
        })
}

fn convert_error(source: &str, error: LalrpopError<'_>) -> SyntaxError {
    match error {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxError::syntax("invalid syntax", Span::new(location, location)),
        ParseError::UnrecognizedEof { location, expected } => {
            if expects_indent(&expected) {
                return missing_indent(source, location, Span::new(location, location));
            }
            SyntaxError::syntax("invalid syntax", Span::new(location, location))
        }
        ParseError::UnrecognizedToken { token: (l, tok, r), expected } => {
            if tok == Tok::Indent {
                return SyntaxError::indentation("unexpected indent", Span::new(l, r));
            }
            if expects_indent(&expected) {
                return missing_indent(source, l, Span::new(l, r));
            }
            SyntaxError::syntax("invalid syntax", Span::new(l, r))
        }
        ParseError::ExtraToken { token: (l, _, r) } => SyntaxError::syntax("invalid syntax", Span::new(l, r)),
    }
}

fn expects_indent(expected: &[String]) -> bool {
    expected.iter().any(|e| e == "\"INDENT\"")
}

/// "expected an indented block after 'if' statement on line N": finds the
/// block header, the logical line ending just before `location`.
fn missing_indent(source: &str, location: usize, span: Span) -> SyntaxError {
    let header = block_header(source, location);
    let msg = match header {
        Some((what, offset)) => {
            let line = LineIndex::new(source).line(offset as u32);
            format!("expected an indented block after {what} on line {line}")
        }
        None => "expected an indented block".to_string(),
    };
    SyntaxError::indentation(msg, span)
}

/// The description CPython uses for the header of the block whose NEWLINE is
/// the last one before `location`, and the header keyword's offset.
fn block_header(source: &str, location: usize) -> Option<(&'static str, usize)> {
    let mut line_first: Option<(Tok<'_>, usize)> = None;
    let mut header = None;
    let mut after_first: Option<Tok<'_>> = None;
    for token in Lexer::new(source) {
        let Ok((start, tok, _)) = token else { break };
        if start >= location && tok != Tok::Newline {
            break;
        }
        match tok {
            Tok::Newline => {
                header = line_first.take().and_then(|(first, offset)| describe_header(&first, after_first.take(), offset));
                after_first = None;
            }
            Tok::Indent | Tok::Dedent => {}
            Tok::Async if line_first.is_none() => {}
            other => {
                if line_first.is_none() {
                    line_first = Some((other, start));
                } else if after_first.is_none() {
                    after_first = Some(other);
                }
            }
        }
    }
    header
}

fn describe_header(first: &Tok<'_>, second: Option<Tok<'_>>, offset: usize) -> Option<(&'static str, usize)> {
    let what = match first {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::With => "'with' statement",
        Tok::Try => "'try' statement",
        Tok::Except if second == Some(Tok::Star) => "'except*' statement",
        Tok::Except => "'except' statement",
        Tok::Finally => "'finally' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        Tok::Match => "'match' statement",
        Tok::Case => "'case' statement",
        _ => return None,
    };
    Some((what, offset))
}
