//! String literals as the parser sees them: implicit concatenation of
//! adjacent literals (str, bytes, f-strings) into one Constant or JoinedStr,
//! and the splitting of f-string bodies into literal text and replacement
//! fields, following CPython 3.11's `Parser/string_parser.c` (the scanner
//! rules, the error messages and the shape of the resulting nodes). Each
//! field's expression is parsed by the LALRPOP parser on its sub-range of
//! the source, so spans stay absolute.

use crate::ast::{Constant, Conversion, Expr, ExprKind, Span};
use crate::error::SyntaxError;
use crate::literal::{self, StringParts};
use crate::depth::bounded_expr;
use crate::pystr::PyStrBuf;

type Result<T> = std::result::Result<T, SyntaxError>;

/// CPython's limit on brackets nested inside one replacement field.
const MAX_NESTED_BRACKETS: usize = 200;

/// Builds the node for adjacent string tokens `parts` (offset, token text).
pub fn concatenate(source: &str, parts: &[(usize, &str)], span: Span) -> Result<Expr> {
    let split: Vec<StringParts<'_>> = parts.iter().map(|&(start, text)| literal::split_string(text, start)).collect();
    let is_bytes = split.first().is_some_and(|p| p.prefix.bytes);
    if split.iter().any(|p| p.prefix.bytes != is_bytes) {
        return Err(SyntaxError::syntax("cannot mix bytes and nonbytes literals", span));
    }
    if is_bytes {
        return concatenate_bytes(&split, span);
    }
    // CPython marks kind='u' when the first token's text starts with a lowercase `u`.
    let unicode = parts.first().is_some_and(|(_, text)| text.starts_with('u'));
    if split.iter().all(|p| !p.prefix.fstring) {
        return concatenate_plain(&split, unicode, span);
    }
    let mut joined = JoinedBuilder::new(unicode, span);
    for part in &split {
        if part.prefix.fstring {
            let mut scanner = FStringScanner { source, part, pos: 0 };
            scanner.scan_parts(0, &mut joined)?;
        } else {
            joined.push_literal(part.body, part.prefix.raw, part.body_start)?;
        }
    }
    Ok(joined.finish())
}

fn concatenate_bytes(split: &[StringParts<'_>], span: Span) -> Result<Expr> {
    let mut value = Vec::new();
    for part in split {
        let decoded = literal::decode_bytes(part.body, part.prefix.raw, part.body_start)?;
        if value.is_empty() {
            value = decoded;
        } else {
            value.extend_from_slice(&decoded);
        }
    }
    Ok(constant(Constant::Bytes(value.into_boxed_slice()), false, span))
}

fn concatenate_plain(split: &[StringParts<'_>], unicode: bool, span: Span) -> Result<Expr> {
    let mut value = PyStrBuf::new();
    for part in split {
        literal::decode_str(part.body, part.prefix.raw, part.body_start, &mut value)?;
    }
    Ok(constant(Constant::Str(value.take()), unicode, span))
}

fn constant(value: Constant, unicode_prefix: bool, span: Span) -> Expr {
    bounded_expr(ExprKind::Constant { value, unicode_prefix }, span)
}

/// Collects the values of a JoinedStr, merging adjacent literal text and
/// dropping empty text as CPython's FstringParser does.
struct JoinedBuilder {
    values: Vec<Expr>,
    pending: PyStrBuf,
    unicode: bool,
    span: Span,
}

impl JoinedBuilder {
    fn new(unicode: bool, span: Span) -> JoinedBuilder {
        JoinedBuilder { values: Vec::new(), pending: PyStrBuf::new(), unicode, span }
    }

    /// Decodes literal text (a string body or part of one) onto the pending text.
    fn push_literal(&mut self, body: &str, raw: bool, body_start: usize) -> Result<()> {
        literal::decode_str(body, raw, body_start, &mut self.pending)
    }

    /// Appends text as it is, like the source of a `{expr=}` field.
    fn push_text(&mut self, text: &str) {
        self.pending.push_str(text);
    }

    fn push_field(&mut self, field: Expr) {
        self.flush();
        self.values.push(field);
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let text = self.pending.take();
            self.values.push(constant(Constant::Str(text), self.unicode, self.span));
        }
    }

    fn finish(mut self) -> Expr {
        self.flush();
        bounded_expr(ExprKind::JoinedStr { values: self.values }, self.span)
    }
}

/// Scans one f-string token's body.
struct FStringScanner<'s, 'p> {
    source: &'s str,
    part: &'p StringParts<'s>,
    /// Byte position in `part.body`.
    pos: usize,
}

/// What ended a literal chunk.
enum LiteralEnd {
    /// A doubled brace: the literal includes one, keep scanning literals.
    DoubledBrace,
    /// A `{` (a field starts) or `}` (a nested format spec ends) or the end.
    Brace,
}

impl<'s, 'p> FStringScanner<'s, 'p> {
    fn bytes(&self) -> &'s [u8] {
        self.part.body.as_bytes()
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.bytes().get(i).copied()
    }

    fn error(&self, msg: &str) -> SyntaxError {
        let offset = self.part.body_start + self.pos;
        SyntaxError::syntax(msg, Span::new(offset, offset))
    }

    /// CPython's `FstringParser_ConcatFstring`: literals and fields until the
    /// end of the body (level 0) or the `}` closing a format spec.
    fn scan_parts(&mut self, level: u32, out: &mut JoinedBuilder) -> Result<()> {
        loop {
            let (start, end, how) = self.scan_literal(level)?;
            if end > start {
                let text = self.part.body.get(start..end).unwrap_or("");
                out.push_literal(text, self.part.prefix.raw, self.part.body_start + start)?;
            }
            if let LiteralEnd::DoubledBrace = how {
                continue;
            }
            match self.at(self.pos) {
                None | Some(b'}') => break,
                Some(_) => {
                    let (expr_text, field) = self.scan_field(level)?;
                    if let Some(text) = expr_text {
                        out.push_text(text);
                    }
                    out.push_field(field);
                }
            }
        }
        if level > 0 && self.at(self.pos) != Some(b'}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        Ok(())
    }

    /// CPython's `fstring_find_literal`: returns the raw literal range.
    fn scan_literal(&mut self, level: u32) -> Result<(usize, usize, LiteralEnd)> {
        let start = self.pos;
        let raw = self.part.prefix.raw;
        let mut i = start;
        while let Some(mut ch) = self.at(i) {
            i += 1;
            if !raw && ch == b'\\' {
                if let Some(next) = self.at(i) {
                    i += 1;
                    ch = next;
                    if ch == b'N' {
                        if self.at(i) == Some(b'{') {
                            i += 1;
                            // Skip the character name up to its closing brace.
                            while let Some(c) = self.at(i) {
                                i += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                        continue;
                    }
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if self.at(i) == Some(ch) {
                        self.pos = i + 1;
                        return Ok((start, i, LiteralEnd::DoubledBrace));
                    }
                    if ch == b'}' {
                        self.pos = i - 1;
                        return Err(self.error("f-string: single '}' is not allowed"));
                    }
                }
                self.pos = i - 1;
                return Ok((start, i - 1, LiteralEnd::Brace));
            }
        }
        self.pos = i;
        Ok((start, i, LiteralEnd::Brace))
    }

    /// CPython's `fstring_find_expr`, starting at a `{`: returns the `=`
    /// text (if any) and the FormattedValue.
    fn scan_field(&mut self, level: u32) -> Result<(Option<&'s str>, Expr)> {
        if level >= 2 {
            return Err(self.error("f-string: expressions nested too deeply"));
        }
        let field_start = self.pos;
        self.pos += 1;
        let expr_start = self.pos;
        self.scan_expression_end()?;
        let expr_end = self.pos;
        if self.pos >= self.bytes().len() {
            return Err(self.error("f-string: expecting '}'"));
        }
        let value = self.parse_field_expression(expr_start, expr_end)?;

        let mut expr_text = None;
        if self.at(self.pos) == Some(b'=') {
            self.pos += 1;
            while self.at(self.pos).is_some_and(|c| c.is_ascii_whitespace() || c == b'\x0b') {
                self.pos += 1;
            }
            if self.pos >= self.bytes().len() {
                return Err(self.error("f-string: expecting '}'"));
            }
            expr_text = self.part.body.get(expr_start..self.pos);
        }

        let mut conversion = Conversion::None;
        if self.at(self.pos) == Some(b'!') {
            self.pos += 1;
            let Some(c) = self.at(self.pos) else {
                return Err(self.error("f-string: expecting '}'"));
            };
            self.pos += 1;
            conversion = match c {
                b's' => Conversion::Str,
                b'r' => Conversion::Repr,
                b'a' => Conversion::Ascii,
                _ => return Err(self.error("f-string: invalid conversion character: expected 's', 'r', or 'a'")),
            };
        }

        if self.pos >= self.bytes().len() {
            return Err(self.error("f-string: expecting '}'"));
        }
        let mut format_spec = None;
        if self.at(self.pos) == Some(b':') {
            self.pos += 1;
            if self.pos >= self.bytes().len() {
                return Err(self.error("f-string: expecting '}'"));
            }
            let spec_start = self.part.body_start + self.pos;
            let mut spec = JoinedBuilder::new(false, Span::new(spec_start, spec_start));
            self.scan_parts(level + 1, &mut spec)?;
            spec.span.end = (self.part.body_start + self.pos) as u32;
            format_spec = Some(Box::new(spec.finish()));
        }

        if self.at(self.pos) != Some(b'}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        self.pos += 1;

        if expr_text.is_some() && format_spec.is_none() && conversion == Conversion::None {
            conversion = Conversion::Repr;
        }
        let span = Span::new(self.part.body_start + field_start, self.part.body_start + self.pos);
        let kind = ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec };
        Ok((expr_text, bounded_expr(kind, span)))
    }

    /// Advances to the `!`, `:`, `=` or `}` that ends a field's expression,
    /// skipping nested brackets and strings.
    fn scan_expression_end(&mut self) -> Result<()> {
        let mut quote: Option<(u8, bool)> = None;
        let mut brackets: Vec<u8> = Vec::new();
        while let Some(ch) = self.at(self.pos) {
            if ch == b'\\' {
                return Err(self.error("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if !triple {
                        quote = None;
                    } else if self.at(self.pos + 1) == Some(ch) && self.at(self.pos + 2) == Some(ch) {
                        self.pos += 2;
                        quote = None;
                    }
                }
                self.pos += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    let triple = self.at(self.pos + 1) == Some(ch) && self.at(self.pos + 2) == Some(ch);
                    if triple {
                        self.pos += 2;
                    }
                    quote = Some((ch, triple));
                }
                b'[' | b'{' | b'(' => {
                    if brackets.len() >= MAX_NESTED_BRACKETS {
                        return Err(self.error("f-string: too many nested parenthesis"));
                    }
                    brackets.push(ch);
                }
                b'#' => return Err(self.error("f-string expression part cannot include '#'")),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if brackets.is_empty() => {
                    let next = self.at(self.pos + 1);
                    if next == Some(b'=') && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        self.pos += 2;
                        continue;
                    }
                    if ch != b'>' && ch != b'<' {
                        break;
                    }
                }
                b']' | b'}' | b')' => {
                    let Some(opening) = brackets.pop() else {
                        return Err(self.error(&format!("f-string: unmatched '{}'", ch as char)));
                    };
                    if !matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        let msg = format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, opening as char
                        );
                        return Err(self.error(&msg));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        if quote.is_some() {
            return Err(self.error("f-string: unterminated string"));
        }
        if let Some(opening) = brackets.last() {
            return Err(self.error(&format!("f-string: unmatched '{}'", *opening as char)));
        }
        Ok(())
    }

    /// Parses `body[start..end]` as a parenthesised expression.
    fn parse_field_expression(&self, start: usize, end: usize) -> Result<Expr> {
        let text = self.part.body.get(start..end).unwrap_or("");
        if text.bytes().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
            return Err(self.error("f-string: empty expression not allowed"));
        }
        let base = self.part.body_start;
        crate::parser::parse_fstring_field(self.source, base + start, base + end).map_err(|mut e| {
            if !e.msg.starts_with("f-string") {
                e.msg.insert_str(0, "f-string: ");
            }
            e
        })
    }
}
