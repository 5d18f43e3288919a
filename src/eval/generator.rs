//! Generator, coroutine and async generator objects.
//!
//! The object owns its frame. Resuming it runs the frame's body on the
//! resumable path (`eval::resume`) from where it suspended; suspending
//! leaves the resume position, the iterator a `yield from`/`await` is
//! delegating to, and the exceptions the frame was handling in the object.
//! While it delegates, `send`/`throw` go straight to the delegate (as
//! CPython's `gi_yieldfrom`), and the frame is only re-entered when the
//! delegate finishes.
//!
//! An unfinished generator that is freed, or found in unreachable garbage
//! by the cycle collector, is handed to the interpreter's `Orphans`, which
//! closes it (its `finally` blocks run) at the next statement boundary:
//! dropping happens inside container updates, where no Python code may run.
//! A coroutine freed before it ever ran is reported as never awaited.
//! Nothing here refers to the interpreter itself: a generator kept by a
//! host after its interpreter is gone is only dropped.

use super::exec::Flow;
use super::resume::{Cursor, ResumePath};
use super::{Frame, Vm};
use crate::compile::ir::{Code, CodeKind};
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub enum Resume {
    Send(Value),
    Throw(PyErr),
}

pub enum GenStep {
    /// Suspended, yielding a value (for an async generator: from an `await`).
    Yielded(Value),
    /// An async generator's own `yield`.
    Produced(Value),
    /// Finished, returning a value.
    Returned(Value),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// What a suspended frame keeps: the parts of its `Frame`, with exactly
/// as many slots as its code needs, and where to resume.
pub(crate) struct Suspended {
    pub code: Rc<Code>,
    pub globals: Rc<Dict>,
    pub slots: Box<[Option<Value>]>,
    pub cells: Box<[Rc<CellObj>]>,
    /// The line it suspended at.
    pub line: u32,
    pub path: ResumePath,
    /// The iterator a `yield from`/`await` is delegating to.
    pub delegate: Option<Value>,
    /// Exceptions the frame's handlers were handling when it suspended.
    pub handled: Option<Box<Vec<Rc<Instance>>>>,
}

pub struct Generator {
    pub kind: CodeKind,
    state: Cell<GenState>,
    pub name: Rc<Str>,
    pub qualname: Rc<Str>,
    /// Kept after the body is gone: a finished coroutine still has a
    /// `cr_code` (task reprs show where it was defined).
    code: Rc<Code>,
    /// The frame and what it needs to resume; `None` once finished. Boxed,
    /// so that a freed generator's frame moves to the orphans as a pointer.
    pub(crate) body: RefCell<Option<Box<Suspended>>>,
    orphans: Rc<Orphans>,
    /// Async generators: the `sys.set_asyncgen_hooks` state.
    pub agen: Option<Box<AsyncGenState>>,
    pub gc: GcHeader,
}

#[derive(Default)]
pub struct AsyncGenState {
    /// The first-iteration hook was consulted.
    pub hooks_inited: Cell<bool>,
    /// Called instead of closing when the generator is freed unfinished.
    pub finalizer: RefCell<Option<Value>>,
    /// An `asend`/`athrow` awaitable is being driven.
    pub running_async: Cell<bool>,
    /// `aclose()` was called, or the generator finished by an exception.
    pub closed: Cell<bool>,
    /// The finalizer was called for it: it is not finalized again.
    pub finalized: Cell<bool>,
}

impl Generator {
    pub fn new(vm: &Vm, func: &Function, slots: Box<[Option<Value>]>, cells: Box<[Rc<CellObj>]>) -> Rc<Generator> {
        let kind = func.code.kind;
        let body = Suspended {
            code: func.code.clone(),
            globals: func.globals.clone(),
            slots,
            cells,
            line: func.code.first_line,
            path: ResumePath::default(),
            delegate: None,
            handled: None,
        };
        gc::new(Generator {
            kind,
            state: Cell::new(GenState::Created),
            name: func.name.borrow().clone(),
            qualname: func.qualname.borrow().clone(),
            code: func.code.clone(),
            body: RefCell::new(Some(Box::new(body))),
            orphans: vm.orphans.clone(),
            agen: (kind == CodeKind::AsyncGenerator).then(Box::default),
            gc: GcHeader::new(),
        })
    }

    pub fn state(&self) -> GenState {
        self.state.get()
    }

    pub fn is_running(&self) -> bool {
        self.state.get() == GenState::Running
    }

    pub fn is_finished(&self) -> bool {
        self.state.get() == GenState::Finished
    }

    pub fn is_delegating(&self) -> bool {
        self.body.try_borrow().is_ok_and(|b| b.as_ref().is_some_and(|b| b.delegate.is_some()))
    }

    /// `gi_yieldfrom` / `cr_await`.
    pub fn delegate(&self) -> Value {
        let body = self.body.try_borrow();
        body.ok().and_then(|b| b.as_ref().and_then(|b| b.delegate.clone())).unwrap_or(Value::None)
    }

    /// `gi_frame`: None once finished, else a snapshot of the frame's
    /// position (`f_lineno`, `f_code`); tulip keeps no frame objects.
    pub fn frame(&self, vm: &Vm) -> Value {
        let Ok(body) = self.body.try_borrow() else { return Value::None };
        let Some(body) = body.as_ref() else { return Value::None };
        let known = vm.types.iterators.borrow().get("frame").cloned();
        let class = known.unwrap_or_else(|| {
            let c = crate::runtime::types::new_class(&vm.interner, "frame", Some(&vm.types.object), Layout::Value, None);
            vm.types.iterators.borrow_mut().insert("frame", c.clone());
            c
        });
        let frame = vm.instance_with(&class, Payload::None);
        if let Some(d) = &frame.dict {
            let code = NativeObj { class: vm.iterator_class("code"), data: RefCell::new(Box::new(body.code.clone())) };
            d.set_str(vm.intern("f_lineno"), Value::Int(body.line as i64));
            d.set_str(vm.intern("f_code"), Value::Native(Rc::new(code)));
        }
        Value::Instance(frame)
    }

    /// `gi_code`/`cr_code`/`ag_code`: the body's code object.
    pub fn code_object(&self, vm: &Vm) -> Value {
        Value::Native(Rc::new(NativeObj { class: vm.iterator_class("code"), data: RefCell::new(Box::new(self.code.clone())) }))
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            CodeKind::Coroutine => "coroutine",
            CodeKind::AsyncGenerator => "async generator",
            _ => "generator",
        }
    }

    /// Runs the frame until its next suspension, its end, or an exception.
    pub fn resume(&self, vm: &Vm, input: Resume) -> PyResult<GenStep> {
        match self.state.get() {
            GenState::Running => return Err(vm.value_error(format!("{} already executing", self.kind_name()))),
            GenState::Finished => {
                // A finished coroutine refuses sends and throws alike (close()
                // returns before getting here).
                return match input {
                    _ if self.kind == CodeKind::Coroutine => Err(vm.runtime_error("cannot reuse already awaited coroutine")),
                    Resume::Send(_) if self.kind == CodeKind::AsyncGenerator => Err(vm.new_error("StopAsyncIteration", "")),
                    Resume::Send(_) => Ok(GenStep::Returned(Value::None)),
                    Resume::Throw(e) => Err(e),
                };
            }
            GenState::Created => match &input {
                Resume::Send(v) if !v.is_none() => {
                    return Err(vm.type_error(format!("can't send non-None value to a just-started {}", self.kind_name())));
                }
                Resume::Throw(e) => {
                    // Raised where the body would start.
                    let e = PyErr(e.0.clone());
                    if let Some(body) = self.finish() {
                        let id = &*body as *const Suspended as usize;
                        vm.push_traceback(&e, id, &body.code, body.line);
                    }
                    return Err(e);
                }
                Resume::Send(_) => {}
            },
            GenState::Suspended => {}
        }
        let depth = vm.depth.get();
        // Closing a chain of delegating generators is not limited by the
        // recursion limit (as in CPython), only by the machine stack.
        let closing = matches!(&input, Resume::Throw(e) if vm.err_is(e, "GeneratorExit"));
        let too_deep = if depth >= vm.recursion_limit.get() && !closing {
            Err(vm.new_error("RecursionError", "maximum recursion depth exceeded"))
        } else {
            vm.check_stack()
        };
        if let Err(e) = too_deep {
            // As in CPython, a frame that fails to start is finished, not
            // "never awaited".
            if self.state.get() == GenState::Created {
                drop(self.finish());
            }
            return Err(e);
        }
        vm.depth.set(depth + 1);
        let resuming = self.state.get() == GenState::Suspended;
        self.state.set(GenState::Running);
        let r = self.step(vm, input, resuming);
        vm.depth.set(depth);
        r
    }

    fn step(&self, vm: &Vm, mut input: Resume, resuming: bool) -> PyResult<GenStep> {
        let mut guard = self.body.borrow_mut();
        let Some(body) = guard.as_mut() else {
            self.state.set(GenState::Finished);
            return Ok(GenStep::Returned(Value::None));
        };
        if let Some(delegate) = &body.delegate {
            let step = match input {
                Resume::Send(v) => vm.send_to(delegate, v),
                Resume::Throw(e) => vm.throw_to(delegate, e),
            };
            match step {
                Ok(GenStep::Yielded(v)) | Ok(GenStep::Produced(v)) => {
                    self.state.set(GenState::Suspended);
                    return Ok(GenStep::Yielded(v));
                }
                Ok(GenStep::Returned(v)) => input = Resume::Send(v),
                Err(e) => input = Resume::Throw(e),
            }
            body.delegate = None;
        }
        let base = vm.handling.borrow().len();
        if let Some(handled) = body.handled.take() {
            vm.handling.borrow_mut().extend(*handled);
        }
        let code = body.code.clone();
        let mut cursor = Cursor {
            path: std::mem::take(&mut body.path),
            resuming,
            input: Some(input),
            yielded: Value::None,
            produced: false,
            delegate: None,
            kind: self.kind,
        };
        let body: &mut Suspended = body;
        let mut frame = Frame {
            code: code.clone(),
            slots: &mut body.slots,
            cells: &mut body.cells,
            globals: body.globals.clone(),
            locals: None,
            line: body.line,
        };
        let r = vm.run_block(&mut frame, &mut cursor, &code.body);
        if let Err(e) = &r {
            vm.add_traceback(e, &frame);
        }
        body.line = frame.line;
        if let Ok(Flow::Suspend) = r {
            let mut handling = vm.handling.borrow_mut();
            if handling.len() > base {
                body.handled = Some(Box::new(handling.split_off(base)));
            }
            body.path = cursor.path;
            body.delegate = cursor.delegate;
            self.state.set(GenState::Suspended);
            return Ok(if cursor.produced { GenStep::Produced(cursor.yielded) } else { GenStep::Yielded(cursor.yielded) });
        }
        vm.handling.borrow_mut().truncate(base);
        drop(guard);
        drop(self.finish());
        match r {
            Ok(Flow::Return(v)) => Ok(GenStep::Returned(v)),
            Ok(_) => Ok(GenStep::Returned(Value::None)),
            Err(e) => Err(self.escaping(vm, e)),
        }
    }

    /// PEP 479: StopIteration (and StopAsyncIteration in an async
    /// generator) must not escape a generator's frame.
    fn escaping(&self, vm: &Vm, e: PyErr) -> PyErr {
        let name = match self.kind {
            CodeKind::AsyncGenerator if vm.err_is(&e, "StopAsyncIteration") => "StopAsyncIteration",
            _ if vm.err_is(&e, "StopIteration") => "StopIteration",
            _ => {
                if let Some(agen) = &self.agen {
                    agen.closed.set(true);
                }
                return e;
            }
        };
        let err = vm.runtime_error(format!("{} raised {name}", self.kind_name()));
        if let Some(d) = err.0.exc() {
            let mut d = d.borrow_mut();
            d.cause = Value::Instance(e.0.clone());
            d.context = Value::Instance(e.0.clone());
            d.suppress_context = true;
        }
        err
    }

    /// Marks the generator finished and takes its frame, which the caller
    /// drops (CPython clears a finished frame).
    fn finish(&self) -> Option<Box<Suspended>> {
        self.state.set(GenState::Finished);
        self.body.try_borrow_mut().ok().and_then(|mut b| b.take())
    }

    /// `next(gen)`: `None` when the generator returns.
    pub fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        match self.resume(vm, Resume::Send(Value::None))? {
            GenStep::Yielded(v) | GenStep::Produced(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }

    /// `gen.close()`.
    pub fn close(&self, vm: &Vm) -> PyResult<()> {
        match self.state.get() {
            GenState::Finished => return Ok(()),
            GenState::Created => {
                drop(self.finish());
                return Ok(());
            }
            _ => {}
        }
        let exit = vm.new_exc(&vm.types.exc("GeneratorExit"), Vec::new());
        match self.resume(vm, Resume::Throw(exit)) {
            Ok(GenStep::Yielded(_)) | Ok(GenStep::Produced(_)) => {
                Err(vm.runtime_error(format!("{} ignored GeneratorExit", self.kind_name())))
            }
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e) if vm.err_is(&e, "GeneratorExit") || vm.err_is(&e, "StopIteration") => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// The cycle collector found this generator unreachable: a suspended
    /// frame is handed to the orphans to be closed (which frees what it
    /// references); a frame that never ran gives up its arguments.
    pub(crate) fn abandon(&self, out: &mut Vec<Value>) {
        match self.state.get() {
            GenState::Suspended => self.orphan(),
            GenState::Created => {
                if let Ok(mut body) = self.body.try_borrow_mut() {
                    if let Some(body) = body.as_mut() {
                        out.extend(std::mem::take(&mut body.slots).into_vec().into_iter().flatten());
                    }
                }
            }
            _ => {}
        }
    }

    fn orphan(&self) {
        let finalized = self.agen.as_ref().is_some_and(|a| a.finalized.get());
        if self.state.get() != GenState::Suspended || !self.orphans.accepting.get() || finalized {
            return;
        }
        let Some(taken) = self.body.try_borrow_mut().ok().and_then(|mut b| b.take()) else { return };
        self.state.set(GenState::Finished);
        let finalizer = self.agen.as_ref().and_then(|a| a.finalizer.borrow_mut().take());
        let orphan = Orphan { kind: self.kind, name: self.name.clone(), qualname: self.qualname.clone(), body: taken, finalizer };
        self.orphans.push(Box::new(orphan));
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        match self.state.get() {
            GenState::Created if self.kind == CodeKind::Coroutine && self.orphans.accepting.get() => {
                self.orphans.unawaited.borrow_mut().push(self.qualname.clone());
                self.orphans.pending.set(true);
            }
            GenState::Suspended => self.orphan(),
            _ => {}
        }
    }
}

/// A generator freed while suspended, waiting to be closed.
pub(crate) struct Orphan {
    kind: CodeKind,
    name: Rc<Str>,
    qualname: Rc<Str>,
    body: Box<Suspended>,
    finalizer: Option<Value>,
}

/// Generators freed unfinished, coroutines freed unawaited and reports of
/// other freed objects, dealt with
/// at the next statement boundary (`Vm::close_freed_generators`).
#[derive(Default)]
pub struct Orphans {
    pub pending: Cell<bool>,
    /// Cleared when the interpreter goes away: then nothing is queued.
    pub accepting: Cell<bool>,
    /// Boxed, so that freeing many generators at once (a list of them
    /// cleared) queues pointers, not copies of their frames.
    gens: RefCell<Vec<Box<Orphan>>>,
    unawaited: RefCell<Vec<Rc<Str>>>,
    /// Reports that objects freed meanwhile asked for (a future whose
    /// exception nobody retrieved): a callable and its arguments.
    reports: RefCell<Vec<(Value, Vec<Value>)>>,
}

impl Orphans {
    pub fn new() -> Rc<Orphans> {
        let o = Rc::new(Orphans::default());
        o.accepting.set(true);
        o
    }

    fn push(&self, o: Box<Orphan>) {
        self.gens.borrow_mut().push(o);
        self.pending.set(true);
    }

    /// Queues `report(*args)` for the next statement boundary (for an
    /// object being freed, which cannot run Python code itself).
    pub fn defer_report(&self, report: Value, args: Vec<Value>) {
        if self.accepting.get() {
            self.reports.borrow_mut().push((report, args));
            self.pending.set(true);
        }
    }

    /// Drops everything queued without running any code.
    pub fn shut_down(&self) {
        self.accepting.set(false);
        let gens = std::mem::take(&mut *self.gens.borrow_mut());
        drop(gens);
        self.unawaited.borrow_mut().clear();
        let reports = std::mem::take(&mut *self.reports.borrow_mut());
        drop(reports);
    }
}

impl Vm {
    /// Deals with the generators freed since the last call (see
    /// `Orphans`); called where no borrow is held: after expression,
    /// assignment and `for` statements, when a frame finishes and when an
    /// exception unwinds a block.
    #[inline(always)]
    pub fn close_freed_generators(&self) {
        if self.orphans.pending.get() {
            self.close_orphans();
        }
    }

    #[cold]
    #[inline(never)]
    fn close_orphans(&self) {
        self.orphans.pending.set(false);
        loop {
            let names = std::mem::take(&mut *self.orphans.unawaited.borrow_mut());
            for name in names {
                self.warn_unawaited(&name);
            }
            let reports = std::mem::take(&mut *self.orphans.reports.borrow_mut());
            for (report, args) in reports {
                if let Err(e) = self.call(&report, &args, &[]) {
                    self.report_unraisable(&e);
                }
            }
            let Some(o) = self.orphans.gens.borrow_mut().pop() else { break };
            let o = *o;
            // Not tracked: it is closed and dropped right here.
            let g = Rc::new(Generator {
                kind: o.kind,
                state: Cell::new(GenState::Suspended),
                name: o.name,
                qualname: o.qualname,
                code: o.body.code.clone(),
                body: RefCell::new(Some(o.body)),
                orphans: self.orphans.clone(),
                agen: (o.kind == CodeKind::AsyncGenerator).then(Box::default),
                gc: GcHeader::new(),
            });
            if let Some(finalizer) = o.finalizer {
                if let Some(a) = &g.agen {
                    a.hooks_inited.set(true);
                    a.finalized.set(true);
                }
                // asyncio's hook schedules `aclose()` on the event loop.
                if let Err(e) = self.call(&finalizer, &[Value::Generator(g.clone())], &[]) {
                    self.report_unraisable(&e);
                }
                continue;
            }
            if let Err(e) = g.close(self) {
                self.report_unraisable(&e);
            }
            // One that ignored GeneratorExit is not closed again.
            g.state.set(GenState::Finished);
        }
    }

    /// CPython's `RuntimeWarning: coroutine '...' was never awaited`,
    /// through the `warnings` module so that filters apply.
    fn warn_unawaited(&self, qualname: &Str) {
        let msg = format!("coroutine '{}' was never awaited", qualname.as_str());
        let warned = self.import_module("warnings").and_then(|w| {
            let warn = self.get_attr(&w, &self.intern("warn"))?;
            self.call(&warn, &[Value::string(msg.clone()), Value::Class(self.types.exc("RuntimeWarning"))], &[])
        });
        if let Err(e) = warned {
            self.report_unraisable(&e);
        }
    }

    pub fn make_generator(&self, func: &Rc<Function>, slots: Box<[Option<Value>]>, cells: Box<[Rc<CellObj>]>) -> Value {
        Value::Generator(Generator::new(self, func, slots, cells))
    }

    /// Prints an exception that cannot propagate (raised while closing a
    /// generator that is being freed), as CPython's "Exception ignored in".
    pub fn report_unraisable(&self, e: &PyErr) {
        self.flush_out();
        let text = self.format_exception_only(&e.0);
        eprintln!("Exception ignored in: <generator>\n{text}");
    }
}
