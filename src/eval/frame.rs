//! A running code object's state: local slots, cells, namespaces.

use crate::compile::ir::Code;
use crate::runtime::gc;
use crate::runtime::object::{CellObj, Dict};
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::rc::Rc;

pub struct Frame<'s> {
    /// Borrowed from the function (or module, class body) being run, which
    /// outlives the frame: a call costs no reference-count traffic for them.
    pub code: &'s Rc<Code>,
    /// Local variables by slot; `None` is unbound. The storage belongs to
    /// the caller (`Slots` on the Rust stack for a call) or to the generator
    /// that owns the frame, which keeps exactly as many as the code needs.
    pub slots: &'s mut [Option<Value>],
    /// Free variables (from the closure) first, then the frame's own
    /// cells; held like the slots.
    pub cells: &'s mut [Rc<CellObj>],
    pub globals: &'s Rc<Dict>,
    /// The namespace of a class body or of `exec` with separate locals: a
    /// dict, or any mapping `exec` was given (reached by `__getitem__`,
    /// `__setitem__` and `__delitem__`).
    pub locals: Option<Value>,
    /// The line of the statement being executed, for tracebacks.
    pub line: u32,
}

/// The slots of a call: inline for all but the largest functions.
pub type Slots = SmallVec<[Option<Value>; 8]>;

/// The cells of a call.
pub type Cells = SmallVec<[Rc<CellObj>; 4]>;

impl<'s> Frame<'s> {
    /// A frame for `code` whose storage is `slots` and `cells` (empty; on
    /// the caller's stack, filled here so that nothing is copied): unbound
    /// slots for every local, the closure's cells, then fresh ones for the
    /// frame's own.
    #[inline(always)]
    pub fn new(
        code: &'s Rc<Code>,
        globals: &'s Rc<Dict>,
        locals: Option<Value>,
        closure: &[Rc<CellObj>],
        slots: &'s mut Slots,
        cells: &'s mut Cells,
    ) -> Frame<'s> {
        let n = code.slot_names.len();
        if n > 8 {
            slots.reserve_exact(n);
        }
        for _ in 0..n {
            slots.push(None);
        }
        let n_cells = code.cell_names.len();
        if n_cells != 0 {
            fill_cells(cells, closure, n_cells);
        }
        Frame::over(code, globals, locals, slots, cells)
    }

    /// A frame over storage that is already filled (a generator's).
    #[inline(always)]
    pub fn over(
        code: &'s Rc<Code>,
        globals: &'s Rc<Dict>,
        locals: Option<Value>,
        slots: &'s mut [Option<Value>],
        cells: &'s mut [Rc<CellObj>],
    ) -> Frame<'s> {
        let line = code.first_line;
        Frame { code, slots, cells, globals, locals, line }
    }
}

#[inline(never)]
fn fill_cells(cells: &mut Cells, closure: &[Rc<CellObj>], n: usize) {
    cells.extend(closure.iter().cloned());
    for _ in closure.len()..n {
        cells.push(gc::new(CellObj::new(None)));
    }
}

/// The cells of a generator's frame: the closure's, then fresh ones.
pub fn new_cells(code: &Code, closure: &[Rc<CellObj>]) -> Box<[Rc<CellObj>]> {
    let mut cells = Cells::new();
    fill_cells(&mut cells, closure, code.cell_names.len());
    cells.into_vec().into_boxed_slice()
}
