//! The lexer: logos raw tokens, then the layer that turns them into Python's
//! logical lines.
//!
//! logos recognises the raw tokens ([`Raw`]); [`Lexer`] adds what a regular
//! lexer cannot do: NEWLINE at the end of each logical line, INDENT/DEDENT with
//! CPython's tab rules (a column with tabs to multiples of 8 and an "alternate"
//! column with tabs as 1 must agree, else TabError), implicit joining inside
//! brackets, backslash continuation, bracket matching errors, and the soft
//! keywords `match`/`case`, which are keywords only where they start a match
//! statement or a case block.
//!
//! A `match` at the start of a line is a keyword only if the line ends with `:`:
//! a copy of the raw lexer looks ahead for that, so no line is ever buffered.

use crate::ast::Span;
use crate::error::{ErrorKind, LineIndex, SyntaxError};
use crate::token::{Spanned, Tok};
use logos::Logos;
use std::collections::VecDeque;
use unicode_normalization::UnicodeNormalization;

type LexResult<'a> = Result<Spanned<'a>, SyntaxError>;

/// CPython's tokenizer limits (MAXLEVEL, MAXINDENT); they also bound how deep
/// the trees built from one file can nest.
const MAX_BRACKET_DEPTH: usize = 200;
const MAX_INDENT_DEPTH: usize = 100;

/// Raw tokens, before logical-line processing.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
enum Raw {
    #[regex(r"[ \t\x0c]+")]
    Whitespace,
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    #[regex(r"\r\n|\r|\n")]
    Newline,
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    #[regex(r"\\")]
    StrayBackslash,

    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", priority = 3)]
    AsciiName,
    #[regex(r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*")]
    UnicodeName,

    #[regex(r"[0-9](_?[0-9])*")]
    DecInt,
    #[regex(r"0[xX](_?[0-9a-fA-F])+")]
    HexInt,
    #[regex(r"0[oO](_?[0-7])+")]
    OctInt,
    #[regex(r"0[bB](_?[01])+")]
    BinInt,
    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?")]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?")]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*")]
    Float,
    #[regex(r"[0-9](_?[0-9])*[jJ]")]
    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?[jJ]")]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?[jJ]")]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*[jJ]")]
    Imag,

    /// A string's prefix and opening quote; the body is scanned by hand.
    #[regex(r#"([rRuUfFbB]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?['"]"#)]
    StringStart,

    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("&")]
    Amper,
    #[token("|")]
    Vbar,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token(":=")]
    ColonEqual,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("(")]
    Lpar,
    #[token(")")]
    Rpar,
    #[token("[")]
    Lsqb,
    #[token("]")]
    Rsqb,
    #[token("{")]
    Lbrace,
    #[token("}")]
    Rbrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token(";")]
    Semi,
    #[token("=")]
    Equal,
    #[token("->")]
    Rarrow,
    #[token("...")]
    Ellipsis,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
}

/// The parser-level token for a raw token that maps one to one.
fn simple_token<'a>(raw: Raw) -> Option<Tok<'a>> {
    Some(match raw {
        Raw::False => Tok::False,
        Raw::None => Tok::None,
        Raw::True => Tok::True,
        Raw::And => Tok::And,
        Raw::As => Tok::As,
        Raw::Assert => Tok::Assert,
        Raw::Async => Tok::Async,
        Raw::Await => Tok::Await,
        Raw::Break => Tok::Break,
        Raw::Class => Tok::Class,
        Raw::Continue => Tok::Continue,
        Raw::Def => Tok::Def,
        Raw::Del => Tok::Del,
        Raw::Elif => Tok::Elif,
        Raw::Else => Tok::Else,
        Raw::Except => Tok::Except,
        Raw::Finally => Tok::Finally,
        Raw::For => Tok::For,
        Raw::From => Tok::From,
        Raw::Global => Tok::Global,
        Raw::If => Tok::If,
        Raw::Import => Tok::Import,
        Raw::In => Tok::In,
        Raw::Is => Tok::Is,
        Raw::Lambda => Tok::Lambda,
        Raw::Nonlocal => Tok::Nonlocal,
        Raw::Not => Tok::Not,
        Raw::Or => Tok::Or,
        Raw::Pass => Tok::Pass,
        Raw::Raise => Tok::Raise,
        Raw::Return => Tok::Return,
        Raw::Try => Tok::Try,
        Raw::While => Tok::While,
        Raw::With => Tok::With,
        Raw::Yield => Tok::Yield,
        Raw::Plus => Tok::Plus,
        Raw::Minus => Tok::Minus,
        Raw::Star => Tok::Star,
        Raw::DoubleStar => Tok::DoubleStar,
        Raw::Slash => Tok::Slash,
        Raw::DoubleSlash => Tok::DoubleSlash,
        Raw::Percent => Tok::Percent,
        Raw::At => Tok::At,
        Raw::LeftShift => Tok::LeftShift,
        Raw::RightShift => Tok::RightShift,
        Raw::Amper => Tok::Amper,
        Raw::Vbar => Tok::Vbar,
        Raw::Circumflex => Tok::Circumflex,
        Raw::Tilde => Tok::Tilde,
        Raw::ColonEqual => Tok::ColonEqual,
        Raw::Less => Tok::Less,
        Raw::Greater => Tok::Greater,
        Raw::LessEqual => Tok::LessEqual,
        Raw::GreaterEqual => Tok::GreaterEqual,
        Raw::EqEqual => Tok::EqEqual,
        Raw::NotEqual => Tok::NotEqual,
        Raw::Comma => Tok::Comma,
        Raw::Colon => Tok::Colon,
        Raw::Dot => Tok::Dot,
        Raw::Semi => Tok::Semi,
        Raw::Equal => Tok::Equal,
        Raw::Rarrow => Tok::Rarrow,
        Raw::Ellipsis => Tok::Ellipsis,
        Raw::PlusEqual => Tok::PlusEqual,
        Raw::MinusEqual => Tok::MinusEqual,
        Raw::StarEqual => Tok::StarEqual,
        Raw::SlashEqual => Tok::SlashEqual,
        Raw::DoubleSlashEqual => Tok::DoubleSlashEqual,
        Raw::PercentEqual => Tok::PercentEqual,
        Raw::AtEqual => Tok::AtEqual,
        Raw::AmperEqual => Tok::AmperEqual,
        Raw::VbarEqual => Tok::VbarEqual,
        Raw::CircumflexEqual => Tok::CircumflexEqual,
        Raw::LeftShiftEqual => Tok::LeftShiftEqual,
        Raw::RightShiftEqual => Tok::RightShiftEqual,
        Raw::DoubleStarEqual => Tok::DoubleStarEqual,
        _ => return None,
    })
}

/// One indentation level: CPython's column (tabs to multiples of 8) and
/// alternate column (tabs count 1), which must order the same way.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Indent {
    col: usize,
    alt_col: usize,
}

/// Turns source text into the parser's token stream. See the module docs.
pub struct Lexer<'a> {
    source: &'a str,
    /// Absolute offset of the text logos sees (non-zero for nested lexers).
    base: usize,
    raw: logos::Lexer<'a, Raw>,
    /// Tokens of the current logical line, ready to hand out.
    queue: VecDeque<LexResult<'a>>,
    indents: Vec<Indent>,
    /// Open brackets: the bracket character and its absolute offset.
    brackets: Vec<(char, usize)>,
    /// Indentation depths (lengths of `indents`) whose lines are a match block's cases.
    case_levels: Vec<usize>,
    /// The previous logical line was a `match ...:` header.
    after_match_header: bool,
    /// Lexing an f-string field: as if inside brackets, no line structure.
    nested: bool,
    /// The next token starts a logical line.
    at_line_start: bool,
    /// The current logical line has produced a token.
    line_has_tokens: bool,
    done: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(source: &'a str) -> Lexer<'a> {
        Lexer::over(source, 0, source.len(), false)
    }

    /// Lexes `source[start..end]` as if inside brackets (no NEWLINE, INDENT or
    /// DEDENT), with spans relative to the whole `source`: for f-string fields.
    pub fn nested(source: &'a str, start: usize, end: usize) -> Lexer<'a> {
        Lexer::over(source, start, end, true)
    }

    fn over(source: &'a str, start: usize, end: usize, nested: bool) -> Lexer<'a> {
        let text = source.get(start..end).unwrap_or("");
        Lexer {
            source,
            base: start,
            raw: Raw::lexer(text),
            queue: VecDeque::new(),
            indents: vec![Indent { col: 0, alt_col: 0 }],
            brackets: Vec::new(),
            case_levels: Vec::new(),
            after_match_header: false,
            nested,
            at_line_start: true,
            line_has_tokens: false,
            done: false,
        }
    }

    fn span(&self) -> Span {
        let r = self.raw.span();
        Span::new(self.base + r.start, self.base + r.end)
    }

    /// 1-based line of an absolute offset; only errors need it, so no index is kept.
    #[cold]
    fn line_of(&self, offset: usize) -> usize {
        LineIndex::new(self.source).line(offset as u32)
    }

    /// Queues the next token(s): INDENT/DEDENTs at a line start, then one
    /// token, or the end-of-input tokens.
    fn advance(&mut self) {
        let first_of_line = self.at_line_start && !self.nested;
        let next = if first_of_line { self.line_start() } else { self.raw.next() };
        let Some(raw) = next else {
            self.end_of_input();
            return;
        };
        self.at_line_start = false;
        match self.lex_token(raw) {
            Ok(Step::Token(tok)) => {
                let tok = if first_of_line { self.soft_keyword(tok) } else { tok };
                let span = self.span();
                self.queue.push_back(Ok((span.start as usize, tok, span.end as usize)));
                self.line_has_tokens = true;
            }
            Ok(Step::Skip) => {}
            Ok(Step::Stray(err)) => {
                self.queue.push_back(Err(err));
                self.line_has_tokens = true;
            }
            Ok(Step::EndOfLine) => {
                let span = self.span();
                self.queue.push_back(Ok((span.start as usize, Tok::Newline, span.end as usize)));
                self.at_line_start = true;
                self.line_has_tokens = false;
            }
            Err(err) => {
                self.queue.push_back(Err(err));
                self.done = true;
            }
        }
    }

    /// End of input: the last line's NEWLINE, then DEDENTs or an unclosed bracket.
    fn end_of_input(&mut self) {
        if self.line_has_tokens && !self.nested && self.brackets.is_empty() && !self.done {
            let end = self.base + self.raw.source().len();
            self.queue.push_back(Ok((end, Tok::Newline, end)));
        }
        self.finish();
    }

    /// At the start of a physical line outside brackets: measures indentation,
    /// skips blank and comment-only lines, and queues INDENT/DEDENT. Returns the
    /// first raw token of the logical line.
    fn line_start(&mut self) -> Option<Result<Raw, ()>> {
        loop {
            let mut indent = Indent { col: 0, alt_col: 0 };
            let mut raw = self.raw.next()?;
            if raw == Ok(Raw::Whitespace) {
                indent = measure_indent(indent, self.raw.slice());
                raw = self.raw.next()?;
            }
            // A continuation before any token joins the next physical line to
            // this one. As in CPython's tokenizer, the column of the first such
            // backslash is the indentation, unless it is 0: then the columns of
            // the joined lines add up.
            let mut continued_at: Option<Indent> = None;
            while raw == Ok(Raw::Continuation) {
                if self.raw.remainder().is_empty() {
                    self.queue.push_back(Err(self.eof_after_continuation()));
                    self.done = true;
                    return None;
                }
                if continued_at.is_none() && indent.col != 0 {
                    continued_at = Some(indent);
                }
                raw = self.raw.next()?;
                if raw == Ok(Raw::Whitespace) {
                    indent = measure_indent(indent, self.raw.slice());
                    raw = self.raw.next()?;
                }
            }
            let indent = continued_at.unwrap_or(indent);
            match raw {
                Ok(Raw::Newline) | Ok(Raw::Comment) => {
                    if raw == Ok(Raw::Comment) && self.raw.next().is_none() {
                        return None;
                    }
                    continue;
                }
                _ => {}
            }
            if let Err(err) = self.indent_to(indent) {
                self.queue.push_back(Err(err));
                self.done = true;
                return None;
            }
            return Some(raw);
        }
    }

    fn indent_to(&mut self, indent: Indent) -> Result<(), SyntaxError> {
        let at = self.span().start as usize;
        let here = Span::new(at, at);
        let top = *self.indents.last().unwrap_or(&Indent { col: 0, alt_col: 0 });
        if indent.col == top.col {
            if indent.alt_col != top.alt_col {
                return Err(tab_error(here));
            }
        } else if indent.col > top.col {
            if indent.alt_col <= top.alt_col {
                return Err(tab_error(here));
            }
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(SyntaxError::indentation("too many levels of indentation", here));
            }
            self.indents.push(indent);
            if std::mem::take(&mut self.after_match_header) {
                self.case_levels.push(self.indents.len());
            }
            self.queue.push_back(Ok((at, Tok::Indent, at)));
        } else {
            while self.indents.len() > 1 && indent.col < self.indents[self.indents.len() - 1].col {
                self.indents.pop();
                self.queue.push_back(Ok((at, Tok::Dedent, at)));
            }
            while self.case_levels.last().is_some_and(|&level| level > self.indents.len()) {
                self.case_levels.pop();
            }
            let top = *self.indents.last().unwrap_or(&Indent { col: 0, alt_col: 0 });
            if indent.col != top.col {
                // CPython points past the end of the line.
                let line_end = self.source[at..].find(['\n', '\r']).map_or(self.source.len(), |n| at + n);
                return Err(SyntaxError::indentation(
                    "unindent does not match any outer indentation level",
                    Span::new(line_end, line_end),
                ));
            }
            if indent.alt_col != top.alt_col {
                return Err(tab_error(here));
            }
        }
        self.after_match_header = false;
        Ok(())
    }

    /// Queues the NEWLINE-less end: DEDENTs back to column 0, or an unclosed-bracket error.
    fn finish(&mut self) {
        if self.done {
            return;
        }
        self.done = true;
        if let Some(&(open, at)) = self.brackets.first() {
            let err = SyntaxError::syntax(format!("'{open}' was never closed"), Span::new(at, at + 1));
            self.queue.push_back(Err(err));
            return;
        }
        if self.nested {
            return;
        }
        let end = self.base + self.raw.source().len();
        while self.indents.len() > 1 {
            self.indents.pop();
            self.queue.push_back(Ok((end, Tok::Dedent, end)));
        }
    }

    fn lex_token(&mut self, raw: Result<Raw, ()>) -> Result<Step<'a>, SyntaxError> {
        let Ok(raw) = raw else {
            return self.invalid_character();
        };
        let text: &'a str = self.raw.slice();
        let tok = match raw {
            Raw::Continuation if self.raw.remainder().is_empty() => return Err(self.eof_after_continuation()),
            Raw::Whitespace | Raw::Comment | Raw::Continuation => return Ok(Step::Skip),
            Raw::Newline => {
                return Ok(if self.brackets.is_empty() && !self.nested { Step::EndOfLine } else { Step::Skip })
            }
            Raw::StrayBackslash => {
                let at = self.span().start as usize;
                let at_eof = self.raw.remainder().is_empty();
                let msg = if at_eof {
                    "unexpected EOF while parsing"
                } else {
                    "unexpected character after line continuation character"
                };
                return Err(SyntaxError::syntax(msg, Span::new(at, at + 1)));
            }
            Raw::AsciiName => Tok::Name(text.into()),
            Raw::UnicodeName => Tok::Name(self.unicode_name(text)?),
            Raw::DecInt => {
                if text == "0" {
                    self.check_radix_prefix()?;
                }
                self.check_number_end("decimal")?;
                if text.starts_with('0') && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
                    return Err(SyntaxError::syntax(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        self.span(),
                    ));
                }
                Tok::Int(text)
            }
            Raw::HexInt => {
                self.check_number_end("hexadecimal")?;
                Tok::Int(text)
            }
            Raw::OctInt => {
                self.check_digits_end("octal", b'7')?;
                Tok::Int(text)
            }
            Raw::BinInt => {
                self.check_digits_end("binary", b'1')?;
                Tok::Int(text)
            }
            Raw::Float => {
                self.check_number_end("decimal")?;
                Tok::Float(text)
            }
            Raw::Imag => {
                self.check_number_end("imaginary")?;
                Tok::Imag(text)
            }
            Raw::StringStart => Tok::String(self.string()?),
            Raw::Lpar | Raw::Lsqb | Raw::Lbrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(SyntaxError::syntax("too many nested parentheses", self.span()));
                }
                let open = text.chars().next().unwrap_or('(');
                self.brackets.push((open, self.span().start as usize));
                match raw {
                    Raw::Lpar => Tok::Lpar,
                    Raw::Lsqb => Tok::Lsqb,
                    _ => Tok::Lbrace,
                }
            }
            Raw::Rpar | Raw::Rsqb | Raw::Rbrace => {
                let close = text.chars().next().unwrap_or(')');
                self.close_bracket(close)?;
                match raw {
                    Raw::Rpar => Tok::Rpar,
                    Raw::Rsqb => Tok::Rsqb,
                    _ => Tok::Rbrace,
                }
            }
            other => match simple_token(other) {
                Some(tok) => tok,
                None => return self.invalid_character(),
            },
        };
        Ok(Step::Token(tok))
    }

    #[cold]
    fn eof_after_continuation(&self) -> SyntaxError {
        let at = self.span().start as usize;
        SyntaxError::syntax("unexpected EOF while parsing", Span::new(at, at + 1))
    }

    fn close_bracket(&mut self, close: char) -> Result<(), SyntaxError> {
        let span = self.span();
        let Some((open, at)) = self.brackets.pop() else {
            return Err(SyntaxError::syntax(format!("unmatched '{close}'"), span));
        };
        let expected = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if close == expected {
            return Ok(());
        }
        let open_line = self.line_of(at);
        let msg = if open_line == self.line_of(span.start as usize) {
            format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
        } else {
            format!("closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {open_line}")
        };
        Err(SyntaxError::syntax(msg, span))
    }

    /// A number directly followed by an identifier character is invalid, except
    /// for the keywords CPython 3.11 still accepts there (`1if x else y`).
    fn check_number_end(&self, kind: &str) -> Result<(), SyntaxError> {
        let rest = self.raw.remainder();
        let Some(c) = rest.chars().next() else { return Ok(()) };
        if !(c == '_' || c.is_alphanumeric()) || c.is_ascii_digit() {
            return Ok(());
        }
        const ALLOWED: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];
        if ALLOWED.iter().any(|kw| rest.starts_with(kw)) {
            return Ok(());
        }
        Err(SyntaxError::syntax(format!("invalid {kind} literal"), self.span()))
    }

    /// `0x`, `0o` or `0b` with no digit after it.
    fn check_radix_prefix(&self) -> Result<(), SyntaxError> {
        let kind = match self.raw.remainder().as_bytes().first() {
            Some(b'x' | b'X') => "hexadecimal",
            Some(b'o' | b'O') => "octal",
            Some(b'b' | b'B') => "binary",
            _ => return Ok(()),
        };
        let msg = match self.raw.remainder().as_bytes().get(1) {
            Some(&digit) if digit.is_ascii_digit() && kind != "hexadecimal" => {
                format!("invalid digit '{}' in {kind} literal", digit as char)
            }
            _ => format!("invalid {kind} literal"),
        };
        Err(SyntaxError::syntax(msg, self.span()))
    }

    /// For octal and binary literals: a following digit out of range gets its own message.
    fn check_digits_end(&self, kind: &str, max_digit: u8) -> Result<(), SyntaxError> {
        if let Some(&b) = self.raw.remainder().as_bytes().first() {
            if b.is_ascii_digit() && b > max_digit {
                return Err(SyntaxError::syntax(
                    format!("invalid digit '{}' in {kind} literal", b as char),
                    self.span(),
                ));
            }
        }
        self.check_number_end(kind)
    }

    /// Validates and NFKC-normalises an identifier with non-ASCII characters.
    fn unicode_name(&self, text: &str) -> Result<Box<str>, SyntaxError> {
        let start = self.span().start as usize;
        for (i, c) in text.char_indices() {
            let valid = if i == 0 {
                c == '_' || unicode_ident::is_xid_start(c)
            } else {
                unicode_ident::is_xid_continue(c)
            };
            if !valid {
                let at = Span::new(start + i, start + i + c.len_utf8());
                return Err(invalid_char_error(c, at));
            }
        }
        Ok(text.nfkc().collect::<String>().into_boxed_str())
    }

    /// A character no token starts with. CPython's tokenizer hands a stray
    /// ASCII one (`$`, `?`, `!`) to the parser and goes on, so a later
    /// tokenizer error can still be the one reported; the others end lexing.
    fn invalid_character(&self) -> Result<Step<'a>, SyntaxError> {
        let span = self.span();
        match self.raw.slice().chars().next() {
            Some('\0') => Err(SyntaxError::syntax("source code cannot contain null bytes", span)),
            Some(c) if !c.is_ascii() || c.is_ascii_control() => Err(invalid_char_error(c, span)),
            _ => Ok(Step::Stray(SyntaxError::syntax("invalid syntax", span))),
        }
    }

    /// Scans a string literal's body after its prefix and opening quote; returns
    /// the whole literal's text.
    fn string(&mut self) -> Result<&'a str, SyntaxError> {
        let start_span = self.span();
        match skip_string_body(&mut self.raw) {
            Ok(()) => {
                let end = self.span().end as usize;
                Ok(self.source.get(start_span.start as usize..end).unwrap_or(""))
            }
            Err(unterminated) => Err(self.unterminated(start_span, unterminated.triple, self.base + unterminated.stop)),
        }
    }

    /// CPython reports the line where scanning stopped: the end of the line for
    /// a single-quoted string, the last line of the input for a triple-quoted one.
    #[cold]
    fn unterminated(&self, start: Span, triple: bool, stop: usize) -> SyntaxError {
        let detected = self.line_of(stop.min(self.source.len().saturating_sub(1)));
        let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
        SyntaxError::syntax(format!("{what} (detected at line {detected})"), start)
    }

    /// `match`/`case` as the first token of a logical line: a keyword where it
    /// starts a match statement (the line ends with `:` after a subject) or a
    /// case block (the line is at the case level of a match block).
    fn soft_keyword(&mut self, tok: Tok<'a>) -> Tok<'a> {
        let Tok::Name(name) = &tok else { return tok };
        match &**name {
            "match" if self.starts_match_statement() => {
                self.after_match_header = true;
                Tok::Match
            }
            "case" if self.case_levels.last() == Some(&self.indents.len()) => Tok::Case,
            _ => tok,
        }
    }

    /// Looks ahead, on a copy of the raw lexer, to the end of the logical line.
    fn starts_match_statement(&self) -> bool {
        let mut ahead = self.raw.clone();
        let mut depth = 0usize;
        let mut tokens_after = 0usize;
        let mut last = None;
        while let Some(raw) = ahead.next() {
            match raw {
                Ok(Raw::Whitespace | Raw::Comment | Raw::Continuation) => continue,
                Ok(Raw::Newline) if depth == 0 => break,
                Ok(Raw::Newline) => continue,
                Ok(Raw::Lpar | Raw::Lsqb | Raw::Lbrace) => depth += 1,
                Ok(Raw::Rpar | Raw::Rsqb | Raw::Rbrace) => depth = depth.saturating_sub(1),
                Ok(Raw::StringStart) => {
                    if skip_string_body(&mut ahead).is_err() {
                        return false;
                    }
                }
                Ok(_) => {}
                Err(()) => return false,
            }
            tokens_after += 1;
            last = raw.ok();
        }
        last == Some(Raw::Colon) && tokens_after >= 2
    }
}

/// Where a string literal's scan ran out, relative to the lexed text.
struct Unterminated {
    triple: bool,
    stop: usize,
}

/// Moves `raw`, just past a string's opening quote, to just past its closing one.
fn skip_string_body(raw: &mut logos::Lexer<'_, Raw>) -> Result<(), Unterminated> {
    let quote = raw.slice().as_bytes().last().copied().unwrap_or(b'\'');
    let rest_start = raw.span().end;
    let rest = raw.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = if triple { 2 } else { 0 };
    loop {
        let Some(&b) = rest.get(i) else {
            return Err(Unterminated { triple, stop: rest_start + rest.len() });
        };
        match b {
            b'\\' if rest.get(i + 1) == Some(&b'\r') && rest.get(i + 2) == Some(&b'\n') => i += 3,
            b'\\' => i += 2,
            b'\n' | b'\r' if !triple => return Err(Unterminated { triple, stop: rest_start + i }),
            b if b == quote && !triple => {
                i += 1;
                break;
            }
            b if b == quote && rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote) => {
                i += 3;
                break;
            }
            _ => i += 1,
        }
    }
    raw.bump(i);
    Ok(())
}

enum Step<'a> {
    Token(Tok<'a>),
    Skip,
    /// An error after which lexing goes on (see `invalid_character`).
    Stray(SyntaxError),
    EndOfLine,
}

/// The indentation after `whitespace`, counting on from `indent`.
fn measure_indent(mut indent: Indent, whitespace: &str) -> Indent {
    for b in whitespace.bytes() {
        match b {
            b' ' => {
                indent.col += 1;
                indent.alt_col += 1;
            }
            b'\t' => {
                indent.col = (indent.col / 8 + 1) * 8;
                indent.alt_col += 1;
            }
            // A form feed resets the column, as in CPython's tokenizer.
            _ => indent = Indent { col: 0, alt_col: 0 },
        }
    }
    indent
}

#[cold]
fn tab_error(span: Span) -> SyntaxError {
    SyntaxError::new(ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", span)
}

#[cold]
fn invalid_char_error(c: char, span: Span) -> SyntaxError {
    let msg = if crate::repr::is_printable(c) {
        format!("invalid character '{c}' (U+{:04X})", c as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", c as u32)
    };
    SyntaxError::syntax(msg, span)
}

impl<'a> Iterator for Lexer<'a> {
    type Item = LexResult<'a>;

    fn next(&mut self) -> Option<LexResult<'a>> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.advance();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Token kinds of `source` as a compact string, e.g. "Name(x) Equal Int(1) Newline".
    fn kinds(source: &str) -> String {
        Lexer::new(source)
            .map(|item| match item {
                Ok((_, Tok::Name(n), _)) => format!("Name({n})"),
                Ok((_, Tok::Int(t), _)) => format!("Int({t})"),
                Ok((_, Tok::Float(t), _)) => format!("Float({t})"),
                Ok((_, Tok::Imag(t), _)) => format!("Imag({t})"),
                Ok((_, Tok::String(t), _)) => format!("String({t})"),
                Ok((_, tok, _)) => format!("{tok:?}"),
                Err(e) => format!("Err({}: {})", e.kind.name(), e.msg),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Checks the same source under `\n`, `\r\n` and `\r` line endings.
    #[track_caller]
    fn check(source: &str, expected: &str) {
        for eol in ["\n", "\r\n", "\r"] {
            let text = source.replace('\n', eol);
            assert_eq!(kinds(&text), expected, "line ending {eol:?}");
        }
    }

    #[test]
    fn simple_lines() {
        check("x = 1\n", "Name(x) Equal Int(1) Newline");
        check("x = 1", "Name(x) Equal Int(1) Newline");
        check("", "");
        check("\n\n# c\n   \n", "");
        check("a\n\n  # comment\nb\n", "Name(a) Newline Name(b) Newline");
    }

    #[test]
    fn indentation() {
        check(
            "if x:\n    y\n    z\nw\n",
            "If Name(x) Colon Newline Indent Name(y) Newline Name(z) Newline Dedent Name(w) Newline",
        );
        check(
            "if x:\n  if y:\n    z\n",
            "If Name(x) Colon Newline Indent If Name(y) Colon Newline Indent Name(z) Newline Dedent Dedent",
        );
        check(
            "if x:\n  a\n b\n",
            "If Name(x) Colon Newline Indent Name(a) Newline Dedent Err(IndentationError: unindent does not match any outer indentation level)",
        );
    }

    #[test]
    fn tabs_must_be_consistent() {
        assert_eq!(
            kinds("if x:\n\ta\n        b\n"),
            "If Name(x) Colon Newline Indent Name(a) Newline Err(TabError: inconsistent use of tabs and spaces in indentation)"
        );
        assert_eq!(kinds("if x:\n\ta\n\tb\n"), "If Name(x) Colon Newline Indent Name(a) Newline Name(b) Newline Dedent");
    }

    #[test]
    fn brackets_join_lines() {
        check("f(a,\n  b)\n", "Name(f) Lpar Name(a) Comma Name(b) Rpar Newline");
        check("x = \\\n  1\n", "Name(x) Equal Int(1) Newline");
        check("x = (1,\n", "Name(x) Equal Lpar Int(1) Comma Err(SyntaxError: '(' was never closed)");
        check("x = )\n", "Name(x) Equal Err(SyntaxError: unmatched ')')");
        check(
            "f(]\n",
            "Name(f) Lpar Err(SyntaxError: closing parenthesis ']' does not match opening parenthesis '(')",
        );
    }

    #[test]
    fn numbers() {
        check(
            "1 0x_fF 0o17 0b1_0 1_000 1.5 .5 1. 1e5 1.5E-3 2j 1.5j 00",
            "Int(1) Int(0x_fF) Int(0o17) Int(0b1_0) Int(1_000) Float(1.5) Float(.5) Float(1.) Float(1e5) Float(1.5E-3) Imag(2j) Imag(1.5j) Int(00) Newline",
        );
        check("1if x else 2", "Int(1) If Name(x) Else Int(2) Newline");
        check("0777", "Err(SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)");
        check("1__0", "Err(SyntaxError: invalid decimal literal)");
        check("12abc", "Err(SyntaxError: invalid decimal literal)");
        check("0x", "Err(SyntaxError: invalid hexadecimal literal)");
        check("0b12", "Err(SyntaxError: invalid digit '2' in binary literal)");
        check("0o8", "Err(SyntaxError: invalid digit '8' in octal literal)");
        check("1.e5j_", "Err(SyntaxError: invalid imaginary literal)");
    }

    #[test]
    fn strings() {
        check(
            r#"'a' "b" rb'c' F"d" '''e'f''' """g"""  u'\''"#,
            r#"String('a') String("b") String(rb'c') String(F"d") String('''e'f''') String("""g""") String(u'\'') Newline"#,
        );
        assert_eq!(kinds("'''a\nb'''\n"), "String('''a\nb''') Newline");
        assert_eq!(kinds("'a\\\nb'\n"), "String('a\\\nb') Newline");
        assert_eq!(kinds("x = 'abc\n"), "Name(x) Equal Err(SyntaxError: unterminated string literal (detected at line 1))");
        assert_eq!(
            kinds("x = '''abc\n\n"),
            "Name(x) Equal Err(SyntaxError: unterminated triple-quoted string literal (detected at line 2))"
        );
        check("ub'x'", "Name(ub) String('x') Newline");
    }

    #[test]
    fn unicode_identifiers() {
        check("π = café", "Name(π) Equal Name(café) Newline");
        // NFKC: the ligature ﬁ becomes "fi".
        check("ﬁ", "Name(fi) Newline");
        check("x = €", "Name(x) Equal Err(SyntaxError: invalid character '€' (U+20AC))");
        check("a\u{a0}b", "Err(SyntaxError: invalid non-printable character U+00A0)");
        check("a $ b", "Name(a) Err(SyntaxError: invalid syntax) Name(b) Newline");
        check("a\0", "Name(a) Err(SyntaxError: source code cannot contain null bytes)");
        check("a \x01", "Name(a) Err(SyntaxError: invalid non-printable character U+0001)");
    }

    #[test]
    fn soft_keywords() {
        check(
            "match x:\n    case 1:\n        pass\n",
            "Match Name(x) Colon Newline Indent Case Int(1) Colon Newline Indent Pass Newline Dedent Dedent",
        );
        check("match = 1\ncase = 2\n", "Name(match) Equal Int(1) Newline Name(case) Equal Int(2) Newline");
        check("match(x)\n", "Name(match) Lpar Name(x) Rpar Newline");
        check("match: int\n", "Name(match) Colon Name(int) Newline");
        check(
            "match x:\n  case case:\n    case = 1\n",
            "Match Name(x) Colon Newline Indent Case Name(case) Colon Newline Indent Name(case) Equal Int(1) Newline Dedent Dedent",
        );
    }

    #[test]
    fn nested_lexer_has_no_line_structure() {
        let source = "f'{a +\n b}'";
        let toks: Vec<_> = Lexer::nested(source, 3, 9).collect();
        assert_eq!(
            toks,
            vec![Ok((3, Tok::Name("a".into()), 4)), Ok((5, Tok::Plus, 6)), Ok((8, Tok::Name("b".into()), 9))]
        );
    }

    #[test]
    fn nesting_limits_match_cpython() {
        let ok = format!("x = {}{}", "(".repeat(200), ")".repeat(200));
        assert!(!kinds(&ok).contains("Err"));
        let deep = format!("x = {}{}", "[".repeat(201), "]".repeat(201));
        assert!(kinds(&deep).ends_with("Err(SyntaxError: too many nested parentheses)"));
        // CPython allows 99 levels: the line opening the 100th is the error.
        let nest = |levels: usize| -> String {
            let headers: String = (0..levels).map(|i| format!("{}if 1:\n", " ".repeat(i))).collect();
            format!("{headers}{}pass\n", " ".repeat(levels))
        };
        assert!(!kinds(&nest(99)).contains("Err"));
        assert!(kinds(&nest(100)).ends_with("Err(IndentationError: too many levels of indentation)"));
    }

    #[test]
    fn stray_backslash() {
        check("x = 1 \\ y", "Name(x) Equal Int(1) Err(SyntaxError: unexpected character after line continuation character)");
        check("x = 1 \\", "Name(x) Equal Int(1) Err(SyntaxError: unexpected EOF while parsing)");
        check("x = 1 + \\\n", "Name(x) Equal Int(1) Plus Err(SyntaxError: unexpected EOF while parsing)");
        // Continuations before any token of a line join it to the next line.
        check("\\\npass\n        \\\n\npass\n", "Pass Newline Pass Newline");
        check("if x:\n    \\\n  y\n", "If Name(x) Colon Newline Indent Name(y) Newline Dedent");
        check("if x:\n    a\n\\\n    b\n", "If Name(x) Colon Newline Indent Name(a) Newline Name(b) Newline Dedent");
        check(
            "if x:\n    a\n  \\\nb\n",
            "If Name(x) Colon Newline Indent Name(a) Newline Dedent Err(IndentationError: unindent does not match any outer indentation level)",
        );
    }
}
