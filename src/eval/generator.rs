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
use super::{Frame, FrameRecord, Vm};
use crate::compile::ir::CodeKind;
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

/// What a suspended frame keeps besides its function (which gives its code
/// and globals): exactly as many slots as its code needs, and where to
/// resume. Every suspended generator holds one, so it is kept small; what
/// few frames need is in `FrameExtra`.
#[derive(Default)]
pub(crate) struct GenFrame {
    pub slots: Box<[Option<Value>]>,
    /// The resume position, packed (see `ResumePath::pack`); `LONG_PATH`
    /// when it is in `extra.long_path`.
    path: u64,
    /// The iterator a `yield from`/`await` is delegating to.
    pub delegate: Option<Value>,
    pub extra: Option<Box<FrameExtra>>,
}

#[derive(Default)]
pub(crate) struct FrameExtra {
    /// The closure's cells, then the frame's own.
    pub cells: Box<[Rc<CellObj>]>,
    /// Exceptions the frame's handlers were handling when it suspended.
    pub handled: Vec<Rc<Instance>>,
    /// A resume position too long to pack.
    long_path: Option<ResumePath>,
}

const LONG_PATH: u64 = u64::MAX;

impl GenFrame {
    fn extra(&mut self) -> &mut FrameExtra {
        self.extra.get_or_insert_with(Box::default)
    }

    fn take_path(&mut self) -> ResumePath {
        if self.path == LONG_PATH {
            self.path = 0;
            return self.extra().long_path.take().unwrap_or_default();
        }
        ResumePath::unpack(std::mem::take(&mut self.path))
    }

    fn set_path(&mut self, path: ResumePath) {
        self.path = match path.pack() {
            Ok(word) => word,
            Err(long) => {
                self.extra().long_path = Some(long);
                LONG_PATH
            }
        };
    }

    pub fn cells(&self) -> &[Rc<CellObj>] {
        self.extra.as_ref().map_or(&[][..], |x| &x.cells)
    }

    pub fn handled(&self) -> &[Rc<Instance>] {
        self.extra.as_ref().map_or(&[][..], |x| &x.handled)
    }
}

pub struct Generator {
    pub kind: CodeKind,
    state: Cell<GenState>,
    /// The line the frame suspended at.
    line: Cell<u32>,
    /// The function it runs: its code, globals and names. (A function
    /// renamed while its generator lives renames the generator too.)
    pub func: Rc<Function>,
    /// Emptied once finished (CPython clears a finished frame).
    pub(crate) frame: RefCell<GenFrame>,
    orphans: Rc<Orphans>,
    /// Async generators: the `sys.set_asyncgen_hooks` state.
    pub agen: Option<Box<AsyncGenState>>,
    pub gc: GcHeader,
}

/// A generator as a `Value` holds it. The last one dropped while the
/// generator is suspended hands it to the orphans instead (the generator
/// object itself: queueing costs a pointer), so that it is closed at the
/// next statement boundary. Other owners (`Rc<Generator>`) fall back to
/// `Generator`'s own drop, which moves the frame out.
pub struct GenRef(pub Rc<Generator>);

impl Clone for GenRef {
    fn clone(&self) -> GenRef {
        GenRef(self.0.clone())
    }
}

impl std::ops::Deref for GenRef {
    type Target = Rc<Generator>;

    fn deref(&self) -> &Rc<Generator> {
        &self.0
    }
}

impl Drop for GenRef {
    fn drop(&mut self) {
        let g = &self.0;
        if Rc::strong_count(g) == 1 && g.state.get() == GenState::Suspended && g.wants_closing() {
            g.orphans.push(Orphan::Generator(g.clone()));
        }
    }
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
    pub fn new(vm: &Vm, func: &Rc<Function>, slots: Box<[Option<Value>]>, cells: Box<[Rc<CellObj>]>) -> Rc<Generator> {
        let kind = func.code.kind;
        let extra = (!cells.is_empty()).then(|| Box::new(FrameExtra { cells, ..FrameExtra::default() }));
        gc::new(Generator {
            kind,
            state: Cell::new(GenState::Created),
            line: Cell::new(func.code.first_line),
            func: func.clone(),
            frame: RefCell::new(GenFrame { slots, extra, ..GenFrame::default() }),
            orphans: vm.orphans.clone(),
            agen: (kind == CodeKind::AsyncGenerator).then(Box::default),
            gc: GcHeader::new(),
        })
    }

    pub fn name(&self) -> Rc<Str> {
        self.func.name.borrow().clone()
    }

    pub fn qualname(&self) -> Rc<Str> {
        self.func.qualname.borrow().clone()
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
        self.frame.try_borrow().is_ok_and(|f| f.delegate.is_some())
    }

    /// `gi_yieldfrom` / `cr_await`.
    pub fn delegate(&self) -> Value {
        let frame = self.frame.try_borrow();
        frame.ok().and_then(|f| f.delegate.clone()).unwrap_or(Value::None)
    }

    /// `gi_frame`: None once finished, else a snapshot of the frame's
    /// position (`f_lineno`, `f_code`); tulip keeps no frame objects.
    pub fn frame(&self, vm: &Vm) -> Value {
        if self.is_finished() {
            return Value::None;
        }
        vm.frame_object(&self.func.code, self.line.get(), None, Value::None)
    }

    /// `gi_code`/`cr_code`/`ag_code`.
    pub fn code_object(&self, vm: &Vm) -> Value {
        Value::Native(Rc::new(NativeObj { class: vm.iterator_class("code"), data: RefCell::new(Box::new(self.func.code.clone())) }))
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
                    drop(self.finish());
                    vm.push_traceback(&e, self as *const Generator as usize, &self.func.code, self.line.get());
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
        if self.state.get() == GenState::Created {
            self.orphans.add_started(1);
        }
        self.state.set(GenState::Running);
        let r = self.step(vm, input, resuming);
        vm.depth.set(depth);
        r
    }

    fn step(&self, vm: &Vm, mut input: Resume, resuming: bool) -> PyResult<GenStep> {
        let mut guard = self.frame.borrow_mut();
        let body: &mut GenFrame = &mut guard;
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
        if let Some(extra) = body.extra.as_mut() {
            vm.handling.borrow_mut().append(&mut extra.handled);
        }
        let code = &self.func.code;
        let mut cursor = Cursor {
            path: body.take_path(),
            resuming,
            input: Some(input),
            yielded: Value::None,
            produced: false,
            delegate: None,
            kind: self.kind,
        };
        let (slots, cells) = match body.extra.as_mut() {
            Some(extra) => (&mut body.slots, &mut extra.cells[..]),
            None => (&mut body.slots, &mut [][..]),
        };
        let rec = FrameRecord::new(code, &self.func.globals);
        rec.set_line(self.line.get());
        let mut frame = Frame::over(&rec, None, slots, cells);
        let linked = rec.link(&vm.frames);
        let r = vm.run_block(&mut frame, &mut cursor, &code.body);
        drop(linked);
        if let Err(e) = &r {
            vm.add_traceback(e, &frame);
        }
        self.line.set(frame.line());
        if let Ok(Flow::Suspend) = r {
            let mut handling = vm.handling.borrow_mut();
            if handling.len() > base {
                body.extra().handled = handling.split_off(base);
            }
            body.set_path(cursor.path);
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
    fn finish(&self) -> Option<GenFrame> {
        if matches!(self.state.get(), GenState::Running | GenState::Suspended) {
            self.orphans.add_started(-1);
        }
        self.state.set(GenState::Finished);
        self.frame.try_borrow_mut().ok().map(|mut f| std::mem::take(&mut *f))
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
                if let Ok(mut frame) = self.frame.try_borrow_mut() {
                    out.extend(std::mem::take(&mut frame.slots).into_vec().into_iter().flatten());
                }
            }
            _ => {}
        }
    }

    /// Whether, freed suspended, it must still be closed or finalized.
    fn wants_closing(&self) -> bool {
        let finalized = self.agen.as_ref().is_some_and(|a| a.finalized.get());
        self.orphans.accepting.get() && !finalized
    }

    /// Queues a copy of this suspended generator, which owns its frame, to
    /// be closed (see `GenRef`).
    fn orphan(&self) {
        if self.state.get() != GenState::Suspended || !self.wants_closing() {
            return;
        }
        // The copy carries on this generator's life (it stays "started").
        let Ok(frame) = self.frame.try_borrow_mut().map(|mut f| std::mem::take(&mut *f)) else { return };
        self.state.set(GenState::Finished);
        let agen = self.agen.as_ref().map(|a| {
            Box::new(AsyncGenState { finalizer: RefCell::new(a.finalizer.borrow_mut().take()), ..AsyncGenState::default() })
        });
        // Not tracked: it is closed and dropped by `finalize_orphans`.
        self.orphans.push(Orphan::Generator(Rc::new(Generator {
            kind: self.kind,
            state: Cell::new(GenState::Suspended),
            line: Cell::new(self.line.get()),
            func: self.func.clone(),
            frame: RefCell::new(frame),
            orphans: self.orphans.clone(),
            agen,
            gc: GcHeader::new(),
        })));
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        match self.state.get() {
            GenState::Created if self.kind == CodeKind::Coroutine && self.orphans.accepting.get() => {
                self.orphans.unawaited.borrow_mut().push(self.qualname());
                self.orphans.pending.set(true);
            }
            GenState::Suspended => self.orphan(),
            _ => {}
        }
    }
}

/// What waits for the next statement boundary.
pub(crate) enum Orphan {
    /// A generator freed while suspended, to be closed or finalized.
    Generator(Rc<Generator>),
    /// An instance freed, for its `__del__`.
    Instance(Rc<Instance>),
    /// A report an object being freed asked for (a future whose exception
    /// nobody retrieved): a callable and its arguments.
    Report(Value, Vec<Value>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OrphanKind {
    Generator,
    Instance,
    Report,
}

/// Orphans in the order they were freed, a pointer each (freeing a list of
/// a million generators queues a million): each kind in its own list, and
/// the order as runs of one kind.
#[derive(Default)]
struct OrphanQueue {
    runs: Vec<(OrphanKind, usize)>,
    gens: Vec<Rc<Generator>>,
    instances: Vec<Rc<Instance>>,
    reports: Vec<(Value, Vec<Value>)>,
}

impl OrphanQueue {
    fn push(&mut self, o: Orphan) {
        let kind = match o {
            Orphan::Generator(g) => {
                self.gens.push(g);
                OrphanKind::Generator
            }
            Orphan::Instance(i) => {
                self.instances.push(i);
                OrphanKind::Instance
            }
            Orphan::Report(report, args) => {
                self.reports.push((report, args));
                OrphanKind::Report
            }
        };
        match self.runs.last_mut() {
            Some((last, n)) if *last == kind => *n += 1,
            _ => self.runs.push((kind, 1)),
        }
    }

    /// The orphans, in order.
    fn into_orphans(self) -> impl Iterator<Item = Orphan> {
        let mut gens = self.gens.into_iter();
        let mut instances = self.instances.into_iter();
        let mut reports = self.reports.into_iter();
        let kinds = self.runs.into_iter().flat_map(|(kind, n)| std::iter::repeat(kind).take(n));
        kinds.filter_map(move |kind| match kind {
            OrphanKind::Generator => gens.next().map(Orphan::Generator),
            OrphanKind::Instance => instances.next().map(Orphan::Instance),
            OrphanKind::Report => reports.next().map(|(r, a)| Orphan::Report(r, a)),
        })
    }
}

/// Generators freed unfinished, instances with `__del__` freed, reports
/// of other freed objects and coroutines freed unawaited, dealt with at the
/// next statement boundary (`Vm::finalize_freed`).
#[derive(Default)]
pub struct Orphans {
    pub pending: Cell<bool>,
    /// Cleared when the interpreter goes away: then nothing is queued.
    pub accepting: Cell<bool>,
    queue: RefCell<OrphanQueue>,
    unawaited: RefCell<Vec<Rc<Str>>>,
    /// Generators started and not finished: if some remain at exit, or a
    /// class has `__del__`, the end of the program must free the main
    /// module's objects one by one (see `Interpreter::finalize_main`).
    started: Cell<usize>,
    pub has_del_classes: Cell<bool>,
}

impl Orphans {
    pub fn new() -> Rc<Orphans> {
        let o = Rc::new(Orphans::default());
        o.accepting.set(true);
        o
    }

    fn push(&self, o: Orphan) {
        if self.accepting.get() {
            self.queue.borrow_mut().push(o);
            self.pending.set(true);
        }
    }

    pub fn push_finalizer(&self, inst: Rc<Instance>) {
        self.push(Orphan::Instance(inst));
    }

    /// Queues `report(*args)` for the next statement boundary (for an
    /// object being freed, which cannot run Python code itself).
    pub fn defer_report(&self, report: Value, args: Vec<Value>) {
        self.push(Orphan::Report(report, args));
    }

    fn add_started(&self, n: isize) {
        self.started.set(self.started.get().saturating_add_signed(n));
    }

    /// Whether freeing what the program still holds at its end could run
    /// Python code (a `finally`, a `__del__`).
    #[inline]
    pub fn teardown_runs_code(&self) -> bool {
        self.started.get() > 0 || self.has_del_classes.get()
    }

    /// Drops everything queued without running any code.
    pub fn shut_down(&self) {
        self.accepting.set(false);
        let queue = std::mem::take(&mut *self.queue.borrow_mut());
        drop(queue);
        self.unawaited.borrow_mut().clear();
    }
}

impl Vm {
    /// Closes the generators, runs the `__del__`s and makes the reports of
    /// what was freed since the last call (see `Orphans`); called where no
    /// borrow is held: after simple and most compound statements, when a
    /// frame finishes and when an exception unwinds a block.
    #[inline(always)]
    pub fn finalize_freed(&self) {
        if self.orphans.pending.get() {
            self.finalize_orphans();
        }
    }

    #[cold]
    #[inline(never)]
    fn finalize_orphans(&self) {
        self.orphans.pending.set(false);
        loop {
            let names = std::mem::take(&mut *self.orphans.unawaited.borrow_mut());
            for name in names {
                self.warn_unawaited(&name);
            }
            let batch = std::mem::take(&mut *self.orphans.queue.borrow_mut());
            if batch.runs.is_empty() {
                break;
            }
            for orphan in batch.into_orphans() {
                match orphan {
                    Orphan::Generator(g) => self.close_orphan(g),
                    Orphan::Instance(inst) => self.call_del(inst),
                    Orphan::Report(report, args) => {
                        if let Err(e) = self.call(&report, &args, &[]) {
                            self.report_unraisable(&e);
                        }
                    }
                }
                // Closing a million generators must not wait for the end
                // to free what each close left (a GeneratorExit, say):
                // this loop may run no other safe point.
                gc::safe_point();
            }
        }
    }

    fn close_orphan(&self, g: Rc<Generator>) {
        let finalizer = g.agen.as_ref().and_then(|a| a.finalizer.borrow_mut().take());
        if let Some(finalizer) = finalizer {
            if let Some(a) = &g.agen {
                a.hooks_inited.set(true);
                a.finalized.set(true);
            }
            // asyncio's hook schedules `aclose()` on the event loop.
            if let Err(e) = self.call(&finalizer, &[Value::Generator(GenRef(g.clone()))], &[]) {
                self.report_unraisable(&e);
            }
            return;
        }
        if let Err(e) = g.close(self) {
            self.report_unraisable(&e);
        }
        // One that ignored GeneratorExit is not closed again.
        g.state.set(GenState::Finished);
    }

    /// Calls `__del__` on a freed instance (see `Instance`'s drop); what it
    /// raises is reported, as CPython does, and goes no further.
    fn call_del(&self, inst: Rc<Instance>) {
        let Some(del) = inst.class().lookup(&self.intern("__del__")) else { return };
        if let Err(e) = self.call(&del, &[Value::Instance(inst)], &[]) {
            self.flush_out();
            let what = self.repr(&del).map(|s| s.as_str().to_string()).unwrap_or_default();
            eprint!("Exception ignored in: {what}\n{}", self.format_exception(&e.0));
        }
    }

    /// From now on, freed instances of `class` (and of its subclasses
    /// made later) have `__del__` called.
    pub fn enable_finalizers(&self, class: &Class) {
        *class.finalizers.borrow_mut() = Some(self.orphans.clone());
        self.orphans.has_del_classes.set(true);
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
        Value::Generator(GenRef(Generator::new(self, func, slots, cells)))
    }

    /// Prints an exception that cannot propagate (raised while closing a
    /// generator that is being freed), as CPython's "Exception ignored in".
    pub fn report_unraisable(&self, e: &PyErr) {
        self.flush_out();
        let text = self.format_exception_only(&e.0);
        eprintln!("Exception ignored in: <generator>\n{text}");
    }
}
