//! Operators and the object protocols behind them: truth, hashing,
//! equality and ordering, arithmetic with dunders and `NotImplemented`,
//! containment, subscription, `len`.

use super::Vm;
use crate::compile::ir::{BinOp, CmpOp, UnaryOp};
use crate::runtime::alloc;
use crate::runtime::dict::{native_eq, DictTable, Probe};
use crate::runtime::gc;
use crate::runtime::int::{self, ArithOp, Num};
use crate::runtime::object::*;
use crate::runtime::search;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::MatMul => "@",
        BinOp::Arith(a) => match a {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::TrueDiv => "/",
            ArithOp::FloorDiv => "//",
            ArithOp::Mod => "%",
            ArithOp::Pow => "**",
            ArithOp::LShift => "<<",
            ArithOp::RShift => ">>",
            ArithOp::And => "&",
            ArithOp::Or => "|",
            ArithOp::Xor => "^",
        },
    }
}

/// A builtin sequence with repetition (`seq * n`).
fn repeatable(v: &Value) -> bool {
    matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_))
}

/// The dunder names of a binary operator: normal, reflected, in-place.
pub fn op_dunders(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Arith(a) => match a {
            ArithOp::Add => ("__add__", "__radd__", "__iadd__"),
            ArithOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            ArithOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            ArithOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            ArithOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            ArithOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            ArithOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            ArithOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            ArithOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            ArithOp::And => ("__and__", "__rand__", "__iand__"),
            ArithOp::Or => ("__or__", "__ror__", "__ior__"),
            ArithOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        },
    }
}

pub fn cmp_dunder(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        CmpOp::Ne => ("__ne__", "__ne__", "!="),
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::Le => ("__le__", "__ge__", "<="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        CmpOp::Ge => ("__ge__", "__le__", ">="),
        _ => ("", "", ""),
    }
}

/// Values whose operators are found as dunders on their class: instances,
/// and native objects (dict views define their set operators that way).
fn is_user_object(v: &Value) -> bool {
    matches!(v, Value::Instance(_) | Value::Native(_))
}

impl Vm {
    #[inline(always)]
    pub fn truthy(&self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(b.get()),
            Value::None => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            _ => self.truthy_object(v),
        }
    }

    #[inline(never)]
    fn truthy_object(&self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => b.get(),
            Value::None => false,
            Value::Int(i) => *i != 0,
            Value::Float(f) => f.get() != 0.0,
            Value::Str(s) => s.char_len() != 0,
            Value::List(l) => !l.items.borrow().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => d.len() != 0,
            Value::Set(s) | Value::FrozenSet(s) => s.len() != 0,
            Value::BigInt(b) => !b.is_zero(),
            Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
            Value::Bytes(b) => !b.data.is_empty(),
            Value::ByteArray(b) => !b.data.borrow().is_empty(),
            Value::Range(r) => r.len() != 0,
            // Native objects of module types (a ready queue) may define them too.
            Value::Instance(_) | Value::Native(_) => {
                let class = self.type_of(v);
                if let Some(b) = class.lookup(&self.names.bool_) {
                    let r = self.call_special(b, v, &[])?;
                    return match r {
                        Value::Bool(b) => Ok(b.get()),
                        _ => Err(self.type_error(format!("__bool__ should return bool, returned {}", self.type_name(&r).as_str()))),
                    };
                }
                if class.lookup(&self.names.len).is_some() {
                    return Ok(self.len(v)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    pub fn len(&self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.items.borrow().len(),
            Value::Tuple(t) => t.items.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) | Value::FrozenSet(s) => s.len(),
            Value::Bytes(b) => b.data.len(),
            Value::ByteArray(b) => b.data.borrow().len(),
            Value::Range(r) => {
                if r.len128() > i64::MAX as i128 {
                    return Err(self.overflow_error("Python int too large to convert to C ssize_t"));
                }
                r.len() as usize
            }
            Value::Native(n) if n.data.borrow().is::<crate::builtins::dict::DictView>() => {
                let dict = n.data.borrow().downcast_ref::<crate::builtins::dict::DictView>().map(|view| view.dict.clone());
                return self.len(&dict.unwrap_or(Value::None));
            }
            _ => {
                let class = self.type_of(v);
                let Some(f) = class.lookup(&self.names.len) else {
                    return Err(self.type_error(format!("object of type '{}' has no len()", self.type_name(v).as_str())));
                };
                let r = self.call_special(f, v, &[])?;
                let n = self.index_value(&r).map_err(|_| {
                    self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(&r).as_str()))
                })?;
                if n < 0 {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                n as usize
            }
        })
    }

    /// An int from `__index__` (ints, bools, or objects defining it).
    /// An integer argument of a native (CPython's `PyNumber_AsSsize_t` with
    /// OverflowError): an int, or an object with `__index__`.
    pub fn index_value(&self, v: &Value) -> PyResult<i64> {
        self.index_or(v, || self.overflow_error("Python int too large to convert to C ssize_t"))
    }

    /// An integer argument CPython keeps in a C int.
    pub fn c_int_value(&self, v: &Value) -> PyResult<i32> {
        match self.index_int(v)? {
            Value::Int(i) if i32::try_from(i).is_ok() => Ok(i as i32),
            _ => Err(self.overflow_error("Python int too large to convert to C int")),
        }
    }

    /// A subscript (`seq[i]`): as `index_value`, but an int beyond 64 bits
    /// is CPython's IndexError.
    pub fn subscript_index(&self, v: &Value) -> PyResult<i64> {
        self.index_or(v, || self.new_error("IndexError", self.cannot_fit(v)))
    }

    /// CPython's message for an index beyond 64 bits, naming `v`'s type.
    pub fn cannot_fit(&self, v: &Value) -> String {
        format!("cannot fit '{}' into an index-sized integer", self.type_name(v).as_str())
    }

    fn index_or(&self, v: &Value, too_big: impl Fn() -> PyErr) -> PyResult<i64> {
        match self.index_int(v)? {
            Value::Int(i) => Ok(i),
            _ => Err(too_big()),
        }
    }

    /// `operator.index(v)`: an int (`Value::Int` or `Value::BigInt`) from
    /// an int, a bool, an int subclass or an object with `__index__`.
    pub fn index_int(&self, v: &Value) -> PyResult<Value> {
        match v.builtin_base() {
            Value::Int(i) => return Ok(Value::Int(*i)),
            Value::Bool(b) => return Ok(Value::Int(*b as i64)),
            big @ Value::BigInt(_) => return Ok(big.clone()),
            _ => {}
        }
        let Some(f) = self.type_of(v).lookup(&self.names.index) else {
            return Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(v).as_str())));
        };
        let r = self.call_special(f, v, &[])?;
        match r.builtin_base() {
            Value::Int(i) => Ok(Value::Int(*i)),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            big @ Value::BigInt(_) => Ok(big.clone()),
            _ => Err(self.type_error(format!("__index__ returned non-int (type {})", self.type_name(&r).as_str()))),
        }
    }

    // ----- hashing and equality -----

    #[inline]
    pub fn hash(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Str(s) => Ok(s.hash()),
            Value::Int(i) => Ok(int::hash_i64(*i)),
            _ => self.hash_object(v),
        }
    }

    #[inline(never)]
    fn hash_object(&self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Str(s) => s.hash(),
            Value::Int(i) => int::hash_i64(*i),
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) => int::hash_bigint(b),
            Value::Float(f) => int::hash_f64(f.get()).unwrap_or_else(|| id_hash(v)),
            Value::None => 0x5f5f_4e6f,
            Value::Tuple(t) => {
                let mut hs = Vec::with_capacity(t.items.len());
                for x in t.items.iter() {
                    hs.push(self.hash(x)?);
                }
                tuple_hash(&hs)
            }
            Value::Bytes(b) => crate::runtime::str::hash_str(unsafe_bytes_as_str(&b.data)),
            Value::FrozenSet(s) => {
                if let Some(h) = s.hash.get() {
                    return Ok(h);
                }
                let keys = s.table.borrow().keys();
                let mut hs = Vec::with_capacity(keys.len());
                for k in &keys {
                    hs.push(self.hash(k)?);
                }
                let h = frozenset_hash(&hs);
                s.hash.set(Some(h));
                h
            }
            Value::Complex(c) => {
                let re = int::hash_f64(c.re).unwrap_or(0);
                let im = int::hash_f64(c.im).unwrap_or(0);
                let h = re.wrapping_add(im.wrapping_mul(1000003));
                if h == -1 {
                    -2
                } else {
                    h
                }
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::ByteArray(_) | Value::Slice(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v).as_str())))
            }
            Value::Instance(_) | Value::Native(_) => {
                let class = self.type_of(v);
                match class.lookup(&self.names.hash) {
                    Some(Value::None) => {
                        return Err(self.type_error(format!("unhashable type: '{}'", class.instance_type_name().as_str())));
                    }
                    Some(Value::Builtin(b)) if crate::builtins::is_native(&b, crate::builtins::object::object_hash) => id_hash(v),
                    Some(f) => {
                        let r = self.call_special(f, v, &[])?;
                        match r.builtin_base() {
                            Value::Int(i) => {
                                if *i == -1 {
                                    -2
                                } else {
                                    *i
                                }
                            }
                            Value::BigInt(b) => int::hash_bigint(b),
                            Value::Bool(b) => *b as i64,
                            _ => return Err(self.type_error("__hash__ method should return an integer")),
                        }
                    }
                    None => id_hash(v),
                }
            }
            // Consistent with equality: by what is bound to what.
            Value::Method(m) => not_minus_one(id_hash(&m.self_) ^ id_hash(&m.func)),
            Value::Builtin(b) => match &b.bound {
                Some(bound) => not_minus_one(id_hash(bound) ^ ((b.func as usize as u64).rotate_right(4) as i64)),
                None => id_hash(v),
            },
            _ => id_hash(v),
        })
    }

    /// `a == b` as a bool.
    pub fn eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = native_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool (sorting, min/max).
    pub fn lt(&self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x.get() < y.get()),
            (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
            _ => {
                let r = self.rich_compare(a, b, CmpOp::Lt)?;
                self.truthy(&r)
            }
        }
    }

    /// A comparison operator with the full protocol (reflection, NotImplemented).
    pub fn rich_compare(&self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if !is_user_object(a) && !is_user_object(b) {
            if let Some(r) = self.native_compare(a, b, op)? {
                return Ok(Value::bool(r));
            }
            let heap = self.type_of(a).is_heap || self.type_of(b).is_heap;
            if !heap && matches!(op, CmpOp::Eq | CmpOp::Ne) && !matches!(a, Value::Native(_)) && !matches!(b, Value::Native(_)) {
                let same = a.is(b);
                return Ok(Value::bool(if op == CmpOp::Eq { same } else { !same }));
            }
        }
        let (name, rname, sym) = cmp_dunder(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let reflected_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta) && self.overrides(&tb, rname);
        if reflected_first {
            if let Some(r) = self.try_dunder(&tb, b, rname, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_dunder(&ta, a, name, b)? {
            return Ok(r);
        }
        if !reflected_first {
            if let Some(r) = self.try_dunder(&tb, b, rname, a)? {
                return Ok(r);
            }
        }
        // Instances of builtin subclasses (class T(tuple)) compare by their
        // builtin value when no dunder decided.
        let (ba, bb) = (a.base_value(), b.base_value());
        if !(ba.is(a) && bb.is(b)) && !is_user_object(&ba) && !is_user_object(&bb) {
            if let Some(r) = self.native_compare(&ba, &bb, op)? {
                return Ok(Value::bool(r));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a.is(b))),
            // object.__ne__ (inverting __eq__) was among the methods tried.
            CmpOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                sym,
                ta.instance_type_name().as_str(),
                tb.instance_type_name().as_str()
            ))),
        }
    }

    /// Whether `class` defines `name` somewhere other than in builtin types.
    fn overrides(&self, class: &Rc<Class>, name: &'static str) -> bool {
        let name = self.static_sym(name);
        match class.lookup_with_owner(&name) {
            Some((_, owner)) => owner.is_heap,
            None => false,
        }
    }

    /// Calls `obj.name(other)`; `None` when missing or NotImplemented.
    fn try_dunder(&self, class: &Rc<Class>, obj: &Value, name: &'static str, other: &Value) -> PyResult<Option<Value>> {
        let Some(f) = class.lookup(&self.static_sym(name)) else { return Ok(None) };
        if f.is_none() {
            return Ok(None);
        }
        let r = self.call_special(f, obj, &[other.clone()])?;
        if matches!(r, Value::NotImplemented) {
            return Ok(None);
        }
        Ok(Some(r))
    }

    /// Comparisons between builtin values; `None` when the types don't compare.
    pub fn native_compare(&self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        let ord = match (a.builtin_base(), b.builtin_base()) {
            (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
            (Value::Bytes(x), Value::Bytes(y)) => Some(x.data.cmp(&y.data)),
            (Value::ByteArray(x), Value::ByteArray(y)) => Some(x.data.borrow().cmp(&y.data.borrow())),
            (Value::Bytes(x), Value::ByteArray(y)) => Some((*x.data).cmp(&y.data.borrow()[..])),
            (Value::ByteArray(x), Value::Bytes(y)) => Some(x.data.borrow()[..].cmp(&*y.data)),
            (x, y) if Num::of(x).is_some() && Num::of(y).is_some() => {
                let o = int::numeric_cmp(x, y);
                match o {
                    Some(o) => Some(o),
                    None => return Ok(Some(op == CmpOp::Ne)),
                }
            }
            // Tuples are immutable: compared in place.
            (Value::Tuple(x), Value::Tuple(y)) => return self.sequence_compare(&x.items, &y.items, op).map(Some),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.items.borrow().clone(), y.items.borrow().clone());
                return self.sequence_compare(&x, &y, op).map(Some);
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                return self.set_compare(a, b, op);
            }
            (Value::Dict(x), Value::Dict(y)) => {
                return match op {
                    CmpOp::Eq => Ok(Some(self.dict_eq(x, y)?)),
                    CmpOp::Ne => Ok(Some(!self.dict_eq(x, y)?)),
                    _ => Ok(None),
                };
            }
            (Value::Complex(_), _) | (_, Value::Complex(_)) => {
                return match (op, native_eq(a, b)) {
                    (CmpOp::Eq, Some(r)) => Ok(Some(r)),
                    (CmpOp::Ne, Some(r)) => Ok(Some(!r)),
                    _ => Ok(None),
                };
            }
            (Value::Method(x), Value::Method(y)) => {
                let same = x.func.is(&y.func) && x.self_.is(&y.self_);
                return Ok(match op {
                    CmpOp::Eq => Some(same),
                    CmpOp::Ne => Some(!same),
                    _ => None,
                });
            }
            // Bound builtin methods are made at each lookup (`[].append`):
            // equal when they bind the same object to the same function.
            (Value::Builtin(x), Value::Builtin(y)) if x.bound.is_some() && y.bound.is_some() => {
                let same = Rc::ptr_eq(x, y) || same_bound_builtin(x, y);
                return Ok(match op {
                    CmpOp::Eq => Some(same),
                    CmpOp::Ne => Some(!same),
                    _ => None,
                });
            }
            (Value::Slice(x), Value::Slice(y)) => {
                let (p, q) = (vec![x.start.clone(), x.stop.clone(), x.step.clone()], vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
                return self.sequence_compare(&p, &q, op).map(Some);
            }
            (Value::Range(x), Value::Range(y)) => {
                let same = (x.len() == y.len()) && (x.len() == 0 || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                return match op {
                    CmpOp::Eq => Ok(Some(same)),
                    CmpOp::Ne => Ok(Some(!same)),
                    _ => Ok(None),
                };
            }
            _ => None,
        };
        Ok(ord.map(|o| satisfies(o, op)))
    }

    fn sequence_compare(&self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        // Sort keys and records (`(group, -score, name)`): decided in place.
        if let Some(o) = simple_order(x, y) {
            return Ok(satisfies(o, op));
        }
        self.enter_recursion().map_err(|_| self.new_error("RecursionError", "maximum recursion depth exceeded in comparison"))?;
        let r = self.sequence_compare_items(x, y, op);
        self.leave_recursion();
        r
    }

    fn sequence_compare_items(&self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
            return Ok(op == CmpOp::Ne);
        }
        for (a, b) in x.iter().zip(y) {
            if !self.eq(a, b)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.rich_compare(a, b, op)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(satisfies(x.len().cmp(&y.len()), op))
    }

    fn set_compare(&self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        let (Some(x), Some(y)) = (a.as_set(), b.as_set()) else { return Ok(None) };
        let (lx, ly) = (x.len(), y.len());
        let x_in_y = || -> PyResult<bool> {
            for k in x.table.borrow().keys() {
                if !self.set_contains(y, &k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let y_in_x = || -> PyResult<bool> {
            for k in y.table.borrow().keys() {
                if !self.set_contains(x, &k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        Ok(Some(match op {
            CmpOp::Eq => lx == ly && x_in_y()?,
            CmpOp::Ne => !(lx == ly && x_in_y()?),
            CmpOp::Le => lx <= ly && x_in_y()?,
            CmpOp::Lt => lx < ly && x_in_y()?,
            CmpOp::Ge => lx >= ly && y_in_x()?,
            CmpOp::Gt => lx > ly && y_in_x()?,
            _ => return Ok(None),
        }))
    }

    fn dict_eq(&self, x: &Dict, y: &Dict) -> PyResult<bool> {
        self.enter_recursion().map_err(|_| self.new_error("RecursionError", "maximum recursion depth exceeded in comparison"))?;
        let r = self.dict_eq_items(x, y);
        self.leave_recursion();
        r
    }

    fn dict_eq_items(&self, x: &Dict, y: &Dict) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        let entries: Vec<(Value, Value)> = x.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
        for (k, v) in entries {
            match self.dict_get(y, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    // ----- arithmetic -----

    pub fn binary_op(&self, op: BinOp, x: Value, y: Value) -> PyResult<Value> {
        self.binary_dispatch(op, x, y, false)
    }

    /// `x op y` by the full protocol; `inplace` only names the operator in
    /// the error (`+=` for an augmented assignment that fell back to `+`).
    fn binary_dispatch(&self, op: BinOp, x: Value, y: Value, inplace: bool) -> PyResult<Value> {
        // Classes find operators on their metaclass (`int | None`).
        let operand_dunders = |v: &Value| is_user_object(v) || matches!(v, Value::Class(_));
        if !operand_dunders(&x) && !operand_dunders(&y) {
            if let Some(r) = self.binary_native(op, &x, &y)? {
                return Ok(r);
            }
            return Err(self.binary_error(op, &x, &y, inplace));
        }
        let (name, rname, _) = op_dunders(op);
        let tx = self.type_of(&x);
        let ty = self.type_of(&y);
        let reflected_first = !Rc::ptr_eq(&tx, &ty) && ty.is_subclass(&tx) && self.overrides(&ty, rname);
        if reflected_first {
            if let Some(r) = self.try_dunder(&ty, &y, rname, &x)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_dunder(&tx, &x, name, &y)? {
            return Ok(r);
        }
        // A builtin sequence on the right has no numeric slot in CPython:
        // its repetition is only tried below, as the sequence protocol.
        let sequence_rhs = op == BinOp::Arith(ArithOp::Mul) && repeatable(&y);
        if !reflected_first && !Rc::ptr_eq(&tx, &ty) && !sequence_rhs {
            if let Some(r) = self.try_dunder(&ty, &y, rname, &x)? {
                return Ok(r);
            }
        }
        // A sequence repeated by an object with `__index__`.
        if op == BinOp::Arith(ArithOp::Mul) {
            for (seq, n) in [(&x, &y), (&y, &x)] {
                if matches!(seq.builtin_base(), Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)) {
                    if let Ok(count) = self.index_value(n) {
                        if let Some(r) = self.binary_native(op, &seq.base_value(), &Value::Int(count))? {
                            return Ok(r);
                        }
                    }
                }
            }
        }
        Err(self.binary_error(op, &x, &y, inplace))
    }

    pub fn binary_type_error(&self, op: BinOp, x: &Value, y: &Value) -> PyErr {
        self.binary_error(op, x, y, false)
    }

    /// A type with CPython's sequence protocol but no repetition (a dict, a
    /// set, a range, a class): `x *= seq` does not try `seq`'s repetition.
    fn is_sequence_without_repeat(&self, x: &Value) -> bool {
        match x.builtin_base() {
            Value::Dict(_) | Value::Set(_) | Value::FrozenSet(_) | Value::Range(_) => true,
            base if repeatable(base) => false,
            // Classes made by scripts always have sequence slots in CPython;
            // builtin exceptions and plain `object()`s have none.
            _ => self.type_of(x).is_heap || matches!(self.type_name(x).as_str(), "dict_keys" | "dict_values" | "dict_items"),
        }
    }

    fn binary_error(&self, op: BinOp, x: &Value, y: &Value, inplace: bool) -> PyErr {
        let suffix = if inplace { "=" } else { "" };
        let (tx, ty) = (self.type_name(x), self.type_name(y));
        match (op, x.builtin_base(), y.builtin_base()) {
            (BinOp::Arith(ArithOp::Add), Value::Str(_), _) => {
                self.type_error(format!("can only concatenate str (not \"{}\") to str", ty.as_str()))
            }
            (BinOp::Arith(ArithOp::Add), Value::List(_), _) => {
                self.type_error(format!("can only concatenate list (not \"{}\") to list", ty.as_str()))
            }
            (BinOp::Arith(ArithOp::Add), Value::Tuple(_), _) => {
                self.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", ty.as_str()))
            }
            (BinOp::Arith(ArithOp::Add), Value::Bytes(_) | Value::ByteArray(_), _) => {
                self.type_error(format!("can't concat {} to {}", ty.as_str(), tx.as_str()))
            }
            (BinOp::Arith(ArithOp::Mul), a, b) if (repeatable(a) || repeatable(b)) && !(inplace && self.is_sequence_without_repeat(x)) => {
                let other = if repeatable(a) { ty } else { tx };
                self.type_error(format!("can't multiply sequence by non-int of type '{}'", other.as_str()))
            }
            (BinOp::Arith(ArithOp::Pow), _, _) if !inplace => self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                tx.as_str(),
                ty.as_str()
            )),
            _ => self.type_error(format!(
                "unsupported operand type(s) for {}{suffix}: '{}' and '{}'",
                op_symbol(op),
                tx.as_str(),
                ty.as_str()
            )),
        }
    }

    /// Operators between builtin values; `None` when the types don't combine.
    pub fn binary_native(&self, op: BinOp, x: &Value, y: &Value) -> PyResult<Option<Value>> {
        let BinOp::Arith(a) = op else { return Ok(None) };
        let (xb, yb) = (x.builtin_base(), y.builtin_base());
        if let (Value::Bool(p), Value::Bool(q)) = (xb, yb) {
            let (p, q) = (p.get(), q.get());
            match a {
                ArithOp::And => return Ok(Some(Value::bool(p & q))),
                ArithOp::Or => return Ok(Some(Value::bool(p | q))),
                ArithOp::Xor => return Ok(Some(Value::bool(p ^ q))),
                _ => {}
            }
        }
        if let (Some(p), Some(q)) = (Num::of(xb), Num::of(yb)) {
            return match int::arith(a, p, q) {
                Some(Ok(v)) => Ok(Some(v)),
                Some(Err(int::NumErr::Value("complex"))) => {
                    let (re, im) = complex_pow((p.to_f64().unwrap_or(0.0), 0.0), (q.to_f64().unwrap_or(0.0), 0.0));
                    Ok(Some(Value::Complex(Rc::new(Complex { re, im }))))
                }
                Some(Err(e)) => Err(self.num_err(e)),
                None => Ok(None),
            };
        }
        Ok(match (a, xb, yb) {
            (ArithOp::Add, Value::Str(s), Value::Str(t)) => {
                let mut out = String::with_capacity(s.as_str().len() + t.as_str().len());
                out.push_str(s.as_str());
                out.push_str(t.as_str());
                Some(Value::string(out))
            }
            (ArithOp::Mul, Value::Str(s), n) | (ArithOp::Mul, n, Value::Str(s)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                Some(Value::string(alloc::repeat_str(s.as_str(), n).map_err(|_| self.memory_error())?))
            }
            (ArithOp::Mod, Value::Str(s), _) => Some(self.percent_format_str(s.as_str(), y)?),
            (ArithOp::Add, Value::List(p), Value::List(q)) => {
                let mut v = p.items.borrow().clone();
                v.extend(q.items.borrow().iter().cloned());
                Some(Value::list(v))
            }
            (ArithOp::Mul, Value::List(l), n) | (ArithOp::Mul, n, Value::List(l)) if is_int(n) => {
                let items = l.items.borrow();
                let n = self.repeat_count(n)?;
                Some(Value::list(alloc::repeat_items(&items, n).map_err(|_| self.memory_error())?))
            }
            (ArithOp::Add, Value::Tuple(p), Value::Tuple(q)) => {
                let mut items = crate::runtime::object::TupleItems::with_capacity(p.items.len() + q.items.len());
                for v in p.items.iter().chain(q.items.iter()) {
                    items.push(v.clone());
                }
                Some(Value::tuple_of(items))
            }
            (ArithOp::Mul, Value::Tuple(t), n) | (ArithOp::Mul, n, Value::Tuple(t)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                Some(Value::tuple(alloc::repeat_items(&t.items, n).map_err(|_| self.memory_error())?))
            }
            (ArithOp::Add, Value::Bytes(p), Value::Bytes(q)) => {
                let mut v = p.data.to_vec();
                v.extend_from_slice(&q.data);
                Some(Value::Bytes(Rc::new(Bytes { data: v.into() })))
            }
            (ArithOp::Add, Value::ByteArray(p), Value::Bytes(q)) => {
                let mut v = p.data.borrow().clone();
                v.extend_from_slice(&q.data);
                Some(Value::ByteArray(Rc::new(ByteArray { data: RefCell::new(v) })))
            }
            (ArithOp::Add, Value::ByteArray(p), Value::ByteArray(q)) => {
                let mut v = p.data.borrow().clone();
                v.extend_from_slice(&q.data.borrow());
                Some(Value::ByteArray(Rc::new(ByteArray { data: RefCell::new(v) })))
            }
            (ArithOp::Mul, Value::Bytes(b), n) | (ArithOp::Mul, n, Value::Bytes(b)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                let data = alloc::repeat_bytes(&b.data, n).map_err(|_| self.memory_error())?;
                Some(Value::Bytes(Rc::new(Bytes { data: data.into() })))
            }
            (ArithOp::Mul, Value::ByteArray(b), n) | (ArithOp::Mul, n, Value::ByteArray(b)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                let data = alloc::repeat_bytes(&b.data.borrow(), n).map_err(|_| self.memory_error())?;
                Some(Value::ByteArray(Rc::new(ByteArray { data: RefCell::new(data) })))
            }
            (ArithOp::Add, Value::Bytes(p), Value::ByteArray(q)) => {
                let mut v = p.data.to_vec();
                v.extend_from_slice(&q.data.borrow());
                Some(Value::Bytes(Rc::new(Bytes { data: v.into() })))
            }
            (ArithOp::Mod, Value::Bytes(b), _) => {
                let out = crate::builtins::bytes::percent_format(self, &b.data, y)?;
                Some(Value::Bytes(Rc::new(Bytes { data: out.into() })))
            }
            (ArithOp::Mod, Value::ByteArray(b), _) => {
                let data = b.data.borrow().clone();
                let out = crate::builtins::bytes::percent_format(self, &data, y)?;
                Some(Value::ByteArray(Rc::new(ByteArray { data: RefCell::new(out) })))
            }
            (ArithOp::Or | ArithOp::And | ArithOp::Sub | ArithOp::Xor, Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                Some(self.set_binary(a, xb, yb)?)
            }
            (ArithOp::Or, Value::Dict(p), Value::Dict(q)) => {
                let d = gc::new(Dict::from_table(p.table.borrow().clone()));
                self.dict_update(&d, &Value::Dict(q.clone()))?;
                Some(Value::Dict(d))
            }
            (_, Value::Complex(_), _) | (_, _, Value::Complex(_)) => self.complex_arith(a, xb, yb)?,
            _ => None,
        })
    }

    /// The count of a sequence repetition (`seq * n`): negative counts are
    /// 0; a count beyond 64 bits, of either sign, is CPython's OverflowError.
    pub fn repeat_count(&self, n: &Value) -> PyResult<usize> {
        let n = self.index_or(n, || self.overflow_error(self.cannot_fit(n)))?;
        if n <= 0 {
            return Ok(0);
        }
        usize::try_from(n).map_err(|_| self.memory_error())
    }

    fn complex_arith(&self, op: ArithOp, x: &Value, y: &Value) -> PyResult<Option<Value>> {
        let to_c = |v: &Value| -> Option<(f64, f64)> {
            match v {
                Value::Complex(c) => Some((c.re, c.im)),
                other => Num::of(other).and_then(|n| n.to_f64().ok()).map(|f| (f, 0.0)),
            }
        };
        let (Some((a, b)), Some((c, d))) = (to_c(x), to_c(y)) else { return Ok(None) };
        let (re, im) = match op {
            ArithOp::Add => (a + c, b + d),
            ArithOp::Sub => (a - c, b - d),
            ArithOp::Mul => (a * c - b * d, a * d + b * c),
            ArithOp::TrueDiv => {
                if c == 0.0 && d == 0.0 {
                    return Err(self.zero_division("complex division by zero"));
                }
                complex_div((a, b), (c, d))
            }
            ArithOp::Pow => {
                if a == 0.0 && b == 0.0 && (d != 0.0 || c < 0.0) {
                    return Err(self.zero_division("0.0 to a negative or complex power"));
                }
                complex_pow((a, b), (c, d))
            }
            _ => return Ok(None),
        };
        Ok(Some(Value::Complex(Rc::new(Complex { re, im }))))
    }

    pub fn inplace_op(&self, op: BinOp, x: Value, y: Value) -> PyResult<Value> {
        match (&x, op) {
            (Value::List(l), BinOp::Arith(ArithOp::Add)) => {
                let items = self.collect(&y)?;
                l.items.borrow_mut().extend(items);
                return Ok(x);
            }
            (Value::List(l), BinOp::Arith(ArithOp::Mul)) if is_int(&y) => {
                let n = self.repeat_count(&y)?;
                let repeated = alloc::repeat_items(&l.items.borrow(), n).map_err(|_| self.memory_error())?;
                // The old items are dropped after the borrow ends: their
                // destructors may run Python code that touches the list.
                let old = std::mem::replace(&mut *l.items.borrow_mut(), repeated);
                drop(old);
                return Ok(x);
            }
            (Value::ByteArray(b), BinOp::Arith(ArithOp::Add)) => {
                let other = match y.builtin_base() {
                    Value::Bytes(_) | Value::ByteArray(_) => self.bytes_of(&y)?,
                    _ => return Err(self.type_error(format!("can't concat {} to bytearray", self.type_name(&y).as_str()))),
                };
                b.data.borrow_mut().extend_from_slice(&other);
                return Ok(x);
            }
            (Value::ByteArray(b), BinOp::Arith(ArithOp::Mul)) if is_int(&y) => {
                let n = self.repeat_count(&y)?;
                let data = alloc::repeat_bytes(&b.data.borrow(), n).map_err(|_| self.memory_error())?;
                *b.data.borrow_mut() = data;
                return Ok(x);
            }
            (Value::Set(s), BinOp::Arith(a @ (ArithOp::Or | ArithOp::And | ArithOp::Sub | ArithOp::Xor))) => {
                if y.as_set().is_none() {
                    return Err(self.binary_error(op, &x, &y, true));
                }
                if crate::builtins::set::native_inplace(self, a, &x, &y)?.is_some() {
                    return Ok(x);
                }
                let r = self.set_binary(a, &x, &y)?;
                if let Some(rs) = r.as_set() {
                    let t = rs.table.borrow().clone();
                    *s.table.borrow_mut() = t;
                }
                return Ok(x);
            }
            (Value::Dict(d), BinOp::Arith(ArithOp::Or)) => {
                self.dict_update(d, &y)?;
                return Ok(x);
            }
            (Value::Instance(i), _) => {
                let (_, _, iname) = op_dunders(op);
                let class = i.class();
                if let Some(f) = class.lookup(&self.static_sym(iname)) {
                    let r = self.call_special(f, &x, &[y.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        if let Some(r) = super::expr::arith_numbers(op, &x, &y) {
            return Ok(r);
        }
        self.binary_dispatch(op, x, y, true)
    }

    pub fn unary_op(&self, op: UnaryOp, x: Value) -> PyResult<Value> {
        match (op, x.builtin_base()) {
            (UnaryOp::Not, _) => return Ok(Value::bool(!self.truthy(&x)?)),
            (_, Value::Instance(_)) => {}
            (UnaryOp::Neg, Value::Int(i)) => {
                return Ok(match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => Value::from_bigint(-BigInt::from(*i)),
                })
            }
            (UnaryOp::Neg, Value::Bool(b)) => return Ok(Value::Int(-(*b as i64))),
            (UnaryOp::Neg, Value::BigInt(b)) => return Ok(Value::from_bigint(-(**b).clone())),
            (UnaryOp::Neg, Value::Float(f)) => return Ok(Value::float(-f.get())),
            (UnaryOp::Neg, Value::Complex(c)) => return Ok(Value::Complex(Rc::new(Complex { re: -c.re, im: -c.im }))),
            (UnaryOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_)) => {
                return Ok(x.builtin_base().clone())
            }
            (UnaryOp::Pos, Value::Bool(b)) => return Ok(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => return Ok(Value::Int(!(*b as i64))),
            (UnaryOp::Invert, Value::BigInt(b)) => return Ok(Value::from_bigint(-(**b).clone() - 1)),
            _ => {}
        }
        let name = match op {
            UnaryOp::Neg => &self.names.neg,
            UnaryOp::Pos => &self.names.pos,
            UnaryOp::Invert => &self.names.invert,
            UnaryOp::Not => return Ok(Value::bool(!self.truthy(&x)?)),
        };
        let class = self.type_of(&x);
        if let Some(f) = class.lookup(name) {
            return self.call_special(f, &x, &[]);
        }
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            _ => "~",
        };
        Err(self.type_error(format!("bad operand type for unary {}: '{}'", sym, class.instance_type_name().as_str())))
    }

    // ----- containers -----

    pub fn contains(&self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item.as_str() {
                Some(t) => Ok(search::contains(s.as_str(), t.as_str())),
                None => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item).as_str()
                ))),
            },
            Value::List(l) => {
                let mut i = 0;
                loop {
                    let x = match l.items.borrow().get(i) {
                        Some(x) => x.clone(),
                        None => return Ok(false),
                    };
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(s) | Value::FrozenSet(s) => self.set_contains(s, item),
            Value::Range(r) => {
                let Some(n) = (match item.builtin_base() {
                    Value::Int(i) => Some(*i as i128),
                    Value::Bool(b) => Some(*b as i128),
                    Value::BigInt(b) => b.to_i128(),
                    Value::Float(f) if f.get().fract() == 0.0 && f.get().abs() < 9e18 => Some(f.get() as i128),
                    _ => None,
                }) else {
                    return Ok(false);
                };
                let (start, stop, step) = (r.start, r.stop, r.step);
                let inside = if step > 0 { n >= start && n < stop } else { n <= start && n > stop };
                Ok(inside && (n - start) % step == 0)
            }
            Value::Bytes(_) | Value::ByteArray(_) => {
                let hay = self.bytes_of(container)?;
                // An int (or anything with __index__) is one byte; a huge
                // one is clipped as CPython's ssize_t conversion does.
                let byte = match item.builtin_base() {
                    Value::BigInt(_) => Some(-1),
                    Value::Int(_) | Value::Bool(_) => Some(self.index_value(item)?),
                    _ if self.type_of(item).lookup(&self.names.index).is_some() => Some(self.index_value(item)?),
                    _ => None,
                };
                match byte {
                    Some(i) => {
                        if !(0..256).contains(&i) {
                            return Err(self.value_error("byte must be in range(0, 256)"));
                        }
                        Ok(hay.contains(&(i as u8)))
                    }
                    None => {
                        let needle = self.bytes_of(item)?;
                        Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == &needle[..]))
                    }
                }
            }
            _ => {
                let class = self.type_of(container);
                if let Some(f) = class.lookup(&self.names.contains) {
                    let r = self.call_special(f, container, &[item.clone()])?;
                    return self.truthy(&r);
                }
                if let Some(view) = self.dict_view(container) {
                    return self.view_contains(&view, item);
                }
                let it = self.iter(container).map_err(|e| {
                    if self.err_is(&e, "TypeError") {
                        self.type_error(format!("argument of type '{}' is not iterable", class.instance_type_name().as_str()))
                    } else {
                        e
                    }
                })?;
                while let Some(x) = self.next(&it)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// Resolves `slice` against a sequence of `len`: (start, stop, step) as
    /// `slice.indices` computes them.
    pub fn slice_indices(&self, s: &Slice, len: i64) -> PyResult<(i64, i64, i64)> {
        let step = if s.step.is_none() { 1 } else { self.slice_bound(&s.step)? };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                (v + len).max(lower)
            } else {
                v.min(upper)
            }
        };
        let start = if s.start.is_none() { if step < 0 { upper } else { lower } } else { clamp(self.slice_bound(&s.start)?) };
        let stop = if s.stop.is_none() { if step < 0 { lower } else { upper } } else { clamp(self.slice_bound(&s.stop)?) };
        Ok((start, stop, step))
    }

    fn slice_bound(&self, v: &Value) -> PyResult<i64> {
        match v.builtin_base() {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(b) => Ok(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 }),
            Value::Instance(inst) if inst.class().lookup(&self.names.index).is_some() => {
                // A huge `__index__` result is clipped, as a huge int is.
                self.slice_bound(&self.index_int(v)?)
            }
            _ => Err(self.type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// The indices a slice selects, in order.
    pub fn slice_positions(&self, s: &Slice, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len as i64)?;
        let count = slice_count(start, stop, step);
        let mut out = Vec::with_capacity(count);
        let mut i = start;
        for _ in 0..count {
            out.push(i as usize);
            // Past the last position, a step near i64's bounds may wrap; unread.
            i = i.wrapping_add(step);
        }
        Ok(out)
    }

    /// A sequence index: negative counts from the end; `None` when out of range.
    pub fn seq_index(&self, idx: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = match idx.builtin_base() {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => return Err(self.new_error("IndexError", self.cannot_fit(idx))),
            _ => {
                if let Value::Instance(inst) = idx {
                    if inst.class().lookup(&self.names.index).is_some() {
                        return Ok(normalize(self.subscript_index(idx)?, len));
                    }
                }
                let t = self.type_name(idx);
                // str words it differently from the other sequences.
                return Err(self.type_error(if what == "string" {
                    format!("string indices must be integers, not '{}'", t.as_str())
                } else {
                    format!("{what} indices must be integers or slices, not {}", t.as_str())
                }));
            }
        };
        Ok(normalize(i, len))
    }

    /// `obj[idx]` where `obj` is a list and `idx` an int in range: the
    /// commonest subscript, inline at the evaluator's sites.
    #[inline(always)]
    pub fn get_item_fast(&self, obj: &Value, idx: &Value) -> PyResult<Value> {
        if let (Value::List(l), Value::Int(i)) = (obj, idx) {
            if let Ok(items) = l.items.try_borrow() {
                if let Some(v) = normalize(*i, items.len()).map(|j| items[j].clone()) {
                    return Ok(v);
                }
            }
        }
        self.get_item(obj, idx)
    }

    /// `obj[idx]`, with lists and tuples indexed by an int inline.
    #[inline]
    pub fn get_item(&self, obj: &Value, idx: &Value) -> PyResult<Value> {
        if let Value::Int(i) = idx {
            let found = match obj {
                Value::List(l) => {
                    let items = l.items.borrow();
                    normalize(*i, items.len()).map(|j| items[j].clone())
                }
                Value::Tuple(t) => normalize(*i, t.items.len()).map(|j| t.items[j].clone()),
                _ => None,
            };
            if let Some(v) = found {
                return Ok(v);
            }
        }
        // `d["key"]` with the key present: one probe of the dict.
        if let (Value::Dict(d), Value::Str(s)) = (obj, idx) {
            let t = d.table.borrow();
            if let Some(Some(i)) = t.find_str_decided(s) {
                if let Some(e) = t.entry_at(i) {
                    return Ok(e.value.clone());
                }
            }
        }
        self.get_item_slow(obj, idx)
    }

    /// `obj[s]` for a list, tuple or str (no slice object needed);
    /// `None` for anything else.
    pub fn sequence_slice(&self, obj: &Value, s: &Slice) -> Option<PyResult<Value>> {
        Some(match obj {
            Value::List(l) => {
                // The bounds first: `__index__` on them may run Python code.
                let len = l.items.borrow().len();
                self.slice_indices(s, len as i64).map(|bounds| Value::list(slice_items(&l.items.borrow(), bounds)))
            }
            Value::Tuple(t) => self.slice_indices(s, t.items.len() as i64).map(|bounds| Value::tuple(slice_items(&t.items, bounds))),
            Value::Str(st) => self.str_slice(st, s),
            _ => return None,
        })
    }

    fn str_slice(&self, s: &crate::runtime::str::Str, sl: &Slice) -> PyResult<Value> {
        let (start, stop, step) = self.slice_indices(sl, s.char_len() as i64)?;
        if step == 1 {
            return Ok(if start >= stop { Value::str("") } else { Value::str(s.slice_chars(start as usize, stop as usize)) });
        }
        let pos = self.slice_positions(sl, s.char_len())?;
        Ok(Value::string(pos.into_iter().map(|i| s.char_at(i)).collect()))
    }

    #[inline(never)]
    fn get_item_slow(&self, obj: &Value, idx: &Value) -> PyResult<Value> {
        if let Value::Slice(s) = idx {
            if let Some(r) = self.sequence_slice(obj, s) {
                return r;
            }
        }
        match obj {
            Value::List(l) => {
                // `__index__` may change the list: look at it again after.
                let len = l.items.borrow().len();
                let item = self.seq_index(idx, len, "list")?.and_then(|i| l.items.borrow().get(i).cloned());
                item.ok_or_else(|| self.index_error("list index out of range"))
            }
            Value::Tuple(t) => {
                match self.seq_index(idx, t.items.len(), "tuple")? {
                    Some(i) => Ok(t.items[i].clone()),
                    None => Err(self.index_error("tuple index out of range")),
                }
            }
            Value::Str(s) => {
                match self.seq_index(idx, s.char_len(), "string")? {
                    Some(i) => {
                        let c = s.char_at(i);
                        Ok(self.char_value(c))
                    }
                    None => Err(self.index_error("string index out of range")),
                }
            }
            Value::Dict(d) => match self.dict_get(d, idx)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(idx.clone())),
            },
            Value::Range(r) => {
                let len = r.len128();
                if let Value::Slice(s) = idx {
                    let (start, stop, step) = self.slice_indices(s, len.min(i64::MAX as i128) as i64)?;
                    return Ok(Value::Range(Rc::new(Range {
                        start: r.get128(start as i128),
                        stop: r.get128(stop as i128),
                        step: r.step * step as i128,
                    })));
                }
                let i = match idx.builtin_base() {
                    Value::Int(i) => *i as i128,
                    Value::Bool(b) => *b as i128,
                    Value::BigInt(b) => b.to_i128().unwrap_or(i128::MAX),
                    Value::Instance(inst) if inst.class().lookup(&self.names.index).is_some() => {
                        // Any int indexes a range: a huge one is out of it.
                        match self.index_int(idx)? {
                            Value::Int(i) => i as i128,
                            _ => i128::MAX,
                        }
                    }
                    _ => {
                        let t = self.type_name(idx);
                        return Err(self.type_error(format!("range indices must be integers or slices, not {}", t.as_str())));
                    }
                };
                let i = if i < 0 { i + len } else { i };
                if i < 0 || i >= len {
                    return Err(self.index_error("range object index out of range"));
                }
                Ok(Value::from_i128(r.get128(i)))
            }
            Value::Bytes(_) | Value::ByteArray(_) => {
                let data = self.bytes_of(obj)?;
                if let Value::Slice(s) = idx {
                    let pos = self.slice_positions(s, data.len())?;
                    let out: Vec<u8> = pos.into_iter().map(|i| data[i]).collect();
                    return Ok(match obj {
                        Value::ByteArray(_) => Value::ByteArray(Rc::new(ByteArray { data: RefCell::new(out) })),
                        _ => Value::Bytes(Rc::new(Bytes { data: out.into() })),
                    });
                }
                match self.seq_index(idx, data.len(), if matches!(obj, Value::Bytes(_)) { "byte" } else { "bytearray" })? {
                    Some(i) => Ok(Value::Int(data[i] as i64)),
                    None => Err(self.index_error(if matches!(obj, Value::Bytes(_)) {
                        "index out of range"
                    } else {
                        "bytearray index out of range"
                    })),
                }
            }
            Value::Class(c) => {
                if let Some(f) = c.lookup(&self.names.class_getitem) {
                    let f = self.class_getattr(c, &self.names.class_getitem).unwrap_or(f);
                    return self.call(&f, &[idx.clone()], &[]);
                }
                if let Some(meta) = c.meta.borrow().clone() {
                    if let Some(f) = meta.lookup(&self.names.getitem) {
                        return self.call(&f, &[obj.clone(), idx.clone()], &[]);
                    }
                }
                if !c.is_heap || Rc::ptr_eq(c, &self.types.type_) {
                    return Ok(self.generic_alias(obj.clone(), idx));
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", c.name().as_str())))
            }
            _ => {
                let class = self.type_of(obj);
                if let Some(f) = class.lookup(&self.names.getitem) {
                    return self.call_special(f, obj, &[idx.clone()]);
                }
                Err(self.type_error(format!("'{}' object is not subscriptable", class.instance_type_name().as_str())))
            }
        }
    }

    pub fn char_value(&self, c: char) -> Value {
        Value::Str(self.interner.char(c))
    }

    /// `obj[idx] = v`, with a list indexed by an int inline.
    #[inline]
    pub fn set_item(&self, obj: &Value, idx: Value, v: Value) -> PyResult<()> {
        if let (Value::List(l), Value::Int(i)) = (obj, &idx) {
            let mut items = l.items.borrow_mut();
            if let Some(j) = normalize(*i, items.len()) {
                let old = std::mem::replace(&mut items[j], v);
                drop(items);
                drop(old);
                return Ok(());
            }
            drop(items);
        }
        if let Value::Dict(d) = obj {
            return self.dict_set(d, idx, v);
        }
        self.set_item_slow(obj, idx, v)
    }

    #[inline(never)]
    fn set_item_slow(&self, obj: &Value, idx: Value, v: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &idx {
                    let new = self.slice_assigned(&v)?;
                    return self.list_set_slice(l, s, new);
                }
                let len = l.items.borrow().len();
                let i = self.seq_index(&idx, len, "list")?;
                // The old item is dropped after the borrow ends (its `__del__`
                // may use the list); `__index__` may have shrunk the list.
                let old = match i.and_then(|i| l.items.borrow_mut().get_mut(i).map(|slot| std::mem::replace(slot, v))) {
                    Some(old) => old,
                    None => return Err(self.index_error("list assignment index out of range")),
                };
                drop(old);
                Ok(())
            }
            Value::Dict(d) => self.dict_set(d, idx, v),
            Value::ByteArray(_) => crate::builtins::bytes::set_item(self, obj, &idx, &v),
            _ => {
                let class = self.type_of(obj);
                if let Some(f) = class.lookup(&self.names.setitem) {
                    self.call_special(f, obj, &[idx, v])?;
                    return Ok(());
                }
                Err(self.type_error(format!("'{}' object does not support item assignment", class.instance_type_name().as_str())))
            }
        }
    }

    /// The items assigned to a list slice (`xs[a:b] = v`), with CPython's
    /// message when `v` is not iterable.
    pub fn slice_assigned(&self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.items.borrow().clone()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            _ => {
                let it = self.iter(v).map_err(|e| if self.err_is(&e, "TypeError") { self.type_error("can only assign an iterable") } else { e })?;
                self.collect(&it)
            }
        }
    }

    pub fn list_set_slice(&self, l: &List, s: &Slice, mut new: Vec<Value>) -> PyResult<()> {
        let len = l.items.borrow().len();
        let (start, stop, step) = self.slice_indices(s, len as i64)?;
        if step == 1 {
            let mut items = l.items.borrow_mut();
            // The bounds' `__index__` may have shrunk the list meanwhile.
            let start = (start as usize).min(items.len());
            let stop = (stop as usize).clamp(start, items.len());
            if stop - start == new.len() {
                // Same length: swapped in place; the old items drop (from
                // `new`) after the borrow.
                items[start..stop].swap_with_slice(&mut new);
                drop(items);
                drop(new);
            } else {
                let old: Vec<Value> = items.splice(start..stop, new).collect();
                drop(items);
                drop(old);
            }
            return Ok(());
        }
        let pos = self.slice_positions(s, len)?;
        if pos.len() != new.len() {
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                pos.len()
            )));
        }
        let mut items = l.items.borrow_mut();
        let mut old = Vec::with_capacity(pos.len());
        for (i, v) in pos.into_iter().zip(new) {
            if let Some(slot) = items.get_mut(i) {
                old.push(std::mem::replace(slot, v));
            }
        }
        drop(items);
        drop(old);
        Ok(())
    }

    pub fn del_item(&self, obj: &Value, idx: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = idx {
                    let len = l.items.borrow().len();
                    let mut pos = self.slice_positions(s, len)?;
                    pos.sort_unstable();
                    let mut items = l.items.borrow_mut();
                    let mut removed = Vec::with_capacity(pos.len());
                    for i in pos.into_iter().rev() {
                        if i < items.len() {
                            removed.push(items.remove(i));
                        }
                    }
                    drop(items);
                    drop(removed);
                    return Ok(());
                }
                let len = l.items.borrow().len();
                let i = self.seq_index(idx, len, "list")?;
                let removed = i.and_then(|i| {
                    let mut items = l.items.borrow_mut();
                    (i < items.len()).then(|| items.remove(i))
                });
                match removed {
                    Some(removed) => {
                        drop(removed);
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Value::Dict(d) => match self.dict_del(d, idx)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(idx.clone())),
            },
            Value::ByteArray(_) => crate::builtins::bytes::del_item(self, obj, idx),
            _ => {
                let class = self.type_of(obj);
                if let Some(f) = class.lookup(&self.names.delitem) {
                    self.call_special(f, obj, &[idx.clone()])?;
                    return Ok(());
                }
                Err(self.type_error(format!("'{}' object doesn't support item deletion", class.instance_type_name().as_str())))
            }
        }
    }

    // ----- dict and set tables with Python equality -----

    /// Finds `key` in `table`, running `__eq__` with no borrow held: one
    /// probe inline, decided natively unless a key of the same hash needs
    /// Python equality.
    #[inline]
    pub fn table_find(&self, table: &RefCell<DictTable>, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        // The borrow ends before `__eq__` may run (and change the table).
        let probe = table.borrow().probe(hash, key);
        match probe {
            Probe::Found(i) => Ok(Some(i)),
            Probe::Missing => Ok(None),
            Probe::NeedsEq(_) => self.table_find_with_eq(table, hash, key),
        }
    }

    #[inline(never)]
    fn table_find_with_eq(&self, table: &RefCell<DictTable>, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        for _ in 0..64 {
            let probe = table.borrow().probe(hash, key);
            match probe {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Missing => return Ok(None),
                Probe::NeedsEq(cands) => {
                    let version = table.borrow().version();
                    let mut found = None;
                    for (i, k) in cands {
                        if self.eq(&k, key)? {
                            found = Some(i);
                            break;
                        }
                    }
                    if table.borrow().version() == version {
                        return Ok(found);
                    }
                }
            }
        }
        Err(self.runtime_error("dictionary changed size during iteration"))
    }

    pub fn dict_get(&self, d: &Dict, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            let t = d.table.borrow();
            if let Some(found) = t.find_str_decided(s) {
                return Ok(found.and_then(|i| t.entry_at(i)).map(|e| e.value.clone()));
            }
        }
        let h = self.hash(key)?;
        let i = self.table_find(&d.table, h, key)?;
        Ok(i.and_then(|i| d.table.borrow().entry_at(i).map(|e| e.value.clone())))
    }

    pub fn dict_set(&self, d: &Dict, key: Value, value: Value) -> PyResult<()> {
        if let Value::Str(s) = &key {
            let decided = d.table.borrow().find_str_decided(s);
            if let Some(found) = decided {
                // The old value is dropped after the borrow: its __del__ may touch the dict.
                let old = match found {
                    Some(i) => d.table.borrow_mut().value_at_mut(i).map(|slot| std::mem::replace(slot, value)),
                    None => {
                        d.table.borrow_mut().insert_new(s.hash(), key.clone(), value);
                        None
                    }
                };
                drop(old);
                return Ok(());
            }
        }
        let h = self.hash(&key)?;
        match self.table_find(&d.table, h, &key)? {
            Some(i) => {
                let old = d.table.borrow_mut().value_at_mut(i).map(|slot| std::mem::replace(slot, value));
                drop(old);
            }
            None => d.table.borrow_mut().insert_new(h, key, value),
        }
        Ok(())
    }

    pub fn dict_del(&self, d: &Dict, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        match self.table_find(&d.table, h, key)? {
            Some(i) => {
                let e = d.table.borrow_mut().remove_at(i);
                Ok(e.map(|e| e.value))
            }
            None => Ok(None),
        }
    }

    /// `d.update(m)` for a mapping or an iterable of pairs.
    pub fn dict_update(&self, d: &Dict, m: &Value) -> PyResult<()> {
        if let Some(src) = m.as_dict() {
            let entries: Vec<(Value, Value)> = src.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
            for (k, v) in entries {
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if let Some(keys) = self.get_attr_opt(m, &self.intern("keys"))? {
            let keys = self.call(&keys, &[], &[])?;
            for k in self.collect(&keys)? {
                let v = self.get_item(m, &k)?;
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let it = self.iter(m)?;
        let mut n = 0;
        while let Some(item) = self.next(&it)? {
            let pair = self.collect(&item).map_err(|_| {
                self.type_error(format!("cannot convert dictionary update sequence element #{n} to a sequence"))
            })?;
            if pair.len() != 2 {
                return Err(self.value_error(format!(
                    "dictionary update sequence element #{n} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut p = pair.into_iter();
            if let (Some(k), Some(v)) = (p.next(), p.next()) {
                self.dict_set(d, k, v)?;
            }
            n += 1;
        }
        Ok(())
    }

    pub fn set_contains(&self, s: &Set, key: &Value) -> PyResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // `{1} in set_of_frozensets` looks the set up as a frozenset.
                if let Value::Set(inner) = key {
                    let fs = Value::FrozenSet(gc::new(Set::from_table(inner.table.borrow().clone())));
                    return self.set_contains(s, &fs);
                }
                return Err(e);
            }
        };
        Ok(self.table_find(&s.table, h, key)?.is_some())
    }

    pub fn set_add(&self, s: &Set, key: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        if self.table_find(&s.table, h, &key)?.is_none() {
            s.table.borrow_mut().insert_new(h, key, Value::None);
        }
        Ok(())
    }

    pub fn set_discard(&self, s: &Set, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        match self.table_find(&s.table, h, key)? {
            Some(i) => {
                s.table.borrow_mut().remove_at(i);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub fn new_set(&self, items: Vec<Value>) -> PyResult<Value> {
        let s = Set::new();
        for x in items {
            self.set_add(&s, x)?;
        }
        Ok(Value::Set(gc::new(s)))
    }

    fn set_binary(&self, op: ArithOp, x: &Value, y: &Value) -> PyResult<Value> {
        // CPython's algorithms, which decide the result's iteration order.
        if let Some(r) = crate::builtins::set::native_binary(self, op, x, y)? {
            return Ok(r);
        }
        let (Some(a), Some(b)) = (x.as_set(), y.as_set()) else {
            return Err(self.binary_type_error(BinOp::Arith(op), x, y));
        };
        let out = Set::new();
        let ak = a.table.borrow().keys();
        let bk = b.table.borrow().keys();
        match op {
            ArithOp::Or => {
                for k in ak.into_iter().chain(bk) {
                    self.set_add(&out, k)?;
                }
            }
            ArithOp::And => {
                for k in ak {
                    if self.set_contains(b, &k)? {
                        self.set_add(&out, k)?;
                    }
                }
            }
            ArithOp::Sub => {
                for k in ak {
                    if !self.set_contains(b, &k)? {
                        self.set_add(&out, k)?;
                    }
                }
            }
            _ => {
                for k in ak {
                    if !self.set_contains(b, &k)? {
                        self.set_add(&out, k)?;
                    }
                }
                for k in bk {
                    if !self.set_contains(a, &k)? {
                        self.set_add(&out, k)?;
                    }
                }
            }
        }
        Ok(match x.builtin_base() {
            Value::FrozenSet(_) => Value::FrozenSet(gc::new(out)),
            _ => Value::Set(gc::new(out)),
        })
    }

    /// The bytes of a bytes-like value (bytes, bytearray).
    pub fn bytes_of(&self, v: &Value) -> PyResult<Vec<u8>> {
        match v.builtin_base() {
            Value::Bytes(b) => Ok(b.data.to_vec()),
            Value::ByteArray(b) => Ok(b.data.borrow().clone()),
            Value::Native(_) if crate::builtins::memoryview::view_of(v).is_some() => crate::builtins::memoryview::bytes_of_view(self, v),
            _ => Err(self.type_error(format!("a bytes-like object is required, not '{}'", self.type_name(v).as_str()))),
        }
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// Whether `op` holds between two values ordered `o`.
pub(crate) fn satisfies(o: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
        _ => false,
    }
}

/// The order of two sequences, when every item pair up to the first
/// difference is two ints, two strs or two floats (no NaN): what the
/// item-by-item protocol would find, with no Python code to run.
fn simple_order(x: &[Value], y: &[Value]) -> Option<Ordering> {
    for (a, b) in x.iter().zip(y) {
        let o = match (a, b) {
            (Value::Int(p), Value::Int(q)) => p.cmp(q),
            (Value::Str(p), Value::Str(q)) => p.as_str().cmp(q.as_str()),
            (Value::Float(p), Value::Float(q)) => p.get().partial_cmp(&q.get())?,
            _ => return None,
        };
        if o != Ordering::Equal {
            return Some(o);
        }
    }
    Some(x.len().cmp(&y.len()))
}

/// How many positions `start, start + step, ...` a slice with these
/// (clamped, so -1..=len) bounds selects.
pub fn slice_count(start: i64, stop: i64, step: i64) -> usize {
    let (span, stride) = if step > 0 { (stop as i128 - start as i128, step as i128) } else { (start as i128 - stop as i128, -(step as i128)) };
    if span > 0 {
        ((span - 1) / stride + 1) as usize
    } else {
        0
    }
}

/// The items `start..stop` by `step` (from `slice_indices`).
fn slice_items(items: &[Value], (start, stop, step): (i64, i64, i64)) -> Vec<Value> {
    if step == 1 {
        // The bounds' `__index__` may have shrunk the sequence since.
        let a = (start as usize).min(items.len());
        let b = (stop.max(start) as usize).clamp(a, items.len());
        return items[a..b].to_vec();
    }
    let count = slice_count(start, stop, step);
    let mut out = Vec::with_capacity(count.min(items.len()));
    let mut i = start;
    for _ in 0..count {
        let Some(item) = usize::try_from(i).ok().and_then(|i| items.get(i)) else { break };
        out.push(item.clone());
        // Past the last item, a step near i64's bounds may wrap; unread.
        i = i.wrapping_add(step);
    }
    out
}

#[inline(always)]
fn normalize(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        None
    } else {
        Some(j as usize)
    }
}

/// The identity hash of objects without `__hash__`: CPython rotates the
/// address right by 4 bits.
/// Whether two bound builtin methods bind the same object to the same function.
fn same_bound_builtin(x: &Builtin, y: &Builtin) -> bool {
    x.func as usize == y.func as usize
        && x.name == y.name
        && matches!((&x.bound, &y.bound), (Some(a), Some(b)) if a.is(b))
}

/// -1 is no hash (it means an error in CPython's C API).
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn id_hash(v: &Value) -> i64 {
    let id = v.id() as u64;
    let h = id.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn unsafe_bytes_as_str(b: &[u8]) -> &str {
    // Only hashed, never displayed: any byte sequence hashes the same way
    // through the lossless Latin-1 view below when not UTF-8.
    std::str::from_utf8(b).unwrap_or("\u{0}bytes")
}

/// CPython 3.11's tuple hash (xxHash-based).
pub fn tuple_hash(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        1546275796
    } else {
        acc as i64
    }
}

/// CPython's frozenset hash (order-independent).
pub fn frozenset_hash(hashes: &[i64]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for &h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= ((hashes.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        590923713
    } else {
        hash as i64
    }
}

fn complex_div(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (ar, ai) = a;
    let (br, bi) = b;
    if br.abs() >= bi.abs() {
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    } else {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    }
}

pub fn complex_pow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (ar, ai) = a;
    let (br, bi) = b;
    if br == 0.0 && bi == 0.0 {
        return (1.0, 0.0);
    }
    if ar == 0.0 && ai == 0.0 {
        return (0.0, 0.0);
    }
    if bi == 0.0 && br.fract() == 0.0 && br.abs() <= 100.0 {
        // Integer powers by repeated multiplication, as CPython's c_powi.
        let n = br as i64;
        let mut result = (1.0, 0.0);
        let mut base = (ar, ai);
        let mut e = n.unsigned_abs();
        while e > 0 {
            if e & 1 == 1 {
                result = (result.0 * base.0 - result.1 * base.1, result.0 * base.1 + result.1 * base.0);
            }
            base = (base.0 * base.0 - base.1 * base.1, 2.0 * base.0 * base.1);
            e >>= 1;
        }
        if n < 0 {
            return complex_div((1.0, 0.0), result);
        }
        return result;
    }
    let vabs = ar.hypot(ai);
    let mut len = vabs.powf(br);
    let at = ai.atan2(ar);
    let mut phase = at * br;
    if bi != 0.0 {
        len /= (at * bi).exp();
        phase += bi * vabs.ln();
    }
    (len * phase.cos(), len * phase.sin())
}
