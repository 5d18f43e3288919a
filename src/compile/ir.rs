//! The executable tree: the AST after scope resolution. Every local is a slot
//! index, every cell an index into the frame's cells, every global or
//! attribute name an interned string, every constant a ready `Value`.

use crate::runtime::int::ArithOp;
use crate::runtime::str::Str;
use crate::runtime::value::Value;
use std::rc::Rc;

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
}

impl Code {
    pub fn is_generator_like(&self) -> bool {
        matches!(self.kind, CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator)
    }

    /// Whether a call with exactly `n` positional arguments just puts them
    /// in the first `n` slots: no defaults, `*args`, keyword-only or
    /// captured parameters, and a plain function body to run.
    #[inline]
    pub fn binds_positionally(&self, n: usize) -> bool {
        let p = &self.params;
        p.n_pos == n && !p.vararg && !p.kwarg && p.n_kwonly == 0 && self.cell_params.is_empty() && !self.is_generator_like()
    }
}

pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
    /// Contains a `yield` or `await` outside nested scopes.
    pub suspends: bool,
    /// For a suspending statement: whether the async path can run it in the
    /// enclosing block's future instead of a boxed future of its own.
    pub inline: Inline,
}

/// The suspending statements that the async path runs inline (see
/// `eval::generator`): the shapes of ordinary generator bodies and
/// generator expressions, nested at most loop > if > yield.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Inline {
    /// Does not suspend, or needs a future of its own.
    No,
    /// `yield v` as a statement, `v` not suspending.
    Yield,
    /// `if` with a non-suspending test whose branches hold only `Yield` and
    /// non-suspending statements.
    If,
    /// A plain `for` or `while` with a non-suspending header whose body and
    /// `else` hold only `If`, `Yield` and non-suspending statements.
    Loop,
}

impl Stmt {
    /// Runs inline in a block's future with at most `If` nesting (`Yield`,
    /// `If` or not suspending).
    pub fn is_simple(&self) -> bool {
        !self.suspends || matches!(self.inline, Inline::Yield | Inline::If)
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
    Raise(Option<Expr>, Option<Expr>),
    Try(Box<TryStmt>),
    With(Box<WithStmt>),
    FunctionDef(Rc<FuncDef>, Target),
    ClassDef(Box<ClassDef>, Target),
    Delete(Vec<Target>),
    Import(Vec<ImportName>),
    ImportFrom(Box<ImportFrom>),
    Assert(Expr, Option<Expr>),
    Match(Box<MatchStmt>),
}

pub struct ForStmt {
    pub target: Target,
    pub iter: Expr,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub is_async: bool,
}

pub struct TryStmt {
    pub body: Vec<Stmt>,
    pub handlers: Vec<Handler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
    pub is_star: bool,
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
    /// A tuple/list target; the index of the starred element, if any.
    Unpack(Vec<Target>, Option<usize>),
}

impl Target {
    /// Whether storing here evaluates an expression with a suspension point.
    pub fn suspends(&self) -> bool {
        match self {
            Target::Attr(e, _) => e.suspends,
            Target::Subscript(a, b) => a.suspends || b.suspends,
            Target::Unpack(ts, _) => ts.iter().any(Target::suspends),
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
    /// A property: its getter (or setter, at a store site) is `value`.
    Property,
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
    /// The attribute found on the type (method, property accessor, value).
    pub value: std::cell::RefCell<Value>,
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
        Expr { kind, suspends: false }
    }
}
