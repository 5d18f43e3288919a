//! A running code object's state: local slots, cells, namespaces.

use super::generator::GenChannel;
use crate::compile::ir::Code;
use crate::runtime::gc;
use crate::runtime::object::{CellObj, Dict};
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::rc::Rc;

pub struct Frame {
    pub code: Rc<Code>,
    /// Local variables by slot; `None` is unbound.
    pub slots: SmallVec<[Option<Value>; 8]>,
    /// Free variables (from the closure) first, then the frame's own cells.
    pub cells: SmallVec<[Rc<CellObj>; 4]>,
    pub globals: Rc<Dict>,
    /// The namespace of a class body or of `exec` with separate locals.
    pub locals: Option<Rc<Dict>>,
    /// The line of the statement being executed, for tracebacks.
    pub line: u32,
    /// Set for generator and coroutine frames: where yields are exchanged.
    pub gen: Option<Rc<GenChannel>>,
}

impl Frame {
    /// A frame for `code`; `closure` supplies the free variables' cells.
    #[inline(always)]
    pub fn new(code: Rc<Code>, globals: Rc<Dict>, locals: Option<Rc<Dict>>, closure: &[Rc<CellObj>]) -> Frame {
        let line = code.first_line;
        let mut frame = Frame { slots: SmallVec::new(), cells: SmallVec::new(), code, globals, locals, line, gen: None };
        // Filled in place: building the vectors first and moving them in
        // costs a copy of the inline storage on every call.
        let n = frame.code.slot_names.len();
        if n > 8 {
            frame.slots.reserve_exact(n);
        }
        for _ in 0..n {
            frame.slots.push(None);
        }
        let n_cells = frame.code.cell_names.len();
        if n_cells != 0 {
            frame.cells.extend(closure.iter().cloned());
            for _ in closure.len()..n_cells {
                frame.cells.push(gc::new(CellObj::new(None)));
            }
        }
        frame
    }
}
