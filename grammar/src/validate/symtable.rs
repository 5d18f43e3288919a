//! CPython's symbol-table passes (`symtable.c`): the walk that records how
//! every name is used in every scope, and the analysis that resolves
//! `nonlocal` declarations. Both raise SyntaxErrors of their own; the walk
//! also records the facts the compiler pass needs (generators, coroutines).

use crate::ast::*;
use crate::error::{ErrorKind, SyntaxError};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Symbol lookups dominate this pass; std's DoS-resistant SipHash is
/// needlessly slow for identifiers of a file being compiled.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A multiply-rotate hash over 8-byte words.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let mut tail = [0; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.mix(u64::from_le_bytes(tail));
    }

    fn write_u8(&mut self, byte: u8) {
        self.mix(u64::from(byte));
    }

    fn write_usize(&mut self, value: usize) {
        self.mix(value as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type ScopeId = usize;

/// CPython's compiler gives up (RecursionError) on statements and
/// expressions nested deeper than this, counted together (1000 frames times
/// its scale of 3); the parser bounds expression height alone to the same
/// number. The limit also bounds the stack the walks here use.
const MAX_NESTING: u32 = 3000;

const DEF_GLOBAL: u16 = 1;
const DEF_LOCAL: u16 = 1 << 1;
const DEF_PARAM: u16 = 1 << 2;
const DEF_NONLOCAL: u16 = 1 << 3;
const USE: u16 = 1 << 4;
const DEF_IMPORT: u16 = 1 << 5;
const DEF_ANNOT: u16 = 1 << 6;
const DEF_COMP_ITER: u16 = 1 << 7;
const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension(ComprehensionKind),
    /// Annotations under `from __future__ import annotations`.
    Annotation,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

struct Scope<'a> {
    kind: ScopeKind,
    parent: Option<ScopeId>,
    children: Vec<ScopeId>,
    /// Every (mangled) name with its flags, in the order CPython first records it.
    symbols: Vec<(Cow<'a, str>, u16)>,
    index: FastMap<Cow<'a, str>, usize>,
    /// `global`/`nonlocal` statements (and walrus targets lifted out of
    /// comprehensions): where analysis errors about the name point.
    directives: Vec<(Cow<'a, str>, Span)>,
    /// Inside a comprehension's iterable expression (inherited by nested scopes).
    comp_iter_expr: u32,
    /// Visiting a comprehension's `for` target.
    comp_iter_target: bool,
    generator: bool,
    coroutine: bool,
}

impl<'a> Scope<'a> {
    fn new(kind: ScopeKind, parent: Option<ScopeId>, comp_iter_expr: u32) -> Scope<'a> {
        Scope {
            kind,
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: FastMap::default(),
            directives: Vec::new(),
            comp_iter_expr,
            comp_iter_target: false,
            generator: false,
            coroutine: false,
        }
    }

    fn flags(&self, name: &str) -> u16 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1)
    }

    fn directive_span(&self, name: &str) -> Span {
        self.directives.iter().find(|(n, _)| n == name).map_or(Span::default(), |(_, span)| *span)
    }
}

/// The scopes of a module, and the per-scope facts the compiler pass asks for.
pub(super) struct SymbolTable<'a> {
    scopes: Vec<Scope<'a>>,
    /// Function definitions and comprehensions, by node address.
    node_scopes: FastMap<usize, ScopeId>,
    any_nonlocal: bool,
}

fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl<'a> SymbolTable<'a> {
    /// The symbol-table walk (`symtable_visit_*`): the first error in its order.
    pub(super) fn build(module: &'a Module, future_annotations: bool) -> Result<SymbolTable<'a>, SyntaxError> {
        let mut builder = Builder {
            table: SymbolTable { scopes: vec![Scope::new(ScopeKind::Module, None, 0)], node_scopes: FastMap::default(), any_nonlocal: false },
            current: 0,
            future_annotations,
            private: None,
            depth: 0,
            track_names: has_declarations(&module.body),
        };
        builder.stmts(&module.body).map_err(|e| *e)?;
        Ok(builder.table)
    }

    /// A function whose `return value` is an error: an async generator.
    pub(super) fn is_async_generator(&self, def: &FunctionDef) -> bool {
        self.node_scopes.get(&node_key(def)).is_some_and(|&id| self.scopes[id].generator && self.scopes[id].coroutine)
    }

    /// A comprehension that awaits (or is `async for`) somewhere inside.
    pub(super) fn is_async_comprehension(&self, expr: &Expr) -> bool {
        self.node_scopes.get(&node_key(expr)).is_some_and(|&id| self.scopes[id].coroutine)
    }

    /// The analysis pass (`analyze_block`): `nonlocal` declarations must find
    /// a binding in an enclosing function and must not also be `global`.
    pub(super) fn analyze(&self) -> Result<(), SyntaxError> {
        if !self.any_nonlocal {
            return Ok(());
        }
        let mut pending = vec![0];
        while let Some(id) = pending.pop() {
            self.analyze_scope(id)?;
            pending.extend(self.scopes[id].children.iter().rev());
        }
        Ok(())
    }

    fn analyze_scope(&self, id: ScopeId) -> Result<(), SyntaxError> {
        let scope = &self.scopes[id];
        for (name, flags) in &scope.symbols {
            let (name, flags) = (&**name, *flags);
            if flags & DEF_NONLOCAL == 0 {
                continue;
            }
            let msg = if flags & DEF_GLOBAL != 0 {
                format!("name '{name}' is nonlocal and global")
            } else if scope.kind == ScopeKind::Module {
                "nonlocal declaration not allowed at module level".to_string()
            } else if !self.bound_in_enclosing(id, name) {
                format!("no binding for nonlocal '{name}' found")
            } else {
                continue;
            };
            return Err(SyntaxError::syntax(msg, scope.directive_span(name)));
        }
        Ok(())
    }

    /// Whether `name` is in the set of bindings CPython passes down to scope
    /// `id`: locals of enclosing functions, minus names an intermediate
    /// function declares global; classes pass only `__class__` of their own.
    fn bound_in_enclosing(&self, id: ScopeId, name: &str) -> bool {
        let mut parent = self.scopes[id].parent;
        while let Some(p) = parent {
            let scope = &self.scopes[p];
            match scope.kind {
                ScopeKind::Module => return false,
                ScopeKind::Class if name == "__class__" => return true,
                ScopeKind::Class | ScopeKind::Annotation => {}
                ScopeKind::Function | ScopeKind::Comprehension(_) => {
                    let flags = scope.flags(name);
                    if flags & DEF_GLOBAL != 0 {
                        return false;
                    }
                    if flags & DEF_BOUND != 0 && flags & DEF_NONLOCAL == 0 {
                        return true;
                    }
                }
            }
            parent = scope.parent;
        }
        false
    }
}

struct Builder<'a> {
    table: SymbolTable<'a>,
    current: ScopeId,
    future_annotations: bool,
    /// The name of the innermost enclosing class: `__x` inside it means `_Class__x`.
    private: Option<&'a str>,
    /// How deeply the statement or expression being visited is nested.
    depth: u32,
    /// Whether plain uses and bindings of names must be recorded: only
    /// `global` and `nonlocal` statements ask about them. Parameters,
    /// comprehension targets and walrus targets are always recorded.
    track_names: bool,
}

/// Whether any statement, at any depth, is `global` or `nonlocal`.
fn has_declarations(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match &stmt.kind {
        StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => true,
        StmtKind::FunctionDef(def) => has_declarations(&def.body),
        StmtKind::ClassDef(class) => has_declarations(&class.body),
        StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            has_declarations(body) || has_declarations(orelse)
        }
        StmtKind::With { body, .. } => has_declarations(body),
        StmtKind::Match { cases, .. } => cases.iter().any(|case| has_declarations(&case.body)),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            has_declarations(body)
                || handlers.iter().any(|h| has_declarations(&h.body))
                || has_declarations(orelse)
                || has_declarations(finalbody)
        }
        _ => false,
    })
}

/// Errors are boxed so that the walk's results fit in a register.
type Walk = Result<(), Box<SyntaxError>>;

#[cold]
fn error(msg: impl Into<String>, span: Span) -> Box<SyntaxError> {
    Box::new(SyntaxError::syntax(msg, span))
}

impl<'a> Builder<'a> {
    fn scope(&self) -> &Scope<'a> {
        &self.table.scopes[self.current]
    }

    fn scope_mut(&mut self) -> &mut Scope<'a> {
        &mut self.table.scopes[self.current]
    }

    /// Opens a child scope of the current one; returns the scope to go back to.
    fn enter(&mut self, kind: ScopeKind, key: Option<usize>) -> ScopeId {
        let id = self.table.scopes.len();
        let inherited = self.scope().comp_iter_expr;
        self.table.scopes.push(Scope::new(kind, Some(self.current), inherited));
        self.table.scopes[self.current].children.push(id);
        if let Some(key) = key {
            self.table.node_scopes.insert(key, id);
        }
        std::mem::replace(&mut self.current, id)
    }

    fn add_def(&mut self, name: &'a str, flag: u16, span: Span) -> Walk {
        self.add_def_in(self.current, name, flag, span)
    }

    /// A plain use or binding (`USE`, `DEF_LOCAL`, `DEF_IMPORT`, `DEF_ANNOT`).
    fn add_name(&mut self, name: &'a str, flag: u16, span: Span) -> Walk {
        if !self.track_names && !self.scope().comp_iter_target {
            return Ok(());
        }
        self.add_def(name, flag, span)
    }

    /// `_Py_Mangle`: private names in a class body get the class's name.
    fn mangle(&self, name: &'a str) -> Cow<'a, str> {
        let Some(class) = self.private else { return Cow::Borrowed(name) };
        let class = class.trim_start_matches('_');
        if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || class.is_empty() {
            return Cow::Borrowed(name);
        }
        Cow::Owned(format!("_{class}{name}"))
    }

    /// `symtable_add_def_helper`: records a use or binding of `name` in `scope`.
    fn add_def_in(&mut self, scope_id: ScopeId, name: &'a str, flag: u16, span: Span) -> Walk {
        let key = self.mangle(name);
        let scope = &mut self.table.scopes[scope_id];
        let slot = scope.index.get(&*key).copied();
        let mut flags = match slot {
            Some(i) if flag & DEF_PARAM != 0 && scope.symbols[i].1 & DEF_PARAM != 0 => {
                return Err(error(format!("duplicate argument '{name}' in function definition"), span));
            }
            Some(i) => scope.symbols[i].1 | flag,
            None => flag,
        };
        if scope.comp_iter_target {
            if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                let msg = format!("comprehension inner loop cannot rebind assignment expression target '{name}'");
                return Err(error(msg, span));
            }
            flags |= DEF_COMP_ITER;
        }
        match slot {
            Some(i) => scope.symbols[i].1 = flags,
            None => {
                scope.index.insert(key.clone(), scope.symbols.len());
                scope.symbols.push((key, flags));
            }
        }
        if flag & DEF_NONLOCAL != 0 {
            self.table.any_nonlocal = true;
        }
        if flag & DEF_GLOBAL != 0 && scope_id != 0 {
            self.add_def_in(0, name, DEF_GLOBAL, span)?;
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &'a str, span: Span) {
        let key = self.mangle(name);
        self.scope_mut().directives.push((key, span));
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> Walk {
        body.iter().try_for_each(|stmt| self.stmt(stmt))
    }

    fn exprs(&mut self, exprs: &'a [Expr]) -> Walk {
        exprs.iter().try_for_each(|expr| self.expr(expr))
    }

    /// Enters one more level of nesting; fails where CPython's compiler would.
    fn descend(&mut self, span: Span) -> Walk {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let msg = "maximum recursion depth exceeded during compilation";
            return Err(Box::new(SyntaxError::new(ErrorKind::RecursionError, msg, span)));
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> Walk {
        self.descend(stmt.span)?;
        self.stmt_kind(stmt)?;
        self.depth -= 1;
        Ok(())
    }

    fn stmt_kind(&mut self, stmt: &'a Stmt) -> Walk {
        match &stmt.kind {
            StmtKind::FunctionDef(def) => self.function_def(def, stmt.span),
            StmtKind::ClassDef(class) => self.class_def(class, stmt.span),
            StmtKind::Return { value } => value.iter().try_for_each(|v| self.expr(v)),
            StmtKind::Delete { targets } => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets)?;
                self.expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(stmt.span, target, annotation, value.as_ref(), *simple)
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    item.optional_vars.iter().try_for_each(|v| self.expr(v))?;
                }
                self.stmts(body)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    case.guard.iter().try_for_each(|g| self.expr(g))?;
                    self.stmts(&case.body)?;
                }
                Ok(())
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().try_for_each(|e| self.expr(e))?;
                cause.iter().try_for_each(|c| self.expr(c))
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for handler in handlers {
                    handler.type_.iter().try_for_each(|t| self.expr(t))?;
                    if let Some(name) = &handler.name {
                        self.add_name(name, DEF_LOCAL, handler.span)?;
                    }
                    self.stmts(&handler.body)?;
                }
                self.stmts(finalbody)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                msg.iter().try_for_each(|m| self.expr(m))
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                names.iter().try_for_each(|alias| self.import_alias(alias))
            }
            StmtKind::Global { names } => self.declarations(names, stmt.span, DEF_GLOBAL),
            StmtKind::Nonlocal { names } => self.declarations(names, stmt.span, DEF_NONLOCAL),
            StmtKind::Expr { value } => self.expr(value),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
        }
    }

    fn function_def(&mut self, def: &'a FunctionDef, span: Span) -> Walk {
        self.add_name(&def.name, DEF_LOCAL, span)?;
        self.defaults(&def.args)?;
        self.argument_annotations(&def.args, def.returns.as_ref())?;
        self.exprs(&def.decorator_list)?;
        let outer = self.enter(ScopeKind::Function, Some(node_key(def)));
        if def.is_async {
            self.scope_mut().coroutine = true;
        }
        self.params(&def.args)?;
        self.stmts(&def.body)?;
        self.current = outer;
        Ok(())
    }

    fn class_def(&mut self, class: &'a ClassDef, span: Span) -> Walk {
        self.add_name(&class.name, DEF_LOCAL, span)?;
        self.exprs(&class.bases)?;
        class.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
        self.exprs(&class.decorator_list)?;
        let outer = self.enter(ScopeKind::Class, None);
        let outer_private = self.private.replace(&class.name);
        self.stmts(&class.body)?;
        self.private = outer_private;
        self.current = outer;
        Ok(())
    }

    fn defaults(&mut self, args: &'a Arguments) -> Walk {
        self.exprs(&args.defaults)?;
        args.kw_defaults.iter().flatten().try_for_each(|d| self.expr(d))
    }

    /// Parameter annotations and the return annotation, evaluated in the
    /// enclosing scope (or in an annotation scope under the future import).
    fn argument_annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> Walk {
        let outer = self.future_annotations.then(|| self.enter(ScopeKind::Annotation, None));
        let all = args.posonlyargs.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg);
        for arg in all {
            arg.annotation.iter().try_for_each(|a| self.expr(a))?;
        }
        if let Some(outer) = outer {
            self.current = outer;
        }
        returns.map_or(Ok(()), |r| self.annotation(r))
    }

    fn annotation(&mut self, annotation: &'a Expr) -> Walk {
        let outer = self.future_annotations.then(|| self.enter(ScopeKind::Annotation, None));
        self.expr(annotation)?;
        if let Some(outer) = outer {
            self.current = outer;
        }
        Ok(())
    }

    fn params(&mut self, args: &'a Arguments) -> Walk {
        let named = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs);
        let all = named.chain(&args.vararg).chain(&args.kwarg);
        all.into_iter().try_for_each(|arg| self.add_def(&arg.arg, DEF_PARAM, arg.span))
    }

    fn ann_assign(&mut self, span: Span, target: &'a Expr, annotation: &'a Expr, value: Option<&'a Expr>, simple: bool) -> Walk {
        if let ExprKind::Name { id, .. } = &target.kind {
            let flags = self.scope().flags(&self.mangle(id));
            if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.current != 0 && simple {
                let kind = if flags & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                return Err(error(format!("annotated name '{id}' can't be {kind}"), span));
            }
            if simple {
                self.add_name(id, DEF_ANNOT | DEF_LOCAL, target.span)?;
            } else if value.is_some() {
                self.add_name(id, DEF_LOCAL, target.span)?;
            }
        } else {
            self.expr(target)?;
        }
        self.annotation(annotation)?;
        value.map_or(Ok(()), |v| self.expr(v))
    }

    fn import_alias(&mut self, alias: &'a Alias) -> Walk {
        let store_name = match &alias.asname {
            Some(asname) => &**asname,
            None => alias.name.split('.').next().unwrap_or(&alias.name),
        };
        if store_name != "*" {
            return self.add_name(store_name, DEF_IMPORT, alias.span);
        }
        if self.scope().kind != ScopeKind::Module {
            return Err(error("import * only allowed at module level", alias.span));
        }
        Ok(())
    }

    /// `global` or `nonlocal` names: none may already be used in this scope.
    fn declarations(&mut self, names: &'a [Ident], span: Span, flag: u16) -> Walk {
        let kind = if flag == DEF_GLOBAL { "global" } else { "nonlocal" };
        for name in names {
            let flags = self.scope().flags(&self.mangle(name));
            let msg = if flags & DEF_PARAM != 0 {
                Some(format!("name '{name}' is parameter and {kind}"))
            } else if flags & USE != 0 {
                Some(format!("name '{name}' is used prior to {kind} declaration"))
            } else if flags & DEF_ANNOT != 0 {
                Some(format!("annotated name '{name}' can't be {kind}"))
            } else if flags & DEF_LOCAL != 0 {
                Some(format!("name '{name}' is assigned to before {kind} declaration"))
            } else {
                None
            };
            if let Some(msg) = msg {
                return Err(error(msg, span));
            }
            self.add_def(name, flag, span)?;
            self.record_directive(name, span);
        }
        Ok(())
    }

    /// Fails if the current scope is a (future) annotation scope.
    fn not_in_annotation(&self, what: &str, span: Span) -> Walk {
        if self.scope().kind == ScopeKind::Annotation {
            return Err(error(format!("'{what}' can not be used within an annotation"), span));
        }
        Ok(())
    }

    fn expr(&mut self, expr: &'a Expr) -> Walk {
        self.descend(expr.span)?;
        self.expr_kind(expr)?;
        self.depth -= 1;
        Ok(())
    }

    fn expr_kind(&mut self, expr: &'a Expr) -> Walk {
        match &expr.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => self.named_expr(expr.span, target, value),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                let outer = self.enter(ScopeKind::Function, None);
                self.params(args)?;
                self.expr(body)?;
                self.current = outer;
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k))?;
                self.exprs(values)
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts),
            ExprKind::ListComp { elt, generators } => self.comprehension(expr, ComprehensionKind::List, generators, elt, None),
            ExprKind::SetComp { elt, generators } => self.comprehension(expr, ComprehensionKind::Set, generators, elt, None),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(expr, ComprehensionKind::Generator, generators, elt, None)
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(expr, ComprehensionKind::Dict, generators, key, Some(value))
            }
            ExprKind::Await { value } => {
                self.not_in_annotation("await expression", expr.span)?;
                self.expr(value)?;
                self.scope_mut().coroutine = true;
                Ok(())
            }
            ExprKind::Yield { value } => {
                self.not_in_annotation("yield expression", expr.span)?;
                value.iter().try_for_each(|v| self.expr(v))?;
                self.yielded(expr.span)
            }
            ExprKind::YieldFrom { value } => {
                self.not_in_annotation("yield expression", expr.span)?;
                self.expr(value)?;
                self.yielded(expr.span)
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                format_spec.iter().try_for_each(|s| self.expr(s))
            }
            ExprKind::JoinedStr { values } => self.exprs(values),
            ExprKind::Constant { .. } => Ok(()),
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_name(id, flag, expr.span)
            }
            ExprKind::Slice { lower, upper, step } => {
                [lower, upper, step].into_iter().flatten().try_for_each(|part| self.expr(part))
            }
        }
    }

    /// Marks the current scope a generator; `yield` in a comprehension is an error.
    fn yielded(&mut self, span: Span) -> Walk {
        self.scope_mut().generator = true;
        let msg = match self.scope().kind {
            ScopeKind::Comprehension(ComprehensionKind::List) => "'yield' inside list comprehension",
            ScopeKind::Comprehension(ComprehensionKind::Set) => "'yield' inside set comprehension",
            ScopeKind::Comprehension(ComprehensionKind::Dict) => "'yield' inside dict comprehension",
            ScopeKind::Comprehension(ComprehensionKind::Generator) => "'yield' inside generator expression",
            _ => return Ok(()),
        };
        Err(error(msg, span))
    }

    fn named_expr(&mut self, span: Span, target: &'a Expr, value: &'a Expr) -> Walk {
        self.not_in_annotation("named expression", span)?;
        if self.scope().comp_iter_expr > 0 {
            return Err(error("assignment expression cannot be used in a comprehension iterable expression", span));
        }
        if matches!(self.scope().kind, ScopeKind::Comprehension(_)) {
            if let ExprKind::Name { id, .. } = &target.kind {
                self.bind_walrus_target(id, target.span)?;
            }
        }
        self.expr(value)?;
        self.expr(target)
    }

    /// `symtable_extend_namedexpr_scope`: a walrus inside a comprehension
    /// binds in the nearest enclosing function or module scope. (CPython
    /// looks the target up here without mangling it.)
    fn bind_walrus_target(&mut self, name: &'a str, span: Span) -> Walk {
        let mut next = Some(self.current);
        while let Some(id) = next {
            let scope = &self.table.scopes[id];
            match scope.kind {
                ScopeKind::Comprehension(_) if scope.flags(name) & DEF_COMP_ITER != 0 => {
                    let msg = format!("assignment expression cannot rebind comprehension iteration variable '{name}'");
                    return Err(error(msg, span));
                }
                ScopeKind::Function => {
                    let flag = if scope.flags(name) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, flag, span)?;
                    self.record_directive(name, span);
                    return self.add_def_in(id, name, DEF_LOCAL, span);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, span)?;
                    self.record_directive(name, span);
                    return self.add_def_in(id, name, DEF_GLOBAL, span);
                }
                ScopeKind::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(error(msg, span));
                }
                ScopeKind::Comprehension(_) | ScopeKind::Annotation => {}
            }
            next = scope.parent;
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        expr: &'a Expr,
        kind: ComprehensionKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Walk {
        let Some((outermost, rest)) = generators.split_first() else { return Ok(()) };
        self.iterable(&outermost.iter)?;
        let outer = self.enter(ScopeKind::Comprehension(kind), Some(node_key(expr)));
        if outermost.is_async {
            self.scope_mut().coroutine = true;
        }
        self.comprehension_target(&outermost.target)?;
        self.exprs(&outermost.ifs)?;
        for generator in rest {
            self.comprehension_target(&generator.target)?;
            self.iterable(&generator.iter)?;
            self.exprs(&generator.ifs)?;
            if generator.is_async {
                self.scope_mut().coroutine = true;
            }
        }
        value.map_or(Ok(()), |v| self.expr(v))?;
        self.expr(elt)?;
        let is_generator = kind == ComprehensionKind::Generator;
        self.scope_mut().generator = is_generator;
        let is_async = self.scope().coroutine && !is_generator;
        self.current = outer;
        if is_async {
            self.scope_mut().coroutine = true;
        }
        Ok(())
    }

    fn iterable(&mut self, iter: &'a Expr) -> Walk {
        self.scope_mut().comp_iter_expr += 1;
        self.expr(iter)?;
        self.scope_mut().comp_iter_expr -= 1;
        Ok(())
    }

    fn comprehension_target(&mut self, target: &'a Expr) -> Walk {
        self.scope_mut().comp_iter_target = true;
        self.expr(target)?;
        self.scope_mut().comp_iter_target = false;
        Ok(())
    }

    fn pattern(&mut self, pattern: &'a Pattern) -> Walk {
        self.descend(pattern.span)?;
        self.pattern_kind(pattern)?;
        self.depth -= 1;
        Ok(())
    }

    fn pattern_kind(&mut self, pattern: &'a Pattern) -> Walk {
        match &pattern.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|p| self.pattern(p))
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|p| self.pattern(p))?;
                rest.as_ref().map_or(Ok(()), |name| self.add_name(name, DEF_LOCAL, pattern.span))
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                patterns.iter().chain(kwd_patterns).try_for_each(|p| self.pattern(p))
            }
            PatternKind::MatchStar { name } => name.as_ref().map_or(Ok(()), |n| self.add_name(n, DEF_LOCAL, pattern.span)),
            PatternKind::MatchAs { pattern: inner, name } => {
                inner.iter().try_for_each(|p| self.pattern(p))?;
                name.as_ref().map_or(Ok(()), |n| self.add_name(n, DEF_LOCAL, pattern.span))
            }
        }
    }
}
