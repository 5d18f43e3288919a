//! Iterators implemented natively: over builtin containers, and the lazy
//! builtins (`enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(f, s)`).
//! Advancing one needs the interpreter (`eval::iterate`).

use super::value::Value;
use std::cell::RefCell;

pub struct NativeIter {
    pub state: RefCell<IterState>,
    /// The Python type name (`list_iterator`, `zip`, ...).
    pub type_name: &'static str,
}

pub enum IterState {
    /// A list, tuple, str, bytes or bytearray by index.
    Seq { seq: Value, pos: usize },
    Range { next: i64, step: i64, remaining: i64 },
    /// A range whose bounds or length leave i64 (`longrange_iterator`).
    LongRange { next: i128, step: i128, remaining: i128 },
    /// Over a dict's keys (0), values (1) or items (2), in insertion order.
    Dict { dict: Value, pos: usize, version: u64, len: usize, what: u8 },
    /// A snapshot of items (sets iterate a snapshot after a mutation check).
    Items { items: Vec<Value>, pos: usize, source: Value, len: usize },
    Enumerate { it: Value, count: Value },
    /// The iterators are shared with each step in progress (advancing them
    /// runs code that may touch this iterator), not copied per item.
    Zip { its: std::rc::Rc<[Value]>, strict: bool },
    Map { func: Value, its: std::rc::Rc<[Value]> },
    Filter { func: Value, it: Value },
    Reversed { seq: Value, pos: usize },
    Callable { func: Value, sentinel: Value },
    /// The old sequence protocol: `__getitem__(0)`, `(1)`, ... until IndexError.
    GetItem { obj: Value, index: i64 },
    Done,
}

impl NativeIter {
    pub fn new(type_name: &'static str, state: IterState) -> NativeIter {
        NativeIter { state: RefCell::new(state), type_name }
    }
}
