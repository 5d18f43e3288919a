//! A running code object's state: local slots, cells, namespaces.

use crate::compile::ir::Code;
use crate::runtime::gc;
use crate::runtime::object::{CellObj, Dict};
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::cell::Cell;
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
    /// What `sys._getframe` sees of the frame, its current line included.
    pub rec: &'s FrameRecord<'s>,
}

impl Frame<'_> {
    /// The line of the statement being executed, for tracebacks.
    #[inline(always)]
    pub fn line(&self) -> u32 {
        self.rec.line.get()
    }

    #[inline(always)]
    pub fn set_line(&self, line: u32) {
        self.rec.line.set(line)
    }
}

/// The part of a running frame that the frames below it on the stack can
/// see (`sys._getframe`, `f_back`): its code, globals and current line.
///
/// Records live on the Rust stack beside their `Frame`, which borrows them
/// shared; while the frame runs, its record is linked into the chain of
/// running frames of the thread holding the GIL (`FrameChain`), innermost
/// first. Only shared data is reachable through the chain: the slots stay
/// behind the frame's `&mut`, so the locals of an outer function frame are
/// not readable from it.
pub struct FrameRecord<'s> {
    pub code: &'s Rc<Code>,
    pub globals: &'s Rc<Dict>,
    line: Cell<u32>,
    back: Cell<*const FrameRecord<'static>>,
}

impl<'s> FrameRecord<'s> {
    #[inline(always)]
    pub fn new(code: &'s Rc<Code>, globals: &'s Rc<Dict>) -> FrameRecord<'s> {
        FrameRecord { code, globals, line: Cell::new(code.first_line), back: Cell::new(std::ptr::null()) }
    }

    #[inline(always)]
    pub fn set_line(&self, line: u32) {
        self.line.set(line)
    }

    /// Makes this the innermost running frame of `chain` until the guard
    /// is dropped.
    #[inline(always)]
    pub fn link<'r>(&'r self, chain: &'r FrameChain) -> Linked<'r> {
        let this = self as *const FrameRecord<'s> as *const FrameRecord<'static>;
        let back = chain.innermost.replace(this);
        self.back.set(back);
        Linked { chain, back, _record: std::marker::PhantomData }
    }
}

/// The chain of running frames, kept in the `Vm` for the thread that holds
/// the GIL: a thread that releases it takes its chain along (with the rest
/// of its `ThreadState`), so the chain only ever holds records on the
/// stack of the thread running Python code.
pub struct FrameChain {
    innermost: Cell<*const FrameRecord<'static>>,
}

impl Default for FrameChain {
    fn default() -> FrameChain {
        FrameChain { innermost: Cell::new(std::ptr::null()) }
    }
}

impl FrameChain {
    /// Takes the chain out (a thread releasing the GIL); `put` restores it.
    pub fn take(&self) -> SavedChain {
        SavedChain(self.innermost.replace(std::ptr::null()))
    }

    pub fn put(&self, saved: SavedChain) {
        self.innermost.set(saved.0);
    }

    /// The running frames from the innermost outwards, skipping `depth` of
    /// them; copied out, so nothing borrowed escapes.
    pub fn frames(&self, depth: usize) -> Vec<FrameView> {
        let mut out = Vec::new();
        let mut cur = self.innermost.get();
        let mut skip = depth;
        while !cur.is_null() {
            // SAFETY: a record is in the chain only while its `Linked`
            // guard lives, and the guard borrows the record, so every
            // pointer in the chain is to a live record (a thread's records
            // leave the chain with it when it releases the GIL); records
            // are only read through shared references (their mutable part
            // is in `Cell`s).
            let rec = unsafe { &*cur };
            if skip == 0 {
                out.push(FrameView { code: rec.code.clone(), globals: rec.globals.clone(), line: rec.line.get() });
            } else {
                skip -= 1;
            }
            cur = rec.back.get();
        }
        out
    }
}

/// A thread's chain while it does not hold the GIL.
pub struct SavedChain(*const FrameRecord<'static>);

/// A record's place in the chain; dropping it unlinks the record. It
/// borrows the record, so the record outlives its time in the chain.
pub struct Linked<'r> {
    chain: &'r FrameChain,
    back: *const FrameRecord<'static>,
    _record: std::marker::PhantomData<&'r ()>,
}

impl Drop for Linked<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.chain.innermost.set(self.back);
    }
}

/// The slots of a call: inline for all but the largest functions.
pub type Slots = SmallVec<[Option<Value>; 8]>;

/// The cells of a call.
pub type Cells = SmallVec<[Rc<CellObj>; 4]>;

/// What a running frame shows: its code, globals and line.
pub struct FrameView {
    pub code: Rc<Code>,
    pub globals: Rc<Dict>,
    pub line: u32,
}

impl<'s> Frame<'s> {
    /// A frame for `rec`'s code whose storage is `slots` and `cells`
    /// (empty; on the caller's stack, filled here so that nothing is
    /// copied): unbound slots for every local, the closure's cells, then
    /// fresh ones for the frame's own.
    #[inline(always)]
    pub fn new(
        rec: &'s FrameRecord<'s>,
        locals: Option<Value>,
        closure: &[Rc<CellObj>],
        slots: &'s mut Slots,
        cells: &'s mut Cells,
    ) -> Frame<'s> {
        let n = rec.code.slot_names.len();
        if n > 8 {
            slots.reserve_exact(n);
        }
        for _ in 0..n {
            slots.push(None);
        }
        let n_cells = rec.code.cell_names.len();
        if n_cells != 0 {
            fill_cells(cells, closure, n_cells);
        }
        Frame::over(rec, locals, slots, cells)
    }

    /// A frame over storage that is already filled (a generator's).
    #[inline(always)]
    pub fn over(rec: &'s FrameRecord<'s>, locals: Option<Value>, slots: &'s mut [Option<Value>], cells: &'s mut [Rc<CellObj>]) -> Frame<'s> {
        Frame { code: rec.code, slots, cells, globals: rec.globals, locals, rec }
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
    if code.cell_names.is_empty() {
        return Box::new([]);
    }
    let mut cells = Cells::new();
    fill_cells(&mut cells, closure, code.cell_names.len());
    cells.into_vec().into_boxed_slice()
}

impl super::Vm {
    /// A frame object as scripts see it (`sys._getframe`, `gi_frame`): a
    /// snapshot of where a frame is, with `f_back` already made.
    pub fn frame_object(&self, code: &Rc<Code>, line: u32, globals: Option<&Rc<Dict>>, back: Value) -> Value {
        use crate::runtime::object::{Layout, NativeObj, Payload};
        let known = self.types.iterators.borrow().get("frame").cloned();
        let class = known.unwrap_or_else(|| {
            let c = crate::runtime::types::new_class(&self.interner, "frame", Some(&self.types.object), Layout::Value, None);
            self.types.iterators.borrow_mut().insert("frame", c.clone());
            c
        });
        let frame = self.instance_with(&class, Payload::None);
        if let Some(d) = &frame.dict {
            let code_object = NativeObj { class: self.iterator_class("code"), data: std::cell::RefCell::new(Box::new(code.clone())) };
            let set = |name: &str, v: Value| d.set_str(self.intern(name), v);
            set("f_code", Value::Native(Rc::new(code_object)));
            set("f_lineno", Value::Int(line as i64));
            set("f_back", back);
            set("f_trace", Value::None);
            set("f_builtins", Value::Dict(self.builtins.clone()));
            if let Some(g) = globals {
                set("f_globals", Value::Dict(g.clone()));
                // Module frames run in their globals; the locals of other
                // frames are not readable from below (see `FrameRecord`).
                let locals = if code.kind == crate::compile::ir::CodeKind::Module { Value::Dict(g.clone()) } else { Value::Dict(gc::new(Dict::new())) };
                set("f_locals", locals);
            }
        }
        Value::Instance(frame)
    }

    /// `sys._getframe(depth)`: the running frame `depth` calls out from
    /// the caller, with its `f_back` chain.
    pub fn running_frame(&self, depth: usize) -> Option<Value> {
        let views = self.frames.frames(depth);
        if views.is_empty() {
            return None;
        }
        let mut back = Value::None;
        for v in views.iter().rev() {
            back = self.frame_object(&v.code, v.line, Some(&v.globals), back);
        }
        Some(back)
    }
}
