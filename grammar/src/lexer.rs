//! PLACEHOLDER (lexer, mine): lexer.
