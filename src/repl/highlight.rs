//! Colours for the line being typed: keywords, strings, numbers and
//! comments, with ANSI escapes (they take no width on screen, as rustyline
//! requires). A light scan, not the lexer: it must cope with any unfinished line.

use tulip::interactive::KEYWORDS;

const KEYWORD: &str = "\x1b[1;35m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[36m";
const COMMENT: &str = "\x1b[2;37m";
const RESET: &str = "\x1b[0m";

pub fn colour(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let len = if c == '#' {
            paint(&mut out, COMMENT, rest)
        } else if c == '"' || c == '\'' {
            paint(&mut out, STRING, &rest[..string_len(rest)])
        } else if c.is_ascii_digit() {
            let n = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).unwrap_or(rest.len());
            paint(&mut out, NUMBER, &rest[..n])
        } else if c.is_alphabetic() || c == '_' {
            let n = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
            let word = &rest[..n];
            let after = &rest[n..];
            if after.starts_with(['"', '\'']) && word.len() <= 3 && word.chars().all(|c| "rRbBfFuU".contains(c)) {
                // A string prefix: `f"..."`, `rb'...'`.
                let s = word.len() + string_len(after);
                paint(&mut out, STRING, &rest[..s])
            } else if KEYWORDS.contains(&word) {
                paint(&mut out, KEYWORD, word)
            } else {
                out.push_str(word);
                n
            }
        } else {
            out.push(c);
            c.len_utf8()
        };
        rest = &rest[len..];
    }
    out
}

fn paint(out: &mut String, colour: &str, text: &str) -> usize {
    out.push_str(colour);
    out.push_str(text);
    out.push_str(RESET);
    text.len()
}

/// The length of the string literal `s` starts with (to the end of the line
/// if it is unterminated), quotes included.
fn string_len(s: &str) -> usize {
    let quote = if s.starts_with("\"\"\"") || s.starts_with("'''") { &s[..3] } else { &s[..1] };
    let body = &s[quote.len()..];
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if body[i..].starts_with(quote) {
            return quote.len() + i + quote.len();
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_keep_the_text_and_mark_each_kind() {
        let line = "def f(x='a\\'b'): return 0x1F  # done";
        let coloured = colour(line);
        let plain: String = strip(&coloured);
        assert_eq!(plain, line);
        assert!(coloured.starts_with(&format!("{KEYWORD}def{RESET}")));
        assert!(coloured.contains(&format!("{STRING}'a\\'b'{RESET}")));
        assert!(coloured.contains(&format!("{NUMBER}0x1F{RESET}")));
        assert!(coloured.ends_with(&format!("{COMMENT}# done{RESET}")));
    }

    #[test]
    fn unfinished_lines_are_fine() {
        for line in ["'abc", "f\"{x", "\"\"\"", "x = é + 1", "rb'"] {
            assert_eq!(strip(&colour(line)), line);
        }
    }

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
