//! `Value`: what every Python expression evaluates to.
//!
//! Immediates (None, bool, small int, float) live inline; everything else is a
//! reference-counted heap object. A `Value` is two words, so passing one
//! around costs a copy and, for heap objects, a reference-count increment.

use super::gc;
use super::object::*;
use super::str::Str;
use num_bigint::BigInt;
use std::rc::Rc;

pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(BoolWord),
    /// An int that fits in i64; arithmetic overflows into `BigInt`.
    Int(i64),
    /// An int outside i64; always normalised back to `Int` when it fits.
    BigInt(Rc<BigInt>),
    Float(FloatBits),
    Complex(Rc<Complex>),
    Str(Rc<Str>),
    Bytes(Rc<Bytes>),
    ByteArray(Rc<ByteArray>),
    List(Rc<List>),
    Tuple(Rc<Tuple>),
    Dict(Rc<Dict>),
    Set(Rc<Set>),
    FrozenSet(Rc<Set>),
    Range(Rc<Range>),
    Slice(Rc<Slice>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Method(Rc<Method>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Generator(GenRef),
    Iter(Rc<NativeIter>),
    Cell(Rc<CellObj>),
    Property(Rc<Property>),
    StaticMethod(Rc<FuncWrapper>),
    ClassMethod(Rc<FuncWrapper>),
    Super(Rc<Super>),
    /// Native objects without a variant of their own (modules' helper types).
    Native(Rc<NativeObj>),
}

/// A float payload, held as its bits. Every payload of `Value` is an 8-byte
/// integer or pointer at the same offset, so rustc lays `Value` out as a
/// scalar pair (tag word, payload word): passed and returned in two
/// registers and copied as two words. A bare `f64` or `bool` payload makes
/// it an aggregate that is copied a byte range at a time, padding included;
/// those partial loads defeat the CPU's store-to-load forwarding, which cost
/// the evaluator about a quarter of its time.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct FloatBits(u64);

impl FloatBits {
    #[inline(always)]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

/// A bool payload as a whole word; see `FloatBits`.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum BoolWord {
    False = 0,
    True = 1,
}

impl BoolWord {
    #[inline(always)]
    pub fn get(self) -> bool {
        self == BoolWord::True
    }
}

impl Clone for Value {
    /// Immediates inline; reference counts in `clone_heap`, kept out of line
    /// so that the common case stays a few instructions at every call site.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Int(i) => Value::Int(*i),
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Float(f) => Value::Float(*f),
            _ => self.clone_heap(),
        }
    }
}

/// Stores `v` in a frame slot. The old value is dropped inline when it
/// holds no reference: rebinding a local that held an int calls no
/// destructor (`drop_in_place::<Value>` is a call through a jump table).
#[inline(always)]
pub fn store(slot: &mut Option<Value>, v: Value) {
    if let Some(old) = slot.replace(v) {
        release(old);
    }
}

/// Drops `v`, skipping the destructor call for immediates.
#[inline(always)]
pub fn release(v: Value) {
    if v.holds_reference() {
        drop(v);
    } else {
        std::mem::forget(v);
    }
}

impl Value {
    /// Whether the value holds a reference, so that dropping it has work
    /// to do; immediates (None, bools, small ints, floats) hold none.
    #[inline(always)]
    pub fn holds_reference(&self) -> bool {
        !matches!(self, Value::None | Value::NotImplemented | Value::Ellipsis | Value::Bool(_) | Value::Int(_) | Value::Float(_))
    }

    #[inline(always)]
    pub fn float(x: f64) -> Value {
        Value::Float(FloatBits(x.to_bits()))
    }

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        Value::Bool(if b { BoolWord::True } else { BoolWord::False })
    }

    #[inline(never)]
    fn clone_heap(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(x) => Value::Bool(*x),
            Value::Int(x) => Value::Int(*x),
            Value::BigInt(x) => Value::BigInt(Rc::clone(x)),
            Value::Float(x) => Value::Float(*x),
            Value::Complex(x) => Value::Complex(Rc::clone(x)),
            Value::Str(x) => Value::Str(Rc::clone(x)),
            Value::Bytes(x) => Value::Bytes(Rc::clone(x)),
            Value::ByteArray(x) => Value::ByteArray(Rc::clone(x)),
            Value::List(x) => Value::List(Rc::clone(x)),
            Value::Tuple(x) => Value::Tuple(Rc::clone(x)),
            Value::Dict(x) => Value::Dict(Rc::clone(x)),
            Value::Set(x) => Value::Set(Rc::clone(x)),
            Value::FrozenSet(x) => Value::FrozenSet(Rc::clone(x)),
            Value::Range(x) => Value::Range(Rc::clone(x)),
            Value::Slice(x) => Value::Slice(Rc::clone(x)),
            Value::Function(x) => Value::Function(Rc::clone(x)),
            Value::Builtin(x) => Value::Builtin(Rc::clone(x)),
            Value::Method(x) => Value::Method(Rc::clone(x)),
            Value::Class(x) => Value::Class(Rc::clone(x)),
            Value::Instance(x) => Value::Instance(Rc::clone(x)),
            Value::Module(x) => Value::Module(Rc::clone(x)),
            Value::Generator(x) => Value::Generator(x.clone()),
            Value::Iter(x) => Value::Iter(Rc::clone(x)),
            Value::Cell(x) => Value::Cell(Rc::clone(x)),
            Value::Property(x) => Value::Property(Rc::clone(x)),
            Value::StaticMethod(x) => Value::StaticMethod(Rc::clone(x)),
            Value::ClassMethod(x) => Value::ClassMethod(Rc::clone(x)),
            Value::Super(x) => Value::Super(Rc::clone(x)),
            Value::Native(x) => Value::Native(Rc::clone(x)),
        }
    }

    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(Str::new(s)))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(Str::from_string(s)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::tuple_of(Tuple::items_from_vec(items))
    }

    /// A pair, in one allocation.
    pub fn pair(a: Value, b: Value) -> Value {
        Value::tuple_of(smallvec::smallvec![a, b])
    }

    pub fn tuple_of(items: crate::runtime::object::TupleItems) -> Value {
        let tuple = Rc::new(Tuple::new(items));
        // Like CPython, tuples of atomic values are not tracked: they are
        // common and can never be part of a cycle.
        if tuple.items.iter().any(gc::may_reference_containers) {
            gc::track(&tuple);
        }
        Value::Tuple(tuple)
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(gc::new(List::new(items)))
    }

    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    /// An int from an i128 (small ints stay unboxed).
    pub fn from_i128(i: i128) -> Value {
        match i64::try_from(i) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::BigInt(Rc::new(BigInt::from(i))),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): same immediate or same heap object.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.0 == b.0,
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of a heap object; `None` for immediates.
    #[inline]
    pub fn heap_ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) => return Option::None,
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Complex(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            ByteArray(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) | FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Property(r) => Rc::as_ptr(r) as *const u8 as usize,
            StaticMethod(r) | ClassMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Super(r) => Rc::as_ptr(r) as *const u8 as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
        })
    }

    /// `id()`: the heap address, or a stable number derived from an immediate.
    pub fn id(&self) -> i64 {
        match self.heap_ptr() {
            Some(p) => p as i64,
            None => match self {
                Value::None => 1,
                Value::NotImplemented => 2,
                Value::Ellipsis => 3,
                Value::Bool(b) => 4 + b.get() as i64,
                Value::Int(i) => (*i).wrapping_mul(16).wrapping_add(8),
                Value::Float(f) => (f.0 as i64) | 1,
                _ => 0,
            },
        }
    }

    pub fn as_str(&self) -> Option<&Str> {
        match self {
            Value::Str(s) => Some(s),
            Value::Instance(i) => match &i.payload {
                Payload::Value(Value::Str(s)) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    /// A builtin value stored inside an instance of a subclass (`class C(int)`),
    /// or the value itself: what builtin methods operate on.
    pub fn builtin_base(&self) -> &Value {
        match self {
            Value::Instance(i) => match &i.payload {
                Payload::Value(v) => v,
                _ => self,
            },
            _ => self,
        }
    }

    /// The builtin value an instance of a builtin subclass stores, as a
    /// value of the builtin type (sharing its storage); other values as they are.
    pub fn base_value(&self) -> Value {
        match self {
            Value::Instance(i) => match &i.payload {
                Payload::Value(v) => v.clone(),
                Payload::List(l) => Value::List(l.clone()),
                Payload::Dict(d) => Value::Dict(d.clone()),
                Payload::Set(s) => Value::Set(s.clone()),
                _ => self.clone(),
            },
            _ => self.clone(),
        }
    }

    pub fn as_list(&self) -> Option<&List> {
        match self {
            Value::List(l) => Some(l),
            Value::Instance(i) => match &i.payload {
                Payload::List(l) => Some(l),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Value::Dict(d) => Some(d),
            Value::Instance(i) => match &i.payload {
                Payload::Dict(d) => Some(d),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn as_set(&self) -> Option<&Set> {
        match self {
            Value::Set(s) | Value::FrozenSet(s) => Some(s),
            Value::Instance(i) => match &i.payload {
                Payload::Set(s) => Some(s),
                Payload::Value(Value::FrozenSet(s)) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&Tuple> {
        match self.builtin_base() {
            Value::Tuple(t) => Some(t),
            _ => None,
        }
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::None
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        Value::Int(i as i64)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}

impl From<Rc<Str>> for Value {
    fn from(s: Rc<Str>) -> Value {
        Value::Str(s)
    }
}

// Two words, with room in the tag for `Option` and `PyResult` (see `FloatBits`).
const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);
const _: () = assert!(std::mem::size_of::<PyResult<Value>>() == 16);
