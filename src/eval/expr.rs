//! Expressions on the synchronous path.

use super::{Frame, Vm};
use super::iterate::LoopItems;
use crate::compile::ir::{self, Arg, BinOp, CmpOp, Expr, ExprKind, Sym};
use tulip_syntax::ast::Span;
use crate::runtime::gc;
use crate::runtime::int::ArithOp;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::rc::Rc;

pub type ArgVec = SmallVec<[Value; 6]>;
/// A call's keyword arguments, evaluated: a few inline (no allocation for
/// `f(x, key=k)`).
pub type KwVec = SmallVec<[(Sym, Value); 2]>;

impl Vm {
    /// `eval` with the leaves (locals, constants, globals) handled inline,
    /// saving a recursive call for the most common operands.
    #[inline(always)]
    pub fn eval_operand(&self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Local(i) => match &f.slots[*i as usize] {
                Some(v) => Ok(v.clone()),
                None => Err(self.failed_at(self.unbound_local(&f.code.slot_names[*i as usize].clone()), e)),
            },
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Global(n, cache) => match self.load_global_cached(f, n, cache) {
                Ok(v) => Ok(v),
                Err(err) => Err(self.failed_at(err, e)),
            },
            _ => self.eval(f, e),
        }
    }

    /// Notes `e` as where `err` came from, unless an expression inside it
    /// already failed: the frame's traceback entry underlines it.
    #[cold]
    #[inline(never)]
    pub(crate) fn failed_at(&self, err: PyErr, e: &Expr) -> PyErr {
        if e.span.end == 0 {
            return err;
        }
        if let Some(d) = err.0.exc() {
            let mut d = d.borrow_mut();
            if d.failed_at.is_none() {
                let callee = match &e.kind {
                    ExprKind::CallMethod(_, site, _) => self.is_missing_attribute(&d.args, &site.name),
                    _ => false,
                };
                d.failed_at = Some(FailedAt { span: e.span, callee, to_bracket: false });
            }
        }
        err
    }

    /// Notes `span` (a target, say) as where `err` came from, as `failed_at`.
    #[cold]
    #[inline(never)]
    pub(crate) fn failed_at_span(&self, err: PyErr, span: Span) -> PyErr {
        if span.end == 0 {
            return err;
        }
        if let Some(d) = err.0.exc() {
            let mut d = d.borrow_mut();
            if d.failed_at.is_none() {
                d.failed_at = Some(FailedAt { span, callee: false, to_bracket: false });
            }
        }
        err
    }

    /// Notes the subscript target `obj[idx]` as where `err` came from
    /// (storing, deleting or, for `+=`, loading the item failed).
    #[cold]
    #[inline(never)]
    pub(crate) fn failed_at_item(&self, err: PyErr, obj: &Expr, idx: &Expr) -> PyErr {
        if obj.span.end == 0 || idx.span.end == 0 {
            return err;
        }
        if let Some(d) = err.0.exc() {
            let mut d = d.borrow_mut();
            if d.failed_at.is_none() {
                let span = obj.span.to(idx.span);
                d.failed_at = Some(FailedAt { span, callee: false, to_bracket: true });
            }
        }
        err
    }

    /// Whether exception arguments `args` are an AttributeError's about `name`.
    fn is_missing_attribute(&self, args: &Value, name: &Sym) -> bool {
        let Some(Value::Str(msg)) = args.as_tuple().and_then(|t| t.items.first()) else { return false };
        msg.as_str().ends_with(&format!("attribute '{}'", name.as_str()))
    }

    /// The truth of a condition (`if`, `while`, comprehension filters):
    /// comparisons of ints and floats and `not` give a bool without making
    /// a `Value` first.
    #[inline]
    pub fn eval_cond(&self, f: &mut Frame, e: &Expr) -> PyResult<bool> {
        match &e.kind {
            ExprKind::Compare(left, rest) if rest.len() == 1 && matches!(rest[0].0, CmpOp::Is | CmpOp::IsNot) => {
                let (op, right) = &rest[0];
                let same = match (leaf(f, left), leaf(f, right)) {
                    (Some(x), Some(y)) => x.is(y),
                    _ => {
                        let x = self.eval_operand(f, left)?;
                        let y = self.eval_operand(f, right)?;
                        x.is(&y)
                    }
                };
                Ok(same == (*op == CmpOp::Is))
            }
            ExprKind::Compare(left, rest) if rest.len() == 1 && matches!(rest[0].0, CmpOp::In | CmpOp::NotIn) => {
                let (op, right) = &rest[0];
                let found = match (leaf(f, left), leaf(f, right)) {
                    (Some(item), Some(container)) => self.contains(container, item)?,
                    _ => {
                        let item = self.eval_operand(f, left)?;
                        let container = self.eval_operand(f, right)?;
                        self.contains(&container, &item)?
                    }
                };
                Ok(found == (*op == CmpOp::In))
            }
            ExprKind::Compare(left, rest) if rest.len() == 1 => {
                let (op, right) = &rest[0];
                if let (Some(x), Some(y)) = (leaf(f, left), leaf(f, right)) {
                    if let Some(b) = compare_numbers(*op, x, y) {
                        return Ok(b);
                    }
                }
                let v = match (leaf(f, left), leaf(f, right)) {
                    (Some(l), Some(r)) => self.compare(*op, l, r)?,
                    _ => {
                        let l = self.eval_operand(f, left)?;
                        let r = self.eval_operand(f, right)?;
                        if let Some(b) = compare_numbers(*op, &l, &r) {
                            return Ok(b);
                        }
                        self.compare(*op, &l, &r)?
                    }
                };
                self.truthy(&v)
            }
            ExprKind::Unary(ir::UnaryOp::Not, x) => Ok(!self.eval_cond(f, x)?),
            // Only the truth of `a and b` / `a or b` matters here.
            ExprKind::And(vs) => {
                for v in vs {
                    if !self.eval_cond(f, v)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            ExprKind::Or(vs) => {
                for v in vs {
                    if self.eval_cond(f, v)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                // `if x:`, `while True:`: the truth of a local or constant
                // read in place.
                if let Some(v) = leaf(f, e) {
                    return self.truthy(v);
                }
                let v = self.eval_operand(f, e)?;
                self.truthy(&v)
            }
        }
    }

    pub fn eval(&self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        match self.eval_kind(f, e) {
            Ok(v) => Ok(v),
            Err(err) => Err(self.failed_at(err, e)),
        }
    }

    #[inline(always)]
    fn eval_kind(&self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Local(i) => match &f.slots[*i as usize] {
                Some(v) => Ok(v.clone()),
                None => Err(self.unbound_local(&f.code.slot_names[*i as usize].clone())),
            },
            ExprKind::Cell(i) => self.load_cell(f, *i),
            ExprKind::Global(n, cache) => self.load_global_cached(f, n, cache),
            ExprKind::Name(n) => self.load_name(f, n),
            ExprKind::ClassDeref(n, i) => {
                if let Some(v) = self.local_name(f, n)? {
                    return Ok(v);
                }
                self.load_cell(f, *i)
            }
            ExprKind::Attr(obj, site) => {
                if let Some(o) = leaf(f, obj) {
                    return self.get_attr_at(o, site);
                }
                let o = self.eval_operand(f, obj)?;
                self.get_attr_at(&o, site)
            }
            ExprKind::Subscript(obj, idx) => {
                if let (Some(o), Some(i)) = (leaf(f, obj), leaf(f, idx)) {
                    return self.get_item_fast(o, i);
                }
                if let ExprKind::Slice(a, b, c) = &idx.kind {
                    return self.eval_sliced(f, obj, a, b, c);
                }
                let o = self.eval_operand(f, obj)?;
                let i = self.eval_operand(f, idx)?;
                self.get_item_fast(&o, &i)
            }
            ExprKind::Slice(a, b, c) => self.eval_slice(f, a, b, c),
            ExprKind::Binary(op, a, b) => {
                if let (Some(x), Some(y)) = (leaf(f, a), leaf(f, b)) {
                    if let Some(r) = arith_numbers(*op, x, y) {
                        return Ok(r);
                    }
                }
                let x = self.eval_operand(f, a)?;
                let y = self.eval_operand(f, b)?;
                self.binary_fast(*op, x, y)
            }
            ExprKind::Unary(op, a) => {
                let x = self.eval(f, a)?;
                self.unary_op(*op, x)
            }
            ExprKind::And(vs) => {
                let mut v = Value::None;
                for e in vs {
                    v = self.eval(f, e)?;
                    if !self.truthy(&v)? {
                        return Ok(v);
                    }
                }
                Ok(v)
            }
            ExprKind::Or(vs) => {
                let mut v = Value::None;
                for e in vs {
                    v = self.eval(f, e)?;
                    if self.truthy(&v)? {
                        return Ok(v);
                    }
                }
                Ok(v)
            }
            ExprKind::Compare(left, rest) => {
                if let [(op, e)] = &rest[..] {
                    if let (Some(x), Some(y)) = (leaf(f, left), leaf(f, e)) {
                        if let Some(b) = compare_numbers(*op, x, y) {
                            return Ok(Value::bool(b));
                        }
                        return self.compare(*op, x, y);
                    }
                }
                let mut l = self.eval_operand(f, left)?;
                if let [(op, e)] = &rest[..] {
                    let r = self.eval_operand(f, e)?;
                    return self.compare(*op, &l, &r);
                }
                let last = rest.len() - 1;
                for (i, (op, e)) in rest.iter().enumerate() {
                    let r = self.eval_operand(f, e)?;
                    if i == last {
                        return self.compare(*op, &l, &r);
                    }
                    let res = self.compare(*op, &l, &r)?;
                    if !self.truthy(&res)? {
                        return Ok(res);
                    }
                    l = r;
                }
                Ok(Value::bool(true))
            }
            ExprKind::IfExp(t, a, b) => {
                if self.eval_cond(f, t)? {
                    self.eval(f, a)
                } else {
                    self.eval(f, b)
                }
            }
            ExprKind::CallPos(func, args) => {
                let callee = match &func.kind {
                    ExprKind::Global(n, cache) => match self.global_callee(f, n, cache, args.len()) {
                        Ok(Callee::Native(native)) => return self.call_native_function(f, native, args.iter()),
                        Ok(Callee::Value(v)) => v,
                        Err(e) => return Err(self.failed_at(e, func)),
                    },
                    _ => self.eval_operand(f, func)?,
                };
                self.call_pos_on(f, callee, args)
            }
            ExprKind::Call(func, args) => self.eval_call(f, func, args),
            ExprKind::CallMethod(obj, name, args) => {
                let o = self.eval_operand(f, obj)?;
                self.call_method_on(f, o, name, args)
            }
            ExprKind::SuperZero { class_cell, first } => self.eval_super_zero(f, *class_cell, first),
            ExprKind::MakeFunction(def) => self.make_function(f, def),
            ExprKind::Tuple(items) => self.eval_tuple(f, items),
            ExprKind::List(items) => Ok(Value::list(self.eval_items(f, items, Display::Sequence)?)),
            ExprKind::Set(items) => {
                let folded = items.len() > 2 && items.iter().all(|e| matches!(e.kind, ExprKind::Const(_)));
                let items = self.eval_items(f, items, Display::Set)?;
                if folded {
                    return crate::builtins::set::folded_display(self, items);
                }
                self.new_set(items)
            }
            ExprKind::Dict(items) => self.eval_dict(f, items),
            ExprKind::Starred(_) => Err(self.runtime_error("can't use starred expression here")),
            ExprKind::Comprehension(c) => self.eval_comprehension(f, c),
            ExprKind::GenExp(def, first) => self.eval_genexp(f, def, first),
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) | ExprKind::Await(_) => {
                Err(self.new_error("SystemError", "yield or await reached the synchronous evaluator"))
            }
            ExprKind::Take(i) => match f.slots[*i as usize].take() {
                Some(v) => Ok(v),
                None => Err(self.new_error("SystemError", "a hidden temporary was read twice")),
            },
            ExprKind::JoinedStr(parts) => self.eval_joined_str(f, parts),
            ExprKind::Format(v, conv, spec) => self.eval_format(f, v, *conv, spec),
            ExprKind::Named(t, v) => {
                let v = self.eval(f, v)?;
                self.assign(f, t, v.clone())?;
                Ok(v)
            }
        }
    }

    /// `obj.name(a, b)` of a native method with at most two positional
    /// arguments: the arguments go in an array on the stack, beside `obj`.
    fn call_native_method(&self, f: &mut Frame, func: NativeFn, o: Value, site: &ir::AttrSite, args: &[Arg]) -> PyResult<Value> {
        match args {
            [] => func(self, &[o], &[]),
            [Arg::Pos(a)] => {
                let a = self.eval_operand(f, a)?;
                func(self, &[o, a], &[])
            }
            [Arg::Pos(a), Arg::Pos(b)] => {
                let a = self.eval_operand(f, a)?;
                let b = self.eval_operand(f, b)?;
                func(self, &[o, a, b], &[])
            }
            _ => self.call_method_with_args(f, o, site, args),
        }
    }

    /// A tuple display: one or two plain items straight into the tuple.
    #[inline(never)]
    fn eval_tuple(&self, f: &mut Frame, items: &[Expr]) -> PyResult<Value> {
        let plain = |e: &Expr| !matches!(e.kind, ExprKind::Starred(_));
        match items {
            [a] if plain(a) => Ok(Value::tuple_of(smallvec::smallvec![self.eval_operand(f, a)?])),
            [a, b] if plain(a) && plain(b) => {
                let a = self.eval_operand(f, a)?;
                Ok(Value::pair(a, self.eval_operand(f, b)?))
            }
            _ => Ok(Value::tuple(self.eval_items(f, items, Display::Sequence)?)),
        }
    }

    /// `name(a, b)` of a native function (`len`, `isinstance`) with at most
    /// two arguments: the arguments go in an array on the stack.
    #[inline(always)]
    fn call_native_function<'e>(&self, f: &mut Frame, func: NativeFn, mut args: impl ExactSizeIterator<Item = &'e Expr>) -> PyResult<Value> {
        let r = match (args.next(), args.next()) {
            (Some(a), Some(b)) => {
                // `call_with_exprs` passes at most two.
                let a = self.eval_operand(f, a)?;
                let b = self.eval_operand(f, b)?;
                func(self, &[a, b], &[])
            }
            (Some(a), None) => {
                let a = self.eval_operand(f, a)?;
                func(self, &[a], &[])
            }
            _ => func(self, &[], &[]),
        };
        // A blocking native (`time.sleep`) returns early on Ctrl-C: raise now.
        if super::interrupt::requested() {
            self.raise_interrupt()?;
        }
        r
    }

    /// A positional call of anything but a plain function.
    #[inline(never)]
    fn call_with_args(&self, f: &mut Frame, callee: Value, args: &[Expr]) -> PyResult<Value> {
        self.call_with_exprs(f, callee, args.iter())
    }

    /// A positional call of any callable, the arguments given as the
    /// caller's expressions.
    #[inline(always)]
    fn call_with_exprs<'e>(&self, f: &mut Frame, callee: Value, args: impl ExactSizeIterator<Item = &'e Expr>) -> PyResult<Value> {
        if let Value::Builtin(b) = &callee {
            if args.len() <= 2 && is_plain_native(b) {
                return self.call_native_function(f, b.func, args);
            }
        }
        let mut argv: ArgVec = SmallVec::with_capacity(args.len());
        for a in args {
            argv.push(self.eval_operand(f, a)?);
        }
        if let Value::Builtin(b) = &callee {
            if b.kind == BuiltinKind::Function {
                if let Some(r) = crate::builtins::functions::call_frame_builtin(self, f, b, &argv, &[]) {
                    return r;
                }
            }
        }
        self.call(&callee, &argv, &[])
    }

    /// `Class.name(args)` with positional arguments where the class (of
    /// metaclass `type`) holds a plain function there, a staticmethod or a
    /// classmethod of one (`Base.__init__(self, x)`, `Vec.zero()`): the
    /// function is called with no bound method in between. `None` leaves
    /// the call to the general path, having evaluated nothing.
    #[inline(never)]
    fn call_class_attr(&self, f: &mut Frame, c: &Rc<Class>, name: &ir::AttrSite, args: &[Arg]) -> Option<PyResult<Value>> {
        if c.meta.borrow().is_some() {
            return None;
        }
        let (func, first) = match c.lookup(&name.name)? {
            Value::Function(func) => (func, None),
            Value::StaticMethod(w) => match &w.func {
                Value::Function(func) => (func.clone(), None),
                _ => return None,
            },
            Value::ClassMethod(w) => match &w.func {
                Value::Function(func) => (func.clone(), Some(Value::Class(c.clone()))),
                _ => return None,
            },
            _ => return None,
        };
        if !func.code.binds_positionally(args.len() + usize::from(first.is_some())) {
            return None;
        }
        Some(self.call_direct(f, &func, first, PosArgs(args.iter())))
    }

    /// `module.name(args)` with positional arguments: the attribute, then
    /// the call, with no bound method or argument vector in between.
    #[inline(never)]
    fn call_module_attr(&self, f: &mut Frame, module: Value, name: &ir::AttrSite, args: &[Arg]) -> PyResult<Value> {
        let callee = self.get_attr_at(&module, name)?;
        drop(module);
        if let Value::Function(func) = &callee {
            if func.code.binds_positionally(args.len()) {
                return self.call_direct(f, func, None, PosArgs(args.iter()));
            }
        }
        self.call_with_exprs(f, callee, PosArgs(args.iter()))
    }

    /// `o.name(args)` through an argument vector.
    #[inline(never)]
    fn call_method_with_args(&self, f: &mut Frame, o: Value, name: &ir::AttrSite, args: &[Arg]) -> PyResult<Value> {
        // `obj.m(x, key=v)` of a method of the object's class.
        if let Value::Instance(inst) = &o {
            if let Some(func) = self.method_at(inst, name) {
                if let Some(r) = self.call_direct_kw(f, &func, Some(&o), args) {
                    return r;
                }
            }
        }
        let target = self.load_method_at(&o, name)?;
        if args.iter().all(|a| matches!(a, Arg::Pos(_))) {
            let mut argv: ArgVec = SmallVec::with_capacity(args.len() + 1);
            argv.push(Value::None);
            for a in args {
                if let Arg::Pos(e) = a {
                    argv.push(self.eval_operand(f, e)?);
                }
            }
            return self.call_loaded(target, o, &mut argv, &[]);
        }
        let (pos, kw) = self.eval_args(f, args, None)?;
        let mut argv: ArgVec = SmallVec::with_capacity(pos.len() + 1);
        argv.push(Value::None);
        argv.extend(pos);
        self.call_loaded(target, o, &mut argv, &kw)
    }

    #[inline(never)]
    fn eval_dict(&self, f: &mut Frame, items: &[(Option<Expr>, Expr)]) -> PyResult<Value> {
        let d = gc::new(Dict::from_table(crate::runtime::dict::DictTable::with_capacity(items.len())));
        for (k, v) in items {
            match k {
                Some(k) => {
                    let k = self.eval(f, k)?;
                    let v = self.eval(f, v)?;
                    self.dict_set(&d, k, v)?;
                }
                None => {
                    let m = self.eval(f, v)?;
                    if m.as_dict().is_none() && self.get_attr_opt(&m, &self.intern("keys"))?.is_none() {
                        return Err(self.type_error(format!("'{}' object is not a mapping", self.type_name(&m).as_str())));
                    }
                    self.dict_update(&d, &m)?;
                }
            }
        }
        Ok(Value::Dict(d))
    }

    #[inline(never)]
    fn eval_joined_str(&self, f: &mut Frame, parts: &[Expr]) -> PyResult<Value> {
        let mut out = String::new();
        for p in parts {
            let v = self.eval(f, p)?;
            match v.as_str() {
                Some(s) => out.push_str(s.as_str()),
                None => out.push_str(self.str(&v)?.as_str()),
            }
        }
        Ok(Value::string(out))
    }

    #[inline(never)]
    fn eval_format(&self, f: &mut Frame, v: &Expr, conv: ir::Conversion, spec: &Option<Box<Expr>>) -> PyResult<Value> {
        let v = self.eval(f, v)?;
        let spec = match spec {
            Some(s) => Some(self.eval(f, s)?),
            None => None,
        };
        self.format_value(v, conv, spec)
    }

    /// `obj[a:b:c]`: a list, tuple or str is sliced without making a
    /// slice object.
    #[inline(never)]
    fn eval_sliced(&self, f: &mut Frame, obj: &Expr, a: &Option<Box<Expr>>, b: &Option<Box<Expr>>, c: &Option<Box<Expr>>) -> PyResult<Value> {
        let o = self.eval_operand(f, obj)?;
        let s = self.slice_of(f, a, b, c)?;
        if let Some(r) = self.sequence_slice(&o, &s) {
            return r;
        }
        self.get_item(&o, &Value::Slice(Rc::new(s)))
    }

    #[inline(never)]
    fn eval_slice(&self, f: &mut Frame, a: &Option<Box<Expr>>, b: &Option<Box<Expr>>, c: &Option<Box<Expr>>) -> PyResult<Value> {
        Ok(Value::Slice(Rc::new(self.slice_of(f, a, b, c)?)))
    }

    /// The bounds of `a:b:c`, evaluated left to right.
    pub(crate) fn slice_of(&self, f: &mut Frame, a: &Option<Box<Expr>>, b: &Option<Box<Expr>>, c: &Option<Box<Expr>>) -> PyResult<Slice> {
        Ok(Slice { start: self.eval_opt(f, a)?, stop: self.eval_opt(f, b)?, step: self.eval_opt(f, c)? })
    }

    /// `callee(args)`, a call with positional arguments only, once the
    /// callee is evaluated.
    #[inline(always)]
    pub(crate) fn call_pos_on(&self, f: &mut Frame, callee: Value, args: &[Expr]) -> PyResult<Value> {
        if let Value::Function(func) = &callee {
            if func.code.binds_positionally(args.len()) {
                return self.call_direct(f, func, None, args.iter());
            }
        }
        if let Value::Class(c) = &callee {
            if let Some(init) = self.plain_init(c, args.len()) {
                let obj = self.plain_instance(c);
                let r = self.call_direct(f, &init, Some(obj.clone()), args.iter())?;
                return self.initialized(obj, r);
            }
        }
        self.call_with_args(f, callee, args)
    }

    /// `o.name(args)` once `o` is evaluated.
    #[inline(always)]
    pub(crate) fn call_method_on(&self, f: &mut Frame, o: Value, name: &ir::AttrSite, args: &[Arg]) -> PyResult<Value> {
        let positional = args.iter().all(|a| matches!(a, Arg::Pos(_)));
        if positional {
            if let Value::Instance(inst) = &o {
                if let Some(func) = self.method_at(inst, name) {
                    if func.code.binds_positionally(args.len() + 1) {
                        let exprs = args.iter().filter_map(|a| if let Arg::Pos(e) = a { Some(e) } else { None });
                        return self.call_direct(f, &func, Some(o), exprs);
                    }
                }
            }
        }
        self.call_method_unfound(f, o, name, args, positional)
    }

    /// `o.name(args)` where `name` is not a plain function on `o`'s class
    /// that binds the arguments positionally.
    #[inline(always)]
    pub(crate) fn call_method_unfound(&self, f: &mut Frame, o: Value, name: &ir::AttrSite, args: &[Arg], positional: bool) -> PyResult<Value> {
        if positional {
            if let Value::Module(_) = &o {
                return self.call_module_attr(f, o, name, args);
            }
            if let Value::Class(c) = &o {
                if let Some(r) = self.call_class_attr(f, c, name, args) {
                    return r;
                }
            }
            if args.len() <= 2 {
                if let Some(func) = self.native_method_at(&o, name) {
                    return self.call_native_method(f, func, o, name, args);
                }
            }
        }
        self.call_method_with_args(f, o, name, args)
    }

    #[inline(never)]
    fn eval_call(&self, f: &mut Frame, func: &Expr, args: &[Arg]) -> PyResult<Value> {
        let callee = self.eval(f, func)?;
        if let Value::Function(fun) = &callee {
            if let Some(r) = self.call_direct_kw(f, fun, None, args) {
                return r;
            }
        }
        let (pos, kw) = self.eval_args(f, args, Some(&callee))?;
        if let Value::Builtin(b) = &callee {
            if b.kind == BuiltinKind::Function {
                if let Some(r) = crate::builtins::functions::call_frame_builtin(self, f, b, &pos, &kw) {
                    return r;
                }
            }
        }
        self.call(&callee, &pos, &kw)
    }

    #[inline(never)]
    fn eval_super_zero(&self, f: &mut Frame, class_cell: u32, first: &Expr) -> PyResult<Value> {
        let class = self.load_cell(f, class_cell).map_err(|_| self.runtime_error("super(): empty __class__ cell"))?;
        let obj = self.eval(f, first).map_err(|_| self.runtime_error("super(): no arguments"))?;
        self.make_super(class, obj)
    }

    #[inline(never)]
    fn eval_genexp(&self, f: &mut Frame, def: &Rc<ir::FuncDef>, first: &Expr) -> PyResult<Value> {
        let iterable = self.eval(f, first)?;
        // The outermost iterable of `(x async for x in it)` is `aiter(it)`.
        let first_async = matches!(def.code.body.first().map(|s| &s.kind), Some(ir::StmtKind::For(fs)) if fs.is_async);
        let it = if first_async { self.aiter(&iterable)? } else { self.iter(&iterable)? };
        let func = self.make_function(f, def)?;
        self.call(&func, &[it], &[])
    }

    fn eval_opt(&self, f: &mut Frame, e: &Option<Box<Expr>>) -> PyResult<Value> {
        match e {
            Some(e) => self.eval(f, e),
            None => Ok(Value::None),
        }
    }

    /// Evaluates display items, expanding `*iterable`.
    pub fn eval_items(&self, f: &mut Frame, items: &[Expr], display: Display) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for e in items {
            if let ExprKind::Starred(inner) = &e.kind {
                let v = self.eval(f, inner)?;
                if display == Display::Sequence && !matches!(v, Value::List(_) | Value::Tuple(_)) {
                    // CPython words a list or tuple display's failure to
                    // iterate its own way (a set display's is iter()'s).
                    let it = self.iter(&v).map_err(|e| {
                        if self.err_is(&e, "TypeError") {
                            self.type_error(format!("Value after * must be an iterable, not {}", self.type_name(&v).as_str()))
                        } else {
                            e
                        }
                    })?;
                    self.extend_from_iterator(&mut out, &it)?;
                    continue;
                }
                self.extend_from_iterable(&mut out, &v)?;
            } else {
                out.push(self.eval(f, e)?);
            }
        }
        Ok(out)
    }

    /// `callee`, when known, names the function in errors about `*`/`**` arguments.
    pub fn eval_args(&self, f: &mut Frame, args: &[Arg], callee: Option<&Value>) -> PyResult<(ArgVec, KwVec)> {
        let mut pos: ArgVec = SmallVec::new();
        let mut kw = KwVec::new();
        for a in args {
            match a {
                Arg::Pos(e) => pos.push(self.eval(f, e)?),
                Arg::Star(e) => {
                    let v = self.eval(f, e)?;
                    self.star_args(&mut pos, v, callee)?;
                }
                Arg::Kw(n, e) => {
                    let v = self.eval(f, e)?;
                    kw.push((n.clone(), v));
                }
                Arg::StarStar(e) => {
                    let m = self.eval(f, e)?;
                    self.star_star_args(&mut kw, m, callee)?;
                }
            }
        }
        Ok((pos, kw))
    }

    pub(crate) fn star_args(&self, pos: &mut ArgVec, v: Value, callee: Option<&Value>) -> PyResult<()> {
        match &v {
            Value::Tuple(t) => pos.extend(t.items.iter().cloned()),
            Value::List(l) => pos.extend(l.items.borrow().iter().cloned()),
            _ => {
                let it = self.iter(&v).map_err(|e| {
                    if self.err_is(&e, "TypeError") {
                        let who = self.callee_prefix(callee);
                        self.type_error(format!("{who}argument after * must be an iterable, not {}", self.type_name(&v).as_str()))
                    } else {
                        e
                    }
                })?;
                while let Some(x) = self.next(&it)? {
                    pos.push(x);
                }
            }
        }
        Ok(())
    }

    pub(crate) fn star_star_args(&self, kw: &mut KwVec, m: Value, callee: Option<&Value>) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = match m.as_dict() {
            Some(d) if matches!(m, Value::Dict(_)) => d.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect(),
            _ => {
                let keys_fn = self.get_attr(&m, &self.intern("keys")).map_err(|_| {
                    self.type_error(format!("{}argument after ** must be a mapping, not {}", self.callee_prefix(callee), self.type_name(&m).as_str()))
                })?;
                let keys = self.call(&keys_fn, &[], &[])?;
                let mut out = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.get_item(&m, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in pairs {
            let Some(s) = k.as_str() else {
                return Err(self.type_error("keywords must be strings"));
            };
            let name = self.intern(s.as_str());
            if kw.iter().any(|(n, _)| n.as_str() == name.as_str()) {
                let who = self.callee_prefix(callee);
                return Err(self.type_error(format!("{who}got multiple values for keyword argument '{}'", name.as_str())));
            }
            kw.push((name, v));
        }
        Ok(())
    }

    /// `mod.func() ` as CPython names a callee in argument errors; empty
    /// when the callee is unknown.
    fn callee_prefix(&self, callee: Option<&Value>) -> String {
        let name = match callee {
            Some(Value::Function(func)) => {
                let qualname = func.qualname.borrow().as_str().to_string();
                match func.module.as_str() {
                    Some(m) if m.as_str() != "builtins" => format!("{}.{qualname}", m.as_str()),
                    _ => qualname,
                }
            }
            Some(Value::Method(m)) => return self.callee_prefix(Some(&m.func)),
            Some(Value::Builtin(b)) => b.name.to_string(),
            Some(Value::Class(c)) => self.class_full_name(c),
            _ => return String::new(),
        };
        format!("{name}() ")
    }

    /// A free or cell variable: its value inline, the error out of line.
    #[inline(always)]
    pub fn load_cell(&self, f: &Frame, i: u32) -> PyResult<Value> {
        if let Ok(v) = f.cells[i as usize].value.try_borrow() {
            if let Some(v) = &*v {
                return Ok(v.clone());
            }
        }
        self.load_cell_slow(f, i)
    }

    #[inline(never)]
    fn load_cell_slow(&self, f: &Frame, i: u32) -> PyResult<Value> {
        let cell = &f.cells[i as usize];
        match &*cell.value.borrow() {
            Some(v) => Ok(v.clone()),
            None => {
                let name = f.code.cell_names[i as usize].clone();
                let is_free = (i as usize) < f.code.cell_names.len() - f.code.n_own_cells;
                if is_free {
                    Err(self.new_error(
                        "NameError",
                        format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name.as_str()),
                    ))
                } else {
                    Err(self.unbound_local(&name))
                }
            }
        }
    }

    /// A global name: the module dict's entry the site found last time,
    /// inline; the rest (builtins, a moved or missing name) out of line.
    #[inline(always)]
    pub fn load_global_cached(&self, f: &Frame, name: &Str, cache: &ir::GlobalCache) -> PyResult<Value> {
        if let Ok(t) = f.globals.table.try_borrow() {
            if let Some(v) = named_entry(&t, cache.index.get(), name) {
                return Ok(v.clone());
            }
        }
        self.load_global_slow(f, name, cache)
    }

    /// The global a call `name(args)` calls: a native function (`len`,
    /// `isinstance`) taking at most two arguments is only peeked at, so
    /// the call costs no reference count on it.
    #[inline(always)]
    fn global_callee(&self, f: &Frame, name: &Str, cache: &ir::GlobalCache, n_args: usize) -> PyResult<Callee> {
        if let Ok(t) = f.globals.table.try_borrow() {
            if let Some(v) = named_entry(&t, cache.index.get(), name) {
                return Ok(Callee::of(v, n_args));
            }
            // A builtin the site found before, while the module dict still
            // lacks the name.
            if cache.absent_in.get() == (Rc::as_ptr(&f.globals) as usize, t.version()) {
                if let Ok(b) = self.builtins.table.try_borrow() {
                    if let Some(v) = named_entry(&b, cache.builtin_index.get(), name) {
                        return Ok(Callee::of(v, n_args));
                    }
                }
            }
        }
        self.load_global_slow(f, name, cache).map(Callee::Value)
    }

    #[inline(never)]
    fn load_global_slow(&self, f: &Frame, name: &Str, cache: &ir::GlobalCache) -> PyResult<Value> {
        // A builtin the site found before, while the module dict still
        // lacks the name (its key version is unchanged).
        if let (Ok(t), Ok(b)) = (f.globals.table.try_borrow(), self.builtins.table.try_borrow()) {
            if cache.absent_in.get() == (Rc::as_ptr(&f.globals) as usize, t.version()) {
                if let Some(v) = named_entry(&b, cache.builtin_index.get(), name) {
                    return Ok(v.clone());
                }
            }
        }
        self.load_global_lookup(f, name, cache)
    }

    /// A global name looked up by hash, the site's cache refilled.
    #[cold]
    #[inline(never)]
    fn load_global_lookup(&self, f: &Frame, name: &Str, cache: &ir::GlobalCache) -> PyResult<Value> {
        {
            let t = f.globals.table.borrow();
            let here = (Rc::as_ptr(&f.globals) as usize, t.version());
            match t.find_str(name.hash(), name) {
                Some(i) => {
                    cache.index.set(i as u32);
                    return t.entry_at(i).map(|e| e.value.clone()).ok_or_else(|| self.name_error(name.as_str()));
                }
                None => cache.absent_in.set(here),
            }
        }
        let b = self.builtins.table.borrow();
        match b.find_str(name.hash(), name) {
            Some(i) => {
                cache.builtin_index.set(i as u32);
                b.entry_at(i).map(|e| e.value.clone()).ok_or_else(|| self.name_error(name.as_str()))
            }
            None => Err(self.name_error(name.as_str())),
        }
    }

    pub fn load_global(&self, f: &Frame, name: &Str) -> PyResult<Value> {
        if let Some(v) = f.globals.get_str(name) {
            return Ok(v);
        }
        if let Some(v) = self.builtins.get_str(name) {
            return Ok(v);
        }
        Err(self.name_error(name.as_str()))
    }

    pub fn load_name(&self, f: &Frame, name: &Rc<Str>) -> PyResult<Value> {
        if let Some(v) = self.local_name(f, name)? {
            return Ok(v);
        }
        self.load_global(f, name)
    }

    /// `name` in the frame's locals namespace, if it has one and binds it.
    /// A mapping that raises KeyError does not bind the name.
    pub fn local_name(&self, f: &Frame, name: &Rc<Str>) -> PyResult<Option<Value>> {
        match &f.locals {
            None => Ok(None),
            Some(Value::Dict(l)) => Ok(l.get_str(name)),
            Some(m) => match self.get_item(m, &Value::Str(name.clone())) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.err_is(&e, "KeyError") => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// Binds `name` in the frame's locals namespace, or its globals when it
    /// has none.
    pub fn store_name(&self, f: &Frame, name: &Rc<Str>, v: Value) -> PyResult<()> {
        match &f.locals {
            None => f.globals.set_str(name.clone(), v),
            Some(Value::Dict(l)) => l.set_str(name.clone(), v),
            Some(m) => self.set_item(m, Value::Str(name.clone()), v)?,
        }
        Ok(())
    }

    /// Unbinds `name` like `store_name` binds it; false if it was unbound.
    pub fn delete_name(&self, f: &Frame, name: &Rc<Str>) -> PyResult<bool> {
        match &f.locals {
            None => Ok(f.globals.del_str(name).is_some()),
            Some(Value::Dict(l)) => Ok(l.del_str(name).is_some()),
            Some(m) => match self.del_item(m, &Value::Str(name.clone())) {
                Ok(()) => Ok(true),
                Err(e) if self.err_is(&e, "KeyError") => Ok(false),
                Err(e) => Err(e),
            },
        }
    }

    pub fn make_function(&self, f: &mut Frame, def: &ir::FuncDef) -> PyResult<Value> {
        let mut defaults = Vec::with_capacity(def.defaults.len());
        for d in &def.defaults {
            defaults.push(self.eval(f, d)?);
        }
        let mut kwdefaults = Vec::with_capacity(def.kwdefaults.len());
        for d in &def.kwdefaults {
            kwdefaults.push(match d {
                Some(d) => Some(self.eval(f, d)?),
                None => None,
            });
        }
        let closure: Box<[Rc<CellObj>]> = def
            .closure
            .iter()
            .map(|&c| f.cells.get(c as usize).cloned().unwrap_or_else(|| gc::new(CellObj::new(None))))
            .collect();
        let module = f.globals.get_str(&self.names.name).unwrap_or(Value::None);
        let func = gc::new(Function {
            code: def.code.clone(),
            globals: f.globals.clone(),
            defaults: std::cell::RefCell::new(defaults),
            kwdefaults: std::cell::RefCell::new(kwdefaults),
            closure,
            name: std::cell::RefCell::new(def.code.name.clone()),
            qualname: std::cell::RefCell::new(def.code.qualname.clone()),
            dict: std::cell::RefCell::new(crate::runtime::dict::DictTable::new()),
            module,
            gc: GcHeader::new(),
        });
        if !def.annotations.is_empty() {
            let anns = gc::new(Dict::new());
            for (n, e) in &def.annotations {
                let v = self.eval(f, e)?;
                anns.set_str(n.clone(), v);
            }
            func.dict.borrow_mut().set_str(self.names.annotations.clone(), Value::Dict(anns));
        }
        Ok(Value::Function(func))
    }

    /// A function of no parameters running `code` in `globals` (how an
    /// interactive input that awaits becomes a coroutine).
    pub fn function_of_code(&self, code: Rc<ir::Code>, globals: Rc<Dict>) -> Rc<Function> {
        let module = globals.get_str(&self.names.name).unwrap_or(Value::None);
        gc::new(Function {
            name: std::cell::RefCell::new(code.name.clone()),
            qualname: std::cell::RefCell::new(code.qualname.clone()),
            code,
            globals,
            defaults: std::cell::RefCell::new(Vec::new()),
            kwdefaults: std::cell::RefCell::new(Vec::new()),
            closure: Box::new([]),
            dict: std::cell::RefCell::new(crate::runtime::dict::DictTable::new()),
            module,
            gc: GcHeader::new(),
        })
    }

    /// A list, set or dict comprehension. As in CPython, the first iterable
    /// is evaluated and iterated in the enclosing frame; what fails after
    /// that adds a `<listcomp>` (`<setcomp>`, `<dictcomp>`) traceback entry.
    #[inline(never)]
    fn eval_comprehension(&self, f: &mut Frame, c: &ir::Comprehension) -> PyResult<Value> {
        let iterable = self.eval(f, &c.generators[0].iter)?;
        let items = self.loop_items(iterable)?;
        for &cell in &c.fresh_cells {
            f.cells[cell as usize] = gc::new(CellObj::new(None));
        }
        let mut acc = match c.kind {
            ir::CompKind::List => CompAcc::List(Vec::new()),
            ir::CompKind::Set => CompAcc::Set(Vec::new()),
            ir::CompKind::Dict => CompAcc::Dict(gc::new(Dict::new())),
        };
        let run = &acc as *const CompAcc as usize;
        if let Err(e) = self.comp_loop(f, c, 0, items, &mut acc) {
            let name = match c.kind {
                ir::CompKind::List => "<listcomp>",
                ir::CompKind::Set => "<setcomp>",
                ir::CompKind::Dict => "<dictcomp>",
            };
            self.push_traceback_entry(&e, run, f.code.filename.clone(), f.line(), self.intern(name));
            return Err(e);
        }
        Ok(match acc {
            CompAcc::List(v) => Value::list(v),
            CompAcc::Set(v) => self.new_set(v)?,
            CompAcc::Dict(d) => Value::Dict(d),
        })
    }

    /// The comprehension from its `level`-th `for` inwards.
    fn comp_level(&self, f: &mut Frame, c: &ir::Comprehension, level: usize, acc: &mut CompAcc) -> PyResult<()> {
        let Some(g) = c.generators.get(level) else {
            match acc {
                CompAcc::List(v) | CompAcc::Set(v) => v.push(self.eval(f, &c.elt)?),
                CompAcc::Dict(d) => {
                    let k = self.eval(f, &c.elt)?;
                    let v = match &c.value {
                        Some(e) => self.eval(f, e)?,
                        None => Value::None,
                    };
                    self.dict_set(d, k, v)?;
                }
            }
            return Ok(());
        };
        let iterable = self.eval(f, &g.iter)?;
        let items = self.loop_items(iterable)?;
        self.comp_loop(f, c, level, items, acc)
    }

    /// The loop of the comprehension's `level`-th `for` over `items`.
    fn comp_loop(&self, f: &mut Frame, c: &ir::Comprehension, level: usize, mut items: LoopItems, acc: &mut CompAcc) -> PyResult<()> {
        let g = &c.generators[level];
        if let (LoopItems::Range { next, step, remaining }, ir::Target::Local(slot)) = (&items, &g.target) {
            let (start, step, n) = (*next, *step, *remaining);
            'outer: for k in 0..n {
                self.safe_point()?;
                crate::runtime::value::store(&mut f.slots[*slot as usize], Value::Int(start + k * step));
                for cond in &g.ifs {
                    if !self.eval_cond(f, cond)? {
                        continue 'outer;
                    }
                }
                self.comp_level(f, c, level + 1, acc)?;
            }
            return Ok(());
        }
        // `for k, v in d.items()`: an iterator that makes its pairs natively
        // hands them over without a tuple.
        if let (LoopItems::Iter(it), ir::Target::Unpack(ts, None, _)) = (&items, &g.target) {
            if let [first, second] = &ts[..] {
                let it = it.clone();
                'pairs: while let Some(item) = self.next_item(&it)? {
                    self.safe_point()?;
                    self.assign_item(f, &g.target, (first, second), item)?;
                    for cond in &g.ifs {
                        if !self.eval_cond(f, cond)? {
                            continue 'pairs;
                        }
                    }
                    self.comp_level(f, c, level + 1, acc)?;
                }
                return Ok(());
            }
        }
        'items: while let Some(item) = self.next_loop_item(&mut items)? {
            self.safe_point()?;
            self.assign(f, &g.target, item)?;
            for cond in &g.ifs {
                if !self.eval_cond(f, cond)? {
                    continue 'items;
                }
            }
            self.comp_level(f, c, level + 1, acc)?;
        }
        Ok(())
    }

    /// `a op b` with the int and float cases inline.
    #[inline]
    pub fn binary_fast(&self, op: BinOp, x: Value, y: Value) -> PyResult<Value> {
        if let (Value::Int(a), Value::Int(b)) = (&x, &y) {
            let (a, b) = (*a, *b);
            let r = match op {
                BinOp::Arith(ArithOp::Add) => a.checked_add(b),
                BinOp::Arith(ArithOp::Sub) => a.checked_sub(b),
                BinOp::Arith(ArithOp::Mul) => a.checked_mul(b),
                BinOp::Arith(ArithOp::Mod) if b > 0 && a >= 0 => Some(a % b),
                BinOp::Arith(ArithOp::FloorDiv) if b > 0 && a >= 0 => Some(a / b),
                BinOp::Arith(ArithOp::And) => Some(a & b),
                BinOp::Arith(ArithOp::Or) => Some(a | b),
                BinOp::Arith(ArithOp::Xor) => Some(a ^ b),
                _ => None,
            };
            if let Some(r) = r {
                // Ints own nothing: skip the drop glue.
                std::mem::forget(x);
                std::mem::forget(y);
                return Ok(Value::Int(r));
            }
        }
        if let (Value::Float(a), Value::Float(b)) = (&x, &y) {
            let (a, b) = (a.get(), b.get());
            let r = match op {
                BinOp::Arith(ArithOp::Add) => Some(a + b),
                BinOp::Arith(ArithOp::Sub) => Some(a - b),
                BinOp::Arith(ArithOp::Mul) => Some(a * b),
                BinOp::Arith(ArithOp::TrueDiv) if b != 0.0 => Some(a / b),
                _ => None,
            };
            if let Some(r) = r {
                std::mem::forget(x);
                std::mem::forget(y);
                return Ok(Value::float(r));
            }
        }
        self.binary_op(op, x, y)
    }

    #[inline]
    pub fn compare(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match compare_numbers(op, a, b) {
            Some(r) => Ok(Value::bool(r)),
            None => self.compare_slow(op, a, b),
        }
    }

    fn compare_slow(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        // Two strs (exact: a subclass is an instance) order by their text.
        if let (Value::Str(x), Value::Str(y)) = (a, b) {
            if !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) {
                let o = if Rc::ptr_eq(x, y) { std::cmp::Ordering::Equal } else { x.as_str().cmp(y.as_str()) };
                return Ok(Value::bool(super::ops::satisfies(o, op)));
            }
        }
        self.compare_other(op, a, b)
    }

    fn compare_other(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        Ok(match op {
            CmpOp::Is => Value::bool(a.is(b)),
            CmpOp::IsNot => Value::bool(!a.is(b)),
            CmpOp::In => Value::bool(self.contains(b, a)?),
            CmpOp::NotIn => Value::bool(!self.contains(b, a)?),
            _ => self.rich_compare(a, b, op)?,
        })
    }
}

/// Whether `b` may be one of the builtins that read the calling frame
/// (`crate::builtins::functions::call_frame_builtin`): a cheap filter by name.
#[inline(always)]
fn reads_frame(b: &Builtin) -> bool {
    matches!(b.name, "globals" | "locals" | "vars" | "dir" | "exec" | "eval")
}

/// The value at a global site's cached `index` of `table`, if the entry
/// there still has the (interned) key `name`.
#[inline(always)]
fn named_entry<'t>(table: &'t crate::runtime::dict::DictTable, index: u32, name: &Str) -> Option<&'t Value> {
    let e = table.entry_at(index as usize)?;
    matches!(&e.key, Value::Str(k) if std::ptr::eq(&**k, name)).then_some(&e.value)
}

/// A native function called with its arguments alone: unbound, and not
/// one of those that read the calling frame.
#[inline(always)]
fn is_plain_native(b: &Builtin) -> bool {
    b.kind == BuiltinKind::Function && b.bound.is_none() && !reads_frame(b)
}

/// A bound local or a constant, borrowed: numeric fast paths read their
/// operands in place instead of cloning and dropping them.
#[inline(always)]
pub(super) fn leaf<'a>(f: &'a Frame, e: &'a Expr) -> Option<&'a Value> {
    match &e.kind {
        ExprKind::Local(i) => f.slots[*i as usize].as_ref(),
        ExprKind::Const(v) => Some(v),
        _ => None,
    }
}

/// `a op b` when both are ints or floats and the result needs nothing
/// more (no overflow into a big int, no division by zero).
#[inline(always)]
pub(crate) fn arith_numbers(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    let BinOp::Arith(op) = op else { return None };
    match (a, b) {
        (Value::Int(a), Value::Int(b)) => {
            let (a, b) = (*a, *b);
            match op {
                ArithOp::Add => a.checked_add(b),
                ArithOp::Sub => a.checked_sub(b),
                ArithOp::Mul => a.checked_mul(b),
                ArithOp::Mod if b > 0 && a >= 0 => Some(a % b),
                ArithOp::FloorDiv if b > 0 && a >= 0 => Some(a / b),
                ArithOp::And => Some(a & b),
                ArithOp::Or => Some(a | b),
                ArithOp::Xor => Some(a ^ b),
                ArithOp::RShift if b >= 0 => Some(a >> b.min(63)),
                // Only when no bit is lost (else the result is a big int).
                ArithOp::LShift if (0..63).contains(&b) && (a << b) >> b == a => Some(a << b),
                _ => None,
            }
            .map(Value::Int)
        }
        (Value::Float(a), Value::Float(b)) => float_arith(op, a.get(), b.get()),
        (Value::Float(a), Value::Int(b)) if b.unsigned_abs() < (1 << 53) => float_arith(op, a.get(), *b as f64),
        (Value::Int(a), Value::Float(b)) if a.unsigned_abs() < (1 << 53) => float_arith(op, *a as f64, b.get()),
        _ => None,
    }
}

#[inline(always)]
fn float_arith(op: ArithOp, a: f64, b: f64) -> Option<Value> {
    match op {
        ArithOp::Add => Some(Value::float(a + b)),
        ArithOp::Sub => Some(Value::float(a - b)),
        ArithOp::Mul => Some(Value::float(a * b)),
        ArithOp::TrueDiv if b != 0.0 => Some(Value::float(a / b)),
        // A positive finite base has a real power; overflow is an error.
        ArithOp::Pow if a > 0.0 && a.is_finite() && b.is_finite() => {
            let r = a.powf(b);
            r.is_finite().then_some(Value::float(r))
        }
        _ => None,
    }
}

/// `a op b` for two ints or two floats, `None` for everything else.
#[inline(always)]
fn compare_numbers(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => order(op, x, y),
        (Value::Float(x), Value::Float(y)) => order(op, &x.get(), &y.get()),
        _ => None,
    }
}

#[inline(always)]
fn order<T: PartialOrd>(op: CmpOp, x: T, y: T) -> Option<bool> {
    Some(match op {
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        _ => return None,
    })
}

enum CompAcc {
    List(Vec<Value>),
    Set(Vec<Value>),
    Dict(Rc<Dict>),
}

/// The kind of display whose items `eval_items` evaluates.
#[derive(Clone, Copy, PartialEq)]
pub enum Display {
    /// A list or a tuple.
    Sequence,
    Set,
}

/// The expressions of a call's arguments, all positional.
struct PosArgs<'e>(std::slice::Iter<'e, Arg>);

impl<'e> Iterator for PosArgs<'e> {
    type Item = &'e Expr;

    #[inline]
    fn next(&mut self) -> Option<&'e Expr> {
        match self.0.next()? {
            Arg::Pos(e) => Some(e),
            _ => None,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for PosArgs<'_> {}

/// What a call of a global name calls.
enum Callee {
    /// A native function whose arguments go straight in (`call_native_function`).
    Native(NativeFn),
    Value(Value),
}

impl Callee {
    #[inline(always)]
    fn of(v: &Value, n_args: usize) -> Callee {
        match v {
            Value::Builtin(b) if n_args <= 2 && is_plain_native(b) => Callee::Native(b.func),
            v => Callee::Value(v.clone()),
        }
    }
}
