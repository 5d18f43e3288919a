//! The heap objects a `Value` points at.

use super::dict::DictTable;
pub use super::gc::GcHeader;
use super::str::Str;
use super::value::Value;
use crate::compile::ir::Code;
use crate::eval::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use crate::eval::generator::{GenRef, Generator, Orphans};
pub use crate::runtime::iter::NativeIter;

/// An error carrying a Python exception instance (a `BaseException`).
pub struct PyErr(pub Rc<Instance>);

pub type PyResult<T> = Result<T, PyErr>;

/// Keyword arguments of a call: names and values, in call order.
pub type KwArgs = [(Rc<Str>, Value)];

/// A function implemented in Rust. Methods receive `self` as `args[0]`.
pub type NativeFn = fn(&Vm, &[Value], &KwArgs) -> PyResult<Value>;

pub struct Complex {
    pub re: f64,
    pub im: f64,
}

pub struct Bytes {
    pub data: Box<[u8]>,
}

pub struct ByteArray {
    pub data: RefCell<Vec<u8>>,
}

pub struct List {
    pub items: RefCell<Vec<Value>>,
    pub gc: GcHeader,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List { items: RefCell::new(items), gc: GcHeader::new() }
    }
}

pub struct Tuple {
    /// Up to two items inline: pairs are the commonest tuples, and a
    /// tuple is then one allocation.
    pub items: TupleItems,
    pub gc: GcHeader,
}

// Containers free their contents iteratively: dropping a million-deep
// `x = [x]` chain must not recurse once per level on the machine stack.
impl Drop for List {
    fn drop(&mut self) {
        let items = self.items.get_mut();
        if items.iter().any(unwinds_on_free) {
            free_values(std::mem::take(items));
        } else {
            // Last first, as CPython frees a list; numbers cost no call.
            while let Some(v) = items.pop() {
                super::value::release(v);
            }
        }
    }
}

impl Drop for Tuple {
    fn drop(&mut self) {
        // Items that are no containers `free_values` unwinds are dropped in
        // place (the commonest tuples: numbers, strings), last first as in
        // CPython (the order finalizers run in).
        if self.items.iter().any(unwinds_on_free) {
            free_values(std::mem::take(&mut self.items).into_vec());
        } else {
            // Numbers cost no destructor call.
            while let Some(v) = self.items.pop() {
                super::value::release(v);
            }
        }
    }
}

/// The containers whose contents `free_values` moves to its work list.
fn unwinds_on_free(v: &Value) -> bool {
    matches!(v, Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Instance(_))
}

impl Drop for Dict {
    fn drop(&mut self) {
        let table = self.table.get_mut();
        // Entries that lead to no container free without recursing: the
        // table's own drop frees them (an instance's dict of numbers and
        // strings, say), with no work list.
        let flat = |v: &Value| !crate::runtime::gc::may_reference_containers(v);
        if table.iter().all(|e| flat(&e.key) && flat(&e.value)) {
            return;
        }
        let mut out = Vec::new();
        table.drain_values(&mut out);
        // `free_values` takes from the end; a dict frees in order.
        out.reverse();
        free_values(out);
    }
}

/// Drops `values`, detaching the contents of containers that are freed with
/// them onto a work list instead of recursing into them.
fn free_values(values: Vec<Value>) {
    let mut work = values;
    while let Some(v) = work.pop() {
        match v {
            v if !v.holds_reference() => std::mem::forget(v),
            Value::List(rc) => {
                if let Ok(mut list) = Rc::try_unwrap(rc) {
                    work.append(list.items.get_mut());
                }
            }
            Value::Tuple(rc) => {
                if let Ok(mut t) = Rc::try_unwrap(rc) {
                    work.extend(std::mem::take(&mut t.items));
                }
            }
            Value::Dict(rc) => {
                if let Ok(mut d) = Rc::try_unwrap(rc) {
                    let mut entries = Vec::new();
                    d.table.get_mut().drain_values(&mut entries);
                    work.extend(entries.into_iter().rev());
                }
            }
            // One with `__del__` is left whole to its own drop.
            Value::Instance(rc) if rc.finalizer_queue().is_none() => {
                if let Ok(mut inst) = Rc::try_unwrap(rc) {
                    if let Some(d) = inst.dict.take() {
                        work.push(Value::Dict(d));
                    }
                    work.extend(std::mem::take(inst.slots.get_mut()).into_iter().flatten());
                    match std::mem::replace(&mut inst.payload, Payload::None) {
                        Payload::Value(v) => work.push(v),
                        Payload::List(l) => work.push(Value::List(l)),
                        Payload::Dict(d) => work.push(Value::Dict(d)),
                        _ => {}
                    }
                }
            }
            other => drop(other),
        }
    }
}

pub type TupleItems = smallvec::SmallVec<[Value; 2]>;

impl Tuple {
    pub fn new(items: TupleItems) -> Tuple {
        Tuple { items, gc: GcHeader::new() }
    }

    /// The items of a tuple made from `items`: moved inline when they fit,
    /// else the vector's buffer, trimmed to size.
    pub fn items_from_vec(mut items: Vec<Value>) -> TupleItems {
        if items.len() <= 2 {
            return items.into_iter().collect();
        }
        items.shrink_to_fit();
        TupleItems::from_vec(items)
    }
}

pub struct Dict {
    pub table: RefCell<DictTable>,
    pub gc: GcHeader,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::from_table(DictTable::new())
    }

    pub fn from_table(t: DictTable) -> Dict {
        Dict { table: RefCell::new(t), gc: GcHeader::new() }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    /// Looks up a string key natively (attribute and global dicts hold only
    /// string keys in practice; a non-string key never equals a str).
    pub fn get_str(&self, key: &Str) -> Option<Value> {
        self.table.borrow().get_str(key.hash(), key)
    }

    pub fn set_str(&self, key: Rc<Str>, value: Value) {
        self.table.borrow_mut().set_str(key, value);
    }

    pub fn del_str(&self, key: &Str) -> Option<Value> {
        self.table.borrow_mut().del_str(key)
    }

    /// Replaces the value of an existing string key; gives the value back
    /// when the key is absent (so the caller can make an owned key).
    pub fn replace_str(&self, key: &Str, value: Value) -> Result<(), Value> {
        let mut t = self.table.borrow_mut();
        match t.find_str(key.hash(), key) {
            Some(i) => {
                if let Some(v) = t.value_at_mut(i) {
                    let old = std::mem::replace(v, value);
                    drop(t);
                    drop(old);
                }
                Ok(())
            }
            None => Err(value),
        }
    }
}

impl Default for Dict {
    fn default() -> Dict {
        Dict::new()
    }
}

impl DictTable {
    pub fn get_str(&self, hash: i64, key: &Str) -> Option<Value> {
        self.find_str(hash, key).and_then(|i| self.entry_at(i)).map(|e| e.value.clone())
    }

    /// `find_str` trying the entry at `hint` first (a position seen at the
    /// same code site before); the hint follows the key when it moved.
    #[inline]
    pub fn find_str_hinted(&self, key: &Str, hint: &Cell<u32>) -> Option<usize> {
        let h = hint.get() as usize;
        if let Some(e) = self.entry_at(h) {
            if matches!(&e.key, Value::Str(s) if std::ptr::eq(&**s, key)) {
                return Some(h);
            }
        }
        let i = self.find_str(key.hash(), key)?;
        hint.set(i as u32);
        Some(i)
    }

    pub fn find_str(&self, hash: i64, key: &Str) -> Option<usize> {
        self.find_by(hash, |k| matches!(k, Value::Str(s) if std::ptr::eq(&**s, key) || s.as_str() == key.as_str()))
    }

    /// `find_str` for a user's dict, whose keys may be str subclass
    /// instances equal to `key`: `None` when such a key with the same hash
    /// is present, so that Python equality has to decide.
    pub fn find_str_decided(&self, key: &Str) -> Option<Option<usize>> {
        let mut undecided = false;
        let found = self.find_by(key.hash(), |k| match k {
            Value::Str(s) => std::ptr::eq(&**s, key) || s.as_str() == key.as_str(),
            _ => {
                undecided = true;
                false
            }
        });
        (found.is_some() || !undecided).then_some(found)
    }

    pub fn set_str(&mut self, key: Rc<Str>, value: Value) {
        let hash = key.hash();
        match self.find_str(hash, &key) {
            Some(i) => {
                if let Some(v) = self.value_at_mut(i) {
                    *v = value;
                }
            }
            None => self.insert_new(hash, Value::Str(key), value),
        }
    }

    pub fn del_str(&mut self, key: &Str) -> Option<Value> {
        let i = self.find_str(key.hash(), key)?;
        self.remove_at(i).map(|e| e.value)
    }
}

pub struct Set {
    pub table: RefCell<DictTable>,
    pub gc: GcHeader,
    /// A frozenset's hash once computed (nested frozensets hash in linear time).
    pub hash: Cell<Option<i64>>,
}

impl Set {
    pub fn new() -> Set {
        Set::from_table(DictTable::new_set())
    }

    pub fn from_table(t: DictTable) -> Set {
        Set { table: RefCell::new(t), gc: GcHeader::new(), hash: Cell::new(None) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
}

impl Default for Set {
    fn default() -> Set {
        Set::new()
    }
}

/// `range(start, stop, step)`; bounds beyond i64 (`range(10**20)`) are
/// kept exactly, while the common i64 case has fast paths (`fits_i64`).
pub struct Range {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl Range {
    /// The number of elements, exactly.
    pub fn len128(&self) -> i128 {
        let (lo, hi, step) = (self.start, self.stop, self.step);
        if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        }
    }

    /// The number of elements, saturated to i64.
    pub fn len(&self) -> i64 {
        self.len128().min(i64::MAX as i128) as i64
    }

    /// Whether every element, the step and the length fit in i64.
    pub fn fits_i64(&self) -> bool {
        let small = |v: i128| v >= i64::MIN as i128 && v <= i64::MAX as i128;
        small(self.start) && small(self.stop) && small(self.step) && small(self.len128())
    }

    pub fn get(&self, i: i64) -> i64 {
        self.get128(i as i128) as i64
    }

    pub fn get128(&self, i: i128) -> i128 {
        self.start.saturating_add(i.saturating_mul(self.step))
    }
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A Python function: code plus the environment it closes over.
pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<Dict>,
    pub defaults: RefCell<Vec<Value>>,
    /// One per keyword-only parameter; `None` where it has no default.
    pub kwdefaults: RefCell<Vec<Option<Value>>>,
    pub closure: Box<[Rc<CellObj>]>,
    pub name: RefCell<Rc<Str>>,
    pub qualname: RefCell<Rc<Str>>,
    pub dict: RefCell<DictTable>,
    /// The `__module__` name, taken from the globals at definition time.
    pub module: Value,
    pub gc: GcHeader,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BuiltinKind {
    /// A plain function (`len`): never binds to an instance.
    Function,
    /// A method of a builtin type: binds `self` on attribute access.
    Method,
    /// Binds the class (`dict.fromkeys`).
    ClassMethod,
    /// Never binds (`str.maketrans`).
    StaticMethod,
}

pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: BuiltinKind,
    /// The bound `self` of a method looked up on an instance (`[].append`).
    pub bound: Option<Value>,
    /// The type name for reprs of methods (`<method 'append' of 'list' objects>`).
    pub owner: &'static str,
    /// The class a method belongs to: its receiver must be an instance.
    pub owner_class: Option<std::rc::Weak<Class>>,
}

impl Builtin {
    /// This method or class method bound to `receiver`.
    pub fn bound_to(&self, receiver: Value) -> Builtin {
        Builtin {
            name: self.name,
            func: self.func,
            kind: self.kind,
            bound: Some(receiver),
            owner: self.owner,
            owner_class: self.owner_class.clone(),
        }
    }
}

/// A Python function bound to an instance.
pub struct Method {
    pub func: Value,
    pub self_: Value,
}

/// Which builtin type's storage instances of a class carry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    /// Immutable builtins stored as `Payload::Value` (int, str, tuple, float, ...).
    Value,
    List,
    Dict,
    Set,
    Exception,
}

/// Bumped whenever a class namespace changes after creation; every class's
/// lookup cache is valid for one version.
static TYPE_VERSION: AtomicU64 = AtomicU64::new(0);

pub fn bump_type_version() {
    TYPE_VERSION.fetch_add(1, Ordering::Relaxed);
}

pub fn type_version() -> u64 {
    TYPE_VERSION.load(Ordering::Relaxed)
}

/// Results of MRO lookups of interned names, for one type version.
#[derive(Default)]
pub struct LookupCache {
    version: u64,
    map: HashMap<usize, Option<Value>, BuildHasherDefault<AddressHasher>>,
}

impl LookupCache {
    /// The cached lookup results (the cycle collector follows them).
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.map.values().flatten()
    }

    /// Moves the cached results out, for the collector freeing a class.
    pub fn take_values(&mut self, out: &mut Vec<Value>) {
        out.extend(std::mem::take(&mut self.map).into_values().flatten());
    }
}

/// Hashes addresses (already well distributed above the low bits).
#[derive(Default)]
pub struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }

    fn write_usize(&mut self, v: usize) {
        self.0 = (v as u64 >> 4).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `Class::flags` bits: the class overrides these attribute hooks.
pub const CUSTOM_GETATTRIBUTE: u8 = 1;
pub const HAS_GETATTR: u8 = 2;
pub const CUSTOM_SETATTR: u8 = 4;

pub struct Class {
    /// Lookups of interned names along the MRO.
    pub cache: RefCell<LookupCache>,
    /// Hook flags (`CUSTOM_GETATTRIBUTE`, ...) and the type version they hold for.
    pub flags: Cell<(u64, u8)>,
    pub name: RefCell<Rc<Str>>,
    pub qualname: RefCell<Rc<Str>>,
    pub bases: RefCell<Vec<Rc<Class>>>,
    pub mro: RefCell<Vec<Rc<Class>>>,
    pub dict: RefCell<DictTable>,
    /// The metaclass; `None` means `type`.
    pub meta: RefCell<Option<Rc<Class>>>,
    pub layout: Layout,
    /// For builtin classes, which one (used by constructors and `type()`).
    pub builtin: Option<crate::runtime::types::TypeId>,
    /// Names from `__slots__` along the MRO; instances get a slot vector.
    pub slots: RefCell<Vec<Rc<Str>>>,
    /// False when every class in the MRO has `__slots__` (no `__dict__`).
    pub has_dict: Cell<bool>,
    /// Set for classes defined in Python (affects reprs and mutability).
    pub is_heap: bool,
    /// The name messages give the type of an instance, when it is not the
    /// class's `__name__`: CPython names its C types with their module
    /// (`'datetime.date' object is not iterable`), and some of those are
    /// classes written in Python here (`_tulip.c_type`).
    pub type_name: std::cell::OnceCell<Rc<Str>>,
    /// For classes that define or inherit `__del__`: the queue their
    /// instances join when freed, to have it called (see `Instance`'s drop).
    pub finalizers: RefCell<Option<Rc<Orphans>>>,
    /// How calling the class makes an instance, and the type version that
    /// holds for (`Vm::construct_plan`).
    pub construct: RefCell<(u64, Construct)>,
    /// For exception classes: which families with attributes of their own
    /// the MRO holds (`builtins::exceptions::set_special_attrs`), and the
    /// type version that holds for.
    pub exc_families: Cell<(u64, u8)>,
    pub gc: GcHeader,
}

/// How calling a class makes an instance.
#[derive(Clone)]
pub enum Construct {
    /// `object.__new__` and `object.__init__`: a bare instance.
    Bare,
    /// `object.__new__`, then this Python `__init__`.
    Init(Rc<Function>),
    /// A native `__new__` (a builtin type: `enumerate`, `range`,
    /// `ValueError`), then the native `__init__` if not `object.__init__`.
    NativeNew(Value, Option<Value>),
    /// A metaclass, a builtin base, an abstract class, another `__new__`
    /// or `__init__`: the general path of `type.__call__`.
    General,
}

impl Construct {
    /// No plan yet: no type version is this old.
    pub const UNSET: (u64, Construct) = (u64::MAX, Construct::General);
}

impl Class {
    /// Looks `name` up along the MRO (cached for interned names).
    pub fn lookup(&self, name: &Str) -> Option<Value> {
        if !name.is_interned() {
            return self.lookup_uncached(name);
        }
        let key = name as *const Str as usize;
        let version = TYPE_VERSION.load(Ordering::Relaxed);
        {
            let cache = self.cache.borrow();
            if cache.version == version {
                if let Some(v) = cache.map.get(&key) {
                    return v.clone();
                }
            }
        }
        let found = self.lookup_uncached(name);
        let mut cache = self.cache.borrow_mut();
        if cache.version != version || cache.map.len() > 4096 {
            cache.map.clear();
            cache.version = version;
        }
        cache.map.insert(key, found.clone());
        found
    }

    /// The hook flags, recomputed when any class changed since last time.
    /// `names` are the interned `__getattribute__`, `__getattr__`, `__setattr__`.
    pub fn hook_flags(&self, names: [&Str; 3], is_default: impl Fn(&Value) -> bool) -> u8 {
        let version = TYPE_VERSION.load(Ordering::Relaxed);
        let (v, f) = self.flags.get();
        if v == version && f & 0x80 != 0 {
            return f;
        }
        let mut f = 0x80;
        if self.lookup(names[0]).is_some_and(|g| !is_default(&g)) {
            f |= CUSTOM_GETATTRIBUTE;
        }
        if self.lookup(names[1]).is_some() {
            f |= HAS_GETATTR;
        }
        if self.lookup(names[2]).is_some_and(|g| !is_default(&g)) {
            f |= CUSTOM_SETATTR;
        }
        self.flags.set((version, f));
        f
    }

    fn lookup_uncached(&self, name: &Str) -> Option<Value> {
        let hash = name.hash();
        if let Some(v) = self.dict.borrow().get_str(hash, name) {
            return Some(v);
        }
        for c in self.mro.borrow().iter().skip(1) {
            if let Some(v) = c.dict.borrow().get_str(hash, name) {
                return Some(v);
            }
        }
        None
    }

    /// Like `lookup` but also tells which class defined it.
    pub fn lookup_with_owner(self: &Rc<Self>, name: &Str) -> Option<(Value, Rc<Class>)> {
        let hash = name.hash();
        for c in self.mro.borrow().iter() {
            if let Some(v) = c.dict.borrow().get_str(hash, name) {
                return Some((v, c.clone()));
            }
        }
        None
    }

    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.borrow().iter().any(|c| std::ptr::eq(&**c, other))
    }

    pub fn name(&self) -> Rc<Str> {
        self.name.borrow().clone()
    }

    /// What messages call an instance's type (see `type_name`).
    pub fn instance_type_name(&self) -> Rc<Str> {
        match self.type_name.get() {
            Some(n) => n.clone(),
            None => self.name(),
        }
    }
}

/// Data of builtin-type storage inside an instance.
pub enum Payload {
    None,
    Value(Value),
    List(Rc<List>),
    Dict(Rc<Dict>),
    Set(Rc<Set>),
    /// Boxed: every instance carries a `Payload`, and most are not
    /// exceptions (an inline `ExcData` made each instance 80 bytes larger).
    Exception(Box<RefCell<ExcData>>),
}

pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    pub dict: Option<Rc<Dict>>,
    pub slots: RefCell<Vec<Option<Value>>>,
    pub payload: Payload,
    pub gc: GcHeader,
}


/// An instance of a class with `__del__`, freed, comes back to life as a
/// copy holding its contents, queued to have `__del__` called at the next
/// statement boundary (where Python code may run); the copy is marked
/// finalized, so that `__del__` runs once (PEP 442).
impl Drop for Instance {
    fn drop(&mut self) {
        let Some(queue) = self.finalizer_queue() else { return };
        let revived = Instance {
            class: RefCell::new(self.class.get_mut().clone()),
            dict: self.dict.take(),
            slots: RefCell::new(std::mem::take(self.slots.get_mut())),
            payload: std::mem::replace(&mut self.payload, Payload::None),
            gc: GcHeader::new(),
        };
        revived.gc.set_finalized();
        queue.push_finalizer(Rc::new(revived));
    }
}

impl Instance {
    /// Where this instance goes to have `__del__` called, if that is still
    /// to happen.
    pub fn finalizer_queue(&self) -> Option<Rc<Orphans>> {
        let class = self.class.borrow();
        let queue = class.finalizers.borrow();
        queue.as_ref().filter(|_| !self.gc.is_finalized()).cloned()
    }

    pub fn class(&self) -> Rc<Class> {
        self.class.borrow().clone()
    }

    pub fn exc(&self) -> Option<&RefCell<ExcData>> {
        match &self.payload {
            Payload::Exception(e) => Some(&**e),
            _ => None,
        }
    }
}

/// One frame of a traceback, innermost last in `ExcData::traceback`.
#[derive(Clone)]
pub struct TbEntry {
    /// Identifies the frame (its address while it runs), so that a frame
    /// is recorded once however many blocks the exception leaves.
    pub frame: usize,
    pub filename: Rc<str>,
    pub line: u32,
    pub name: Rc<Str>,
    /// The expression that failed in the frame, for the traceback's carets.
    pub at: Option<FailedAt>,
}

/// Where an exception came out of an expression: its byte span in the
/// source, whether only the callee of a call failed (a method that could
/// not be looked up), and whether the span runs on to the next `]` (a
/// subscript target, known by its object and index only).
#[derive(Clone, Copy)]
pub struct FailedAt {
    pub span: crate::syntax::ast::Span,
    pub callee: bool,
    pub to_bracket: bool,
}

pub struct ExcData {
    pub args: Value,
    pub traceback: Vec<TbEntry>,
    /// The innermost expression that raised in the frame being unwound,
    /// until the frame's traceback entry takes it.
    pub failed_at: Option<FailedAt>,
    /// Raised again by a `raise` statement in the frame of its last
    /// traceback entry: that frame gets a second entry, at the `raise`.
    pub raised_again: bool,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

pub struct Module {
    pub name: Rc<Str>,
    pub dict: Rc<Dict>,
}

pub struct CellObj {
    pub value: RefCell<Option<Value>>,
    pub gc: GcHeader,
}

impl CellObj {
    pub fn new(value: Option<Value>) -> CellObj {
        CellObj { value: RefCell::new(value), gc: GcHeader::new() }
    }
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    pub gc: GcHeader,
}

/// What a `staticmethod` or `classmethod` holds: the callable it wraps.
pub struct FuncWrapper {
    pub func: Value,
    pub gc: GcHeader,
}

impl FuncWrapper {
    pub fn new(func: Value) -> FuncWrapper {
        FuncWrapper { func, gc: GcHeader::new() }
    }
}

/// `super()` bound to a class and an instance (or class).
pub struct Super {
    pub class: Rc<Class>,
    pub obj: Value,
    /// The type MRO lookup starts from: `type(obj)`, or `obj` when it is a class.
    pub obj_type: Rc<Class>,
}

/// Native objects of types defined by native modules.
pub struct NativeObj {
    pub class: Rc<Class>,
    pub data: RefCell<Box<dyn Any>>,
}
