//! The hash table behind `dict` and `set`: CPython's compact layout — an
//! index table of positions into an insertion-ordered entry vector — so
//! iteration follows insertion order. A set's index is CPython's own set
//! table layout (`SlotOrder`), which also gives its iteration order.
//!
//! The table only compares keys natively ([`native_eq`]). Keys whose equality
//! needs Python code (`__eq__` on an instance) are reported back as
//! candidates, so the caller can run that code with no borrow held and then
//! re-check the table (see `eval::dict_ops`).

use super::setorder::SlotOrder;
use super::value::Value;
use hashbrown::HashTable;
use std::rc::Rc;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Tables with at most this many entry positions have no hash index: a
/// scan of their entries' hashes is cheaper than probing one, and most
/// dicts (instance attributes, keyword arguments, small literals) stay
/// this small.
const SMALL_TABLE: usize = 8;

#[derive(Default, Clone)]
pub struct DictTable {
    /// Positions of the live entries by hash; empty while the table is
    /// small (`entries.len() <= SMALL_TABLE`).
    index: HashTable<u32>,
    entries: Vec<Option<Entry>>,
    len: usize,
    /// Bumped on every insertion of a new key or removal, so iterators and
    /// interrupted lookups notice changes.
    version: u64,
    /// No live entry sits before this position (`pop_first` resumes here).
    head: usize,
    /// For sets: CPython's table layout, which gives their iteration order.
    sim: Option<Box<SlotOrder>>,
    /// Bit `hash % 64` is set for the hash of every key inserted since the
    /// last `clear`, so most misses (a method name looked for in an instance
    /// dict) skip the scan or the index.
    small_hashes: u64,
}

/// A Python hash as the index table takes it. The table tells slots apart
/// by the top 7 bits, which are all zero in the hashes of ints and of
/// objects (their address): unmixed, every slot of a probed group matched
/// and had its key compared (a dict of 40,000 tasks: 2,000 instructions a
/// lookup). The multiply spreads every bit into the top ones; the shift
/// brings the high ones down to pick the slot.
#[inline]
fn index_hash(hash: i64) -> u64 {
    let h = (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 32)
}

#[inline]
fn hash_bit(hash: i64) -> u64 {
    1 << (hash as u64 & 63)
}

/// The result of a native lookup.
pub enum Probe {
    Found(usize),
    Missing,
    /// Entries with the same hash whose keys need a Python-level comparison.
    NeedsEq(Vec<(usize, Value)>),
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(n: usize) -> DictTable {
        let index = if n > SMALL_TABLE { HashTable::with_capacity(n) } else { HashTable::new() };
        DictTable { index, entries: Vec::with_capacity(n), len: 0, version: 0, head: 0, sim: None, small_hashes: 0 }
    }

    /// The table of a set: iterates in CPython's set order.
    pub fn new_set() -> DictTable {
        DictTable { sim: Some(Box::new(SlotOrder::new())), ..DictTable::default() }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// Looks `key` up comparing natively; identical keys always match.
    #[inline]
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        // An int key meets only int keys with its hash in most tables:
        // decided without the general comparison's bookkeeping.
        if let Value::Int(k) = key {
            let mut other = false;
            let found = self.find_by(hash, |e| match e {
                Value::Int(x) => x == k,
                _ => {
                    other = true;
                    false
                }
            });
            match (found, other) {
                (Some(i), _) => return Probe::Found(i),
                (None, false) => return Probe::Missing,
                (None, true) => {}
            }
        }
        self.probe_general(hash, key)
    }

    #[inline(never)]
    fn probe_general(&self, hash: i64, key: &Value) -> Probe {
        let mut pending: Vec<(usize, Value)> = Vec::new();
        let entries = &self.entries;
        let found = match &self.sim {
            Some(sim) if entries.len() > SMALL_TABLE => {
                sim.find(hash, |i| holds_key(entries, i as usize, hash, key, &mut pending)).map(|i| i as usize)
            }
            _ if self.small_hashes & hash_bit(hash) == 0 => None,
            _ if self.indexed() => {
                self.index.find(index_hash(hash), |&i| holds_key(entries, i as usize, hash, key, &mut pending)).map(|&i| i as usize)
            }
            _ => (0..entries.len()).find(|&i| holds_key(entries, i, hash, key, &mut pending)),
        };
        match found {
            Some(i) => Probe::Found(i),
            None if pending.is_empty() => Probe::Missing,
            None => Probe::NeedsEq(pending),
        }
    }

    /// Finds a key with a native predicate (string keys, say).
    #[inline]
    pub fn find_by(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        if let (Some(sim), true) = (&self.sim, entries.len() > SMALL_TABLE) {
            return sim.find(hash, |i| matches!(entries.get(i as usize), Some(Some(e)) if e.hash == hash && eq(&e.key))).map(|i| i as usize);
        }
        // Most misses end here, in a table of any size (a method name looked
        // for in an instance dict): the bits only fill up in big tables.
        if self.small_hashes & hash_bit(hash) == 0 {
            return None;
        }
        if !self.indexed() {
            return entries.iter().position(|e| matches!(e, Some(e) if e.hash == hash && eq(&e.key)));
        }
        self.index
            .find(index_hash(hash), |&i| matches!(&entries[i as usize], Some(e) if e.hash == hash && eq(&e.key)))
            .map(|&i| i as usize)
    }

    /// The entry at `index` (from `probe`) if it is still there.
    #[inline]
    pub fn entry_at(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index).and_then(|e| e.as_ref())
    }

    /// The entry at `index`, mutably: its value may be replaced in place
    /// (the key and hash must stay).
    #[inline]
    pub fn entry_at_mut(&mut self, index: usize) -> Option<&mut Entry> {
        self.entries.get_mut(index).and_then(|e| e.as_mut())
    }

    pub fn value_at_mut(&mut self, index: usize) -> Option<&mut Value> {
        self.entries.get_mut(index).and_then(|e| e.as_mut()).map(|e| &mut e.value)
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let i = self.entries.len() as u32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.small_hashes |= hash_bit(hash);
        if self.entries.len() == SMALL_TABLE + 1 {
            self.rebuild_index();
        } else if self.indexed() {
            let entries = &self.entries;
            self.index.insert_unique(index_hash(hash), i, |&j| entries[j as usize].as_ref().map_or(0, |e| index_hash(e.hash)));
        }
        self.len += 1;
        self.version += 1;
        if let Some(sim) = self.sim.as_mut() {
            let entries = &self.entries;
            sim.insert(hash, i, &|j| entries.get(j as usize).and_then(|e| e.as_ref()).map_or(0, |e| e.hash));
        }
    }

    /// Removes the entry at `index` (from `probe`).
    pub fn remove_at(&mut self, index: usize) -> Option<Entry> {
        let hash = self.entries.get(index)?.as_ref()?.hash;
        if let Some(sim) = self.sim.as_mut() {
            sim.remove(hash, index as u32);
        }
        self.remove_entry(index, hash)
    }

    fn remove_entry(&mut self, index: usize, hash: i64) -> Option<Entry> {
        if self.indexed() {
            if let Ok(slot) = self.index.find_entry(index_hash(hash), |&i| i as usize == index) {
                slot.remove();
            }
        }
        let e = self.entries[index].take();
        self.len -= 1;
        self.version += 1;
        if index + 1 == self.entries.len() {
            // Trailing holes are dropped, so last-in-first-out use (pops,
            // add/remove pairs on a set) keeps the table from growing.
            let was_indexed = self.indexed();
            while matches!(self.entries.last(), Some(None)) {
                self.entries.pop();
            }
            if was_indexed && !self.indexed() {
                self.index.clear();
            }
            self.head = self.head.min(self.entries.len());
        } else if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        e
    }

    fn compact(&mut self) {
        if let Some(sim) = self.sim.as_mut() {
            let mut map = Vec::with_capacity(self.entries.len());
            let mut k = 0u32;
            for e in &self.entries {
                map.push(k);
                if e.is_some() {
                    k += 1;
                }
            }
            sim.remap(&map);
        }
        self.entries = std::mem::take(&mut self.entries).into_iter().filter(|e| e.is_some()).collect();
        self.rebuild_index();
        self.head = 0;
    }

    /// Whether lookups go through the hash index (see `SMALL_TABLE`). Large
    /// sets look up through their CPython-layout table instead.
    #[inline(always)]
    fn indexed(&self) -> bool {
        self.entries.len() > SMALL_TABLE && self.sim.is_none()
    }

    /// The index of every live entry, built afresh (none for small tables).
    fn rebuild_index(&mut self) {
        self.index.clear();
        if !self.indexed() {
            self.index.shrink_to_fit(|_| 0);
            return;
        }
        let entries = &self.entries;
        self.index.reserve(entries.len(), |&j| entries[j as usize].as_ref().map_or(0, |e| index_hash(e.hash)));
        for (i, e) in entries.iter().enumerate() {
            if let Some(e) = e {
                self.index.insert_unique(index_hash(e.hash), i as u32, |&j| entries[j as usize].as_ref().map_or(0, |e| index_hash(e.hash)));
            }
        }
    }

    pub fn clear(&mut self) {
        self.index.clear();
        self.entries.clear();
        self.head = 0;
        self.small_hashes = 0;
        if let Some(sim) = self.sim.as_mut() {
            sim.reset();
        }
        self.len = 0;
        self.version += 1;
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Entry> {
        self.entries.iter().filter_map(|e| e.as_ref())
    }

    /// The entry at or after position `pos` in insertion order, for iterators
    /// that survive across calls: returns the entry and the next position.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        let mut p = pos;
        while p < self.entries.len() {
            if let Some(e) = &self.entries[p] {
                return Some((p + 1, e));
            }
            p += 1;
        }
        None
    }

    /// Removes and returns the most recently inserted entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let index = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(index)
    }

    /// Removes and returns the oldest entry (`set.pop`), in amortized O(1).
    pub fn pop_first(&mut self) -> Option<Entry> {
        if let Some(sim) = self.sim.as_mut() {
            // Sets pop as CPython's do: the next slot after the last pop.
            let idx = sim.pop()? as usize;
            let hash = self.entries.get(idx)?.as_ref()?.hash;
            return self.remove_entry(idx, hash);
        }
        let mut p = self.head;
        while p < self.entries.len() && self.entries[p].is_none() {
            p += 1;
        }
        if p >= self.entries.len() {
            self.head = p;
            return None;
        }
        self.head = p + 1;
        let e = self.remove_at(p);
        e
    }

    /// Moves every key and value out (for iterative freeing of nested data).
    pub fn drain_values(&mut self, out: &mut Vec<Value>) {
        for e in std::mem::take(&mut self.entries).into_iter().flatten() {
            out.push(e.key);
            out.push(e.value);
        }
        self.index.clear();
        if let Some(sim) = self.sim.as_mut() {
            sim.reset();
        }
        self.len = 0;
    }

    pub fn keys(&self) -> Vec<Value> {
        if let Some(sim) = &self.sim {
            return sim.order().filter_map(|i| self.entry_at(i as usize)).map(|e| e.key.clone()).collect();
        }
        self.iter().map(|e| e.key.clone()).collect()
    }

    /// Entries in iteration order: CPython's table order for sets.
    pub fn ordered_entries(&self) -> Vec<(i64, Value)> {
        match &self.sim {
            Some(sim) => sim.order().filter_map(|i| self.entry_at(i as usize)).map(|e| (e.hash, e.key.clone())).collect(),
            None => self.iter().map(|e| (e.hash, e.key.clone())).collect(),
        }
    }

    /// CPython's `fill` of a set table (active plus deleted slots).
    pub fn set_fill(&self) -> usize {
        self.sim.as_ref().map_or(self.len, |s| s.fill())
    }

    fn hash_fn(entries: &[Option<Entry>]) -> impl Fn(u32) -> i64 + '_ {
        move |j| entries.get(j as usize).and_then(|e| e.as_ref()).map_or(0, |e| e.hash)
    }

    /// Pre-sizes a set table for `n` more keys, as CPython's updates do.
    pub fn set_reserve(&mut self, n: usize) {
        if let Some(sim) = self.sim.as_mut() {
            sim.reserve(n, &Self::hash_fn(&self.entries));
        }
    }

    /// Resizes deleted slots away (after `difference_update`).
    pub fn set_shrink_dummies(&mut self) {
        if let Some(sim) = self.sim.as_mut() {
            sim.shrink_dummies(&Self::hash_fn(&self.entries));
        }
    }

    /// A copy of a set as `set.copy()` makes it (CPython's `set_merge` into
    /// an empty set, which may lay the table out afresh).
    pub fn set_copy(&self) -> DictTable {
        let mut t = DictTable::new_set();
        t.merge_set_into_empty(self);
        t
    }

    /// `set_merge` into this empty set table from the set table `other`.
    pub fn merge_set_into_empty(&mut self, other: &DictTable) {
        if self.len == 0 {
            self.entries.clear();
            self.index.clear();
            self.head = 0;
        }
        let base = self.entries.len() as u32;
        let items = other.ordered_entries();
        let n = items.len();
        for (hash, key) in items {
            self.entries.push(Some(Entry { hash, key, value: Value::None }));
            self.small_hashes |= hash_bit(hash);
        }
        self.rebuild_index();
        self.len += n;
        self.version += 1;
        let clean = base == 0 && self.sim.as_ref().is_some_and(|s| s.fill() == 0);
        if let (Some(sim), Some(osim), true) = (self.sim.as_mut(), other.sim.as_ref(), clean) {
            sim.merge_into_empty(osim, &Self::hash_fn(&self.entries));
        } else if let Some(sim) = self.sim.as_mut() {
            let entries = &self.entries;
            for i in base..base + n as u32 {
                sim.insert(entries[i as usize].as_ref().map_or(0, |e| e.hash), i, &Self::hash_fn(entries));
            }
        }
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }
}

/// Whether entry `i` holds `key` (with `hash`); keys whose equality needs
/// Python code are set aside in `pending`.
#[inline(always)]
fn holds_key(entries: &[Option<Entry>], i: usize, hash: i64, key: &Value, pending: &mut Vec<(usize, Value)>) -> bool {
    let Some(Some(e)) = entries.get(i) else { return false };
    if e.hash != hash {
        return false;
    }
    let eq = match (&e.key, key) {
        (Value::Int(a), Value::Int(b)) => Some(a == b),
        (Value::Str(a), Value::Str(b)) if Rc::ptr_eq(a, b) => Some(true),
        (a, b) => native_eq(a, b),
    };
    eq.unwrap_or_else(|| {
        pending.push((i, e.key.clone()));
        false
    })
}

/// Equality that needs no Python code: numbers, strings, bytes, tuples of
/// such, and identity. `None` when a user-defined `__eq__` may be involved.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    if a.is(b) {
        return Some(true);
    }
    Some(match (a, b) {
        (Str(x), Str(y)) => x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Int(_) | Bool(_) | Float(_) | BigInt(_), Int(_) | Bool(_) | Float(_) | BigInt(_)) => {
            super::int::numeric_eq(a, b)
        }
        (Bytes(x), Bytes(y)) => x.data == y.data,
        (ByteArray(x), ByteArray(y)) => *x.data.borrow() == *y.data.borrow(),
        (Bytes(x), ByteArray(y)) | (ByteArray(y), Bytes(x)) => x.data[..] == y.data.borrow()[..],
        (Tuple(x), Tuple(y)) => {
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if !native_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Instance(_), _) | (_, Instance(_)) => return Option::None,
        (Complex(x), Complex(y)) => x.re == y.re && x.im == y.im,
        (Complex(c), Int(_) | Float(_) | Bool(_)) | (Int(_) | Float(_) | Bool(_), Complex(c)) => {
            let other = if let Complex(_) = a { b } else { a };
            c.im == 0.0 && super::int::numeric_eq(&Value::float(c.re), other)
        }
        // Values of different simple kinds are never equal.
        (None | Bool(_) | Int(_) | Float(_) | BigInt(_) | Str(_) | Bytes(_) | Tuple(_) | Complex(_), _)
            if is_simple(b) =>
        {
            false
        }
        _ => return Option::None,
    })
}

/// Kinds whose equality `native_eq` decides completely.
fn is_simple(v: &Value) -> bool {
    use Value::*;
    matches!(v, None | Bool(_) | Int(_) | Float(_) | BigInt(_) | Str(_) | Bytes(_) | Tuple(_) | Complex(_))
}
