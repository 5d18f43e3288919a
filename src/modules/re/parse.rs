//! The pattern parser: pattern text to a tree of `Node`s, with the flags of
//! each scope baked into the nodes, and CPython's `re.error` messages and
//! positions.

use super::flags::*;

/// A parse error: CPython's message and the position it reports.
#[derive(Debug)]
pub struct Error {
    pub msg: String,
    pub pos: Option<usize>,
}

pub type Result<T> = std::result::Result<T, Error>;

/// The unbounded repeat count.
pub const INF: u32 = u32::MAX;
/// CPython's limit on repeat counts (`MAXREPEAT`) and group numbers.
const MAXREPEAT: u64 = u32::MAX as u64;
const MAXGROUPS: usize = (u32::MAX / 2) as usize;
/// Nesting deeper than this is a RecursionError, about where CPython's
/// recursive parser gives up.
const MAX_NESTING: usize = 495;

/// A class shorthand such as `\d`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Category {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

#[derive(Clone, Debug)]
pub enum SetItem {
    Char(u32),
    Range(u32, u32),
    Cat(Category),
}

/// A character class: `[...]` or a shorthand.
#[derive(Clone, Debug)]
pub struct Set {
    pub negated: bool,
    pub items: Vec<SetItem>,
    pub icase: bool,
    pub ascii: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Assert {
    /// `^`; multiline matches after every newline too.
    Bol { multiline: bool },
    /// `$`; without multiline, at the end or before a final newline.
    Eol { multiline: bool },
    /// `\A`
    Start,
    /// `\Z`
    End,
    /// `\b` / `\B`
    Boundary { ascii: bool },
    NotBoundary { ascii: bool },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Greed {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    Char { c: u32, icase: bool, ascii: bool },
    /// `.`; `dotall` matches newlines too.
    Any { dotall: bool },
    Set(Box<Set>),
    Assert(Assert),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Group { index: usize, body: Box<Node> },
    Repeat { body: Box<Node>, min: u32, max: u32, greed: Greed },
    Atomic(Box<Node>),
    Look { behind: bool, negated: bool, body: Box<Node> },
    Backref { group: usize, icase: bool, ascii: bool },
    Cond { group: usize, yes: Box<Node>, no: Box<Node> },
}

/// The parse of a whole pattern.
pub struct Parsed {
    pub node: Node,
    /// The pattern's flags, with the global inline flags.
    pub flags: u32,
    /// The number of capturing groups.
    pub groups: usize,
    /// Group names and numbers, in definition order.
    pub names: Vec<(String, usize)>,
}

struct Parser<'a> {
    src: &'a [char],
    pos: usize,
    is_str: bool,
    flags: u32,
    /// Groups opened so far (CPython's `state.groups - 1`).
    groups: usize,
    /// Groups whose `)` has been seen.
    closed: Vec<bool>,
    names: Vec<(String, usize)>,
    /// While inside a lookbehind: the number of groups before it.
    lookbehind_groups: Option<usize>,
    /// Positions of numbered condition references, checked at the end.
    cond_refs: Vec<(usize, usize)>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T> {
    Err(Error { msg: msg.into(), pos: Some(pos) })
}

fn is_flag(c: char) -> bool {
    matches!(c, 'i' | 'L' | 'm' | 's' | 'x' | 'a' | 't' | 'u')
}

fn flag_of(c: char) -> u32 {
    match c {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        't' => TEMPLATE,
        _ => UNICODE,
    }
}

/// Python's `str.isidentifier` for group names.
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

fn char_repr(s: &str) -> String {
    tulip_syntax::repr::str_repr(s)
}

pub fn parse(src: &[char], is_str: bool, flags: u32) -> Result<Parsed> {
    let mut p = Parser {
        src,
        pos: 0,
        is_str,
        flags,
        groups: 0,
        closed: Vec::new(),
        names: Vec::new(),
        lookbehind_groups: None,
        cond_refs: Vec::new(),
    };
    let verbose = flags & VERBOSE != 0;
    // CPython's tokenizer reads `\x` as one token and fails on a lone
    // final backslash as soon as it becomes the lookahead.
    let mut i = 0;
    let mut trailing = None;
    while i < src.len() {
        if src[i] == '\\' {
            if i + 1 == src.len() {
                trailing = Some(i);
            }
            i += 1;
        }
        i += 1;
    }
    let node = match p.alternation(verbose, 0) {
        Ok(n) => n,
        Err(e) => {
            return match trailing {
                Some(t) if p.pos >= t => err("bad escape (end of pattern)", t),
                _ => Err(e),
            }
        }
    };
    if let Some(c) = p.peek() {
        // Only ')' can stop the top level early.
        debug_assert_eq!(c, ')');
        return err("unbalanced parenthesis", p.pos);
    }
    for &(group, pos) in &p.cond_refs {
        if group > p.groups {
            return err(format!("invalid group reference {group}"), pos);
        }
    }
    Ok(Parsed { node, flags: p.flags, groups: p.groups, names: p.names })
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    /// The token CPython's tokenizer reads for `c`: a backslash takes the
    /// next character with it.
    fn token(&mut self, c: char) -> String {
        match (c, self.peek()) {
            ('\\', Some(n)) => {
                self.pos += 1;
                format!("\\{n}")
            }
            _ => c.to_string(),
        }
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Branches separated by `|`, up to `)` or the end.
    fn alternation(&mut self, verbose: bool, depth: usize) -> Result<Node> {
        self.alternation_with(verbose, depth, self.flags)
    }

    fn alternation_with(&mut self, verbose: bool, depth: usize, scope: u32) -> Result<Node> {
        if depth > MAX_NESTING {
            return Err(Error { msg: "RecursionError:maximum recursion depth exceeded".into(), pos: None });
        }
        let mut branches = Vec::new();
        loop {
            let first = depth == 0 && branches.is_empty();
            // Global flags, allowed only at the very start, apply to every
            // top-level branch.
            let (verbose, scope) = if depth == 0 { (self.flags & VERBOSE != 0, self.flags) } else { (verbose, scope) };
            branches.push(self.sequence(verbose, depth, scope, first)?);
            if !self.eat('|') {
                break;
            }
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Node::Empty) } else { Node::Alt(branches) })
    }

    /// The scope flags: the pattern's flags changed by `(?flags:...)`.
    fn sequence(&mut self, mut verbose: bool, depth: usize, mut scope: u32, first: bool) -> Result<Node> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            let Some(this) = self.peek() else { break };
            if this == '|' || this == ')' {
                break;
            }
            self.pos += 1;
            let start = self.pos - 1;
            if verbose {
                if matches!(this, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
                    continue;
                }
                if this == '#' {
                    while let Some(c) = self.next() {
                        if c == '\n' {
                            break;
                        }
                    }
                    continue;
                }
            }
            let icase = scope & IGNORECASE != 0;
            let ascii = !self.is_str || scope & ASCII != 0;
            match this {
                '\\' => items.push(self.escape(start, icase, ascii)?),
                '[' => items.push(self.class(start, icase, ascii)?),
                '*' | '+' | '?' | '{' => {
                    let (min, max) = match this {
                        '*' => (0, INF),
                        '+' => (1, INF),
                        '?' => (0, 1),
                        _ => {
                            if self.peek() == Some('}') {
                                items.push(Node::Char { c: '{' as u32, icase, ascii });
                                continue;
                            }
                            match self.braces()? {
                                Some(r) => r,
                                None => {
                                    self.pos = start + 1;
                                    items.push(Node::Char { c: '{' as u32, icase, ascii });
                                    continue;
                                }
                            }
                        }
                    };
                    let Some(item) = items.pop() else {
                        return err("nothing to repeat", start);
                    };
                    match item {
                        Node::Assert(_) => return err("nothing to repeat", start),
                        Node::Repeat { .. } => return err("multiple repeat", start),
                        _ => {}
                    }
                    let greed = if self.eat('?') {
                        Greed::Lazy
                    } else if self.eat('+') {
                        Greed::Possessive
                    } else {
                        Greed::Greedy
                    };
                    items.push(Node::Repeat { body: Box::new(item), min, max, greed });
                }
                '.' => items.push(Node::Any { dotall: scope & DOTALL != 0 }),
                '^' => items.push(Node::Assert(Assert::Bol { multiline: scope & MULTILINE != 0 })),
                '$' => items.push(Node::Assert(Assert::Eol { multiline: scope & MULTILINE != 0 })),
                '(' => {
                    match self.group(start, verbose, depth, scope, first && items.is_empty())? {
                        GroupResult::Node(n) => items.push(n),
                        GroupResult::Nothing => {}
                        GroupResult::GlobalFlags => {
                            verbose = self.flags & VERBOSE != 0;
                            scope |= self.flags & (IGNORECASE | MULTILINE | DOTALL | VERBOSE | ASCII | UNICODE | LOCALE);
                        }
                    }
                }
                c => items.push(Node::Char { c: c as u32, icase, ascii }),
            }
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Seq(items),
        })
    }

    /// `{m,n}` after the `{`; `None` if it is not a repeat (a literal `{`).
    fn braces(&mut self) -> Result<Option<(u32, u32)>> {
        let here = self.pos;
        let digits = |p: &mut Self| {
            let s = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            p.src[s..p.pos].iter().collect::<String>()
        };
        let lo = digits(self);
        let hi = if self.eat(',') { digits(self) } else { lo.clone() };
        if !self.eat('}') {
            return Ok(None);
        }
        let num = |s: &str| -> Result<u64> {
            match s.parse::<u64>() {
                Ok(n) if n < MAXREPEAT => Ok(n),
                _ => Err(Error { msg: "OverflowError:the repetition number is too large".into(), pos: None }),
            }
        };
        let min = if lo.is_empty() { 0 } else { num(&lo)? };
        let max = if hi.is_empty() { MAXREPEAT } else { num(&hi)? };
        if max < min {
            return err("min repeat greater than max repeat", here);
        }
        let max = if max == MAXREPEAT { INF } else { max as u32 };
        Ok(Some((min as u32, max)))
    }

    /// A name up to `term`, CPython's `getuntil`.
    fn until(&mut self, term: char, what: &str) -> Result<String> {
        let mut name = String::new();
        loop {
            match self.next() {
                None => {
                    if name.is_empty() {
                        return err(format!("missing {what}"), self.pos);
                    }
                    return err(format!("missing {term}, unterminated name"), self.pos - name.chars().count());
                }
                Some(c) if c == term => {
                    if name.is_empty() {
                        return err(format!("missing {what}"), self.pos - 1);
                    }
                    return Ok(name);
                }
                Some(c) => name.push(c),
            }
        }
    }

    fn name_pos(&self, name: &str) -> usize {
        self.pos - name.chars().count() - 1
    }

    fn group_is_open(&self, gid: usize) -> bool {
        !self.closed.get(gid).copied().unwrap_or(true)
    }

    fn check_lookbehind_group(&self, gid: usize, pos: usize) -> Result<()> {
        if let Some(lb) = self.lookbehind_groups {
            if gid > lb {
                return err("cannot refer to group defined in the same lookbehind subpattern", pos);
            }
        }
        Ok(())
    }

    fn close(&mut self, start: usize) -> Result<()> {
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        Ok(())
    }

    fn group(&mut self, start: usize, verbose: bool, depth: usize, scope: u32, first: bool) -> Result<GroupResult> {
        // Conditionals nest through here without `alternation_with`.
        if depth >= MAX_NESTING {
            return Err(Error { msg: "RecursionError:maximum recursion depth exceeded".into(), pos: None });
        }
        let mut name = None;
        let mut atomic = false;
        let mut capture = true;
        let mut inner_scope = scope;
        let mut inner_verbose = verbose;
        if self.eat('?') {
            let Some(c) = self.next() else {
                return err("unexpected end of pattern", self.pos);
            };
            match c {
                'P' => {
                    if self.eat('<') {
                        let n = self.until('>', "group name")?;
                        if !is_identifier(&n) {
                            return err(format!("bad character in group name {}", char_repr(&n)), self.name_pos(&n));
                        }
                        name = Some(n);
                    } else if self.eat('=') {
                        let n = self.until(')', "group name")?;
                        let pos = self.name_pos(&n);
                        if !is_identifier(&n) {
                            return err(format!("bad character in group name {}", char_repr(&n)), pos);
                        }
                        let Some(&(_, gid)) = self.names.iter().find(|(k, _)| *k == n) else {
                            return err(format!("unknown group name {}", char_repr(&n)), pos);
                        };
                        if self.group_is_open(gid) {
                            return err("cannot refer to an open group", pos);
                        }
                        self.check_lookbehind_group(gid, pos)?;
                        let icase = scope & IGNORECASE != 0;
                        let ascii = !self.is_str || scope & ASCII != 0;
                        return Ok(GroupResult::Node(Node::Backref { group: gid, icase, ascii }));
                    } else {
                        let Some(c) = self.next() else {
                            return err("unexpected end of pattern", self.pos);
                        };
                        let t = self.token(c);
                        return err(format!("unknown extension ?P{t}"), start + 1);
                    }
                }
                ':' => capture = false,
                '#' => loop {
                    match self.next() {
                        None => return err("missing ), unterminated comment", start),
                        Some(')') => return Ok(GroupResult::Nothing),
                        Some(_) => {}
                    }
                },
                '=' | '!' | '<' => {
                    let mut behind = false;
                    let mut kind = c;
                    if c == '<' {
                        let Some(k) = self.next() else {
                            return err("unexpected end of pattern", self.pos);
                        };
                        if k != '=' && k != '!' {
                            let t = self.token(k);
                            return err(format!("unknown extension ?<{t}"), start + 1);
                        }
                        behind = true;
                        kind = k;
                    }
                    let saved = self.lookbehind_groups;
                    if behind && saved.is_none() {
                        self.lookbehind_groups = Some(self.groups);
                    }
                    let body = self.alternation_with(verbose, depth + 1, scope)?;
                    self.lookbehind_groups = saved;
                    self.close(start)?;
                    return Ok(GroupResult::Node(Node::Look { behind, negated: kind == '!', body: Box::new(body) }));
                }
                '(' => {
                    let n = self.until(')', "group name")?;
                    let pos = self.name_pos(&n);
                    let gid = if is_identifier(&n) {
                        match self.names.iter().find(|(k, _)| *k == n) {
                            Some(&(_, g)) => g,
                            None => return err(format!("unknown group name {}", char_repr(&n)), pos),
                        }
                    } else {
                        let g = match n.parse::<u64>() {
                            Ok(g) if n.chars().all(|c| c.is_ascii_digit()) => g,
                            _ => return err(format!("bad character in group name {}", char_repr(&n)), pos),
                        };
                        if g == 0 {
                            return err("bad group number", pos);
                        }
                        if g as usize >= MAXGROUPS {
                            return err(format!("invalid group reference {g}"), pos);
                        }
                        self.cond_refs.push((g as usize, pos));
                        g as usize
                    };
                    self.check_lookbehind_group(gid, pos)?;
                    let yes = self.sequence(verbose, depth + 1, scope, false)?;
                    let no = if self.eat('|') {
                        let no = self.sequence(verbose, depth + 1, scope, false)?;
                        if self.peek() == Some('|') {
                            return err("conditional backref with more than two branches", self.pos);
                        }
                        no
                    } else {
                        Node::Empty
                    };
                    self.close(start)?;
                    return Ok(GroupResult::Node(Node::Cond { group: gid, yes: Box::new(yes), no: Box::new(no) }));
                }
                '>' => {
                    capture = false;
                    atomic = true;
                }
                c if is_flag(c) || c == '-' => {
                    match self.inline_flags(c)? {
                        None => {
                            if !first {
                                return err("global flags not at the start of the expression", start);
                            }
                            return Ok(GroupResult::GlobalFlags);
                        }
                        Some((add, del)) => {
                            capture = false;
                            inner_scope = (scope | add) & !del;
                            if add & (ASCII | UNICODE | LOCALE) != 0 {
                                inner_scope &= !(ASCII | UNICODE | LOCALE);
                                inner_scope |= add & (ASCII | UNICODE | LOCALE);
                            }
                            inner_verbose = (verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
                        }
                    }
                }
                c => {
                    let t = self.token(c);
                    return err(format!("unknown extension ?{t}"), start + 1);
                }
            }
        }
        let index = if capture {
            self.groups += 1;
            let gid = self.groups;
            if gid >= MAXGROUPS {
                return err("too many groups", start);
            }
            if let Some(n) = &name {
                if let Some(&(_, old)) = self.names.iter().find(|(k, _)| k == n) {
                    return err(
                        format!("redefinition of group name {} as group {gid}; was group {old}", char_repr(n)),
                        self.name_pos(n),
                    );
                }
                self.names.push((n.clone(), gid));
            }
            self.closed.resize(gid + 1, true);
            self.closed[gid] = false;
            Some(gid)
        } else {
            None
        };
        let saved_flags = self.flags;
        // Scoped ASCII/IGNORECASE only apply inside; `self.flags` stays.
        let body = self.alternation_with(inner_verbose, depth + 1, inner_scope)?;
        self.flags = saved_flags;
        self.close(start)?;
        if let Some(gid) = index {
            self.closed[gid] = true;
        }
        let node = match index {
            Some(index) => Node::Group { index, body: Box::new(body) },
            None if atomic => Node::Atomic(Box::new(body)),
            None => body,
        };
        // A non-capturing group is kept whole (group 0), so that a repeat
        // after it applies to all of it and `(?:\b)*` is not a bare assertion.
        Ok(GroupResult::Node(match node {
            n @ Node::Group { .. } | n @ Node::Atomic(_) => n,
            n => Node::Group { index: 0, body: Box::new(n) },
        }))
    }

    /// CPython's `_parse_flags`: `None` for global flags `(?i)`.
    fn inline_flags(&mut self, mut c: char) -> Result<Option<(u32, u32)>> {
        let mut add = 0;
        let mut del = 0;
        if c != '-' {
            loop {
                let flag = flag_of(c);
                if self.is_str && c == 'L' {
                    return err("bad inline flags: cannot use 'L' flag with a str pattern", self.pos);
                }
                if !self.is_str && c == 'u' {
                    return err("bad inline flags: cannot use 'u' flag with a bytes pattern", self.pos);
                }
                add |= flag;
                let types = ASCII | UNICODE | LOCALE;
                if flag & types != 0 && add & types != flag {
                    return err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", self.pos);
                }
                let Some(n) = self.next() else {
                    return err("missing -, : or )", self.pos);
                };
                c = n;
                if c == ')' || c == '-' || c == ':' {
                    break;
                }
                if !is_flag(c) {
                    let msg = if c.is_alphabetic() { "unknown flag" } else { "missing -, : or )" };
                    return err(msg, self.pos - 1);
                }
            }
        }
        if c == ')' {
            self.flags |= add;
            return Ok(None);
        }
        if add & TEMPLATE != 0 {
            return err("bad inline flags: cannot turn on global flag", self.pos - 1);
        }
        if c == '-' {
            let Some(n) = self.next() else {
                return err("missing flag", self.pos);
            };
            c = n;
            if !is_flag(c) {
                let msg = if c.is_alphabetic() { "unknown flag" } else { "missing flag" };
                return err(msg, self.pos - 1);
            }
            loop {
                let flag = flag_of(c);
                if flag & (ASCII | UNICODE | LOCALE) != 0 {
                    return err("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", self.pos);
                }
                del |= flag;
                let Some(n) = self.next() else {
                    return err("missing :", self.pos);
                };
                c = n;
                if c == ':' {
                    break;
                }
                if !is_flag(c) {
                    let msg = if c.is_alphabetic() { "unknown flag" } else { "missing :" };
                    return err(msg, self.pos - 1);
                }
            }
        }
        if del & TEMPLATE != 0 {
            return err("bad inline flags: cannot turn off global flag", self.pos - 1);
        }
        if add & del != 0 {
            return err("bad inline flags: flag turned on and off", self.pos - 1);
        }
        Ok(Some((add, del)))
    }

    fn hex(&mut self, start: usize, n: usize) -> Result<u32> {
        let s: String = self.src[self.pos..].iter().take(n).take_while(|c| c.is_ascii_hexdigit()).collect();
        self.pos += s.len();
        if s.len() != n {
            let text: String = self.src[start..self.pos].iter().collect();
            return err(format!("incomplete escape {text}"), start);
        }
        u32::from_str_radix(&s, 16).map_err(|_| Error { msg: "bad escape".into(), pos: Some(start) })
    }

    fn text(&self, start: usize) -> String {
        self.src[start..self.pos].iter().collect()
    }

    /// The escapes valid both in and out of classes; `None` if `c` is not one.
    fn common_escape(&mut self, start: usize, c: char) -> Result<Option<u32>> {
        Ok(Some(match c {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\\' => '\\' as u32,
            'x' => self.hex(start, 2)?,
            'u' if self.is_str => self.hex(start, 4)?,
            'U' if self.is_str => {
                let v = self.hex(start, 8)?;
                if char::from_u32(v).is_none() && v > 0x10ffff {
                    return err(format!("bad escape {}", self.text(start)), start);
                }
                v
            }
            'N' if self.is_str => {
                if !self.eat('{') {
                    return err("missing {", self.pos);
                }
                let n = self.until('}', "character name")?;
                match lookup_name(&n) {
                    Some(v) => v,
                    None => return err(format!("undefined character name {}", char_repr(&n)), start),
                }
            }
            _ => return Ok(None),
        }))
    }

    fn escape(&mut self, start: usize, icase: bool, ascii: bool) -> Result<Node> {
        let Some(c) = self.next() else {
            return err("bad escape (end of pattern)", start);
        };
        let lit = |c: u32| Node::Char { c, icase, ascii };
        if let Some(v) = self.common_escape(start, c)? {
            return Ok(lit(v));
        }
        let cat = |cat| Node::Set(Box::new(Set { negated: false, items: vec![SetItem::Cat(cat)], icase: false, ascii }));
        Ok(match c {
            'd' => cat(Category::Digit),
            'D' => cat(Category::NotDigit),
            's' => cat(Category::Space),
            'S' => cat(Category::NotSpace),
            'w' => cat(Category::Word),
            'W' => cat(Category::NotWord),
            'A' => Node::Assert(Assert::Start),
            'Z' => Node::Assert(Assert::End),
            'b' => Node::Assert(Assert::Boundary { ascii }),
            'B' => Node::Assert(Assert::NotBoundary { ascii }),
            '0' => {
                let mut v = 0;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ '0'..='7') => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                lit(v)
            }
            '1'..='9' => {
                if let Some(d2 @ '0'..='9') = self.peek() {
                    self.pos += 1;
                    let octal = |x: char| ('0'..='7').contains(&x);
                    if let Some(d3) = self.peek() {
                        if octal(c) && octal(d2) && octal(d3) {
                            self.pos += 1;
                            let v = (c as u32 - 48) * 64 + (d2 as u32 - 48) * 8 + (d3 as u32 - 48);
                            if v > 0o377 {
                                return err(
                                    format!("octal escape value {} outside of range 0-0o377", self.text(start)),
                                    start,
                                );
                            }
                            return Ok(lit(v));
                        }
                    }
                }
                let digits: String = self.src[start + 1..self.pos].iter().collect();
                let group: usize = digits.parse().unwrap_or(usize::MAX);
                if group <= self.groups {
                    if self.group_is_open(group) {
                        return err("cannot refer to an open group", start);
                    }
                    self.check_lookbehind_group(group, start)?;
                    return Ok(Node::Backref { group, icase, ascii });
                }
                return err(format!("invalid group reference {group}"), start + 1);
            }
            c if c.is_ascii_alphabetic() => return err(format!("bad escape \\{c}"), start),
            c => lit(c as u32),
        })
    }

    /// An escape inside a class: a character or a shorthand class.
    fn class_escape(&mut self, start: usize) -> Result<SetItem> {
        let Some(c) = self.next() else {
            return err("bad escape (end of pattern)", start);
        };
        if let Some(v) = self.common_escape(start, c)? {
            return Ok(SetItem::Char(v));
        }
        Ok(match c {
            'd' => SetItem::Cat(Category::Digit),
            'D' => SetItem::Cat(Category::NotDigit),
            's' => SetItem::Cat(Category::Space),
            'S' => SetItem::Cat(Category::NotSpace),
            'w' => SetItem::Cat(Category::Word),
            'W' => SetItem::Cat(Category::NotWord),
            'b' => SetItem::Char(8),
            '0'..='7' => {
                let mut v = c as u32 - 48;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ '0'..='7') => {
                            v = v * 8 + (d as u32 - 48);
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 {
                    return err(format!("octal escape value {} outside of range 0-0o377", self.text(start)), start);
                }
                SetItem::Char(v)
            }
            '8' | '9' => return err(format!("bad escape \\{c}"), start),
            c if c.is_ascii_alphabetic() => return err(format!("bad escape \\{c}"), start),
            c => SetItem::Char(c as u32),
        })
    }

    fn class(&mut self, here: usize, icase: bool, ascii: bool) -> Result<Node> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        loop {
            let start = self.pos;
            let Some(this) = self.next() else {
                return err("unterminated character set", here);
            };
            if this == ']' && self.pos - 1 > here + 1 + negated as usize {
                break;
            }
            let item1 = if this == '\\' { self.class_escape(start)? } else { SetItem::Char(this as u32) };
            if self.eat('-') {
                let start2 = self.pos;
                let Some(that) = self.next() else {
                    return err("unterminated character set", here);
                };
                if that == ']' {
                    items.push(item1);
                    items.push(SetItem::Char('-' as u32));
                    break;
                }
                let item2 = if that == '\\' { self.class_escape(start2)? } else { SetItem::Char(that as u32) };
                match (item1, item2) {
                    (SetItem::Char(lo), SetItem::Char(hi)) if lo <= hi => items.push(SetItem::Range(lo, hi)),
                    _ => return err(format!("bad character range {}", self.text(start)), start),
                }
            } else {
                items.push(item1);
            }
        }
        Ok(Node::Set(Box::new(Set { negated, items, icase, ascii })))
    }
}

enum GroupResult {
    Node(Node),
    Nothing,
    GlobalFlags,
}

/// `\N{...}`: a few common names; others are refused.
fn lookup_name(name: &str) -> Option<u32> {
    let upper = name.to_ascii_uppercase();
    Some(match upper.as_str() {
        "SPACE" => 0x20,
        "NO-BREAK SPACE" => 0xa0,
        "EM DASH" => 0x2014,
        "EN DASH" => 0x2013,
        "BULLET" => 0x2022,
        "HORIZONTAL ELLIPSIS" => 0x2026,
        "COPYRIGHT SIGN" => 0xa9,
        "DEGREE SIGN" => 0xb0,
        "EURO SIGN" => 0x20ac,
        "LATIN SMALL LETTER A" => 'a' as u32,
        "GREEK SMALL LETTER ALPHA" => 0x3b1,
        "SNOWMAN" => 0x2603,
        "LINE FEED" => 10,
        "CHARACTER TABULATION" => 9,
        "ZERO WIDTH SPACE" => 0x200b,
        "EMPTY SET" => 0x2205,
        _ => return None,
    })
}
