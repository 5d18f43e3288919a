//! The methods of generators, coroutines and async generators, and the
//! awaitables async generators hand out: `asend()`/`__anext__()`,
//! `athrow()`/`aclose()`, and the iterator `coroutine.__await__()` returns.

use crate::eval::generator::{GenStep, Generator, Resume};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;
use std::cell::Cell;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let t = &vm.types;
    for g in [&t.generator, &t.coroutine] {
        super::methods(vm, g, "generator", &[("send", gen_send), ("throw", gen_throw), ("close", gen_close)]);
    }
    super::methods(vm, &t.generator, "generator", &[("__next__", gen_next), ("__iter__", return_self)]);
    super::methods(vm, &t.coroutine, "coroutine", &[("__await__", coro_await)]);
    super::methods(
        vm,
        &t.async_generator,
        "async_generator",
        &[("__aiter__", return_self), ("__anext__", agen_anext), ("asend", agen_asend), ("athrow", agen_athrow), ("aclose", agen_aclose)],
    );
    let awaitable: &[(&'static str, NativeFn)] =
        &[("send", awaitable_send), ("throw", awaitable_throw), ("close", awaitable_close), ("__next__", awaitable_next)];
    let c = new_class(&vm.interner, ANEXT, Some(&t.object), Layout::Value, None);
    super::methods(
        vm,
        &c,
        ANEXT,
        &[("send", anext_send), ("throw", anext_throw), ("close", anext_close), ("__next__", anext_next)],
    );
    super::methods(vm, &c, ANEXT, &[("__iter__", return_self), ("__await__", return_self)]);
    vm.types.iterators.borrow_mut().insert(ANEXT, c);
    for name in [ASEND, ATHROW, WRAPPER] {
        let c = new_class(&vm.interner, name, Some(&t.object), Layout::Value, None);
        super::methods(vm, &c, name, awaitable);
        super::methods(vm, &c, name, &[("__iter__", return_self), ("__await__", return_self)]);
        vm.types.iterators.borrow_mut().insert(name, c);
    }
}

const ASEND: &str = "async_generator_asend";
const ATHROW: &str = "async_generator_athrow";
const WRAPPER: &str = "coroutine_wrapper";
const ANEXT: &str = "anext_awaitable";

fn return_self(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "generator.__iter__", "$self, /").bind(vm, a, kw)?;
    Ok(zelf.clone())
}

fn generator<'a>(vm: &Vm, v: Option<&'a Value>, what: &str) -> PyResult<&'a Rc<Generator>> {
    match v {
        Some(Value::Generator(g)) => Ok(g),
        None => Err(vm.type_error(format!("descriptor of '{what}' object needs an argument"))),
        Some(other) => Err(vm.type_error(format!("descriptor requires a '{what}' object but received '{}'", vm.type_name(other).as_str()))),
    }
}

fn step_value(vm: &Vm, step: GenStep) -> PyResult<Value> {
    match step {
        GenStep::Yielded(v) | GenStep::Produced(v) => Ok(v),
        GenStep::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_send(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("generator.send", "$self, value, /").bind(vm, a, kw)?;
    let g = generator(vm, Some(zelf), "generator")?;
    step_value(vm, g.resume(vm, Resume::Send(value.clone()))?)
}

fn gen_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "generator.__next__", "$self, /").bind(vm, a, kw)?;
    let g = generator(vm, Some(zelf), "generator")?;
    step_value(vm, g.resume(vm, Resume::Send(Value::None))?)
}

/// The exception `throw(type[, value[, traceback]])` raises.
fn thrown(vm: &Vm, typ: &Value, val: Option<&Value>) -> PyResult<PyErr> {
    let exc = match (typ, val) {
        (Value::Class(c), Some(v)) if !v.is_none() => match v {
            Value::Instance(i) if i.class().is_subclass(c) => i.clone(),
            _ => vm.exception_instance(vm.call(typ, &[v.clone()], &[])?)?,
        },
        (Value::Instance(_), Some(v)) if !v.is_none() => {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        (v, _) => vm.exception_instance(v.clone())?,
    };
    Ok(PyErr(exc))
}

fn gen_throw(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, typ], [val, _tb]) = crate::sig!("generator.throw", "$self, typ, val=None, tb=None, /").bind(vm, a, kw)?;
    let g = generator(vm, Some(zelf), "generator")?;
    let e = thrown(vm, typ, val)?;
    step_value(vm, g.resume(vm, Resume::Throw(e))?)
}

fn gen_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("generator.close", "$self, /").bind(vm, a, kw)?;
    generator(vm, Some(zelf), "generator")?.close(vm)?;
    Ok(Value::None)
}

fn coro_await(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "coroutine.__await__", "$self, /").bind(vm, a, kw)?;
    let g = generator(vm, Some(zelf), "coroutine")?;
    Ok(awaitable(vm, WRAPPER, Awaitable { gen: g.clone(), mode: Mode::Wrapper, state: Cell::new(State::Iter) }))
}

// ----- async generators -----

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Init,
    Iter,
    Closed,
}

enum Mode {
    /// `asend(value)` / `__anext__()`.
    Send(Value),
    /// `athrow(exc)`.
    Throw(Value),
    /// `aclose()`.
    Close,
    /// What `coroutine.__await__()` returns.
    Wrapper,
}

struct Awaitable {
    gen: Rc<Generator>,
    mode: Mode,
    state: Cell<State>,
}

fn awaitable(vm: &Vm, class: &'static str, a: Awaitable) -> Value {
    Value::Native(Rc::new(NativeObj { class: vm.iterator_class(class), data: std::cell::RefCell::new(Box::new(a)) }))
}

fn async_gen<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<&'a Rc<Generator>> {
    match v {
        Some(Value::Generator(g)) if g.agen.is_some() => Ok(g),
        None => Err(vm.type_error("descriptor of 'async_generator' object needs an argument")),
        Some(other) => Err(vm.type_error(format!(
            "descriptor requires a 'async_generator' object but received '{}'",
            vm.type_name(other).as_str()
        ))),
    }
}

/// The first `asend`/`athrow` consults `sys.set_asyncgen_hooks`: the
/// finalizer is kept, the first-iteration hook is called.
fn init_hooks(vm: &Vm, g: &Rc<Generator>) -> PyResult<()> {
    let Some(agen) = &g.agen else { return Ok(()) };
    if agen.hooks_inited.replace(true) {
        return Ok(());
    }
    let [firstiter, finalizer] = vm.asyncgen_hooks.borrow().clone();
    if !finalizer.is_none() {
        *agen.finalizer.borrow_mut() = Some(finalizer);
    }
    if !firstiter.is_none() {
        vm.call(&firstiter, &[Value::Generator(GenRef(g.clone()))], &[])?;
    }
    Ok(())
}

fn agen_asend(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("async_generator.asend", "$self, value, /").bind(vm, a, kw)?;
    let g = async_gen(vm, Some(zelf))?;
    init_hooks(vm, g)?;
    Ok(awaitable(vm, ASEND, Awaitable { gen: g.clone(), mode: Mode::Send(value.clone()), state: Cell::new(State::Init) }))
}

fn agen_anext(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "async_generator.__anext__", "$self, /").bind(vm, a, kw)?;
    Ok(awaitable(vm, ASEND, anext_of(vm, async_gen(vm, Some(zelf))?)?))
}

/// `agen.__anext__()` of an async generator, not yet boxed as a value.
fn anext_of(vm: &Vm, g: &Rc<Generator>) -> PyResult<Awaitable> {
    init_hooks(vm, g)?;
    Ok(Awaitable { gen: g.clone(), mode: Mode::Send(Value::None), state: Cell::new(State::Init) })
}

/// `await agen.__anext__()` as `async for` starts it: `Ok(item)`, or
/// `Err((yielded, awaitable))` when the generator suspended in an `await`
/// of its own, the awaitable then being what the loop waits in. The
/// awaitable is only made in that case: most items come without one.
pub fn anext_start(vm: &Vm, g: &Rc<Generator>) -> PyResult<Result<Value, (Value, Value)>> {
    let aw = anext_of(vm, g)?;
    Ok(match aw.send(vm, Value::None)? {
        GenStep::Returned(item) => Ok(item),
        GenStep::Yielded(y) | GenStep::Produced(y) => Err((y, awaitable(vm, ASEND, aw))),
    })
}

fn agen_athrow(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, typ], [val, _tb]) = crate::sig!("async_generator.athrow", "$self, typ, val=None, tb=None, /").bind(vm, a, kw)?;
    let g = async_gen(vm, Some(zelf))?;
    init_hooks(vm, g)?;
    let exc = Value::Instance(thrown(vm, typ, val)?.0);
    Ok(awaitable(vm, ATHROW, Awaitable { gen: g.clone(), mode: Mode::Throw(exc), state: Cell::new(State::Init) }))
}

fn agen_aclose(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("async_generator.aclose", "$self, /").bind(vm, a, kw)?;
    let g = async_gen(vm, Some(zelf))?;
    init_hooks(vm, g)?;
    Ok(awaitable(vm, ATHROW, Awaitable { gen: g.clone(), mode: Mode::Close, state: Cell::new(State::Init) }))
}

/// Runs `f` with the awaitable behind `v`.
fn with_awaitable<R>(vm: &Vm, v: Option<&Value>, f: impl FnOnce(&Awaitable) -> PyResult<R>) -> PyResult<R> {
    let Some(Value::Native(n)) = v else { return Err(vm.type_error("expected an async generator awaitable")) };
    // The awaitable is immutable but for its state cell, so a shared
    // borrow may be held while the generator runs.
    let data = n.data.borrow();
    match data.downcast_ref::<Awaitable>() {
        Some(a) => f(a),
        None => Err(vm.type_error("expected an async generator awaitable")),
    }
}

fn awaitable_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "coroutine_wrapper.__next__", "$self, /").bind(vm, a, kw)?;
    with_awaitable(vm, Some(zelf), |aw| step_value(vm, aw.send(vm, Value::None)?))
}

fn awaitable_send(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("coroutine_wrapper.send", "$self, value, /").bind(vm, a, kw)?;
    with_awaitable(vm, Some(zelf), |aw| step_value(vm, aw.send(vm, value.clone())?))
}

/// Whether `n` is an async generator's awaitable or a coroutine wrapper.
pub fn is_awaitable(n: &NativeObj) -> bool {
    n.data.try_borrow().is_ok_and(|d| d.is::<Awaitable>())
}

/// Steps `n` if it is one of these awaitables: what `await` and
/// `async for` do with them, without a method call or a StopIteration
/// per item.
pub fn awaitable_send_step(vm: &Vm, n: &NativeObj, v: Value) -> Option<PyResult<GenStep>> {
    let data = n.data.borrow();
    let aw = data.downcast_ref::<Awaitable>()?;
    Some(aw.send(vm, v))
}

fn awaitable_throw(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, typ], [val, _tb]) = crate::sig!("coroutine_wrapper.throw", "$self, typ, val=None, tb=None, /").bind(vm, a, kw)?;
    let e = thrown(vm, typ, val)?;
    with_awaitable(vm, Some(zelf), |aw| step_value(vm, aw.throw(vm, e)?))
}

fn awaitable_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("coroutine_wrapper.close", "$self, /").bind(vm, a, kw)?;
    with_awaitable(vm, Some(zelf), |aw| {
        if let Mode::Wrapper = aw.mode {
            aw.gen.close(vm)?;
        }
        aw.state.set(State::Closed);
        Ok(Value::None)
    })
}

impl Awaitable {
    fn is_running_async(&self) -> bool {
        self.gen.agen.as_ref().is_some_and(|a| a.running_async.get())
    }

    fn set_running_async(&self, on: bool) {
        if let Some(a) = &self.gen.agen {
            a.running_async.set(on);
        }
    }

    fn reuse_error(&self, vm: &Vm) -> PyErr {
        match self.mode {
            Mode::Send(_) => vm.runtime_error("cannot reuse already awaited __anext__()/asend()"),
            _ => vm.runtime_error("cannot reuse already awaited aclose()/athrow()"),
        }
    }

    /// One step; `Returned` is the awaitable's result (a StopIteration
    /// for Python callers).
    fn send(&self, vm: &Vm, v: Value) -> PyResult<GenStep> {
        let g = &self.gen;
        match &self.mode {
            Mode::Wrapper => g.resume(vm, Resume::Send(v)),
            Mode::Send(first) => {
                let v = match self.state.get() {
                    State::Closed => return Err(self.reuse_error(vm)),
                    State::Init => {
                        if self.is_running_async() {
                            return Err(vm.runtime_error("anext(): asynchronous generator is already running"));
                        }
                        self.state.set(State::Iter);
                        if v.is_none() {
                            first.clone()
                        } else {
                            v
                        }
                    }
                    State::Iter => v,
                };
                self.set_running_async(true);
                let r = g.resume(vm, Resume::Send(v));
                self.unwrap(vm, r)
            }
            Mode::Throw(_) | Mode::Close => {
                if self.state.get() == State::Closed {
                    return Err(self.reuse_error(vm));
                }
                if g.is_finished() {
                    self.state.set(State::Closed);
                    return Ok(GenStep::Returned(Value::None));
                }
                let r = if self.state.get() == State::Init {
                    if self.is_running_async() {
                        self.state.set(State::Closed);
                        let what = if matches!(self.mode, Mode::Close) { "aclose" } else { "athrow" };
                        return Err(vm.runtime_error(format!("{what}(): asynchronous generator is already running")));
                    }
                    if g.agen.as_ref().is_some_and(|a| a.closed.get()) {
                        self.state.set(State::Closed);
                        return Err(vm.new_exc(&vm.types.exc("StopAsyncIteration"), Vec::new()));
                    }
                    if !v.is_none() {
                        return Err(vm.runtime_error("can't send non-None value to a just-started coroutine"));
                    }
                    self.state.set(State::Iter);
                    self.set_running_async(true);
                    match &self.mode {
                        Mode::Throw(Value::Instance(e)) => g.resume(vm, Resume::Throw(PyErr(e.clone()))),
                        _ => {
                            if let Some(a) = &g.agen {
                                a.closed.set(true);
                            }
                            let exit = vm.new_exc(&vm.types.exc("GeneratorExit"), Vec::new());
                            g.resume(vm, Resume::Throw(exit))
                        }
                    }
                } else {
                    g.resume(vm, Resume::Send(v))
                };
                self.finish_throw(vm, r)
            }
        }
    }

    fn throw(&self, vm: &Vm, e: PyErr) -> PyResult<GenStep> {
        let g = &self.gen;
        if let Mode::Wrapper = self.mode {
            return g.resume(vm, Resume::Throw(e));
        }
        if self.state.get() == State::Closed {
            return Err(self.reuse_error(vm));
        }
        let r = g.resume(vm, Resume::Throw(e));
        match self.mode {
            Mode::Send(_) => self.unwrap(vm, r),
            _ => self.finish_throw(vm, r),
        }
    }

    /// What an `asend` step gives its awaiter: a value passed up from an
    /// `await` goes on to the event loop; the generator's own value is the
    /// awaitable's result (StopIteration); its end is StopAsyncIteration.
    fn unwrap(&self, vm: &Vm, r: PyResult<GenStep>) -> PyResult<GenStep> {
        match r {
            Ok(GenStep::Yielded(v)) => Ok(GenStep::Yielded(v)),
            other => {
                self.set_running_async(false);
                self.state.set(State::Closed);
                match other {
                    Ok(GenStep::Produced(v)) => Ok(GenStep::Returned(v)),
                    Ok(_) => {
                        self.mark_closed();
                        Err(vm.new_exc(&vm.types.exc("StopAsyncIteration"), Vec::new()))
                    }
                    Err(e) => {
                        if vm.err_is(&e, "StopAsyncIteration") || vm.err_is(&e, "GeneratorExit") {
                            self.mark_closed();
                        }
                        Err(e)
                    }
                }
            }
        }
    }

    fn mark_closed(&self) {
        if let Some(a) = &self.gen.agen {
            a.closed.set(true);
        }
    }

    /// An `athrow`/`aclose` step.
    fn finish_throw(&self, vm: &Vm, r: PyResult<GenStep>) -> PyResult<GenStep> {
        let closing = matches!(self.mode, Mode::Close);
        let r = match r {
            Ok(GenStep::Produced(_)) if closing => {
                self.set_running_async(false);
                self.state.set(State::Closed);
                return Err(vm.runtime_error("async generator ignored GeneratorExit"));
            }
            Ok(GenStep::Yielded(v)) => return Ok(GenStep::Yielded(v)),
            r => self.unwrap(vm, r),
        };
        self.set_running_async(false);
        self.state.set(State::Closed);
        match r {
            Err(e) if closing && (vm.err_is(&e, "StopAsyncIteration") || vm.err_is(&e, "GeneratorExit")) => {
                Ok(GenStep::Returned(Value::None))
            }
            r => r,
        }
    }
}

// ----- anext(iterator, default) -----

/// What `anext(ait, default)` returns: awaits `ait.__anext__()`, giving
/// `default` instead of StopAsyncIteration.
struct AnextAwaitable {
    /// The awaitable `__anext__()` returned, then the iterator it awaits.
    inner: std::cell::RefCell<Value>,
    started: Cell<bool>,
    default: Value,
}

pub fn anext_with_default(vm: &Vm, awaitable: Value, default: Value) -> Value {
    let a = AnextAwaitable { inner: std::cell::RefCell::new(awaitable), started: Cell::new(false), default };
    Value::Native(Rc::new(NativeObj { class: vm.iterator_class(ANEXT), data: std::cell::RefCell::new(Box::new(a)) }))
}

impl AnextAwaitable {
    fn iterator(&self, vm: &Vm) -> PyResult<Value> {
        if !self.started.replace(true) {
            let awaitable = self.inner.borrow().clone();
            *self.inner.borrow_mut() = vm.awaitable_iter(&awaitable)?;
        }
        Ok(self.inner.borrow().clone())
    }

    fn outcome(&self, vm: &Vm, r: PyResult<GenStep>) -> PyResult<Value> {
        match r {
            Ok(GenStep::Yielded(v)) | Ok(GenStep::Produced(v)) => Ok(v),
            Ok(GenStep::Returned(v)) => Err(vm.stop_iteration(v)),
            Err(e) if vm.err_is(&e, "StopAsyncIteration") => Err(vm.stop_iteration(self.default.clone())),
            Err(e) => Err(e),
        }
    }
}

fn with_anext<R>(vm: &Vm, v: Option<&Value>, f: impl FnOnce(&AnextAwaitable) -> PyResult<R>) -> PyResult<R> {
    let Some(Value::Native(n)) = v else { return Err(vm.type_error("expected an anext awaitable")) };
    let data = n.data.borrow();
    match data.downcast_ref::<AnextAwaitable>() {
        Some(a) => f(a),
        None => Err(vm.type_error("expected an anext awaitable")),
    }
}

fn anext_send(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, value], []) = crate::sig!("anext_awaitable.send", "$self, value, /").bind(vm, a, kw)?;
    with_anext(vm, Some(zelf), |an| {
        let it = an.iterator(vm)?;
        an.outcome(vm, vm.send_to(&it, value.clone()))
    })
}

fn anext_next(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "anext_awaitable.__next__", "$self, /").bind(vm, a, kw)?;
    with_anext(vm, Some(zelf), |an| {
        let it = an.iterator(vm)?;
        an.outcome(vm, vm.send_to(&it, Value::None))
    })
}

fn anext_throw(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf, typ], [val, _tb]) = crate::sig!("anext_awaitable.throw", "$self, typ, val=None, tb=None, /").bind(vm, a, kw)?;
    let e = thrown(vm, typ, val)?;
    with_anext(vm, Some(zelf), |an| {
        let it = an.iterator(vm)?;
        an.outcome(vm, vm.throw_to(&it, e))
    })
}

fn anext_close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!("anext_awaitable.close", "$self, /").bind(vm, a, kw)?;
    with_anext(vm, Some(zelf), |an| {
        if an.started.get() {
            let it = an.inner.borrow().clone();
            if let Value::Generator(g) = &it {
                g.close(vm)?;
            }
        }
        Ok(Value::None)
    })
}
