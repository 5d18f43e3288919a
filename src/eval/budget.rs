//! A step budget for embedders that run untrusted scripts (the fuzz
//! targets): each safe point (call or loop back-edge) spends one step, and
//! once none is left every safe point raises RuntimeError, so the script
//! ends even if it catches the error.
//!
//! The count lives behind a bit of `pending`: while no budget is set the
//! evaluator's hot path is the same single load as without this module,
//! and with one set every safe point takes the cold path that counts.

use super::pending;
use std::sync::atomic::{AtomicU64, Ordering};

/// Steps left while `pending::BUDGET` is set.
static LEFT: AtomicU64 = AtomicU64::new(0);

/// Allows `steps` more safe points, or lifts the budget (`None`).
pub fn set(steps: Option<u64>) {
    match steps {
        Some(n) => {
            LEFT.store(n, Ordering::Relaxed);
            pending::set(pending::BUDGET);
        }
        None => {
            pending::take(pending::BUDGET);
        }
    }
}

/// Spends a step; false when the budget is set and spent.
#[inline]
pub fn spend() -> bool {
    if !pending::is_set(pending::BUDGET) {
        return true;
    }
    LEFT.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1)).is_ok()
}
