//! The parser's entry points: lexes, runs the LALRPOP parser generated from
//! `python.lalrpop`, and turns LALRPOP's errors into CPython's SyntaxErrors
//! (`unexpected indent`, `expected an indented block after ...`, `invalid syntax`).

use crate::ast::{self, Span};
use crate::depth::DepthGuard;
use crate::error::{ErrorKind, LineIndex, SyntaxError};
use crate::lexer::Lexer;
use crate::token::Tok;
use lalrpop_util::ParseError;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused)]
    python
);

type LalrpopError<'a> = ParseError<usize, Tok<'a>, SyntaxError>;

/// Parses a module (`exec` input), then runs the compile-time checks: what
/// CPython's `compile()` accepts.
pub fn parse_module(source: &str) -> Result<ast::Module, SyntaxError> {
    let module = parse_ast(source)?;
    crate::validate::validate_module(&module)?;
    Ok(module)
}

/// Parses one input of an interactive session: as `parse_module`, with
/// top-level `await` allowed.
pub fn parse_interactive(source: &str) -> Result<ast::Module, SyntaxError> {
    let module = parse_ast(source)?;
    crate::validate::validate_interactive(&module)?;
    Ok(module)
}

/// Parses a module without the compile-time checks: what CPython's
/// `ast.parse` accepts (`nonlocal x` at module level parses, say).
pub fn parse_ast(source: &str) -> Result<ast::Module, SyntaxError> {
    bounded_parse(source, || python::ModuleParser::new().parse(source, Lexer::new(source)))
}

/// Parses `eval` input: an expression list, optionally followed by newlines.
pub fn parse_expression(source: &str) -> Result<ast::Expr, SyntaxError> {
    bounded_parse(source, || python::EvalParser::new().parse(source, Lexer::new(source)))
}

/// Runs a top-level parse under a depth guard: a syntax error wins over
/// nesting too deeply, as in CPython, where the parser runs before the compiler.
fn bounded_parse<'a, T>(
    source: &'a str,
    parse: impl FnOnce() -> Result<T, LalrpopError<'a>>,
) -> Result<T, SyntaxError> {
    let depth = DepthGuard::start();
    let parsed = parse();
    let too_deep = depth.finish();
    let value = parsed.map_err(|e| convert_error(source, e))?;
    too_deep?;
    Ok(value)
}

/// Parses the expression of an f-string replacement field, `source[start..end]`,
/// as if it were parenthesised.
pub fn parse_fstring_field(source: &str, start: usize, end: usize) -> Result<ast::Expr, SyntaxError> {
    python::FStringFieldParser::new()
        .parse(source, Lexer::nested(source, start, end))
        .map_err(|e| convert_error_in(source, Lexer::nested(source, start, end), 1, e))
}

fn convert_error(source: &str, error: LalrpopError<'_>) -> SyntaxError {
    convert_error_in(source, Lexer::new(source), 0, error)
}

/// Converts an error of a parse over the tokens of `lexer`, which starts at
/// bracket depth `depth`.
fn convert_error_in<'a>(source: &'a str, lexer: Lexer<'a>, depth: usize, error: LalrpopError<'_>) -> SyntaxError {
    let (location, at_eof) = match &error {
        ParseError::User { error } => (error.span.start as usize, false),
        ParseError::InvalidToken { location } => (*location, false),
        ParseError::UnrecognizedEof { location, .. } => (*location, true),
        ParseError::UnrecognizedToken { token: (l, _, _), .. } | ParseError::ExtraToken { token: (l, _, _) } => (*l, false),
    };
    let mut context = ErrorContext::new(lexer, depth, location, at_eof);
    let lexer_error = context.lexer_error.take();
    let parser_error = match error {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxError::syntax("invalid syntax", Span::new(location, location)),
        ParseError::UnrecognizedEof { location, expected } => {
            // CPython points into the file's last line, not past its final newline.
            let end = if depth == 0 { source.len() } else { location };
            let last = end.saturating_sub(1);
            let at = Span::new(last, last);
            context.unexpected(source, None, at, &expected)
        }
        ParseError::UnrecognizedToken { token: (l, tok, r), expected } => {
            context.unexpected(source, Some(&tok), Span::new(l, r), &expected)
        }
        ParseError::ExtraToken { token: (l, _, r) } => SyntaxError::syntax("invalid syntax", Span::new(l, r)),
    };
    match lexer_error {
        Some(later) if tokenizer_error_wins(source, &later, &parser_error, location) => later,
        _ => parser_error,
    }
}

/// CPython tokenizes the rest of the file after a parse error: errors the
/// tokenizer raises itself replace the parser's, an unclosed bracket does
/// when it was opened on an earlier line than the offending token at
/// `location`, indentation and line-continuation
/// errors never do, and nothing replaces "unexpected indent".
fn tokenizer_error_wins(source: &str, later: &SyntaxError, parser_error: &SyntaxError, location: usize) -> bool {
    if later == parser_error {
        return true;
    }
    let lines = LineIndex::new(source);
    let error_line = lines.line(location as u32);
    if later.kind != ErrorKind::SyntaxError {
        // A bad dedent on the offending token's own line came first in CPython.
        return lines.line(later.span.start) == error_line;
    }
    if parser_error.msg == "unexpected indent" {
        return false;
    }
    if later.msg.starts_with("unexpected character after line continuation") || later.msg.starts_with("unexpected EOF") {
        return false;
    }
    if later.msg.ends_with("was never closed") {
        return lines.line(later.span.start) < error_line;
    }
    true
}

/// The tokens before a parse error, re-lexed to word CPython's messages.
struct ErrorContext<'a> {
    before: Vec<(usize, Tok<'a>, usize)>,
    /// Bracket depth at the error.
    depth: usize,
    /// Indices in `before` of the brackets still open at the error.
    open_brackets: Vec<usize>,
    /// The tokens from the error to the end of its logical line.
    after: Vec<(usize, Tok<'a>, usize)>,
    lexer_error: Option<SyntaxError>,
}

impl<'a> ErrorContext<'a> {
    fn new(lexer: Lexer<'a>, depth: usize, location: usize, at_eof: bool) -> ErrorContext<'a> {
        let mut context =
            ErrorContext { before: Vec::new(), depth, open_brackets: Vec::new(), after: Vec::new(), lexer_error: None };
        let mut line_ended = false;
        for token in lexer {
            match token {
                Ok(t) if t.0 < location || (at_eof && t.0 <= location) => {
                    match t.1 {
                        Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                            context.depth += 1;
                            context.open_brackets.push(context.before.len());
                        }
                        Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                            context.depth = context.depth.saturating_sub(1);
                            context.open_brackets.pop();
                        }
                        _ => {}
                    }
                    context.before.push(t);
                }
                Ok(t) => {
                    line_ended = line_ended || t.1 == Tok::Newline;
                    if !line_ended {
                        context.after.push(t);
                    }
                }
                // The stray character the parse stopped at; tokenizing goes on past it.
                Err(e) if e.span.start as usize == location && e.msg == "invalid syntax" => {}
                Err(e) => {
                    context.lexer_error = Some(e);
                    break;
                }
            }
        }
        context
    }

    fn previous(&self) -> Option<&Tok<'a>> {
        self.before.last().map(|t| &t.1)
    }

    /// The message for an unexpected token (`None`: end of input).
    fn unexpected(&self, source: &str, tok: Option<&Tok<'_>>, span: Span, expected: &[String]) -> SyntaxError {
        if tok == Some(&Tok::Indent) {
            // CPython points at the indentation's last character.
            let at = Span::new((span.start as usize).saturating_sub(1), span.start as usize);
            return SyntaxError::indentation("unexpected indent", at);
        }
        if expects(expected, "INDENT") {
            return self.missing_indent(source, span);
        }
        let prev_span = self.before.last().map_or(span, |t| Span::new(t.0, t.2));
        if expects(expected, "else") && !expects(expected, "NAME") && tok != Some(&Tok::Colon) {
            return SyntaxError::syntax("expected 'else' after 'if' expression", prev_span);
        }
        if expects(expected, "except") && expects(expected, "finally") {
            return SyntaxError::syntax("expected 'except' or 'finally' block", span);
        }
        if self.previous() == Some(&Tok::Equal)
            && matches!(tok, Some(Tok::Comma | Tok::Rpar | Tok::Colon))
            && self.in_parameter_list()
        {
            return SyntaxError::syntax("expected default value expression", prev_span);
        }
        let after_expression = self.previous().is_some_and(ends_expression);
        if tok == Some(&Tok::For) && after_expression && matches!(self.innermost_bracket(), Some(Tok::Lsqb | Tok::Lbrace)) {
            let at = self.innermost_bracket_span().unwrap_or(span);
            return SyntaxError::syntax("did you forget parentheses around the comprehension target?", at);
        }
        if tok == Some(&Tok::Newline) && expects(expected, ":") {
            return SyntaxError::syntax("expected ':'", span);
        }
        // `{1: 2, 3}`: a dict display already, so the item needs its value.
        if matches!(tok, Some(Tok::Rbrace | Tok::Comma)) && expects(expected, ":") && self.innermost_bracket() == Some(&Tok::Lbrace) {
            return SyntaxError::syntax("':' expected after dictionary key", prev_span);
        }
        let name_before = matches!(self.previous(), Some(Tok::Name(_)));
        if tok == Some(&Tok::Equal) && name_before && self.in_named_expression() && self.name_starts_expression() {
            // CPython's `NAME '=' bitwise_or !('='|':=')`: it underlines the
            // whole `name = value`; a chained `x = y = 1` is plain invalid.
            if let (Some(value_end), false) = self.value_end_after_error() {
                let at = Span::new(prev_span.start as usize, value_end);
                return SyntaxError::syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at);
            }
        }
        // CPython's forced tokens: `def f` needs `(`, block headers need `:`.
        if expected.len() == 1 && expects(expected, "(") {
            return SyntaxError::syntax("expected '('", span);
        }
        let forced_colon = matches!(self.previous(), Some(Tok::Else | Tok::Try | Tok::Finally))
            || matches!(self.line_first(), Some(Tok::Def));
        if forced_colon && expects(expected, ":") && expected.iter().all(|e| e == "\":\"" || e == "\"->\"") {
            return SyntaxError::syntax("expected ':'", span);
        }
        match (self.previous(), tok) {
            (Some(Tok::Name(name)), Some(next)) if (&**name == "print" || &**name == "exec") && *next != Tok::Lpar => {
                let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                // CPython underlines the statement, `print` to its end.
                let end = self.after.last().map_or(prev_span.end as usize, |t| t.2);
                SyntaxError::syntax(msg, Span::new(prev_span.start as usize, end))
            }
            (Some(prev), Some(next)) if self.depth > 0 && ends_expression(prev) && starts_expression(next) => {
                if matches!((prev, next), (Tok::Name(_), Tok::String(_))) {
                    return SyntaxError::syntax("invalid syntax", span);
                }
                SyntaxError::syntax("invalid syntax. Perhaps you forgot a comma?", prev_span.to(span))
            }
            _ => SyntaxError::syntax("invalid syntax", span),
        }
    }

    /// The end of the expression after the token the parse stopped at (the
    /// `1` of `if x = 1:`): the last token before a `:`, `,`, `=`, `:=` or
    /// closing bracket outside brackets of its own; and whether an `=` or
    /// `:=` follows it.
    fn value_end_after_error(&self) -> (Option<usize>, bool) {
        let mut depth = 0usize;
        let mut end = None;
        for (_, tok, to) in self.after.iter().skip(1) {
            match tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace if depth == 0 => break,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
                Tok::Equal | Tok::ColonEqual if depth == 0 => return (end, true),
                Tok::Colon | Tok::Comma if depth == 0 => break,
                _ => {}
            }
            end = Some(*to);
        }
        (end, false)
    }

    /// Whether the name before the error starts a named expression: it
    /// follows `if`, `elif`, `while`, `@`, an opening bracket or a comma (so
    /// not `if a and b = 1`, nor `*b = 1` or `a.b = 1`).
    fn name_starts_expression(&self) -> bool {
        let before_name = self.before.len().checked_sub(2).and_then(|i| self.before.get(i));
        matches!(
            before_name.map(|t| &t.1),
            Some(Tok::If | Tok::Elif | Tok::While | Tok::At | Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::Comma)
        )
    }

    /// Whether the error is inside a `def`'s parentheses or a lambda's parameters.
    fn in_parameter_list(&self) -> bool {
        let bracket = self.open_brackets.last().copied();
        let after_bracket = bracket.map_or(0, |i| i + 1);
        let lambda = self.before.get(after_bracket..).is_some_and(|ts| ts.iter().any(|t| t.1 == Tok::Lambda));
        let def = bracket.and_then(|i| i.checked_sub(2)).and_then(|i| self.before.get(i)).map(|t| &t.1);
        lambda || (self.innermost_bracket() == Some(&Tok::Lpar) && def == Some(&Tok::Def))
    }

    /// The innermost bracket still open at the error.
    fn innermost_bracket(&self) -> Option<&Tok<'a>> {
        self.open_brackets.last().and_then(|&i| self.before.get(i)).map(|t| &t.1)
    }

    fn innermost_bracket_span(&self) -> Option<Span> {
        self.open_brackets.last().and_then(|&i| self.before.get(i)).map(|t| Span::new(t.2, t.2))
    }

    /// Whether the error is where CPython parses a `named_expression`: inside
    /// brackets, in an `if`/`elif`/`while` condition or a decorator.
    fn in_named_expression(&self) -> bool {
        self.depth > 0 || matches!(self.line_first(), Some(Tok::If | Tok::Elif | Tok::While | Tok::At))
    }

    /// The first token of the logical line of the error, `async` skipped.
    fn line_first(&self) -> Option<&Tok<'a>> {
        let line_start = self.before.iter().rposition(|t| matches!(t.1, Tok::Newline | Tok::Indent | Tok::Dedent));
        let mut line = self.before.get(line_start.map_or(0, |i| i + 1)..).unwrap_or(&[]).iter();
        line.find(|t| t.1 != Tok::Async).map(|t| &t.1)
    }

    /// "expected an indented block after 'if' statement on line N".
    fn missing_indent(&self, source: &str, span: Span) -> SyntaxError {
        let msg = match self.block_header() {
            Some((what, offset)) => {
                let line = LineIndex::new(source).line(offset as u32);
                format!("expected an indented block after {what} on line {line}")
            }
            None => "expected an indented block".to_string(),
        };
        SyntaxError::indentation(msg, span)
    }

    /// How CPython names the header of the block whose NEWLINE is the last
    /// token before the error, and the header keyword's offset.
    fn block_header(&self) -> Option<(&'static str, usize)> {
        let mut tokens = self.before.iter().rev();
        if tokens.next().map(|t| &t.1) != Some(&Tok::Newline) {
            return None;
        }
        let line: Vec<&(usize, Tok<'a>, usize)> =
            tokens.take_while(|t| !matches!(t.1, Tok::Newline | Tok::Indent | Tok::Dedent)).collect();
        let mut line = line.into_iter().rev().skip_while(|t| t.1 == Tok::Async);
        let (offset, first, _) = line.next()?;
        let second = line.next().map(|t| &t.1);
        describe_header(first, second).map(|what| (what, *offset))
    }
}

fn expects(expected: &[String], terminal: &str) -> bool {
    expected.iter().any(|e| e.len() == terminal.len() + 2 && e.get(1..e.len() - 1) == Some(terminal))
}

fn ends_expression(tok: &Tok<'_>) -> bool {
    matches!(
        tok,
        Tok::Name(_) | Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::String(_) | Tok::None | Tok::True
            | Tok::False | Tok::Ellipsis | Tok::Rpar | Tok::Rsqb | Tok::Rbrace
    )
}

fn starts_expression(tok: &Tok<'_>) -> bool {
    matches!(
        tok,
        Tok::Name(_) | Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::String(_) | Tok::None | Tok::True
            | Tok::False | Tok::Ellipsis | Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::Minus | Tok::Plus
            | Tok::Tilde | Tok::Not | Tok::Await
    )
}

fn describe_header(first: &Tok<'_>, second: Option<&Tok<'_>>) -> Option<&'static str> {
    let what = match first {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::With => "'with' statement",
        Tok::Try => "'try' statement",
        Tok::Except if second == Some(&Tok::Star) => "'except*' statement",
        Tok::Except => "'except' statement",
        Tok::Finally => "'finally' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        Tok::Match => "'match' statement",
        Tok::Case => "'case' statement",
        _ => return None,
    };
    Some(what)
}
