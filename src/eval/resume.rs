//! The resumable path of the evaluator: the bodies of generators and
//! coroutines (after `compile::anf`).
//!
//! A frame suspends at a `Suspend` statement, which returns `Flow::Suspend`.
//! Every compound statement and block on the way out pushes onto the
//! cursor's path which of its children was running, innermost first; what
//! the frame needs to continue (a loop's iterator, the exception a handler
//! is handling, the outcome a `finally` block is holding, a `with`'s exit)
//! lives in hidden slots of the frame. Resuming runs the body again with
//! `resuming` set: each level pops its position and goes straight to that
//! child, down to the suspension point, which takes the sent value (or
//! raises the thrown exception) and carries on as ordinary code.
//!
//! Statements that cannot suspend run on the ordinary evaluator.

use super::exec::Flow;
use super::generator::{GenStep, Resume};
use super::awaited::Awaited;
use super::class::StarState;
use super::{Frame, Vm};
use crate::compile::ir::{self, CodeKind, Stmt, StmtKind, SuspendKind};
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Resume positions (see the module documentation): a stack of small
/// numbers, kept in 16 bytes while they fit in bytes, as they nearly always
/// do, because every suspended generator holds one.
pub enum ResumePath {
    Short { len: u8, items: [u8; 14] },
    Long(Box<Vec<u32>>),
}

impl Default for ResumePath {
    fn default() -> ResumePath {
        ResumePath::Short { len: 0, items: [0; 14] }
    }
}

impl ResumePath {
    #[inline(always)]
    pub fn push(&mut self, v: u32) {
        match self {
            ResumePath::Short { len, items } if (*len as usize) < items.len() && v <= u8::MAX as u32 => {
                items[*len as usize] = v as u8;
                *len += 1;
            }
            _ => self.push_long(v),
        }
    }

    /// Rare: a deep path or a block of over 255 statements.
    #[cold]
    #[inline(never)]
    fn push_long(&mut self, v: u32) {
        match self {
            ResumePath::Short { len, items } => {
                let mut long: Vec<u32> = items[..*len as usize].iter().map(|&b| b as u32).collect();
                long.push(v);
                *self = ResumePath::Long(Box::new(long));
            }
            ResumePath::Long(items) => items.push(v),
        }
    }

    #[inline]
    pub fn pop(&mut self) -> Option<u32> {
        match self {
            ResumePath::Short { len: 0, .. } => None,
            ResumePath::Short { len, items } => {
                *len -= 1;
                Some(items[*len as usize] as u32)
            }
            ResumePath::Long(items) => items.pop(),
        }
    }
}

impl ResumePath {
    /// The path in one word, as a suspended generator keeps it: the length
    /// in the low byte, then up to seven entries; a longer path comes back.
    pub fn pack(self) -> Result<u64, ResumePath> {
        match &self {
            // Entries past `len` are copied too: `unpack` ignores them.
            ResumePath::Short { len, items } if *len <= 7 => {
                let mut bytes = [*len; 8];
                bytes[1..].copy_from_slice(&items[..7]);
                Ok(u64::from_le_bytes(bytes))
            }
            _ => Err(self),
        }
    }

    pub fn unpack(word: u64) -> ResumePath {
        let bytes = word.to_le_bytes();
        let mut items = [0; 14];
        items[..7].copy_from_slice(&bytes[1..]);
        ResumePath::Short { len: bytes[0], items }
    }
}

/// The state of one run of a suspending body, from its resumption to its
/// next suspension.
pub struct Cursor {
    pub path: ResumePath,
    /// Set while re-entering along `path`; the suspension point clears it.
    pub resuming: bool,
    /// What the suspension point receives.
    pub input: Option<Resume>,
    /// What the frame yields when it suspends.
    pub yielded: Value,
    /// Whether `yielded` is an async generator's own value (`yield`), not
    /// one passed up from an `await`.
    pub produced: bool,
    /// The iterator a `yield from`/`await` suspended in.
    pub delegate: Option<Value>,
    pub kind: CodeKind,
}

impl Cursor {
    fn pop(&mut self) -> u32 {
        self.path.pop().unwrap_or(0)
    }

    /// The outcome of the delegation the frame was suspended in: the
    /// generator forwarded the input to the delegate until it finished.
    fn resumed_outcome(&mut self) -> PyResult<Value> {
        self.resuming = false;
        match self.input.take() {
            Some(Resume::Send(v)) => Ok(v),
            Some(Resume::Throw(e)) => Err(e),
            None => Ok(Value::None),
        }
    }
}

// Positions of loops and `with`: the body, the `else`, a pending
// `__anext__`; `__aenter__`, and `__aexit__` (plus the pending outcome).
const BODY: u32 = 0;
const ELSE: u32 = 1;
const NEXT: u32 = 2;
const ENTER: u32 = 1;
const EXIT: u32 = 2;

// The outcome a `finally` block or an async `__aexit__` holds while it runs.
const PENDING_NORMAL: u32 = 0;
const PENDING_RETURN: u32 = 1;
const PENDING_BREAK: u32 = 2;
const PENDING_CONTINUE: u32 = 3;
const PENDING_RAISE: u32 = 4;

fn pending_of(r: PyResult<Flow>) -> (u32, Option<Value>) {
    match r {
        Ok(Flow::Return(v)) => (PENDING_RETURN, Some(v)),
        Ok(Flow::Break) => (PENDING_BREAK, None),
        Ok(Flow::Continue) => (PENDING_CONTINUE, None),
        Ok(_) => (PENDING_NORMAL, None),
        Err(e) => (PENDING_RAISE, Some(Value::Instance(e.0))),
    }
}

fn flow_of(kind: u32, payload: Option<Value>) -> PyResult<Flow> {
    match (kind, payload) {
        (PENDING_RETURN, v) => Ok(Flow::Return(v.unwrap_or(Value::None))),
        (PENDING_BREAK, _) => Ok(Flow::Break),
        (PENDING_CONTINUE, _) => Ok(Flow::Continue),
        (PENDING_RAISE, Some(Value::Instance(e))) => Err(PyErr(e)),
        _ => Ok(Flow::Normal),
    }
}

impl Vm {
    pub(super) fn run_block(&self, f: &mut Frame, c: &mut Cursor, body: &[Stmt]) -> PyResult<Flow> {
        let start = if c.resuming { c.pop() as usize } else { 0 };
        for (i, s) in body.iter().enumerate().skip(start) {
            let r = if s.suspends { self.run_stmt(f, c, s) } else { self.exec_stmt(f, s) };
            match r {
                Ok(Flow::Normal) => {}
                Ok(Flow::Suspend) => {
                    c.path.push(i as u32);
                    return Ok(Flow::Suspend);
                }
                Ok(other) => return Ok(other),
                Err(e) => {
                    self.add_traceback(&e, f);
                    return Err(e);
                }
            }
        }
        Ok(Flow::Normal)
    }

    /// Runs a child block, recording `marker` if it suspends.
    fn run_child(&self, f: &mut Frame, c: &mut Cursor, body: &[Stmt], marker: u32) -> PyResult<Flow> {
        let flow = self.run_block(f, c, body)?;
        if let Flow::Suspend = flow {
            c.path.push(marker);
        }
        Ok(flow)
    }

    fn run_stmt(&self, f: &mut Frame, c: &mut Cursor, s: &Stmt) -> PyResult<Flow> {
        f.set_line(s.line);
        match &s.kind {
            StmtKind::Suspend(sp) => self.run_suspend(f, c, sp),
            StmtKind::If(test, body, orelse) => {
                let branch = if c.resuming { c.pop() } else { (!self.eval_cond(f, test)?) as u32 };
                self.run_child(f, c, if branch == 0 { body } else { orelse }, branch)
            }
            StmtKind::While(test, body, orelse) => self.run_while(f, c, test, body, orelse),
            StmtKind::For(fs) => self.run_for(f, c, fs),
            StmtKind::Try(t) => self.run_try(f, c, t),
            StmtKind::With(w) => self.run_with(f, c, w, s.line),
            StmtKind::Match(m) => self.run_match(f, c, m),
            _ => self.exec_stmt(f, s),
        }
    }

    fn run_suspend(&self, f: &mut Frame, c: &mut Cursor, sp: &ir::SuspendStmt) -> PyResult<Flow> {
        if c.resuming {
            let v = c.resumed_outcome()?;
            if let Some(t) = &sp.target {
                self.assign(f, t, v)?;
            }
            return Ok(Flow::Normal);
        }
        let awaited = match (&sp.kind, &sp.value) {
            (SuspendKind::Await, Some(e)) => self.eval_awaited(f, e)?,
            (_, Some(e)) => Awaited::Pending(self.eval_operand(f, e)?),
            (_, None) => Awaited::Pending(Value::None),
        };
        let v = match awaited {
            Awaited::Done(result) => return self.suspend_started(f, sp, Some(result)),
            Awaited::Pending(v) => v,
        };
        let started = match sp.kind {
            SuspendKind::Yield => {
                c.yielded = v;
                c.produced = c.kind == CodeKind::AsyncGenerator;
                return Ok(Flow::Suspend);
            }
            SuspendKind::YieldFrom => {
                let it = self.yield_from_iter(&v, c.kind)?;
                self.start_delegation(c, it)?
            }
            SuspendKind::Await => self.start_await(c, &v)?,
        };
        self.suspend_started(f, sp, started)
    }

    /// After a delegation started: `Some(result)` if it finished at once.
    fn suspend_started(&self, f: &mut Frame, sp: &ir::SuspendStmt, started: Option<Value>) -> PyResult<Flow> {
        match started {
            Some(result) => {
                if let Some(t) = &sp.target {
                    self.assign(f, t, result)?;
                }
                Ok(Flow::Normal)
            }
            None => Ok(Flow::Suspend),
        }
    }

    /// The iterator of `yield from v`.
    fn yield_from_iter(&self, v: &Value, kind: CodeKind) -> PyResult<Value> {
        match v {
            Value::Generator(g) if g.kind == CodeKind::Coroutine && kind != CodeKind::Coroutine => {
                Err(self.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"))
            }
            Value::Generator(g) if g.kind != CodeKind::AsyncGenerator => Ok(v.clone()),
            _ => self.iter(v),
        }
    }

    /// Starts `await v`: `Some(result)` if it finished at once, `None` if it
    /// suspended (the cursor holds what it yielded and the delegate).
    fn start_await(&self, c: &mut Cursor, v: &Value) -> PyResult<Option<Value>> {
        // `sleep(0)`: the frame itself yields None once, with no delegate;
        // what resumes it is the await's outcome.
        if crate::aio::future::is_yield_once(self, v) {
            c.yielded = Value::None;
            // Resumed through it, the await gives None whatever is sent.
            c.delegate = Some(v.clone());
            return Ok(None);
        }
        let it = self.awaitable_iter(v)?;
        self.start_delegation(c, it)
    }

    fn start_delegation(&self, c: &mut Cursor, it: Value) -> PyResult<Option<Value>> {
        match self.send_to(&it, Value::None)? {
            GenStep::Returned(v) => Ok(Some(v)),
            GenStep::Yielded(v) | GenStep::Produced(v) => {
                c.yielded = v;
                c.delegate = Some(it);
                Ok(None)
            }
        }
    }

    fn run_while(&self, f: &mut Frame, c: &mut Cursor, test: &ir::Expr, body: &[Stmt], orelse: &[Stmt]) -> PyResult<Flow> {
        let mut in_body = false;
        if c.resuming {
            if c.pop() == ELSE {
                return self.run_child(f, c, orelse, ELSE);
            }
            in_body = true;
        }
        loop {
            if !in_body {
                self.safe_point()?;
                if !self.eval_cond(f, test)? {
                    return self.run_child(f, c, orelse, ELSE);
                }
            }
            in_body = false;
            match self.run_block(f, c, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Suspend => {
                    c.path.push(BODY);
                    return Ok(Flow::Suspend);
                }
                Flow::Return(v) => return Ok(Flow::Return(v)),
                Flow::Normal | Flow::Continue => {}
            }
        }
    }

    fn run_for(&self, f: &mut Frame, c: &mut Cursor, fs: &ir::ForStmt) -> PyResult<Flow> {
        let at = if c.resuming {
            let m = c.pop();
            if m == ELSE {
                return self.run_child(f, c, &fs.orelse, ELSE);
            }
            Some(m)
        } else {
            let iterable = self.eval(f, &fs.iter)?;
            self.loop_start(f, fs, iterable)?;
            None
        };
        let r = self.for_items(f, c, fs, at);
        if !matches!(r, Ok(Flow::Suspend)) {
            let base = fs.iter_slot as usize;
            for s in &mut f.slots[base..base + 3] {
                *s = None;
            }
        }
        match r {
            Ok(Flow::Normal) => self.run_child(f, c, &fs.orelse, ELSE),
            // `break` ends the loop without its `else`.
            Ok(Flow::Break) => Ok(Flow::Normal),
            other => other,
        }
    }

    /// A loop's position lives in three hidden slots, so that a suspended
    /// loop over a list, tuple or range allocates no iterator: the sequence
    /// and the next index (as a list iterator sees a growing list); a
    /// range's next value, count left and step; or an iterator alone.
    fn loop_start(&self, f: &mut Frame, fs: &ir::ForStmt, iterable: Value) -> PyResult<()> {
        let base = fs.iter_slot as usize;
        let (a, b, c) = match iterable {
            _ if fs.is_async => (self.aiter(&iterable)?, None, None),
            Value::List(_) | Value::Tuple(_) => (iterable, Some(Value::Int(0)), None),
            Value::Range(r) if r.fits_i64() => {
                (Value::Int(r.start as i64), Some(Value::Int(r.len())), Some(Value::Int(r.step as i64)))
            }
            other => (self.iter(&other)?, None, None),
        };
        f.slots[base] = Some(a);
        f.slots[base + 1] = b;
        f.slots[base + 2] = c;
        Ok(())
    }

    fn loop_next(&self, f: &mut Frame, base: usize) -> PyResult<Option<Value>> {
        let [a, b, c] = &mut f.slots[base..base + 3] else { return Ok(None) };
        match (a, b, c) {
            (Some(Value::Int(next)), Some(Value::Int(left)), Some(Value::Int(step))) => {
                if *left <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Ok(Some(Value::Int(v)))
            }
            (Some(seq), Some(Value::Int(i)), None) => {
                let item = match seq {
                    Value::List(l) => l.items.borrow().get(*i as usize).cloned(),
                    Value::Tuple(t) => t.items.get(*i as usize).cloned(),
                    _ => None,
                };
                *i += 1;
                Ok(item)
            }
            (Some(it), None, None) => self.next(it),
            _ => Ok(None),
        }
    }

    /// The loop proper: `Normal` when the items run out, `Break` for a
    /// `break`, or how the body left.
    fn for_items(&self, f: &mut Frame, c: &mut Cursor, fs: &ir::ForStmt, mut at: Option<u32>) -> PyResult<Flow> {
        let base = fs.iter_slot as usize;
        loop {
            if at != Some(BODY) {
                let item = if fs.is_async {
                    let outcome = if at == Some(NEXT) {
                        c.resumed_outcome()
                    } else {
                        let Some(it) = f.slots[base].clone() else { return Ok(Flow::Normal) };
                        match self.start_anext(c, &it) {
                            Ok(Some(v)) => Ok(v),
                            Ok(None) => {
                                c.path.push(NEXT);
                                return Ok(Flow::Suspend);
                            }
                            Err(e) => Err(e),
                        }
                    };
                    match outcome {
                        Ok(v) => Some(v),
                        Err(e) if self.err_is(&e, "StopAsyncIteration") => None,
                        Err(e) => return Err(e),
                    }
                } else {
                    self.loop_next(f, base)?
                };
                let Some(item) = item else { return Ok(Flow::Normal) };
                self.safe_point()?;
                self.assign(f, &fs.target, item)?;
            }
            at = None;
            match self.run_block(f, c, &fs.body)? {
                Flow::Suspend => {
                    c.path.push(BODY);
                    return Ok(Flow::Suspend);
                }
                Flow::Normal | Flow::Continue => {}
                other => return Ok(other),
            }
        }
    }

    /// `await ait.__anext__()` for `async for`: the item, or `None` when
    /// the frame suspends in it. An async generator (a builtin type: its
    /// `__anext__` is ours) is stepped directly.
    fn start_anext(&self, c: &mut Cursor, ait: &Value) -> PyResult<Option<Value>> {
        if let Value::Generator(g) = ait {
            if g.agen.is_some() {
                return Ok(match crate::builtins::generator::anext_start(self, g)? {
                    Ok(item) => Some(item),
                    Err((yielded, awaitable)) => {
                        c.yielded = yielded;
                        c.delegate = Some(awaitable);
                        None
                    }
                });
            }
        }
        let awaitable = self.anext_awaitable(ait)?;
        self.start_await(c, &awaitable)
    }

    /// `ait.__anext__()`, checked as `async for` does.
    fn anext_awaitable(&self, ait: &Value) -> PyResult<Value> {
        let class = self.type_of(ait);
        let Some(m) = class.lookup(&self.names.anext) else {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                class.name().as_str()
            )));
        };
        let awaitable = self.call_special(m, ait, &[])?;
        let is_awaitable = match &awaitable {
            Value::Generator(g) => g.kind == CodeKind::Coroutine,
            other => self.type_of(other).lookup(&self.names.await_).is_some_and(|m| !m.is_none()),
        };
        if !is_awaitable {
            return Err(self.type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                self.type_name(&awaitable).as_str()
            )));
        }
        Ok(awaitable)
    }

    // ----- try -----

    // Positions: 0 the body, 1 + i handler i, then the `else`, then the
    // `finally` block, offset by the kind of outcome it holds.
    fn run_try(&self, f: &mut Frame, c: &mut Cursor, t: &ir::TryStmt) -> PyResult<Flow> {
        let n = t.handlers.len() as u32;
        let (else_at, finally_at) = (n + 1, n + 2);
        let at = if c.resuming { c.pop() } else { 0 };
        if at >= finally_at {
            return self.finally_block(f, c, t, at - finally_at);
        }
        let r = if at == 0 {
            match self.run_block(f, c, &t.body) {
                Ok(Flow::Suspend) => {
                    c.path.push(0);
                    return Ok(Flow::Suspend);
                }
                Ok(Flow::Normal) => self.run_child(f, c, &t.orelse, else_at),
                Ok(flow) => Ok(flow),
                Err(err) if t.is_star => {
                    let st = self.star_state(err);
                    self.run_star(f, c, t, st, 0, None)
                }
                Err(err) => self.try_handlers(f, c, t, err),
            }
        } else if at == else_at {
            self.run_child(f, c, &t.orelse, else_at)
        } else if t.is_star {
            match f.slots[t.state_slot as usize].take() {
                Some(Value::List(saved)) => {
                    let saved = saved.items.borrow().clone();
                    match &saved[..] {
                        [Value::Instance(err), remaining, Value::List(reraised), Value::List(raised), sub] => {
                            let remaining = (!remaining.is_none()).then(|| remaining.clone());
                            let reraised = reraised.items.borrow().clone();
                            let raised = raised.items.borrow().clone();
                            let st = StarState { err: err.clone(), remaining, reraised, raised };
                            self.run_star(f, c, t, st, (at - 1) as usize, Some(sub.clone()))
                        }
                        _ => Err(self.new_error("SystemError", "resumed except* lost its state")),
                    }
                }
                _ => Err(self.new_error("SystemError", "resumed except* lost its state")),
            }
        } else {
            self.run_handler_body(f, c, t, (at - 1) as usize, None)
        };
        if let Ok(Flow::Suspend) = r {
            return r;
        }
        if !t.finalbody.iter().any(|s| s.suspends) {
            return self.run_finally(f, &t.finalbody, r);
        }
        let (kind, payload) = pending_of(r);
        if let (PENDING_RAISE, Some(Value::Instance(e))) = (kind, &payload) {
            self.handling.borrow_mut().push(e.clone());
        }
        f.slots[t.state_slot as usize] = payload;
        self.finally_block(f, c, t, kind)
    }

    /// `except*` handlers from `from` on; `resumed` is the group handler
    /// `from` was handling when the frame suspended in it.
    fn run_star(
        &self,
        f: &mut Frame,
        c: &mut Cursor,
        t: &ir::TryStmt,
        mut st: StarState,
        mut from: usize,
        mut resumed: Option<Value>,
    ) -> PyResult<Flow> {
        loop {
            let (i, sub) = match resumed.take() {
                Some(sub) => (from, sub),
                None => match self.star_next(f, t, &mut st, from)? {
                    Some(next) => next,
                    None => return self.star_finish(st),
                },
            };
            let h = &t.handlers[i];
            let Value::Instance(sub_inst) = &sub else { return self.star_finish(st) };
            if !c.resuming {
                self.enter_star_handler(f, h, &sub)?;
            }
            let r = self.run_block(f, c, &h.body);
            if let Ok(Flow::Suspend) = r {
                let saved = vec![
                    Value::Instance(st.err.clone()),
                    st.remaining.take().unwrap_or(Value::None),
                    Value::list(std::mem::take(&mut st.reraised)),
                    Value::list(std::mem::take(&mut st.raised)),
                    sub.clone(),
                ];
                f.slots[t.state_slot as usize] = Some(Value::list(saved));
                c.path.push(1 + i as u32);
                return r;
            }
            self.leave_star_handler(f, h);
            if let Some(flow) = self.star_handled(&mut st, sub_inst, r) {
                return Ok(flow);
            }
            from = i + 1;
        }
    }

    fn try_handlers(&self, f: &mut Frame, c: &mut Cursor, t: &ir::TryStmt, err: PyErr) -> PyResult<Flow> {
        for (i, h) in t.handlers.iter().enumerate() {
            if self.handler_matches(f, h, &err)? {
                if !h.body.iter().any(|s| s.suspends) {
                    return self.run_handler(f, h, err);
                }
                return self.run_handler_body(f, c, t, i, Some(err));
            }
        }
        Err(err)
    }

    /// Handler `i`, entered with `err` or resumed.
    fn run_handler_body(&self, f: &mut Frame, c: &mut Cursor, t: &ir::TryStmt, i: usize, err: Option<PyErr>) -> PyResult<Flow> {
        let Some(h) = t.handlers.get(i) else { return Ok(Flow::Normal) };
        let slot = t.state_slot as usize;
        let exc = match err {
            Some(err) => {
                let exc = err.0;
                if let Some(name) = &h.name {
                    self.assign(f, name, Value::Instance(exc.clone()))?;
                }
                f.slots[slot] = Some(Value::Instance(exc.clone()));
                self.handling.borrow_mut().push(exc.clone());
                exc
            }
            None => match &f.slots[slot] {
                Some(Value::Instance(e)) => e.clone(),
                _ => return Err(self.new_error("SystemError", "resumed handler lost its exception")),
            },
        };
        let r = self.run_block(f, c, &h.body);
        if let Ok(Flow::Suspend) = r {
            c.path.push(1 + i as u32);
            return r;
        }
        // The generator saves and restores the entries above its base, so
        // the entry pushed at entry is still the top one.
        self.handling.borrow_mut().pop();
        f.slots[slot] = None;
        if let Some(name) = &h.name {
            self.unbind(f, name);
        }
        r.map_err(|e| self.chain_context(e, &exc))
    }

    /// The `finally` block holding an outcome of kind `kind` (its payload in
    /// the state slot).
    fn finally_block(&self, f: &mut Frame, c: &mut Cursor, t: &ir::TryStmt, kind: u32) -> PyResult<Flow> {
        let r = self.run_block(f, c, &t.finalbody);
        if let Ok(Flow::Suspend) = r {
            c.path.push(t.handlers.len() as u32 + 2 + kind);
            return r;
        }
        let payload = f.slots[t.state_slot as usize].take();
        if kind == PENDING_RAISE {
            self.handling.borrow_mut().pop();
        }
        match r {
            Ok(Flow::Normal) => flow_of(kind, payload),
            Ok(flow) => Ok(flow),
            Err(e) => match payload {
                Some(Value::Instance(exc)) if kind == PENDING_RAISE => Err(self.chain_context(e, &exc)),
                _ => Err(e),
            },
        }
    }

    // ----- with -----

    // Positions: the body; a pending `__aenter__`; a pending `__aexit__`,
    // offset by the kind of outcome it holds.
    fn run_with(&self, f: &mut Frame, c: &mut Cursor, w: &ir::WithStmt, line: u32) -> PyResult<Flow> {
        let Some((ctx, target)) = w.items.first() else { return self.run_block(f, c, &w.body) };
        let exit_slot = w.exit_slot as usize;
        let at = if c.resuming { Some(c.pop()) } else { None };
        match at {
            None => {
                let mgr = self.eval(f, ctx)?;
                let value = if w.is_async {
                    let (enter, exit) = self.async_context(&mgr)?;
                    f.slots[exit_slot] = Some(exit);
                    let started = match self.call_awaited(&enter, &[]) {
                        Ok(Awaited::Done(v)) => Ok(Some(v)),
                        Ok(Awaited::Pending(a)) => self.start_await(c, &a),
                        Err(e) => Err(e),
                    };
                    match started {
                        Ok(Some(v)) => v,
                        Ok(None) => {
                            c.path.push(ENTER);
                            return Ok(Flow::Suspend);
                        }
                        Err(e) => {
                            f.slots[exit_slot] = None;
                            return Err(e);
                        }
                    }
                } else {
                    let (exit, value) = self.enter_context(&mgr)?;
                    f.slots[exit_slot] = Some(exit);
                    value
                };
                if let Some(t) = target {
                    if let Err(e) = self.assign(f, t, value) {
                        return self.leave_with(f, c, w, line, Err(e));
                    }
                }
            }
            Some(ENTER) => {
                let value = match c.resumed_outcome() {
                    Ok(v) => v,
                    Err(e) => {
                        f.slots[exit_slot] = None;
                        return Err(e);
                    }
                };
                if let Some(t) = target {
                    if let Err(e) = self.assign(f, t, value) {
                        return self.leave_with(f, c, w, line, Err(e));
                    }
                }
            }
            Some(at) if at >= EXIT => {
                let outcome = c.resumed_outcome();
                return self.with_exited(f, w, line, at - EXIT, outcome);
            }
            Some(_) => {}
        }
        let r = self.run_block(f, c, &w.body);
        if let Ok(Flow::Suspend) = r {
            c.path.push(BODY);
            return r;
        }
        self.leave_with(f, c, w, line, r)
    }

    /// `__aenter__` and the bound `__aexit__` of an async context manager.
    fn async_context(&self, mgr: &Value) -> PyResult<(Value, Value)> {
        let class = self.type_of(mgr);
        let (Some(enter), Some(exit)) = (class.lookup(&self.names.aenter), class.lookup(&self.names.aexit)) else {
            let missed = if class.lookup(&self.names.aenter).is_some() { " (missed __aexit__ method)" } else { "" };
            let tn = class.name();
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol{missed}",
                tn.as_str()
            )));
        };
        Ok((self.bind_descriptor(enter, mgr)?, self.bind_descriptor(exit, mgr)?))
    }

    /// Leaves a `with` at `line` whose body ended with `r`: calls the exit
    /// (and for `async with` awaits what it returns).
    fn leave_with(&self, f: &mut Frame, c: &mut Cursor, w: &ir::WithStmt, line: u32, r: PyResult<Flow>) -> PyResult<Flow> {
        let exit_slot = w.exit_slot as usize;
        let Some(exit) = f.slots[exit_slot].take() else { return r };
        if !w.is_async {
            return self.exit_context(f, line, &exit, None, r);
        }
        let (kind, payload) = pending_of(r);
        let awaitable = match &payload {
            Some(Value::Instance(exc)) if kind == PENDING_RAISE => {
                let tb = self.get_attr(&Value::Instance(exc.clone()), &self.intern("__traceback__")).unwrap_or(Value::None);
                self.handling.borrow_mut().push(exc.clone());
                self.call_awaited(&exit, &[Value::Class(exc.class()), Value::Instance(exc.clone()), tb])
            }
            _ => self.call_awaited(&exit, &[Value::None, Value::None, Value::None]),
        };
        f.slots[exit_slot + 1] = payload;
        let outcome = match awaitable {
            Ok(Awaited::Done(v)) => Ok(v),
            Ok(Awaited::Pending(a)) => match self.start_await(c, &a) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => {
                    c.path.push(EXIT + kind);
                    return Ok(Flow::Suspend);
                }
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        self.with_exited(f, w, line, kind, outcome)
    }

    /// After `await __aexit__(...)` gave `outcome`: the body's pending
    /// outcome of kind `kind`, unless the exit suppressed its exception.
    /// An exception from the exit is reported at the `with` line.
    fn with_exited(&self, f: &mut Frame, w: &ir::WithStmt, line: u32, kind: u32, outcome: PyResult<Value>) -> PyResult<Flow> {
        let payload = f.slots[w.exit_slot as usize + 1].take();
        if outcome.is_err() {
            f.set_line(line);
        }
        if kind != PENDING_RAISE {
            outcome?;
            return flow_of(kind, payload);
        }
        self.handling.borrow_mut().pop();
        let Some(Value::Instance(exc)) = payload else { return Ok(Flow::Normal) };
        let suppress = outcome.map_err(|e| self.chain_context(e, &exc))?;
        if self.truthy(&suppress)? {
            Ok(Flow::Normal)
        } else {
            Err(PyErr(exc))
        }
    }

    // ----- match -----

    fn run_match(&self, f: &mut Frame, c: &mut Cursor, m: &ir::MatchStmt) -> PyResult<Flow> {
        let case = if c.resuming {
            c.pop() as usize
        } else {
            let subject = self.eval(f, &m.subject)?;
            let mut chosen = None;
            for (i, case) in m.cases.iter().enumerate() {
                if self.match_pattern(f, &case.pattern, &subject)? {
                    let ok = match &case.guard {
                        Some(g) => self.eval_cond(f, g)?,
                        None => true,
                    };
                    if ok {
                        chosen = Some(i);
                        break;
                    }
                }
            }
            match chosen {
                Some(i) => i,
                None => return Ok(Flow::Normal),
            }
        };
        match m.cases.get(case) {
            Some(arm) => self.run_child(f, c, &arm.body, case as u32),
            None => Ok(Flow::Normal),
        }
    }

    // ----- delegation -----

    /// Sends `v` into the iterator a `yield from`/`await` delegates to.
    pub fn send_to(&self, it: &Value, v: Value) -> PyResult<GenStep> {
        if let Value::Native(n) = it {
            // Awaiting an asyncio future: no method call, no StopIteration.
            if let Some(step) = crate::aio::future::iter_send(self, n) {
                return step;
            }
            if let Some(step) = crate::aio::alarm::sleep_send(self, it) {
                return step;
            }
            // An async generator's asend/athrow: no StopIteration per item.
            if let Some(step) = crate::builtins::generator::awaitable_send_step(self, n, v.clone()) {
                return step;
            }
        }
        match it {
            Value::Generator(g) => g.resume(self, Resume::Send(v)),
            _ if v.is_none() => Ok(match self.next_with_value(it)? {
                Ok(y) => GenStep::Yielded(y),
                Err(ret) => GenStep::Returned(ret),
            }),
            _ => match self.call_method(it, "send", &[v]) {
                Ok(y) => Ok(GenStep::Yielded(y)),
                Err(e) if self.err_is(&e, "StopIteration") => Ok(GenStep::Returned(self.stop_value(&e))),
                Err(e) => Err(e),
            },
        }
    }

    /// Throws `e` into a delegate. An error result is what the delegating
    /// frame itself must raise: the delegate's exception, or `e` when the
    /// delegate has no `throw`. GeneratorExit closes the delegate and is
    /// then raised in the delegating frame, as CPython does.
    pub fn throw_to(&self, it: &Value, e: PyErr) -> PyResult<GenStep> {
        if self.err_is(&e, "GeneratorExit") {
            let closed = match it {
                Value::Generator(g) => g.close(self),
                _ => match self.get_attr_opt(it, &self.intern("close")) {
                    Ok(Some(close)) => self.call(&close, &[], &[]).map(drop),
                    Ok(None) => Ok(()),
                    Err(err) => Err(err),
                },
            };
            return Err(match closed {
                Ok(()) => e,
                Err(err) => err,
            });
        }
        match it {
            Value::Generator(g) => g.resume(self, Resume::Throw(e)),
            _ => match self.get_attr_opt(it, &self.intern("throw"))? {
                None => Err(e),
                Some(throw) => match self.call(&throw, &[Value::Instance(e.0.clone())], &[]) {
                    Ok(v) => Ok(GenStep::Yielded(v)),
                    Err(x) if self.err_is(&x, "StopIteration") => Ok(GenStep::Returned(self.stop_value(&x))),
                    Err(x) => Err(x),
                },
            },
        }
    }

    /// `next()` that keeps StopIteration's value: `Err(value)` at the end.
    fn next_with_value(&self, it: &Value) -> PyResult<Result<Value, Value>> {
        match it {
            Value::Iter(_) => Ok(self.next(it)?.ok_or(Value::None)),
            _ => {
                let class = self.type_of(it);
                let Some(f) = class.lookup(&self.names.next) else {
                    return Err(self.type_error(format!("'{}' object is not an iterator", class.instance_type_name().as_str())));
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

    /// The iterator `await` delegates to: a coroutine itself, or `__await__()`.
    pub fn awaitable_iter(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Generator(g) if g.kind == CodeKind::Coroutine => {
                if g.is_delegating() {
                    return Err(self.runtime_error("coroutine is being awaited already"));
                }
                Ok(v.clone())
            }
            // asyncio's future iterators and async generators' awaitables
            // are their own __await__().
            Value::Native(n) if crate::aio::future::is_iter(n) || crate::aio::alarm::is_sleep(n) || crate::builtins::generator::is_awaitable(n) => {
                Ok(v.clone())
            }
            _ => {
                let class = self.type_of(v);
                match class.lookup(&self.names.await_) {
                    Some(m) if !m.is_none() => {
                        let it = self.call_special(m, v, &[])?;
                        if matches!(&it, Value::Generator(g) if g.kind == CodeKind::Coroutine) {
                            return Err(self.type_error("__await__() returned a coroutine"));
                        }
                        let is_iterator = match &it {
                            Value::Iter(_) | Value::Generator(_) => true,
                            other => self.type_of(other).lookup(&self.names.next).is_some(),
                        };
                        if !is_iterator {
                            return Err(self.type_error(format!(
                                "__await__() returned non-iterator of type '{}'",
                                self.type_name(&it).as_str()
                            )));
                        }
                        Ok(it)
                    }
                    _ => Err(self.type_error(format!("object {} can't be used in 'await' expression", class.instance_type_name().as_str()))),
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
}
