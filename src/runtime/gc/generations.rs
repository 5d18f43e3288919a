//! The registry of tracked containers, in CPython's three generations, and
//! when each is collected.
//!
//! New containers enter generation 0, which is collected once the
//! containers tracked since the last collection, less those freed since,
//! reach `threshold0` (CPython's count: a program that frees what it makes,
//! as most do, is never interrupted to look for cycles); survivors of a
//! collection of generation `g` move to `g + 1`. Generation 1 is collected
//! (with 0) every `threshold1` collections of 0, and generation 2 (with all
//! the others) every `threshold2` collections of 1, but only once the
//! survivors promoted into it since its last collection amount to a
//! quarter of what that collection traversed: so a program holding millions
//! of live objects pays for them a bounded number of times per allocation.
//! References from an older generation into the one being collected count
//! as references from outside, which can only keep things alive.

use super::collect::{self, Outcome};
use super::Tracked;
use std::cell::{Cell, RefCell};

/// CPython's default thresholds.
const DEFAULT_THRESHOLDS: [i64; 3] = [700, 10, 10];
/// Generation 0's dead entries, which pin the memory of freed objects'
/// reference counts, are dropped once it reaches this size, and again each
/// time it doubles, when no collection came first.
const PRUNE_AT: usize = 1000;
const OLDEST: usize = 2;

/// The fewest freed containers worth a sweep of the whole registry.
const SWEEP_AT: usize = 10_000;

thread_local! {
    static HEAP: RefCell<Heap> = const { RefCell::new(Heap::new()) };
    /// Set when generation 0 is full or a sweep is due; read at every safe point.
    static DUE: Cell<bool> = const { Cell::new(false) };
    static COUNTS: Cell<Counts> = const { Cell::new(Counts { young: 0, freed: 0, sweep_at: SWEEP_AT }) };
}

#[derive(Clone, Copy)]
struct Counts {
    /// Containers tracked since the last collection less those freed since
    /// (CPython's generation 0 count).
    young: usize,
    /// Tracked containers freed since the last sweep, and how many call
    /// for the next one.
    freed: usize,
    sweep_at: usize,
}

fn counts_get() -> Counts {
    COUNTS.try_with(Cell::get).unwrap_or(Counts { young: 0, freed: 0, sweep_at: SWEEP_AT })
}

fn counts_update(f: impl FnOnce(&mut Counts)) {
    let _ = COUNTS.try_with(|c| {
        let mut counts = c.get();
        f(&mut counts);
        c.set(counts);
    });
}

struct Heap {
    /// Tracked containers, youngest generation first.
    generations: [Vec<Tracked>; 3],
    /// Collections of generation 0 since the last of 1, and of 1 since the
    /// last of 2.
    collections: [usize; 2],
    thresholds: [i64; 3],
    enabled: bool,
    collecting: bool,
    /// The size of generation 0 at which `prune` runs if no collection did.
    prune_at: usize,
    /// The count (`Counts::young`) at which the next safe point collects.
    collect_limit: usize,
    /// What the last collection of the oldest generation traversed
    /// (objects and references).
    oldest_work: usize,
    /// What collections of generation 1 promoted into the oldest since then.
    promoted_work: usize,
    /// The number of the current or last collection, never 0 (see `GcHeader`).
    epoch: u32,
}

impl Heap {
    const fn new() -> Heap {
        Heap {
            generations: [Vec::new(), Vec::new(), Vec::new()],
            collections: [0; 2],
            thresholds: DEFAULT_THRESHOLDS,
            enabled: true,
            collecting: false,
            prune_at: PRUNE_AT,
            collect_limit: DEFAULT_THRESHOLDS[0] as usize,
            oldest_work: 0,
            promoted_work: 0,
            epoch: 0,
        }
    }

    /// The size of generation 0 that calls for a collection, if any.
    fn collect_at(&self) -> Option<usize> {
        (self.enabled && self.thresholds[0] > 0).then(|| usize::try_from(self.thresholds[0]).unwrap_or(usize::MAX))
    }

    fn update_limit(&mut self) {
        self.collect_limit = self.collect_at().unwrap_or(usize::MAX);
    }

    /// The oldest generation whose collection is due (CPython's rules).
    fn generation_due(&self) -> usize {
        let past = |g: usize| self.collections[g - 1] as i64 >= self.thresholds[g];
        if past(2) && self.promoted_work > self.oldest_work / 4 {
            2
        } else if past(1) {
            1
        } else {
            0
        }
    }
}

/// The registry while no thread holds the GIL: it moves into the thread
/// that takes the GIL next (see `aio::gil`), so the containers every
/// thread creates are in one registry.
pub struct Detached {
    heap: Heap,
    young: usize,
    due: bool,
}

/// Takes the registry out of this thread; `None` while a collection runs
/// (the thread must then keep the GIL until it ends).
pub fn detach() -> Option<Detached> {
    HEAP.try_with(|h| {
        let mut h = h.try_borrow_mut().ok()?;
        if h.collecting {
            return None;
        }
        let heap = std::mem::replace(&mut *h, Heap::new());
        let young = counts_get().young;
        counts_update(|c| c.young = 0);
        Some(Detached { heap, young, due: DUE.try_with(|d| d.replace(false)).unwrap_or(false) })
    })
    .ok()
    .flatten()
}

/// Installs a registry taken by `detach` (on this or another thread).
pub fn attach(d: Detached) {
    let _ = HEAP.try_with(|h| {
        if let Ok(mut h) = h.try_borrow_mut() {
            *h = d.heap;
        }
    });
    counts_update(|c| c.young = d.young);
    let _ = DUE.try_with(|due| due.set(d.due));
}

pub fn register(t: Tracked) {
    let _ = HEAP.try_with(|heap| {
        // Busy only while the registry itself is being updated; an object
        // left untracked is merely never collected.
        if let Ok(mut heap) = heap.try_borrow_mut() {
            heap.generations[0].push(t);
            let mut young = 0;
            counts_update(|c| {
                c.young += 1;
                young = c.young;
            });
            if young >= heap.collect_limit || heap.generations[0].len() >= heap.prune_at {
                let _ = DUE.try_with(|due| due.set(true));
            }
        }
    });
}

/// A tracked container was freed. Its registry entry still pins the
/// memory it lived in (a weak pointer), until its generation is next
/// collected, which for the oldest may be long; so once many were freed,
/// the next safe point sweeps the dead entries out of every generation.
#[inline]
pub fn note_freed() {
    let mut sweep_due = false;
    counts_update(|c| {
        c.young = c.young.saturating_sub(1);
        c.freed += 1;
        sweep_due = c.freed == c.sweep_at;
    });
    if sweep_due {
        let _ = DUE.try_with(|due| due.set(true));
    }
}

#[inline(always)]
pub fn collection_due() -> bool {
    DUE.try_with(Cell::get).unwrap_or(false)
}

#[cold]
#[inline(never)]
pub fn run_due() {
    let _ = DUE.try_with(|due| due.set(false));
    let counts = counts_get();
    if counts.freed >= counts.sweep_at {
        sweep();
    }
    let due = HEAP.try_with(|h| {
        let h = h.try_borrow().ok()?;
        if counts.young >= h.collect_limit {
            Some(Some(h.generation_due()))
        } else if h.generations[0].len() >= h.prune_at {
            Some(None)
        } else {
            None
        }
    });
    match due {
        Ok(Some(Some(generation))) => {
            collect_generation(generation);
        }
        Ok(Some(None)) => prune(),
        _ => {}
    }
}

/// Collects `generation` and the younger ones (`gc.collect(generation)`);
/// returns the number of unreachable containers found.
pub fn collect_generation(generation: usize) -> usize {
    let g = generation.min(OLDEST);
    // The containers to look at are moved out of the registry while the
    // collection runs; what is created meanwhile (nothing, today) is young.
    let taken = HEAP.try_with(|h| {
        let mut h = h.try_borrow_mut().ok()?;
        if h.collecting {
            return None;
        }
        h.collecting = true;
        h.epoch = h.epoch % (super::EPOCH_LIMIT - 1) + 1;
        let mut set = std::mem::take(&mut h.generations[g]);
        for younger in 0..g {
            // Append the smaller to the larger: no copy of a big generation.
            if set.len() < h.generations[younger].len() {
                std::mem::swap(&mut set, &mut h.generations[younger]);
            }
            set.append(&mut h.generations[younger]);
        }
        Some((h.epoch, set))
    });
    let Ok(Some((epoch, set))) = taken else { return 0 };
    let Outcome { mut survivors, garbage, work } = collect::collect(set, epoch);
    let _ = HEAP.try_with(|h| {
        let Ok(mut h) = h.try_borrow_mut() else { return };
        let h = &mut *h;
        h.collecting = false;
        let target = &mut h.generations[(g + 1).min(OLDEST)];
        if target.is_empty() {
            std::mem::swap(target, &mut survivors);
        } else {
            target.append(&mut survivors);
        }
        // The emptied buffer serves the next generation 0.
        if h.generations[0].is_empty() && survivors.capacity() > h.generations[0].capacity() {
            std::mem::swap(&mut h.generations[0], &mut survivors);
        }
        h.prune_at = PRUNE_AT;
        h.update_limit();
        counts_update(|c| c.young = 0);
        h.collections[..g].fill(0);
        match g {
            0 => h.collections[0] += 1,
            1 => {
                h.collections[1] += 1;
                h.promoted_work += work;
            }
            _ => {
                h.oldest_work = work;
                h.promoted_work = 0;
            }
        }
    });
    garbage
}

/// Drops the dead entries of generation 0 when it is not collected, so
/// that its size stays within twice the live containers in it.
fn prune() {
    with_heap((), |h| {
        let young = &mut h.generations[0];
        young.retain(Tracked::is_alive);
        h.prune_at = (2 * young.len()).max(PRUNE_AT);
    });
}

/// Drops the dead entries of every generation (see `note_freed`); the
/// next sweep waits for a quarter as many frees as there are live entries, so
/// sweeping costs a bounded amount per freed container.
fn sweep() {
    let live = with_heap(None, |h| {
        if h.collecting {
            return None;
        }
        for generation in &mut h.generations {
            generation.retain(Tracked::is_alive);
        }
        Some(h.generations.iter().map(Vec::len).sum::<usize>())
    });
    if let Some(live) = live {
        counts_update(|c| {
            c.freed = 0;
            c.sweep_at = (live / 4).max(SWEEP_AT);
        });
    }
}

fn with_heap<R>(default: R, f: impl FnOnce(&mut Heap) -> R) -> R {
    HEAP.try_with(|h| h.try_borrow_mut().map(|mut h| f(&mut h)).ok()).ok().flatten().unwrap_or(default)
}

pub fn enable() {
    with_heap((), |h| {
        h.enabled = true;
        h.update_limit();
    });
}

pub fn disable() {
    with_heap((), |h| {
        h.enabled = false;
        h.update_limit();
    });
}

pub fn is_enabled() -> bool {
    with_heap(true, |h| h.enabled)
}

pub fn thresholds() -> [i64; 3] {
    with_heap(DEFAULT_THRESHOLDS, |h| h.thresholds)
}

pub fn set_thresholds(t: [i64; 3]) {
    with_heap((), |h| {
        h.thresholds = t;
        h.update_limit();
    });
}

/// `gc.get_count()`: containers tracked less those freed since the last
/// collection, then collections of generation 0 since the last of 1, and
/// of 1 since the last of 2.
pub fn counts() -> [usize; 3] {
    let young = counts_get().young;
    with_heap([0; 3], |h| [young, h.collections[0], h.collections[1]])
}
