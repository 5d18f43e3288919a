//! Substring search for the `str` methods and `in`.
//!
//! core's `str::find(&str)` builds a two-way `StrSearcher` on every call,
//! which costs more than the search itself on the short strings Python code
//! splits and scans in loops (and `split`/`replace` used to build one per
//! piece). memchr's searchers are SIMD, pick Rabin-Karp for short haystacks,
//! and one `Matches` serves a whole `split`/`replace`/`count`.
//!
//! Offsets are bytes. A match of valid UTF-8 in valid UTF-8 always starts on
//! a character boundary, so slicing the haystack at them is safe.

use memchr::memmem;

/// Byte offset of the first `needle` in `hay` (`Some(0)` for an empty needle).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [b] => memchr::memchr(*b, hay.as_bytes()),
        [first, rest @ ..] if hay.len() < 64 => short_find(hay.as_bytes(), *first, rest),
        n => memmem::find(hay.as_bytes(), n),
    }
}

/// `find` in a haystack under 64 bytes (a word, a field): checking each
/// occurrence of the needle's first byte beats setting up any searcher.
fn short_find(hay: &[u8], first: u8, rest: &[u8]) -> Option<usize> {
    let last = hay.len().checked_sub(rest.len() + 1)?;
    (0..=last).find(|&i| hay[i] == first && hay[i + 1..].starts_with(rest))
}

/// Byte offset of the last `needle` in `hay` (`Some(hay.len())` for an empty needle).
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [b] => memchr::memrchr(*b, hay.as_bytes()),
        n => memmem::rfind(hay.as_bytes(), n),
    }
}

pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// The non-overlapping occurrences of a non-empty `needle`, left to right.
pub enum Matches<'a> {
    Byte(memchr::Memchr<'a>),
    Sub(memmem::FindIter<'a, 'a>),
}

pub fn matches<'a>(hay: &'a str, needle: &'a str) -> Matches<'a> {
    match needle.as_bytes() {
        [b] => Matches::Byte(memchr::memchr_iter(*b, hay.as_bytes())),
        n => Matches::Sub(memmem::find_iter(hay.as_bytes(), n)),
    }
}

impl Iterator for Matches<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Matches::Byte(it) => it.next(),
            Matches::Sub(it) => it.next(),
        }
    }
}

/// The non-overlapping occurrences of a non-empty `needle`, right to left
/// (what `rsplit` sees: `"aaa".rsplit("aa")` splits at 1, not 0).
pub enum RMatches<'a> {
    Byte(memchr::Memchr<'a>),
    Sub(memmem::FindRevIter<'a, 'a>),
}

pub fn rmatches<'a>(hay: &'a str, needle: &'a str) -> RMatches<'a> {
    match needle.as_bytes() {
        [b] => RMatches::Byte(memchr::memchr_iter(*b, hay.as_bytes())),
        n => RMatches::Sub(memmem::rfind_iter(hay.as_bytes(), n)),
    }
}

impl Iterator for RMatches<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            RMatches::Byte(it) => it.next_back(),
            RMatches::Sub(it) => it.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_like_core() {
        let long = "ab".repeat(40) + "abc";
        for (hay, needle) in [
            ("a|b|c", "|"),
            ("héllo wörld", "ö"),
            ("abcabc", "ca"),
            ("", "x"),
            ("abc", ""),
            ("aaaa", "aa"),
            ("ab", "abc"),
            ("xab", "ab"),
            (&long, "abc"),
        ] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            assert_eq!(rfind(hay, needle), hay.rfind(needle), "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn non_overlapping_both_ways() {
        assert_eq!(matches("aaaaa", "aa").collect::<Vec<_>>(), [0, 2]);
        assert_eq!(rmatches("aaaaa", "aa").collect::<Vec<_>>(), [3, 1]);
        assert_eq!(rmatches("a,b,c", ",").collect::<Vec<_>>(), [3, 1]);
    }
}
