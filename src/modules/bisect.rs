//! `_bisect`: binary search in sorted sequences, for `stdlib/bisect.py`.
//!
//! As in CPython's C `_bisect`: any sequence is accepted (items are read with
//! `a[i]`), only `<` is used, `hi=None` (or -1) means `len(a)`, and insort
//! inserts with `list.insert`, or the sequence's own `insert` method.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "bisect_left", bisect_left);
    def(vm, d, "bisect_right", bisect_right);
    def(vm, d, "insort_left", insort_left);
    def(vm, d, "insort_right", insort_right);
    Ok(())
}

/// The arguments of all four functions: `(a, x, lo=0, hi=None, *, key=None)`.
struct Call {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<Value>,
}

/// The four functions' bound arguments as a `Call`.
type Bound<'a> = ([&'a Value; 2], [Option<&'a Value>; 3]);

fn call_of(vm: &Vm, ([seq, x], [lo, hi, key]): Bound) -> PyResult<Call> {
    let lo = match lo {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let hi = match hi {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.index_value(v)?),
    };
    let key = key.filter(|k| !matches!(k, Value::None)).cloned();
    Ok(Call { a: seq.clone(), x: x.clone(), lo, hi, key })
}

/// The insertion index of `probe` (already passed through the key) in `c.a`:
/// in front of equal items (`right == false`) or behind them.
fn search(vm: &Vm, c: &Call, probe: &Value, right: bool) -> PyResult<i64> {
    let mut lo = c.lo;
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let mut hi = match c.hi {
        None | Some(-1) => vm.len(&c.a)? as i64,
        Some(hi) => hi,
    };
    while lo < hi {
        let middle = lo + (hi - lo) / 2;
        let mut item = vm.get_item(&c.a, &Value::Int(middle))?;
        if let Some(key) = &c.key {
            item = vm.call(key, &[item], &[])?;
        }
        let goes_before = if right { vm.lt(probe, &item)? } else { !vm.lt(&item, probe)? };
        if goes_before {
            hi = middle;
        } else {
            lo = middle + 1;
        }
    }
    Ok(lo)
}

fn bisect(vm: &Vm, args: Bound, right: bool) -> PyResult<Value> {
    let c = call_of(vm, args)?;
    Ok(Value::Int(search(vm, &c, &c.x, right)?))
}

fn insort(vm: &Vm, args: Bound, right: bool) -> PyResult<Value> {
    let c = call_of(vm, args)?;
    let probe = match &c.key {
        Some(key) => vm.call(key, std::slice::from_ref(&c.x), &[])?,
        None => c.x.clone(),
    };
    let index = search(vm, &c, &probe, right)?;
    match &c.a {
        Value::List(list) => {
            let mut items = list.items.borrow_mut();
            let at = (index.max(0) as usize).min(items.len());
            items.insert(at, c.x.clone());
        }
        other => {
            vm.call_method(other, "insert", &[Value::Int(index), c.x.clone()])?;
        }
    }
    Ok(Value::None)
}

fn bisect_left(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("bisect_left", "a, x, lo=0, hi=None, *, key=None").bind(vm, a, kw)?;
    bisect(vm, args, false)
}

fn bisect_right(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("bisect_right", "a, x, lo=0, hi=None, *, key=None").bind(vm, a, kw)?;
    bisect(vm, args, true)
}

fn insort_left(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("insort_left", "a, x, lo=0, hi=None, *, key=None").bind(vm, a, kw)?;
    insort(vm, args, false)
}

fn insort_right(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("insort_right", "a, x, lo=0, hi=None, *, key=None").bind(vm, a, kw)?;
    insort(vm, args, true)
}
