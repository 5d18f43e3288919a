//! The interpreter state that belongs to one OS thread (call depth, machine
//! stack bounds, the exceptions being handled, reprs in progress, the
//! current `contextvars` context): it lives
//! in the `Vm` while its thread holds the GIL and on that thread's stack
//! while it does not.

use super::Vm;
use crate::runtime::object::{Dict, Instance};
use crate::runtime::value::Value;
use std::collections::HashSet;
use std::rc::Rc;

pub struct ThreadState {
    depth: usize,
    stack_base: usize,
    stack_size: usize,
    handling: Vec<Rc<Instance>>,
    repr_stack: HashSet<i64>,
    /// The thread's current `contextvars` context (each thread has its own,
    /// as in CPython); None while the module is not loaded.
    context: Option<Value>,
    frames: super::frame::SavedChain,
}

impl Vm {
    fn take_thread_state(&self) -> ThreadState {
        ThreadState {
            depth: self.depth.get(),
            stack_base: self.stack_base.get(),
            stack_size: self.stack_size.get(),
            handling: std::mem::take(&mut *self.handling.borrow_mut()),
            repr_stack: std::mem::take(&mut *self.repr_stack.borrow_mut()),
            context: self.contextvars_globals().and_then(|g| g.get_str(&self.intern("_current"))),
            frames: self.frames.take(),
        }
    }

    /// The globals of `contextvars`, which keeps the current context in
    /// `_current`, if the module is loaded.
    fn contextvars_globals(&self) -> Option<Rc<Dict>> {
        match self.modules.get_str(&self.intern("contextvars")) {
            Some(Value::Module(m)) => Some(m.dict.clone()),
            _ => None,
        }
    }

    fn put_thread_state(&self, s: ThreadState) {
        self.depth.set(s.depth);
        self.set_stack(s.stack_base, s.stack_size);
        *self.handling.borrow_mut() = s.handling;
        *self.repr_stack.borrow_mut() = s.repr_stack;
        self.frames.put(s.frames);
        if let (Some(ctx), Some(g)) = (s.context, self.contextvars_globals()) {
            g.set_str(self.intern("_current"), ctx);
        }
    }

    /// Installs the state of a thread that starts running Python code; its
    /// stack begins near `stack_base`.
    pub(crate) fn enter_new_thread(&self, stack_base: usize, stack_size: usize) {
        self.put_thread_state(ThreadState {
            depth: 0,
            stack_base,
            stack_size,
            handling: Vec::new(),
            repr_stack: HashSet::new(),
            context: None,
            frames: super::frame::FrameChain::default().take(),
        });
        // A new thread starts in a new, empty context.
        if let Some(g) = self.contextvars_globals() {
            let fresh = g.get_str(&self.intern("Context")).map(|class| self.call(&class, &[], &[]));
            if let Some(Ok(ctx)) = fresh {
                g.set_str(self.intern("_current"), ctx);
            }
        }
    }

    /// Drops what a finishing thread leaves behind, while it holds the GIL.
    pub(crate) fn leave_thread(&self) {
        drop(self.take_thread_state());
    }

    /// Runs `f`, which touches no interpreter object (it is `Send`, so it
    /// cannot hold an `Rc`), with the GIL released so that other Python
    /// threads run meanwhile: blocking calls (sleeps, lock waits, I/O) go
    /// through here.
    pub fn allow_threads<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        if !self.gil.is_threaded() {
            return f();
        }
        let saved = self.take_thread_state();
        if !self.gil.release() {
            self.put_thread_state(saved);
            return f();
        }
        let r = f();
        self.gil.acquire();
        self.put_thread_state(saved);
        r
    }

    /// Hands the GIL to the threads waiting for it (`Vm::safe_point`).
    #[cold]
    #[inline(never)]
    pub(crate) fn switch_threads(&self) {
        let saved = self.take_thread_state();
        self.gil.yield_to_waiters();
        self.put_thread_state(saved);
    }
}
