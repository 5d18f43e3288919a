//! Calls: dispatch on the callee, argument binding, running a frame.

use super::exec::Flow;
use super::expr::ArgVec;
use super::frame::new_cells;
use super::{Frame, FrameRecord, Vm};
use crate::compile::ir::{Arg, Sym};
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use smallvec::SmallVec;
use std::rc::Rc;

/// The callee of a method call, found before its arguments are evaluated
/// (`Vm::load_method_at`).
pub enum MethodTarget {
    /// A Python function found on the type: called with the receiver first.
    Function(Rc<Function>),
    /// A native method found on the type: called with the receiver first.
    Native(NativeFn),
    /// Anything else (an instance attribute, a bound method, a module's
    /// function): called with the arguments alone.
    Plain(Value),
}

impl Vm {
    pub fn call(&self, callee: &Value, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        match callee {
            Value::Function(func) => self.call_function(func, args, kw),
            Value::Builtin(b) => match &b.bound {
                Some(s) => {
                    let mut v: ArgVec = SmallVec::with_capacity(args.len() + 1);
                    v.push(s.clone());
                    v.extend(args.iter().cloned());
                    (b.func)(self, &v, kw)
                }
                None => {
                    match b.kind {
                        BuiltinKind::Method => self.check_receiver(b, args.first())?,
                        BuiltinKind::StaticMethod if b.name == "__new__" => self.check_new_class(b, args.first())?,
                        _ => {}
                    }
                    let r = (b.func)(self, args, kw);
                    // A blocking native (`time.sleep`) returns early on Ctrl-C: raise now.
                    if super::interrupt::requested() {
                        self.raise_interrupt()?;
                    }
                    r
                }
            },
            Value::Method(m) => {
                let mut v: ArgVec = SmallVec::with_capacity(args.len() + 1);
                v.push(m.self_.clone());
                v.extend(args.iter().cloned());
                self.call(&m.func, &v, kw)
            }
            Value::Class(c) => self.call_class(c, args, kw),
            Value::StaticMethod(f) => self.call(&f.func, args, kw),
            _ => {
                let class = self.type_of(callee);
                match class.lookup(&self.names.call) {
                    Some(m) => {
                        let mut v: ArgVec = SmallVec::with_capacity(args.len() + 1);
                        v.push(callee.clone());
                        v.extend(args.iter().cloned());
                        self.call(&m, &v, kw)
                    }
                    None => Err(self.type_error(format!("'{}' object is not callable", self.type_name(callee).as_str()))),
                }
            }
        }
    }

    /// `obj.name(args)`: `argv[0]` is free for `self`, so a method found on
    /// the class is called without creating a bound method.
    pub fn load_method(&self, obj: &Value, name: &Sym) -> PyResult<MethodTarget> {
        let class = match obj {
            Value::Instance(i) => {
                let class = i.class();
                let shadowed = match &i.dict {
                    Some(d) => d.table.borrow().find_str(name.hash(), name).is_some(),
                    None => false,
                };
                if shadowed || self.hooks(&class) & CUSTOM_GETATTRIBUTE != 0 {
                    return Ok(MethodTarget::Plain(self.get_attr(obj, name)?));
                }
                class
            }
            Value::Class(_) | Value::Module(_) | Value::Super(_) => return Ok(MethodTarget::Plain(self.get_attr(obj, name)?)),
            _ => self.type_of(obj),
        };
        match class.lookup(name) {
            Some(Value::Function(func)) => Ok(MethodTarget::Function(func)),
            Some(Value::Builtin(b)) if b.kind == BuiltinKind::Method && b.bound.is_none() => {
                self.check_receiver(&b, Some(obj))?;
                Ok(MethodTarget::Native(b.func))
            }
            _ => Ok(MethodTarget::Plain(self.get_attr(obj, name)?)),
        }
    }

    /// Calls a special method `f` found on the type of `obj` (`__add__`,
    /// `__len__`, `__next__`, ...): plain functions and builtin methods get
    /// `obj` as their first argument without a bound method object.
    pub fn call_special(&self, f: Value, obj: &Value, args: &[Value]) -> PyResult<Value> {
        let with_self = || {
            let mut v: ArgVec = SmallVec::with_capacity(args.len() + 1);
            v.push(obj.clone());
            v.extend(args.iter().cloned());
            v
        };
        match &f {
            // Unary and binary dunders (`__len__`, `__add__`): the receiver
            // and operand in a stack array.
            // `__add__(self, other)` and the like: straight into the slots.
            Value::Function(func) if !func.code.is_generator_like() && func.code.binds_positionally(args.len() + 1) => {
                self.run_function(func, |frame| {
                    frame.slots[0] = Some(obj.clone());
                    for (slot, a) in frame.slots[1..].iter_mut().zip(args) {
                        *slot = Some(a.clone());
                    }
                    Ok(())
                })
            }
            Value::Function(func) => match args {
                [] => self.call_function(func, std::slice::from_ref(obj), &[]),
                [a] => self.call_function(func, &[obj.clone(), a.clone()], &[]),
                // `__exit__(type, value, traceback)`.
                [a, b, c] => self.call_function(func, &[obj.clone(), a.clone(), b.clone(), c.clone()], &[]),
                _ => self.call_function(func, &with_self(), &[]),
            },
            Value::Builtin(b) if b.kind == BuiltinKind::Method && b.bound.is_none() => {
                self.check_receiver(b, Some(obj))?;
                match args {
                    [] => (b.func)(self, std::slice::from_ref(obj), &[]),
                    [a, b2, c] => (b.func)(self, &[obj.clone(), a.clone(), b2.clone(), c.clone()], &[]),
                    _ => (b.func)(self, &with_self(), &[]),
                }
            }
            _ => self.call(&self.bind_descriptor(f, obj)?, args, &[]),
        }
    }

    /// A native method's receiver must be an instance of the class that
    /// defines it (natives rely on it): `int.__round__()` or
    /// `list.append(1, 2)` raise TypeError as in CPython.
    #[inline]
    pub fn check_receiver(&self, b: &Builtin, receiver: Option<&Value>) -> PyResult<()> {
        let Some(owner) = &b.owner_class else { return Ok(()) };
        let Some(receiver) = receiver else {
            let msg = if b.name.starts_with("__") && b.name.ends_with("__") {
                format!("descriptor '{}' of '{}' object needs an argument", b.name, b.owner)
            } else {
                format!("unbound method {}.{}() needs an argument", b.owner, b.name)
            };
            return Err(self.type_error(msg));
        };
        if let Some(class) = self.builtin_type(receiver) {
            if std::ptr::eq(Rc::as_ptr(class), owner.as_ptr()) {
                return Ok(());
            }
        }
        match owner.upgrade() {
            Some(owner) if !self.is_instance_of(receiver, &owner) => Err(self.type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                b.name,
                owner.name().as_str(),
                self.type_name(receiver).as_str()
            ))),
            _ => Ok(()),
        }
    }

    /// A native `__new__` called explicitly (`int.__new__(cls)`) needs a
    /// subclass of its class as first argument, as in CPython.
    fn check_new_class(&self, b: &Builtin, cls: Option<&Value>) -> PyResult<()> {
        let Some(owner) = b.owner_class.as_ref().and_then(std::rc::Weak::upgrade) else { return Ok(()) };
        let owner_name = owner.name();
        let owner_name = owner_name.as_str();
        match cls {
            None => Err(self.type_error(format!("{owner_name}.__new__(): not enough arguments"))),
            Some(Value::Class(c)) if c.is_subclass(&owner) => Ok(()),
            Some(Value::Class(c)) => {
                let name = c.name();
                let name = name.as_str();
                Err(self.type_error(format!("{owner_name}.__new__({name}): {name} is not a subtype of {owner_name}")))
            }
            Some(other) => Err(self.type_error(format!(
                "{owner_name}.__new__(X): X is not a type object ({})",
                self.type_name(other).as_str()
            ))),
        }
    }

    /// Calls a method by name on `obj` (a convenience for native code).
    pub fn call_method(&self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let name = self.intern(name);
        let mut argv: ArgVec = SmallVec::with_capacity(args.len() + 1);
        argv.push(Value::None);
        argv.extend(args.iter().cloned());
        let target = self.load_method(obj, &name)?;
        self.call_loaded(target, obj.clone(), &mut argv, &[])
    }

    pub fn call_function(&self, func: &Rc<Function>, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let code = &func.code;
        if code.is_generator_like() {
            return self.start_generator(func, args, kw);
        }
        self.run_function(func, |frame| self.bind_args(func, frame, args, kw))
    }

    /// Runs `func`'s body in a new frame whose slots `bind` fills with the
    /// arguments. A frame of up to `SMALL_FRAME` slots and no cells (most
    /// calls) keeps its slots in an array on the Rust stack.
    #[inline(always)]
    fn run_function(&self, func: &Rc<Function>, bind: impl FnOnce(&mut Frame) -> PyResult<()>) -> PyResult<Value> {
        let code = &func.code;
        let rec = FrameRecord::new(code, &func.globals);
        let n = code.slot_names.len();
        if n <= SMALL_FRAME && code.cell_names.is_empty() {
            let mut slots: [Option<Value>; SMALL_FRAME] = Default::default();
            let mut frame = Frame::over(&rec, None, &mut slots[..n], &mut []);
            bind(&mut frame)?;
            let r = self.run_frame(&mut frame, &code.body);
            clear_small_frame(&mut slots, n);
            std::mem::forget(slots);
            return r;
        }
        let (mut slots, mut cells) = (Default::default(), Default::default());
        let mut frame = Frame::new(&rec, None, &func.closure, &mut slots, &mut cells);
        bind(&mut frame)?;
        if !code.cell_params.is_empty() {
            move_cell_params(&mut frame);
        }
        self.run_frame(&mut frame, &code.body)
    }

    /// Calls a function that `binds_positionally` its arguments, evaluating
    /// the argument expressions of the caller's frame `f` straight into the
    /// new frame's slots, after `first` (a method's `self`).
    pub fn call_direct<'e>(
        &self,
        f: &mut Frame,
        func: &Rc<Function>,
        first: Option<Value>,
        args: impl Iterator<Item = &'e crate::compile::ir::Expr>,
    ) -> PyResult<Value> {
        let code = &func.code;
        if code.is_generator_like() {
            return self.start_generator_direct(f, func, first, args);
        }
        let rec = FrameRecord::new(code, &func.globals);
        let n = code.slot_names.len();
        if n <= SMALL_FRAME && code.cell_names.is_empty() {
            // Most calls: the slots in a fixed array, no cells (as in
            // `run_function`, written out: the hottest call path).
            let mut slots: [Option<Value>; SMALL_FRAME] = Default::default();
            let mut frame = Frame::over(&rec, None, &mut slots[..n], &mut []);
            self.eval_args_into(f, frame.slots, first, args)?;
            let r = self.run_frame(&mut frame, &code.body);
            clear_small_frame(&mut slots, n);
            std::mem::forget(slots);
            return r;
        }
        let (mut slots, mut cells) = (Default::default(), Default::default());
        let mut frame = Frame::new(&rec, None, &func.closure, &mut slots, &mut cells);
        self.eval_args_into(f, frame.slots, first, args)?;
        self.run_frame(&mut frame, &code.body)
    }

    /// `func(a, k=v)` (or a method's, after `first`, its `self`): the
    /// arguments evaluated straight into the slots they bind, when every
    /// keyword names a distinct parameter that no positional argument
    /// fills and every parameter left out has a default. `None`, with
    /// nothing evaluated, leaves the call to `bind_args` (which also words
    /// the errors).
    pub fn call_direct_kw(&self, f: &mut Frame, func: &Rc<Function>, first: Option<&Value>, args: &[Arg]) -> Option<PyResult<Value>> {
        let code = &func.code;
        let p = &code.params;
        let n_params = p.n_pos + p.n_kwonly;
        if p.vararg || p.kwarg || !code.cell_params.is_empty() || code.is_generator_like() || n_params > 64 {
            return None;
        }
        let n_first = usize::from(first.is_some());
        let n_given = n_first + args.iter().take_while(|a| matches!(a, Arg::Pos(_))).count();
        if n_given > p.n_pos {
            return None;
        }
        let mut bound: u64 = if n_given == 64 { u64::MAX } else { (1u64 << n_given) - 1 };
        for a in &args[n_given - n_first..] {
            let Arg::Kw(name, _) = a else { return None };
            let i = p.names[..n_params].iter().position(|n| Rc::ptr_eq(n, name))?;
            if i < p.n_posonly || bound & (1 << i) != 0 {
                return None;
            }
            bound |= 1 << i;
        }
        {
            let (defaults, kwdefaults) = (func.defaults.borrow(), func.kwdefaults.borrow());
            let first_default = p.n_pos.saturating_sub(defaults.len());
            let has_default = |i: usize| if i < p.n_pos { i >= first_default } else { matches!(kwdefaults.get(i - p.n_pos), Some(Some(_))) };
            if (0..n_params).any(|i| bound & (1 << i) == 0 && !has_default(i)) {
                return None;
            }
        }
        Some(self.run_function(func, |frame| {
            if let Some(v) = first {
                frame.slots[0] = Some(v.clone());
            }
            // A keyword's slot is found again here: cheaper than keeping
            // the positions from the check above.
            let mut k = n_first;
            for a in args {
                match a {
                    Arg::Pos(e) => {
                        frame.slots[k] = Some(self.eval_operand(f, e)?);
                        k += 1;
                    }
                    Arg::Kw(name, e) => {
                        if let Some(i) = p.names[..n_params].iter().position(|n| Rc::ptr_eq(n, name)) {
                            frame.slots[i] = Some(self.eval_operand(f, e)?);
                        }
                    }
                    Arg::Star(_) | Arg::StarStar(_) => {}
                }
            }
            // The defaults as they are now: evaluating the arguments may
            // have replaced `__defaults__`.
            self.bind_defaults(func, frame.slots, n_given)
        }))
    }

    /// Puts `first` (a method's `self`) and then the values of the caller's
    /// argument expressions into the callee's first slots.
    #[inline(always)]
    fn eval_args_into<'e>(
        &self,
        f: &mut Frame,
        slots: &mut [Option<Value>],
        first: Option<Value>,
        args: impl Iterator<Item = &'e crate::compile::ir::Expr>,
    ) -> PyResult<()> {
        let mut i = 0;
        if let Some(v) = first {
            slots[0] = Some(v);
            i = 1;
        }
        for a in args {
            slots[i] = Some(self.eval_operand(f, a)?);
            i += 1;
        }
        Ok(())
    }

    /// `call_direct` of a generator function: the arguments go straight
    /// into the slots the generator object then owns.
    #[inline(never)]
    fn start_generator_direct<'e>(
        &self,
        f: &mut Frame,
        func: &Rc<Function>,
        first: Option<Value>,
        args: impl Iterator<Item = &'e crate::compile::ir::Expr>,
    ) -> PyResult<Value> {
        let code = &func.code;
        let mut slots: Box<[Option<Value>]> = vec![None; code.slot_names.len()].into_boxed_slice();
        self.eval_args_into(f, &mut slots, first, args)?;
        Ok(self.make_generator(func, slots, new_cells(code, &func.closure)))
    }

    /// A generator function's call: binds the arguments into a frame that
    /// the generator object then owns.
    #[inline(never)]
    fn start_generator(&self, func: &Rc<Function>, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let code = &func.code;
        let mut slots: Box<[Option<Value>]> = vec![None; code.slot_names.len()].into_boxed_slice();
        let mut cells = new_cells(code, &func.closure);
        let rec = FrameRecord::new(code, &func.globals);
        let mut frame = Frame::over(&rec, None, &mut slots, &mut cells);
        self.bind_args(func, &mut frame, args, kw)?;
        move_cell_params(&mut frame);
        Ok(self.make_generator(func, slots, cells))
    }

    /// Runs a function body to completion, counting call depth and adding
    /// the frame to the traceback of an escaping exception.
    #[inline]
    fn run_frame(&self, frame: &mut Frame, body: &[crate::compile::ir::Stmt]) -> PyResult<Value> {
        let depth = self.depth.get();
        if depth >= self.recursion_limit.get() {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.check_stack()?;
        self.safe_point()?;
        self.depth.set(depth + 1);
        let rec = frame.rec;
        let linked = rec.link(&self.frames);
        let r = self.exec_block(frame, body);
        drop(linked);
        // The locals die with the call, before the caller goes on: a
        // generator suspended in one is closed, a `__del__` runs.
        if self.orphans.teardown_runs_code() {
            frame.slots.fill(None);
        }
        self.finalize_freed();
        self.depth.set(depth);
        match r {
            Ok(Flow::Return(v)) => Ok(v),
            Ok(_) => Ok(Value::None),
            Err(e) => {
                self.add_traceback(&e, frame);
                Err(e)
            }
        }
    }

    /// Records `frame` in the traceback of `e` (once per frame). An
    /// exception unwinding a block is also where generators freed by the
    /// unwinding are closed.
    pub fn add_traceback(&self, e: &PyErr, frame: &Frame) {
        self.push_traceback(e, frame as *const Frame as usize, frame.code, frame.line());
    }

    /// Records a frame (identified by `id`) at `line` of `code`.
    pub fn push_traceback(&self, e: &PyErr, id: usize, code: &crate::compile::ir::Code, line: u32) {
        self.push_traceback_entry(e, id, code.filename.clone(), line, code.name.clone());
    }

    /// Records a frame (identified by `id`) of the function `name`.
    pub fn push_traceback_entry(&self, e: &PyErr, id: usize, filename: Rc<str>, line: u32, name: Rc<Str>) {
        self.finalize_freed();
        if let Some(d) = e.0.exc() {
            let mut d = d.borrow_mut();
            let at = d.failed_at.take();
            let again = std::mem::take(&mut d.raised_again);
            if !again && d.traceback.last().is_some_and(|t| t.frame == id) {
                return;
            }
            d.traceback.push(TbEntry { frame: id, filename, line, name, at });
        }
    }

    fn bind_args(&self, func: &Function, frame: &mut Frame, args: &[Value], kw: &KwArgs) -> PyResult<()> {
        let p = &func.code.params;
        let slots = &mut frame.slots;
        let n_pos = p.n_pos;
        if kw.is_empty() && args.len() == n_pos && !p.vararg && !p.kwarg && p.n_kwonly == 0 {
            for (s, a) in slots.iter_mut().zip(args) {
                *s = Some(a.clone());
            }
            return Ok(());
        }
        let given = args.len();
        for (s, a) in slots.iter_mut().zip(args.iter().take(n_pos)) {
            *s = Some(a.clone());
        }
        if given > n_pos {
            if p.vararg {
                slots[p.vararg_slot()] = Some(Value::tuple(args[n_pos..].to_vec()));
            } else {
                return Err(self.too_many_positional(func, given, kw));
            }
        } else if p.vararg {
            slots[p.vararg_slot()] = Some(Value::tuple(Vec::new()));
        }
        let kwdict = if p.kwarg { Some(gc::new(Dict::new())) } else { None };
        let mut posonly_as_kw: Vec<Sym> = Vec::new();
        for (name, v) in kw {
            let ks = p.kwonly_start();
            let found = param_position(&p.names[..n_pos], name)
                .or_else(|| param_position(&p.names[ks..ks + p.n_kwonly], name).map(|i| i + ks));
            match found {
                Some(i) if i < p.n_posonly => match &kwdict {
                    Some(d) => d.set_str(name.clone(), v.clone()),
                    None => posonly_as_kw.push(name.clone()),
                },
                Some(i) => {
                    if slots[i].is_some() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            func.qualname.borrow().as_str(),
                            name.as_str()
                        )));
                    }
                    slots[i] = Some(v.clone());
                }
                None => match &kwdict {
                    Some(d) => {
                        if d.get_str(name).is_some() {
                            // Only `**` merging repeats a name here; CPython then names the module too.
                            let who = match func.module.as_str() {
                                Some(m) if m.as_str() != "builtins" => format!("{}.{}", m.as_str(), func.qualname.borrow().as_str()),
                                _ => func.qualname.borrow().as_str().to_string(),
                            };
                            return Err(self.type_error(format!("{who}() got multiple values for keyword argument '{}'", name.as_str())));
                        }
                        d.set_str(name.clone(), v.clone())
                    }
                    None => {
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            func.qualname.borrow().as_str(),
                            name.as_str()
                        )))
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            let names: Vec<String> = posonly_as_kw.iter().map(|n| n.as_str().to_string()).collect();
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                func.qualname.borrow().as_str(),
                names.join(", ")
            )));
        }
        if let Some(d) = kwdict {
            slots[p.kwarg_slot()] = Some(Value::Dict(d));
        }
        self.bind_defaults(func, slots, given.min(n_pos))
    }

    /// Fills the parameters after the `given` positional ones that no
    /// argument bound with their defaults (as they are now); a parameter
    /// with none is a missing argument.
    fn bind_defaults(&self, func: &Function, slots: &mut [Option<Value>], given: usize) -> PyResult<()> {
        let p = &func.code.params;
        let defaults = func.defaults.borrow();
        let first_default = p.n_pos.saturating_sub(defaults.len());
        let mut missing = Vec::new();
        for i in given..p.n_pos {
            if slots[i].is_none() {
                if i >= first_default {
                    slots[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(p.names[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(func, &missing, "positional"));
        }
        let kwdefaults = func.kwdefaults.borrow();
        let ks = p.kwonly_start();
        for j in 0..p.n_kwonly {
            if slots[ks + j].is_none() {
                match kwdefaults.get(j).cloned().flatten() {
                    Some(v) => slots[ks + j] = Some(v),
                    None => missing.push(p.names[ks + j].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(func, &missing, "keyword-only"));
        }
        Ok(())
    }

    fn too_many_positional(&self, func: &Function, given: usize, kw: &KwArgs) -> PyErr {
        let p = &func.code.params;
        let n_defaults = func.defaults.borrow().len();
        let required = p.n_pos - n_defaults.min(p.n_pos);
        let takes = if n_defaults > 0 {
            format!("from {} to {} positional arguments", required, p.n_pos)
        } else {
            format!("{} positional argument{}", p.n_pos, if p.n_pos == 1 { "" } else { "s" })
        };
        let ks = p.kwonly_start();
        let kw_given = kw.iter().filter(|(n, _)| p.names[ks..ks + p.n_kwonly].iter().any(|k| k.as_str() == n.as_str())).count();
        let was = if given == 1 { "was" } else { "were" };
        let extra = if kw_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if given == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        self.type_error(format!("{}() takes {} but {}{} {} given", func.qualname.borrow().as_str(), takes, given, extra, was))
    }

    fn missing_args(&self, func: &Function, missing: &[Sym], kind: &str) -> PyErr {
        let names: Vec<String> = missing.iter().map(|n| format!("'{}'", n.as_str())).collect();
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
        };
        self.type_error(format!(
            "{}() missing {} required {} argument{}: {}",
            func.qualname.borrow().as_str(),
            missing.len(),
            kind,
            if missing.len() == 1 { "" } else { "s" },
            list
        ))
    }

    /// `C(args)`: `__new__` then `__init__`, or the metaclass's `__call__`.
    pub fn call_class(&self, c: &Rc<Class>, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        if let Some(meta) = c.meta.borrow().clone() {
            if let Some((call, owner)) = meta.lookup_with_owner(&self.names.call) {
                if owner.is_heap {
                    let mut v: ArgVec = SmallVec::with_capacity(args.len() + 1);
                    v.push(Value::Class(c.clone()));
                    v.extend(args.iter().cloned());
                    return self.call(&call, &v, kw);
                }
            }
        }
        self.type_call(c, args, kw)
    }

    /// For `c(args)` with `n` positional arguments: the `__init__` to run
    /// on a fresh instance when nothing else is involved (no metaclass, the
    /// default `__new__`, a Python `__init__` that binds positionally).
    /// The instance comes from `Vm::plain_instance`.
    #[inline]
    pub fn plain_init(&self, c: &Rc<Class>, n: usize) -> Option<Rc<Function>> {
        match self.construct_plan(c) {
            Construct::Init(init) if init.code.binds_positionally(n + 1) => Some(init),
            _ => None,
        }
    }

    /// How calling `c` makes an instance, worked out once per type version
    /// (four MRO lookups and a dict probe saved on every construction).
    #[inline]
    pub fn construct_plan(&self, c: &Class) -> Construct {
        let version = type_version();
        if let Ok(plan) = c.construct.try_borrow() {
            if plan.0 == version {
                return plan.1.clone();
            }
        }
        let plan = self.work_out_construct(c);
        if let Ok(mut cached) = c.construct.try_borrow_mut() {
            *cached = (version, plan.clone());
        }
        plan
    }

    fn work_out_construct(&self, c: &Class) -> Construct {
        let abstract_ = c.dict.borrow().get_str(self.names.abstractmethods.hash(), &self.names.abstractmethods).is_some();
        if c.meta.borrow().is_some() || abstract_ {
            return Construct::General;
        }
        let init = c.lookup(&self.names.init);
        let plain_init = matches!(&init, Some(Value::Builtin(b)) if crate::builtins::is_native(b, crate::builtins::object::object_init));
        match c.lookup(&self.names.new) {
            Some(Value::Builtin(b)) if crate::builtins::is_native(&b, crate::builtins::object::object_new) => {}
            Some(new @ Value::Builtin(_)) if c.layout != Layout::Object => {
                return match init {
                    _ if plain_init => Construct::NativeNew(new, None),
                    Some(init @ Value::Builtin(_)) => Construct::NativeNew(new, Some(init)),
                    _ => Construct::General,
                };
            }
            _ => return Construct::General,
        }
        if c.layout != Layout::Object {
            return Construct::General;
        }
        match init {
            _ if plain_init => Construct::Bare,
            Some(Value::Function(init)) => Construct::Init(init),
            _ => Construct::General,
        }
    }

    /// A fresh instance of a class whose plan is `Bare` or `Init`.
    pub fn plain_instance(&self, c: &Rc<Class>) -> Value {
        Value::Instance(self.instance_with(c, Payload::None))
    }

    /// `type.__call__`: creates and initialises an instance of `c`.
    pub fn type_call(&self, c: &Rc<Class>, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        if Rc::ptr_eq(c, &self.types.type_) && args.len() == 1 && kw.is_empty() {
            return Ok(Value::Class(self.type_of(&args[0])));
        }
        match self.construct_plan(c) {
            Construct::Bare if args.is_empty() && kw.is_empty() => return Ok(self.plain_instance(c)),
            Construct::Init(init) => return self.call_init(&Value::Function(init), self.plain_instance(c), args, kw),
            Construct::NativeNew(new, init) => {
                let mut v: ArgVec = SmallVec::with_capacity(args.len() + 1);
                v.push(Value::Class(c.clone()));
                v.extend(args.iter().cloned());
                let obj = self.call(&new, &v, kw)?;
                // An instance of exactly `c` has `c`'s `__init__`.
                if !Rc::ptr_eq(&self.type_of(&obj), c) {
                    return self.initialize_made(c, obj, args, kw);
                }
                return match init {
                    None => Ok(obj),
                    Some(init) => {
                        v[0] = obj.clone();
                        let r = self.call(&init, &v, kw)?;
                        self.initialized(obj, r)
                    }
                };
            }
            _ => {}
        }
        let new = c.lookup(&self.names.new);
        let obj = match &new {
            Some(Value::Builtin(b)) if crate::builtins::is_native(&b, crate::builtins::object::object_new) => {
                self.check_object_args(c, args, kw)?;
                self.new_instance(c)?
            }
            Some(n) => {
                let n = match n {
                    Value::StaticMethod(f) => f.func.clone(),
                    other => other.clone(),
                };
                let mut v: ArgVec = SmallVec::with_capacity(args.len() + 1);
                v.push(Value::Class(c.clone()));
                v.extend(args.iter().cloned());
                self.call(&n, &v, kw)?
            }
            None => self.new_instance(c)?,
        };
        self.initialize_made(c, obj, args, kw)
    }

    /// `type.__call__` after `__new__` made `obj`: its `__init__` runs if
    /// it is an instance of `c`.
    fn initialize_made(&self, c: &Rc<Class>, obj: Value, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        if !self.is_instance_of(&obj, c) {
            return Ok(obj);
        }
        let init = self.type_of(&obj).lookup(&self.names.init);
        match init {
            Some(Value::Builtin(b)) if crate::builtins::is_native(&b, crate::builtins::object::object_init) => Ok(obj),
            Some(init) => self.call_init(&init, obj, args, kw),
            None => Ok(obj),
        }
    }

    /// Runs `init` on the new `obj` with the class call's arguments.
    fn call_init(&self, init: &Value, obj: Value, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let mut v: ArgVec = SmallVec::with_capacity(args.len() + 1);
        v.push(obj.clone());
        v.extend(args.iter().cloned());
        let r = self.call(init, &v, kw)?;
        self.initialized(obj, r)
    }

    /// `obj`, once its `__init__` returned `r` (which must be None).
    pub fn initialized(&self, obj: Value, r: Value) -> PyResult<Value> {
        if !r.is_none() {
            return Err(self.type_error(format!("__init__() should return None, not '{}'", self.type_name(&r).as_str())));
        }
        Ok(obj)
    }

    /// `object.__new__` refuses arguments unless `__init__` is overridden.
    fn check_object_args(&self, c: &Rc<Class>, args: &[Value], kw: &KwArgs) -> PyResult<()> {
        if args.is_empty() && kw.is_empty() {
            return Ok(());
        }
        let init_overridden = !matches!(c.lookup(&self.names.init),
            Some(Value::Builtin(b)) if crate::builtins::is_native(&b, crate::builtins::object::object_init));
        if init_overridden {
            return Ok(());
        }
        Err(self.type_error(format!("{}() takes no arguments", c.name().as_str())))
    }

    /// A bare instance of `c` with the storage its builtin base needs.
    pub fn new_instance(&self, c: &Rc<Class>) -> PyResult<Value> {
        if let Some(abstracts) = c.dict.borrow().get_str(self.names.abstractmethods.hash(), &self.names.abstractmethods) {
            let names = self.collect(&abstracts)?;
            if !names.is_empty() {
                let mut names: Vec<String> = names.iter().filter_map(|n| n.as_str().map(|s| s.as_str().to_string())).collect();
                names.sort();
                let list = names.join(", ");
                return Err(self.type_error(format!(
                    "Can't instantiate abstract class {} with abstract method{} {}",
                    c.name().as_str(),
                    if names.len() == 1 { "" } else { "s" },
                    list
                )));
            }
        }
        let payload = match c.layout {
            Layout::Object => Payload::None,
            Layout::Value => {
                // An immutable builtin base (int, str, tuple, ...) holds a value
                // that only its own constructor provides; an instance without
                // one would send its methods round in circles.
                let base = c.mro.borrow().iter().find(|k| !k.is_heap).map(|k| k.name());
                return Err(self.type_error(format!(
                    "object.__new__({}) is not safe, use {}.__new__()",
                    c.name().as_str(),
                    base.as_ref().map_or("object", |n| n.as_str())
                )));
            }
            Layout::List => Payload::List(gc::new(List::new(Vec::new()))),
            Layout::Dict => Payload::Dict(gc::new(Dict::new())),
            Layout::Set => Payload::Set(gc::new(Set::new())),
            Layout::Exception => {
                return Ok(Value::Instance(self.exc_instance(c, Vec::new())));
            }
        };
        Ok(Value::Instance(self.instance_with(c, payload)))
    }

    pub fn instance_with(&self, c: &Rc<Class>, payload: Payload) -> Rc<Instance> {
        let nslots = c.slots.borrow().len();
        gc::new(Instance {
            class: std::cell::RefCell::new(c.clone()),
            // Untracked: the collector sees it through its instance.
            dict: if c.has_dict.get() { Some(Rc::new(Dict::new())) } else { None },
            slots: std::cell::RefCell::new(vec![None; nslots]),
            payload,
            gc: GcHeader::new(),
        })
    }
}

/// Parameters that inner functions capture live in cells: moves their
/// bound values from the slots into fresh cells.
/// The slots of a frame this small live in an array on the Rust stack.
const SMALL_FRAME: usize = 8;

/// Clears a small frame's slots: only the first `n` were ever set, so the
/// caller then skips the array's drop glue (`mem::forget`).
#[inline(always)]
fn clear_small_frame(slots: &mut [Option<Value>; SMALL_FRAME], n: usize) {
    for s in &mut slots[..n] {
        drop(s.take());
    }
}

fn move_cell_params(frame: &mut Frame) {
    let code = frame.code;
    for &(slot, cell) in &code.cell_params {
        let v = frame.slots[slot as usize].take();
        frame.cells[cell as usize] = gc::new(CellObj::new(v));
    }
}

/// The position of the parameter called `name`: the same interned string
/// nearly always, so identity is tried on all of them before text.
fn param_position(names: &[Sym], name: &Sym) -> Option<usize> {
    names.iter().position(|n| Rc::ptr_eq(n, name)).or_else(|| names.iter().position(|n| n.as_str() == name.as_str()))
}
