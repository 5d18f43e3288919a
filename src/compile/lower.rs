//! Lowering: AST + scope table -> executable tree (`ir`).

use super::ir::{self, Arg, AttrSite, BinOp, CmpOp, Code, CodeKind, Expr, ExprKind, Params, Stmt, StmtKind, Sym, Target};
use super::scope::{ScopeId, ScopeKind, ScopeTable, SymKind};
use crate::runtime::int::ArithOp;
use crate::runtime::intern::Interner;
use crate::runtime::object::{Bytes, Complex};
use crate::runtime::value::Value;
use super::NameMap as HashMap;
use std::rc::Rc;
use tulip_syntax::ast;
use tulip_syntax::LineIndex;

/// Where a name of the current scope lives.
#[derive(Clone, Copy)]
enum Res {
    Local(u32),
    Cell(u32),
    /// A free variable: a cell received from the closure.
    Free(u32),
    Global,
    Name,
}

/// The code object being built: its slots and cells.
struct Frame {
    slot_names: Vec<Sym>,
    cell_names: Vec<Sym>,
    n_free: usize,
}

struct ScopeCtx {
    id: ScopeId,
    map: HashMap<Box<str>, Res>,
    frame: usize,
    qualname: String,
    /// The innermost enclosing class, for private-name mangling.
    class: Option<Box<str>>,
    /// Cells a class body passes through to its methods (see `Scope::pass_through`).
    pass_cells: HashMap<Box<str>, u32>,
}

pub struct Lowerer<'a> {
    table: &'a ScopeTable,
    interner: &'a Interner,
    filename: Rc<str>,
    lines: LineIndex,
    frames: Vec<Frame>,
    scopes: Vec<ScopeCtx>,
    /// Module-level names are namespace entries (`exec` with a locals dict).
    module_names_local: bool,
    /// The source, for the text of annotations under `from __future__ import annotations`.
    source: &'a str,
    /// `from __future__ import annotations`: annotations are kept as strings.
    future_annotations: bool,
    /// In an interactive input, the function expression statements at module
    /// level pass their value to.
    display: Option<Value>,
}

/// Lowers a whole module. `module_names_local` makes top-level names resolve
/// through a separate locals namespace (`exec(code, globals, locals)`).
pub fn lower_module(
    module: &ast::Module,
    source: &str,
    filename: Rc<str>,
    interner: &Interner,
    module_names_local: bool,
) -> Rc<Code> {
    lower_top(module, source, filename, interner, module_names_local, None, false)
}

/// Lowers one input of an interactive session (CPython's "single" mode):
/// every expression statement of the module's own code (not of the functions
/// and classes it defines) passes its value to `display` (`sys.displayhook`).
/// An input that awaits becomes a coroutine whose names are the module's
/// globals, as CPython compiles with `PyCF_ALLOW_TOP_LEVEL_AWAIT`;
/// `as_coroutine` makes any input one.
pub fn lower_interactive(
    module: &ast::Module,
    source: &str,
    filename: Rc<str>,
    interner: &Interner,
    display: Value,
    as_coroutine: bool,
) -> Rc<Code> {
    lower_top(module, source, filename, interner, false, Some(display), as_coroutine)
}

fn lower_top(
    module: &ast::Module,
    source: &str,
    filename: Rc<str>,
    interner: &Interner,
    module_names_local: bool,
    display: Option<Value>,
    as_coroutine: bool,
) -> Rc<Code> {
    let table = ScopeTable::build(module);
    let future_annotations = module.body.iter().any(|st| {
        matches!(&st.kind, ast::StmtKind::ImportFrom { module: Some(m), names, level: 0 }
            if &**m == "__future__" && names.iter().any(|a| &*a.name == "annotations"))
    });
    let mut l = Lowerer {
        table: &table,
        interner,
        filename,
        lines: LineIndex::new(source),
        frames: Vec::new(),
        scopes: Vec::new(),
        module_names_local,
        source,
        future_annotations,
        display,
    };
    l.frames.push(Frame { slot_names: Vec::new(), cell_names: Vec::new(), n_free: 0 });
    l.scopes.push(ScopeCtx { id: 0, map: HashMap::default(), frame: 0, qualname: String::new(), class: None, pass_cells: HashMap::default() });
    let body = l.block(&module.body);
    let mut frame = l.frames.pop().unwrap_or(Frame { slot_names: Vec::new(), cell_names: Vec::new(), n_free: 0 });
    let kind = if as_coroutine || body.iter().any(|s| s.suspends) { CodeKind::Coroutine } else { CodeKind::Module };
    let body = if kind == CodeKind::Coroutine { super::anf::lower_body(body, &mut frame.slot_names, interner) } else { body };
    Rc::new(Code {
        name: interner.intern("<module>"),
        qualname: interner.intern("<module>"),
        filename: l.filename.clone(),
        first_line: 1,
        kind,
        params: Params::none(),
        slot_names: frame.slot_names,
        cell_names: frame.cell_names,
        n_own_cells: 0,
        cell_params: Vec::new(),
        doc: docstring(&module.body, interner),
        body,
        await_shortcut: Default::default(),
    })
}

fn docstring(body: &[ast::Stmt], interner: &Interner) -> Option<Value> {
    match body.first().map(|s| &s.kind) {
        Some(ast::StmtKind::Expr { value: ast::Expr { kind: ast::ExprKind::Constant { value: ast::Constant::Str(s), .. }, .. } }) => {
            Some(Value::Str(interner.intern(&py_str(s))))
        }
        _ => None,
    }
}

fn py_str(s: &ast::PyStr) -> String {
    match s.as_str() {
        Some(t) => t.to_string(),
        None => s.code_points().map(|c| char::from_u32(c).unwrap_or('\u{fffd}')).collect(),
    }
}

impl<'a> Lowerer<'a> {
    /// An annotation: evaluated, or under `from __future__ import annotations`
    /// its source text (a string literal's value keeps its quotes, as
    /// CPython's unparse gives them).
    fn annotation(&mut self, e: &ast::Expr) -> Expr {
        if !self.future_annotations {
            return self.expr(e);
        }
        let text = match &e.kind {
            ast::ExprKind::Constant { value: ast::Constant::Str(st), .. } => tulip_syntax::repr::str_repr(&py_str(st)),
            _ => {
                let raw = self.source.get(e.span.start as usize..e.span.end as usize).unwrap_or("");
                // Line breaks inside brackets become single spaces.
                let mut out = String::with_capacity(raw.len());
                let mut pending_space = false;
                for ch in raw.chars() {
                    if ch == '\n' || ch == '\r' || ch == '\\' {
                        pending_space = true;
                        continue;
                    }
                    if pending_space {
                        if ch == ' ' || ch == '\t' {
                            continue;
                        }
                        let last = out.chars().last();
                        if !matches!(last, None | Some('(') | Some('[') | Some('{')) && !matches!(ch, ')' | ']' | '}') {
                            out.push(' ');
                        }
                        pending_space = false;
                    }
                    out.push(ch);
                }
                out
            }
        };
        Expr::new(ExprKind::Const(Value::Str(self.interner.intern(&text))))
    }

    fn sym(&self, s: &str) -> Sym {
        self.interner.intern(s)
    }

    fn line(&self, span: ast::Span) -> u32 {
        self.lines.line(span.start) as u32
    }

    fn scope(&self) -> &ScopeCtx {
        self.scopes.last().expect("scope stack is never empty")
    }

    fn frame(&mut self) -> &mut Frame {
        let f = self.scope().frame;
        &mut self.frames[f]
    }

    fn new_slot(&mut self, name: &str) -> u32 {
        let sym = self.sym(name);
        let f = self.frame();
        f.slot_names.push(sym);
        (f.slot_names.len() - 1) as u32
    }

    fn new_cell(&mut self, name: &str) -> u32 {
        let sym = self.sym(name);
        let f = self.frame();
        f.cell_names.push(sym);
        (f.cell_names.len() - 1) as u32
    }

    /// Resolves `name` in the current scope, looking through inlined
    /// comprehensions to the frame that holds it.
    fn resolve(&self, name: &str) -> Res {
        self.resolve_at(self.scopes.len() - 1, name)
    }

    fn resolve_at(&self, depth: usize, name: &str) -> Res {
        let ctx = &self.scopes[depth];
        match ctx.map.get(name) {
            Some(Res::Free(_)) if self.table.scopes[ctx.id].kind == ScopeKind::Comprehension && depth > 0 => {
                // Inlined into a class body that binds the same name: the
                // class passes the enclosing function's cell through, and
                // its own namespace stays invisible to the comprehension.
                let parent = &self.scopes[depth - 1];
                match parent.pass_cells.get(name) {
                    Some(&c) if self.table.scopes[parent.id].kind == ScopeKind::Class => Res::Free(c),
                    _ => self.resolve_at(depth - 1, name),
                }
            }
            Some(r) => *r,
            None => {
                let scope = &self.table.scopes[ctx.id];
                match scope.kind {
                    ScopeKind::Module if self.module_names_local => Res::Name,
                    ScopeKind::Module => Res::Global,
                    ScopeKind::Class => Res::Name,
                    ScopeKind::Comprehension if depth > 0 => match self.resolve_at(depth - 1, name) {
                        // A class's namespace is invisible from its comprehensions.
                        Res::Name if self.table.scopes[self.scopes[depth - 1].id].kind == ScopeKind::Class => Res::Global,
                        r => r,
                    },
                    _ => Res::Global,
                }
            }
        }
    }

    fn in_class_scope(&self) -> bool {
        self.table.scopes[self.scope().id].kind == ScopeKind::Class
    }

    /// `name` after private-name mangling in the current class.
    fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        super::scope::mangle(self.scope().class.as_deref(), name)
    }

    fn load(&self, name: &str) -> ExprKind {
        let name = &*self.mangle(name);
        match self.resolve(name) {
            Res::Local(s) => ExprKind::Local(s),
            Res::Cell(c) => ExprKind::Cell(c),
            Res::Free(c) if self.in_class_scope() => ExprKind::ClassDeref(self.sym(name), c),
            Res::Free(c) => ExprKind::Cell(c),
            Res::Global => ExprKind::Global(self.sym(name), Default::default()),
            Res::Name => ExprKind::Name(self.sym(name)),
        }
    }

    fn store(&self, name: &str) -> Target {
        let name = &*self.mangle(name);
        match self.resolve(name) {
            Res::Local(s) => Target::Local(s),
            Res::Cell(c) | Res::Free(c) => Target::Cell(c),
            Res::Global => Target::Global(self.sym(name)),
            Res::Name => Target::Name(self.sym(name)),
        }
    }

    // ----- scopes -----

    /// Opens the scope of a function-like or class node with a frame of its own.
    fn enter_code(&mut self, id: ScopeId, name: &str) {
        let scope = &self.table.scopes[id];
        let parent_q = &self.scope().qualname;
        let parent_kind = self.table.scopes[self.scope().id].kind;
        let qualname = match parent_kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{parent_q}.{name}"),
            _ => format!("{parent_q}.<locals>.{name}"),
        };
        let mut map = HashMap::default();
        let mut frame = Frame { slot_names: Vec::new(), cell_names: Vec::new(), n_free: 0 };
        for n in &scope.order {
            if scope.kind_of(n) == Some(SymKind::Free) {
                frame.cell_names.push(self.sym(n));
                map.insert(n.clone(), Res::Free((frame.cell_names.len() - 1) as u32));
            }
        }
        let mut pass_cells = HashMap::default();
        for n in &scope.pass_through {
            frame.cell_names.push(self.sym(n));
            pass_cells.insert(n.clone(), (frame.cell_names.len() - 1) as u32);
        }
        frame.n_free = frame.cell_names.len();
        for p in &scope.params {
            frame.slot_names.push(self.sym(p));
            map.insert(p.clone(), Res::Local((frame.slot_names.len() - 1) as u32));
        }
        for n in &scope.order {
            match scope.kind_of(n) {
                Some(SymKind::Cell) => {
                    frame.cell_names.push(self.sym(n));
                    map.insert(n.clone(), Res::Cell((frame.cell_names.len() - 1) as u32));
                }
                Some(SymKind::Local) if !map.contains_key(n) => {
                    frame.slot_names.push(self.sym(n));
                    map.insert(n.clone(), Res::Local((frame.slot_names.len() - 1) as u32));
                }
                Some(SymKind::Global) => {
                    map.insert(n.clone(), Res::Global);
                }
                Some(SymKind::Name) => {
                    map.insert(n.clone(), Res::Name);
                }
                _ => {}
            }
        }
        self.frames.push(frame);
        let frame = self.frames.len() - 1;
        let class = if scope.kind == ScopeKind::Class { Some(name.into()) } else { self.scope().class.clone() };
        self.scopes.push(ScopeCtx { id, map, frame, qualname, class, pass_cells });
    }

    /// Closes a code scope: the closure (cells of the defining frame for
    /// each free variable) and the finished frame layout.
    fn leave_code(&mut self) -> (Frame, Vec<u32>, Vec<(u32, u32)>, String) {
        let ctx = self.scopes.pop().expect("scope pushed by enter_code");
        let frame = self.frames.pop().expect("frame pushed by enter_code");
        let scope = &self.table.scopes[ctx.id];
        let mut closure = Vec::new();
        for name in &frame.cell_names[..frame.n_free] {
            if let Some(&c) = self.scope().pass_cells.get(name.as_str()) {
                closure.push(c);
                continue;
            }
            match self.resolve(name.as_str()) {
                Res::Cell(c) | Res::Free(c) => closure.push(c),
                // Unreachable for well-formed scopes; an empty cell raises NameError.
                _ => closure.push(u32::MAX),
            }
        }
        let mut cell_params = Vec::new();
        for p in &scope.params {
            if let (Some(Res::Cell(c)), Some(slot)) =
                (ctx.map.get(p), frame.slot_names.iter().position(|s| s.as_str() == &**p))
            {
                cell_params.push((slot as u32, *c));
            }
        }
        (frame, closure, cell_params, ctx.qualname)
    }

    fn function(
        &mut self,
        node_scope: ScopeId,
        name: &str,
        args: &ast::Arguments,
        body: FunctionBody,
        first_line: u32,
        decorators: &[ast::Expr],
    ) -> ir::FuncDef {
        let defaults = args.defaults.iter().map(|d| self.expr(d)).collect();
        let kwdefaults = args.kw_defaults.iter().map(|d| d.as_ref().map(|d| self.expr(d))).collect();
        let decorators = decorators.iter().map(|d| self.expr(d)).collect();
        let mut annotations = Vec::new();
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg) {
            if let Some(ann) = &a.annotation {
                annotations.push((self.sym(&a.arg), self.annotation(ann)));
            }
        }
        if let FunctionBody::Block(_, Some(ret)) = &body {
            annotations.push((self.sym("return"), self.annotation(ret)));
        }
        self.enter_code(node_scope, name);
        let scope = &self.table.scopes[node_scope];
        let kind = match (scope.is_generator, scope.is_coroutine) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Generator,
            (false, true) => CodeKind::Coroutine,
            (false, false) => CodeKind::Function,
        };
        let (stmts, doc) = match body {
            FunctionBody::Block(b, _) => (self.block(b), docstring(b, self.interner)),
            FunctionBody::Lambda(e) => {
                let value = self.expr(e);
                let line = self.line(e.span);
                (vec![Stmt::new(StmtKind::Return(Some(value)), line)], None)
            }
        };
        let (mut frame, closure, cell_params, qualname) = self.leave_code();
        let stmts = if kind == CodeKind::Function { stmts } else { super::anf::lower_body(stmts, &mut frame.slot_names, self.interner) };
        let params = Params {
            names: frame.slot_names[..scope.params.len()].to_vec(),
            n_posonly: args.posonlyargs.len(),
            n_pos: args.posonlyargs.len() + args.args.len(),
            n_kwonly: args.kwonlyargs.len(),
            vararg: args.vararg.is_some(),
            kwarg: args.kwarg.is_some(),
        };
        let n_own_cells = frame.cell_names.len() - frame.n_free;
        let code = Code {
            name: self.sym(name),
            qualname: self.sym(&qualname),
            filename: self.filename.clone(),
            first_line,
            kind,
            params,
            slot_names: frame.slot_names,
            cell_names: frame.cell_names,
            n_own_cells,
            cell_params,
            body: stmts,
            doc,
            await_shortcut: Default::default(),
        };
        ir::FuncDef { code: Rc::new(code), defaults, kwdefaults, closure, decorators, annotations }
    }

    fn class(&mut self, c: &ast::ClassDef, line: u32) -> ir::ClassDef {
        let decorators = c.decorator_list.iter().map(|d| self.expr(d)).collect();
        let mut bases: Vec<Arg> = c.bases.iter().map(|b| self.arg(b)).collect();
        for k in &c.keywords {
            let v = self.expr(&k.value);
            bases.push(match &k.arg {
                Some(n) => Arg::Kw(self.sym(n), v),
                None => Arg::StarStar(v),
            });
        }
        let id = self.table.scope_of(c);
        self.enter_code(id, &c.name);
        let class_cell = match self.scope().map.get("__class__") {
            Some(Res::Cell(i)) if self.table.scopes[id].needs_class_cell => Some(*i),
            _ => None,
        };
        let body = self.block(&c.body);
        let (frame, closure, _, qualname) = self.leave_code();
        let n_own_cells = frame.cell_names.len() - frame.n_free;
        let code = Code {
            name: self.sym(&c.name),
            qualname: self.sym(&qualname),
            filename: self.filename.clone(),
            first_line: line,
            kind: CodeKind::Class,
            params: Params::none(),
            slot_names: frame.slot_names,
            cell_names: frame.cell_names,
            n_own_cells,
            cell_params: Vec::new(),
            body,
            doc: docstring(&c.body, self.interner),
            await_shortcut: Default::default(),
        };
        ir::ClassDef { name: self.sym(&c.name), bases, body: Rc::new(code), closure, decorators, class_cell }
    }

    // ----- statements -----

    fn block(&mut self, body: &[ast::Stmt]) -> Vec<Stmt> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Stmt {
        let line = self.line(s.span);
        let kind = self.stmt_kind(s, line);
        Stmt::new(kind, line)
    }

    fn stmt_kind(&mut self, s: &ast::Stmt, line: u32) -> StmtKind {
        use ast::StmtKind as S;
        match &s.kind {
            S::FunctionDef(f) => {
                let id = self.table.scope_of(&**f);
                let def = self.function(id, &f.name, &f.args, FunctionBody::Block(&f.body, f.returns.as_ref()), line, &f.decorator_list);
                StmtKind::FunctionDef(Rc::new(def), self.store(&f.name))
            }
            S::ClassDef(c) => {
                let def = self.class(c, line);
                StmtKind::ClassDef(Box::new(def), self.store(&c.name))
            }
            S::Return { value } => StmtKind::Return(value.as_ref().map(|v| self.expr(v))),
            S::Delete { targets } => StmtKind::Delete(targets.iter().map(|t| self.target(t)).collect()),
            S::Assign { targets, value } => {
                let value = self.expr(value);
                StmtKind::Assign(targets.iter().map(|t| self.target(t)).collect(), value)
            }
            S::AugAssign { target, op, value } => {
                let value = self.expr(value);
                StmtKind::AugAssign(self.target(target), binop(*op), value)
            }
            S::AnnAssign { target, annotation, value, simple } => {
                let annotate = *simple && !self.table.scopes[self.scope().id].kind.is_function_like_pub();
                match (value, annotate) {
                    (Some(v), true) => {
                        // Both: the assignment, then the annotation record.
                        let value = self.expr(v);
                        let t = self.target(target);
                        let ann = self.annotation(annotation);
                        let name = match &target.kind {
                            ast::ExprKind::Name { id, .. } => self.sym(id),
                            _ => self.sym("_"),
                        };
                        let assign = Stmt::new(StmtKind::Assign(vec![t], value), line);
                        let record = Stmt::new(StmtKind::Annotate(name, ann), line);
                        StmtKind::If(Expr::new(ExprKind::Const(Value::bool(true))), vec![assign, record], Vec::new())
                    }
                    (Some(v), false) => {
                        let value = self.expr(v);
                        StmtKind::Assign(vec![self.target(target)], value)
                    }
                    (None, true) => {
                        let name = match &target.kind {
                            ast::ExprKind::Name { id, .. } => self.sym(id),
                            _ => self.sym("_"),
                        };
                        StmtKind::Annotate(name, self.annotation(annotation))
                    }
                    (None, false) => StmtKind::Pass,
                }
            }
            S::For { is_async, target, iter, body, orelse } => {
                let iter = self.expr(iter);
                StmtKind::For(Box::new(ir::ForStmt {
                    target: self.target(target),
                    iter,
                    body: self.block(body),
                    orelse: self.block(orelse),
                    is_async: *is_async,
                    iter_slot: 0,
                }))
            }
            S::While { test, body, orelse } => StmtKind::While(self.expr(test), self.block(body), self.block(orelse)),
            S::If { test, body, orelse } => StmtKind::If(self.expr(test), self.block(body), self.block(orelse)),
            S::With { is_async, items, body } => {
                let items = items
                    .iter()
                    .map(|it| (self.expr(&it.context_expr), it.optional_vars.as_ref().map(|v| self.target(v))))
                    .collect();
                StmtKind::With(Box::new(ir::WithStmt { items, body: self.block(body), is_async: *is_async, exit_slot: 0 }))
            }
            S::Match { subject, cases } => {
                let subject = self.expr(subject);
                let cases = cases
                    .iter()
                    .map(|c| ir::MatchCase {
                        pattern: self.pattern(&c.pattern),
                        guard: c.guard.as_ref().map(|g| self.expr(g)),
                        body: self.block(&c.body),
                    })
                    .collect();
                StmtKind::Match(Box::new(ir::MatchStmt { subject, cases }))
            }
            S::Raise { exc, cause } => {
                StmtKind::Raise(exc.as_ref().map(|e| self.expr(e)), cause.as_ref().map(|e| self.expr(e)), s.span)
            }
            S::Try { body, handlers, orelse, finalbody, is_star } => {
                let body = self.block(body);
                let handlers = handlers
                    .iter()
                    .map(|h| ir::Handler {
                        type_: h.type_.as_ref().map(|t| self.expr(t)),
                        name: h.name.as_ref().map(|n| self.store(n)),
                        body: self.block(&h.body),
                        line: self.line(h.span),
                    })
                    .collect();
                StmtKind::Try(Box::new(ir::TryStmt {
                    body,
                    handlers,
                    orelse: self.block(orelse),
                    finalbody: self.block(finalbody),
                    is_star: *is_star,
                    state_slot: 0,
                }))
            }
            S::Assert { test, msg } => StmtKind::Assert(self.expr(test), msg.as_ref().map(|m| self.expr(m))),
            S::Import { names } => StmtKind::Import(
                names
                    .iter()
                    .map(|a| match &a.asname {
                        Some(asname) => ir::ImportName { module: self.sym(&a.name), target: self.store(asname), bind_top: false },
                        None => {
                            let top = a.name.split('.').next().unwrap_or(&a.name).to_string();
                            ir::ImportName { module: self.sym(&a.name), target: self.store(&top), bind_top: true }
                        }
                    })
                    .collect(),
            ),
            S::ImportFrom { module, names, level } => {
                let star = names.iter().any(|a| &*a.name == "*");
                let names = if star {
                    Vec::new()
                } else {
                    names.iter().map(|a| (self.sym(&a.name), self.store(a.asname.as_deref().unwrap_or(&a.name)))).collect()
                };
                StmtKind::ImportFrom(Box::new(ir::ImportFrom { module: module.as_ref().map(|m| self.sym(m)), level: *level, names }))
            }
            S::Global { .. } | S::Nonlocal { .. } | S::Pass => StmtKind::Pass,
            S::Expr { value } => {
                let value = self.expr(value);
                match &self.display {
                    Some(display) if self.scopes.len() == 1 => {
                        let span = value.span;
                        let call = ExprKind::CallPos(Box::new(Expr::new(ExprKind::Const(display.clone()))), vec![value]);
                        let suspends = call.suspends();
                        StmtKind::Expr(Expr { kind: call, suspends, span })
                    }
                    _ => StmtKind::Expr(value),
                }
            }
            S::Break => StmtKind::Break,
            S::Continue => StmtKind::Continue,
        }
    }

    fn target(&mut self, e: &ast::Expr) -> Target {
        use ast::ExprKind as E;
        match &e.kind {
            E::Name { id, .. } => self.store(id),
            E::Attribute { value, attr, .. } => {
                let attr = self.sym(&self.mangle(attr));
                Target::Attr(Box::new(self.expr(value)), AttrSite::new(attr))
            }
            E::Subscript { value, slice, .. } => Target::Subscript(Box::new(self.expr(value)), Box::new(self.expr(slice))),
            E::Tuple { elts, .. } | E::List { elts, .. } => {
                let star = elts.iter().position(|t| matches!(t.kind, E::Starred { .. }));
                Target::Unpack(elts.iter().map(|t| self.target(t)).collect(), star, e.span)
            }
            E::Starred { value, .. } => self.target(value),
            // The validator rejects other targets; bind nothing.
            _ => Target::Unpack(Vec::new(), None, ast::Span::default()),
        }
    }

    fn pattern(&mut self, p: &ast::Pattern) -> ir::Pattern {
        use ast::PatternKind as P;
        match &p.kind {
            P::MatchValue { value } => ir::Pattern::Value(self.expr(value)),
            P::MatchSingleton { value } => ir::Pattern::Singleton(match value {
                ast::Constant::Bool(b) => Value::bool(*b),
                _ => Value::None,
            }),
            P::MatchSequence { patterns } => ir::Pattern::Sequence(patterns.iter().map(|q| self.pattern(q)).collect()),
            P::MatchStar { name } => ir::Pattern::Star(name.as_ref().map(|n| self.store(n))),
            P::MatchMapping { keys, patterns, rest } => ir::Pattern::Mapping(
                keys.iter().map(|k| self.expr(k)).collect(),
                patterns.iter().map(|q| self.pattern(q)).collect(),
                rest.as_ref().map(|r| self.store(r)),
            ),
            P::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => ir::Pattern::Class(
                self.expr(cls),
                patterns.iter().map(|q| self.pattern(q)).collect(),
                kwd_attrs.iter().map(|a| self.sym(a)).collect(),
                kwd_patterns.iter().map(|q| self.pattern(q)).collect(),
            ),
            P::MatchAs { pattern, name } => ir::Pattern::As(
                pattern.as_ref().map(|q| Box::new(self.pattern(q))),
                name.as_ref().map(|n| self.store(n)),
            ),
            P::MatchOr { patterns } => ir::Pattern::Or(patterns.iter().map(|q| self.pattern(q)).collect()),
        }
    }

    // ----- expressions -----

    fn boxed(&mut self, e: &ast::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    fn arg(&mut self, e: &ast::Expr) -> Arg {
        match &e.kind {
            ast::ExprKind::Starred { value, .. } => Arg::Star(self.expr(value)),
            _ => Arg::Pos(self.expr(e)),
        }
    }

    pub fn expr(&mut self, e: &ast::Expr) -> Expr {
        let kind = self.expr_kind(e);
        let suspends = kind.suspends();
        Expr { kind, suspends, span: e.span }
    }

    fn constant(&self, c: &ast::Constant) -> Value {
        match c {
            ast::Constant::None => Value::None,
            ast::Constant::Bool(b) => Value::bool(*b),
            ast::Constant::Ellipsis => Value::Ellipsis,
            ast::Constant::Int(i) => Value::Int(*i),
            ast::Constant::BigInt(b) => Value::BigInt(Rc::new((**b).clone())),
            ast::Constant::Float(f) => Value::float(*f),
            ast::Constant::Complex { real, imag } => Value::Complex(Rc::new(Complex { re: *real, im: *imag })),
            ast::Constant::Str(s) => Value::Str(self.interner.intern(&py_str(s))),
            ast::Constant::Bytes(b) => Value::Bytes(Rc::new(Bytes { data: b.clone() })),
        }
    }

    /// An f-string without replacement fields, such as the format spec in
    /// `f"{x:06d}"`, is a constant: its text is built once here instead of on
    /// every evaluation.
    fn joined_str(&mut self, values: &[ast::Expr]) -> ExprKind {
        let parts: Vec<Expr> = values.iter().map(|v| self.expr(v)).collect();
        let mut text = String::new();
        for p in &parts {
            match &p.kind {
                ExprKind::Const(Value::Str(s)) => text.push_str(s.as_str()),
                _ => return ExprKind::JoinedStr(parts),
            }
        }
        ExprKind::Const(Value::Str(self.interner.intern(&text)))
    }

    fn expr_kind(&mut self, e: &ast::Expr) -> ExprKind {
        use ast::ExprKind as E;
        match &e.kind {
            E::Constant { value, .. } => ExprKind::Const(self.constant(value)),
            E::Name { id, .. } => self.load(id),
            E::BoolOp { op, values } => {
                let vs = values.iter().map(|v| self.expr(v)).collect();
                match op {
                    ast::BoolOp::And => ExprKind::And(vs),
                    ast::BoolOp::Or => ExprKind::Or(vs),
                }
            }
            E::NamedExpr { target, value } => {
                let value = self.boxed(value);
                let t = match &target.kind {
                    E::Name { id, .. } => self.store(id),
                    _ => Target::Unpack(Vec::new(), None, ast::Span::default()),
                };
                ExprKind::Named(Box::new(t), value)
            }
            E::BinOp { left, op, right } => ExprKind::Binary(binop(*op), self.boxed(left), self.boxed(right)),
            E::UnaryOp { op, operand } => {
                let op = match op {
                    ast::UnaryOp::Invert => ir::UnaryOp::Invert,
                    ast::UnaryOp::Not => ir::UnaryOp::Not,
                    ast::UnaryOp::UAdd => ir::UnaryOp::Pos,
                    ast::UnaryOp::USub => ir::UnaryOp::Neg,
                };
                // Fold `-<number>` so that `-1` is a constant, as in CPython.
                if let (ir::UnaryOp::Neg, E::Constant { value: ast::Constant::Int(i), .. }) = (op, &operand.kind) {
                    if let Some(n) = i.checked_neg() {
                        return ExprKind::Const(Value::Int(n));
                    }
                }
                if let (ir::UnaryOp::Neg, E::Constant { value: ast::Constant::Float(f), .. }) = (op, &operand.kind) {
                    return ExprKind::Const(Value::float(-f));
                }
                ExprKind::Unary(op, self.boxed(operand))
            }
            E::Lambda { args, body } => {
                let id = self.table.scope_of(e);
                let line = self.line(e.span);
                let def = self.function(id, "<lambda>", args, FunctionBody::Lambda(body), line, &[]);
                ExprKind::MakeFunction(Rc::new(def))
            }
            E::IfExp { test, body, orelse } => ExprKind::IfExp(self.boxed(test), self.boxed(body), self.boxed(orelse)),
            E::Dict { keys, values } => ExprKind::Dict(
                keys.iter().zip(values).map(|(k, v)| (k.as_ref().map(|k| self.expr(k)), self.expr(v))).collect(),
            ),
            E::Set { elts } => ExprKind::Set(elts.iter().map(|x| self.expr(x)).collect()),
            E::List { elts, .. } => ExprKind::List(elts.iter().map(|x| self.expr(x)).collect()),
            E::Tuple { elts, .. } => {
                if elts.iter().all(|x| matches!(x.kind, E::Constant { .. })) && !elts.is_empty() {
                    let items = elts
                        .iter()
                        .map(|x| match &x.kind {
                            E::Constant { value, .. } => self.constant(value),
                            _ => Value::None,
                        })
                        .collect();
                    return ExprKind::Const(Value::tuple(items));
                }
                ExprKind::Tuple(elts.iter().map(|x| self.expr(x)).collect())
            }
            E::ListComp { elt, generators } => self.comprehension(e, ir::CompKind::List, elt, None, generators),
            E::SetComp { elt, generators } => self.comprehension(e, ir::CompKind::Set, elt, None, generators),
            E::DictComp { key, value, generators } => {
                self.comprehension(e, ir::CompKind::Dict, key, Some(value), generators)
            }
            E::GeneratorExp { elt, generators } => self.genexp(e, elt, generators),
            E::Await { value } => ExprKind::Await(self.boxed(value)),
            E::Yield { value } => ExprKind::Yield(value.as_ref().map(|v| self.boxed(v))),
            E::YieldFrom { value } => ExprKind::YieldFrom(self.boxed(value)),
            E::Compare { left, ops, comparators } => {
                let left = self.boxed(left);
                let rest = ops.iter().zip(comparators).map(|(op, c)| (cmpop(*op), self.expr(c))).collect();
                ExprKind::Compare(left, rest)
            }
            E::Call { func, args, keywords } => self.call(func, args, keywords),
            E::FormattedValue { value, conversion, format_spec } => {
                let conv = match conversion {
                    ast::Conversion::None => ir::Conversion::None,
                    ast::Conversion::Str => ir::Conversion::Str,
                    ast::Conversion::Repr => ir::Conversion::Repr,
                    ast::Conversion::Ascii => ir::Conversion::Ascii,
                };
                ExprKind::Format(self.boxed(value), conv, format_spec.as_ref().map(|s| self.boxed(s)))
            }
            E::JoinedStr { values } => self.joined_str(values),
            E::Attribute { value, attr, .. } => {
                let attr = self.sym(&self.mangle(attr));
                ExprKind::Attr(self.boxed(value), AttrSite::new(attr))
            }
            E::Subscript { value, slice, .. } => ExprKind::Subscript(self.boxed(value), self.boxed(slice)),
            E::Starred { value, .. } => ExprKind::Starred(self.boxed(value)),
            E::Slice { lower, upper, step } => ExprKind::Slice(
                lower.as_ref().map(|x| self.boxed(x)),
                upper.as_ref().map(|x| self.boxed(x)),
                step.as_ref().map(|x| self.boxed(x)),
            ),
        }
    }

    fn call(&mut self, func: &ast::Expr, args: &[ast::Expr], keywords: &[ast::Keyword]) -> ExprKind {
        let simple = keywords.is_empty() && !args.iter().any(|a| matches!(a.kind, ast::ExprKind::Starred { .. }));
        if simple && args.is_empty() {
            if let ast::ExprKind::Name { id, .. } = &func.kind {
                if &**id == "super" {
                    if let Some(k) = self.super_zero() {
                        return k;
                    }
                }
            }
        }
        let mut lowered: Vec<Arg> = args.iter().map(|a| self.arg(a)).collect();
        for k in keywords {
            let v = self.expr(&k.value);
            lowered.push(match &k.arg {
                Some(n) => Arg::Kw(self.sym(n), v),
                None => Arg::StarStar(v),
            });
        }
        if let ast::ExprKind::Attribute { value, attr, .. } = &func.kind {
            let obj = self.boxed(value);
            let attr = self.sym(&self.mangle(attr));
            return ExprKind::CallMethod(obj, AttrSite::new(attr), lowered);
        }
        let f = self.boxed(func);
        if simple {
            let pos = lowered
                .into_iter()
                .map(|a| match a {
                    Arg::Pos(e) => e,
                    _ => Expr::new(ExprKind::Const(Value::None)),
                })
                .collect();
            ExprKind::CallPos(f, pos)
        } else {
            ExprKind::Call(f, lowered)
        }
    }

    /// `super()` in a method: the `__class__` cell and the first parameter.
    fn super_zero(&mut self) -> Option<ExprKind> {
        if !matches!(self.resolve("super"), Res::Global) {
            return None;
        }
        let class_cell = match self.resolve("__class__") {
            Res::Cell(c) | Res::Free(c) => c,
            _ => return None,
        };
        let scope = &self.table.scopes[self.scope().id];
        let first = scope.params.first()?.clone();
        let first = Box::new(Expr::new(self.load(&first)));
        Some(ExprKind::SuperZero { class_cell, first })
    }

    fn comprehension(
        &mut self,
        node: &ast::Expr,
        kind: ir::CompKind,
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        generators: &[ast::Comprehension],
    ) -> ExprKind {
        let id = self.table.scope_of(node);
        let Some((first, _)) = generators.split_first() else {
            return ExprKind::Const(Value::None);
        };
        let first_iter = self.expr(&first.iter);
        // The comprehension's own variables are fresh slots/cells of this frame.
        let frame = self.scope().frame;
        let scope = &self.table.scopes[id];
        let mut map = HashMap::default();
        let mut fresh_cells = Vec::new();
        let qualname = self.scope().qualname.clone();
        let class = self.scope().class.clone();
        self.scopes.push(ScopeCtx { id, map: HashMap::default(), frame, qualname, class, pass_cells: HashMap::default() });
        for n in &scope.order {
            match scope.kind_of(n) {
                Some(SymKind::Local) => {
                    map.insert(n.clone(), Res::Local(self.new_slot(n)));
                }
                Some(SymKind::Cell) => {
                    let c = self.new_cell(n);
                    fresh_cells.push(c);
                    map.insert(n.clone(), Res::Cell(c));
                }
                Some(SymKind::Free) => {
                    map.insert(n.clone(), Res::Free(0));
                }
                Some(SymKind::Global) => {
                    map.insert(n.clone(), Res::Global);
                }
                _ => {}
            }
        }
        if let Some(ctx) = self.scopes.last_mut() {
            ctx.map = map;
        }
        let mut gens = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            let iter = if i == 0 { Expr::new(ExprKind::Const(Value::None)) } else { self.expr(&g.iter) };
            gens.push(ir::CompFor {
                target: self.target(&g.target),
                iter,
                ifs: g.ifs.iter().map(|x| self.expr(x)).collect(),
                is_async: g.is_async,
            });
        }
        gens[0].iter = first_iter;
        let elt = self.expr(elt);
        let value = value.map(|v| self.expr(v));
        self.scopes.pop();
        ExprKind::Comprehension(Box::new(ir::Comprehension { kind, elt, value, generators: gens, fresh_cells }))
    }

    fn genexp(&mut self, node: &ast::Expr, elt: &ast::Expr, generators: &[ast::Comprehension]) -> ExprKind {
        let id = self.table.scope_of(node);
        let Some((first, _)) = generators.split_first() else {
            return ExprKind::Const(Value::None);
        };
        let first_iter = self.boxed(&first.iter);
        let line = self.line(node.span);
        self.enter_code(id, "<genexpr>");
        // for target in .0: [for ...]* [if ...]* yield elt
        let mut body = {
            let value = self.expr(elt);
            let y = Expr { suspends: true, kind: ExprKind::Yield(Some(Box::new(value))), span: ast::Span::default() };
            vec![Stmt::new(StmtKind::Expr(y), line)]
        };
        let mut loops = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            let iter = if i == 0 { Expr::new(ExprKind::Local(0)) } else { self.expr(&g.iter) };
            let target = self.target(&g.target);
            let ifs: Vec<Expr> = g.ifs.iter().map(|x| self.expr(x)).collect();
            loops.push((target, iter, ifs, g.is_async));
        }
        // The element was lowered before the loop targets, which is fine: all
        // names were resolved by the scope table already.
        for (target, iter, ifs, is_async) in loops.into_iter().rev() {
            for test in ifs.into_iter().rev() {
                body = vec![Stmt::new(StmtKind::If(test, body, Vec::new()), line)];
            }
            let for_stmt = ir::ForStmt { target, iter, body, orelse: Vec::new(), is_async, iter_slot: 0 };
            body = vec![Stmt::new(StmtKind::For(Box::new(for_stmt)), line)];
        }
        let (mut frame, closure, cell_params, qualname) = self.leave_code();
        let body = super::anf::lower_body(body, &mut frame.slot_names, self.interner);
        let scope = &self.table.scopes[id];
        let n_own_cells = frame.cell_names.len() - frame.n_free;
        let code = Code {
            name: self.sym("<genexpr>"),
            qualname: self.sym(&qualname),
            filename: self.filename.clone(),
            first_line: line,
            kind: if scope.is_coroutine { CodeKind::AsyncGenerator } else { CodeKind::Generator },
            params: Params { names: vec![self.sym(".0")], n_posonly: 1, n_pos: 1, n_kwonly: 0, vararg: false, kwarg: false },
            slot_names: frame.slot_names,
            cell_names: frame.cell_names,
            n_own_cells,
            cell_params,
            body,
            doc: None,
            await_shortcut: Default::default(),
        };
        let def = ir::FuncDef {
            code: Rc::new(code),
            defaults: Vec::new(),
            kwdefaults: Vec::new(),
            closure,
            decorators: Vec::new(),
            annotations: Vec::new(),
        };
        ExprKind::GenExp(Rc::new(def), first_iter)
    }
}

enum FunctionBody<'a> {
    Block(&'a [ast::Stmt], Option<&'a ast::Expr>),
    Lambda(&'a ast::Expr),
}

impl ScopeKind {
    fn is_function_like_pub(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Comprehension | ScopeKind::GenExp)
    }
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    BinOp::Arith(match op {
        O::Add => ArithOp::Add,
        O::Sub => ArithOp::Sub,
        O::Mult => ArithOp::Mul,
        O::MatMult => return BinOp::MatMul,
        O::Div => ArithOp::TrueDiv,
        O::Mod => ArithOp::Mod,
        O::Pow => ArithOp::Pow,
        O::LShift => ArithOp::LShift,
        O::RShift => ArithOp::RShift,
        O::BitOr => ArithOp::Or,
        O::BitXor => ArithOp::Xor,
        O::BitAnd => ArithOp::And,
        O::FloorDiv => ArithOp::FloorDiv,
    })
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

