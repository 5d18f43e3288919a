//! The global interpreter lock, CPython's model (DESIGN.md, decision 6).
//!
//! Interpreter objects are `Rc`-based: their reference counts and `RefCell`
//! flags are plain memory. They stay sound with several OS threads because
//! only the thread holding the GIL touches any of them, and the GIL is a
//! mutex, whose release and acquisition order every access of one holder
//! before every access of the next. Everything `unsafe` about threads is in
//! this file; its invariants:
//!
//! 1. A thread touches interpreter objects (or the `Vm`) only between
//!    `acquire` and `release`. Work done without the GIL goes through
//!    `Vm::allow_threads`, whose closure must be `Send`, so the compiler
//!    rejects one that captures an `Rc`.
//! 2. The tables the interpreter keeps in thread-locals (the collector's
//!    registry, the open-files table, caches) move with the GIL: `release`
//!    takes them out of the releasing thread into `State::parked`, and
//!    `acquire` installs them in the acquiring thread. A thread that does
//!    not hold the GIL has none of them, so its exit drops nothing shared.
//! 3. Values handed to a new thread (`spawn`) travel in a `Held` wrapper
//!    and are used and dropped by that thread only after it acquired the GIL.
//! 4. The `Vm` outlives every thread's use of it: an `Interpreter` closes the
//!    GIL before dropping its `Vm`, and a closed GIL is never acquired again;
//!    threads that ask for it wait forever, as CPython's daemon threads do at
//!    exit.

use crate::eval::{pending, Vm};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

// A thread that waited a whole switch interval for the GIL without the
// holder changing sets `pending::SWITCH`; the holder reads it at its safe
// points and hands the GIL over. One flag for the process: a request meant
// for another interpreter costs the reader one look at its own waiters.

/// Whether some thread asked the holder to hand the GIL over.
#[inline(always)]
pub fn switch_wanted() -> bool {
    pending::is_set(pending::SWITCH)
}

/// CPython's default switch interval (`sys.getswitchinterval()`).
const DEFAULT_INTERVAL_NS: u64 = 5_000_000;

pub struct Gil {
    state: Mutex<State>,
    /// Signalled whenever the GIL is released or changes hands.
    changed: Condvar,
    /// Whether a second thread was ever started; until then the GIL is
    /// never released and blocking calls cost nothing extra.
    threaded: AtomicBool,
    interval_ns: AtomicU64,
    /// The thread that created the interpreter (`pthread_self`).
    main_thread: u64,
}

struct State {
    held: bool,
    /// How many times the GIL was taken: a thread handing it over waits
    /// until this changes.
    switches: u64,
    /// Threads blocked in `acquire`.
    waiting: usize,
    /// Threads in `yield_to_waiters` waiting for the GIL to change hands.
    handing: usize,
    /// The interpreter's thread-local tables while no thread holds the GIL.
    parked: Option<Parked>,
    /// The interpreter is gone: nobody acquires the GIL again.
    closed: bool,
}

/// The thread-local tables that belong to the interpreter (invariant 2).
struct Parked {
    registry: crate::runtime::gc::Detached,
    files: crate::modules::io::DetachedFiles,
}

// SAFETY: the tables hold weak references to interpreter objects. They are
// moved into and out of `State` only by the thread holding the GIL, under
// the state mutex, and used only by the holder (invariants 1 and 2).
unsafe impl Send for Parked {}

impl Parked {
    /// Takes the tables out of this thread; `None` while a collection runs
    /// on it (a collection must not see another thread's changes).
    fn detach() -> Option<Parked> {
        crate::modules::re::forget_cached_chars();
        let registry = crate::runtime::gc::detach()?;
        Some(Parked { registry, files: crate::modules::io::detach_files() })
    }

    fn attach(self) {
        crate::runtime::gc::attach(self.registry);
        crate::modules::io::attach_files(self.files);
    }
}

fn lock(m: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding this mutex cannot leave `State` inconsistent:
    // every update is a few plain assignments.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Gil {
    /// A GIL held by the calling thread, whose thread-locals hold the tables.
    pub fn new() -> Arc<Gil> {
        Arc::new(Gil {
            state: Mutex::new(State { held: true, switches: 0, waiting: 0, handing: 0, parked: None, closed: false }),
            changed: Condvar::new(),
            threaded: AtomicBool::new(false),
            interval_ns: AtomicU64::new(DEFAULT_INTERVAL_NS),
            main_thread: current_thread(),
        })
    }

    /// Whether the calling thread is the one that created the interpreter.
    pub fn on_main_thread(&self) -> bool {
        current_thread() == self.main_thread
    }

    pub fn is_threaded(&self) -> bool {
        self.threaded.load(Ordering::Relaxed)
    }

    pub fn switch_interval(&self) -> Duration {
        Duration::from_nanos(self.interval_ns.load(Ordering::Relaxed))
    }

    pub fn set_switch_interval(&self, d: Duration) {
        let ns = u64::try_from(d.as_nanos()).unwrap_or(u64::MAX).max(1);
        self.interval_ns.store(ns, Ordering::Relaxed);
    }

    /// Blocks until this thread holds the GIL. Call without holding it.
    pub fn acquire(&self) {
        let mut st = lock(&self.state);
        st.waiting += 1;
        loop {
            if st.closed {
                drop(st);
                loop {
                    std::thread::park();
                }
            }
            if !st.held {
                break;
            }
            let seen = st.switches;
            let (guard, wait) =
                self.changed.wait_timeout(st, self.switch_interval()).unwrap_or_else(PoisonError::into_inner);
            st = guard;
            if wait.timed_out() && st.held && st.switches == seen {
                pending::set(pending::SWITCH);
            }
        }
        st.waiting -= 1;
        st.held = true;
        st.switches += 1;
        if let Some(parked) = st.parked.take() {
            parked.attach();
        }
        // A holder handing the GIL over waits for this switch. (A condvar
        // notification is a system call even when nobody waits.)
        let handing = st.handing > 0;
        drop(st);
        if handing {
            self.changed.notify_all();
        }
    }

    /// Gives the GIL up; `false`, with the GIL kept, while a collection
    /// runs on this thread.
    pub fn release(&self) -> bool {
        let mut st = lock(&self.state);
        if !Self::release_locked(&mut st) {
            return false;
        }
        let waiting = st.waiting > 0;
        drop(st);
        if waiting {
            self.changed.notify_all();
        }
        true
    }

    fn release_locked(st: &mut State) -> bool {
        let Some(parked) = Parked::detach() else { return false };
        st.parked = Some(parked);
        st.held = false;
        true
    }

    /// Hands the GIL to a thread waiting for it, then takes it back: the
    /// holder's answer to `switch_wanted`.
    pub fn yield_to_waiters(&self) {
        pending::take(pending::SWITCH);
        let mut st = lock(&self.state);
        if st.waiting == 0 || st.closed || !Self::release_locked(&mut st) {
            return;
        }
        let seen = st.switches;
        self.changed.notify_all();
        st.handing += 1;
        while st.switches == seen && !st.closed {
            st = self.changed.wait(st).unwrap_or_else(PoisonError::into_inner);
        }
        st.handing -= 1;
        drop(st);
        self.acquire();
    }

    /// Marks the interpreter gone; the caller holds the GIL and keeps it.
    pub fn close(&self) {
        lock(&self.state).closed = true;
        self.changed.notify_all();
    }
}

/// The calling thread's identity, `pthread_self()` (what CPython's
/// `threading.get_ident()` returns).
pub fn current_thread() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// Values that belong to the interpreter, carried to a new thread
/// (invariant 3).
struct Held<T>(T);

// SAFETY: the new thread opens the wrapper only after acquiring the GIL.
unsafe impl<T> Send for Held<T> {}

/// The machine stack of threads started by scripts: deep recursion raises
/// RecursionError (`Vm::check_stack`) well before it is used up.
const THREAD_STACK: usize = 256 << 20;

/// Starts `body` on a new OS thread that runs it holding the GIL, and
/// returns the thread's identity (its `pthread_t`, as CPython's
/// `threading.get_ident()`). The thread runs once the caller releases the GIL.
pub fn spawn(vm: &Vm, body: Box<dyn FnOnce(&Vm)>) -> std::io::Result<u64> {
    let gil = vm.gil.clone();
    gil.threaded.store(true, Ordering::Relaxed);
    let payload = Held((vm as *const Vm, body));
    let thread = std::thread::Builder::new().stack_size(THREAD_STACK).spawn(move || {
        let payload = payload;
        gil.acquire();
        let Held((vm, body)) = payload;
        // SAFETY: the GIL is held and was not closed, so the `Vm` is alive
        // (invariant 4).
        let vm = unsafe { &*vm };
        let marker = 0u8;
        vm.enter_new_thread(&marker as *const u8 as usize, THREAD_STACK);
        body(vm);
        vm.leave_thread();
        if !gil.release() {
            // Unreachable in practice (no collection runs once `body` has
            // returned); never let this thread's exit drop the tables.
            loop {
                std::thread::park();
            }
        }
    })?;
    Ok(std::os::unix::thread::JoinHandleExt::as_pthread_t(&thread) as u64)
}
