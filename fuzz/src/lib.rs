//! What the fuzz targets share: an allocator with a cap, and running a
//! program in a fresh interpreter under a step budget, a wall-clock
//! backstop and a sandbox (`sandbox.py`: no writing files, no processes)
//! and a filter (`runnable`: no sockets, signals, threads or stdin).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Once;
use std::time::{Duration, Instant};

/// The system allocator, refusing one block above `MAX_BLOCK` or live bytes
/// above `MAX_LIVE`: a script's huge allocation must then raise MemoryError
/// (fallible reservation), and an abort here is a finding.
pub struct CappedAlloc;

const MAX_BLOCK: usize = 512 << 20;
const MAX_LIVE: usize = 1536 << 20;
static LIVE: AtomicUsize = AtomicUsize::new(0);

fn admit(size: usize) -> bool {
    if size > MAX_BLOCK {
        return false;
    }
    if LIVE.fetch_add(size, Ordering::Relaxed) + size > MAX_LIVE {
        LIVE.fetch_sub(size, Ordering::Relaxed);
        return false;
    }
    true
}

unsafe impl GlobalAlloc for CappedAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !admit(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.alloc(layout);
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !admit(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.alloc_zeroed(layout);
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old && !admit(new_size - old) || new_size > MAX_BLOCK {
            return std::ptr::null_mut();
        }
        let p = System.realloc(ptr, layout, new_size);
        if p.is_null() {
            if new_size > old {
                LIVE.fetch_sub(new_size - old, Ordering::Relaxed);
            }
        } else if new_size < old {
            LIVE.fetch_sub(old - new_size, Ordering::Relaxed);
        }
        p
    }
}

/// Safe points (calls, loop iterations) one program may run.
pub const STEPS: u64 = 200_000;

/// The interpreter's machine stack (the binary has 1 GiB; the depth checks
/// work the same on any size).
const STACK_SIZE: usize = 256 << 20;

/// After this long a program is sent KeyboardInterrupt, again and again:
/// waits that no step counts (sleep, select) end too.
const WALL_LIMIT: Duration = Duration::from_secs(3);

/// Words that mark programs this harness does not run: blocking on stdin
/// or other threads, sockets, signals, subprocesses.
const SKIPPED: &[&str] =
    &["stdin", "input", "socket", "signal", "subprocess", "Popen", "thread", "Thread", "queue", "Queue", "concurrent", "fork"];

/// Whether the harness runs `source` at all.
pub fn runnable(source: &str) -> bool {
    !SKIPPED.iter().any(|w| source.contains(w)) && !source.lines().any(astronomical)
}

/// A line that may ask for a number no interpreter computes within the
/// time limit (`10**10**9`, `1 << 99999999`): two power or shift operators,
/// or one with a literal of five digits or more. A single such operation
/// is one native call the step budget cannot cut short.
fn astronomical(line: &str) -> bool {
    let operators = ["**", "<<", "pow("].iter().map(|op| line.matches(op).count()).sum::<usize>();
    let mut digits = 0;
    let long_literal = line.chars().any(|c| {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        digits >= 5
    });
    operators >= 2 || operators == 1 && long_literal
}

/// When the running program's wall time is up, as milliseconds since
/// `EPOCH`; 0 while none runs.
static DEADLINE_MS: AtomicU64 = AtomicU64::new(0);

fn epoch_ms() -> u64 {
    static EPOCH: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    EPOCH.get_or_init(Instant::now).elapsed().as_millis() as u64 + 1
}

/// Starts, once, the thread that interrupts programs past `WALL_LIMIT`.
fn init() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::thread::spawn(|| loop {
            std::thread::sleep(Duration::from_millis(50));
            let deadline = DEADLINE_MS.load(Ordering::Relaxed);
            if deadline != 0 && epoch_ms() > deadline {
                tulip::eval::interrupt::request();
            }
        });
    });
}

/// Runs `source` as a program in a fresh, sandboxed interpreter, with
/// `setup` run first (outside the budget). Panics only if the harness
/// itself breaks; the interpreter's own panics abort the process.
pub fn run_program(setup: &str, source: &str) {
    init();
    let (setup, source) = (setup.to_owned(), source.to_owned());
    let thread = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || {
        let marker = 0u8;
        let interp = tulip::Interpreter::new();
        interp.set_stack(&marker as *const u8 as usize, STACK_SIZE);
        for (source, name) in [(SANDBOX, "<sandbox>"), (setup.as_str(), "<setup>")] {
            if let Err(e) = interp.run_source(source, name) {
                panic!("{name} did not run: {e:?}");
            }
        }
        DEADLINE_MS.store(epoch_ms() + WALL_LIMIT.as_millis() as u64, Ordering::Relaxed);
        interp.set_step_budget(Some(STEPS));
        let _ = interp.run_source(&source, "<fuzz>");
        interp.run_exit_handlers();
        interp.finalize_main();
        interp.set_step_budget(None);
        DEADLINE_MS.store(0, Ordering::Relaxed);
        tulip::eval::interrupt::take();
        drop(interp);
    });
    thread.expect("spawn the interpreter thread").join().expect("the interpreter thread");
}

const SANDBOX: &str = include_str!("sandbox.py");

/// What the natives target calls, found once by asking the interpreter.
pub mod natives {
    use std::sync::OnceLock;

    /// What the natives target draws on.
    pub struct Catalogue {
        /// The setup every generated program runs after (the misbehaving
        /// classes and helpers of `natives_setup.py`).
        pub setup: String,
        /// The callees, as expressions.
        pub callees: Vec<String>,
        /// The modules some callees belong to: a program imports those it calls.
        pub modules: Vec<String>,
    }

    pub fn catalogue() -> &'static Catalogue {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| {
            std::thread::Builder::new()
                .stack_size(super::STACK_SIZE)
                .spawn(discover)
                .expect("spawn the discovery thread")
                .join()
                .expect("discovery")
        })
    }

    fn discover() -> Catalogue {
        let marker = 0u8;
        let interp = tulip::Interpreter::new();
        interp.set_stack(&marker as *const u8 as usize, super::STACK_SIZE);
        for source in [super::SANDBOX, include_str!("discover.py")] {
            if let Err(e) = interp.run_source(source, "<discover>") {
                panic!("discovery failed: {e:?}");
            }
        }
        let globals = interp.main_globals();
        let text = |name: &str| {
            let value = globals.get_str(&interp.vm().intern(name)).expect("discovery result");
            value.as_str().expect("a str").as_str().to_owned()
        };
        let lines = |name: &str| text(name).lines().map(str::to_owned).collect();
        Catalogue {
            setup: format!("{}{}", include_str!("natives_setup.py"), text("_setup")),
            callees: lines("_callees"),
            modules: lines("_imported"),
        }
    }
}
