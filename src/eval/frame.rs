//! A running code object's state: local slots, cells, namespaces.

use crate::compile::ir::Code;
use crate::runtime::gc;
use crate::runtime::object::{CellObj, Dict};
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::rc::Rc;

pub struct Frame {
    pub code: Rc<Code>,
    /// Local variables by slot; `None` is unbound.
    pub slots: InlineVec<[Option<Value>; 8]>,
    /// Free variables (from the closure) first, then the frame's own cells.
    pub cells: Box<[Rc<CellObj>]>,
    pub globals: Rc<Dict>,
    /// The namespace of a class body or of `exec` with separate locals.
    pub locals: Option<Rc<Dict>>,
    /// The line of the statement being executed, for tracebacks.
    pub line: u32,
}

impl Frame {
    /// A frame for `code`; `closure` supplies the free variables' cells.
    pub fn new(code: Rc<Code>, globals: Rc<Dict>, locals: Option<Rc<Dict>>, closure: &[Rc<CellObj>]) -> Frame {
        let mut frame = Frame::bare(code, globals, locals);
        frame.fill(closure);
        frame
    }

    /// A frame with no slots yet: `fill` them where the frame will stay.
    /// (Built and filled in one function, the frame is copied on return,
    /// a 200-byte memcpy on every call.)
    #[inline(always)]
    pub fn bare(code: Rc<Code>, globals: Rc<Dict>, locals: Option<Rc<Dict>>) -> Frame {
        let line = code.first_line;
        Frame { slots: InlineVec(SmallVec::new()), cells: Box::default(), code, globals, locals, line }
    }

    /// Unbound slots for every local and the cells: the closure's, then
    /// fresh ones for the frame's own.
    #[inline(always)]
    pub fn fill(&mut self, closure: &[Rc<CellObj>]) {
        let n = self.code.slot_names.len();
        if n > 8 {
            self.slots.0.reserve_exact(n);
        }
        for _ in 0..n {
            self.slots.0.push(None);
        }
        let n_cells = self.code.cell_names.len();
        if n_cells != 0 {
            let mut cells = Vec::with_capacity(n_cells);
            cells.extend(closure.iter().cloned());
            for _ in closure.len()..n_cells {
                cells.push(gc::new(CellObj::new(None)));
            }
            self.cells = cells.into_boxed_slice();
        }
    }
}

/// A `SmallVec` whose indexing always inlines: slot access is the
/// evaluator's most frequent operation, and `SmallVec`'s own `Index` is
/// not marked inline.
pub struct InlineVec<A: smallvec::Array>(pub SmallVec<A>);

impl<A: smallvec::Array> std::ops::Deref for InlineVec<A> {
    type Target = [A::Item];
    #[inline(always)]
    fn deref(&self) -> &[A::Item] {
        &self.0
    }
}

impl<A: smallvec::Array> std::ops::DerefMut for InlineVec<A> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [A::Item] {
        &mut self.0
    }
}

impl<A: smallvec::Array> std::ops::Index<usize> for InlineVec<A> {
    type Output = A::Item;
    #[inline(always)]
    fn index(&self, i: usize) -> &A::Item {
        &(*self.0)[i]
    }
}

impl<A: smallvec::Array> std::ops::IndexMut<usize> for InlineVec<A> {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut A::Item {
        &mut (*self.0)[i]
    }
}
