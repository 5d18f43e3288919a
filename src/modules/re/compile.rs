//! Compiling the parse tree to a program for the backtracking matcher.

use super::parse::{Assert, Error, Greed, Node, Set, SetItem, INF};

/// Something that matches exactly one character.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    Char(u32),
    /// A character ignoring case; `ascii` folds ASCII letters only.
    CharI { c: u32, ascii: bool },
    Any,
    AnyNoNl,
    Set(usize),
}

#[derive(Clone, Debug)]
pub enum Inst {
    One(Item),
    Assert(Assert),
    /// Sets capture slot `n` (group `n / 2`, start or end) to the position.
    Save(usize),
    /// Tries `.0` first, then `.1`.
    Split(usize, usize),
    Jmp(usize),
    /// A repeat of one item; the continuation is the next instruction.
    RepeatOne { item: Item, min: u32, max: u32, greed: Greed },
    /// Starts the counted loop `reg`; the next instruction is its `RepCheck`.
    RepInit { reg: usize },
    /// Decides whether to run `body` once more or leave for `exit`.
    RepCheck { reg: usize, min: u32, max: u32, lazy: bool, body: usize, exit: usize },
    Backref { group: usize, icase: bool, ascii: bool },
    /// If `group` matched, go on; otherwise jump to `no`.
    Cond { group: usize, no: usize },
    /// A lookaround whose body starts at `body` and ends in `SubMatch`.
    Look { body: usize, behind: bool, negated: bool, width: usize, next: usize },
    /// An atomic group whose body starts at `body` and ends in `SubMatch`.
    Atomic { body: usize, next: usize },
    Match,
    SubMatch,
}

pub struct Program {
    pub insts: Vec<Inst>,
    pub sets: Vec<Set>,
    /// Counted-loop registers.
    pub regs: usize,
    /// Capturing groups, not counting group 0.
    pub groups: usize,
    /// Characters every match starts with (case-sensitive).
    pub prefix: Vec<u32>,
    /// Matches can only start at the beginning of the string.
    pub anchored: bool,
    /// What the first character of every match must be, if known.
    pub first: Option<Item>,
    /// Which of the characters below 256 each set holds (bytes and ASCII
    /// text are matched against these instead of the set's items).
    pub low_sets: Vec<[u64; 4]>,
}

struct Compiler {
    insts: Vec<Inst>,
    sets: Vec<Set>,
    regs: usize,
}

pub fn compile(node: &Node, groups: usize) -> Result<Program, Error> {
    let mut c = Compiler { insts: Vec::new(), sets: Vec::new(), regs: 0 };
    c.node(node)?;
    c.insts.push(Inst::Match);
    let mut prefix = Vec::new();
    literal_prefix(node, &mut prefix);
    let anchored = starts_anchored(node);
    let first = c.insts.iter().find(|i| !matches!(i, Inst::Save(_))).and_then(|i| match i {
        Inst::One(item) => Some(*item),
        Inst::RepeatOne { item, min, .. } if *min > 0 => Some(*item),
        _ => None,
    });
    let low_sets = c.sets.iter().map(low_members).collect();
    Ok(Program { insts: c.insts, sets: c.sets, regs: c.regs, groups, prefix, anchored, first, low_sets })
}

fn low_members(set: &Set) -> [u64; 4] {
    let mut bits = [0u64; 4];
    for c in 0..256u32 {
        if super::matcher::in_set(set, c) {
            bits[(c / 64) as usize] |= 1 << (c % 64);
        }
    }
    bits
}

fn literal_prefix(node: &Node, out: &mut Vec<u32>) -> bool {
    match node {
        Node::Char { c, icase: false, .. } => {
            out.push(*c);
            true
        }
        Node::Seq(items) => {
            for n in items {
                if !literal_prefix(n, out) {
                    return false;
                }
            }
            true
        }
        Node::Group { body, .. } => literal_prefix(body, out),
        _ => false,
    }
}

fn starts_anchored(node: &Node) -> bool {
    match node {
        Node::Assert(Assert::Start | Assert::Bol { multiline: false }) => true,
        Node::Seq(items) => items.first().is_some_and(starts_anchored),
        Node::Group { body, .. } | Node::Atomic(body) => starts_anchored(body),
        _ => false,
    }
}

/// The (minimum, maximum) width of what `node` matches; `INF` if unbounded.
pub fn width(node: &Node) -> (u64, u64) {
    const UNBOUNDED: u64 = INF as u64;
    let add = |a: u64, b: u64| if a >= UNBOUNDED || b >= UNBOUNDED { UNBOUNDED } else { (a + b).min(UNBOUNDED) };
    match node {
        Node::Empty | Node::Assert(_) | Node::Look { .. } => (0, 0),
        Node::Char { .. } | Node::Any { .. } | Node::Set(_) => (1, 1),
        Node::Seq(items) => items.iter().fold((0, 0), |(lo, hi), n| {
            let (a, b) = width(n);
            (add(lo, a), add(hi, b))
        }),
        Node::Alt(items) => {
            let mut lo = UNBOUNDED;
            let mut hi = 0;
            for n in items {
                let (a, b) = width(n);
                lo = lo.min(a);
                hi = hi.max(b);
            }
            (lo, hi)
        }
        Node::Group { body, .. } | Node::Atomic(body) => width(body),
        Node::Repeat { body, min, max, .. } => {
            let (a, b) = width(body);
            let lo = a.saturating_mul(*min as u64).min(UNBOUNDED);
            let hi = if *max == INF && b > 0 { UNBOUNDED } else { b.saturating_mul(*max as u64).min(UNBOUNDED) };
            (lo, hi)
        }
        Node::Backref { .. } => (0, UNBOUNDED),
        Node::Cond { yes, no, .. } => {
            let (a, b) = width(yes);
            let (c, d) = width(no);
            (a.min(c), b.max(d))
        }
    }
}

/// `a|b|[cd]` as one class, when every branch is a character or a
/// non-negated class with the same case and ASCII flags.
fn alt_as_set(branches: &[Node]) -> Option<Set> {
    let mut flags = None;
    let mut items = Vec::new();
    for b in branches {
        let f = match b {
            Node::Char { c, icase, ascii } => {
                items.push(SetItem::Char(*c));
                (*icase, *ascii)
            }
            Node::Set(s) if !s.negated => {
                items.extend(s.items.iter().cloned());
                (s.icase, s.ascii)
            }
            _ => return None,
        };
        if *flags.get_or_insert(f) != f {
            return None;
        }
    }
    let (icase, ascii) = flags?;
    Some(Set { negated: false, items, icase, ascii })
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn patch_jump(&mut self, at: usize, target: usize) {
        match &mut self.insts[at] {
            Inst::Jmp(t) => *t = target,
            Inst::Split(_, b) => *b = target,
            Inst::Cond { no, .. } => *no = target,
            Inst::Look { next, .. } | Inst::Atomic { next, .. } => *next = target,
            Inst::RepCheck { exit, .. } => *exit = target,
            _ => {}
        }
    }

    fn item(&mut self, node: &Node) -> Option<Item> {
        Some(match node {
            Node::Char { c, icase: true, ascii } => {
                // Non-ASCII characters can fold to others without a simple
                // case mapping of their own ('ß' and 'ẞ'), so they compare
                // folded.
                let letter = char::from_u32(*c).is_some_and(|c| c.is_ascii_alphabetic());
                let folds = letter || (!*ascii && *c >= 128);
                if folds {
                    Item::CharI { c: *c, ascii: *ascii }
                } else {
                    Item::Char(*c)
                }
            }
            Node::Char { c, .. } => Item::Char(*c),
            Node::Any { dotall: true } => Item::Any,
            Node::Any { dotall: false } => Item::AnyNoNl,
            Node::Set(s) => {
                self.sets.push((**s).clone());
                Item::Set(self.sets.len() - 1)
            }
            Node::Alt(branches) => {
                // Alternatives of single characters are a class: each
                // consumes one character, so the first that fits is as good
                // as any.
                let set = alt_as_set(branches)?;
                self.sets.push(set);
                Item::Set(self.sets.len() - 1)
            }
            Node::Group { index: 0, body } => return self.item(body),
            _ => return None,
        })
    }

    fn node(&mut self, node: &Node) -> Result<(), Error> {
        match node {
            Node::Empty => {}
            Node::Char { .. } | Node::Any { .. } | Node::Set(_) => {
                if let Some(item) = self.item(node) {
                    self.emit(Inst::One(item));
                }
            }
            Node::Assert(a) => {
                self.emit(Inst::Assert(*a));
            }
            Node::Seq(items) => {
                for n in items {
                    self.node(n)?;
                }
            }
            Node::Alt(branches) => {
                if let Some(set) = alt_as_set(branches) {
                    self.sets.push(set);
                    self.emit(Inst::One(Item::Set(self.sets.len() - 1)));
                    return Ok(());
                }
                let mut ends = Vec::new();
                for (i, b) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        if let Inst::Split(a, _) = &mut self.insts[split] {
                            *a = split + 1;
                        }
                        self.node(b)?;
                        ends.push(self.emit(Inst::Jmp(0)));
                        let here = self.insts.len();
                        self.patch_jump(split, here);
                    } else {
                        self.node(b)?;
                    }
                }
                let here = self.insts.len();
                for e in ends {
                    self.patch_jump(e, here);
                }
            }
            Node::Group { index, body } => {
                if *index == 0 {
                    self.node(body)?;
                } else {
                    self.emit(Inst::Save(2 * index));
                    self.node(body)?;
                    self.emit(Inst::Save(2 * index + 1));
                }
            }
            Node::Repeat { body, min, max, greed } => self.repeat(body, *min, *max, *greed)?,
            Node::Atomic(body) => self.sub(body, |body| Inst::Atomic { body, next: 0 })?,
            Node::Look { behind, negated, body } => {
                let mut w = 0;
                if *behind {
                    let (lo, hi) = width(body);
                    if lo != hi || hi >= INF as u64 {
                        return Err(Error { msg: "look-behind requires fixed-width pattern".into(), pos: None });
                    }
                    w = lo as usize;
                }
                let (behind, negated) = (*behind, *negated);
                self.sub(body, |body| Inst::Look { body, behind, negated, width: w, next: 0 })?;
            }
            Node::Backref { group, icase, ascii } => {
                self.emit(Inst::Backref { group: *group, icase: *icase, ascii: *ascii });
            }
            Node::Cond { group, yes, no } => {
                let cond = self.emit(Inst::Cond { group: *group, no: 0 });
                self.node(yes)?;
                let jmp = self.emit(Inst::Jmp(0));
                let here = self.insts.len();
                self.patch_jump(cond, here);
                self.node(no)?;
                let end = self.insts.len();
                self.patch_jump(jmp, end);
            }
        }
        Ok(())
    }

    /// A body run as its own sub-match: the instruction, the body, `SubMatch`.
    fn sub(&mut self, body: &Node, make: impl FnOnce(usize) -> Inst) -> Result<(), Error> {
        let at = self.emit(Inst::Jmp(0));
        self.insts[at] = make(at + 1);
        self.node(body)?;
        self.emit(Inst::SubMatch);
        let here = self.insts.len();
        self.patch_jump(at, here);
        Ok(())
    }

    fn repeat(&mut self, body: &Node, min: u32, max: u32, greed: Greed) -> Result<(), Error> {
        if let Some(item) = self.item(body) {
            self.emit(Inst::RepeatOne { item, min, max, greed });
            return Ok(());
        }
        if greed == Greed::Possessive {
            // CPython commits to each iteration's first match, and to the
            // whole repeat: (?>(?>body){min,max}).
            let once = Node::Atomic(Box::new(body.clone()));
            let inner = Node::Repeat { body: Box::new(once), min, max, greed: Greed::Greedy };
            return self.sub(&inner, |body| Inst::Atomic { body, next: 0 });
        }
        if max == 0 {
            return Ok(());
        }
        if min == 0 && max == 1 {
            let split = self.emit(Inst::Split(0, 0));
            self.node(body)?;
            let end = self.insts.len();
            self.insts[split] = if greed == Greed::Lazy { Inst::Split(end, split + 1) } else { Inst::Split(split + 1, end) };
            return Ok(());
        }
        if min == 1 && max == 1 {
            return self.node(body);
        }
        let reg = self.regs;
        self.regs += 1;
        self.emit(Inst::RepInit { reg });
        let check = self.emit(Inst::RepCheck { reg, min, max, lazy: greed == Greed::Lazy, body: 0, exit: 0 });
        self.node(body)?;
        self.emit(Inst::Jmp(check));
        let exit = self.insts.len();
        if let Inst::RepCheck { body: b, exit: e, .. } = &mut self.insts[check] {
            *b = check + 1;
            *e = exit;
        }
        Ok(())
    }
}
