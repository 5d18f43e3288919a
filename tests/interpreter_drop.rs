//! Dropping an `Interpreter` frees what it made: a host that creates and
//! drops interpreters in a loop (one per request, one per fuzz input) keeps
//! a flat heap. The cycles through module namespaces (a function's globals
//! hold the function), classes (a class is first in its own MRO) and
//! builtin types must all be broken when the interpreter goes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

/// The system allocator, counting the bytes live.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// A program touching what leaks most easily: classes and their methods
/// (one calling itself),
/// closures, module imports, generators left suspended, exceptions with
/// tracebacks, a cycle of instances, asyncio's native state.
const PROGRAM: &str = r#"
import json, re, collections, functools, asyncio

class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)
    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def count_down(self, n):
        # Reads its own name through an attribute site: the site's cache
        # must not keep the method alive.
        return n if n < 1 else self.count_down(n - 1)

root = Node()
root.count_down(3)
for _ in range(5):
    Node(Node(root))
suspended = root.walk()
next(suspended)

def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    return bump
bump = counter()
bump()

try:
    {}['missing']
except KeyError as e:
    caught = e

Point = collections.namedtuple('Point', 'x y')
text = json.dumps({'p': list(Point(1, 2))})
found = re.findall(r'\d', text)

@functools.lru_cache
def square(x):
    return x * x
square(3)

async def main():
    await asyncio.sleep(0)
    return await asyncio.gather(*(asyncio.sleep(0, i) for i in range(3)))
result = asyncio.run(main())
"#;

/// Run first, as a host's setup: each run makes a new `__main__`, and the
/// old one's function and class cycles must go too.
const SETUP: &str = r#"
class Helper:
    def again(self, n):
        return n if n < 1 else self.again(n - 1)
def helper():
    return Helper().again(2)
helper()
"#;

fn run_once() {
    let interp = tulip::Interpreter::new();
    if let Err(e) = interp.run_source(SETUP, "<setup>") {
        panic!("the setup failed: {e:?}");
    }
    if let Err(e) = interp.run_source(PROGRAM, "<leak>") {
        panic!("the program failed: {e:?}");
    }
}

#[test]
fn dropped_interpreters_free_their_objects() {
    // The first runs fill process-wide caches (the stdlib's parsed sources,
    // thread-local pools), which stay.
    for _ in 0..3 {
        run_once();
    }
    let before = LIVE.load(Ordering::Relaxed);
    const RUNS: isize = 20;
    for _ in 0..RUNS {
        run_once();
    }
    let grown = LIVE.load(Ordering::Relaxed) - before;
    eprintln!("live heap grew by {grown} bytes over {RUNS} interpreters");
    assert!(grown < 256 * RUNS, "each interpreter left {} bytes behind", grown / RUNS);
}

/// A host may keep values after dropping their interpreter: they stay
/// objects that can be dropped later, even a suspended generator whose
/// `finally` can no longer run.
#[test]
fn values_outlive_their_interpreter() {
    let interp = tulip::Interpreter::new();
    let source = "def g():\n    try:\n        yield 1\n    finally:\n        print('never')\nit = g()\nnext(it)\n";
    interp.run_source(source, "<kept>").expect("the program runs");
    let globals = interp.main_globals();
    let kept: Vec<_> = globals.table.borrow().values();
    drop(interp);
    assert!(kept.len() >= 2);
    drop(kept);
    drop(globals);
}
