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
    /// Free variables (from the closure) first, then the frame's own
    /// cells; held like the slots.
    pub cells: &'s mut [Rc<CellObj>],
    pub globals: Rc<Dict>,
    /// The namespace of a class body or of `exec` with separate locals.
    pub locals: Option<Rc<Dict>>,
    /// The line of the statement being executed, for tracebacks.
    pub line: u32,
}

/// The slots of a call: inline for all but the largest functions.
pub type Slots = SmallVec<[Option<Value>; 8]>;

/// The cells of a call.
pub type Cells = SmallVec<[Rc<CellObj>; 4]>;

/// The cells of a frame of `code`: the closure's, then fresh ones for the
/// frame's own.
#[inline(always)]
pub fn cells_for(code: &Code, closure: &[Rc<CellObj>]) -> Cells {
    let n = code.cell_names.len();
    let mut cells = Cells::new();
    if n != 0 {
        cells.extend(closure.iter().cloned());
        for _ in closure.len()..n {
            cells.push(gc::new(CellObj::new(None)));
        }
    }
    cells
}

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
    /// A frame for `code` over `slots` and `cells` (see `slots_for` and
    /// `cells_for`).
    #[inline(always)]
    pub fn new(
        code: Rc<Code>,
        globals: Rc<Dict>,
        locals: Option<Rc<Dict>>,
        slots: &'s mut [Option<Value>],
        cells: &'s mut [Rc<CellObj>],
    ) -> Frame<'s> {
        let line = code.first_line;
        Frame { code, slots, cells, globals, locals, line }
    }
}
