//! `gc`: control of the cycle collector (`runtime::gc`).

use super::def;
use crate::eval::Vm;
use crate::runtime::gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let table: &[(&'static str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_count", get_count),
    ];
    for &(name, f) in table {
        def(vm, d, name, f);
    }
    // Objects the collector could not free; it can free every cycle.
    d.set_str(vm.intern("garbage"), Value::list(Vec::new()));
    Ok(())
}

fn collect(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [generation]) = crate::sig!("gc.collect", "generation=2").bind(vm, a, kw)?;
    let generation = match generation {
        Some(g) => vm.index_value(g)?,
        None => 2,
    };
    match usize::try_from(generation) {
        Ok(g @ 0..=2) => {
            let mut found = gc::collect_generation(g);
            // Unreachable objects with `__del__` were kept for it: it runs
            // now, as part of the collection, and they are freed after.
            if vm.orphans.pending.get() {
                vm.finalize_freed();
                found += gc::collect_generation(g);
            }
            Ok(Value::from(found))
        }
        _ => Err(vm.value_error("invalid generation")),
    }
}

fn enable(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("gc.enable", "").bind(vm, a, kw)?;
    gc::enable();
    Ok(Value::None)
}

fn disable(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("gc.disable", "").bind(vm, a, kw)?;
    gc::disable();
    Ok(Value::None)
}

fn isenabled(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("gc.isenabled", "").bind(vm, a, kw)?;
    Ok(Value::bool(gc::is_enabled()))
}

fn triple(items: [i64; 3]) -> Value {
    Value::tuple(items.iter().map(|&i| Value::Int(i)).collect())
}

fn get_threshold(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("gc.get_threshold", "").bind(vm, a, kw)?;
    Ok(triple(gc::thresholds()))
}

fn set_threshold(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([threshold0], [threshold1, threshold2]) =
        crate::sig!(tuple "set_threshold", "threshold0, threshold1=<unset>, threshold2=<unset>, /").bind(vm, a, kw)?;
    let mut t = gc::thresholds();
    let given = [Some(threshold0), threshold1, threshold2];
    let ints = given.into_iter().flatten().map(|v| c_int(vm, v)).collect::<PyResult<Vec<i64>>>()?;
    t[..ints.len()].copy_from_slice(&ints);
    gc::set_thresholds(t);
    Ok(Value::None)
}

/// An argument CPython converts to a C int.
fn c_int(vm: &Vm, v: &Value) -> PyResult<i64> {
    let i = match v.builtin_base() {
        Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        Value::BigInt(_) => i64::MAX,
        _ => vm.index_value(v)?,
    };
    match i32::try_from(i) {
        Ok(_) => Ok(i),
        Err(_) if i > 0 => Err(vm.overflow_error("signed integer is greater than maximum")),
        Err(_) => Err(vm.overflow_error("signed integer is less than minimum")),
    }
}

fn get_count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("gc.get_count", "").bind(vm, a, kw)?;
    Ok(triple(gc::counts().map(|c| c as i64)))
}
