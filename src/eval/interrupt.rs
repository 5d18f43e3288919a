//! Ctrl-C: a request to interrupt the running script with KeyboardInterrupt.
//!
//! The request is one process-wide flag (a bit of `pending`), because a
//! signal handler can touch nothing else safely. The evaluator reads it at
//! its safe points (calls and loop back-edges), and blocking natives such as
//! `time.sleep` poll it through `Vm::interrupt`.

use super::pending;

/// Asks the running script to raise KeyboardInterrupt at its next safe point.
/// Safe to call from a signal handler or another thread.
pub fn request() {
    pending::set(pending::INTERRUPT);
}

/// Whether an interrupt is waiting to be raised.
#[inline(always)]
pub fn requested() -> bool {
    pending::is_set(pending::INTERRUPT)
}

/// Takes the waiting request, if any: it is raised once.
pub fn take() -> bool {
    pending::take(pending::INTERRUPT)
}

/// Makes SIGINT (Ctrl-C) request an interrupt instead of killing the
/// process, as CPython's default handler does.
pub fn catch_sigint() {
    extern "C" fn on_sigint(_: libc::c_int) {
        request();
    }
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t);
    }
}

/// Dies of SIGINT, as CPython does after an uncaught KeyboardInterrupt, so
/// that the parent (a shell loop, say) sees the process was interrupted.
pub fn die_of_sigint() {
    // SAFETY: restoring the default disposition and signalling ourselves
    // touch no memory of ours.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
}

/// The `Vm`'s view of the flag (`vm.interrupt.get()`), for natives that
/// block and poll it.
#[derive(Default)]
pub struct Interrupt;

impl Interrupt {
    #[inline]
    pub fn get(&self) -> bool {
        requested()
    }
}
