//! Syntax errors: what the front end reports instead of an AST.

use crate::ast::Span;
use std::fmt;

/// Which of CPython's exception classes the error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// An expression nested too deeply to compile: CPython raises RecursionError.
    RecursionError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A SyntaxError (or subclass) with CPython's message and the offending span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub span: Span,
}

impl SyntaxError {
    #[cold]
    pub fn new(kind: ErrorKind, msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind, msg: msg.into(), span }
    }

    #[cold]
    pub fn syntax(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::SyntaxError, msg, span)
    }

    #[cold]
    pub fn indentation(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::new(ErrorKind::IndentationError, msg, span)
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}

/// Maps byte offsets to 1-based lines and columns.
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts }
    }

    /// 1-based line number of `offset`.
    pub fn line(&self, offset: u32) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// Byte offset where the 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> u32 {
        self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0)
    }

    /// 1-based line and 1-based character column of `offset`.
    pub fn line_col(&self, source: &str, offset: u32) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_start(line) as usize;
        let end = (offset as usize).min(source.len());
        let col = source.get(start..end).map_or(0, |s| s.chars().count());
        (line, col + 1)
    }
}
