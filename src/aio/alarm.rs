//! What `asyncio.sleep(delay)` awaits for a positive delay, natively: a
//! `Sleep`, which is at once the timer in the loop's heap, the future the
//! task waits on and the iterator the sleeping frame delegates to. In
//! Python this was a future, a TimerHandle with a tuple of arguments, the
//! future's iterator and a frame with a try/finally per sleep; 100,000
//! sleeping tasks paid for each.
//!
//! Its life: armed in the heap; rung when due (the loop runs it from the
//! ready queue as it would a TimerHandle of
//! `_set_result_unless_cancelled(fut, result)`), which wakes the waiting
//! task one loop iteration later, as a future's done callback would; then
//! over once the frame took its result. Cancelling it while armed (the
//! task's `cancel()` goes to it) takes it out of the loop's count of live
//! timers and wakes the task with CancelledError; a wait that ends any
//! other way (`throw`, `close`) cancels the timer, as `sleep()`'s
//! `finally` does.
//!
//! A loop whose `call_later`/`call_at`/`create_future` are overridden gets
//! CPython's shape instead: a future of its own, finished by a timer from
//! its `call_later`, awaited through the future's iterator.

use super::{future, running, state, State};
use crate::compile::ir::BinOp;
use crate::eval::generator::GenStep;
use crate::eval::Vm;
use crate::runtime::int::ArithOp;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The key of the class of sleeps among the interpreter's native classes;
/// Python code sees it as `_asyncio.Future`, the type of what it stands for.
const SLEEP: &str = "Sleep";

/// `_asyncio._alarm(delay, result)`.
pub fn alarm(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([delay, result], []) = crate::sig!("_alarm", "delay, result, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    let lp = running::running_loop(vm, &st)?;
    let native = super::is_native_at(vm, &lp, &st.names.create_future, running::create_future)
        && super::is_native_at(vm, &lp, &st.names.call_later, running::call_later)
        && super::is_native_at(vm, &lp, &st.names.call_at, super::timer::call_at);
    if native {
        super::handle::check_loop(vm, &st, &lp, &st.ring, "call_at")?;
        let now = running::time_of(vm, &lp)?;
        let when = vm.binary_op(BinOp::Arith(ArithOp::Add), now, delay.clone())?;
        if let (Value::Float(when), Value::Instance(lp)) = (&when, &lp) {
            let timers = super::timer_heap::loop_timers(vm, &Value::Instance(lp.clone()))?;
            let sleep = Sleep {
                when: when.get(),
                value: Cell::new(result.clone()),
                lp: lp.clone(),
                phase: Cell::new(Phase::Armed),
                scheduled: Cell::new(true),
                waiter: Cell::new(None),
            };
            let it = Value::Native(Rc::new(NativeObj { class: vm.iterator_class(SLEEP), data: RefCell::new(Box::new(sleep)) }));
            super::timer_heap::push(vm, &timers, it.clone())?;
            return Ok(it);
        }
        // A deadline that is not a float (a number type of the script's
        // own): the loop's call_later takes it as it is.
    }
    let fut = vm.call_method(&lp, "create_future", &[])?;
    let f = match &fut {
        Value::Instance(f) if f.class.borrow().is_subclass(&st.future_class) => f.clone(),
        _ => return Err(vm.type_error("create_future() did not return a Future")),
    };
    let timer = vm.call_method(&lp, "call_later", &[delay.clone(), st.ring.clone(), fut, result.clone()])?;
    Ok(future::alarm_iter(vm, f, timer))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting for its deadline.
    Armed,
    /// Due: the result is there to be taken.
    Rung,
    /// Cancelled before it was due: `value` is the cancel message.
    Cancelled,
    /// The result was taken.
    Over,
    /// The wait ended while armed (`throw`, `close`): the timer is
    /// cancelled, the sleep stays pending, as its future would.
    Abandoned,
}

/// A sleep in progress (see the module comment). 48 bytes: one lives for
/// each sleeping task.
pub struct Sleep {
    pub when: f64,
    /// The result; the cancel message once cancelled.
    value: Cell<Value>,
    lp: Rc<Instance>,
    phase: Cell<Phase>,
    /// In the loop's timer heap.
    pub scheduled: Cell<bool>,
    /// The task to wake when it rings or is cancelled.
    waiter: Cell<Option<Rc<Instance>>>,
}

impl Sleep {
    fn value(&self) -> Value {
        let v = self.value.replace(Value::None);
        self.value.set(v.clone());
        v
    }

    fn lp(&self) -> Value {
        Value::Instance(self.lp.clone())
    }

    fn has_waiter(&self) -> bool {
        let w = self.waiter.take();
        let some = w.is_some();
        self.waiter.set(w);
        some
    }

    /// Whether its timer will not ring (the heap's notion of cancelled).
    pub fn timer_cancelled(&self) -> bool {
        !matches!(self.phase.get(), Phase::Armed | Phase::Rung)
    }

    /// Leaves the armed phase for `to`; a timer still in the heap tells the
    /// loop, which counts cancelled timers to compact the heap.
    fn disarm(&self, vm: &Vm, to: Phase) -> PyResult<bool> {
        if self.phase.get() != Phase::Armed {
            return Ok(false);
        }
        self.phase.set(to);
        if self.scheduled.get() && to != Phase::Rung {
            vm.call_method(&self.lp(), "_timer_handle_cancelled", &[Value::None])?;
        }
        Ok(true)
    }

    /// The wait ends however it ends (`throw`, `close`): no timer rings.
    fn abandon(&self, vm: &Vm) -> PyResult<()> {
        drop(self.waiter.take());
        if !self.disarm(vm, Phase::Abandoned)? && self.phase.get() != Phase::Abandoned {
            self.phase.set(Phase::Over);
        }
        Ok(())
    }

    /// Schedules the wakeup of the waiting task, if any.
    fn wake(&self, vm: &Vm, st: &State, me: &Value) -> PyResult<()> {
        let Some(task) = self.waiter.take() else { return Ok(()) };
        let ctx = super::task::context_of(&task);
        super::handle::call_soon_task(vm, st, &self.lp(), super::handle::Callback::TaskWakeup(task), Some(me.clone()), ctx)
    }

    /// One step of the awaiting frame: itself while armed (the task learns
    /// what it waits for), then the result.
    fn step(&self, vm: &Vm, me: &Value) -> PyResult<GenStep> {
        match self.phase.get() {
            Phase::Armed => Ok(GenStep::Yielded(me.clone())),
            Phase::Rung => {
                self.phase.set(Phase::Over);
                Ok(GenStep::Returned(self.value.replace(Value::None)))
            }
            Phase::Cancelled => {
                self.phase.set(Phase::Over);
                Err(self.cancelled_error(vm)?)
            }
            Phase::Over | Phase::Abandoned => Ok(GenStep::Returned(Value::None)),
        }
    }

    fn cancelled_error(&self, vm: &Vm) -> PyResult<PyErr> {
        future::new_cancelled_error(vm, &*state(vm)?, self.value())
    }

    /// `cancel(msg)`: only an armed sleep can be cancelled.
    fn cancel(&self, vm: &Vm, me: &Value, msg: Value) -> PyResult<bool> {
        if !self.disarm(vm, Phase::Cancelled)? {
            return Ok(false);
        }
        self.value.set(msg);
        self.wake(vm, &*state(vm)?, me)?;
        Ok(true)
    }

    /// The outcome the task's wakeup sees: the sleep's `result()`.
    fn outcome(&self, vm: &Vm) -> PyResult<Value> {
        match self.phase.get() {
            Phase::Cancelled => Err(self.cancelled_error(vm)?),
            Phase::Armed | Phase::Abandoned => Err(state(vm)?.invalid_state_error(vm, "Result is not set.")),
            Phase::Rung | Phase::Over => Ok(self.value()),
        }
    }
}

/// Runs `f` with the sleep `v` is, if it is one.
pub fn with_sleep<R>(v: &Value, f: impl FnOnce(&Sleep) -> R) -> Option<R> {
    let Value::Native(n) = v else { return None };
    let data = n.data.try_borrow().ok()?;
    data.downcast_ref::<Sleep>().map(f)
}

/// Whether `n` is a sleep.
pub fn is_sleep(n: &NativeObj) -> bool {
    n.data.try_borrow().is_ok_and(|d| d.is::<Sleep>())
}

/// Steps the sleep `it` (the fast path of `await`).
pub fn sleep_send(vm: &Vm, it: &Value) -> Option<PyResult<GenStep>> {
    with_sleep(it, |s| s.step(vm, it))
}

/// Makes task `t` the one the sleep `it` wakes; false if `it` is not a
/// sleep of the loop `lp`.
pub fn wait_on(vm: &Vm, it: &Value, t: &Rc<Instance>, lp: &Value) -> PyResult<bool> {
    with_sleep(it, |s| {
        if !matches!(lp, Value::Instance(l) if Rc::ptr_eq(l, &s.lp)) {
            return Ok(false);
        }
        drop(s.waiter.replace(Some(t.clone())));
        if s.phase.get() != Phase::Armed {
            // It ended before the task blocked on it (driven by hand).
            s.wake(vm, &*state(vm)?, it)?;
        }
        Ok(true)
    })
    .unwrap_or(Ok(false))
}

/// `it.cancel(msg)` if `it` is a sleep.
pub fn cancel_sleep(vm: &Vm, it: &Value, msg: Value) -> Option<PyResult<bool>> {
    with_sleep(it, |s| s.cancel(vm, it, msg))
}

/// What waking on the sleep `it` finds: its result or CancelledError.
pub fn sleep_outcome(vm: &Vm, it: &Value) -> Option<PyResult<Value>> {
    with_sleep(it, |s| s.outcome(vm))
}

/// Runs the sleep `timer` taken off the ready queue: it rings unless it
/// was cancelled first.
pub fn ring_alarm(vm: &Vm, st: &State, timer: &Value) -> PyResult<()> {
    let rung = with_sleep(timer, |s| {
        s.scheduled.set(false);
        match s.disarm(vm, Phase::Rung)? {
            true => s.wake(vm, st, timer),
            false => Ok(()),
        }
    });
    let Some(Err(e)) = rung else { return Ok(()) };
    if vm.err_is(&e, "SystemExit") || vm.err_is(&e, "KeyboardInterrupt") {
        return Err(e);
    }
    let h = alarm_call(st, timer).to_handle(st);
    crate::runtime::gc::track(&h);
    super::handle::report(vm, &h, &st.ring, &super::slot(&h, super::handle::SLOT_ARGS), e)
}

/// The callback record of the sleep `timer`, for Python code that takes
/// it off the ready queue as a Handle.
pub fn alarm_call(st: &State, timer: &Value) -> super::handle::Call {
    let (result, lp) = with_sleep(timer, |s| (s.value(), s.lp())).unwrap_or((Value::None, Value::None));
    super::handle::Call { callback: super::handle::Callback::Value(st.ring.clone()), args: smallvec::smallvec![timer.clone(), result], ctx: Value::None, lp }
}

/// The timers' callback, `futures._set_result_unless_cancelled(fut, result)`.
fn ring(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fut, result], []) = crate::sig!("_ring", "fut, result, /").bind(vm, a, kw)?;
    let st = state(vm)?;
    if matches!(fut, Value::Native(n) if is_sleep(n)) {
        ring_alarm(vm, &st, fut)?;
        return Ok(Value::None);
    }
    match fut {
        Value::Instance(f) if Rc::ptr_eq(&f.class(), &st.future_class) => {
            if future::phase(f) != future::Phase::Cancelled {
                future::set_result_of(vm, &st, f, result.clone())?;
            }
        }
        other => {
            if !vm.truthy(&vm.call_method(other, "cancelled", &[])?)? {
                vm.call_method(other, "set_result", &[result.clone()])?;
            }
        }
    }
    Ok(Value::None)
}

/// The timers' callback as a value, made once per interpreter.
pub fn ring_callback() -> Value {
    let b = Builtin { name: "_set_result_unless_cancelled", func: ring, kind: BuiltinKind::Function, bound: None, owner: "", owner_class: None };
    Value::Builtin(Rc::new(b))
}

// ----- the Python face of a sleep -----

/// Makes the class of sleeps: an iterator with the future methods a
/// task's `_fut_waiter` is used with.
pub fn make_class(vm: &Vm) {
    let c = crate::runtime::types::new_class(&vm.interner, "Future", Some(&vm.types.object), Layout::Value, None);
    c.dict.borrow_mut().set_str(vm.intern("__module__"), Value::str("_asyncio"));
    crate::builtins::methods(
        vm,
        &c,
        SLEEP,
        &[
            ("__next__", sleep_next),
            ("send", sleep_send_method),
            ("throw", sleep_throw),
            ("close", sleep_close),
            ("__iter__", sleep_self),
            ("__await__", sleep_self),
            ("__repr__", sleep_repr),
            ("cancel", sleep_cancel),
            ("cancelled", sleep_cancelled),
            ("done", sleep_done),
            ("result", sleep_result),
            ("get_loop", sleep_get_loop),
        ],
    );
    vm.types.iterators.borrow_mut().insert(SLEEP, c);
}

fn this<R>(vm: &Vm, a: &[Value], f: impl FnOnce(&Sleep, &Value) -> PyResult<R>) -> PyResult<R> {
    match a.first() {
        Some(me) => with_sleep(me, |s| f(s, me)),
        None => None,
    }
    .unwrap_or_else(|| Err(vm.type_error("descriptor requires a '_asyncio.Sleep' object")))
}

fn sleep_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "Sleep.__next__", "$self, /").bind(vm, a, kw)?;
    this(vm, a, |s, me| future::step_value(vm, s.step(vm, me)?))
}

fn sleep_send_method(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Sleep.send", "$self, value, /").bind(vm, a, kw)?;
    this(vm, a, |s, me| future::step_value(vm, s.step(vm, me)?))
}

/// `throw(exc)`: the wait ends (the timer is cancelled) and `exc` is
/// raised where the sleep is awaited.
fn sleep_throw(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, typ], [value, _]) = crate::sig!(unpack "throw", "$self, type, value=None, traceback=None, /").bind(vm, a, kw)?;
    this(vm, a, |s, _| {
        s.abandon(vm)?;
        Err(future::thrown(vm, typ, value)?)
    })
}

fn sleep_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Sleep.close", "$self, /").bind(vm, a, kw)?;
    this(vm, a, |s, _| {
        s.abandon(vm)?;
        Ok(Value::None)
    })
}

fn sleep_self(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "Sleep.__iter__", "$self, /").bind(vm, a, kw)?;
    Ok(me.clone())
}

/// Shown as the future it stands for (`wait_for=` in a task's repr).
fn sleep_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "Sleep.__repr__", "$self, /").bind(vm, a, kw)?;
    this(vm, a, |s, _| {
        let text = match s.phase.get() {
            Phase::Armed if s.has_waiter() => "<Future pending cb=[Task.task_wakeup()]>".to_string(),
            Phase::Armed | Phase::Abandoned => "<Future pending>".to_string(),
            Phase::Cancelled => "<Future cancelled>".to_string(),
            Phase::Rung | Phase::Over => {
                let r = vm.repr(&s.value())?;
                format!("<Future finished result={}>", r.as_str())
            }
        };
        Ok(Value::string(text))
    })
}

fn sleep_cancel(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [msg]) = crate::sig!("Sleep.cancel", "$self, /, msg=None").bind(vm, a, kw)?;
    let msg = msg.cloned().unwrap_or(Value::None);
    this(vm, a, |s, me| Ok(Value::bool(s.cancel(vm, me, msg)?)))
}

fn sleep_cancelled(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Sleep.cancelled", "$self, /").bind(vm, a, kw)?;
    this(vm, a, |s, _| Ok(Value::bool(s.phase.get() == Phase::Cancelled)))
}

fn sleep_done(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Sleep.done", "$self, /").bind(vm, a, kw)?;
    this(vm, a, |s, _| Ok(Value::bool(!matches!(s.phase.get(), Phase::Armed | Phase::Abandoned))))
}

fn sleep_result(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Sleep.result", "$self, /").bind(vm, a, kw)?;
    this(vm, a, |s, _| s.outcome(vm))
}

fn sleep_get_loop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("Sleep.get_loop", "$self, /").bind(vm, a, kw)?;
    this(vm, a, |s, _| Ok(s.lp()))
}

const _: () = assert!(std::mem::size_of::<Sleep>() <= 48);
