//! Calling a function inside a `contextvars.Context`, natively: the ready
//! queue does it for every handle it runs.
//!
//! `Context.run` is written in Python (stdlib/contextvars.py): it marks the
//! context entered, makes it the module's `_current`, calls, and undoes
//! both. For contexts of exactly that class this does the same steps on the
//! context's `_entered` slot and the module's globals, without a Python
//! frame; any other context object is asked to `run` through Python.
//! `copy_context()` likewise makes the copy (a new Context sharing the
//! current one's `_vars`, which are never changed in place) natively.
//!
//! A task keeps its copy lighter still: as the `_vars` alone (a snapshot),
//! wrapped in a Context only while a step runs, and only if something kept
//! that Context (a Token, a callback scheduled through Python) does the
//! task go on with it. 100,000 tasks hold no Context object.

use super::{future::flag, set_slot, State};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use crate::runtime::str::Str;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What the fast path needs of the module `contextvars`.
pub struct ContextModule {
    module: Rc<Module>,
    class: Rc<Class>,
    globals: Rc<Dict>,
    /// The slot indices of `_vars` and `_entered` in Context instances.
    vars: usize,
    entered: usize,
    /// Where `_current` was found in the module's globals last time.
    current_at: Cell<u32>,
    /// A Context a task's step used and nothing kept, for the next step.
    spare: RefCell<Option<Rc<Instance>>>,
}

impl ContextModule {
    pub fn load(vm: &Vm) -> PyResult<ContextModule> {
        let Value::Module(m) = vm.import_module("contextvars")? else {
            return Err(vm.type_error("contextvars is not a module"));
        };
        let Value::Class(class) = vm.get_attr(&Value::Module(m.clone()), &vm.intern("Context"))? else {
            return Err(vm.type_error("contextvars.Context is not a class"));
        };
        let index = |name: &str| class.slots.borrow().iter().position(|s| s.as_str() == name);
        let (Some(vars), Some(entered)) = (index("_vars"), index("_entered")) else {
            return Err(vm.type_error("contextvars.Context has no _vars and _entered slots"));
        };
        Ok(ContextModule { class, globals: m.dict.clone(), module: m, vars, entered, current_at: Cell::new(0), spare: RefCell::new(None) })
    }

    /// Makes `ctx` the module's `_current` (named `name`), giving back the
    /// one before; a task switch does it twice.
    fn swap_current(&self, name: &Rc<Str>, ctx: Value) -> Value {
        let mut t = self.globals.table.borrow_mut();
        match t.find_str_hinted(name, &self.current_at) {
            Some(i) => match t.value_at_mut(i) {
                Some(v) => std::mem::replace(v, ctx),
                None => Value::None,
            },
            None => {
                t.set_str(name.clone(), ctx);
                Value::None
            }
        }
    }
}

/// `ctx.run(f, *args)`.
pub fn run(vm: &Vm, st: &State, ctx: &Value, f: &Value, args: &[Value]) -> PyResult<Value> {
    run_with(vm, st, ctx, || vm.call(f, args, &[]), || (f.clone(), args.to_vec()))
}

/// `ctx.run(f, *args)` where `call` calls `f(*args)`, and `callable`
/// makes `f` and `args` for a context that is asked through Python.
pub fn run_with(
    vm: &Vm,
    st: &State,
    ctx: &Value,
    call: impl FnOnce() -> PyResult<Value>,
    callable: impl FnOnce() -> (Value, Vec<Value>),
) -> PyResult<Value> {
    if let Value::Instance(c) = ctx {
        let m = st.context_module(vm)?;
        if Rc::ptr_eq(&c.class.borrow(), &m.class) && c.slots.borrow().len() > m.entered {
            if flag(c, m.entered) {
                let r = vm.repr(ctx)?;
                return Err(vm.runtime_error(format!("cannot enter context: {} is already entered", r.as_str())));
            }
            let current = &st.names.current;
            set_slot(c, m.entered, Value::bool(true));
            let outer = m.swap_current(current, ctx.clone());
            let r = call();
            drop(m.swap_current(current, outer));
            set_slot(c, m.entered, Value::bool(false));
            return r;
        }
    }
    let run = vm.get_attr(ctx, &vm.intern("run"))?;
    let (f, args) = callable();
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(f);
    all.extend(args);
    vm.call(&run, &all, &[])
}

/// `contextvars.copy_context()`.
pub fn copy_current(vm: &Vm, st: &State) -> PyResult<Value> {
    let m = st.context_module(vm)?;
    if let Some(Value::Instance(cur)) = m.globals.get_str(&st.names.current) {
        let nslots = m.vars.max(m.entered) + 1;
        if Rc::ptr_eq(&cur.class.borrow(), &m.class) && cur.slots.borrow().len() >= nslots {
            let copy = vm.instance_with(&m.class, Payload::None);
            set_slot(&copy, m.vars, super::slot(&cur, m.vars));
            set_slot(&copy, m.entered, Value::bool(false));
            return Ok(Value::Instance(copy));
        }
    }
    let f = vm.get_attr(&Value::Module(m.module.clone()), &vm.intern("copy_context"))?;
    vm.call(&f, &[], &[])
}

/// What a new task keeps as its copy of the current context: the current
/// context's variables, or a copy of it when the current context is not a
/// `contextvars.Context` of ours.
pub fn snapshot(vm: &Vm, st: &State) -> PyResult<Value> {
    let m = st.context_module(vm)?;
    if let Some(Value::Instance(cur)) = m.globals.get_str(&st.names.current) {
        if Rc::ptr_eq(&cur.class.borrow(), &m.class) && cur.slots.borrow().len() > m.vars.max(m.entered) {
            let vars = super::slot(&cur, m.vars);
            if is_snapshot(&vars) {
                return Ok(vars);
            }
        }
    }
    copy_current(vm, st)
}

/// Whether a task's context is kept as a snapshot of variables.
pub fn is_snapshot(ctx: &Value) -> bool {
    matches!(ctx, Value::Dict(_))
}

/// A Context holding the snapshot `vars`.
pub fn materialize(vm: &Vm, st: &State, vars: Value) -> PyResult<Value> {
    let m = st.context_module(vm)?;
    Ok(Value::Instance(holding(vm, m, vars, None)))
}

/// `reuse` (or a new Context) made to hold `vars`, not entered.
fn holding(vm: &Vm, m: &ContextModule, vars: Value, reuse: Option<Rc<Instance>>) -> Rc<Instance> {
    let ctx = reuse.unwrap_or_else(|| vm.instance_with(&m.class, Payload::None));
    set_slot(&ctx, m.vars, vars);
    set_slot(&ctx, m.entered, Value::bool(false));
    ctx
}

/// Runs `call` in a Context holding the snapshot `vars`, made current
/// through `keep` (the task's context slot, which holds it meanwhile).
/// Afterwards the task keeps the variables as they are then, or the
/// Context itself if something else holds it.
pub fn run_in_snapshot(
    vm: &Vm,
    st: &State,
    vars: Value,
    keep: impl Fn(Value),
    call: impl FnOnce() -> PyResult<Value>,
) -> PyResult<Value> {
    let m = st.context_module(vm)?;
    let spare = m.spare.borrow_mut().take();
    let ctx = holding(vm, m, vars, spare);
    keep(Value::Instance(ctx.clone()));
    let r = run_with(vm, st, &Value::Instance(ctx.clone()), call, || (Value::None, Vec::new()));
    // The task's slot holds one reference, this function the other.
    if Rc::strong_count(&ctx) == 2 {
        let vars = super::slot(&ctx, m.vars);
        keep(vars);
        set_slot(&ctx, m.vars, Value::None);
        *m.spare.borrow_mut() = Some(ctx);
    }
    r
}
