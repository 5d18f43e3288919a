//! Statements on the synchronous path.

use super::iterate::{Item, LoopItems};
use super::{Frame, Vm};
use crate::compile::ir::{self, Expr, ExprKind, Stmt, StmtKind, Target};
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::value::{store, Value};
use std::rc::Rc;
use smallvec::SmallVec;

/// How a statement finished.
pub enum Flow {
    Normal,
    Return(Value),
    Break,
    Continue,
    /// A generator or coroutine frame suspended (only on the resumable
    /// path, `eval::resume`): the yielded value is in its cursor.
    Suspend,
}

impl Vm {
    pub fn exec_block(&self, f: &mut Frame, body: &[Stmt]) -> PyResult<Flow> {
        for s in body {
            match self.exec_stmt(f, s) {
                Ok(Flow::Normal) => {}
                Ok(other) => return Ok(other),
                Err(e) => {
                    self.add_traceback(&e, f);
                    return Err(e);
                }
            }
        }
        Ok(Flow::Normal)
    }

    pub fn exec_stmt(&self, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
        f.set_line(s.line);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(f, e)?;
                self.finalize_freed();
            }
            StmtKind::Assign(targets, value) => {
                match (&targets[..], &value.kind) {
                    ([Target::Local(i)], _) => {
                        let v = self.eval_operand(f, value)?;
                        store(&mut f.slots[*i as usize], v);
                    }
                    ([Target::Unpack(ts, None, _)], ExprKind::Tuple(items)) if pairs_up(ts, items) => {
                        self.assign_each(f, ts, items)?;
                    }
                    ([t], _) => {
                        let v = self.eval_operand(f, value)?;
                        self.assign(f, t, v)?;
                    }
                    _ => {
                        let v = self.eval_operand(f, value)?;
                        for t in targets {
                            self.assign(f, t, v.clone())?;
                        }
                    }
                }
                self.finalize_freed();
            }
            StmtKind::AugAssign(target, op, value) => {
                self.aug_assign(f, target, *op, value)?;
                self.finalize_freed();
            }
            StmtKind::Annotate(name, ann) => {
                let v = self.eval(f, ann)?;
                self.record_annotation(f, name, v)?;
            }
            StmtKind::If(test, body, orelse) => {
                let branch = if self.eval_cond(f, test)? { body } else { orelse };
                return self.exec_block(f, branch);
            }
            StmtKind::While(test, body, orelse) => {
                loop {
                    self.safe_point()?;
                    if !self.eval_cond(f, test)? {
                        return self.exec_block(f, orelse);
                    }
                    match self.exec_block(f, body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return Ok(other),
                    }
                }
            }
            StmtKind::For(fs) => {
                // The loop's iterator (often a generator) is freed here.
                let flow = self.exec_for(f, fs);
                self.finalize_freed();
                return flow;
            }
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval_operand(f, e)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Pass => {}
            StmtKind::Raise(exc, cause, span) => {
                let exc = match exc {
                    Some(e) => Some(self.eval(f, e)?),
                    None => return Err(self.make_raise(None, None)),
                };
                let cause = match cause {
                    Some(e) => Some(self.eval(f, e)?),
                    None => None,
                };
                let err = self.make_raise(exc, cause);
                if let Some(d) = err.0.exc() {
                    let mut d = d.borrow_mut();
                    let here = &*f as *const Frame as usize;
                    d.raised_again = d.traceback.last().is_some_and(|t| t.frame == here);
                }
                return Err(self.failed_at_span(err, *span));
            }
            StmtKind::Try(t) => {
                let body = self.exec_block(f, &t.body);
                let r = self.after_try_body(f, t, body);
                let flow = self.run_finally(f, &t.finalbody, r);
                // The exception a handler caught is freed here.
                self.finalize_freed();
                return flow;
            }
            StmtKind::With(w) => {
                let flow = self.exec_with(f, s.line, &w.items, &w.body);
                self.finalize_freed();
                return flow;
            }
            StmtKind::FunctionDef(def, target) => {
                let func = self.make_function(f, def)?;
                let func = self.decorate(f, &def.decorators, func)?;
                self.assign(f, target, func)?;
            }
            StmtKind::ClassDef(def, target) => {
                let class = self.exec_class_def(f, def)?;
                let class = self.decorate(f, &def.decorators, class)?;
                self.assign(f, target, class)?;
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(f, t)?;
                }
                self.finalize_freed();
            }
            StmtKind::Import(names) => {
                for n in names {
                    let m = self.import_name(f, n)?;
                    self.assign(f, &n.target, m)?;
                }
            }
            StmtKind::ImportFrom(imp) => self.import_from(f, imp)?,
            StmtKind::Assert(test, msg) => {
                let t = self.eval(f, test)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(f, m)?],
                        None => Vec::new(),
                    };
                    let err = self.new_exc(&self.types.exc("AssertionError"), args);
                    // With a message, CPython 3.11 underlines the condition.
                    return Err(if msg.is_some() { self.failed_at(err, test) } else { err });
                }
            }
            StmtKind::FreshCells(cells) => {
                for &cell in cells {
                    f.cells[cell as usize] = gc::new(CellObj::new(None));
                }
            }
            StmtKind::Suspend(_) => {
                return Err(self.new_error("SystemError", "a suspension point reached the synchronous evaluator"));
            }
            StmtKind::Match(m) => {
                let subject = self.eval(f, &m.subject)?;
                for case in &m.cases {
                    if self.match_pattern(f, &case.pattern, &subject)? {
                        let guard_ok = match &case.guard {
                            Some(g) => {
                                let v = self.eval(f, g)?;
                                self.truthy(&v)?
                            }
                            None => true,
                        };
                        if guard_ok {
                            return self.exec_block(f, &case.body);
                        }
                    }
                }
            }
        }
        Ok(Flow::Normal)
    }

    fn exec_for(&self, f: &mut Frame, fs: &ir::ForStmt) -> PyResult<Flow> {
        let iterable = self.eval(f, &fs.iter)?;
        // `for i in range(...)` with a local target: no iterator object.
        if let (Value::Range(r), Target::Local(slot)) = (&iterable, &fs.target) {
            if !r.fits_i64() {
                return Err(self.overflow_error("Python int too large to convert to C long"));
            }
            let n = r.len();
            let (start, step) = (r.start as i64, r.step as i64);
            let slot = *slot as usize;
            for k in 0..n {
                self.safe_point()?;
                store(&mut f.slots[slot], Value::Int(start + k * step));
                match self.exec_block(f, &fs.body)? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Normal | Flow::Continue => {}
                    other => return Ok(other),
                }
            }
            return self.exec_block(f, &fs.orelse);
        }
        let mut items = self.loop_items(iterable)?;
        // `for a, b in pairs`: an iterator that makes its pairs natively
        // hands them over without a tuple.
        if let (LoopItems::Iter(it), Target::Unpack(ts, None, _)) = (&items, &fs.target) {
            if let [first, second] = &ts[..] {
                let it = it.clone();
                while let Some(item) = self.next_item(&it)? {
                    self.safe_point()?;
                    self.assign_item(f, &fs.target, (first, second), item)?;
                    if let Some(flow) = self.loop_pass(f, &fs.body)? {
                        return Ok(flow);
                    }
                }
                return self.exec_block(f, &fs.orelse);
            }
        }
        while let Some(item) = self.next_loop_item(&mut items)? {
            self.safe_point()?;
            self.assign(f, &fs.target, item)?;
            if let Some(flow) = self.loop_pass(f, &fs.body)? {
                return Ok(flow);
            }
        }
        self.exec_block(f, &fs.orelse)
    }

    /// One pass of a loop's body: the flow the loop ends with, if it ends.
    #[inline(always)]
    fn loop_pass(&self, f: &mut Frame, body: &[Stmt]) -> PyResult<Option<Flow>> {
        Ok(match self.exec_block(f, body)? {
            Flow::Break => Some(Flow::Normal),
            Flow::Normal | Flow::Continue => None,
            other => Some(other),
        })
    }

    /// The handlers and `else` of a `try`, given how its body ended.
    pub(crate) fn after_try_body(&self, f: &mut Frame, t: &ir::TryStmt, body: PyResult<Flow>) -> PyResult<Flow> {
        match body {
            Ok(Flow::Normal) => self.exec_block(f, &t.orelse),
            Ok(flow) => Ok(flow),
            Err(err) if t.is_star => self.exec_except_star(f, t, err),
            Err(err) => {
                for h in &t.handlers {
                    if !self.handler_matches(f, h, &err)? {
                        continue;
                    }
                    return self.run_handler(f, h, err);
                }
                Err(err)
            }
        }
    }

    /// Whether handler `h` catches `err`; what goes wrong evaluating its
    /// `except` clause happens while `err` is being handled (its context).
    pub(crate) fn handler_matches(&self, f: &mut Frame, h: &ir::Handler, err: &PyErr) -> PyResult<bool> {
        let Some(t) = &h.type_ else { return Ok(true) };
        let matched = self.eval(f, t).and_then(|class| self.exception_matches(&err.0, &class));
        matched.map_err(|e| self.chain_context(e, &err.0))
    }

    /// `except class:` against an exception instance; `class` may be a tuple.
    pub fn exception_matches(&self, exc: &Rc<Instance>, class: &Value) -> PyResult<bool> {
        match class {
            Value::Class(c) => {
                if !c.is_subclass(&self.types.exceptions["BaseException"]) {
                    return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
                }
                Ok(exc.class().is_subclass(c))
            }
            Value::Tuple(t) => {
                for c in t.items.iter() {
                    if self.exception_matches(exc, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    pub(crate) fn run_handler(&self, f: &mut Frame, h: &ir::Handler, err: PyErr) -> PyResult<Flow> {
        let exc = err.0.clone();
        if let Some(name) = &h.name {
            self.assign(f, name, Value::Instance(exc.clone()))?;
        }
        self.handling.borrow_mut().push(exc.clone());
        let r = self.exec_block(f, &h.body);
        self.handling.borrow_mut().pop();
        if let Some(name) = &h.name {
            self.unbind(f, name);
        }
        r.map_err(|e| self.chain_context(e, &exc))
    }

    /// Sets `err.__context__` to the exception that was being handled.
    pub fn chain_context(&self, err: PyErr, handled: &Rc<Instance>) -> PyErr {
        if Rc::ptr_eq(&err.0, handled) {
            return err;
        }
        if let Some(data) = err.0.exc() {
            let mut d = data.borrow_mut();
            if d.context.is_none() {
                // Avoid a cycle when the handled exception's own context is `err`.
                d.context = Value::Instance(handled.clone());
            }
        }
        err
    }

    pub(crate) fn run_finally(&self, f: &mut Frame, finalbody: &[Stmt], r: PyResult<Flow>) -> PyResult<Flow> {
        if finalbody.is_empty() {
            return r;
        }
        match r {
            Err(err) => {
                let exc = err.0.clone();
                self.handling.borrow_mut().push(exc.clone());
                let fr = self.exec_block(f, finalbody);
                self.handling.borrow_mut().pop();
                match fr {
                    Ok(Flow::Normal) => Err(err),
                    Ok(flow) => Ok(flow),
                    Err(e) => Err(self.chain_context(e, &exc)),
                }
            }
            Ok(flow) => match self.exec_block(f, finalbody)? {
                Flow::Normal => Ok(flow),
                other => Ok(other),
            },
        }
    }

    /// Removes an `except ... as name` binding after the handler.
    pub(crate) fn unbind(&self, f: &mut Frame, t: &Target) {
        match t {
            Target::Local(i) => f.slots[*i as usize] = None,
            Target::Cell(i) => *f.cells[*i as usize].value.borrow_mut() = None,
            Target::Global(n) => {
                f.globals.del_str(n);
            }
            Target::Name(n) => {
                // The handler's own binding; a mapping that refuses the
                // deletion keeps it, as CPython's DELETE_NAME would fail.
                let _ = self.delete_name(f, n);
            }
            _ => {}
        }
    }

    /// A `with` statement at `line`, from its first item on.
    fn exec_with(&self, f: &mut Frame, line: u32, items: &[(ir::Expr, Option<Target>)], body: &[Stmt]) -> PyResult<Flow> {
        let Some(((ctx, target), rest)) = items.split_first() else {
            return self.exec_block(f, body);
        };
        let mgr = self.eval(f, ctx)?;
        // The methods stay unbound: `__exit__` is called with `mgr` in
        // front of its arguments, no bound method made per `with`.
        let (enter, exit) = self.context_methods(&mgr)?;
        let value = self.call_special(enter, &mgr, &[])?;
        let r = match target {
            Some(t) => self.assign(f, t, value),
            None => Ok(()),
        };
        let r = match r {
            Ok(()) => self.exec_with(f, line, rest, body),
            Err(e) => Err(e),
        };
        self.exit_context(f, line, &exit, Some(&mgr), r)
    }

    /// Calls `__enter__`; returns the bound `__exit__` and the entered value.
    pub(crate) fn enter_context(&self, mgr: &Value) -> PyResult<(Value, Value)> {
        let (enter, exit) = self.context_methods(mgr)?;
        let exit = self.bind_descriptor(exit, mgr)?;
        let value = self.call_special(enter, mgr, &[])?;
        Ok((exit, value))
    }

    /// The `__enter__` and `__exit__` of `mgr`'s type, unbound.
    fn context_methods(&self, mgr: &Value) -> PyResult<(Value, Value)> {
        let class = self.type_of(mgr);
        let (Some(enter), Some(exit)) = (class.lookup(&self.names.enter), class.lookup(&self.names.exit)) else {
            let tn = self.type_name(mgr);
            let msg = if class.lookup(&self.names.enter).is_some() {
                format!("'{tn}' object does not support the context manager protocol (missed __exit__ method)")
            } else {
                format!("'{tn}' object does not support the context manager protocol")
            };
            return Err(self.type_error(msg));
        };
        Ok((enter, exit))
    }

    /// Calls the `__exit__` of a `with` statement at `line` after its body
    /// ended with `r`. As in CPython, an exception the exit raises is
    /// reported at the `with` line, one from the body that it lets through
    /// at the body's line.
    pub(crate) fn exit_context(&self, f: &mut Frame, line: u32, exit: &Value, mgr: Option<&Value>, r: PyResult<Flow>) -> PyResult<Flow> {
        let body_line = f.line();
        f.set_line(line);
        let call_exit = |args: &[Value]| match mgr {
            Some(mgr) => self.call_special(exit.clone(), mgr, args),
            None => self.call(exit, args, &[]),
        };
        match r {
            Ok(flow) => {
                call_exit(&[Value::None, Value::None, Value::None])?;
                Ok(flow)
            }
            Err(err) => {
                let exc = err.0.clone();
                let tb = self.get_attr(&Value::Instance(exc.clone()), &self.intern("__traceback__")).unwrap_or(Value::None);
                let args = [Value::Class(exc.class()), Value::Instance(exc.clone()), tb];
                self.handling.borrow_mut().push(exc.clone());
                let res = call_exit(&args);
                self.handling.borrow_mut().pop();
                let res = res.map_err(|e| self.chain_context(e, &exc))?;
                if self.truthy(&res)? {
                    Ok(Flow::Normal)
                } else {
                    f.set_line(body_line);
                    Err(err)
                }
            }
        }
    }

    /// Builds the exception a `raise` statement raises.
    pub fn make_raise(&self, exc: Option<Value>, cause: Option<Value>) -> PyErr {
        let Some(exc) = exc else {
            return match self.handling.borrow().last() {
                Some(e) => PyErr(e.clone()),
                None => self.runtime_error("No active exception to reraise"),
            };
        };
        let inst = match self.exception_instance(exc) {
            Ok(i) => i,
            Err(e) => return e,
        };
        if let Some(cause) = cause {
            let cause = match cause {
                Value::None => Value::None,
                c => match self.exception_instance(c) {
                    Ok(i) => Value::Instance(i),
                    Err(_) => return self.type_error("exception causes must derive from BaseException"),
                },
            };
            if let Some(d) = inst.exc() {
                let mut d = d.borrow_mut();
                d.cause = cause;
                d.suppress_context = true;
            }
        }
        let err = PyErr(inst);
        match self.handling.borrow().last() {
            Some(h) => self.chain_context(err, h),
            None => err,
        }
    }

    /// An exception instance from a `raise` operand: instances as they are,
    /// classes instantiated with no arguments.
    pub fn exception_instance(&self, v: Value) -> Result<Rc<Instance>, PyErr> {
        let base = self.types.exceptions["BaseException"].clone();
        match &v {
            Value::Instance(i) if i.class().is_subclass(&base) => Ok(i.clone()),
            Value::Class(c) if c.is_subclass(&base) => match self.call(&v, &[], &[]) {
                Ok(Value::Instance(i)) if i.exc().is_some() => Ok(i),
                Ok(_) => Err(self.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    c.name().as_str(),
                    "object"
                ))),
                Err(e) => Err(e),
            },
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    pub(crate) fn record_annotation(&self, f: &mut Frame, name: &Rc<crate::runtime::str::Str>, v: Value) -> PyResult<()> {
        let existing = match &f.locals {
            None => f.globals.get_str(&self.names.annotations),
            Some(_) => self.local_name(f, &self.names.annotations)?,
        };
        let anns = match existing {
            Some(a) => a,
            None => {
                let d = Value::Dict(gc::new(Dict::new()));
                self.store_name(f, &self.names.annotations, d.clone())?;
                d
            }
        };
        self.set_item(&anns, Value::Str(name.clone()), v)
    }

    pub fn decorate(&self, f: &mut Frame, decorators: &[ir::Expr], mut value: Value) -> PyResult<Value> {
        if decorators.is_empty() {
            return Ok(value);
        }
        let decs: Vec<Value> = decorators.iter().map(|d| self.eval(f, d)).collect::<PyResult<_>>()?;
        for d in decs.iter().rev() {
            value = self.call(d, &[value], &[])?;
        }
        Ok(value)
    }

    pub fn delete(&self, f: &mut Frame, t: &Target) -> PyResult<()> {
        match t {
            Target::Local(i) => {
                if f.slots[*i as usize].take().is_none() {
                    let name = f.code.slot_names[*i as usize].clone();
                    return Err(self.unbound_local(&name));
                }
            }
            Target::Cell(i) => {
                if f.cells[*i as usize].value.borrow_mut().take().is_none() {
                    let name = f.code.cell_names[*i as usize].clone();
                    return Err(self.unbound_local(&name));
                }
            }
            Target::Global(n) => {
                if f.globals.del_str(n).is_none() {
                    return Err(self.name_error(n.as_str()));
                }
            }
            Target::Name(n) => {
                if !self.delete_name(f, n)? {
                    return Err(self.name_error(n.as_str()));
                }
            }
            Target::Attr(obj, name) => {
                let o = self.eval(f, obj)?;
                self.del_attr(&o, name)?;
            }
            Target::Subscript(obj, idx) => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, idx)?;
                self.del_item(&o, &i).map_err(|e| self.failed_at_item(e, obj, idx))?;
            }
            Target::Unpack(ts, ..) => {
                for t in ts {
                    self.delete(f, t)?;
                }
            }
        }
        Ok(())
    }

    pub fn unbound_local(&self, name: &crate::runtime::str::Str) -> PyErr {
        self.new_error("UnboundLocalError", format!("cannot access local variable '{name}' where it is not associated with a value"))
    }

    /// Binds `v` to `t`; a local variable inline, the rest out of line.
    #[inline(always)]
    pub fn assign(&self, f: &mut Frame, t: &Target, v: Value) -> PyResult<()> {
        if let Target::Local(i) = t {
            store(&mut f.slots[*i as usize], v);
            return Ok(());
        }
        self.assign_other(f, t, v)
    }

    /// Binds a loop item to the pair target `target` (`first, second`): a
    /// pair made natively goes in without its tuple.
    pub(super) fn assign_item(&self, f: &mut Frame, target: &Target, (first, second): (&Target, &Target), item: Item) -> PyResult<()> {
        match item {
            Item::Two(a, b) => {
                self.assign(f, first, a)?;
                self.assign(f, second, b)
            }
            Item::One(v) => self.assign(f, target, v),
        }
    }

    /// `a, b = x, y`: every value evaluated, then bound left to right, as
    /// CPython does, without the tuple in between.
    #[inline(never)]
    fn assign_each(&self, f: &mut Frame, targets: &[Target], values: &[Expr]) -> PyResult<()> {
        let mut vs: SmallVec<[Value; 4]> = SmallVec::with_capacity(values.len());
        for e in values {
            vs.push(self.eval_operand(f, e)?);
        }
        for (t, v) in targets.iter().zip(vs) {
            self.assign(f, t, v)?;
        }
        Ok(())
    }

    #[inline(never)]
    fn assign_other(&self, f: &mut Frame, t: &Target, v: Value) -> PyResult<()> {
        match t {
            Target::Local(i) => store(&mut f.slots[*i as usize], v),
            Target::Cell(i) => *f.cells[*i as usize].value.borrow_mut() = Some(v),
            Target::Global(n) => f.globals.set_str(n.clone(), v),
            Target::Name(n) => self.store_name(f, n, v)?,
            Target::Attr(obj, site) => match super::expr::leaf(f, obj) {
                Some(o) => self.set_attr_at(o, site, v)?,
                None => {
                    let o = self.eval_operand(f, obj)?;
                    self.set_attr_at(&o, site, v)?;
                }
            },
            Target::Subscript(obj, idx) => {
                let o = self.eval_operand(f, obj)?;
                if let (Value::List(l), ExprKind::Slice(a, b, c)) = (&o, &idx.kind) {
                    // `xs[a:b] = v`: no slice object.
                    let s = self.slice_of(f, a, b, c)?;
                    let r = self.slice_assigned(&v).and_then(|new| self.list_set_slice(l, &s, new));
                    return r.map_err(|e| self.failed_at_item(e, obj, idx));
                }
                let i = self.eval_operand(f, idx)?;
                self.set_item(&o, i, v).map_err(|e| self.failed_at_item(e, obj, idx))?;
            }
            Target::Unpack(ts, None, _) if matches!(&v, Value::Tuple(t) if t.items.len() == ts.len()) => {
                // `a, b = pair`: straight from the tuple.
                if let Value::Tuple(t) = &v {
                    for (t, item) in ts.iter().zip(t.items.iter()) {
                        self.assign(f, t, item.clone())?;
                    }
                }
            }
            Target::Unpack(ts, star, span) => {
                let items = self.unpack(v, ts.len(), *star).map_err(|e| self.failed_at_span(e, *span))?;
                for (t, item) in ts.iter().zip(items) {
                    self.assign(f, t, item)?;
                }
            }
        }
        Ok(())
    }

    /// CPython names a value that is not iterable at all in its own words.
    fn unpack_error(&self, v: &Value, e: PyErr) -> PyErr {
        let class = self.type_of(v);
        if self.err_is(&e, "TypeError") && class.lookup(&self.names.iter).is_none() && class.lookup(&self.names.getitem).is_none() {
            return self.type_error(format!("cannot unpack non-iterable {} object", self.type_name(v).as_str()));
        }
        e
    }

    /// Unpacks `v` into `n` values; with a starred target at `star`, that
    /// position receives a list of the surplus.
    pub fn unpack(&self, v: Value, n: usize, star: Option<usize>) -> PyResult<Vec<Value>> {
        let items: Vec<Value> = match (&v, star) {
            (Value::Tuple(t), _) => t.items.to_vec(),
            (Value::List(l), _) => l.items.borrow().clone(),
            _ => {
                if star.is_none() {
                    // Stop reading once one item too many has been seen.
                    let it = self.iter(&v).map_err(|e| self.unpack_error(&v, e))?;
                    let mut out = Vec::with_capacity(n);
                    while let Some(x) = self.next(&it)? {
                        if out.len() == n {
                            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
                        }
                        out.push(x);
                    }
                    out
                } else {
                    let it = self.iter(&v).map_err(|e| self.unpack_error(&v, e))?;
                    self.collect(&it)?
                }
            }
        };
        match star {
            None => {
                if items.len() != n {
                    if items.len() > n {
                        return Err(self.value_error(format!("too many values to unpack (expected {n})")));
                    }
                    return Err(self.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len())));
                }
                Ok(items)
            }
            Some(s) => {
                let min = n - 1;
                if items.len() < min {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {min}, got {})",
                        items.len()
                    )));
                }
                let after = n - 1 - s;
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(s);
                let mut out = items;
                out.push(Value::list(middle));
                out.extend(tail);
                Ok(out)
            }
        }
    }

    fn aug_assign(&self, f: &mut Frame, target: &Target, op: ir::BinOp, value: &ir::Expr) -> PyResult<()> {
        match target {
            Target::Attr(obj, site) => {
                let o = self.eval_operand(f, obj)?;
                let cur = self.get_attr_at(&o, site)?;
                let rhs = self.eval_operand(f, value)?;
                let new = self.inplace_op(op, cur, rhs)?;
                self.set_attr_at(&o, site, new)
            }
            Target::Subscript(obj, idx) => {
                let o = self.eval_operand(f, obj)?;
                let i = self.eval_operand(f, idx)?;
                let cur = self.get_item(&o, &i).map_err(|e| self.failed_at_item(e, obj, idx))?;
                let rhs = self.eval_operand(f, value)?;
                // `xs[i] += number` on a list updates the item in place.
                if let (Value::List(l), Value::Int(k)) = (&o, &i) {
                    if let Some(new) = crate::eval::expr::arith_numbers(op, &cur, &rhs) {
                        let mut items = l.items.borrow_mut();
                        let len = items.len() as i64;
                        let j = if *k < 0 { *k + len } else { *k };
                        if (0..len).contains(&j) {
                            items[j as usize] = new;
                            return Ok(());
                        }
                    }
                }
                let new = self.inplace_op(op, cur, rhs)?;
                self.set_item(&o, i, new).map_err(|e| self.failed_at_item(e, obj, idx))
            }
            Target::Local(slot) => {
                let slot = *slot as usize;
                if let ir::ExprKind::Const(k) = &value.kind {
                    if let Some(Some(new)) = f.slots[slot].as_ref().map(|cur| crate::eval::expr::arith_numbers(op, cur, k)) {
                        store(&mut f.slots[slot], new);
                        return Ok(());
                    }
                }
                let Some(cur) = f.slots[slot].clone() else {
                    return Err(self.unbound_local(&f.code.slot_names[slot].clone()));
                };
                let rhs = self.eval_operand(f, value)?;
                let new = self.inplace_op(op, cur, rhs)?;
                store(&mut f.slots[slot], new);
                Ok(())
            }
            _ => {
                let cur = self.load_target(f, target)?;
                let rhs = self.eval(f, value)?;
                let new = self.inplace_op(op, cur, rhs)?;
                self.assign(f, target, new)
            }
        }
    }

    fn load_target(&self, f: &mut Frame, t: &Target) -> PyResult<Value> {
        match t {
            Target::Cell(i) => self.load_cell(f, *i),
            Target::Global(n) => self.load_global(f, n),
            Target::Name(n) => self.load_name(f, n),
            _ => Err(self.runtime_error("invalid augmented assignment target")),
        }
    }
}

/// Whether `targets = values` (a tuple display) can bind value by value:
/// as many plain targets as values, none starred.
#[inline]
fn pairs_up(targets: &[Target], values: &[Expr]) -> bool {
    targets.len() == values.len() && !values.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)))
}
