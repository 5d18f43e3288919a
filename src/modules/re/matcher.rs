//! The backtracking matcher: runs a `Program` over a slice of characters
//! (bytes, or chars of a non-ASCII string) with an explicit stack of choice
//! points and undo entries, so deep inputs use heap, not the machine stack.
//! Only lookarounds and atomic groups run nested, bounded by the pattern's
//! nesting.

use super::compile::{Inst, Item, Program};
use super::parse::{Assert, Category, Greed, Set, SetItem, INF};
use crate::builtins::unicode as uni;

/// An unset capture slot.
pub const UNSET: usize = usize::MAX;

/// The simple lowercase mapping of a code point. Of the characters whose
/// full mapping has more than one character, only U+0130 has a simple one:
/// the first character of its full mapping.
pub fn lower(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    match char::from_u32(c) {
        Some(ch) => match ch.to_lowercase().next() {
            Some(x) => x as u32,
            None => c,
        },
        None => c,
    }
}

/// The simple uppercase mapping of a code point.
pub fn upper(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    match char::from_u32(c) {
        Some(ch) => {
            let mut u = ch.to_uppercase();
            match (u.next(), u.next()) {
                (Some(x), None) => x as u32,
                _ => c,
            }
        }
        None => c,
    }
}

/// The case-insensitive identity of a character: characters with equal
/// keys match each other ignoring case ('s', 'S' and 'ſ'; 'σ' and 'ς').
fn case_key(c: u32) -> u32 {
    upper(lower(c))
}

fn same_ignoring_case(a: u32, b: u32, ascii: bool) -> bool {
    if a == b {
        return true;
    }
    if ascii {
        a < 128 && b < 128 && (a as u8).eq_ignore_ascii_case(&(b as u8))
    } else {
        case_key(a) == case_key(b)
    }
}

/// Backreferences compare lowercase forms only, as CPython does.
fn same_lowercase(a: u32, b: u32, ascii: bool) -> bool {
    if ascii {
        a < 128 && b < 128 && (a as u8).eq_ignore_ascii_case(&(b as u8))
    } else {
        lower(a) == lower(b)
    }
}

/// Characters that ignore case into the same class as the lowercase `l`
/// without being reachable by simple case mappings from the others.
fn extra_cases(l: u32) -> &'static [u32] {
    match l {
        0x69 => &[0x130, 0x131],
        0x6b => &[0x212a],
        0xe5 => &[0x212b],
        0x3c9 => &[0x2126],
        _ => &[],
    }
}

fn is_word(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphanumeric() || c == '_' as u32;
    }
    !ascii && char::from_u32(c).is_some_and(|ch| uni::has(ch, uni::ALPHA | uni::DECIMAL | uni::DIGIT | uni::NUMERIC))
}

fn is_digit(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    !ascii && char::from_u32(c).is_some_and(|ch| uni::has(ch, uni::DECIMAL))
}

fn is_space(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return matches!(c, 9..=13 | 32) || (!ascii && (0x1c..=0x1f).contains(&c));
    }
    !ascii && char::from_u32(c).is_some_and(crate::runtime::format::py_isspace)
}

fn category(cat: Category, c: u32, ascii: bool) -> bool {
    match cat {
        Category::Digit => is_digit(c, ascii),
        Category::NotDigit => !is_digit(c, ascii),
        Category::Space => is_space(c, ascii),
        Category::NotSpace => !is_space(c, ascii),
        Category::Word => is_word(c, ascii),
        Category::NotWord => !is_word(c, ascii),
    }
}

fn set_has(set: &Set, c: u32) -> bool {
    set.items.iter().any(|item| match *item {
        SetItem::Char(x) => x == c,
        SetItem::Range(lo, hi) => lo <= c && c <= hi,
        SetItem::Cat(cat) => category(cat, c, set.ascii),
    })
}

#[inline(never)]
pub(super) fn in_set(set: &Set, c: u32) -> bool {
    let mut found = set_has(set, c);
    if !found && set.icase {
        if set.ascii {
            if c < 128 {
                let l = (c as u8).to_ascii_lowercase() as u32;
                let u = (c as u8).to_ascii_uppercase() as u32;
                found = (l != c && set_has(set, l)) || (u != c && set_has(set, u));
            }
        } else {
            let (l, u) = (lower(c), upper(c));
            let k = upper(l);
            let candidates = [l, u, k, lower(u)];
            found = candidates.iter().any(|&x| x != c && set_has(set, x))
                || extra_cases(l).iter().any(|&x| x != c && set_has(set, x))
                || set.items.iter().any(|item| matches!(*item, SetItem::Char(x) if case_key(x) == upper(l)));
        }
    }
    found != set.negated
}

/// What the backtracking stack holds: choice points and undo entries.
enum Bt {
    Branch { pc: usize, pos: usize },
    Slot { slot: usize, old: usize, lastindex: usize },
    Reg { reg: usize, count: u32, last: usize },
    /// A greedy single-item repeat that can give back characters down to `min`.
    Greedy { next: usize, min: usize, cur: usize },
    /// A lazy single-item repeat that can take more characters up to `max`.
    Lazy { next: usize, item: Item, max: usize, cur: usize },
    /// A lazy counted loop that can run its body once more.
    LazyIter { reg: usize, body: usize, max: u32, pos: usize },
}

pub struct Matcher<'a, T> {
    prog: &'a Program,
    input: &'a [T],
    pub slots: Vec<usize>,
    pub lastindex: usize,
    counts: Vec<u32>,
    lasts: Vec<usize>,
    stack: Vec<Bt>,
    /// fullmatch: the match must end at the end of the input.
    full: bool,
    /// After an empty match at this position, no empty match there again.
    no_empty_at: usize,
    attempt: usize,
}

/// A unit of the input: a byte or a char.
pub trait Unit: Copy + Into<u32> {
    /// The first index of `c` in `s`.
    fn find(s: &[Self], c: u32) -> Option<usize>;
}

impl Unit for u8 {
    fn find(s: &[u8], c: u32) -> Option<usize> {
        u8::try_from(c).ok().and_then(|b| memchr::memchr(b, s))
    }
}

impl Unit for char {
    fn find(s: &[char], c: u32) -> Option<usize> {
        s.iter().position(|&x| x as u32 == c)
    }
}

impl<'a, T: Unit> Matcher<'a, T> {
    pub fn new(prog: &'a Program, input: &'a [T]) -> Self {
        Matcher {
            prog,
            input,
            slots: vec![UNSET; 2 * (prog.groups + 1)],
            lastindex: 0,
            counts: vec![0; prog.regs],
            lasts: vec![UNSET; prog.regs],
            stack: Vec::new(),
            full: false,
            no_empty_at: UNSET,
            attempt: 0,
        }
    }

    fn at(&self, i: usize) -> u32 {
        self.input[i].into()
    }

    #[inline(always)]
    fn item(&self, item: Item, c: u32) -> bool {
        match item {
            Item::Char(x) => x == c,
            Item::CharI { c: x, ascii } => same_ignoring_case(x, c, ascii),
            Item::Any => true,
            Item::AnyNoNl => c != '\n' as u32,
            Item::Set(i) => match self.prog.low_sets.get(i) {
                Some(bits) if c < 256 => bits[(c / 64) as usize] >> (c % 64) & 1 != 0,
                _ => in_set(&self.prog.sets[i], c),
            },
        }
    }

    fn assert(&self, a: Assert, pos: usize) -> bool {
        let len = self.input.len();
        match a {
            Assert::Start => pos == 0,
            Assert::End => pos == len,
            Assert::Bol { multiline } => pos == 0 || (multiline && self.at(pos - 1) == '\n' as u32),
            Assert::Eol { multiline } => {
                pos == len
                    || (pos < len && self.at(pos) == '\n' as u32 && (multiline || pos + 1 == len))
            }
            Assert::Boundary { ascii } | Assert::NotBoundary { ascii } => {
                if len == 0 {
                    // CPython: neither \b nor \B matches in an empty string.
                    return false;
                }
                let before = pos > 0 && is_word(self.at(pos - 1), ascii);
                let after = pos < len && is_word(self.at(pos), ascii);
                (before != after) == matches!(a, Assert::Boundary { .. })
            }
        }
    }

    fn set_slot(&mut self, slot: usize, pos: usize) {
        self.stack.push(Bt::Slot { slot, old: self.slots[slot], lastindex: self.lastindex });
        self.slots[slot] = pos;
        if slot & 1 == 1 {
            self.lastindex = slot / 2;
        }
    }

    fn set_reg(&mut self, reg: usize, count: u32, last: usize) {
        self.stack.push(Bt::Reg { reg, count: self.counts[reg], last: self.lasts[reg] });
        self.counts[reg] = count;
        self.lasts[reg] = last;
    }

    /// Undoes everything above `base`.
    fn unwind(&mut self, base: usize) {
        while self.stack.len() > base {
            match self.stack.pop() {
                Some(Bt::Slot { slot, old, lastindex }) => {
                    self.slots[slot] = old;
                    self.lastindex = lastindex;
                }
                Some(Bt::Reg { reg, count, last }) => {
                    self.counts[reg] = count;
                    self.lasts[reg] = last;
                }
                _ => {}
            }
        }
    }

    /// Drops the choice points above `base`, keeping the undo entries.
    fn commit(&mut self, base: usize) {
        let mut w = base;
        for r in base..self.stack.len() {
            if matches!(self.stack[r], Bt::Slot { .. } | Bt::Reg { .. }) {
                self.stack.swap(w, r);
                w += 1;
            }
        }
        self.stack.truncate(w);
    }

    /// How many times `item` matches from `pos`, at most `max`.
    fn count(&self, item: Item, pos: usize, max: u32) -> usize {
        let limit = if max == INF { self.input.len() } else { self.input.len().min(pos.saturating_add(max as usize)) };
        let mut p = pos;
        match item {
            Item::Any => p = limit,
            Item::Char(c) => {
                while p < limit && self.at(p) == c {
                    p += 1;
                }
            }
            _ => {
                while p < limit && self.item(item, self.at(p)) {
                    p += 1;
                }
            }
        }
        p - pos
    }

    /// Runs from `pc` at `pos` to `Match` (or `SubMatch`); the end position.
    fn run(&mut self, mut pc: usize, mut pos: usize) -> Option<usize> {
        let base = self.stack.len();
        let insts = &self.prog.insts;
        let len = self.input.len();
        loop {
            let ok = match &insts[pc] {
                Inst::One(item) => {
                    if pos < len && self.item(*item, self.at(pos)) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Assert(a) => {
                    let ok = self.assert(*a, pos);
                    pc += 1;
                    ok
                }
                Inst::Save(slot) => {
                    self.set_slot(*slot, pos);
                    pc += 1;
                    true
                }
                Inst::Split(a, b) => {
                    self.stack.push(Bt::Branch { pc: *b, pos });
                    pc = *a;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::RepeatOne { item, min, max, greed } => match greed {
                    Greed::Greedy | Greed::Possessive => {
                        let n = self.count(*item, pos, *max);
                        if n < *min as usize {
                            false
                        } else {
                            if n > *min as usize && *greed == Greed::Greedy {
                                self.stack.push(Bt::Greedy { next: pc + 1, min: pos + *min as usize, cur: pos + n });
                            }
                            pos += n;
                            pc += 1;
                            true
                        }
                    }
                    Greed::Lazy => {
                        let n = self.count(*item, pos, *min);
                        if n < *min as usize {
                            false
                        } else {
                            pos += n;
                            let max = if *max == INF { len } else { len.min(pos - n + *max as usize) };
                            if pos < max {
                                self.stack.push(Bt::Lazy { next: pc + 1, item: *item, max, cur: pos });
                            }
                            pc += 1;
                            true
                        }
                    }
                },
                Inst::RepInit { reg } => {
                    self.set_reg(*reg, 0, UNSET);
                    pc += 1;
                    true
                }
                Inst::RepCheck { reg, min, max, lazy, body, exit } => {
                    // CPython's MAX_UNTIL / MIN_UNTIL: `lasts` is where the
                    // last iteration beyond the minimum started; one that
                    // would start there again (an empty loop) is not run.
                    let (reg, body, exit) = (*reg, *body, *exit);
                    let count = self.counts[reg];
                    if count < *min {
                        let last = self.lasts[reg];
                        self.set_reg(reg, count + 1, last);
                        pc = body;
                    } else if *lazy {
                        self.stack.push(Bt::LazyIter { reg, body, max: *max, pos });
                        pc = exit;
                    } else if (*max == INF || count < *max) && pos != self.lasts[reg] {
                        self.stack.push(Bt::Branch { pc: exit, pos });
                        self.set_reg(reg, count + 1, pos);
                        pc = body;
                    } else {
                        pc = exit;
                    }
                    true
                }
                Inst::Backref { group, icase, ascii } => {
                    let (s, e) = (self.slots.get(2 * group).copied(), self.slots.get(2 * group + 1).copied());
                    match (s, e) {
                        (Some(s), Some(e)) if s != UNSET && e != UNSET && s <= e => {
                            let n = e - s;
                            if pos + n <= len
                                && (0..n).all(|i| {
                                    let (a, b) = (self.at(s + i), self.at(pos + i));
                                    a == b || (*icase && same_lowercase(a, b, *ascii))
                                })
                            {
                                pos += n;
                                pc += 1;
                                true
                            } else {
                                false
                            }
                        }
                        _ => false,
                    }
                }
                Inst::Cond { group, no } => {
                    let set = self.slots.get(2 * group + 1).is_some_and(|&e| e != UNSET)
                        && self.slots.get(2 * group).is_some_and(|&s| s != UNSET);
                    pc = if set { pc + 1 } else { *no };
                    true
                }
                Inst::Look { body, behind, negated, width, next } => {
                    let (body, next, negated) = (*body, *next, *negated);
                    let start = if *behind { pos.checked_sub(*width) } else { Some(pos) };
                    let mark = self.stack.len();
                    let saved_attempt = self.attempt;
                    let found = match start {
                        Some(s) => self.run_sub(body, s).is_some(),
                        None => false,
                    };
                    self.attempt = saved_attempt;
                    if found && negated {
                        self.unwind(mark);
                    } else if found {
                        self.commit(mark);
                    }
                    pc = next;
                    found != negated
                }
                Inst::Atomic { body, next } => {
                    let (body, next) = (*body, *next);
                    let mark = self.stack.len();
                    match self.run_sub(body, pos) {
                        Some(end) => {
                            self.commit(mark);
                            pos = end;
                            pc = next;
                            true
                        }
                        None => false,
                    }
                }
                Inst::Match => {
                    if (self.full && pos != len) || (pos == self.no_empty_at && self.attempt == pos) {
                        false
                    } else {
                        return Some(pos);
                    }
                }
                Inst::SubMatch => return Some(pos),
            };
            if ok {
                continue;
            }
            // Backtrack to the latest choice point of this run.
            loop {
                if self.stack.len() <= base {
                    return None;
                }
                match self.stack.pop() {
                    None => return None,
                    Some(Bt::Slot { slot, old, lastindex }) => {
                        self.slots[slot] = old;
                        self.lastindex = lastindex;
                    }
                    Some(Bt::Reg { reg, count, last }) => {
                        self.counts[reg] = count;
                        self.lasts[reg] = last;
                    }
                    Some(Bt::Branch { pc: p, pos: q }) => {
                        pc = p;
                        pos = q;
                        break;
                    }
                    Some(Bt::Greedy { next, min, cur }) => {
                        let mut c = cur - 1;
                        // Give back characters until the next literal fits.
                        if let Inst::One(Item::Char(lit)) = insts[next] {
                            while c > min && (c >= len || self.at(c) != lit) {
                                c -= 1;
                            }
                            if c >= len || self.at(c) != lit {
                                continue;
                            }
                        }
                        if c > min {
                            self.stack.push(Bt::Greedy { next, min, cur: c });
                        }
                        pc = next;
                        pos = c;
                        break;
                    }
                    Some(Bt::Lazy { next, item, max, cur }) => {
                        if cur < max && self.item(item, self.at(cur)) {
                            if cur + 1 < max {
                                self.stack.push(Bt::Lazy { next, item, max, cur: cur + 1 });
                            }
                            pc = next;
                            pos = cur + 1;
                            break;
                        }
                    }
                    Some(Bt::LazyIter { reg, body, max, pos: q }) => {
                        let count = self.counts[reg];
                        if (max != INF && count >= max) || q == self.lasts[reg] {
                            continue;
                        }
                        self.set_reg(reg, count + 1, q);
                        pc = body;
                        pos = q;
                        break;
                    }
                }
            }
        }
    }

    fn run_sub(&mut self, pc: usize, pos: usize) -> Option<usize> {
        let saved = (self.full, self.no_empty_at);
        self.full = false;
        self.no_empty_at = UNSET;
        let r = self.run(pc, pos);
        (self.full, self.no_empty_at) = saved;
        r
    }

    fn reset(&mut self) {
        self.stack.clear();
        self.slots.iter_mut().for_each(|s| *s = UNSET);
        self.lastindex = 0;
    }

    fn attempt_at(&mut self, start: usize) -> bool {
        self.attempt = start;
        match self.run(0, start) {
            Some(end) => {
                self.slots[0] = start;
                self.slots[1] = end;
                self.stack.clear();
                true
            }
            None => false,
        }
    }

    /// Matches at `pos` only (`match`, or `fullmatch` with `full`).
    pub fn match_at(&mut self, pos: usize, full: bool) -> bool {
        self.reset();
        self.full = full;
        self.no_empty_at = UNSET;
        pos <= self.input.len() && self.attempt_at(pos)
    }

    /// Searches from `pos`; `no_empty_at` forbids an empty match there.
    pub fn search(&mut self, pos: usize, no_empty_at: usize) -> bool {
        self.reset();
        self.full = false;
        self.no_empty_at = no_empty_at;
        let len = self.input.len();
        if pos > len {
            return false;
        }
        if self.prog.anchored {
            return self.attempt_at(pos);
        }
        let prefix = &self.prog.prefix;
        let mut start = pos;
        while start <= len {
            if let Some(&first) = prefix.first() {
                // Skip to the next place the literal prefix can start.
                match self.find(first, start) {
                    Some(p) => start = p,
                    None => return false,
                }
                if start + prefix.len() > len {
                    return false;
                }
                if !prefix.iter().enumerate().all(|(i, &c)| self.at(start + i) == c) {
                    start += 1;
                    continue;
                }
            }
            if let Some(item) = self.prog.first {
                // Skip places where the first character cannot match.
                while start < len && !self.item(item, self.at(start)) {
                    start += 1;
                }
                if start >= len {
                    return false;
                }
            }
            if self.attempt_at(start) {
                return true;
            }
            start += 1;
        }
        false
    }

    fn find(&self, c: u32, from: usize) -> Option<usize> {
        T::find(&self.input[from..], c).map(|i| from + i)
    }
}
