//! The iteration protocol: `iter()`, `next()`, and draining iterables.

use super::Vm;
use crate::runtime::iter::{IterState, NativeIter};
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// An iterator's item: one value, or a pair not yet made into a tuple.
pub enum Item {
    One(Value),
    Two(Value, Value),
}

impl Item {
    pub fn into_value(self) -> Value {
        match self {
            Item::One(v) => v,
            Item::Two(a, b) => Value::pair(a, b),
        }
    }
}

/// The items a `for` loop or a comprehension walks: lists and tuples by
/// index, as their iterators do (a list growing during the loop is seen),
/// and ranges by arithmetic, without an iterator object; anything else
/// through `iter()`/`next()`.
pub enum LoopItems {
    Seq(Value, usize),
    Range { next: i64, step: i64, remaining: i64 },
    Iter(Value),
}

impl Vm {
    pub fn loop_items(&self, iterable: Value) -> PyResult<LoopItems> {
        Ok(match iterable {
            Value::List(_) | Value::Tuple(_) => LoopItems::Seq(iterable, 0),
            Value::Range(r) if r.fits_i64() => {
                LoopItems::Range { next: r.start as i64, step: r.step as i64, remaining: r.len() }
            }
            other => LoopItems::Iter(self.iter(&other)?),
        })
    }

    #[inline]
    pub fn next_loop_item(&self, items: &mut LoopItems) -> PyResult<Option<Value>> {
        match items {
            LoopItems::Seq(seq, i) => {
                let item = match seq {
                    Value::List(l) => l.items.borrow().get(*i).cloned(),
                    Value::Tuple(t) => t.items.get(*i).cloned(),
                    _ => None,
                };
                *i += 1;
                Ok(item)
            }
            LoopItems::Range { next, step, remaining } => Ok(range_next(next, *step, remaining).map(Value::Int)),
            LoopItems::Iter(it) => self.next(it),
        }
    }

    pub fn native_iter(&self, name: &'static str, state: IterState) -> Value {
        Value::Iter(Rc::new(NativeIter::new(name, state)))
    }

    pub fn iter(&self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(_) => self.native_iter("list_iterator", IterState::Seq { seq: v.clone(), pos: 0 }),
            Value::Tuple(_) => self.native_iter("tuple_iterator", IterState::Seq { seq: v.clone(), pos: 0 }),
            Value::Str(s) => {
                let name = if s.is_ascii() { "str_ascii_iterator" } else { "str_iterator" };
                self.native_iter(name, IterState::Seq { seq: v.clone(), pos: 0 })
            }
            Value::Bytes(_) => self.native_iter("bytes_iterator", IterState::Seq { seq: v.clone(), pos: 0 }),
            Value::ByteArray(_) => self.native_iter("bytearray_iterator", IterState::Seq { seq: v.clone(), pos: 0 }),
            Value::Range(r) => {
                if !r.fits_i64() {
                    let state = IterState::LongRange { next: r.start, step: r.step, remaining: r.len128() };
                    return Ok(self.native_iter("longrange_iterator", state));
                }
                self.native_iter(
                    "range_iterator",
                    IterState::Range { next: r.start as i64, step: r.step as i64, remaining: r.len() },
                )
            }
            Value::Dict(d) => self.dict_iter(v, d, 0),
            Value::Set(s) | Value::FrozenSet(s) => {
                let items = s.table.borrow().keys();
                let len = items.len();
                self.native_iter("set_iterator", IterState::Items { items, pos: 0, source: v.clone(), len })
            }
            Value::Iter(_) => v.clone(),
            Value::Generator(g) if g.kind == crate::compile::ir::CodeKind::Generator => v.clone(),
            Value::Native(n) => {
                if let Some(view) = n.data.borrow().downcast_ref::<crate::builtins::dict::DictView>() {
                    if let Some(d) = view.dict.as_dict() {
                        return Ok(self.dict_iter(&view.dict, d, view.what));
                    }
                }
                return self.iter_by_protocol(v);
            }
            _ => return self.iter_by_protocol(v),
        })
    }

    fn dict_iter(&self, v: &Value, d: &Dict, what: u8) -> Value {
        let t = d.table.borrow();
        let name = match what {
            0 => "dict_keyiterator",
            1 => "dict_valueiterator",
            _ => "dict_itemiterator",
        };
        self.native_iter(name, IterState::Dict { dict: v.clone(), pos: 0, version: t.version(), len: t.len(), what })
    }

    fn iter_by_protocol(&self, v: &Value) -> PyResult<Value> {
        let class = self.type_of(v);
        if let Some(f) = class.lookup(&self.names.iter) {
            if f.is_none() {
                return Err(self.type_error(format!("'{}' object is not iterable", class.instance_type_name().as_str())));
            }
            let it = self.call_special(f, v, &[])?;
            let ok = match &it {
                Value::Iter(_) | Value::Generator(_) => true,
                _ => self.type_of(&it).lookup(&self.names.next).is_some(),
            };
            if !ok {
                return Err(self.type_error(format!("iter() returned non-iterator of type '{}'", self.type_name(&it).as_str())));
            }
            return Ok(it);
        }
        if class.lookup(&self.names.getitem).is_some() && !matches!(v, Value::Class(_)) {
            return Ok(self.native_iter("iterator", IterState::GetItem { obj: v.clone(), index: 0 }));
        }
        Err(self.type_error(format!("'{}' object is not iterable", class.instance_type_name().as_str())))
    }

    /// Advances an iterator; `None` when it is exhausted.
    pub fn next(&self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(n) => {
                // A native consumer of a native iterator (`sum(range(2**62))`)
                // meets no other safe point.
                self.poll()?;
                self.next_native(n)
            }
            Value::Generator(g) => g.next(self),
            _ => {
                let class = self.type_of(it);
                let Some(f) = class.lookup(&self.names.next) else {
                    return Err(self.type_error(format!("'{}' object is not an iterator", class.instance_type_name().as_str())));
                };
                match self.call_special(f, it, &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_is(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    fn next_native(&self, n: &NativeIter) -> PyResult<Option<Value>> {
        Ok(self.advance_native(n)?.map(Item::into_value))
    }

    /// The next item of `it`, a pair left unmade where the iterator makes
    /// one only to have it unpacked (`for i, x in enumerate(xs)`, `for k, v
    /// in d.items()`, `for a, b in zip(xs, ys)`: no tuple per item).
    pub fn next_item(&self, it: &Value) -> PyResult<Option<Item>> {
        match it {
            Value::Iter(n) => {
                self.poll()?;
                self.advance_native(n)
            }
            _ => Ok(self.next(it)?.map(Item::One)),
        }
    }

    fn advance_native(&self, n: &NativeIter) -> PyResult<Option<Item>> {
        let mut st = n.state.borrow_mut();
        match &mut *st {
            IterState::Seq { seq, pos } => {
                let i = *pos;
                let item = match seq {
                    Value::List(l) => l.items.borrow().get(i).cloned(),
                    Value::Tuple(t) => t.items.get(i).cloned(),
                    Value::Str(s) => (i < s.char_len()).then(|| self.char_value(s.char_at(i))),
                    Value::Bytes(b) => b.data.get(i).map(|&c| Value::Int(c as i64)),
                    Value::ByteArray(b) => b.data.borrow().get(i).map(|&c| Value::Int(c as i64)),
                    _ => None,
                };
                match item {
                    Some(v) => {
                        *pos += 1;
                        Ok(Some(Item::One(v)))
                    }
                    None => {
                        *st = IterState::Done;
                        Ok(None)
                    }
                }
            }
            IterState::Range { next, step, remaining } => Ok(range_next(next, *step, remaining).map(|i| Item::One(Value::Int(i)))),
            IterState::LongRange { next, step, remaining } => {
                if *remaining <= 0 {
                    return Ok(None);
                }
                let item = *next;
                *remaining -= 1;
                // The step past the last item may leave i128; it is never read.
                *next = next.wrapping_add(*step);
                Ok(Some(Item::One(Value::from_i128(item))))
            }
            IterState::Dict { dict, pos, version, len, what } => {
                let Some(d) = dict.as_dict() else { return Ok(None) };
                let t = d.table.borrow();
                if t.len() != *len {
                    *len = usize::MAX;
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                if t.version() != *version {
                    return Err(self.runtime_error("dictionary keys changed during iteration"));
                }
                match t.next_from(*pos) {
                    Some((p, e)) => {
                        *pos = p;
                        Ok(Some(match what {
                            0 => Item::One(e.key.clone()),
                            1 => Item::One(e.value.clone()),
                            _ => Item::Two(e.key.clone(), e.value.clone()),
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterState::Items { items, pos, source, len } => {
                if let Some(s) = source.as_set() {
                    if s.len() != *len {
                        return Err(self.runtime_error("Set changed size during iteration"));
                    }
                }
                let v = items.get(*pos).cloned();
                *pos += 1;
                Ok(v.map(Item::One))
            }
            IterState::Enumerate { it, count } => {
                let it = it.clone();
                let c = count.clone();
                drop(st);
                match self.next(&it)? {
                    Some(v) => {
                        let next = match &c {
                            Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
                            _ => self.binary_op(
                                crate::compile::ir::BinOp::Arith(crate::runtime::int::ArithOp::Add),
                                c.clone(),
                                Value::Int(1),
                            )?,
                        };
                        if let IterState::Enumerate { count, .. } = &mut *n.state.borrow_mut() {
                            *count = next;
                        }
                        Ok(Some(Item::Two(c, v)))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { its, strict } => {
                let its = its.clone();
                let strict = *strict;
                drop(st);
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = crate::runtime::object::TupleItems::with_capacity(its.len());
                for (k, it) in its.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            *n.state.borrow_mut() = IterState::Done;
                            if strict {
                                if k > 0 {
                                    let plural = if k == 1 { " " } else { "s 1-" };
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is shorter than argument{}{}",
                                        k + 1,
                                        plural,
                                        k
                                    )));
                                }
                                for (j, rest) in its.iter().enumerate().skip(1) {
                                    if self.next(rest)?.is_some() {
                                        let plural = if j == 1 { " " } else { "s 1-" };
                                        return Err(self.value_error(format!(
                                            "zip() argument {} is longer than argument{}{}",
                                            j + 1,
                                            plural,
                                            j
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                if out.len() == 2 {
                    let b = out.pop();
                    let a = out.pop();
                    if let (Some(a), Some(b)) = (a, b) {
                        return Ok(Some(Item::Two(a, b)));
                    }
                }
                Ok(Some(Item::One(Value::tuple_of(out))))
            }
            IterState::Map { func, its } => {
                let (func, its) = (func.clone(), its.clone());
                drop(st);
                let mut args = Vec::with_capacity(its.len());
                for it in its.iter() {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, &args, &[]).map(|v| Some(Item::One(v)))
            }
            IterState::Filter { func, it } => {
                let (func, it) = (func.clone(), it.clone());
                drop(st);
                while let Some(v) = self.next(&it)? {
                    let keep = if func.is_none() { self.truthy(&v)? } else { self.truthy(&self.call(&func, &[v.clone()], &[])?)? };
                    if keep {
                        return Ok(Some(Item::One(v)));
                    }
                }
                Ok(None)
            }
            IterState::Reversed { seq, pos } => {
                if *pos == 0 {
                    return Ok(None);
                }
                let seq = seq.clone();
                let i = *pos - 1;
                *pos = i;
                drop(st);
                let len = self.len(&seq)?;
                if i >= len {
                    return Ok(None);
                }
                self.get_item(&seq, &Value::Int(i as i64)).map(|v| Some(Item::One(v)))
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let v = self.call(&func, &[], &[])?;
                if self.eq(&v, &sentinel)? {
                    *n.state.borrow_mut() = IterState::Done;
                    return Ok(None);
                }
                Ok(Some(Item::One(v)))
            }
            IterState::GetItem { obj, index } => {
                let (obj, i) = (obj.clone(), *index);
                *index += 1;
                drop(st);
                match self.get_item(&obj, &Value::Int(i)) {
                    Ok(v) => Ok(Some(Item::One(v))),
                    Err(e) if self.err_is(&e, "IndexError") || self.err_is(&e, "StopIteration") => {
                        *n.state.borrow_mut() = IterState::Done;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Done => Ok(None),
        }
    }

    /// All items of an iterable.
    pub fn collect(&self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.items.borrow().clone()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            _ => {
                let mut out = Vec::new();
                self.extend_from_iterable(&mut out, v)?;
                Ok(out)
            }
        }
    }

    pub fn extend_from_iterable(&self, out: &mut Vec<Value>, v: &Value) -> PyResult<()> {
        match v {
            Value::List(l) => out.extend(l.items.borrow().iter().cloned()),
            Value::Tuple(t) => out.extend(t.items.iter().cloned()),
            _ => {
                if let Value::Range(r) = v {
                    // As CPython, which sizes the list from the range first.
                    out.try_reserve_exact(usize::try_from(r.len()).unwrap_or(0)).map_err(|_| self.memory_error())?;
                }
                let it = self.iter(v)?;
                self.extend_from_iterator(out, &it)?;
            }
        }
        Ok(())
    }

    /// Appends what the iterator `it` yields.
    pub fn extend_from_iterator(&self, out: &mut Vec<Value>, it: &Value) -> PyResult<()> {
        while let Some(x) = self.next(it)? {
            // Growth fails as a MemoryError, not an abort.
            if out.len() == out.capacity() {
                out.try_reserve(out.len().max(4)).map_err(|_| self.memory_error())?;
            }
            out.push(x);
        }
        Ok(())
    }
}

/// The next item of a range walk; the step past the last item may wrap,
/// and is never read.
#[inline]
fn range_next(next: &mut i64, step: i64, remaining: &mut i64) -> Option<i64> {
    if *remaining <= 0 {
        return None;
    }
    let item = *next;
    *next = next.wrapping_add(step);
    *remaining -= 1;
    Some(item)
}
