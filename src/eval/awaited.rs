//! `await f(...)` where `f` is one of asyncio's coroutine functions whose
//! common case is native (`asyncio.sleep`, `Lock.acquire`, ...).
//!
//! Such a function's code carries an `AwaitShortcut`. Where a coroutine
//! awaits a call of it with positional arguments (`await sleep(1)`,
//! `await lock.acquire()`, `async with lock:`), the evaluator gives the
//! arguments to the shortcut instead of making the coroutine. The shortcut
//! finishes the await at once, hands over the awaitable the coroutine's
//! body would have awaited, or declines, and then the coroutine is made and
//! awaited as usual. Either way the awaiting frame sees what the coroutine
//! would have given it; what is saved is the coroutine object and its frame
//! (a sleeping task weighs 160 bytes less), and the only trace of the
//! difference is the missing frame in a traceback through it.

use super::expr::ArgVec;
use super::{Frame, Vm};
use crate::compile::ir::{Arg, Expr, ExprKind};
use crate::runtime::object::{Function, PyResult};
use crate::runtime::value::Value;
use std::rc::Rc;

/// What a shortcut made of the call.
pub enum Shortcut {
    /// The await's result: the coroutine would have returned this without
    /// suspending.
    Done(Value),
    /// The coroutine would have awaited this straight away and returned
    /// its result.
    Await(Value),
    /// Not a case the shortcut knows: run the coroutine.
    Decline,
}

/// A shortcut takes the call's positional arguments (a method's `self`
/// first) and must not have acted when it declines.
pub type AwaitShortcut = fn(&Vm, &[Value]) -> PyResult<Shortcut>;

/// The operand of an `await`, once called.
pub enum Awaited {
    Done(Value),
    Pending(Value),
}

impl Vm {
    /// Evaluates the operand `e` of an `await`.
    pub(crate) fn eval_awaited(&self, f: &mut Frame, e: &Expr) -> PyResult<Awaited> {
        match &e.kind {
            ExprKind::CallPos(func, args) => {
                let callee = self.eval_operand(f, func)?;
                if let Value::Function(fun) = &callee {
                    if let Some(shortcut) = fun.code.await_shortcut.get() {
                        let argv = args.iter().map(|a| self.eval(f, a)).collect::<PyResult<ArgVec>>()?;
                        return self.take_shortcut(shortcut, fun, &argv);
                    }
                }
                self.call_pos_on(f, callee, args).map(Awaited::Pending)
            }
            ExprKind::CallMethod(obj, site, args) => {
                let o = self.eval_operand(f, obj)?;
                let positional = args.iter().all(|a| matches!(a, Arg::Pos(_)));
                // A method of an instance's class, or a module's function
                // (`asyncio.sleep`, read from the module's dict as the call
                // would read it).
                let (fun, receiver) = match &o {
                    Value::Instance(inst) if positional => (self.method_at(inst, site), true),
                    Value::Module(m) if positional => match m.dict.get_str(&site.name) {
                        Some(Value::Function(fun)) => (Some(fun), false),
                        _ => (None, false),
                    },
                    _ => (None, false),
                };
                if let Some(fun) = fun {
                    if let Some(shortcut) = fun.code.await_shortcut.get() {
                        let mut argv = ArgVec::new();
                        if receiver {
                            argv.push(o.clone());
                        }
                        for a in args {
                            if let Arg::Pos(e) = a {
                                argv.push(self.eval(f, e)?);
                            }
                        }
                        return self.take_shortcut(shortcut, &fun, &argv);
                    }
                    if receiver && fun.code.binds_positionally(args.len() + 1) {
                        let exprs = args.iter().filter_map(|a| if let Arg::Pos(e) = a { Some(e) } else { None });
                        return self.call_direct(f, &fun, Some(o), exprs).map(Awaited::Pending);
                    }
                }
                if let Value::Instance(_) = &o {
                    // Its class's method was looked up above.
                    return self.call_method_unfound(f, o, site, args, positional).map(Awaited::Pending);
                }
                self.call_method_on(f, o, site, args).map(Awaited::Pending)
            }
            _ => self.eval_operand(f, e).map(Awaited::Pending),
        }
    }

    /// `callee(*args)` about to be awaited (`async with`'s `__aenter__` and
    /// `__aexit__`, bound to the manager).
    pub(crate) fn call_awaited(&self, callee: &Value, args: &[Value]) -> PyResult<Awaited> {
        if let Value::Method(m) = callee {
            if let Value::Function(fun) = &m.func {
                if let Some(shortcut) = fun.code.await_shortcut.get() {
                    let mut argv = ArgVec::new();
                    argv.push(m.self_.clone());
                    argv.extend(args.iter().cloned());
                    return self.take_shortcut(shortcut, fun, &argv);
                }
            }
        }
        self.call(callee, args, &[]).map(Awaited::Pending)
    }

    fn take_shortcut(&self, shortcut: AwaitShortcut, fun: &Rc<Function>, args: &[Value]) -> PyResult<Awaited> {
        match shortcut(self, args)? {
            Shortcut::Done(v) => Ok(Awaited::Done(v)),
            Shortcut::Await(a) => Ok(Awaited::Pending(a)),
            Shortcut::Decline => self.call_function(fun, args, &[]).map(Awaited::Pending),
        }
    }
}
