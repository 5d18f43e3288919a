//! `_thread`: OS threads running Python code under the GIL, and the locks
//! they synchronise with. `stdlib/threading.py` builds on it.
//!
//! A lock's state is a `RawLock` shared through an `Arc`: a thread waiting
//! for one releases the GIL (`Vm::allow_threads`) and holds only that `Arc`.

use super::def;
use crate::aio::gil;
use crate::builtins::methods;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::types::new_class;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// CPython's `_thread.TIMEOUT_MAX` on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

const LOCK: &str = "_thread.lock";
const RLOCK: &str = "_thread.RLock";

/// Threads started by `start_new_thread` and still running (`_count()`).
static RUNNING: AtomicUsize = AtomicUsize::new(0);

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let object = &vm.types.object;
    let lock = new_class(&vm.interner, "lock", Some(object), Layout::Value, None);
    let rlock = new_class(&vm.interner, "RLock", Some(object), Layout::Value, None);
    methods(
        vm,
        &lock,
        "lock",
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("__enter__", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__exit__", lock_exit),
            ("__repr__", lock_repr),
        ],
    );
    methods(
        vm,
        &rlock,
        "RLock",
        &[
            ("acquire", rlock_acquire),
            ("__enter__", rlock_acquire),
            ("release", rlock_release),
            ("_is_owned", rlock_is_owned),
            ("_recursion_count", rlock_recursion_count),
            ("_release_save", rlock_release_save),
            ("_acquire_restore", rlock_acquire_restore),
            ("__exit__", rlock_exit),
            ("__repr__", rlock_repr),
        ],
    );
    crate::builtins::method_kind(vm, &rlock, "RLock", "__new__", rlock_new, BuiltinKind::StaticMethod);
    for (class, name) in [(&lock, LOCK), (&rlock, RLOCK)] {
        class.dict.borrow_mut().set_str(vm.names.module.clone(), Value::str("_thread"));
        vm.types.iterators.borrow_mut().insert(name, class.clone());
    }
    d.set_str(vm.intern("LockType"), Value::Class(lock));
    d.set_str(vm.intern("RLock"), Value::Class(rlock));
    d.set_str(vm.intern("error"), Value::Class(vm.types.exc("RuntimeError")));
    d.set_str(vm.intern("TIMEOUT_MAX"), Value::float(TIMEOUT_MAX));
    for (name, f) in [
        ("start_new_thread", start_new_thread as NativeFn),
        ("start_new", start_new_thread),
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("stack_size", stack_size),
        ("exit", exit),
        ("exit_thread", exit),
        ("daemon_threads_allowed", daemon_threads_allowed),
    ] {
        def(vm, d, name, f);
    }
    Ok(())
}

// ----- threads -----

fn start_new_thread(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([func, fargs], [fkwargs]) = crate::sig!(unpack "start_new_thread", "function, args, kwargs=None, /").bind(vm, a, kw)?;
    let func = func.clone();
    if !vm.is_callable(&func) {
        return Err(vm.type_error("first arg must be callable"));
    }
    let Value::Tuple(positional) = fargs else { return Err(vm.type_error("2nd arg must be a tuple")) };
    let positional: Vec<Value> = positional.items.to_vec();
    let keywords: Vec<(Rc<crate::runtime::str::Str>, Value)> = match fkwargs {
        None => Vec::new(),
        Some(Value::Dict(d)) => {
            let mut kws = Vec::new();
            for e in d.table.borrow().iter() {
                let Value::Str(name) = &e.key else { return Err(vm.type_error("keywords must be strings")) };
                kws.push((name.clone(), e.value.clone()));
            }
            kws
        }
        Some(_) => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
    };
    RUNNING.fetch_add(1, Ordering::Relaxed);
    let started = gil::spawn(
        vm,
        Box::new(move |vm: &Vm| {
            if let Err(e) = vm.call(&func, &positional, &keywords) {
                report_uncaught(vm, &func, e);
            }
            RUNNING.fetch_sub(1, Ordering::Relaxed);
        }),
    );
    match started {
        Ok(ident) => Ok(Value::Int(ident as i64)),
        Err(_) => {
            RUNNING.fetch_sub(1, Ordering::Relaxed);
            Err(vm.runtime_error("can't start new thread"))
        }
    }
}

/// What CPython prints for an exception that ends a thread started with
/// `_thread.start_new_thread` (SystemExit ends it quietly).
fn report_uncaught(vm: &Vm, func: &Value, e: PyErr) {
    if vm.err_is(&e, "SystemExit") {
        return;
    }
    vm.flush_out();
    let what = vm.repr(func).map(|s| s.as_str().to_string()).unwrap_or_else(|_| "<object>".into());
    eprint!("Exception ignored in thread started by: {what}\n{}", vm.format_exception(&e.0));
}

fn get_ident(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_thread.get_ident", "").bind(vm, a, kw)?;
    Ok(Value::Int(gil::current_thread() as i64))
}

fn get_native_id(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_thread.get_native_id", "").bind(vm, a, kw)?;
    // SAFETY: gettid has no preconditions.
    Ok(Value::Int(unsafe { libc::gettid() } as i64))
}

fn count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_thread._count", "").bind(vm, a, kw)?;
    Ok(Value::Int(RUNNING.load(Ordering::Relaxed) as i64))
}

fn stack_size(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [size]) = crate::sig!(tuple "stack_size", "size=0, /").bind(vm, a, kw)?;
    if let Some(v) = size {
        let size = vm.index_value(v)?;
        if size != 0 && size < 32768 {
            return Err(vm.value_error(format!("size not valid: {size} bytes")));
        }
    }
    // Threads get a fixed stack (see `gil::spawn`); a requested size is accepted and ignored.
    Ok(Value::Int(0))
}

fn exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_thread.exit", "").bind(vm, a, kw)?;
    Err(vm.new_exc(&vm.types.exc("SystemExit"), Vec::new()))
}

fn daemon_threads_allowed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_thread.daemon_threads_allowed", "").bind(vm, a, kw)?;
    Ok(Value::bool(true))
}

// ----- locks -----

/// A lock that any OS thread may wait for.
#[derive(Default)]
struct RawLock {
    locked: Waitable<bool>,
}

impl RawLock {
    fn try_acquire(&self) -> bool {
        self.locked.with(|locked| !std::mem::replace(locked, true))
    }

    /// Waits until the lock is free and takes it, or until `deadline`.
    fn acquire_until(&self, deadline: Option<Instant>) -> bool {
        self.locked.wait(deadline, |locked| *locked, |locked| *locked = true)
    }

    /// Frees the lock; `false` if it was not taken.
    fn release(&self) -> bool {
        self.locked.change(|locked| std::mem::replace(locked, false))
    }

    fn is_locked(&self) -> bool {
        self.locked.with(|locked| *locked)
    }
}

/// A value behind a mutex that threads wait on with the GIL released, and
/// how many wait: a change wakes one of them only if there is one, since
/// `Condvar::notify_one` is a system call even when nobody waits (it was
/// one per `with lock:`).
#[derive(Default)]
pub(crate) struct Waitable<T> {
    state: Mutex<(T, usize)>,
    changed: Condvar,
}

impl<T> Waitable<T> {
    fn lock(&self) -> MutexGuard<'_, (T, usize)> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads or changes the value without waking anyone.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.lock().0)
    }

    /// Changes the value; if `f` says the change matters, wakes one waiting
    /// thread, if any. Returns what `f` said.
    pub(crate) fn change(&self, f: impl FnOnce(&mut T) -> bool) -> bool {
        let mut st = self.lock();
        let changed = f(&mut st.0);
        let waiting = st.1 > 0;
        drop(st);
        if changed && waiting {
            self.changed.notify_one();
        }
        changed
    }

    /// Waits while `blocked` holds, until `deadline` if there is one, then
    /// runs `then` on the value; false (and `then` not run) at the deadline.
    pub(crate) fn wait(&self, deadline: Option<Instant>, blocked: impl Fn(&T) -> bool, then: impl FnOnce(&mut T)) -> bool {
        let mut st = self.lock();
        st.1 += 1;
        let mut unblocked = true;
        while blocked(&st.0) {
            st = match deadline {
                None => self.changed.wait(st).unwrap_or_else(PoisonError::into_inner),
                Some(deadline) => {
                    let now = Instant::now();
                    if now >= deadline {
                        unblocked = false;
                        break;
                    }
                    self.changed.wait_timeout(st, deadline - now).unwrap_or_else(PoisonError::into_inner).0
                }
            };
        }
        st.1 -= 1;
        if unblocked {
            then(&mut st.0);
        }
        unblocked
    }
}

struct LockObj {
    raw: Arc<RawLock>,
}

/// A reentrant lock: the owner (a thread identity) may take it again.
struct RLockObj {
    raw: Arc<RawLock>,
    owner: Cell<u64>,
    count: Cell<u64>,
}

fn native(vm: &Vm, class: &'static str, data: Box<dyn std::any::Any>) -> Value {
    Value::Native(Rc::new(NativeObj { class: vm.iterator_class(class), data: RefCell::new(data) }))
}

fn allocate_lock(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("_thread.allocate_lock", "").bind(vm, a, kw)?;
    Ok(native(vm, LOCK, Box::new(LockObj { raw: Arc::default() })))
}

fn rlock_new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // As CPython's, RLock() ignores its arguments.
    crate::sig!("RLock", "$type, *args, **kwargs").bind_rest(vm, a, kw)?;
    Ok(native(vm, RLOCK, Box::new(RLockObj { raw: Arc::default(), owner: Cell::new(0), count: Cell::new(0) })))
}

/// Runs `f` on the lock `self`, checking that it is one.
fn with_lock<R>(vm: &Vm, a: &[Value], name: &str, f: impl FnOnce(&LockObj) -> R) -> PyResult<R> {
    with_receiver(vm, a, name, "lock", f)
}

fn with_rlock<R>(vm: &Vm, a: &[Value], name: &str, f: impl FnOnce(&RLockObj) -> R) -> PyResult<R> {
    with_receiver(vm, a, name, "_thread.RLock", f)
}

fn with_receiver<T: 'static, R>(vm: &Vm, a: &[Value], name: &str, owner: &str, f: impl FnOnce(&T) -> R) -> PyResult<R> {
    if let Some(Value::Native(n)) = a.first() {
        if let Some(state) = n.data.borrow().downcast_ref::<T>() {
            return Ok(f(state));
        }
    }
    Err(receiver_error(vm, a, name, owner))
}

fn receiver_error(vm: &Vm, a: &[Value], name: &str, owner: &str) -> PyErr {
    match a.first() {
        None => vm.type_error(format!("descriptor '{name}' of '{owner}' object needs an argument")),
        Some(v) => vm.type_error(format!(
            "descriptor '{name}' requires a '{owner}' object but received '{}'",
            vm.type_name(v).as_str()
        )),
    }
}

/// `acquire(blocking=True, timeout=-1)`'s arguments: `None` for a
/// non-blocking attempt, else the deadline (`Some(None)`: wait forever).
fn wait_arguments(vm: &Vm, blocking: Option<&Value>, timeout: Option<&Value>) -> PyResult<Option<Option<Instant>>> {
    let blocking = match blocking {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match timeout {
        Some(v) => {
            if !matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_)) {
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v).as_str())));
            }
            vm.to_float(v)?
        }
        None => -1.0,
    };
    if !blocking {
        if timeout != -1.0 {
            return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
        }
        return Ok(None);
    }
    if timeout == -1.0 {
        return Ok(Some(None));
    }
    if timeout < 0.0 || timeout.is_nan() {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok(Some(Some(Instant::now() + Duration::from_secs_f64(timeout))))
}

/// Takes `raw`, waiting with the GIL released when it is taken.
fn acquire_raw(vm: &Vm, raw: Arc<RawLock>, wait: Option<Option<Instant>>) -> bool {
    if raw.try_acquire() {
        return true;
    }
    match wait {
        None => false,
        Some(deadline) => vm.allow_threads(move || raw.acquire_until(deadline)),
    }
}

fn lock_acquire(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [blocking, timeout]) = crate::sig!("lock.acquire", "$self, blocking=True, timeout=-1").bind(vm, a, kw)?;
    let raw = with_lock(vm, a, "acquire", |l| l.raw.clone())?;
    let wait = wait_arguments(vm, blocking, timeout)?;
    Ok(Value::bool(acquire_raw(vm, raw, wait)))
}

fn lock_release(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("lock.release", "$self, /").bind(vm, a, kw)?;
    if with_lock(vm, a, "release", |l| l.raw.release())? {
        Ok(Value::None)
    } else {
        Err(vm.runtime_error("release unlocked lock"))
    }
}

fn lock_locked(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("lock.locked", "$self, /").bind(vm, a, kw)?;
    Ok(Value::bool(with_lock(vm, a, "locked", |l| l.raw.is_locked())?))
}

/// `__exit__(*exc_info)`: release.
fn lock_exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("lock.__exit__", "$self, /, *exc_info").bind_rest(vm, a, kw)?;
    lock_release(vm, std::slice::from_ref(me), &[])
}

fn rlock_exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("RLock.__exit__", "$self, /, *exc_info").bind_rest(vm, a, kw)?;
    rlock_release(vm, std::slice::from_ref(me), &[])
}

fn lock_state(locked: bool) -> &'static str {
    if locked {
        "locked"
    } else {
        "unlocked"
    }
}

fn lock_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "lock.__repr__", "$self, /").bind(vm, a, kw)?;
    let state = lock_state(with_lock(vm, a, "__repr__", |l| l.raw.is_locked())?);
    Ok(Value::string(format!("<{state} _thread.lock object at {:#x}>", me.id())))
}

fn rlock_repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!(slot "RLock.__repr__", "$self, /").bind(vm, a, kw)?;
    let (owner, count, locked) = with_rlock(vm, a, "__repr__", |l| (l.owner.get(), l.count.get(), l.raw.is_locked()))?;
    let state = lock_state(locked);
    Ok(Value::string(format!("<{state} _thread.RLock object owner={owner} count={count} at {:#x}>", me.id())))
}

fn rlock_acquire(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [blocking, timeout]) = crate::sig!("RLock.acquire", "$self, blocking=True, timeout=-1").bind(vm, a, kw)?;
    let me = gil::current_thread();
    let (raw, reentered) = with_rlock(vm, a, "acquire", |l| {
        if l.count.get() > 0 && l.owner.get() == me {
            l.count.set(l.count.get() + 1);
            (l.raw.clone(), true)
        } else {
            (l.raw.clone(), false)
        }
    })?;
    let wait = wait_arguments(vm, blocking, timeout)?;
    if reentered {
        return Ok(Value::bool(true));
    }
    let taken = acquire_raw(vm, raw, wait);
    if taken {
        with_rlock(vm, a, "acquire", |l| {
            l.owner.set(me);
            l.count.set(1);
        })?;
    }
    Ok(Value::bool(taken))
}

fn rlock_release(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("RLock.release", "$self, /").bind(vm, a, kw)?;
    let me = gil::current_thread();
    let released = with_rlock(vm, a, "release", |l| {
        if l.count.get() == 0 || l.owner.get() != me {
            return false;
        }
        l.count.set(l.count.get() - 1);
        if l.count.get() == 0 {
            l.owner.set(0);
            l.raw.release();
        }
        true
    })?;
    if released {
        Ok(Value::None)
    } else {
        Err(vm.runtime_error("cannot release un-acquired lock"))
    }
}

fn rlock_is_owned(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("RLock._is_owned", "$self, /").bind(vm, a, kw)?;
    let me = gil::current_thread();
    Ok(Value::bool(with_rlock(vm, a, "_is_owned", |l| l.count.get() > 0 && l.owner.get() == me)?))
}

fn rlock_recursion_count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("RLock._recursion_count", "$self, /").bind(vm, a, kw)?;
    let me = gil::current_thread();
    let n = with_rlock(vm, a, "_recursion_count", |l| if l.owner.get() == me { l.count.get() } else { 0 })?;
    Ok(Value::Int(n as i64))
}

/// Releases the lock whatever its count, returning `(count, owner)` for
/// `_acquire_restore` (what a condition variable does around a wait).
fn rlock_release_save(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("RLock._release_save", "$self, /").bind(vm, a, kw)?;
    let saved = with_rlock(vm, a, "_release_save", |l| {
        let count = l.count.get();
        if count == 0 {
            return None;
        }
        let owner = l.owner.get();
        l.count.set(0);
        l.owner.set(0);
        l.raw.release();
        Some((count, owner))
    })?;
    match saved {
        Some((count, owner)) => Ok(Value::tuple(vec![Value::Int(count as i64), Value::Int(owner as i64)])),
        None => Err(vm.runtime_error("cannot release un-acquired lock")),
    }
}

fn rlock_acquire_restore(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, state], []) = crate::sig!(tuple "RLock._acquire_restore", "$self, state, /").bind(vm, a, kw)?;
    let Value::Tuple(state) = state else { return Err(vm.type_error("_acquire_restore() argument 1 must be tuple")) };
    let [count, owner] = &state.items[..] else { return Err(vm.type_error("_acquire_restore() argument 1 must be a pair")) };
    let (count, owner) = (vm.index_value(count)? as u64, vm.index_value(owner)? as u64);
    let raw = with_rlock(vm, a, "_acquire_restore", |l| l.raw.clone())?;
    acquire_raw(vm, raw, Some(None));
    with_rlock(vm, a, "_acquire_restore", |l| {
        l.owner.set(owner);
        l.count.set(count);
    })?;
    Ok(Value::None)
}
