//! A-normal form for suspending frames: rewrites the body of a generator,
//! coroutine or async generator so that every `yield`, `yield from` and
//! `await` is a statement of its own (`StmtKind::Suspend`), with what was
//! evaluated before it kept in hidden temporaries of the frame.
//!
//! After this pass a suspending statement is a `Suspend`, or an `if`,
//! `while`, `for`, `try`, `with` or `match` whose own header does not
//! suspend (except the `__anext__`/`__aenter__`/`__aexit__` awaits of
//! `async for` and `async with`, which the evaluator performs itself). So a
//! suspended frame's whole state is its slots plus, for each enclosing
//! compound statement, which child is running (`eval::resume`).
//!
//! Evaluation order is CPython's: a sub-expression evaluated before a
//! suspension point is stored in a temporary, so what it saw is not
//! re-read after the frame resumes.

use super::ir::*;
use crate::runtime::intern::Interner;
use crate::runtime::value::Value;
use std::rc::Rc;

/// Lowers a generator-like body; hidden slots are appended to `slot_names`.
pub fn lower_body(body: Vec<Stmt>, slot_names: &mut Vec<Sym>, interner: &Interner) -> Vec<Stmt> {
    if !body.iter().any(|s| s.suspends) {
        return body;
    }
    let mut anf = Anf { slot_names, hidden: interner.intern(".anf"), line: 0, interner };
    anf.block(body)
}

struct Anf<'a> {
    slot_names: &'a mut Vec<Sym>,
    /// The name of hidden slots (`locals()` skips names starting with '.').
    hidden: Sym,
    /// The line of the statement being lowered: its parts keep it.
    line: u32,
    interner: &'a Interner,
}

fn local(slot: u32) -> Expr {
    Expr::new(ExprKind::Local(slot))
}

fn take(slot: u32) -> Expr {
    Expr::new(ExprKind::Take(slot))
}

fn constant(v: Value) -> Expr {
    Expr::new(ExprKind::Const(v))
}

/// Whether an expression gives the same value whenever it is evaluated,
/// so it need not be kept in a temporary across a suspension.
fn stable(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Const(_) | ExprKind::Take(_))
}

impl Anf<'_> {
    fn temp(&mut self) -> u32 {
        self.slot_names.push(self.hidden.clone());
        (self.slot_names.len() - 1) as u32
    }

    fn emit(&self, out: &mut Vec<Stmt>, kind: StmtKind) {
        out.push(Stmt::new(kind, self.line));
    }

    fn assign_slot(&self, out: &mut Vec<Stmt>, slot: u32, value: Expr) {
        self.emit(out, StmtKind::Assign(vec![Target::Local(slot)], value));
    }

    /// Stores `e` in a new temporary; the result reads it back once.
    fn spill(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        if stable(&e) {
            return e;
        }
        let t = self.temp();
        self.assign_slot(out, t, e);
        take(t)
    }

    fn block(&mut self, body: Vec<Stmt>) -> Vec<Stmt> {
        let mut out = Vec::with_capacity(body.len());
        for s in body {
            self.stmt(s, &mut out);
        }
        out
    }

    // ----- statements -----

    fn stmt(&mut self, s: Stmt, out: &mut Vec<Stmt>) {
        if !s.suspends {
            out.push(s);
            return;
        }
        let saved_line = std::mem::replace(&mut self.line, s.line);
        self.stmt_kind(s.kind, out);
        self.line = saved_line;
    }

    fn stmt_kind(&mut self, kind: StmtKind, out: &mut Vec<Stmt>) {
        use StmtKind as S;
        match kind {
            S::Expr(e) => match direct_suspend(e) {
                Ok((kind, value)) => self.suspend(kind, value, None, out),
                Err(e) => {
                    let e = self.expr(e, out);
                    if !stable(&e) {
                        self.emit(out, S::Expr(e));
                    }
                }
            },
            S::Assign(mut targets, value) => {
                if targets.len() == 1 && !targets[0].suspends() {
                    match direct_suspend(value) {
                        Ok((kind, v)) => {
                            let t = targets.pop();
                            self.suspend(kind, v, t, out);
                        }
                        Err(value) => {
                            let v = self.expr(value, out);
                            self.emit(out, S::Assign(targets, v));
                        }
                    }
                    return;
                }
                let v = self.expr(value, out);
                let t = self.temp();
                self.assign_slot(out, t, v);
                for target in targets {
                    self.store(target, local(t), out);
                }
                // The temporary is not needed after the stores.
                self.emit(out, S::Assign(vec![Target::Local(t)], constant(Value::None)));
            }
            S::AugAssign(target, op, value) => self.aug_assign(target, op, value, out),
            S::Annotate(name, e) => {
                let e = self.expr(e, out);
                self.emit(out, S::Annotate(name, e));
            }
            S::If(test, body, orelse) => {
                let test = self.expr(test, out);
                let (body, orelse) = (self.block(body), self.block(orelse));
                self.emit(out, S::If(test, body, orelse));
            }
            S::While(test, body, orelse) if !test.suspends => {
                let (body, orelse) = (self.block(body), self.block(orelse));
                self.emit(out, S::While(test, body, orelse));
            }
            S::While(test, body, orelse) => {
                // while True: <test>; if not test: [flag = True;] break; <body>
                // then `if flag: <orelse>` (its break/continue are the outer loop's).
                let flag = if orelse.is_empty() { None } else { Some(self.temp()) };
                if let Some(flag) = flag {
                    self.assign_slot(out, flag, constant(Value::bool(false)));
                }
                let mut loop_body = Vec::new();
                let test = self.expr(test, &mut loop_body);
                let mut exit = Vec::new();
                if let Some(flag) = flag {
                    self.assign_slot(&mut exit, flag, constant(Value::bool(true)));
                }
                self.emit(&mut exit, S::Break);
                self.emit(&mut loop_body, S::If(test, Vec::new(), exit));
                loop_body.extend(self.block(body));
                self.emit(out, S::While(constant(Value::bool(true)), loop_body, Vec::new()));
                if let Some(flag) = flag {
                    let orelse = self.block(orelse);
                    self.emit(out, S::If(take(flag), orelse, Vec::new()));
                }
            }
            S::For(mut fs) => {
                fs.iter = self.expr(fs.iter, out);
                let mut body = Vec::new();
                if fs.target.suspends() {
                    let t = self.temp();
                    let target = std::mem::replace(&mut fs.target, Target::Local(t));
                    self.store(target, take(t), &mut body);
                }
                body.extend(std::mem::take(&mut fs.body));
                fs.body = self.block(body);
                fs.orelse = self.block(std::mem::take(&mut fs.orelse));
                // The loop's position: three slots (see `eval::resume`).
                fs.iter_slot = self.temp();
                self.temp();
                self.temp();
                self.emit(out, S::For(fs));
            }
            S::Return(v) => {
                let v = v.map(|v| self.expr(v, out));
                self.emit(out, S::Return(v));
            }
            S::Raise(exc, cause, span) => {
                let (has_exc, has_cause) = (exc.is_some(), cause.is_some());
                let parts: Vec<Expr> = exc.into_iter().chain(cause).collect();
                let mut lowered = self.operands(parts, out).into_iter();
                let exc = if has_exc { lowered.next() } else { None };
                let cause = if has_cause { lowered.next() } else { None };
                self.emit(out, S::Raise(exc, cause, span));
            }
            S::Try(mut t) => {
                if !t.is_star {
                    self.suspending_handler_types(&mut t);
                }
                t.body = self.block(std::mem::take(&mut t.body));
                for h in &mut t.handlers {
                    let saved = std::mem::replace(&mut self.line, h.line);
                    h.body = self.block(std::mem::take(&mut h.body));
                    self.line = saved;
                }
                t.orelse = self.block(std::mem::take(&mut t.orelse));
                t.finalbody = self.block(std::mem::take(&mut t.finalbody));
                // Only a handler or `finally` that suspends keeps its state in the frame.
                if t.finalbody.iter().chain(t.handlers.iter().flat_map(|h| &h.body)).any(|s| s.suspends) {
                    t.state_slot = self.temp();
                }
                self.emit(out, S::Try(t));
            }
            S::With(w) => self.with(*w, out),
            S::FunctionDef(def, target) => {
                let def = self.func_def(def, out);
                self.emit(out, S::FunctionDef(def, target));
            }
            S::ClassDef(mut c, target) => {
                let n_dec = c.decorators.len();
                let mut parts: Vec<Expr> = std::mem::take(&mut c.decorators);
                let bases = std::mem::take(&mut c.bases);
                let mut shapes = Vec::with_capacity(bases.len());
                for a in bases {
                    let (shape, e) = split_arg(a);
                    shapes.push(shape);
                    parts.push(e);
                }
                let mut lowered = self.operands(parts, out).into_iter();
                c.decorators = lowered.by_ref().take(n_dec).collect();
                c.bases = shapes.into_iter().zip(lowered).map(|(shape, e)| shape.rebuild(e)).collect();
                self.emit(out, S::ClassDef(c, target));
            }
            S::Delete(targets) => {
                for t in targets {
                    let t = self.target(t, out);
                    self.emit(out, S::Delete(vec![t]));
                }
            }
            S::Assert(test, msg) => {
                let test = self.expr(test, out);
                match msg {
                    Some(m) if m.suspends => {
                        let mut fail = Vec::new();
                        let m = self.expr(m, &mut fail);
                        self.emit(&mut fail, S::Assert(constant(Value::bool(false)), Some(m)));
                        self.emit(out, S::If(test, Vec::new(), fail));
                    }
                    msg => self.emit(out, S::Assert(test, msg)),
                }
            }
            S::Match(m) => self.match_stmt(*m, out),
            S::Suspend(_) | S::FreshCells(_) | S::Break | S::Continue | S::Pass | S::Import(_) | S::ImportFrom(_) => {
                self.emit(out, kind)
            }
        }
    }

    /// `except (await f()):` — handler types are evaluated only when the
    /// handlers before them did not match. From the first suspending type
    /// on, the handlers move into a catch-all that evaluates that type and
    /// re-raises the exception into a `try` holding them:
    /// `except BaseException as e: <type>; try: raise e; except <type>: ...`.
    fn suspending_handler_types(&mut self, t: &mut TryStmt) {
        let Some(k) = t.handlers.iter().position(|h| h.type_.as_ref().is_some_and(|e| e.suspends)) else { return };
        let mut moved = t.handlers.split_off(k);
        let line = moved[0].line;
        let saved = std::mem::replace(&mut self.line, line);
        let caught = self.temp();
        let mut body = Vec::new();
        if let Some(first) = moved.first_mut() {
            if let Some(type_) = first.type_.take() {
                first.type_ = Some(self.expr(type_, &mut body));
            }
        }
        let raise = Stmt::new(StmtKind::Raise(Some(local(caught)), None, Default::default()), line);
        let inner = TryStmt { body: vec![raise], handlers: moved, orelse: Vec::new(), finalbody: Vec::new(), is_star: false, state_slot: 0 };
        body.push(Stmt::new(StmtKind::Try(Box::new(inner)), line));
        t.handlers.push(Handler { type_: None, name: Some(Target::Local(caught)), body, line });
        self.line = saved;
    }

    fn suspend(&mut self, kind: SuspendKind, value: Option<Expr>, target: Option<Target>, out: &mut Vec<Stmt>) {
        let value = value.map(|v| self.expr(v, out));
        self.emit(out, StmtKind::Suspend(Box::new(SuspendStmt { kind, value, target })));
    }

    /// Stores `value` (already evaluated, or stable) into `target`,
    /// evaluating the target's own parts first when they suspend.
    fn store(&mut self, target: Target, value: Expr, out: &mut Vec<Stmt>) {
        match target {
            Target::Unpack(targets, star, span) if targets.iter().any(Target::suspends) => {
                let temps: Vec<u32> = targets.iter().map(|_| self.temp()).collect();
                let unpack = Target::Unpack(temps.iter().map(|&t| Target::Local(t)).collect(), star, span);
                self.emit(out, StmtKind::Assign(vec![unpack], value));
                for (t, slot) in targets.into_iter().zip(temps) {
                    self.store(t, take(slot), out);
                }
            }
            target => {
                let target = self.target(target, out);
                self.emit(out, StmtKind::Assign(vec![target], value));
            }
        }
    }

    /// A target whose sub-expressions no longer suspend.
    fn target(&mut self, target: Target, out: &mut Vec<Stmt>) -> Target {
        if !target.suspends() {
            return target;
        }
        match target {
            Target::Attr(obj, site) => Target::Attr(Box::new(self.expr(*obj, out)), site),
            Target::Subscript(obj, index) => {
                let mut parts = self.operands(vec![*obj, *index], out).into_iter();
                let (obj, index) = (parts.next(), parts.next());
                match (obj, index) {
                    (Some(o), Some(i)) => Target::Subscript(Box::new(o), Box::new(i)),
                    _ => Target::Unpack(Vec::new(), None, Default::default()),
                }
            }
            Target::Unpack(targets, star, span) => {
                Target::Unpack(targets.into_iter().map(|t| self.target(t, out)).collect(), star, span)
            }
            other => other,
        }
    }

    fn aug_assign(&mut self, target: Target, op: BinOp, value: Expr, out: &mut Vec<Stmt>) {
        if let Target::Local(slot) = target {
            let value = self.expr(value, out);
            self.emit(out, StmtKind::AugAssign(Target::Local(slot), op, value));
            return;
        }
        let current = self.temp();
        let store = match target {
            Target::Attr(obj, site) => {
                let obj = self.expr(*obj, out);
                let obj_slot = self.temp();
                self.assign_slot(out, obj_slot, obj);
                let load = ExprKind::Attr(Box::new(local(obj_slot)), AttrSite::new(site.name.clone()));
                self.assign_slot(out, current, Expr::new(load));
                Target::Attr(Box::new(take(obj_slot)), site)
            }
            Target::Subscript(obj, index) => {
                let mut parts = self.operands(vec![*obj, *index], out).into_iter();
                let (Some(obj), Some(index)) = (parts.next(), parts.next()) else { return };
                let (o, i) = (self.temp(), self.temp());
                self.assign_slot(out, o, obj);
                self.assign_slot(out, i, index);
                let load = ExprKind::Subscript(Box::new(local(o)), Box::new(local(i)));
                self.assign_slot(out, current, Expr::new(load));
                Target::Subscript(Box::new(take(o)), Box::new(take(i)))
            }
            Target::Cell(c) => {
                self.assign_slot(out, current, Expr::new(ExprKind::Cell(c)));
                Target::Cell(c)
            }
            Target::Global(name) => {
                self.assign_slot(out, current, Expr::new(ExprKind::Global(name.clone(), Default::default())));
                Target::Global(name)
            }
            Target::Name(name) => {
                self.assign_slot(out, current, Expr::new(ExprKind::Name(name.clone())));
                Target::Name(name)
            }
            other => other,
        };
        let value = self.expr(value, out);
        self.emit(out, StmtKind::AugAssign(Target::Local(current), op, value));
        self.emit(out, StmtKind::Assign(vec![store], take(current)));
    }

    /// `with a, b: body` is `with a: with b: body`; each item's expression
    /// and target are lowered where the item is entered.
    fn with(&mut self, mut w: WithStmt, out: &mut Vec<Stmt>) {
        if w.items.len() > 1 {
            let rest = w.items.split_off(1);
            let inner = WithStmt { items: rest, body: std::mem::take(&mut w.body), is_async: w.is_async, exit_slot: 0 };
            w.body = vec![Stmt::new(StmtKind::With(Box::new(inner)), self.line)];
        }
        let Some((ctx, target)) = w.items.pop() else { return };
        let ctx = self.expr(ctx, out);
        let mut body = Vec::new();
        let target = match target {
            Some(t) if t.suspends() => {
                let slot = self.temp();
                self.store(t, take(slot), &mut body);
                Some(Target::Local(slot))
            }
            t => t,
        };
        body.extend(std::mem::take(&mut w.body));
        w.body = self.block(body);
        w.items = vec![(ctx, target)];
        // The exit, then the pending outcome while an async exit is awaited.
        w.exit_slot = self.temp();
        self.temp();
        self.emit(out, StmtKind::With(Box::new(w)));
    }

    fn func_def(&mut self, def: Rc<FuncDef>, out: &mut Vec<Stmt>) -> Rc<FuncDef> {
        let mut def = match Rc::try_unwrap(def) {
            Ok(d) => d,
            Err(shared) => return shared,
        };
        let n_dec = def.decorators.len();
        let n_def = def.defaults.len();
        let kw_present: Vec<bool> = def.kwdefaults.iter().map(Option::is_some).collect();
        // CPython's order: decorators, defaults, keyword defaults, annotations.
        let mut parts: Vec<Expr> = std::mem::take(&mut def.decorators);
        parts.extend(std::mem::take(&mut def.defaults));
        parts.extend(std::mem::take(&mut def.kwdefaults).into_iter().flatten());
        let names: Vec<Sym> = def.annotations.iter().map(|(n, _)| n.clone()).collect();
        parts.extend(std::mem::take(&mut def.annotations).into_iter().map(|(_, e)| e));
        let mut lowered = self.operands(parts, out).into_iter();
        def.decorators = lowered.by_ref().take(n_dec).collect();
        def.defaults = lowered.by_ref().take(n_def).collect();
        def.kwdefaults = kw_present.into_iter().map(|present| if present { lowered.next() } else { None }).collect();
        def.annotations = names.into_iter().zip(lowered).collect();
        Rc::new(def)
    }

    /// A `match` whose guards suspend becomes a chain: each run of cases up
    /// to a suspending guard is a `match` that records in a state slot
    /// whether that case's pattern matched (1) or no case did (2).
    fn match_stmt(&mut self, mut m: MatchStmt, out: &mut Vec<Stmt>) {
        let subject = self.expr(m.subject, out);
        if !m.cases.iter().any(|c| c.guard.as_ref().is_some_and(|g| g.suspends)) {
            for case in &mut m.cases {
                case.body = self.block(std::mem::take(&mut case.body));
            }
            m.subject = subject;
            self.emit(out, StmtKind::Match(Box::new(m)));
            return;
        }
        let subject_slot = self.temp();
        self.assign_slot(out, subject_slot, subject);
        self.match_chain(subject_slot, m.cases, out);
    }

    fn match_chain(&mut self, subject: u32, mut cases: Vec<MatchCase>, out: &mut Vec<Stmt>) {
        let Some(k) = cases.iter().position(|c| c.guard.as_ref().is_some_and(|g| g.suspends)) else {
            for case in &mut cases {
                case.body = self.block(std::mem::take(&mut case.body));
            }
            let m = MatchStmt { subject: local(subject), cases };
            self.emit(out, StmtKind::Match(Box::new(m)));
            return;
        };
        let rest = cases.split_off(k + 1);
        let Some(guarded) = cases.pop() else { return };
        let state = self.temp();
        self.assign_slot(out, state, constant(Value::Int(0)));
        for case in &mut cases {
            case.body = self.block(std::mem::take(&mut case.body));
        }
        let line = self.line;
        let set_state = |v: i64| vec![Stmt::new(StmtKind::Assign(vec![Target::Local(state)], constant(Value::Int(v))), line)];
        cases.push(MatchCase { pattern: guarded.pattern, guard: None, body: set_state(1) });
        cases.push(MatchCase { pattern: Pattern::As(None, None), guard: None, body: set_state(2) });
        self.emit(out, StmtKind::Match(Box::new(MatchStmt { subject: local(subject), cases })));
        // if state == 1: <guard>; if guard: body else: state = 2
        let is = |v: i64| Expr::new(ExprKind::Compare(Box::new(local(state)), vec![(CmpOp::Eq, constant(Value::Int(v)))]));
        let mut matched = Vec::new();
        if let Some(guard) = guarded.guard {
            let guard = self.expr(guard, &mut matched);
            let body = self.block(guarded.body);
            let fail = set_state(2);
            self.emit(&mut matched, StmtKind::If(guard, body, fail));
        }
        self.emit(out, StmtKind::If(is(1), matched, Vec::new()));
        let mut later = Vec::new();
        self.match_chain(subject, rest, &mut later);
        self.emit(out, StmtKind::If(is(2), later, Vec::new()));
    }

    // ----- expressions -----

    /// Lowers `e`, emitting the statements that compute its suspending
    /// parts; the result contains no suspension point.
    fn expr(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        if !e.suspends {
            return e;
        }
        let span = e.span;
        let mut lowered = self.expr_parts(e, out);
        if lowered.span == Span::default() {
            lowered.span = span;
        }
        lowered
    }

    fn expr_parts(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        use ExprKind as K;
        match e.kind {
            K::Yield(v) => self.suspend_to_temp(SuspendKind::Yield, v.map(|v| *v), out),
            K::YieldFrom(v) => self.suspend_to_temp(SuspendKind::YieldFrom, Some(*v), out),
            K::Await(v) => self.suspend_to_temp(SuspendKind::Await, Some(*v), out),
            K::Attr(obj, site) => Expr::new(K::Attr(Box::new(self.expr(*obj, out)), site)),
            K::Unary(op, a) => Expr::new(K::Unary(op, Box::new(self.expr(*a, out)))),
            K::Starred(a) => Expr::new(K::Starred(Box::new(self.expr(*a, out)))),
            K::Subscript(a, b) => {
                let [a, b] = self.pair(*a, *b, out);
                Expr::new(K::Subscript(Box::new(a), Box::new(b)))
            }
            K::Binary(op, a, b) => {
                let [a, b] = self.pair(*a, *b, out);
                Expr::new(K::Binary(op, Box::new(a), Box::new(b)))
            }
            K::Slice(a, b, c) => {
                let present = [a.is_some(), b.is_some(), c.is_some()];
                let parts: Vec<Expr> = [a, b, c].into_iter().flatten().map(|e| *e).collect();
                let mut lowered = self.operands(parts, out).into_iter();
                let mut next = |p: bool| if p { lowered.next().map(Box::new) } else { None };
                let (a, b, c) = (next(present[0]), next(present[1]), next(present[2]));
                Expr::new(K::Slice(a, b, c))
            }
            K::And(items) => self.bool_op(true, items, out),
            K::Or(items) => self.bool_op(false, items, out),
            K::Compare(left, rest) => self.compare(*left, rest, out),
            K::IfExp(test, a, b) => {
                let test = self.expr(*test, out);
                let r = self.temp();
                let mut yes = Vec::new();
                let a = self.expr(*a, &mut yes);
                self.assign_slot(&mut yes, r, a);
                let mut no = Vec::new();
                let b = self.expr(*b, &mut no);
                self.assign_slot(&mut no, r, b);
                self.emit(out, StmtKind::If(test, yes, no));
                take(r)
            }
            K::CallPos(func, args) => {
                let mut parts = vec![*func];
                parts.extend(args);
                let mut lowered = self.operands(parts, out).into_iter();
                let func = lowered.next().unwrap_or_else(|| constant(Value::None));
                Expr::new(K::CallPos(Box::new(func), lowered.collect()))
            }
            K::Call(func, args) => {
                let (func, args) = self.call_parts(*func, args, out);
                Expr::new(K::Call(Box::new(func), args))
            }
            K::CallMethod(obj, site, args) => {
                if !args_suspend(&args) {
                    return Expr::new(K::CallMethod(Box::new(self.expr(*obj, out)), site, args));
                }
                // The method is looked up before the arguments are evaluated.
                let method = Expr { suspends: obj.suspends, kind: K::Attr(obj, site), span: Span::default() };
                let (func, args) = self.call_parts(method, args, out);
                Expr::new(K::Call(Box::new(func), args))
            }
            K::Tuple(items) => Expr::new(K::Tuple(self.items(items, out))),
            K::List(items) => Expr::new(K::List(self.items(items, out))),
            K::Set(items) => Expr::new(K::Set(self.items(items, out))),
            K::Dict(items) => self.dict(items, out),
            K::JoinedStr(parts) => Expr::new(K::JoinedStr(self.operands(parts, out))),
            K::Format(v, conv, spec) => {
                let parts: Vec<Expr> = std::iter::once(*v).chain(spec.map(|s| *s)).collect();
                let mut lowered = self.operands(parts, out).into_iter();
                let v = lowered.next().unwrap_or_else(|| constant(Value::None));
                Expr::new(K::Format(Box::new(v), conv, lowered.next().map(Box::new)))
            }
            K::Named(target, value) => {
                let v = self.expr(*value, out);
                let r = self.temp();
                self.emit(out, StmtKind::Assign(vec![Target::Local(r), *target], v));
                take(r)
            }
            K::Comprehension(c) => self.comprehension(*c, out),
            K::GenExp(def, first) => {
                let first = self.expr(*first, out);
                Expr::new(K::GenExp(def, Box::new(first)))
            }
            K::MakeFunction(def) => {
                let def = self.func_def(def, out);
                Expr::new(K::MakeFunction(def))
            }
            kind => Expr::new(kind),
        }
    }

    fn suspend_to_temp(&mut self, kind: SuspendKind, value: Option<Expr>, out: &mut Vec<Stmt>) -> Expr {
        let t = self.temp();
        self.suspend(kind, value, Some(Target::Local(t)), out);
        take(t)
    }

    fn pair(&mut self, a: Expr, b: Expr, out: &mut Vec<Stmt>) -> [Expr; 2] {
        let mut lowered = self.operands(vec![a, b], out).into_iter();
        let a = lowered.next().unwrap_or_else(|| constant(Value::None));
        let b = lowered.next().unwrap_or_else(|| constant(Value::None));
        [a, b]
    }

    /// Sibling operands, left to right: each one evaluated before a later
    /// sibling's suspension point is kept in a temporary.
    fn operands(&mut self, items: Vec<Expr>, out: &mut Vec<Stmt>) -> Vec<Expr> {
        let last = items.iter().rposition(|e| e.suspends);
        items
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let e = self.expr(e, out);
                if last.is_some_and(|l| i < l) {
                    self.spill(e, out)
                } else {
                    e
                }
            })
            .collect()
    }

    /// Display items; a `*iterable` before a suspension point is unpacked
    /// into a tuple there, as CPython extends the display at once.
    fn items(&mut self, items: Vec<Expr>, out: &mut Vec<Stmt>) -> Vec<Expr> {
        let last = items.iter().rposition(|e| e.suspends);
        let mut result = Vec::with_capacity(items.len());
        for (i, e) in items.into_iter().enumerate() {
            let before_suspension = last.is_some_and(|l| i < l);
            let (suspends, span) = (e.suspends, e.span);
            match e.kind {
                ExprKind::Starred(inner) => {
                    let inner = self.expr(*inner, out);
                    let inner = if before_suspension {
                        let starred = Expr::new(ExprKind::Starred(Box::new(inner)));
                        self.spill(Expr::new(ExprKind::Tuple(vec![starred])), out)
                    } else {
                        inner
                    };
                    result.push(Expr::new(ExprKind::Starred(Box::new(inner))));
                }
                kind => {
                    let e = self.expr(Expr { kind, suspends, span }, out);
                    result.push(if before_suspension { self.spill(e, out) } else { e });
                }
            }
        }
        result
    }

    fn call_parts(&mut self, func: Expr, args: Vec<Arg>, out: &mut Vec<Stmt>) -> (Expr, Vec<Arg>) {
        let mut shapes = Vec::with_capacity(args.len());
        let mut parts = vec![func];
        for a in args {
            let (shape, e) = split_arg(a);
            shapes.push(shape);
            parts.push(e);
        }
        let last = parts.iter().rposition(|e| e.suspends);
        let mut lowered = Vec::with_capacity(parts.len());
        for (i, e) in parts.into_iter().enumerate() {
            let e = self.expr(e, out);
            let before_suspension = last.is_some_and(|l| i < l);
            let e = match (i.checked_sub(1).map(|k| &shapes[k]), before_suspension) {
                (_, false) => e,
                (Some(ArgShape::Star), true) => {
                    let starred = Expr::new(ExprKind::Starred(Box::new(e)));
                    self.spill(Expr::new(ExprKind::Tuple(vec![starred])), out)
                }
                (Some(ArgShape::StarStar), true) => self.spill(Expr::new(ExprKind::Dict(vec![(None, e)])), out),
                _ => self.spill(e, out),
            };
            lowered.push(e);
        }
        let mut lowered = lowered.into_iter();
        let func = lowered.next().unwrap_or_else(|| constant(Value::None));
        let args = shapes.into_iter().zip(lowered).map(|(shape, e)| shape.rebuild(e)).collect();
        (func, args)
    }

    fn dict(&mut self, items: Vec<(Option<Expr>, Expr)>, out: &mut Vec<Stmt>) -> Expr {
        let mut keys = Vec::with_capacity(items.len());
        let mut parts = Vec::with_capacity(items.len() * 2);
        for (k, v) in items {
            keys.push(k.is_some());
            parts.extend(k);
            parts.push(v);
        }
        let last = parts.iter().rposition(|e| e.suspends);
        let mut lowered = Vec::with_capacity(parts.len());
        let mut index = 0;
        for has_key in &keys {
            if *has_key {
                let k = self.expr(parts_take(&mut parts, index), out);
                let before = last.is_some_and(|l| index < l);
                lowered.push(if before { self.spill(k, out) } else { k });
                index += 1;
            }
            let v = self.expr(parts_take(&mut parts, index), out);
            let before = last.is_some_and(|l| index < l);
            let v = match (has_key, before) {
                (_, false) => v,
                (true, true) => self.spill(v, out),
                (false, true) => self.spill(Expr::new(ExprKind::Dict(vec![(None, v)])), out),
            };
            lowered.push(v);
            index += 1;
        }
        let mut lowered = lowered.into_iter();
        let mut entries = Vec::with_capacity(keys.len());
        for has_key in keys {
            let k = if has_key { lowered.next() } else { None };
            let v = lowered.next().unwrap_or_else(|| constant(Value::None));
            entries.push((k, v));
        }
        Expr::new(ExprKind::Dict(entries))
    }

    /// `a and b` / `a or b` with a suspending operand: an `if` per operand
    /// that decides whether the next one is evaluated.
    fn bool_op(&mut self, is_and: bool, items: Vec<Expr>, out: &mut Vec<Stmt>) -> Expr {
        let r = self.temp();
        let mut items = items.into_iter();
        if let Some(first) = items.next() {
            let first = self.expr(first, out);
            self.assign_slot(out, r, first);
        }
        self.bool_rest(is_and, r, &mut items, out);
        take(r)
    }

    fn bool_rest(&mut self, is_and: bool, r: u32, rest: &mut std::vec::IntoIter<Expr>, out: &mut Vec<Stmt>) {
        let Some(next) = rest.next() else { return };
        let mut inner = Vec::new();
        let v = self.expr(next, &mut inner);
        self.assign_slot(&mut inner, r, v);
        self.bool_rest(is_and, r, rest, &mut inner);
        let kind = if is_and { StmtKind::If(local(r), inner, Vec::new()) } else { StmtKind::If(local(r), Vec::new(), inner) };
        self.emit(out, kind);
    }

    /// `a < b < c` with a suspending operand: each comparison in turn,
    /// the next operand evaluated only while the chain holds.
    fn compare(&mut self, left: Expr, rest: Vec<(CmpOp, Expr)>, out: &mut Vec<Stmt>) -> Expr {
        let left = self.expr(left, out);
        let mut left = self.spill(left, out);
        let r = self.temp();
        let n = rest.len();
        let mut level: Vec<Vec<Stmt>> = Vec::new();
        let mut current = std::mem::take(out);
        for (i, (op, right)) in rest.into_iter().enumerate() {
            let right = self.expr(right, &mut current);
            let last = i + 1 == n;
            let right_kept = if last { None } else { Some(self.temp()) };
            let operand = match right_kept {
                Some(t) => {
                    self.assign_slot(&mut current, t, right);
                    local(t)
                }
                None => right,
            };
            let lhs = std::mem::replace(&mut left, constant(Value::None));
            let cmp = Expr::new(ExprKind::Compare(Box::new(lhs), vec![(op, operand)]));
            self.assign_slot(&mut current, r, cmp);
            if let Some(t) = right_kept {
                left = take(t);
                level.push(current);
                current = Vec::new();
            }
        }
        // Nest: each later comparison runs inside `if r:` of the one before.
        while let Some(mut outer) = level.pop() {
            self.emit(&mut outer, StmtKind::If(local(r), current, Vec::new()));
            current = outer;
        }
        *out = current;
        take(r)
    }

    /// A list/set/dict comprehension that suspends becomes loops that add
    /// to an accumulator in a hidden slot.
    fn comprehension(&mut self, c: Comprehension, out: &mut Vec<Stmt>) -> Expr {
        let Comprehension { kind, elt, value, generators, fresh_cells } = c;
        let mut generators = generators.into_iter();
        let Some(first) = generators.next() else { return constant(Value::None) };
        let first_iter = self.expr(first.iter, out);
        let first_iter = self.spill(first_iter, out);
        let acc = self.temp();
        let empty = match kind {
            CompKind::List => ExprKind::List(Vec::new()),
            CompKind::Set => ExprKind::Set(Vec::new()),
            CompKind::Dict => ExprKind::Dict(Vec::new()),
        };
        self.assign_slot(out, acc, Expr::new(empty));
        if !fresh_cells.is_empty() {
            self.emit(out, StmtKind::FreshCells(fresh_cells));
        }
        let add = |s: &mut Self, name: &str, args: Vec<Expr>| {
            let site = AttrSite::new(s.interner.intern(name));
            let call = ExprKind::CallMethod(Box::new(local(acc)), site, args.into_iter().map(Arg::Pos).collect());
            let e = Expr { suspends: call.suspends(), kind: call, span: Span::default() };
            Stmt::new(StmtKind::Expr(e), s.line)
        };
        let innermost = match (kind, value) {
            (CompKind::Dict, Some(v)) => add(self, "__setitem__", vec![elt, v]),
            (CompKind::Set, _) => add(self, "add", vec![elt]),
            _ => add(self, "append", vec![elt]),
        };
        let mut levels: Vec<CompFor> = vec![CompFor { iter: first_iter, ..first }];
        levels.extend(generators);
        let mut body = vec![innermost];
        for g in levels.into_iter().rev() {
            for test in g.ifs.into_iter().rev() {
                body = vec![Stmt::new(StmtKind::If(test, body, Vec::new()), self.line)];
            }
            let fs = ForStmt { target: g.target, iter: g.iter, body, orelse: Vec::new(), is_async: g.is_async, iter_slot: 0 };
            body = vec![Stmt::new(StmtKind::For(Box::new(fs)), self.line)];
        }
        for s in body {
            self.stmt(s, out);
        }
        take(acc)
    }
}

/// `yield`, `yield from` or `await` at the top of an expression.
fn direct_suspend(e: Expr) -> Result<(SuspendKind, Option<Expr>), Expr> {
    match e.kind {
        ExprKind::Yield(v) => Ok((SuspendKind::Yield, v.map(|v| *v))),
        ExprKind::YieldFrom(v) => Ok((SuspendKind::YieldFrom, Some(*v))),
        ExprKind::Await(v) => Ok((SuspendKind::Await, Some(*v))),
        kind => Err(Expr { kind, suspends: e.suspends, span: e.span }),
    }
}

fn args_suspend(args: &[Arg]) -> bool {
    args.iter().any(|a| match a {
        Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => e.suspends,
    })
}

fn parts_take(parts: &mut [Expr], i: usize) -> Expr {
    std::mem::replace(&mut parts[i], constant(Value::None))
}

/// How an argument passes its value, apart from the value.
#[derive(Clone)]
enum ArgShape {
    Pos,
    Star,
    Kw(Sym),
    StarStar,
}

fn split_arg(a: Arg) -> (ArgShape, Expr) {
    match a {
        Arg::Pos(e) => (ArgShape::Pos, e),
        Arg::Star(e) => (ArgShape::Star, e),
        Arg::Kw(n, e) => (ArgShape::Kw(n), e),
        Arg::StarStar(e) => (ArgShape::StarStar, e),
    }
}

impl ArgShape {
    fn rebuild(self, e: Expr) -> Arg {
        match self {
            ArgShape::Pos => Arg::Pos(e),
            ArgShape::Star => Arg::Star(e),
            ArgShape::Kw(n) => Arg::Kw(n, e),
            ArgShape::StarStar => Arg::StarStar(e),
        }
    }
}
