//! Native functions and methods called with generated arguments: every
//! builtin, every method of the builtin types (unbound, so the receiver is
//! an argument too) and every function of the native modules, with
//! boundary numbers, odd strings, containers, wrong types, misbehaving
//! objects, wrong argument counts and keywords. Each input becomes a short
//! program of guarded calls run through the harness of `src/lib.rs`.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;

#[global_allocator]
static ALLOC: tulip_fuzz::CappedAlloc = tulip_fuzz::CappedAlloc;

#[derive(Arbitrary, Debug)]
struct Call {
    callee: u16,
    args: Vec<Arg>,
    kwargs: Vec<(u8, Arg)>,
}

#[derive(Arbitrary, Debug)]
enum Arg {
    Pool(u8),
    Hostile(u8),
    List(Vec<Arg>),
    Tuple(Vec<Arg>),
    Dict(Vec<(Arg, Arg)>),
    Set(Vec<Arg>),
    /// A callee itself, as a value (a key function, say).
    Callee(u16),
    /// What another call returned, or the exception it raised.
    Result(Box<Call>),
    /// A function returning the argument, whatever it is called with.
    Lambda(Box<Arg>),
}

const MAX_CALLS: usize = 6;
const MAX_ITEMS: usize = 5;
const MAX_DEPTH: usize = 3;

/// The deeply nested containers, built only for programs that use them.
const DEEP: &str = "\
def _nest(depth, wrap):
    x = wrap(())
    for _ in range(depth):
        x = wrap((x,))
    return x
DEEP_TUPLE = _nest(20000, tuple)
DEEP_LIST = _nest(20000, list)
DEEP_FROZEN = _nest(5000, frozenset)
";

fuzz_target!(|calls: Vec<Call>| {
    let catalogue = tulip_fuzz::natives::catalogue();
    let callees = &catalogue.callees;
    let mut program = String::new();
    for call in calls.iter().take(MAX_CALLS) {
        let _ = write!(
            program,
            "try:\n    _a = {}\n    _cell[0] = _a[0] if _a else None\n    _touch({}(*_a{}))\nexcept BaseException:\n    pass\n",
            tuple(&call.args, callees, 0),
            callee(call.callee, callees),
            kwargs(&call.kwargs, callees, 0),
        );
    }
    let program = header(&program, &catalogue.modules);
    // A generator that wrote invalid source would test nothing.
    if let Err(e) = tulip::syntax::parse_module(&program) {
        panic!("generated program does not parse: {e:?}\n{program}");
    }
    tulip_fuzz::run_program(&catalogue.setup, &program);
});

/// `body` after the imports of the modules it names (and `DEEP`, if used).
fn header(body: &str, modules: &[String]) -> String {
    let mut out = String::new();
    for m in modules {
        let named = body.match_indices(&format!("{m}.")).any(|(at, _)| {
            at == 0 || !body[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
        });
        if named {
            let _ = writeln!(out, "import {m}");
        }
    }
    if body.contains("DEEP_") {
        out.push_str(DEEP);
    }
    out + body
}

fn callee(i: u16, callees: &[String]) -> &str {
    &callees[i as usize % callees.len()]
}

fn list(args: &[Arg], callees: &[String], depth: usize) -> String {
    args.iter().take(MAX_ITEMS).map(|a| arg(a, callees, depth)).collect::<Vec<_>>().join(", ")
}

fn tuple(items: &[Arg], callees: &[String], depth: usize) -> String {
    if items.is_empty() {
        "()".to_owned()
    } else {
        format!("({},)", list(items, callees, depth))
    }
}

fn kwargs(kw: &[(u8, Arg)], callees: &[String], depth: usize) -> String {
    let mut seen = Vec::new();
    let mut out = String::new();
    for (k, v) in kw.iter().take(3) {
        let name = KEYWORDS[*k as usize % KEYWORDS.len()];
        if !seen.contains(&name) {
            seen.push(name);
            let _ = write!(out, ", {name}={}", arg(v, callees, depth));
        }
    }
    out
}

fn arg(a: &Arg, callees: &[String], depth: usize) -> String {
    if depth >= MAX_DEPTH {
        return "None".to_owned();
    }
    let d = depth + 1;
    match a {
        Arg::Pool(i) => POOL[*i as usize % POOL.len()].to_owned(),
        Arg::Hostile(i) => HOSTILE[*i as usize % HOSTILE.len()].to_owned(),
        Arg::List(items) => format!("[{}]", list(items, callees, d)),
        Arg::Tuple(items) => tuple(items, callees, d),
        Arg::Set(items) => format!("_set({})", list(items, callees, d)),
        Arg::Dict(pairs) => {
            let items: Vec<String> =
                pairs.iter().take(MAX_ITEMS).map(|(k, v)| format!("({}, {})", arg(k, callees, d), arg(v, callees, d))).collect();
            format!("_dict({})", items.join(", "))
        }
        Arg::Callee(i) => callee(*i, callees).to_owned(),
        Arg::Result(call) => {
            format!("_call({}, {}{})", callee(call.callee, callees), tuple(&call.args, callees, d), kwargs(&call.kwargs, callees, d))
        }
        Arg::Lambda(body) => format!("(lambda *a, **k: {})", arg(body, callees, d)),
    }
}

include!("../src/pool.rs");
