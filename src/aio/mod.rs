//! The machinery of concurrency: the GIL that lets several OS threads run
//! Python code one at a time (`gil`), and asyncio's native core, the module
//! `_asyncio`: `Future` and `Task` (as
//! CPython's C accelerator has them), the registry of tasks (which task is
//! running on each loop, which tasks are unfinished), and the loop's hot
//! path: `Handle`, `TimerHandle`, the ready queue, `call_soon` and
//! `call_at`.
//!
//! Futures and tasks are ordinary instances whose state lives in
//! `__slots__` at fixed indices (`future::SLOT_*`, `task::SLOT_*`): the
//! attributes asyncio code reads (`_state`, `_loop`,
//! `_asyncio_future_blocking`, ...) are the slots themselves, Python
//! subclasses inherit the layout (their own slots come after ours), and the
//! cycle collector already traverses instance slots.

pub mod alarm;
pub mod context;
pub mod fifo;
pub mod future;
pub mod gil;
pub mod handle;
pub mod queue;
pub mod ready;
mod registry;
pub mod running;
mod shortcuts;
pub mod sync;
pub mod task;
pub mod timer;
pub mod timer_heap;

use crate::compile::ir::AttrSite;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

/// The interpreter's asyncio state, made with the module `_asyncio`.
pub struct State {
    pub future_class: Rc<Class>,
    pub task_class: Rc<Class>,
    pub handle_class: Rc<Class>,
    pub timer_class: Rc<Class>,
    pub fifo_class: Rc<Class>,
    /// The values of `_state`.
    pub pending: Value,
    pub cancelled: Value,
    pub finished: Value,
    /// `context`, the keyword of `call_soon` and `add_done_callback`.
    pub context_kw: Rc<Str>,
    /// The callback of `sleep()`'s timers (`alarm::ring`).
    pub ring: Value,
    /// What `_yield_once()` returns (`future::yield_once`).
    pub yield_once: Value,
    pub names: Names,
    /// `asyncio.exceptions`' CancelledError and InvalidStateError, looked up
    /// on first use: `_asyncio` is imported while `asyncio` initialises.
    errors: OnceCell<(Rc<Class>, Rc<Class>)>,
    contexts: OnceCell<context::ContextModule>,
    /// Default task names are "Task-1", "Task-2", ... over the process.
    pub task_counter: Cell<i64>,
    /// (loop, task) for each loop running a task step.
    current: RefCell<Vec<(Value, Value)>>,
    /// Registered tasks not known to be finished, by address.
    registered: registry::TaskRegistry,
    pub running: running::RunningLoops,
    pub queue_names: queue::QueueNames,
    /// The last `(fn, context)` done-callback entry made, weakly: the same
    /// pair added to many futures (gather() gives each child the same
    /// callback and context) shares one tuple.
    pub last_callback_entry: RefCell<std::rc::Weak<Tuple>>,
}

/// The attributes the loop's hot path reads, as cached sites (the loop,
/// locks and events are instances of Python classes): a field is one probe
/// of the instance dict, "is `call_soon` still ours" one cache check.
pub struct Names {
    pub closed: Box<AttrSite>,
    pub debug: Box<AttrSite>,
    pub ready: Box<AttrSite>,
    pub timers: Box<AttrSite>,
    pub call_soon: Box<AttrSite>,
    pub call_at: Box<AttrSite>,
    pub call_later: Box<AttrSite>,
    pub create_future: Box<AttrSite>,
    pub locked: Box<AttrSite>,
    pub locked_store: Box<AttrSite>,
    pub waiters: Box<AttrSite>,
    pub wake_first: Box<AttrSite>,
    pub clear: Box<AttrSite>,
    pub value: Box<AttrSite>,
    pub value_store: Box<AttrSite>,
    pub stopping: Box<AttrSite>,
    pub cancelled_timers: Box<AttrSite>,
    pub cancelled_timers_store: Box<AttrSite>,
    pub readers: Box<AttrSite>,
    pub writers: Box<AttrSite>,
    pub acquire: Box<AttrSite>,
    pub release: Box<AttrSite>,
    /// `contextvars._current`.
    pub current: Rc<Str>,
}

/// Whether `obj.<site>` is the native method `f`, not an override.
pub fn is_native_at(vm: &Vm, obj: &Value, site: &AttrSite, f: NativeFn) -> bool {
    vm.native_method_at(obj, site).is_some_and(|g| g as *const () == f as *const ())
}

impl State {
    pub fn context_module(&self, vm: &Vm) -> PyResult<&context::ContextModule> {
        if self.contexts.get().is_none() {
            let m = context::ContextModule::load(vm)?;
            let _ = self.contexts.set(m);
        }
        self.contexts.get().ok_or_else(|| vm.runtime_error("contextvars is not loaded"))
    }

    pub fn cancelled_error(&self, vm: &Vm) -> PyResult<Rc<Class>> {
        Ok(self.errors(vm)?.0)
    }

    pub fn invalid_state_error(&self, vm: &Vm, msg: impl Into<String>) -> PyErr {
        match self.errors(vm) {
            Ok((_, invalid)) => vm.new_exc(&invalid, vec![Value::string(msg.into())]),
            Err(e) => e,
        }
    }

    fn errors(&self, vm: &Vm) -> PyResult<(Rc<Class>, Rc<Class>)> {
        if let Some(e) = self.errors.get() {
            return Ok(e.clone());
        }
        let m = vm.import_module("asyncio.exceptions")?;
        let class = |name: &str| match vm.get_attr(&m, &vm.intern(name))? {
            Value::Class(c) => Ok(c),
            _ => Err(vm.type_error(format!("asyncio.exceptions.{name} is not a class"))),
        };
        let pair = (class("CancelledError")?, class("InvalidStateError")?);
        Ok(self.errors.get_or_init(|| pair).clone())
    }

    /// A copy of the current context (`contextvars.copy_context()`).
    pub fn copy_context(&self, vm: &Vm) -> PyResult<Value> {
        context::copy_current(vm, self)
    }

    /// `loop.call_soon(callback, *args, context=context)`.
    pub fn call_soon(&self, vm: &Vm, lp: &Value, args: &[Value], context: Value) -> PyResult<()> {
        handle::loop_call_soon(vm, self, lp, args, context)
    }
}

/// The asyncio state, once `_asyncio` was imported.
pub fn state(vm: &Vm) -> PyResult<Rc<State>> {
    match vm.aio.get() {
        Some(s) => Ok(s.clone()),
        None => Err(vm.runtime_error("_asyncio is not initialised")),
    }
}

/// Initialises the module `_asyncio`.
pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let st = match vm.aio.get() {
        Some(s) => s.clone(),
        None => {
            let future_class = future::make_class(vm);
            let task_class = task::make_class(vm, &future_class);
            let handle_class = handle::make_class(vm);
            let timer_class = timer::make_class(vm, &handle_class);
            let fifo_class = fifo::make_class(vm);
            alarm::make_class(vm);
            let s = Rc::new(State {
                future_class,
                task_class,
                handle_class,
                timer_class,
                fifo_class,
                pending: Value::Str(vm.intern("PENDING")),
                cancelled: Value::Str(vm.intern("CANCELLED")),
                finished: Value::Str(vm.intern("FINISHED")),
                context_kw: vm.intern("context"),
                ring: alarm::ring_callback(),
                yield_once: future::yield_once_marker(vm),
                names: {
                    let site = |name: &str| AttrSite::new(vm.intern(name));
                    Names {
                        closed: site("_closed"),
                        debug: site("_debug"),
                        ready: site("_ready"),
                        timers: site("_timers"),
                        call_soon: site("call_soon"),
                        call_at: site("call_at"),
                        call_later: site("call_later"),
                        create_future: site("create_future"),
                        locked: site("_locked"),
                        locked_store: site("_locked"),
                        stopping: site("_stopping"),
                        cancelled_timers: site("_cancelled_timers"),
                        cancelled_timers_store: site("_cancelled_timers"),
                        readers: site("_readers"),
                        writers: site("_writers"),
                        acquire: site("acquire"),
                        release: site("release"),
                        waiters: site("_waiters"),
                        wake_first: site("_wake_first"),
                        clear: site("clear"),
                        value: site("_value"),
                        value_store: site("_value"),
                        current: vm.intern("_current"),
                    }
                },
                errors: OnceCell::new(),
                contexts: OnceCell::new(),
                task_counter: Cell::new(0),
                current: RefCell::new(Vec::new()),
                registered: registry::TaskRegistry::default(),
                running: running::RunningLoops::default(),
                queue_names: queue::QueueNames::new(vm),
                last_callback_entry: RefCell::new(std::rc::Weak::new()),
            });
            vm.aio.get_or_init(|| s).clone()
        }
    };
    d.set_str(vm.intern("Future"), Value::Class(st.future_class.clone()));
    d.set_str(vm.intern("Task"), Value::Class(st.task_class.clone()));
    d.set_str(vm.intern("Handle"), Value::Class(st.handle_class.clone()));
    d.set_str(vm.intern("TimerHandle"), Value::Class(st.timer_class.clone()));
    d.set_str(vm.intern("Fifo"), Value::Class(st.fifo_class.clone()));
    crate::modules::def(vm, d, "ReadyQueue", ready::new_queue);
    crate::modules::def(vm, d, "_yield_once", future::yield_once);
    crate::modules::def(vm, d, "_await_natively", shortcuts::await_natively);
    crate::modules::def(vm, d, "_run_ready_only", ready::run_ready_only);
    crate::modules::def(vm, d, "_alarm", alarm::alarm);
    crate::modules::def(vm, d, "_pop_due_timers", timer_heap::pop_due);
    crate::modules::def(vm, d, "_timer_deadline", timer_heap::deadline_of);
    crate::modules::def(vm, d, "_drop_cancelled_timers", timer_heap::drop_cancelled);
    crate::modules::def(vm, d, "_compact_timers", timer_heap::compact);
    // Methods of EventLoop: they bind the loop as functions would.
    let loop_methods = [
        ("call_soon", handle::call_soon as NativeFn),
        ("call_at", timer::call_at),
        ("call_later", running::call_later),
        ("time", running::loop_time),
        ("create_future", running::create_future),
    ];
    for (name, func) in loop_methods {
        let b = Builtin { name, func, kind: BuiltinKind::Method, bound: None, owner: "EventLoop", owner_class: None };
        d.set_str(vm.intern(name), Value::Builtin(Rc::new(b)));
    }
    // Methods of asyncio.Queue.
    for (export, name, func) in queue::METHODS {
        let b = Builtin { name, func, kind: BuiltinKind::Method, bound: None, owner: "Queue", owner_class: None };
        d.set_str(vm.intern(export), Value::Builtin(Rc::new(b)));
    }
    crate::modules::def(vm, d, "_wake_one", queue::wake_one_fn);
    // Methods of asyncio.Lock and asyncio.Event.
    for (export, name, owner, func) in sync::METHODS {
        let b = Builtin { name, func, kind: BuiltinKind::Method, bound: None, owner, owner_class: None };
        d.set_str(vm.intern(export), Value::Builtin(Rc::new(b)));
    }
    crate::modules::def(vm, d, "current_task", current_task);
    crate::modules::def(vm, d, "get_running_loop", running::get_running_loop);
    crate::modules::def(vm, d, "_get_running_loop", running::get_running_loop_or_none);
    crate::modules::def(vm, d, "_set_running_loop", running::set_running_loop);
    crate::modules::def(vm, d, "_register_task", register_task);
    crate::modules::def(vm, d, "_unregister_task", unregister_task);
    crate::modules::def(vm, d, "_enter_task", enter_task);
    crate::modules::def(vm, d, "_leave_task", leave_task);
    crate::modules::def(vm, d, "_registered_tasks", registered_tasks);
    Ok(())
}

/// Installs `class.<name>` as a property over native `getter` (and
/// `setter`, if any).
fn native_property(vm: &Vm, class: &Class, owner: &'static str, name: &'static str, getter: NativeFn, setter: Option<NativeFn>) {
    let builtin = |func| Value::Builtin(Rc::new(Builtin { name, func, kind: BuiltinKind::Function, bound: None, owner, owner_class: None }));
    let mut accessors = vec![builtin(getter)];
    accessors.extend(setter.map(builtin));
    if let Ok(p) = vm.call(&Value::Class(vm.types.property.clone()), &accessors, &[]) {
        class.dict.borrow_mut().set_str(vm.intern(name), p);
    }
}

/// Creates a native class whose instances carry the slots `slots`; only
/// the names in `visible` get attribute descriptors.
fn slotted_class(vm: &Vm, name: &str, base: &Rc<Class>, slots: &[&str], visible: &[&str]) -> Rc<Class> {
    let c = crate::runtime::types::new_class(&vm.interner, name, Some(base), Layout::Object, None);
    let names: Vec<Rc<Str>> = slots.iter().map(|s| vm.intern(s)).collect();
    for (index, name) in names.iter().enumerate() {
        if !visible.contains(&name.as_str()) {
            continue;
        }
        let desc = Value::Native(Rc::new(NativeObj {
            class: vm.iterator_class("member_descriptor"),
            data: RefCell::new(Box::new(crate::eval::attr::SlotDescriptor { index, name: name.clone() })),
        }));
        c.dict.borrow_mut().set_str(name.clone(), desc);
    }
    c.dict.borrow_mut().set_str(vm.names.module.clone(), Value::str("_asyncio"));
    let _ = c.type_name.set(vm.intern(&format!("_asyncio.{name}")));
    *c.slots.borrow_mut() = names;
    c
}

/// The instance behind a native method's receiver, if it is an instance of
/// `class` with at least `nslots` slots; CPython's TypeError otherwise.
pub(crate) fn receiver<'a>(
    vm: &Vm,
    args: &'a [Value],
    class: &Class,
    nslots: usize,
    method: &str,
) -> PyResult<&'a Rc<Instance>> {
    let tn = class.name();
    match args.first() {
        Some(Value::Instance(i)) if i.class.borrow().is_subclass(class) && i.slots.borrow().len() >= nslots => Ok(i),
        None => Err(vm.type_error(format!("descriptor '{method}' of '_asyncio.{}' object needs an argument", tn.as_str()))),
        Some(other) => Err(vm.type_error(format!(
            "descriptor '{method}' for '_asyncio.{}' objects doesn't apply to a '{}' object",
            tn.as_str(),
            vm.type_name(other).as_str()
        ))),
    }
}

/// Slot `i` of `inst` (None when unset).
#[inline]
pub(crate) fn slot(inst: &Instance, i: usize) -> Value {
    inst.slots.borrow().get(i).and_then(|v| v.clone()).unwrap_or(Value::None)
}

/// `f` of slot `i` of `inst` (None when unset), read in place: for tests
/// of a state or a flag, which need no reference of their own. `f` runs
/// no Python code.
#[inline]
pub(crate) fn with_slot<R>(inst: &Instance, i: usize, f: impl FnOnce(&Value) -> R) -> R {
    match inst.slots.borrow().get(i) {
        Some(Some(v)) => f(v),
        _ => f(&Value::None),
    }
}

/// Sets slot `i` of `inst`; the old value is dropped after the borrow ends.
#[inline]
pub(crate) fn set_slot(inst: &Instance, i: usize, v: Value) {
    let old = inst.slots.borrow_mut().get_mut(i).map(|s| s.replace(v));
    drop(old);
}

impl State {
    pub fn register(&self, task: &Value) {
        self.registered.register(task);
    }

    pub fn unregister(&self, task: &Value) {
        self.registered.unregister(task);
    }

    /// The task running on `lp`, if any.
    pub fn current(&self, lp: &Value) -> Option<Value> {
        self.current.borrow().iter().find(|(l, _)| l.is(lp)).map(|(_, t)| t.clone())
    }

    /// `_enter_task(loop, task)`.
    pub fn enter(&self, vm: &Vm, lp: &Value, task: &Value) -> PyResult<()> {
        if let Some(running) = self.current(lp) {
            let (t, r) = (vm.repr(task)?, vm.repr(&running)?);
            return Err(vm.runtime_error(format!(
                "Cannot enter into task {} while another task {} is being executed.",
                t.as_str(),
                r.as_str()
            )));
        }
        self.current.borrow_mut().push((lp.clone(), task.clone()));
        Ok(())
    }

    /// `_leave_task(loop, task)`.
    pub fn leave(&self, vm: &Vm, lp: &Value, task: &Value) -> PyResult<()> {
        let found = self.current.borrow().iter().position(|(l, _)| l.is(lp));
        let running = found.map(|i| self.current.borrow()[i].1.clone());
        match (found, running) {
            (Some(i), Some(r)) if r.is(task) => {
                let old = self.current.borrow_mut().remove(i);
                drop(old);
                Ok(())
            }
            (_, r) => {
                let r = r.unwrap_or(Value::None);
                let (t, r) = (vm.repr(task)?, vm.repr(&r)?);
                Err(vm.runtime_error(format!(
                    "Leaving task {} does not match the current task {}.",
                    t.as_str(),
                    r.as_str()
                )))
            }
        }
    }
}

/// `current_task(loop=None)`.
fn current_task(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [lp]) = crate::sig!("current_task", "loop=None").bind(vm, a, kw)?;
    let st = state(vm)?;
    let lp = match lp {
        Some(l) if !l.is_none() => l.clone(),
        _ => running::running_loop(vm, &st)?,
    };
    Ok(st.current(&lp).unwrap_or(Value::None))
}

fn register_task(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([task], []) = crate::sig!("_register_task", "task").bind(vm, a, kw)?;
    state(vm)?.register(task);
    Ok(Value::None)
}

fn unregister_task(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([task], []) = crate::sig!("_unregister_task", "task").bind(vm, a, kw)?;
    state(vm)?.unregister(task);
    Ok(Value::None)
}

fn enter_task(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([lp, task], []) = crate::sig!("_enter_task", "loop, task").bind(vm, a, kw)?;
    state(vm)?.enter(vm, lp, task)?;
    Ok(Value::None)
}

fn leave_task(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([lp, task], []) = crate::sig!("_leave_task", "loop, task").bind(vm, a, kw)?;
    state(vm)?.leave(vm, lp, task)?;
    Ok(Value::None)
}

/// `_registered_tasks()`: a list of the registered tasks; native tasks
/// that finished are dropped from the registry on the way.
fn registered_tasks(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_registered_tasks", "").bind(vm, a, kw)?;
    let st = state(vm)?;
    let tasks = st.registered.unfinished(|t| t.class.borrow().is_subclass(&st.task_class) && future::phase(t) != future::Phase::Pending);
    Ok(Value::list(tasks))
}
