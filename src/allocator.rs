//! The global allocator of the `tulip` binary: mimalloc.
//!
//! The `mimalloc` crate sends every allocation through `mi_malloc_aligned`,
//! whose fast path only serves a block that happens to be aligned and
//! otherwise over-allocates from a larger size class (measured: a third of
//! all allocations of a sorting benchmark took that path). Every mimalloc
//! block is 8-aligned, which is all a `Value` or an `Rc` box needs, so those
//! go to the plain entry points; larger alignments keep the aligned ones.
//!
//! mimalloc maps big blocks with `MAP_NORESERVE`, so the kernel grants any
//! size and the process is killed when it touches more than the machine
//! has. A request larger than the machine's RAM and swap together is refused
//! here instead, as the kernel's own overcommit heuristic refuses it to
//! `malloc`: the caller's fallible reservation then raises MemoryError.

//!
//! mimalloc also asks for transparent huge pages on the regions it maps;
//! the kernel then backs the first touch of each 2 MiB with a whole zeroed
//! huge page. Every executor thread's heap, the tail of every arena, paid
//! that in time (12% of the executor benchmark zeroing pages) and peak
//! memory (twice CPython's there), so the binary turns them off
//! (`NO_HUGE_PAGES`).

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The alignment `mi_malloc` gives every block at least this large
/// (`MI_MAX_ALIGN_SIZE`, as C's malloc does for `max_align_t`). Types
/// aligned to 16 (anything holding an `i128`: ranges, their iterators) so
/// skip `mi_malloc_aligned`, whose generic path cost 130 instructions a
/// call when the size class's free list was momentarily empty.
const MI_MIN_ALIGN: usize = 16;

/// Whether `mi_malloc` alone gives `layout` its alignment (as std's own
/// allocators decide: a block smaller than 16 bytes may be 8-aligned).
#[inline(always)]
fn plain(layout: &Layout) -> bool {
    layout.align() <= MI_MIN_ALIGN && layout.align() <= layout.size()
}

pub struct Mimalloc;

/// Requests from this size on are compared with the machine's memory.
const LARGE: usize = 1 << 30;

/// RAM plus swap in bytes, measured at the first large request.
static MACHINE_MEMORY: AtomicUsize = AtomicUsize::new(0);

#[inline]
fn could_fit(size: usize) -> bool {
    size < LARGE || size <= machine_memory()
}

#[cold]
fn machine_memory() -> usize {
    let known = MACHINE_MEMORY.load(Ordering::Relaxed);
    if known != 0 {
        return known;
    }
    // SAFETY: sysinfo only writes the struct it is given.
    let total = unsafe {
        let mut info: libc::sysinfo = std::mem::zeroed();
        if libc::sysinfo(&mut info) == 0 {
            (info.totalram as usize).saturating_add(info.totalswap as usize).saturating_mul(info.mem_unit as usize)
        } else {
            usize::MAX
        }
    };
    MACHINE_MEMORY.store(total, Ordering::Relaxed);
    total
}

/// Turns transparent huge pages off for this process (and, as the kernel
/// keeps the setting across fork and exec, for the processes it starts).
/// It runs as a constructor, before the Rust runtime's first allocations
/// fault in the first pages of mimalloc's arena. Measured on the async
/// benchmarks: peak RSS of timers 60 -> 32 MB, executor 47 -> 22 MB,
/// many_sleepers 165 -> 142 MB; start-up 16 -> 8 MB.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static NO_HUGE_PAGES: extern "C" fn() = no_huge_pages;

#[cfg(target_os = "linux")]
extern "C" fn no_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE only sets a flag of the calling process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !could_fit(layout.size()) {
            return std::ptr::null_mut();
        }
        if plain(&layout) {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !could_fit(layout.size()) {
            return std::ptr::null_mut();
        }
        if plain(&layout) {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !could_fit(new_size) {
            return std::ptr::null_mut();
        }
        if layout.align() <= MI_MIN_ALIGN && layout.align() <= new_size {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
