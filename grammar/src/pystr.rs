//! Python `str` values as the AST holds them.
//!
//! A Python string is a sequence of code points and may hold lone surrogates
//! (`'\ud800'`), which Rust's `str` cannot. Nearly every literal is valid
//! UTF-8 and stays a plain `Box<str>`; the rare one with a surrogate is kept as
//! code points.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PyStr {
    Utf8(Box<str>),
    /// Holds at least one lone surrogate.
    CodePoints(Box<[u32]>),
}

impl PyStr {
    /// The text, when it has no lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PyStr::Utf8(text) => Some(text),
            PyStr::CodePoints(_) => None,
        }
    }

    pub fn code_points(&self) -> CodePoints<'_> {
        match self {
            PyStr::Utf8(text) => CodePoints::Utf8(text.chars()),
            PyStr::CodePoints(points) => CodePoints::Raw(points.iter()),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            PyStr::Utf8(text) => text.is_empty(),
            PyStr::CodePoints(points) => points.is_empty(),
        }
    }
}

impl From<&str> for PyStr {
    fn from(text: &str) -> PyStr {
        PyStr::Utf8(text.into())
    }
}

impl From<String> for PyStr {
    fn from(text: String) -> PyStr {
        PyStr::Utf8(text.into_boxed_str())
    }
}

/// Iterator over the code points of a [`PyStr`].
#[derive(Clone)]
pub enum CodePoints<'a> {
    Utf8(std::str::Chars<'a>),
    Raw(std::slice::Iter<'a, u32>),
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        match self {
            CodePoints::Utf8(chars) => chars.next().map(u32::from),
            CodePoints::Raw(points) => points.next().copied(),
        }
    }
}

/// Builds a [`PyStr`]: UTF-8 until the first lone surrogate, code points after.
#[derive(Clone, Debug, Default)]
pub struct PyStrBuf {
    text: String,
    /// Set once a surrogate arrives; then it holds everything.
    points: Option<Vec<u32>>,
}

impl PyStrBuf {
    pub fn new() -> PyStrBuf {
        PyStrBuf::default()
    }

    pub fn push(&mut self, c: char) {
        match &mut self.points {
            None => self.text.push(c),
            Some(points) => points.push(c.into()),
        }
    }

    pub fn push_str(&mut self, text: &str) {
        match &mut self.points {
            None => self.text.push_str(text),
            Some(points) => points.extend(text.chars().map(u32::from)),
        }
    }

    /// Appends a lone surrogate (0xD800..=0xDFFF). Two pushed in a row stay
    /// two code points, as in Python.
    pub fn push_surrogate(&mut self, surrogate: u32) {
        self.points.get_or_insert_with(|| self.text.chars().map(u32::from).collect()).push(surrogate);
    }

    pub fn push_py_str(&mut self, value: &PyStr) {
        match value {
            PyStr::Utf8(text) => self.push_str(text),
            PyStr::CodePoints(points) => {
                self.points.get_or_insert_with(|| self.text.chars().map(u32::from).collect()).extend(points.iter());
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.points {
            None => self.text.is_empty(),
            Some(points) => points.is_empty(),
        }
    }

    /// The string built so far; the buffer is left empty.
    pub fn take(&mut self) -> PyStr {
        match self.points.take() {
            None => PyStr::Utf8(std::mem::take(&mut self.text).into_boxed_str()),
            Some(points) => {
                self.text.clear();
                PyStr::CodePoints(points.into_boxed_slice())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_utf8_without_surrogates() {
        let mut buf = PyStrBuf::new();
        buf.push_str("ab");
        buf.push('é');
        assert_eq!(buf.take(), PyStr::Utf8("abé".into()));
        assert!(buf.is_empty());
    }

    #[test]
    fn surrogates_switch_to_code_points() {
        let mut buf = PyStrBuf::new();
        buf.push_str("a");
        buf.push_surrogate(0xD83D);
        buf.push_surrogate(0xDE00);
        buf.push('b');
        let value = buf.take();
        assert_eq!(value, PyStr::CodePoints(vec![0x61, 0xD83D, 0xDE00, 0x62].into_boxed_slice()));
        assert_eq!(value.as_str(), None);
        assert_eq!(value.code_points().count(), 4);
    }
}
