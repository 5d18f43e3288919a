//! The tokens the parser consumes: Python's token set after the logical-line layer.
//!
//! Literals carry their raw source text (prefix and quotes included for strings);
//! the parser's actions decode them, so the lexer never allocates for a literal.
//! `Match`/`Case` are produced only where the soft keywords `match`/`case` start a
//! statement; everywhere else those words are `Name`s.

#[derive(Clone, Debug, PartialEq)]
pub enum Tok<'a> {
    /// An identifier, NFKC-normalised.
    Name(Box<str>),
    /// Integer literal text, any base, underscores kept: `0x_FF`.
    Int(&'a str),
    /// Float literal text: `1.5e-3`.
    Float(&'a str),
    /// Imaginary literal text, `j` included: `2.5j`.
    Imag(&'a str),
    /// One string literal, prefix and quotes included: `rb'...'`, `f"""..."""`.
    String(&'a str),
    Newline,
    Indent,
    Dedent,

    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    /// Soft keywords, only where they start a `match` statement or a `case` block.
    Match,
    Case,

    // Operators and delimiters.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    LeftShift,
    RightShift,
    Amper,
    Vbar,
    Circumflex,
    Tilde,
    ColonEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Comma,
    Colon,
    Dot,
    Semi,
    Equal,
    Rarrow,
    Ellipsis,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
}

/// A token with its byte span, as LALRPOP's external-lexer interface wants it.
pub type Spanned<'a> = (usize, Tok<'a>, usize);
