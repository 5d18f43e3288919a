//! The executable tree: the AST after scope resolution. Every local is a slot
//! index, every cell an index into the frame's cells, every global or
//! attribute name an interned string, every constant a ready `Value`.

use crate::runtime::int::ArithOp;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use std::rc::Rc;

pub use crate::syntax::ast::Span;

pub type Sym = Rc<Str>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct Params {
    /// Positional parameters (positional-only first), then `*args`, then
    /// keyword-only, then `**kwargs`: the first slots of the frame, in order.
    pub names: Vec<Sym>,
    pub n_posonly: usize,
    pub n_pos: usize,
    pub n_kwonly: usize,
    pub vararg: bool,
    pub kwarg: bool,
}

impl Params {
    pub fn none() -> Params {
        Params { names: Vec::new(), n_posonly: 0, n_pos: 0, n_kwonly: 0, vararg: false, kwarg: false }
    }

    pub fn vararg_slot(&self) -> usize {
        self.n_pos
    }

    pub fn kwonly_start(&self) -> usize {
        self.n_pos + self.vararg as usize
    }

    pub fn kwarg_slot(&self) -> usize {
        self.kwonly_start() + self.n_kwonly
    }

    pub fn count(&self) -> usize {
        self.names.len()
    }
}

pub struct Code {
    pub name: Sym,
    pub qualname: Sym,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub kind: CodeKind,
    pub params: Params,
    /// Names of the local slots (parameters first), for messages and `locals()`.
    pub slot_names: Vec<Sym>,
    /// Names of the frame's cells: its own cells, then the free variables
    /// received from the closure.
    pub cell_names: Vec<Sym>,
    pub n_own_cells: usize,
    /// Parameters that inner functions capture: (slot, cell) moved at entry.
    pub cell_params: Vec<(u32, u32)>,
    pub body: Vec<Stmt>,
    pub doc: Option<Value>,
    /// A native way to finish `await f(...)` of this coroutine function
    /// without running its body, set on a few of asyncio's (see
    /// `eval::awaited`).
    pub await_shortcut: std::cell::Cell<Option<crate::eval::awaited::AwaitShortcut>>,
}

impl Code {
    pub fn is_generator_like(&self) -> bool {
        matches!(self.kind, CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator)
    }

    /// Whether a call with exactly `n` positional arguments just puts them
    /// in the first `n` slots: no defaults, `*args`, keyword-only or
    /// captured parameters.
    #[inline]
    pub fn binds_positionally(&self, n: usize) -> bool {
        let p = &self.params;
        p.n_pos == n && !p.vararg && !p.kwarg && p.n_kwonly == 0 && self.cell_params.is_empty()
    }
}

pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
    /// Contains a `yield` or `await` outside nested scopes. In a generator
    /// or coroutine body (after `compile::anf`) such a statement is a
    /// `Suspend` or a compound statement holding one.
    pub suspends: bool,
}

impl Stmt {
    pub fn new(kind: StmtKind, line: u32) -> Stmt {
        let suspends = kind.suspends();
        Stmt { kind, line, suspends }
    }
}

// A tag byte of its own (`repr(u8)`): without it rustc stores the variant in
// a niche of a `Vec` field, and every `match` of the evaluator first decodes
// it (six instructions and a conditional move per node).
#[repr(u8)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Vec<Target>, Expr),
    AugAssign(Target, BinOp, Expr),
    /// `name: annotation` in a class or module body records the annotation.
    Annotate(Sym, Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For(Box<ForStmt>),
    Return(Option<Expr>),
    Break,
    Continue,
    Pass,
    /// `raise exc from cause`, with the statement's span (a traceback
    /// underlines it).
    Raise(Option<Expr>, Option<Expr>, Span),
    Try(Box<TryStmt>),
    With(Box<WithStmt>),
    FunctionDef(Rc<FuncDef>, Target),
    ClassDef(Box<ClassDef>, Target),
    Delete(Vec<Target>),
    Import(Vec<ImportName>),
    ImportFrom(Box<ImportFrom>),
    Assert(Expr, Option<Expr>),
    Match(Box<MatchStmt>),
    /// A suspension point of a generator or coroutine body, made by
    /// `compile::anf`: the only statement at which a frame suspends.
    Suspend(Box<SuspendStmt>),
    /// Fresh cells for the variables of a comprehension that `anf` turned
    /// into statements (closures made in one run keep their own cells).
    FreshCells(Vec<u32>),
}

/// `target = yield value`, `target = yield from value`, `target = await value`:
/// `value` and `target` contain no suspension point.
pub struct SuspendStmt {
    pub kind: SuspendKind,
    pub value: Option<Expr>,
    pub target: Option<Target>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SuspendKind {
    Yield,
    YieldFrom,
    Await,
}

pub struct ForStmt {
    pub target: Target,
    pub iter: Expr,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub is_async: bool,
    /// In a suspending frame: the first of three hidden slots holding the
    /// loop's position.
    pub iter_slot: u32,
}

pub struct TryStmt {
    pub body: Vec<Stmt>,
    pub handlers: Vec<Handler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
    pub is_star: bool,
    /// In a suspending frame: the hidden slot holding the exception being
    /// handled, or the pending outcome of the `finally` block.
    pub state_slot: u32,
}

pub struct Handler {
    pub type_: Option<Expr>,
    pub name: Option<Target>,
    pub body: Vec<Stmt>,
    pub line: u32,
}

pub struct WithStmt {
    pub items: Vec<(Expr, Option<Target>)>,
    pub body: Vec<Stmt>,
    pub is_async: bool,
    /// In a suspending frame (one item): the hidden slots holding the bound
    /// `__exit__`/`__aexit__` and, after it, the body's pending outcome.
    pub exit_slot: u32,
}

pub struct ImportName {
    /// The dotted module name.
    pub module: Sym,
    /// Where the result goes: the top-level package for `import a.b`, the
    /// module itself for `import a.b as c`.
    pub target: Target,
    pub bind_top: bool,
}

pub struct ImportFrom {
    pub module: Option<Sym>,
    pub level: u32,
    /// Empty for `from m import *`.
    pub names: Vec<(Sym, Target)>,
}

pub struct MatchStmt {
    pub subject: Expr,
    pub cases: Vec<MatchCase>,
}

pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

pub enum Pattern {
    Value(Expr),
    Singleton(Value),
    Sequence(Vec<Pattern>),
    /// `*name` inside a sequence; `None` for `*_`.
    Star(Option<Target>),
    Mapping(Vec<Expr>, Vec<Pattern>, Option<Target>),
    Class(Expr, Vec<Pattern>, Vec<Sym>, Vec<Pattern>),
    As(Option<Box<Pattern>>, Option<Target>),
    Or(Vec<Pattern>),
}

/// Where an assignment stores.
#[repr(u8)] // see `StmtKind`
pub enum Target {
    Local(u32),
    Cell(u32),
    Global(Sym),
    /// A class or module namespace (class bodies, `exec` with locals).
    Name(Sym),
    Attr(Box<Expr>, Box<AttrSite>),
    Subscript(Box<Expr>, Box<Expr>),
    /// A tuple/list target; the index of the starred element, if any, and
    /// the target's span, which a traceback underlines when unpacking fails.
    Unpack(Vec<Target>, Option<usize>, Span),
}

impl Target {
    /// Whether storing here evaluates an expression with a suspension point.
    pub fn suspends(&self) -> bool {
        match self {
            Target::Attr(e, _) => e.suspends,
            Target::Subscript(a, b) => a.suspends || b.suspends,
            Target::Unpack(ts, ..) => ts.iter().any(Target::suspends),
            _ => false,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Arith(ArithOp),
    MatMul,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

#[repr(u8)] // see `StmtKind`
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(Sym, Expr),
    StarStar(Expr),
}

pub struct Expr {
    pub kind: ExprKind,
    /// Contains a `yield` or `await` outside nested scopes.
    pub suspends: bool,
    /// Where the expression is in its source, for the carets of a
    /// traceback; empty for expressions the compiler made up.
    pub span: Span,
}

#[repr(u8)] // see `StmtKind`
pub enum ExprKind {
    Const(Value),
    Local(u32),
    Cell(u32),
    Global(Sym, GlobalCache),
    Name(Sym),
    /// A class body reading a free variable: the namespace first, then the cell.
    ClassDeref(Sym, u32),
    Attr(Box<Expr>, Box<AttrSite>),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// A call with positional arguments only.
    CallPos(Box<Expr>, Vec<Expr>),
    Call(Box<Expr>, Vec<Arg>),
    /// `obj.name(args)`, without materialising a bound method.
    CallMethod(Box<Expr>, Box<AttrSite>, Vec<Arg>),
    /// Zero-argument `super()`: the `__class__` cell and the first argument.
    SuperZero { class_cell: u32, first: Box<Expr> },
    MakeFunction(Rc<FuncDef>),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `None` keys are `**mapping` entries.
    Dict(Vec<(Option<Expr>, Expr)>),
    Starred(Box<Expr>),
    Comprehension(Box<Comprehension>),
    /// A generator expression: its function and the outermost iterable.
    GenExp(Rc<FuncDef>, Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Await(Box<Expr>),
    JoinedStr(Vec<Expr>),
    Format(Box<Expr>, Conversion, Option<Box<Expr>>),
    Named(Box<Target>, Box<Expr>),
    /// A hidden temporary of `compile::anf`, read once: the slot is left
    /// unbound, so the value is not kept alive by the frame.
    Take(u32),
}

/// An attribute name where the code reads, writes or calls it, with the
/// site's memo of how the name resolved last time (see `eval::attr_cache`).
pub struct AttrSite {
    pub name: Sym,
    pub cache: AttrCache,
}

impl AttrSite {
    pub fn new(name: Sym) -> Box<AttrSite> {
        Box::new(AttrSite { name, cache: AttrCache::default() })
    }
}

impl std::ops::Deref for AttrSite {
    type Target = Sym;
    fn deref(&self) -> &Sym {
        &self.name
    }
}

/// What an attribute site found on the type it last saw. Only facts that
/// depend on the type alone are kept; per-object state (the instance dict)
/// is checked on every use.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub enum AttrKind {
    #[default]
    Empty,
    /// Nothing on the type: the value lives in the instance dict.
    InstanceDict,
    /// A plain function on the type: a method, unless the dict shadows it.
    Method,
    /// A property, met by a load: its getter is `value`.
    PropertyGet,
    /// A property, met by a store: its setter is `value`. (A site both
    /// loads and stores in `obj.p += 1`, so the two kinds stay apart.)
    PropertySet,
    /// A `__slots__` member at this index.
    Slot(u32),
    /// A class attribute without `__get__` (an int, a str, ...).
    ClassValue,
    /// A method of a builtin type (`list.append`), called without binding.
    BuiltinMethod,
}

/// A few types' worth of `AttrEntry`: a method of a base class sees the
/// instances of each subclass at the same sites.
#[derive(Default)]
pub struct AttrCache {
    pub entries: [AttrEntry; 4],
    /// The entry the next new type replaces, round robin.
    pub next: std::cell::Cell<u8>,
}

#[derive(Default)]
pub struct AttrEntry {
    /// The type's address and the type version it was valid for; a class
    /// is only freed and replaced at the same address after the version
    /// moved on, so the pair identifies one state.
    pub owner: std::cell::Cell<(usize, u64)>,
    pub kind: std::cell::Cell<AttrKind>,
    /// Position of the name in the instance (or module) dict, a hint.
    pub index: std::cell::Cell<u32>,
    /// The attribute found on the type (property accessor, value).
    pub value: std::cell::RefCell<Value>,
    /// For `AttrKind::Method`, the function, held weakly: while the entry
    /// is valid the class holds it, and a method whose body reads its own
    /// name (`self.get(...)` in `get`) must not keep itself alive through
    /// its code's cache.
    pub method: std::cell::RefCell<std::rc::Weak<crate::runtime::object::Function>>,
}

/// Where a global name was last found, so that the next lookup is an index
/// and a pointer comparison instead of a hash probe. Every hint is checked
/// before use, so a stale hint only costs the ordinary lookup.
#[derive(Default)]
pub struct GlobalCache {
    /// Position of the name in the globals' entry vector.
    pub index: std::cell::Cell<u32>,
    /// The globals dict (address) and its key version when the name was
    /// known to be absent from it, and its position among the builtins.
    pub absent_in: std::cell::Cell<(usize, u64)>,
    pub builtin_index: std::cell::Cell<u32>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompKind {
    List,
    Set,
    Dict,
}

/// A list/set/dict comprehension, run inline in the enclosing frame; its
/// variables are slots of their own.
pub struct Comprehension {
    pub kind: CompKind,
    pub elt: Expr,
    /// The value of a dict comprehension.
    pub value: Option<Expr>,
    pub generators: Vec<CompFor>,
    /// Cells of comprehension variables captured by inner functions; they are
    /// fresh for every run.
    pub fresh_cells: Vec<u32>,
}

pub struct CompFor {
    pub target: Target,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// What a `def`, `lambda` or generator expression creates at run time.
pub struct FuncDef {
    pub code: Rc<Code>,
    pub defaults: Vec<Expr>,
    pub kwdefaults: Vec<Option<Expr>>,
    /// For each free variable of `code`, the cell of the defining frame.
    pub closure: Vec<u32>,
    pub decorators: Vec<Expr>,
    pub annotations: Vec<(Sym, Expr)>,
}

pub struct ClassDef {
    pub name: Sym,
    pub bases: Vec<Arg>,
    pub body: Rc<Code>,
    pub closure: Vec<u32>,
    pub decorators: Vec<Expr>,
    /// The body's own cell holding `__class__`, when methods use `super()`.
    pub class_cell: Option<u32>,
}

impl Expr {
    pub fn new(kind: ExprKind) -> Expr {
        Expr { kind, suspends: false, span: Span::default() }
    }
}

fn opt_s(e: &Option<Box<Expr>>) -> bool {
    e.as_ref().is_some_and(|e| e.suspends)
}

fn args_s(args: &[Arg]) -> bool {
    args.iter().any(|a| match a {
        Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => e.suspends,
    })
}

impl ExprKind {
    /// Whether an expression (given its children's flags) contains a suspension point.
    pub fn suspends(&self) -> bool {
    use ExprKind as K;
    match self {
        K::Yield(_) | K::YieldFrom(_) | K::Await(_) => true,
        K::Const(_) | K::Local(_) | K::Cell(_) | K::Global(..) | K::Name(_) | K::ClassDeref(..) => false,
        K::Attr(e, _) | K::Unary(_, e) | K::Starred(e) => e.suspends,
        K::Subscript(a, b) | K::Binary(_, a, b) => a.suspends || b.suspends,
        K::Slice(a, b, c) => opt_s(a) || opt_s(b) || opt_s(c),
        K::And(v) | K::Or(v) | K::Tuple(v) | K::List(v) | K::Set(v) | K::JoinedStr(v) => v.iter().any(|e| e.suspends),
        K::Compare(l, rest) => l.suspends || rest.iter().any(|(_, e)| e.suspends),
        K::IfExp(a, b, c) => a.suspends || b.suspends || c.suspends,
        K::CallPos(f, args) => f.suspends || args.iter().any(|e| e.suspends),
        K::Call(f, args) => f.suspends || args_s(args),
        K::CallMethod(o, _, args) => o.suspends || args_s(args),
        K::SuperZero { .. } => false,
        K::MakeFunction(def) => {
            def.defaults.iter().any(|e| e.suspends)
                || def.kwdefaults.iter().flatten().any(|e| e.suspends)
                || def.decorators.iter().any(|e| e.suspends)
        }
        K::Dict(items) => items.iter().any(|(k, v)| k.as_ref().is_some_and(|k| k.suspends) || v.suspends),
        K::Comprehension(c) => {
            c.elt.suspends
                || c.value.as_ref().is_some_and(|v| v.suspends)
                || c.generators.iter().any(|g| g.is_async || g.iter.suspends || g.ifs.iter().any(|e| e.suspends))
        }
        K::GenExp(_, first) => first.suspends,
        K::Format(v, _, spec) => v.suspends || opt_s(spec),
        K::Named(t, v) => t.suspends() || v.suspends,
        K::Take(_) => false,
    }
    }
}

fn block_s(b: &[Stmt]) -> bool {
    b.iter().any(|s| s.suspends)
}

impl StmtKind {
    /// Whether a statement (given its children's flags) contains a suspension point.
    pub fn suspends(&self) -> bool {
    use StmtKind as S;
    match self {
        S::Expr(e) => e.suspends,
        S::Assign(ts, v) => v.suspends || ts.iter().any(Target::suspends),
        S::AugAssign(t, _, v) => t.suspends() || v.suspends,
        S::Annotate(_, e) => e.suspends,
        S::If(t, a, b) | S::While(t, a, b) => t.suspends || block_s(a) || block_s(b),
        S::For(f) => f.is_async || f.iter.suspends || f.target.suspends() || block_s(&f.body) || block_s(&f.orelse),
        S::Return(v) => v.as_ref().is_some_and(|v| v.suspends),
        S::Break | S::Continue | S::Pass | S::Import(_) | S::ImportFrom(_) => false,
        S::Raise(a, b, _) => a.as_ref().is_some_and(|e| e.suspends) || b.as_ref().is_some_and(|e| e.suspends),
        S::Try(t) => {
            block_s(&t.body)
                || block_s(&t.orelse)
                || block_s(&t.finalbody)
                || t.handlers.iter().any(|h| block_s(&h.body) || h.type_.as_ref().is_some_and(|e| e.suspends))
        }
        S::With(w) => w.is_async || block_s(&w.body) || w.items.iter().any(|(e, t)| e.suspends || t.as_ref().is_some_and(Target::suspends)),
        S::FunctionDef(def, _) => {
            def.defaults.iter().any(|e| e.suspends) || def.decorators.iter().any(|e| e.suspends)
        }
        S::ClassDef(c, _) => args_s(&c.bases) || c.decorators.iter().any(|e| e.suspends),
        S::Delete(ts) => ts.iter().any(Target::suspends),
        S::Assert(t, m) => t.suspends || m.as_ref().is_some_and(|e| e.suspends),
        S::Match(m) => m.subject.suspends || m.cases.iter().any(|c| block_s(&c.body) || c.guard.as_ref().is_some_and(|g| g.suspends)),
        S::Suspend(_) => true,
        S::FreshCells(_) => false,
    }
    }
}
