//! Scope analysis (CPython's symtable): which names of each scope are
//! locals, cells, free variables, globals or namespace names.
//!
//! The walk records how each scope uses each name; `analyze` then resolves
//! free names through the enclosing function scopes (class scopes are
//! skipped, except for the implicit `__class__` cell that `super()` uses).
//! Scopes are keyed by the address of their AST node, which the lowering
//! pass walks again.

use super::NameMap as HashMap;
use tulip_syntax::ast::*;

pub type ScopeId = usize;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    /// A list/set/dict comprehension: inlined into the enclosing frame.
    Comprehension,
    /// A generator expression: a generator function of its own.
    GenExp,
}

impl ScopeKind {
    fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Comprehension | ScopeKind::GenExp)
    }
}

const BOUND: u8 = 1;
const USED: u8 = 2;
const GLOBAL: u8 = 4;
const NONLOCAL: u8 = 8;
const PARAM: u8 = 16;

/// How a scope's name is reached at run time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SymKind {
    Local,
    /// A local that inner scopes capture.
    Cell,
    /// A variable of an enclosing function.
    Free,
    Global,
    /// A class or module namespace entry.
    Name,
}

pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    flags: HashMap<Box<str>, u8>,
    /// Names in order of first appearance, for deterministic slot numbering.
    pub order: Vec<Box<str>>,
    pub params: Vec<Box<str>>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// A class scope whose methods need the `__class__` cell.
    pub needs_class_cell: bool,
    /// Free variables a class body passes to its methods although it binds
    /// the same name in its namespace.
    pub pass_through: Vec<Box<str>>,
    pub kinds: HashMap<Box<str>, SymKind>,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<ScopeId>) -> Scope {
        Scope {
            kind,
            parent,
            flags: HashMap::default(),
            order: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            pass_through: Vec::new(),
            kinds: HashMap::default(),
        }
    }

    fn mark(&mut self, name: &str, flag: u8) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.flags.insert(name.into(), flag);
                self.order.push(name.into());
            }
        }
    }

    pub fn kind_of(&self, name: &str) -> Option<SymKind> {
        self.kinds.get(name).copied()
    }
}

pub struct ScopeTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl ScopeTable {
    pub fn build(module: &Module) -> ScopeTable {
        let mut b = Builder {
            table: ScopeTable { scopes: vec![Scope::new(ScopeKind::Module, None)], by_node: HashMap::default() },
            current: 0,
            classes: Vec::new(),
        };
        b.stmts(&module.body);
        b.table.analyze();
        b.table
    }

    /// The scope of a function/class/lambda/comprehension node.
    pub fn scope_of<T>(&self, node: &T) -> ScopeId {
        self.by_node[&(node as *const T as usize)]
    }

    fn analyze(&mut self) {
        for id in 0..self.scopes.len() {
            let names: Vec<(Box<str>, u8)> = self.scopes[id].order.iter().map(|n| (n.clone(), self.scopes[id].flags[n])).collect();
            for (name, flags) in names {
                let kind = self.classify(id, &name, flags);
                self.scopes[id].kinds.insert(name, kind);
            }
        }
        // Locals captured by inner scopes become cells.
        for id in 0..self.scopes.len() {
            let free: Vec<Box<str>> =
                self.scopes[id].kinds.iter().filter(|(_, k)| **k == SymKind::Free).map(|(n, _)| n.clone()).collect();
            for name in free {
                self.capture(id, &name);
            }
        }
    }

    fn classify(&self, id: ScopeId, name: &str, flags: u8) -> SymKind {
        let scope = &self.scopes[id];
        if flags & GLOBAL != 0 {
            return SymKind::Global;
        }
        if flags & NONLOCAL != 0 {
            return SymKind::Free;
        }
        if flags & (BOUND | PARAM) != 0 {
            return match scope.kind {
                ScopeKind::Module => SymKind::Global,
                ScopeKind::Class => SymKind::Name,
                _ => SymKind::Local,
            };
        }
        match scope.kind {
            ScopeKind::Module => SymKind::Global,
            _ => match self.find_binding(id, name) {
                Some(_) => SymKind::Free,
                None if scope.kind == ScopeKind::Class => SymKind::Name,
                None => SymKind::Global,
            },
        }
    }

    /// The enclosing scope that binds `name` for a free reference from `id`.
    fn find_binding(&self, id: ScopeId, name: &str) -> Option<ScopeId> {
        let mut cur = self.scopes[id].parent;
        while let Some(p) = cur {
            let scope = &self.scopes[p];
            if scope.kind == ScopeKind::Class && name == "__class__" {
                return Some(p);
            }
            if scope.kind.is_function_like() {
                if let Some(&f) = scope.flags.get(name) {
                    if f & GLOBAL != 0 {
                        return None;
                    }
                    if f & (BOUND | PARAM | NONLOCAL) != 0 {
                        return Some(p);
                    }
                }
            }
            cur = scope.parent;
        }
        None
    }

    /// Whether `id` and every scope up to `owner` are comprehensions, which
    /// run inline in `owner`'s frame and read its variables directly.
    fn inlined_into(&self, id: ScopeId, owner: ScopeId) -> bool {
        let mut cur = id;
        while cur != owner {
            if self.scopes[cur].kind != ScopeKind::Comprehension {
                return false;
            }
            match self.scopes[cur].parent {
                Some(p) => cur = p,
                None => return false,
            }
        }
        true
    }

    /// Makes `name` a cell where it is bound, and free in every scope between.
    fn capture(&mut self, id: ScopeId, name: &str) {
        let Some(owner) = self.find_binding(id, name) else { return };
        if self.inlined_into(id, owner) {
            return;
        }
        let mut cur = self.scopes[id].parent;
        while let Some(p) = cur {
            if p == owner {
                break;
            }
            let scope = &mut self.scopes[p];
            match scope.kinds.get(name) {
                None => {
                    scope.order.push(name.into());
                    scope.kinds.insert(name.into(), SymKind::Free);
                }
                Some(SymKind::Free) => {}
                Some(_) => {
                    if !scope.pass_through.iter().any(|n| &**n == name) {
                        scope.pass_through.push(name.into());
                    }
                }
            }
            cur = scope.parent;
        }
        let scope = &mut self.scopes[owner];
        if scope.kind == ScopeKind::Class {
            scope.needs_class_cell = true;
            if !scope.kinds.contains_key(name) {
                scope.order.push(name.into());
            }
            scope.kinds.insert(name.into(), SymKind::Cell);
        } else if scope.kinds.get(name) == Some(&SymKind::Local) {
            scope.kinds.insert(name.into(), SymKind::Cell);
        }
    }
}

struct Builder {
    table: ScopeTable,
    current: ScopeId,
    /// Names of the enclosing classes, for private-name mangling.
    classes: Vec<Box<str>>,
}

/// Private-name mangling: `__x` inside class `C` is `_C__x`.
pub fn mangle<'a>(class: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    let Some(class) = class else { return name.into() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.current]
    }

    fn mangled<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        mangle(self.classes.last().map(|c| &**c), name)
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind) -> ScopeId {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, Some(self.current)));
        self.table.by_node.insert(node as *const T as usize, id);
        let parent = self.current;
        self.current = id;
        parent
    }

    fn bind(&mut self, name: &str) {
        let name = self.mangled(name).into_owned();
        self.scope().mark(&name, BOUND);
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.exprs(&f.decorator_list);
                self.arguments_outer(&f.args);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.bind(&f.name);
                let parent = self.enter(&**f, ScopeKind::Function);
                self.scope().is_coroutine = f.is_async;
                self.params(&f.args);
                self.stmts(&f.body);
                self.current = parent;
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&c.decorator_list);
                self.exprs(&c.bases);
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.bind(&c.name);
                let parent = self.enter(&**c, ScopeKind::Class);
                self.classes.push(c.name.clone());
                self.stmts(&c.body);
                self.classes.pop();
                self.current = parent;
            }
            StmtKind::Return { value } => self.opt(value),
            StmtKind::Delete { targets } => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                self.exprs(targets);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name { id, .. } = &target.kind {
                    let id = self.mangled(id).into_owned();
                    self.scope().mark(&id, USED | BOUND);
                } else {
                    self.expr(target);
                }
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.opt(value);
                if !(*simple && self.scope().kind.is_function_like()) {
                    self.expr(annotation);
                }
                self.expr(target);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter);
                self.expr(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.expr(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&c.pattern);
                    self.opt(&c.guard);
                    self.stmts(&c.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc);
                self.opt(cause);
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body);
                for h in handlers {
                    self.opt(&h.type_);
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt(msg);
            }
            StmtKind::Import { names } => {
                for a in names {
                    let bound = a.asname.as_deref().unwrap_or_else(|| a.name.split('.').next().unwrap_or(&a.name));
                    self.bind(bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name != "*" {
                        self.bind(a.asname.as_deref().unwrap_or(&a.name));
                    }
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    let n = self.mangled(n).into_owned();
                    self.scope().mark(&n, GLOBAL);
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    let n = self.mangled(n).into_owned();
                    self.scope().mark(&n, NONLOCAL);
                }
            }
            StmtKind::Expr { value } => self.expr(value),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn opt(&mut self, e: &Option<Expr>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    /// Defaults and annotations, evaluated in the defining scope.
    fn arguments_outer(&mut self, a: &Arguments) {
        self.exprs(&a.defaults);
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d);
        }
        let all = a.posonlyargs.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonlyargs).chain(&a.kwarg);
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.expr(ann);
            }
        }
    }

    fn params(&mut self, a: &Arguments) {
        let all = a.posonlyargs.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonlyargs).chain(&a.kwarg);
        for arg in all {
            let name: Box<str> = self.mangled(&arg.arg).into();
            self.scope().mark(&name, PARAM | BOUND);
            self.scope().params.push(name);
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q);
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.exprs(keys);
                for q in patterns {
                    self.pattern(q);
                }
                if let Some(r) = rest {
                    self.bind(r);
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls);
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q);
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.bind(n);
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q);
                }
                if let Some(n) = name {
                    self.bind(n);
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USED } else { BOUND };
                let id = &*self.mangled(id).into_owned();
                self.scope().mark(id, flag);
                if id == "super" && *ctx == ExprContext::Load && self.scope().kind == ScopeKind::Function {
                    self.scope().mark("__class__", USED);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.bind_walrus(id);
                }
            }
            ExprKind::Lambda { args, body } => {
                self.arguments_outer(args);
                let parent = self.enter(e, ScopeKind::Function);
                self.params(args);
                self.expr(body);
                self.current = parent;
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, &[elt], ScopeKind::Comprehension);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, &[elt], ScopeKind::GenExp);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, generators, &[key, value], ScopeKind::Comprehension);
            }
            ExprKind::Yield { value } => {
                self.scope().is_generator = true;
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom { value } => {
                self.scope().is_generator = true;
                self.expr(value);
            }
            ExprKind::Await { value } => {
                if self.scope().kind == ScopeKind::GenExp {
                    self.scope().is_coroutine = true;
                }
                self.expr(value);
            }
            _ => walk_children(e, |c| self.expr(c)),
        }
    }

    fn comprehension(&mut self, node: &Expr, generators: &[Comprehension], elts: &[&Expr], kind: ScopeKind) {
        let Some((first, rest)) = generators.split_first() else { return };
        self.expr(&first.iter);
        let parent = self.enter(node, kind);
        if kind == ScopeKind::GenExp {
            self.scope().is_generator = true;
            self.scope().mark(".0", PARAM | BOUND);
            self.scope().params.push(".0".into());
        }
        self.expr(&first.target);
        self.exprs(&first.ifs);
        if first.is_async && kind == ScopeKind::GenExp {
            self.scope().is_coroutine = true;
        }
        for g in rest {
            self.expr(&g.iter);
            self.expr(&g.target);
            self.exprs(&g.ifs);
            if g.is_async && kind == ScopeKind::GenExp {
                self.scope().is_coroutine = true;
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.current = parent;
    }

    /// `(x := v)` inside comprehensions binds `x` in the enclosing function.
    fn bind_walrus(&mut self, name: &str) {
        let mut id = self.current;
        while matches!(self.table.scopes[id].kind, ScopeKind::Comprehension | ScopeKind::GenExp) {
            self.table.scopes[id].mark(name, NONLOCAL);
            match self.table.scopes[id].parent {
                Some(p) => id = p,
                None => break,
            }
        }
        if id != self.current && self.table.scopes[id].kind == ScopeKind::Module {
            // Comprehensions at module level reach the name as a global.
            let mut c = self.current;
            while c != id {
                if let Some(f) = self.table.scopes[c].flags.get_mut(name) {
                    *f = (*f & !NONLOCAL) | GLOBAL;
                }
                c = self.table.scopes[c].parent.unwrap_or(id);
            }
        }
        self.table.scopes[id].mark(name, BOUND);
    }
}

/// Calls `f` on each direct sub-expression of `e` that is evaluated in the
/// same scope.
pub fn walk_children(e: &Expr, mut f: impl FnMut(&Expr)) {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::NamedExpr { target, value } => {
            f(target);
            f(value)
        }
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right)
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse)
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(&mut f);
            values.iter().for_each(f)
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter().for_each(f),
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => f(value),
        ExprKind::Yield { value } => value.iter().for_each(|v| f(v)),
        ExprKind::Compare { left, comparators, .. } => {
            f(left);
            comparators.iter().for_each(f)
        }
        ExprKind::Call { func, args, keywords } => {
            f(func);
            args.iter().for_each(&mut f);
            keywords.iter().for_each(|k| f(&k.value))
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            f(value);
            format_spec.iter().for_each(|s| f(s))
        }
        ExprKind::JoinedStr { values } => values.iter().for_each(f),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => f(value),
        ExprKind::Subscript { value, slice, .. } => {
            f(value);
            f(slice)
        }
        ExprKind::Slice { lower, upper, step } => {
            for p in [lower, upper, step].into_iter().flatten() {
                f(p)
            }
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
        ExprKind::Lambda { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::DictComp { .. }
        | ExprKind::GeneratorExp { .. } => {}
    }
}
