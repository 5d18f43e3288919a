//! Interned strings: identifiers and attribute names share one `Str` each,
//! so name comparisons are usually a pointer comparison and hashes are
//! computed once.

use super::str::Str;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Default)]
pub struct Interner {
    table: RefCell<HashMap<Box<str>, Rc<Str>>>,
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
}
