//! Requests the evaluator answers at its safe points (Ctrl-C, another
//! thread asking for the GIL, a step budget), kept as bits of one word so that checking
//! for any of them costs a single relaxed load.

use std::sync::atomic::{AtomicU8, Ordering};

/// KeyboardInterrupt was requested (`interrupt`).
pub const INTERRUPT: u8 = 1;
/// A thread waits for the GIL (`aio::gil`).
pub const SWITCH: u8 = 2;
/// A step budget is counted (`budget`).
pub const BUDGET: u8 = 4;

static PENDING: AtomicU8 = AtomicU8::new(0);

/// Sets `bit`; safe from a signal handler or any thread.
pub fn set(bit: u8) {
    PENDING.fetch_or(bit, Ordering::Relaxed);
}

/// Clears `bit`, returning whether it was set.
pub fn take(bit: u8) -> bool {
    PENDING.fetch_and(!bit, Ordering::Relaxed) & bit != 0
}

#[inline(always)]
pub fn is_set(bit: u8) -> bool {
    PENDING.load(Ordering::Relaxed) & bit != 0
}

/// Whether any request waits.
#[inline(always)]
pub fn any() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}
