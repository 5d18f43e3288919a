//! Interned strings: identifiers and attribute names share one `Str` each,
//! so name comparisons are usually a pointer comparison and hashes are
//! computed once.

use super::str::Str;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

pub struct Interner {
    table: RefCell<HashMap<Box<str>, Rc<Str>>>,
    /// The one-character strings below U+0100, found without hashing: string
    /// indexing and iteration make them all the time (CPython caches the
    /// same range).
    latin1: [OnceCell<Rc<Str>>; 256],
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            table: RefCell::default(),
            latin1: std::array::from_fn(|_| OnceCell::new()),
        }
    }
}

impl Interner {
    pub fn intern(&self, s: &str) -> Rc<Str> {
        if let Some(v) = self.table.borrow().get(s) {
            return v.clone();
        }
        let v = Rc::new(Str::new(s));
        v.hash();
        v.mark_interned();
        self.table.borrow_mut().insert(s.into(), v.clone());
        v
    }

    /// The interned one-character string `c`.
    pub fn char(&self, c: char) -> Rc<Str> {
        let mut buf = [0u8; 4];
        match self.latin1.get(c as usize) {
            Some(cell) => cell
                .get_or_init(|| self.intern(c.encode_utf8(&mut buf)))
                .clone(),
            None => self.intern(c.encode_utf8(&mut buf)),
        }
    }
}
