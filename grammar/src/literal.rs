//! PLACEHOLDER (lexer, mine): literal decoding.
