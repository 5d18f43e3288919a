//! A running code object's state: local slots, cells, namespaces.

use crate::compile::ir::Code;
use crate::runtime::gc;
use crate::runtime::object::{CellObj, Dict};
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::rc::Rc;

pub struct Frame<'s> {
    pub code: Rc<Code>,
    /// Local variables by slot; `None` is unbound. The storage belongs to
    /// the caller (`Slots` on the Rust stack for a call) or to the generator
    /// that owns the frame, which keeps exactly as many as the code needs.
    pub slots: &'s mut [Option<Value>],
    /// Free variables (from the closure) first, then the frame's own cells.
    pub cells: Box<[Rc<CellObj>]>,
    pub globals: Rc<Dict>,
    /// The namespace of a class body or of `exec` with separate locals.
    pub locals: Option<Rc<Dict>>,
    /// The line of the statement being executed, for tracebacks.
    pub line: u32,
}

/// The slots of a call: inline for all but the largest functions.
pub type Slots = SmallVec<[Option<Value>; 8]>;

/// Unbound slots for every local of `code`.
#[inline(always)]
pub fn slots_for(code: &Code) -> Slots {
    let n = code.slot_names.len();
    let mut slots = Slots::new();
    if n > 8 {
        slots.reserve_exact(n);
    }
    for _ in 0..n {
        slots.push(None);
    }
    slots
}

impl<'s> Frame<'s> {
    /// A frame for `code` over `slots`; `closure` supplies the free
    /// variables' cells, and the frame's own cells are fresh.
    #[inline(always)]
    pub fn new(
        code: Rc<Code>,
        globals: Rc<Dict>,
        locals: Option<Rc<Dict>>,
        closure: &[Rc<CellObj>],
        slots: &'s mut [Option<Value>],
    ) -> Frame<'s> {
        let line = code.first_line;
        let n_cells = code.cell_names.len();
        let cells = if n_cells == 0 { Box::default() } else { new_cells(closure, n_cells) };
        Frame { code, slots, cells, globals, locals, line }
    }
}

fn new_cells(closure: &[Rc<CellObj>], n: usize) -> Box<[Rc<CellObj>]> {
    let mut cells = Vec::with_capacity(n);
    cells.extend(closure.iter().cloned());
    for _ in closure.len()..n {
        cells.push(gc::new(CellObj::new(None)));
    }
    cells.into_boxed_slice()
}
