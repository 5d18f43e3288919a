//! CPython's set hash-table layout (Objects/setobject.c), simulated beside a
//! set's `DictTable` so that sets iterate, print and `pop()` in exactly the
//! order CPython's do. Only positions are tracked: each slot holds the index
//! of an entry of the `DictTable`, `EMPTY` or `DUMMY` (a deleted key).
//! Lookups and key equality stay with the `DictTable`.

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;

#[derive(Clone)]
pub struct SlotOrder {
    slots: Vec<u32>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop()` resumes its scan.
    finger: usize,
}

impl Default for SlotOrder {
    fn default() -> Self {
        SlotOrder::new()
    }
}

fn active(s: u32) -> bool {
    s != EMPTY && s != DUMMY
}

impl SlotOrder {
    pub fn new() -> SlotOrder {
        SlotOrder { slots: vec![EMPTY; MINSIZE], fill: 0, used: 0, finger: 0 }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    pub fn fill(&self) -> usize {
        self.fill
    }

    /// `set_clear_internal`: back to the small table.
    pub fn reset(&mut self) {
        self.slots = vec![EMPTY; MINSIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// `set_add_entry` for a key known to be absent.
    pub fn insert(&mut self, hash: i64, idx: u32, hash_of: &dyn Fn(u32) -> i64) {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64 as usize;
        let mut freeslot = None;
        let mut target = None;
        for _ in 0..=self.slots.len() * 4 + 64 {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match self.slots[j] {
                    EMPTY => {
                        target = Some(j);
                        break;
                    }
                    // CPython 3.11 keeps the last dummy seen on the probe path.
                    DUMMY => freeslot = Some(j),
                    _ => {}
                }
            }
            if target.is_some() {
                break;
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
        if let Some(f) = freeslot {
            self.slots[f] = idx;
            self.used += 1;
            return;
        }
        let j = match target {
            Some(j) => j,
            None => match self.slots.iter().position(|&s| s == EMPTY) {
                Some(j) => j,
                None => {
                    // Cannot happen (the table is never full); keep the entry visible.
                    self.slots.push(idx);
                    self.used += 1;
                    return;
                }
            },
        };
        self.slots[j] = idx;
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 }, hash_of);
        }
    }

    /// `set_lookkey`: the entry on `hash`'s probe path that `is_key`
    /// accepts.
    pub fn find(&self, hash: i64, mut is_key: impl FnMut(u32) -> bool) -> Option<u32> {
        self.position(hash, |s| is_key(s)).map(|j| self.slots[j])
    }

    /// The slot on `hash`'s probe path whose entry `is_key` accepts. The
    /// path ends at the first empty slot: insertion never places an entry
    /// beyond one, and removal leaves a dummy.
    fn position(&self, hash: i64, mut is_key: impl FnMut(u32) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64 as usize;
        for _ in 0..=self.slots.len() * 4 + 64 {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match self.slots[j] {
                    EMPTY => return None,
                    DUMMY => {}
                    idx => {
                        if is_key(idx) {
                            return Some(j);
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
        // The table is never full, so the path met an empty slot above.
        self.slots.iter().position(|&s| active(s) && is_key(s))
    }

    /// `set_insert_clean`: into a table with no dummies and no equal key.
    fn insert_clean(&mut self, hash: i64, idx: u32) {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64 as usize;
        for _ in 0..=self.slots.len() * 4 + 64 {
            if self.slots[i] == EMPTY {
                self.slots[i] = idx;
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if self.slots[j] == EMPTY {
                        self.slots[j] = idx;
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
        match self.slots.iter().position(|&s| s == EMPTY) {
            Some(j) => self.slots[j] = idx,
            None => self.slots.push(idx),
        }
    }

    /// `set_table_resize`.
    pub fn resize(&mut self, minused: usize, hash_of: &dyn Fn(u32) -> i64) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; newsize]);
        for s in old {
            if active(s) {
                self.insert_clean(hash_of(s), s);
            }
        }
        self.fill = self.used;
    }

    /// The pre-sizing `set_merge` and `set_update_internal` do before adding
    /// `n` keys.
    pub fn reserve(&mut self, n: usize, hash_of: &dyn Fn(u32) -> i64) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2, hash_of);
        }
    }

    /// After `difference_update`: resize away dummies when over a quarter.
    pub fn shrink_dummies(&mut self, hash_of: &dyn Fn(u32) -> i64) {
        if self.fill - self.used <= self.mask() / 4 {
            return;
        }
        self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 }, hash_of);
    }

    /// Marks the slot of entry `idx` (with `hash`) as deleted.
    pub fn remove(&mut self, hash: i64, idx: u32) {
        if let Some(j) = self.position(hash, |s| s == idx) {
            self.slots[j] = DUMMY;
            self.used -= 1;
        }
    }

    /// `set.pop()`: the entry to remove, its slot becoming a dummy.
    pub fn pop(&mut self) -> Option<u32> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        for _ in 0..self.slots.len() {
            if active(self.slots[j]) {
                let idx = self.slots[j];
                self.slots[j] = DUMMY;
                self.used -= 1;
                self.finger = j + 1;
                return Some(idx);
            }
            j = if j >= mask { 0 } else { j + 1 };
        }
        None
    }

    /// Entry indices in table order (iteration order).
    pub fn order(&self) -> impl Iterator<Item = u32> + '_ {
        self.slots.iter().copied().filter(|&s| active(s))
    }

    /// Renumbers entries after the entry vector was compacted.
    pub fn remap(&mut self, new_index: &[u32]) {
        for s in self.slots.iter_mut() {
            if active(*s) {
                *s = new_index.get(*s as usize).copied().unwrap_or(DUMMY);
            }
        }
    }

    /// `set_merge` into this empty table from `other`, whose entries
    /// `0..n` were appended here in `other`'s table order.
    pub fn merge_into_empty(&mut self, other: &SlotOrder, hash_of: &dyn Fn(u32) -> i64) {
        let n = other.used;
        if n == 0 {
            return;
        }
        self.reserve(n, hash_of);
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            // Same size and no dummies: CPython copies the table as it is.
            let mut k = 0u32;
            for (dst, &src) in self.slots.iter_mut().zip(other.slots.iter()) {
                if active(src) {
                    *dst = k;
                    k += 1;
                }
            }
        } else {
            for k in 0..n as u32 {
                self.insert_clean(hash_of(k), k);
            }
        }
        self.fill = n;
        self.used = n;
    }
}
