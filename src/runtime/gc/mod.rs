//! The cycle collector. Reference counting frees most objects at once; this
//! frees the groups of containers that only reference each other, with
//! CPython's algorithm (trial deletion, in `collect`) and CPython's three
//! generations (`generations`).
//!
//! Containers (lists, dicts, instances, functions, cells, classes, ...) are
//! tracked when they are created, in a registry of weak pointers, so
//! tracking never keeps anything alive; each carries a `GcHeader` word the
//! collector counts references in. What they reference is in `traverse`.
//!
//! Collections run only at safe points (`safe_point`: calls and loop
//! back-edges), never inside an allocation.
//!
//! The registry is per thread: `Rc` objects never leave the thread that made
//! them, so each thread's registry sees exactly the objects of the
//! interpreters running on it, with no `unsafe` and no locking.

mod collect;
mod generations;
mod traverse;

pub use generations::{attach, detach, Detached};
pub use generations::{collect_generation, counts, disable, enable, is_enabled, set_thresholds, thresholds};
pub use traverse::may_reference_containers;
use super::object::*;
use std::cell::Cell;
use std::rc::{Rc, Weak};

macro_rules! containers {
    ($($kind:ident($ty:ty)),* $(,)?) => {
        /// A tracked container, held weakly.
        pub enum Tracked {
            $($kind(Weak<$ty>),)*
        }

        /// A tracked container, held for the length of a visit or a free.
        enum Strong {
            $($kind(Rc<$ty>),)*
        }

        /// A reference to a container, met while visiting another one.
        enum Edge<'a> {
            $($kind(&'a Rc<$ty>),)*
        }

        impl Tracked {
            fn is_alive(&self) -> bool {
                match self {
                    $(Tracked::$kind(w) => w.strong_count() > 0,)*
                }
            }

            fn upgrade(&self) -> Option<Strong> {
                match self {
                    $(Tracked::$kind(w) => w.upgrade().map(Strong::$kind),)*
                }
            }
        }

        impl Strong {
            fn header(&self) -> &GcHeader {
                match self {
                    $(Strong::$kind(rc) => &rc.gc,)*
                }
            }

            /// The strong count, less the one this holds.
            fn others(&self) -> usize {
                match self {
                    $(Strong::$kind(rc) => Rc::strong_count(rc) - 1,)*
                }
            }
        }

        impl Edge<'_> {
            fn header(&self) -> &GcHeader {
                match self {
                    $(Edge::$kind(rc) => &rc.gc,)*
                }
            }

            fn to_strong(&self) -> Strong {
                match self {
                    $(Edge::$kind(rc) => Strong::$kind(Rc::clone(rc)),)*
                }
            }
        }

        $(impl Container for $ty {
            fn header(&self) -> &GcHeader {
                &self.gc
            }

            fn tracked(rc: &Rc<Self>) -> Tracked {
                Tracked::$kind(Rc::downgrade(rc))
            }
        })*
    };
}

// Bound methods are not tracked: they are made at every attribute access
// and cannot change what they reference, so the collector sees through
// them (`traverse::visit_value`).
containers! {
    List(List),
    Tuple(Tuple),
    Dict(Dict),
    Set(Set),
    Instance(Instance),
    Function(Function),
    Cell(CellObj),
    Class(Class),
    Property(Property),
    Wrapper(FuncWrapper),
    Generator(Generator),
}

/// Heap objects that can hold references to other containers.
pub trait Container: Sized {
    fn header(&self) -> &GcHeader;
    fn tracked(rc: &Rc<Self>) -> Tracked;
}

/// The collector's word in every container: whether it is tracked, and
/// during a collection its count of references from outside, tagged with
/// the collection's number (so it never needs resetting; a stale tag that
/// happens to match can only make the collector keep more alive).
pub struct GcHeader(Cell<u64>);

// Bit 63: tracked; bit 62: finalized (`__del__` ran); bits 32-61: the
// collection's number; bits 0-31: `refs`.
const TRACKED: u64 = 1 << 63;
const FINALIZED: u64 = 1 << 62;
const FLAGS: u64 = TRACKED | FINALIZED;
/// Collection numbers stay below this (30 bits).
pub(super) const EPOCH_LIMIT: u32 = 1 << 30;

impl GcHeader {
    pub const fn new() -> GcHeader {
        GcHeader(Cell::new(0))
    }

    fn is_tracked(&self) -> bool {
        self.0.get() & TRACKED != 0
    }

    fn set_tracked(&self) {
        self.0.set(self.0.get() | TRACKED);
    }

    /// Whether the object's `__del__` has run (see `Instance`'s drop).
    pub fn is_finalized(&self) -> bool {
        self.0.get() & FINALIZED != 0
    }

    pub fn set_finalized(&self) {
        self.0.set(self.0.get() | FINALIZED);
    }

    /// The count of collection `epoch`, if the object is one of its members.
    fn refs(&self, epoch: u32) -> Option<i32> {
        let s = self.0.get();
        ((s & !FLAGS) >> 32 == epoch as u64).then_some(s as u32 as i32)
    }

    fn set_refs(&self, epoch: u32, refs: i32) {
        self.0.set((self.0.get() & FLAGS) | (epoch as u64) << 32 | refs as u32 as u64);
    }
}

impl Drop for GcHeader {
    fn drop(&mut self) {
        if self.is_tracked() {
            generations::note_freed();
        }
    }
}

/// Allocates `value` as a container the collector tracks.
#[inline(always)]
pub fn new<T: Container>(value: T) -> Rc<T> {
    let rc = Rc::new(value);
    track(&rc);
    rc
}

/// Starts tracking a container (once; later calls do nothing).
#[inline]
pub fn track<T: Container>(rc: &Rc<T>) {
    let header = rc.header();
    if !header.is_tracked() {
        header.set_tracked();
        generations::register(T::tracked(rc));
    }
}

/// Runs a collection if enough containers were allocated since the last
/// one. Call only where native code holds no borrows of objects.
#[inline(always)]
pub fn safe_point() {
    if generations::collection_due() {
        generations::run_due();
    }
}
