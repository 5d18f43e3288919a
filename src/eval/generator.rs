//! Generators and coroutines: the suspending path of the evaluator.
//!
//! A function whose body contains `yield` or `await` runs as a Rust future
//! (stackless: its state lives in the future, not on a machine stack). The
//! statements and expressions that contain a suspension point are evaluated
//! by the `async` functions below; every suspension-free subtree is handed
//! to the synchronous evaluator. A `yield` stores its value in the
//! generator's channel and returns `Pending` once; the driver (`resume`)
//! polls the future with a no-op waker, so `next()`/`send()`/`throw()` are
//! one poll each.
//!
//! The futures refer to the interpreter through a `&'static Vm`: the `Vm` is
//! boxed, never moves, and outlives every poll (a future is only polled by
//! `resume`, which is called with a live `&Vm`). Dropping a future after the
//! interpreter is gone runs no code.

use super::exec::Flow;
use super::{Frame, Vm};
use crate::compile::ir::{self, Arg, CodeKind, Expr, ExprKind, Inline, Stmt, StmtKind, Target};
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

pub enum Resume {
    Send(Value),
    Throw(PyErr),
}

/// Where a generator's body and its driver exchange values.
#[derive(Default)]
pub struct GenChannel {
    yielded: RefCell<Option<Value>>,
    input: RefCell<Option<Resume>>,
}

pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

pub struct Generator {
    pub kind: CodeKind,
    pub name: Rc<Str>,
    pub qualname: Rc<Str>,
    chan: Rc<GenChannel>,
    body: RefCell<Option<LocalFuture<'static, PyResult<Value>>>>,
    running: Cell<bool>,
    started: Cell<bool>,
    finished: Cell<bool>,
    vm: &'static Vm,
}

struct SuspendOnce(bool);

impl Future for SuspendOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

fn noop_waker() -> Waker {
    fn clone(_: *const ()) -> RawWaker {
        RawWaker::new(std::ptr::null(), &VTABLE)
    }
    fn noop(_: *const ()) {}
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
    // SAFETY: the vtable's functions ignore the data pointer.
    unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) }
}

impl Generator {
    pub fn is_running(&self) -> bool {
        self.running.get()
    }

    pub fn is_finished(&self) -> bool {
        self.finished.get()
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            CodeKind::Coroutine => "coroutine",
            CodeKind::AsyncGenerator => "async generator",
            _ => "generator",
        }
    }

    /// Runs the body until its next `yield`, its end, or an exception.
    pub fn resume(&self, vm: &Vm, input: Resume) -> PyResult<GenStep> {
        if self.running.get() {
            return Err(vm.value_error(format!("{} already executing", self.kind_name())));
        }
        if self.finished.get() {
            return match input {
                Resume::Send(_) if self.kind == CodeKind::Coroutine => {
                    Err(vm.runtime_error("cannot reuse already awaited coroutine"))
                }
                Resume::Send(_) => Ok(GenStep::Returned(Value::None)),
                Resume::Throw(e) => Err(e),
            };
        }
        let input = if self.started.get() {
            input
        } else {
            let input = match input {
                Resume::Send(v) if !v.is_none() => {
                    return Err(vm.type_error(format!("can't send non-None value to a just-started {}", self.kind_name())));
                }
                Resume::Throw(e) => {
                    self.finish();
                    return Err(e);
                }
                send => send,
            };
            self.started.set(true);
            input
        };
        *self.chan.input.borrow_mut() = Some(input);
        let depth = vm.depth.get();
        if depth >= vm.recursion_limit.get() {
            return Err(vm.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        vm.check_stack()?;
        vm.depth.set(depth + 1);
        self.running.set(true);
        let waker = noop_waker();
        let mut cx = Context::from_waker(&waker);
        let polled = {
            let mut body = self.body.borrow_mut();
            match body.as_mut() {
                Some(fut) => fut.as_mut().poll(&mut cx),
                None => Poll::Ready(Ok(Value::None)),
            }
        };
        self.running.set(false);
        vm.depth.set(depth);
        match polled {
            Poll::Ready(Ok(v)) => {
                self.finish();
                Ok(GenStep::Returned(v))
            }
            Poll::Ready(Err(e)) => {
                self.finish();
                if vm.err_is(&e, "StopIteration") && self.kind != CodeKind::AsyncGenerator {
                    let msg = format!("{} raised StopIteration", self.kind_name());
                    let err = vm.runtime_error(msg);
                    if let Some(d) = err.0.exc() {
                        let mut d = d.borrow_mut();
                        d.cause = Value::Instance(e.0.clone());
                        d.context = Value::Instance(e.0.clone());
                    }
                    return Err(err);
                }
                if vm.err_is(&e, "StopAsyncIteration") && self.kind == CodeKind::AsyncGenerator {
                    return Err(vm.runtime_error("async generator raised StopAsyncIteration"));
                }
                Err(e)
            }
            Poll::Pending => match self.chan.yielded.borrow_mut().take() {
                Some(v) => Ok(GenStep::Yielded(v)),
                None => Err(vm.runtime_error("a coroutine waited on something tulip cannot drive here")),
            },
        }
    }

    fn finish(&self) {
        self.finished.set(true);
        // Drop the body (and its frame) now, as CPython clears the frame.
        let body = self.body.borrow_mut().take();
        drop(body);
    }

    /// `next(gen)`: `None` when the generator returns.
    pub fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        match self.resume(vm, Resume::Send(Value::None))? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }

    /// `gen.close()`.
    pub fn close(&self, vm: &Vm) -> PyResult<()> {
        if self.finished.get() {
            return Ok(());
        }
        if !self.started.get() {
            self.finish();
            return Ok(());
        }
        let exit = vm.new_exc(&vm.types.exc("GeneratorExit"), Vec::new());
        match self.resume(vm, Resume::Throw(exit)) {
            Ok(GenStep::Yielded(_)) => Err(vm.runtime_error(format!("{} ignored GeneratorExit", self.kind_name()))),
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e) if vm.err_is(&e, "GeneratorExit") || vm.err_is(&e, "StopIteration") => Ok(()),
            Err(e) => Err(e),
        }
    }
}

impl Drop for Generator {
    /// An unfinished generator is closed when it is freed, so its `finally`
    /// blocks run, as in CPython. The drop may happen while a container
    /// that the `finally` code uses is borrowed (the dict of a global being
    /// rebound, say), so the closing is handed to the Vm, which runs it at
    /// the end of the current statement.
    fn drop(&mut self) {
        if self.vm.finalizing.get() {
            return;
        }
        if self.started.get() && !self.finished.get() && !self.running.get() && self.kind != CodeKind::Coroutine {
            let orphan = Generator {
                kind: self.kind,
                name: self.name.clone(),
                qualname: self.qualname.clone(),
                chan: self.chan.clone(),
                body: RefCell::new(self.body.borrow_mut().take()),
                running: Cell::new(false),
                started: Cell::new(true),
                finished: Cell::new(false),
                vm: self.vm,
            };
            self.finished.set(true);
            self.vm.defer_close(orphan);
        }
    }
}

impl Vm {
    fn defer_close(&self, g: Generator) {
        self.closing.borrow_mut().push(g);
        self.closing_pending.set(true);
    }

    /// Closes the generators freed since the last call (see `Drop for
    /// Generator`); called where no borrow is held: after expression,
    /// assignment and `for` statements, where objects are commonly freed,
    /// when a frame or a module's code finishes and when an exception
    /// unwinds a block.
    #[inline(always)]
    pub fn close_freed_generators(&self) {
        if self.closing_pending.get() {
            self.close_pending_generators();
        }
    }

    #[cold]
    #[inline(never)]
    fn close_pending_generators(&self) {
        self.closing_pending.set(false);
        loop {
            let Some(g) = self.closing.borrow_mut().pop() else { break };
            if let Err(e) = g.close(self) {
                self.report_unraisable(&e);
            }
            // One that ignored GeneratorExit is not closed again.
            g.finished.set(true);
        }
    }
}

impl Vm {
    fn static_self(&self) -> &'static Vm {
        // SAFETY: see the module documentation; the Vm is boxed and outlives
        // every poll of a generator body.
        unsafe { &*(self as *const Vm) }
    }

    pub fn make_generator(&self, func: &Rc<Function>, mut frame: Frame) -> Value {
        let chan = Rc::new(GenChannel::default());
        frame.gen = Some(chan.clone());
        let vm = self.static_self();
        let fut = async move {
            let mut frame = frame;
            let code = frame.code.clone();
            let r = vm.exec_block_async(&mut frame, &code.body).await;
            match r {
                Ok(Flow::Return(v)) => Ok(v),
                Ok(_) => Ok(Value::None),
                Err(e) => {
                    vm.add_traceback(&e, &frame);
                    Err(e)
                }
            }
        };
        Value::Generator(Rc::new(Generator {
            kind: func.code.kind,
            name: func.name.borrow().clone(),
            qualname: func.qualname.borrow().clone(),
            chan,
            body: RefCell::new(Some(Box::pin(fut))),
            running: Cell::new(false),
            started: Cell::new(false),
            finished: Cell::new(false),
            vm,
        }))
    }

    /// Prints an exception that cannot propagate (raised while closing a
    /// generator that is being freed), as CPython's "Exception ignored in".
    pub fn report_unraisable(&self, e: &PyErr) {
        self.flush_out();
        let text = self.format_exception_only(&e.0);
        eprintln!("Exception ignored in: <generator>\n{text}");
    }

    /// A block on the async path: one without suspension points runs on the
    /// synchronous evaluator, one whose suspending statements all have an
    /// inline shape runs in the caller's future (see `generator_inline`),
    /// any other in a boxed future of its own.
    pub(super) async fn exec_block_async(&self, f: &mut Frame, body: &[Stmt]) -> PyResult<Flow> {
        if !body.iter().any(|s| s.suspends) {
            self.exec_block(f, body)
        } else if body.iter().all(|s| !s.suspends || s.inline != Inline::No) {
            self.exec_block_inline(f, body).await
        } else {
            self.exec_block_suspending(f, body).await
        }
    }

    /// The truth of an `if`/`while` test on the async path.
    async fn cond_async(&self, f: &mut Frame, test: &Expr) -> PyResult<bool> {
        if test.suspends {
            let t = self.eval_suspending(f, test).await?;
            self.truthy(&t)
        } else {
            self.eval_cond(f, test)
        }
    }

    pub(super) fn exec_block_suspending<'a>(&'a self, f: &'a mut Frame, body: &'a [Stmt]) -> LocalFuture<'a, PyResult<Flow>> {
        Box::pin(async move {
            for s in body {
                let flow = if s.suspends { self.exec_stmt_async(f, s).await } else { self.exec_stmt(f, s) };
                if let Some(end) = self.block_end(f, flow) {
                    return end;
                }
            }
            Ok(Flow::Normal)
        })
    }

    async fn exec_stmt_async(&self, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
        f.line = s.line;
        match &s.kind {
            // `yield v` as a statement: no future for the expression.
            StmtKind::Expr(Expr { kind: ExprKind::Yield(v), .. }) if s.inline == Inline::Yield => {
                self.yield_stmt(f, v).await?;
            }
            StmtKind::Expr(e) => {
                self.eval_async(f, e).await?;
            }
            StmtKind::Assign(targets, value) => {
                let v = self.eval_async(f, value).await?;
                for t in targets {
                    self.assign_async(f, t, v.clone()).await?;
                }
            }
            StmtKind::AugAssign(target, op, value) => match target {
                Target::Attr(obj, name) => {
                    let o = self.eval_async(f, obj).await?;
                    let cur = self.get_attr_at(&o, name)?;
                    let rhs = self.eval_async(f, value).await?;
                    let new = self.inplace_op(*op, cur, rhs)?;
                    self.set_attr_at(&o, name, new)?;
                }
                Target::Subscript(obj, idx) => {
                    let o = self.eval_async(f, obj).await?;
                    let i = self.eval_async(f, idx).await?;
                    let cur = self.get_item(&o, &i)?;
                    let rhs = self.eval_async(f, value).await?;
                    let new = self.inplace_op(*op, cur, rhs)?;
                    self.set_item(&o, i, new)?;
                }
                _ => {
                    let cur = self.eval(f, &target_as_load(target))?;
                    let rhs = self.eval_async(f, value).await?;
                    let new = self.inplace_op(*op, cur, rhs)?;
                    self.assign(f, target, new)?;
                }
            },
            StmtKind::Annotate(name, ann) => {
                let v = self.eval_async(f, ann).await?;
                self.record_annotation(f, name, v)?;
            }
            StmtKind::If(test, body, orelse) => {
                let t = self.cond_async(f, test).await?;
                let branch = if t { body } else { orelse };
                return self.exec_block_async(f, branch).await;
            }
            StmtKind::While(test, body, orelse) => loop {
                gc::safe_point();
                let t = self.cond_async(f, test).await?;
                if !t {
                    return self.exec_block_async(f, orelse).await;
                }
                match self.exec_block_async(f, body).await? {
                    Flow::Break => break,
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
            },
            StmtKind::For(fs) => {
                let iterable = self.eval_async(f, &fs.iter).await?;
                if fs.is_async {
                    let ait = self.aiter(&iterable)?;
                    loop {
                        let Some(item) = self.anext_await(f, &ait).await? else { break };
                        gc::safe_point();
                        self.assign_async(f, &fs.target, item).await?;
                        match self.exec_block_async(f, &fs.body).await? {
                            Flow::Break => return Ok(Flow::Normal),
                            Flow::Return(v) => return Ok(Flow::Return(v)),
                            Flow::Normal | Flow::Continue => {}
                        }
                    }
                    return self.exec_block_async(f, &fs.orelse).await;
                }
                let mut items = self.loop_items(iterable)?;
                while let Some(item) = self.next_loop_item(&mut items)? {
                    gc::safe_point();
                    if fs.target.suspends() {
                        self.assign_async(f, &fs.target, item).await?;
                    } else {
                        self.assign(f, &fs.target, item)?;
                    }
                    match self.exec_block_async(f, &fs.body).await? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
                return self.exec_block_async(f, &fs.orelse).await;
            }
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval_async(f, e).await?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::Raise(exc, cause) => {
                let exc = match exc {
                    Some(e) => Some(self.eval_async(f, e).await?),
                    None => None,
                };
                let cause = match cause {
                    Some(e) => Some(self.eval_async(f, e).await?),
                    None => None,
                };
                return Err(self.make_raise(exc, cause));
            }
            StmtKind::Try(t) => return self.exec_try_async(f, t).await,
            StmtKind::With(w) => return self.exec_with_async(f, &w.items, &w.body, w.is_async).await,
            StmtKind::Assert(test, msg) => {
                let t = self.eval_async(f, test).await?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval_async(f, m).await?],
                        None => Vec::new(),
                    };
                    return Err(self.new_exc(&self.types.exc("AssertionError"), args));
                }
            }
            StmtKind::Match(m) => {
                let subject = self.eval_async(f, &m.subject).await?;
                for case in &m.cases {
                    if self.match_pattern(f, &case.pattern, &subject)? {
                        let ok = match &case.guard {
                            Some(g) => {
                                let v = self.eval_async(f, g).await?;
                                self.truthy(&v)?
                            }
                            None => true,
                        };
                        if ok {
                            return self.exec_block_async(f, &case.body).await;
                        }
                    }
                }
            }
            StmtKind::Delete(_) | StmtKind::FunctionDef(..) | StmtKind::ClassDef(..) => {
                return Err(self.new_error("SystemError", "await/yield in this position is not supported by tulip yet"));
            }
            _ => return self.exec_stmt(f, s),
        }
        Ok(Flow::Normal)
    }

    async fn exec_try_async(&self, f: &mut Frame, t: &ir::TryStmt) -> PyResult<Flow> {
        let body = self.exec_block_async(f, &t.body).await;
        let r = match body {
            Ok(Flow::Normal) => self.exec_block_async(f, &t.orelse).await,
            Ok(flow) => Ok(flow),
            Err(err) if t.is_star => self.exec_except_star(f, t, err),
            Err(err) => {
                let mut result = Err(err);
                for h in &t.handlers {
                    let Err(err) = &result else { break };
                    if !self.handler_matches(f, h, err)? {
                        continue;
                    }
                    let Err(err) = result else { break };
                    let exc = err.0.clone();
                    if let Some(name) = &h.name {
                        self.assign(f, name, Value::Instance(exc.clone()))?;
                    }
                    self.handling.borrow_mut().push(exc.clone());
                    let r = self.exec_block_async(f, &h.body).await;
                    self.handling.borrow_mut().pop();
                    if let Some(name) = &h.name {
                        self.unbind(f, name);
                    }
                    result = Ok(r.map_err(|e| self.chain_context(e, &exc)));
                    break;
                }
                match result {
                    Ok(r) => r,
                    Err(e) => Err(e),
                }
            }
        };
        if t.finalbody.is_empty() {
            return r;
        }
        match r {
            Err(err) => {
                let exc = err.0.clone();
                self.handling.borrow_mut().push(exc.clone());
                let fr = self.exec_block_async(f, &t.finalbody).await;
                self.handling.borrow_mut().pop();
                match fr {
                    Ok(Flow::Normal) => Err(err),
                    Ok(flow) => Ok(flow),
                    Err(e) => Err(self.chain_context(e, &exc)),
                }
            }
            Ok(flow) => match self.exec_block_async(f, &t.finalbody).await? {
                Flow::Normal => Ok(flow),
                other => Ok(other),
            },
        }
    }

    fn exec_with_async<'a>(
        &'a self,
        f: &'a mut Frame,
        items: &'a [(Expr, Option<Target>)],
        body: &'a [Stmt],
        is_async: bool,
    ) -> LocalFuture<'a, PyResult<Flow>> {
        Box::pin(async move {
            let Some(((ctx, target), rest)) = items.split_first() else {
                return self.exec_block_async(f, body).await;
            };
            let mgr = self.eval_async(f, ctx).await?;
            let exit;
            let value;
            if is_async {
                let class = self.type_of(&mgr);
                let (Some(enter), Some(ex)) = (class.lookup(&self.names.aenter), class.lookup(&self.names.aexit)) else {
                    return Err(self.type_error(format!(
                        "'{}' object does not support the asynchronous context manager protocol",
                        class.name().as_str()
                    )));
                };
                exit = self.bind_descriptor(ex, &mgr)?;
                let awaitable = self.call_special(enter, &mgr, &[])?;
                value = self.await_value(f, awaitable).await?;
            } else {
                let (e, v) = self.enter_context(&mgr)?;
                exit = e;
                value = v;
            }
            let r = match target {
                Some(t) => self.assign_async(f, t, value).await.map(|_| Flow::Normal),
                None => Ok(Flow::Normal),
            };
            let r = match r {
                Ok(_) => self.exec_with_async(f, rest, body, is_async).await,
                Err(e) => Err(e),
            };
            if !is_async {
                return self.exit_context(&exit, r);
            }
            match r {
                Ok(flow) => {
                    let aw = self.call(&exit, &[Value::None, Value::None, Value::None], &[])?;
                    self.await_value(f, aw).await?;
                    Ok(flow)
                }
                Err(err) => {
                    let exc = err.0.clone();
                    let args = [Value::Class(exc.class()), Value::Instance(exc.clone()), Value::None];
                    self.handling.borrow_mut().push(exc.clone());
                    let res = match self.call(&exit, &args, &[]) {
                        Ok(aw) => self.await_value(f, aw).await,
                        Err(e) => Err(e),
                    };
                    self.handling.borrow_mut().pop();
                    let res = res.map_err(|e| self.chain_context(e, &exc))?;
                    if self.truthy(&res)? {
                        Ok(Flow::Normal)
                    } else {
                        Err(err)
                    }
                }
            }
        })
    }

    async fn assign_async(&self, f: &mut Frame, t: &Target, v: Value) -> PyResult<()> {
        match t {
            Target::Attr(obj, name) if obj.suspends => {
                let o = self.eval_async(f, obj).await?;
                self.set_attr_at(&o, name, v)
            }
            Target::Subscript(obj, idx) if obj.suspends || idx.suspends => {
                let o = self.eval_async(f, obj).await?;
                let i = self.eval_async(f, idx).await?;
                self.set_item(&o, i, v)
            }
            _ => self.assign(f, t, v),
        }
    }

    /// An expression on the async path: only one that contains a suspension
    /// point needs a future of its own (boxed, as expressions nest).
    pub async fn eval_async(&self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        if e.suspends {
            self.eval_suspending(f, e).await
        } else {
            self.eval(f, e)
        }
    }

    fn eval_suspending<'a>(&'a self, f: &'a mut Frame, e: &'a Expr) -> LocalFuture<'a, PyResult<Value>> {
        Box::pin(async move {
            match &e.kind {
                ExprKind::Yield(v) => {
                    let v = match v {
                        Some(v) => self.eval_async(f, v).await?,
                        None => Value::None,
                    };
                    self.yield_value(f, v).await
                }
                ExprKind::YieldFrom(v) => {
                    let v = self.eval_async(f, v).await?;
                    let it = match &v {
                        Value::Generator(g) if g.kind == CodeKind::Coroutine => {
                            return Err(self.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
                        }
                        Value::Generator(_) => v.clone(),
                        _ => self.iter(&v)?,
                    };
                    self.delegate(f, it).await
                }
                ExprKind::Await(v) => {
                    let v = self.eval_async(f, v).await?;
                    self.await_value(f, v).await
                }
                ExprKind::Attr(obj, name) => {
                    let o = self.eval_async(f, obj).await?;
                    self.get_attr_at(&o, name)
                }
                ExprKind::Subscript(obj, idx) => {
                    let o = self.eval_async(f, obj).await?;
                    let i = self.eval_async(f, idx).await?;
                    self.get_item(&o, &i)
                }
                ExprKind::Binary(op, a, b) => {
                    let x = self.eval_async(f, a).await?;
                    let y = self.eval_async(f, b).await?;
                    self.binary_fast(*op, x, y)
                }
                ExprKind::Unary(op, a) => {
                    let x = self.eval_async(f, a).await?;
                    self.unary_op(*op, x)
                }
                ExprKind::And(vs) | ExprKind::Or(vs) => {
                    let is_and = matches!(e.kind, ExprKind::And(_));
                    let mut v = Value::None;
                    for x in vs {
                        v = self.eval_async(f, x).await?;
                        if self.truthy(&v)? != is_and {
                            return Ok(v);
                        }
                    }
                    Ok(v)
                }
                ExprKind::Compare(left, rest) => {
                    let mut l = self.eval_async(f, left).await?;
                    let last = rest.len() - 1;
                    for (i, (op, x)) in rest.iter().enumerate() {
                        let r = self.eval_async(f, x).await?;
                        let res = self.compare(*op, &l, &r)?;
                        if i == last || !self.truthy(&res)? {
                            return Ok(res);
                        }
                        l = r;
                    }
                    Ok(Value::bool(true))
                }
                ExprKind::IfExp(t, a, b) => {
                    let c = self.eval_async(f, t).await?;
                    if self.truthy(&c)? {
                        self.eval_async(f, a).await
                    } else {
                        self.eval_async(f, b).await
                    }
                }
                ExprKind::CallPos(func, args) => {
                    let callee = self.eval_async(f, func).await?;
                    let mut argv = Vec::with_capacity(args.len());
                    for a in args {
                        argv.push(self.eval_async(f, a).await?);
                    }
                    self.call(&callee, &argv, &[])
                }
                ExprKind::Call(func, args) => {
                    let callee = self.eval_async(f, func).await?;
                    let (pos, kw) = self.eval_args_async(f, args).await?;
                    self.call(&callee, &pos, &kw)
                }
                ExprKind::CallMethod(obj, name, args) => {
                    let o = self.eval_async(f, obj).await?;
                    let (pos, kw) = self.eval_args_async(f, args).await?;
                    let mut argv: super::expr::ArgVec = smallvec::SmallVec::with_capacity(pos.len() + 1);
                    argv.push(Value::None);
                    argv.extend(pos);
                    self.call_method_at(o, name, &mut argv, &kw)
                }
                ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_items_async(f, items).await?)),
                ExprKind::List(items) => Ok(Value::list(self.eval_items_async(f, items).await?)),
                ExprKind::Set(items) => {
                    let folded = items.len() > 2 && items.iter().all(|e| matches!(e.kind, ExprKind::Const(_)));
                    let items = self.eval_items_async(f, items).await?;
                    if folded {
                        return crate::builtins::set::folded_display(self, items);
                    }
                    self.new_set(items)
                }
                ExprKind::Dict(items) => {
                    let d = gc::new(Dict::new());
                    for (k, v) in items {
                        match k {
                            Some(k) => {
                                let k = self.eval_async(f, k).await?;
                                let v = self.eval_async(f, v).await?;
                                self.dict_set(&d, k, v)?;
                            }
                            None => {
                                let m = self.eval_async(f, v).await?;
                                self.dict_update(&d, &m)?;
                            }
                        }
                    }
                    Ok(Value::Dict(d))
                }
                ExprKind::JoinedStr(parts) => {
                    let mut out = String::new();
                    for p in parts {
                        let v = self.eval_async(f, p).await?;
                        match v.as_str() {
                            Some(s) => out.push_str(s.as_str()),
                            None => out.push_str(self.str(&v)?.as_str()),
                        }
                    }
                    Ok(Value::string(out))
                }
                ExprKind::Format(v, conv, spec) => {
                    let v = self.eval_async(f, v).await?;
                    let spec = match spec {
                        Some(s) => Some(self.eval_async(f, s).await?),
                        None => None,
                    };
                    self.format_value(v, *conv, spec)
                }
                ExprKind::Named(t, v) => {
                    let v = self.eval_async(f, v).await?;
                    self.assign(f, t, v.clone())?;
                    Ok(v)
                }
                ExprKind::Comprehension(c) => self.eval_comprehension_async(f, c).await,
                ExprKind::GenExp(def, first) => {
                    let iterable = self.eval_async(f, first).await?;
                    let it = if def.code.kind == CodeKind::AsyncGenerator { self.aiter(&iterable)? } else { self.iter(&iterable)? };
                    let func = self.make_function(f, def)?;
                    self.call(&func, &[it], &[])
                }
                ExprKind::Slice(..) | ExprKind::Starred(_) | ExprKind::MakeFunction(_) => {
                    Err(self.new_error("SystemError", "await/yield in this position is not supported by tulip yet"))
                }
                _ => self.eval(f, e),
            }
        })
    }

    async fn eval_items_async(&self, f: &mut Frame, items: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for e in items {
            if let ExprKind::Starred(inner) = &e.kind {
                let v = self.eval_async(f, inner).await?;
                self.extend_from_iterable(&mut out, &v)?;
            } else {
                out.push(self.eval_async(f, e).await?);
            }
        }
        Ok(out)
    }

    async fn eval_args_async(&self, f: &mut Frame, args: &[Arg]) -> PyResult<(super::expr::ArgVec, Vec<(Rc<Str>, Value)>)> {
        let mut pos: super::expr::ArgVec = smallvec::SmallVec::new();
        let mut kw = Vec::new();
        for a in args {
            match a {
                Arg::Pos(e) => pos.push(self.eval_async(f, e).await?),
                Arg::Star(e) => {
                    let v = self.eval_async(f, e).await?;
                    self.star_args(&mut pos, v)?;
                }
                Arg::Kw(n, e) => {
                    let v = self.eval_async(f, e).await?;
                    kw.push((n.clone(), v));
                }
                Arg::StarStar(e) => {
                    let m = self.eval_async(f, e).await?;
                    self.star_star_args(&mut kw, m)?;
                }
            }
        }
        Ok((pos, kw))
    }

    async fn eval_comprehension_async(&self, f: &mut Frame, c: &ir::Comprehension) -> PyResult<Value> {
        for &cell in &c.fresh_cells {
            f.cells[cell as usize] = gc::new(CellObj::new(None));
        }
        let mut out: Vec<(Value, Value)> = Vec::new();
        self.comp_level_async(f, c, 0, &mut out).await?;
        Ok(match c.kind {
            ir::CompKind::List => Value::list(out.into_iter().map(|(k, _)| k).collect()),
            ir::CompKind::Set => self.new_set(out.into_iter().map(|(k, _)| k).collect())?,
            ir::CompKind::Dict => {
                let d = gc::new(Dict::new());
                for (k, v) in out {
                    self.dict_set(&d, k, v)?;
                }
                Value::Dict(d)
            }
        })
    }

    fn comp_level_async<'a>(
        &'a self,
        f: &'a mut Frame,
        c: &'a ir::Comprehension,
        level: usize,
        out: &'a mut Vec<(Value, Value)>,
    ) -> LocalFuture<'a, PyResult<()>> {
        Box::pin(async move {
            let Some(g) = c.generators.get(level) else {
                let k = self.eval_async(f, &c.elt).await?;
                let v = match &c.value {
                    Some(e) => self.eval_async(f, e).await?,
                    None => Value::None,
                };
                out.push((k, v));
                return Ok(());
            };
            let iterable = self.eval_async(f, &g.iter).await?;
            let it = if g.is_async { self.aiter(&iterable)? } else { self.iter(&iterable)? };
            loop {
                let item = if g.is_async { self.anext_await(f, &it).await? } else { self.next(&it)? };
                let Some(item) = item else { break };
                self.assign(f, &g.target, item)?;
                let mut keep = true;
                for cond in &g.ifs {
                    let t = self.eval_async(f, cond).await?;
                    if !self.truthy(&t)? {
                        keep = false;
                        break;
                    }
                }
                if keep {
                    self.comp_level_async(f, c, level + 1, out).await?;
                }
            }
            Ok(())
        })
    }

    /// `yield v` as a statement (`v` does not suspend): no future for the
    /// expression.
    pub(super) async fn yield_stmt(&self, f: &mut Frame, v: &Option<Box<Expr>>) -> PyResult<()> {
        let v = match v {
            Some(v) => self.eval(f, v)?,
            None => Value::None,
        };
        self.yield_value(f, v).await?;
        Ok(())
    }

    /// `yield v`: hands `v` to the driver and waits to be resumed.
    async fn yield_value(&self, f: &mut Frame, v: Value) -> PyResult<Value> {
        let Some(chan) = f.gen.clone() else {
            return Err(self.runtime_error("yield outside a generator frame"));
        };
        *chan.yielded.borrow_mut() = Some(v);
        SuspendOnce(false).await;
        let input = chan.input.borrow_mut().take();
        match input {
            Some(Resume::Send(v)) => Ok(v),
            Some(Resume::Throw(e)) => Err(e),
            None => Ok(Value::None),
        }
    }

    /// `yield from it` / `await`: forwards values, sends and throws to `it`
    /// until it returns; its return value is the result.
    async fn delegate(&self, f: &mut Frame, it: Value) -> PyResult<Value> {
        let Some(chan) = f.gen.clone() else {
            return Err(self.runtime_error("yield outside a generator frame"));
        };
        let mut input = Resume::Send(Value::None);
        loop {
            let step = match (&it, input) {
                (Value::Generator(g), input) => g.resume(self, input)?,
                (_, Resume::Send(v)) => {
                    if v.is_none() {
                        match self.next_with_value(&it)? {
                            Ok(v) => GenStep::Yielded(v),
                            Err(ret) => GenStep::Returned(ret),
                        }
                    } else {
                        match self.call_method(&it, "send", &[v]) {
                            Ok(v) => GenStep::Yielded(v),
                            Err(e) if self.err_is(&e, "StopIteration") => GenStep::Returned(self.stop_value(&e)),
                            Err(e) => return Err(e),
                        }
                    }
                }
                (_, Resume::Throw(e)) => match self.get_attr_opt(&it, &self.intern("throw"))? {
                    Some(throw) => match self.call(&throw, &[Value::Instance(e.0.clone())], &[]) {
                        Ok(v) => GenStep::Yielded(v),
                        Err(e) if self.err_is(&e, "StopIteration") => GenStep::Returned(self.stop_value(&e)),
                        Err(e) => return Err(e),
                    },
                    None => return Err(e),
                },
            };
            match step {
                GenStep::Returned(v) => return Ok(v),
                GenStep::Yielded(v) => {
                    *chan.yielded.borrow_mut() = Some(v);
                    SuspendOnce(false).await;
                    input = chan.input.borrow_mut().take().unwrap_or(Resume::Send(Value::None));
                }
            }
        }
    }

    /// `next()` that keeps StopIteration's value: `Err(value)` at the end.
    fn next_with_value(&self, it: &Value) -> PyResult<Result<Value, Value>> {
        match it {
            Value::Iter(_) => Ok(self.next(it)?.ok_or(Value::None)),
            _ => {
                let class = self.type_of(it);
                let Some(f) = class.lookup(&self.names.next) else {
                    return Err(self.type_error(format!("'{}' object is not an iterator", class.name().as_str())));
                };
                match self.call_special(f, it, &[]) {
                    Ok(v) => Ok(Ok(v)),
                    Err(e) if self.err_is(&e, "StopIteration") => Ok(Err(self.stop_value(&e))),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// The `value` of a StopIteration.
    pub fn stop_value(&self, e: &PyErr) -> Value {
        match e.0.exc() {
            Some(d) => match &d.borrow().args {
                Value::Tuple(t) => t.items.first().cloned().unwrap_or(Value::None),
                _ => Value::None,
            },
            None => Value::None,
        }
    }

    /// `await v`.
    pub async fn await_value(&self, f: &mut Frame, v: Value) -> PyResult<Value> {
        let it = self.awaitable_iter(&v)?;
        self.delegate(f, it).await
    }

    /// The iterator `await` delegates to: a coroutine itself, or `__await__()`.
    pub fn awaitable_iter(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Generator(g) if g.kind == CodeKind::Coroutine => Ok(v.clone()),
            _ => {
                let class = self.type_of(v);
                match class.lookup(&self.names.await_) {
                    Some(m) => {
                        let it = self.call_special(m, v, &[])?;
                        if matches!(&it, Value::Generator(g) if g.kind == CodeKind::Coroutine) {
                            return Err(self.type_error("__await__() returned a coroutine"));
                        }
                        Ok(it)
                    }
                    None => Err(self.type_error(format!(
                        "object {} can't be used in 'await' expression",
                        class.name().as_str()
                    ))),
                }
            }
        }
    }

    pub fn aiter(&self, v: &Value) -> PyResult<Value> {
        let class = self.type_of(v);
        match class.lookup(&self.names.aiter) {
            Some(m) => self.call_special(m, v, &[]),
            None => Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                class.name().as_str()
            ))),
        }
    }

    /// Awaits `ait.__anext__()`; `None` at StopAsyncIteration.
    async fn anext_await(&self, f: &mut Frame, ait: &Value) -> PyResult<Option<Value>> {
        let class = self.type_of(ait);
        let Some(m) = class.lookup(&self.names.anext) else {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                class.name().as_str()
            )));
        };
        let aw = self.call_special(m, ait, &[])?;
        match self.await_value(f, aw).await {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, "StopAsyncIteration") => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The load form of a name target (for augmented assignment).
fn target_as_load(t: &Target) -> Expr {
    Expr::new(match t {
        Target::Local(i) => ExprKind::Local(*i),
        Target::Cell(i) => ExprKind::Cell(*i),
        Target::Global(n) => ExprKind::Global(n.clone(), Default::default()),
        Target::Name(n) => ExprKind::Name(n.clone()),
        _ => ExprKind::Const(Value::None),
    })
}
