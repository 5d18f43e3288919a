//! Trial deletion over a set of tracked containers, as CPython's gc does:
//!
//! 1. Each member's `refs` (in its header) starts at its strong count.
//! 2. For every reference a member holds to another member, the target's
//!    `refs` goes down by one. What is left counts the references from
//!    outside the set: frames, native code, untracked objects, containers
//!    of an older generation.
//! 3. Members with outside references are alive, and so is everything
//!    they reach. The rest is garbage: only other garbage references it.
//! 4. Garbage is freed by clearing its contents, which breaks the cycles;
//!    reference counting does the rest.
//!
//! Headers are tagged with the collection's `epoch`, which tells members
//! from the containers outside the set.

use super::traverse::Detached;
use super::{Strong, Tracked};

pub struct Outcome {
    /// The live members, still tracked.
    pub survivors: Vec<Tracked>,
    /// How many members were freed.
    pub garbage: usize,
    /// Survivors plus the references they hold: what looking at them again costs.
    pub work: usize,
}

/// `refs` of a member found alive and already looked at.
const REACHED: i32 = i32::MAX;

pub fn collect(mut members: Vec<Tracked>, epoch: u32) -> Outcome {
    let mut pinned = count_references(&mut members, epoch);
    subtract_internal_references(&members, epoch, &mut pinned);
    for obj in pinned {
        let h = obj.header();
        if let Some(refs) = h.refs(epoch) {
            h.set_refs(epoch, refs.clamp(1, REACHED - 1));
        }
    }
    let work = mark_reachable(&members, epoch);
    let garbage: Vec<Tracked> = members
        .extract_if(.., |t| t.upgrade().is_some_and(|obj| obj.header().refs(epoch) != Some(REACHED)))
        .collect();
    if queue_finalizers(&garbage) {
        // Their `__del__` runs first (at the next statement boundary); a
        // later collection frees what it leaves unreachable.
        members.extend(garbage);
        return Outcome { survivors: members, garbage: 0, work };
    }
    let freed = garbage.len();
    free(garbage);
    Outcome { survivors: members, garbage: freed, work }
}

/// Queues the garbage instances whose `__del__` has not run (PEP 442);
/// returns whether there were any.
fn queue_finalizers(garbage: &[Tracked]) -> bool {
    let mut queued = false;
    for t in garbage {
        let Some(Strong::Instance(inst)) = t.upgrade() else { continue };
        if let Some(queue) = inst.finalizer_queue() {
            inst.gc.set_finalized();
            queue.push_finalizer(inst);
            queued = true;
        }
    }
    queued
}

/// Step 1, keeping only the live, distinct members (dropping the dead ones
/// releases the memory their weak pointers pinned). Returns the members
/// whose count is too large to track exactly, kept alive regardless.
fn count_references(members: &mut Vec<Tracked>, epoch: u32) -> Vec<Strong> {
    let mut pinned = Vec::new();
    members.retain(|t| {
        let Some(obj) = t.upgrade() else { return false };
        let h = obj.header();
        if h.refs(epoch).is_some() {
            return false;
        }
        let refs = i32::try_from(obj.others()).unwrap_or(REACHED).min(REACHED - 1);
        h.set_refs(epoch, refs);
        if refs == REACHED - 1 {
            pinned.push(obj);
        }
        true
    });
    pinned
}

/// Step 2. A member whose contents cannot be borrowed is treated as
/// referenced from outside (pinned): everything it holds stays alive.
fn subtract_internal_references(members: &[Tracked], epoch: u32, pinned: &mut Vec<Strong>) {
    for t in members {
        let Some(obj) = t.upgrade() else { continue };
        let complete = obj.visit(&mut |e| {
            let h = e.header();
            if let Some(refs) = h.refs(epoch) {
                h.set_refs(epoch, refs.saturating_sub(1));
            }
        });
        if complete.is_none() {
            pinned.push(obj);
        }
    }
}

/// How many containers step 3 holds at once: past it, a container found
/// reachable is only marked as a root, and the walk over the members picks
/// it up (in another pass if it was already behind), so that a collection
/// never needs memory in proportion to a wide container (a list of a
/// million generators).
const PENDING_LIMIT: usize = 1 << 12;

/// Step 3: sets `refs` to REACHED on everything reachable from the members
/// referenced from outside; returns the work done.
fn mark_reachable(members: &[Tracked], epoch: u32) -> usize {
    let mut work = 0;
    let mut pending: Vec<Strong> = Vec::new();
    loop {
        let mut deferred = false;
        for t in members {
            let Some(obj) = t.upgrade() else { continue };
            let h = obj.header();
            match h.refs(epoch) {
                Some(refs) if refs > 0 && refs != REACHED => h.set_refs(epoch, REACHED),
                _ => continue,
            }
            pending.push(obj);
            while let Some(obj) = pending.pop() {
                let scanned = obj.visit(&mut |e| {
                    let h = e.header();
                    match h.refs(epoch) {
                        Some(REACHED) | None => {}
                        Some(_) if pending.len() < PENDING_LIMIT => {
                            h.set_refs(epoch, REACHED);
                            pending.push(e.to_strong());
                        }
                        Some(refs) => {
                            // A positive count makes it a root of this walk.
                            h.set_refs(epoch, refs.max(1));
                            deferred = true;
                        }
                    }
                });
                work += 1 + scanned.unwrap_or(0);
            }
        }
        if !deferred {
            return work;
        }
    }
}

/// Step 4. All of the garbage is held first, so that none is freed while
/// another is being cleared; contents are detached under short borrows and
/// dropped only once every borrow is released.
fn free(garbage: Vec<Tracked>) {
    let held: Vec<Strong> = garbage.iter().filter_map(Tracked::upgrade).collect();
    let mut detached = Detached::new();
    for obj in &held {
        obj.clear(&mut detached);
    }
    drop(detached);
    drop(held);
    drop(garbage);
}
