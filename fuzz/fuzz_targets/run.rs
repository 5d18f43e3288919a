//! Whole programs: arbitrary source compiled and run in a fresh interpreter
//! (see the harness in `src/lib.rs` for the budget, memory cap and sandbox).
//! Any panic, abort, stack overflow, hang or memory past the cap is a failure.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: tulip_fuzz::CappedAlloc = tulip_fuzz::CappedAlloc;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    if tulip_fuzz::runnable(source) {
        tulip_fuzz::run_program("", source);
    }
});
