//! `_heapq`: the heap moves of `stdlib/heapq.py`, on lists, in Rust.
//!
//! A min-heap keeps `heap[k] <= heap[2k+1]` and `heap[k] <= heap[2k+2]`; the
//! `_max` variants (used by `heapq.merge(reverse=True)`) keep the opposite.
//! Items are compared with `<` only, in the order CPython's C `_heapq` uses,
//! so heaps have CPython's layout. Comparisons can run Python code that
//! changes the list: its length is checked after each one, as CPython does.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "heappush", heappush);
    def(vm, d, "heappop", heappop);
    def(vm, d, "heapify", heapify);
    def(vm, d, "heapreplace", heapreplace);
    def(vm, d, "heappushpop", heappushpop);
    def(vm, d, "_heappop_max", heappop_max);
    def(vm, d, "_heapreplace_max", heapreplace_max);
    def(vm, d, "_heapify_max", heapify_max);
    Ok(())
}

/// Which way the heap is ordered.
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

impl Order {
    /// Whether `a` belongs above `b` (nearer the root).
    fn above(self, vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
        match self {
            Order::Min => vm.lt(a, b),
            Order::Max => vm.lt(b, a),
        }
    }
}

/// The list argument, with CPython's wording when it is not a list.
fn heap_arg(vm: &Vm, fname: &str, argument: &str, v: &Value) -> PyResult<Rc<List>> {
    match v.base_value() {
        Value::List(l) => Ok(l),
        _ => {
            let given = if matches!(v, Value::None) { "None".to_string() } else { vm.type_name(v).as_str().to_string() };
            Err(vm.type_error(format!("{fname}() {argument} must be list, not {given}")))
        }
    }
}

#[cold]
fn changed_size(vm: &Vm) -> PyErr {
    vm.runtime_error("list changed size during iteration")
}

#[cold]
fn empty_heap(vm: &Vm) -> PyErr {
    vm.index_error("index out of range")
}

fn item(heap: &List, i: usize) -> Value {
    heap.items.borrow()[i].clone()
}

/// Moves the item at `pos` up towards `root` while it belongs above its parent.
fn rise(vm: &Vm, heap: &List, order: Order, root: usize, mut pos: usize) -> PyResult<()> {
    let size = heap.items.borrow().len();
    while pos > root {
        let parent = (pos - 1) >> 1;
        let moves_up = order.above(vm, &item(heap, pos), &item(heap, parent))?;
        if heap.items.borrow().len() != size {
            return Err(changed_size(vm));
        }
        if !moves_up {
            break;
        }
        heap.items.borrow_mut().swap(parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Restores the heap below `pos` after its item was replaced: the hole walks
/// down to a leaf along the children that belong higher (one comparison per
/// level), then the item rises back into place.
fn sink(vm: &Vm, heap: &List, order: Order, pos: usize) -> PyResult<()> {
    let size = heap.items.borrow().len();
    let root = pos;
    let mut pos = pos;
    while pos < size >> 1 {
        let mut child = 2 * pos + 1;
        if child + 1 < size {
            let right_first = !order.above(vm, &item(heap, child), &item(heap, child + 1))?;
            if heap.items.borrow().len() != size {
                return Err(changed_size(vm));
            }
            child += right_first as usize;
        }
        heap.items.borrow_mut().swap(child, pos);
        pos = child;
    }
    rise(vm, heap, order, root, pos)
}

pub fn heappush(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([heap_v, item], []) = crate::sig!("_heapq.heappush", "heap, item, /").bind(vm, a, kw)?;
    let heap = heap_arg(vm, "heappush", "argument 1", heap_v)?;
    let last = {
        let mut items = heap.items.borrow_mut();
        items.push(item.clone());
        items.len() - 1
    };
    rise(vm, &heap, Order::Min, 0, last)?;
    Ok(Value::None)
}

/// Removes the root: the last item takes its place and sinks.
fn pop_root(vm: &Vm, heap: &List, order: Order) -> PyResult<Value> {
    let last = heap.items.borrow_mut().pop().ok_or_else(|| empty_heap(vm))?;
    let top = {
        let mut items = heap.items.borrow_mut();
        match items.first_mut() {
            Some(slot) => std::mem::replace(slot, last),
            None => return Ok(last),
        }
    };
    sink(vm, heap, order, 0)?;
    Ok(top)
}

/// Puts `new` at the root and sinks it; returns the old root.
fn replace_root(vm: &Vm, heap: &List, order: Order, new: Value) -> PyResult<Value> {
    let top = {
        let mut items = heap.items.borrow_mut();
        match items.first_mut() {
            Some(slot) => std::mem::replace(slot, new),
            None => return Err(empty_heap(vm)),
        }
    };
    sink(vm, heap, order, 0)?;
    Ok(top)
}

fn make_heap(vm: &Vm, heap: &List, order: Order) -> PyResult<()> {
    let size = heap.items.borrow().len();
    for pos in (0..size / 2).rev() {
        sink(vm, heap, order, pos)?;
    }
    Ok(())
}

fn heappop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([heap_v], []) = crate::sig!("_heapq.heappop", "heap, /").bind(vm, a, kw)?;
    let heap = heap_arg(vm, "heappop", "argument", heap_v)?;
    pop_root(vm, &heap, Order::Min)
}

fn heapreplace(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([heap_v, item], []) = crate::sig!("_heapq.heapreplace", "heap, item, /").bind(vm, a, kw)?;
    let heap = heap_arg(vm, "heapreplace", "argument 1", heap_v)?;
    replace_root(vm, &heap, Order::Min, item.clone())
}

fn heappushpop(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([heap_v, item], []) = crate::sig!("_heapq.heappushpop", "heap, item, /").bind(vm, a, kw)?;
    let heap = heap_arg(vm, "heappushpop", "argument 1", heap_v)?;
    let top = match heap.items.borrow().first() {
        Some(top) => top.clone(),
        None => return Ok(item.clone()),
    };
    // The new item goes straight back out unless the root is smaller.
    if !vm.lt(&top, item)? {
        return Ok(item.clone());
    }
    replace_root(vm, &heap, Order::Min, item.clone())
}

fn heapify(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([heap_v], []) = crate::sig!("_heapq.heapify", "heap, /").bind(vm, a, kw)?;
    let heap = heap_arg(vm, "heapify", "argument", heap_v)?;
    make_heap(vm, &heap, Order::Min)?;
    Ok(Value::None)
}

fn heappop_max(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([heap_v], []) = crate::sig!("_heapq._heappop_max", "heap, /").bind(vm, a, kw)?;
    let heap = heap_arg(vm, "_heappop_max", "argument", heap_v)?;
    pop_root(vm, &heap, Order::Max)
}

fn heapreplace_max(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([heap_v, item], []) = crate::sig!("_heapq._heapreplace_max", "heap, item, /").bind(vm, a, kw)?;
    let heap = heap_arg(vm, "_heapreplace_max", "argument 1", heap_v)?;
    replace_root(vm, &heap, Order::Max, item.clone())
}

fn heapify_max(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([heap_v], []) = crate::sig!("_heapq._heapify_max", "heap, /").bind(vm, a, kw)?;
    let heap = heap_arg(vm, "_heapify_max", "argument", heap_v)?;
    make_heap(vm, &heap, Order::Max)?;
    Ok(Value::None)
}
