//! The SyntaxErrors of CPython's code generator (`compile.c`), in the order
//! it visits the tree: placement of `return`/`yield`/`await`/`break`/
//! `continue`/`async`, starred targets, `__debug__`, repeated keywords,
//! `except` clause order, late future imports, and block nesting depth.
//! `match` patterns are checked in [`super::patterns`].

use super::future::{is_future_import, FutureFeatures};
use super::patterns::PatternChecker;
use super::symtable::SymbolTable;
use crate::ast::*;
use crate::error::SyntaxError;

/// CPython's `CO_MAXBLOCKS`: how many loops, `try` and `with` blocks may nest
/// inside one function (or module, or class body).
const MAX_BLOCKS: usize = 20;

/// Errors are boxed so that the walk's results fit in a register.
pub(super) type Check = Result<(), Box<SyntaxError>>;

#[cold]
pub(super) fn error(msg: impl Into<String>, span: Span) -> Box<SyntaxError> {
    Box::new(SyntaxError::syntax(msg, span))
}

/// What kind of code object is being compiled (CPython's `u_scope_type`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

impl UnitKind {
    fn is_function_block(self) -> bool {
        !matches!(self, UnitKind::Module | UnitKind::Class)
    }
}

/// An entry of CPython's frame-block stack (`fblockinfo`).
#[derive(Clone, Copy)]
enum Block<'a> {
    Loop,
    /// The handlers of a `try`/`except*`.
    ExceptStarHandler,
    /// The body of a `try` with a `finally`: leaving it early runs the `finally` body.
    FinallyTry(&'a [Stmt]),
    Other,
}

struct Unit<'a> {
    kind: UnitKind,
    async_generator: bool,
    blocks: Vec<Block<'a>>,
}

/// Checks the whole module as `compiler_mod` would.
/// `top_level_await` allows `await`, `async for` and `async with` at module
/// level, as CPython's `PyCF_ALLOW_TOP_LEVEL_AWAIT` does for asyncio's REPL.
pub(super) fn check_module(
    module: &Module,
    table: &SymbolTable<'_>,
    future: &FutureFeatures,
    top_level_await: bool,
) -> Result<(), SyntaxError> {
    let mut checker = Checker {
        table,
        future_annotations: future.annotations,
        top_level_await,
        unit: Unit { kind: UnitKind::Module, async_generator: false, blocks: Vec::new() },
    };
    // The docstring and the valid future imports cannot fail these checks.
    checker.stmts(module.body.get(future.leading_statements..).unwrap_or_default()).map_err(|e| *e)
}

struct Checker<'t, 's> {
    table: &'t SymbolTable<'s>,
    future_annotations: bool,
    top_level_await: bool,
    unit: Unit<'t>,
}

/// `forbidden_name`: `__debug__` can be neither assigned nor deleted.
pub(super) fn check_name(name: &str, ctx: ExprContext, span: Span) -> Check {
    if name != "__debug__" {
        return Ok(());
    }
    match ctx {
        ExprContext::Store => Err(error("cannot assign to __debug__", span)),
        ExprContext::Del => Err(error("cannot delete __debug__", span)),
        ExprContext::Load => Ok(()),
    }
}

fn store_name(name: &str, span: Span) -> Check {
    check_name(name, ExprContext::Store, span)
}

impl<'t, 's> Checker<'t, 's> {
    /// Runs `body` as a new code object of `kind`, then restores the outer one.
    fn in_unit(&mut self, kind: UnitKind, async_generator: bool, body: impl FnOnce(&mut Self) -> Check) -> Check {
        let unit = Unit { kind, async_generator, blocks: Vec::new() };
        let outer = std::mem::replace(&mut self.unit, unit);
        let result = body(self);
        self.unit = outer;
        result
    }

    /// Runs `body` inside a frame block; `span` is where a too-deep nesting is reported.
    fn in_block(&mut self, block: Block<'t>, span: Span, body: impl FnOnce(&mut Self) -> Check) -> Check {
        if self.unit.blocks.len() >= MAX_BLOCKS {
            return Err(error("too many statically nested blocks", span));
        }
        self.unit.blocks.push(block);
        let result = body(self);
        self.unit.blocks.pop();
        result
    }

    fn stmts(&mut self, body: &'t [Stmt]) -> Check {
        body.iter().try_for_each(|stmt| self.stmt(stmt))
    }

    fn exprs(&mut self, exprs: &'t [Expr]) -> Check {
        exprs.iter().try_for_each(|expr| self.expr(expr))
    }

    fn opt_expr(&mut self, expr: Option<&'t Expr>) -> Check {
        expr.map_or(Ok(()), |e| self.expr(e))
    }

    fn stmt(&mut self, stmt: &'t Stmt) -> Check {
        let span = stmt.span;
        match &stmt.kind {
            StmtKind::FunctionDef(def) => self.function_def(def, span),
            StmtKind::ClassDef(class) => self.class_def(class, span),
            StmtKind::Return { value } => self.return_stmt(value.as_ref(), span),
            StmtKind::Delete { targets } => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                self.exprs(targets)
            }
            StmtKind::AugAssign { target, value, .. } => self.aug_assign(target, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(target, annotation, value.as_ref(), *simple)
            }
            StmtKind::For { is_async, target, iter, body, orelse } => {
                if *is_async {
                    self.require_async_function("'async for' outside async function", span)?;
                }
                self.expr(iter)?;
                self.in_block(Block::Loop, span, |c| {
                    c.expr(target)?;
                    c.stmts(body)
                })?;
                self.stmts(orelse)
            }
            StmtKind::While { test, body, orelse } => {
                self.in_block(Block::Loop, span, |c| {
                    c.expr(test)?;
                    c.stmts(body)
                })?;
                self.stmts(orelse)
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::With { is_async, items, body } => {
                if *is_async {
                    self.require_async_function("'async with' outside async function", span)?;
                }
                self.with_items(items, body, span)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                self.match_cases(cases)
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_ref())?;
                self.opt_expr(cause.as_ref())
            }
            StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
                self.try_stmt(body, handlers, orelse, finalbody, *is_star, span)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg.as_ref())
            }
            StmtKind::Import { names } => names.iter().try_for_each(|alias| {
                let name = alias.asname.as_deref().unwrap_or_else(|| alias.name.split('.').next().unwrap_or(&alias.name));
                store_name(name, span)
            }),
            StmtKind::ImportFrom { names, .. } => {
                if is_future_import(stmt) {
                    return Err(error("from __future__ imports must occur at the beginning of the file", span));
                }
                names.iter().try_for_each(|alias| self.import_from_alias(alias, span))
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } | StmtKind::Pass => Ok(()),
            StmtKind::Expr { value } => self.expr(value),
            StmtKind::Break => self.unwind_to_loop("'break' outside loop", span),
            StmtKind::Continue => self.unwind_to_loop("'continue' not properly in loop", span),
        }
    }

    fn import_from_alias(&mut self, alias: &Alias, span: Span) -> Check {
        if &*alias.name == "*" {
            return Ok(());
        }
        store_name(alias.asname.as_deref().unwrap_or(&alias.name), span)
    }

    fn require_async_function(&self, msg: &str, span: Span) -> Check {
        if self.may_await() {
            return Ok(());
        }
        Err(error(msg, span))
    }

    /// Whether the current code object may suspend on `await`.
    fn may_await(&self) -> bool {
        match self.unit.kind {
            UnitKind::AsyncFunction => true,
            UnitKind::Module => self.top_level_await,
            _ => false,
        }
    }

    fn function_def(&mut self, def: &'t FunctionDef, span: Span) -> Check {
        check_parameter_names(&def.args, span)?;
        self.exprs(&def.decorator_list)?;
        self.defaults(&def.args)?;
        if !self.future_annotations {
            self.parameter_annotations(&def.args)?;
            self.opt_expr(def.returns.as_ref())?;
        }
        let kind = if def.is_async { UnitKind::AsyncFunction } else { UnitKind::Function };
        let async_generator = self.table.is_async_generator(def);
        self.in_unit(kind, async_generator, |c| c.stmts(&def.body))?;
        store_name(&def.name, span)
    }

    fn defaults(&mut self, args: &'t Arguments) -> Check {
        self.exprs(&args.defaults)?;
        args.kw_defaults.iter().flatten().try_for_each(|d| self.expr(d))
    }

    /// `compiler_visit_annotations`, whose order puts `args` before `posonlyargs`.
    fn parameter_annotations(&mut self, args: &'t Arguments) -> Check {
        let all = args.args.iter().chain(&args.posonlyargs).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg);
        for annotation in all.filter_map(|arg| arg.annotation.as_deref()) {
            match &annotation.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(annotation)?,
            }
        }
        Ok(())
    }

    fn class_def(&mut self, class: &'t ClassDef, span: Span) -> Check {
        self.exprs(&class.decorator_list)?;
        self.in_unit(UnitKind::Class, false, |c| c.stmts(&class.body))?;
        self.call_arguments(&class.bases, &class.keywords, span)?;
        store_name(&class.name, span)
    }

    fn return_stmt(&mut self, value: Option<&'t Expr>, span: Span) -> Check {
        if !matches!(self.unit.kind, UnitKind::Function | UnitKind::AsyncFunction) {
            return Err(error("'return' outside function", span));
        }
        if value.is_some() && self.unit.async_generator {
            return Err(error("'return' with value in async generator", span));
        }
        self.opt_expr(value)?;
        self.unwind(span, false).map(|_| ())
    }

    fn unwind_to_loop(&mut self, msg: &str, span: Span) -> Check {
        if self.unwind(span, true)? {
            return Ok(());
        }
        Err(error(msg, span))
    }

    /// `compiler_unwind_fblock_stack`: leaves the blocks from the innermost
    /// outwards (down to the nearest loop if `to_loop`), compiling each
    /// `finally` body passed on the way; returns whether a loop was reached.
    fn unwind(&mut self, span: Span, to_loop: bool) -> Result<bool, Box<SyntaxError>> {
        let mut depth = self.unit.blocks.len();
        while depth > 0 {
            depth -= 1;
            match self.unit.blocks[depth] {
                Block::ExceptStarHandler => {
                    return Err(error("'break', 'continue' and 'return' cannot appear in an except* block", span));
                }
                Block::Loop if to_loop => return Ok(true),
                Block::FinallyTry(finalbody) => {
                    let inner = self.unit.blocks.split_off(depth);
                    let result = self.stmts(finalbody);
                    self.unit.blocks.extend(inner);
                    result?;
                }
                Block::Loop | Block::Other => {}
            }
        }
        Ok(false)
    }

    fn aug_assign(&mut self, target: &'t Expr, value: &'t Expr) -> Check {
        match &target.kind {
            ExprKind::Attribute { value: object, .. } => self.expr(object)?,
            ExprKind::Subscript { value: object, slice, .. } => {
                self.expr(object)?;
                self.expr(slice)?;
            }
            _ => {}
        }
        self.expr(value)?;
        match &target.kind {
            ExprKind::Name { id, .. } => store_name(id, target.span),
            _ => Ok(()),
        }
    }

    /// `compiler_annassign`: annotations are evaluated only at module and
    /// class level, and never under `from __future__ import annotations`.
    fn ann_assign(&mut self, target: &'t Expr, annotation: &'t Expr, value: Option<&'t Expr>, simple: bool) -> Check {
        if let Some(value) = value {
            self.expr(value)?;
            self.expr(target)?;
        }
        let evaluates_annotations =
            matches!(self.unit.kind, UnitKind::Module | UnitKind::Class) && !self.future_annotations;
        match &target.kind {
            ExprKind::Name { id, .. } => {
                store_name(id, target.span)?;
                if simple && evaluates_annotations {
                    self.expr(annotation)?;
                }
            }
            ExprKind::Attribute { value: object, attr, .. } => {
                store_name(attr, attribute_name_span(target, attr))?;
                if value.is_none() {
                    self.expr(object)?;
                }
            }
            ExprKind::Subscript { value: object, slice, .. } if value.is_none() => {
                self.expr(object)?;
                self.expr(slice)?;
            }
            _ => {}
        }
        if !simple && evaluates_annotations {
            self.expr(annotation)?;
        }
        Ok(())
    }

    /// `with a as x, b as y:` is compiled as nested single-item `with` blocks.
    fn with_items(&mut self, items: &'t [WithItem], body: &'t [Stmt], span: Span) -> Check {
        let Some((item, rest)) = items.split_first() else { return self.stmts(body) };
        self.expr(&item.context_expr)?;
        self.in_block(Block::Other, span, |c| {
            c.opt_expr(item.optional_vars.as_ref())?;
            c.with_items(rest, body, span)
        })
    }

    fn try_stmt(
        &mut self,
        body: &'t [Stmt],
        handlers: &'t [ExceptHandler],
        orelse: &'t [Stmt],
        finalbody: &'t [Stmt],
        is_star: bool,
        span: Span,
    ) -> Check {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse, is_star, span);
        }
        self.in_block(Block::FinallyTry(finalbody), span, |c| {
            if handlers.is_empty() {
                c.stmts(body)
            } else {
                c.try_except(body, handlers, orelse, is_star, span)
            }
        })?;
        self.in_block(Block::Other, span, |c| c.stmts(finalbody))
    }

    /// `compiler_try_except` compiles `else` before the handlers;
    /// `compiler_try_star_except` after them.
    fn try_except(&mut self, body: &'t [Stmt], handlers: &'t [ExceptHandler], orelse: &'t [Stmt], is_star: bool, span: Span) -> Check {
        self.in_block(Block::Other, span, |c| c.stmts(body))?;
        if !is_star {
            self.stmts(orelse)?;
        }
        let handlers_block = if is_star { Block::ExceptStarHandler } else { Block::Other };
        self.in_block(handlers_block, span, |c| {
            for (index, handler) in handlers.iter().enumerate() {
                if handler.type_.is_none() && index + 1 < handlers.len() {
                    return Err(error("default 'except:' must be last", handler.span));
                }
                c.opt_expr(handler.type_.as_ref())?;
                if let Some(name) = &handler.name {
                    store_name(name, handler.span)?;
                }
                c.in_block(Block::Other, handler.span, |c| c.stmts(&handler.body))?;
            }
            Ok(())
        })?;
        if is_star {
            self.stmts(orelse)?;
        }
        Ok(())
    }

    fn match_cases(&mut self, cases: &'t [MatchCase]) -> Check {
        let has_default = cases.len() > 1 && cases.last().is_some_and(|case| is_wildcard(&case.pattern));
        let checked = cases.len() - usize::from(has_default);
        for (index, case) in cases.iter().enumerate() {
            if index < checked {
                let allow_irrefutable = case.guard.is_some() || index + 1 == cases.len();
                PatternChecker::new(allow_irrefutable).check(&case.pattern)?;
            }
            self.opt_expr(case.guard.as_ref())?;
            self.stmts(&case.body)?;
        }
        Ok(())
    }

    fn expr(&mut self, expr: &'t Expr) -> Check {
        let span = expr.span;
        match &expr.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.expr(target)
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                check_parameter_names(args, span)?;
                self.defaults(args)?;
                self.in_unit(UnitKind::Lambda, false, |c| c.expr(body))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                for (key, value) in keys.iter().zip(values) {
                    self.opt_expr(key.as_ref())?;
                    self.expr(value)?;
                }
                Ok(())
            }
            ExprKind::Set { elts } => self.elements(elts, ExprContext::Load),
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(expr, generators, elt, None, false)
            }
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(expr, generators, elt, None, true),
            ExprKind::DictComp { key, value, generators } => self.comprehension(expr, generators, key, Some(value), false),
            ExprKind::Await { value } => {
                match self.unit.kind {
                    UnitKind::Module if self.top_level_await => {}
                    UnitKind::Module | UnitKind::Class => return Err(error("'await' outside function", span)),
                    UnitKind::Function | UnitKind::Lambda => return Err(error("'await' outside async function", span)),
                    UnitKind::AsyncFunction | UnitKind::Comprehension => {}
                }
                self.expr(value)
            }
            ExprKind::Yield { value } => {
                self.require_function_block(span)?;
                self.opt_expr(value.as_deref())
            }
            ExprKind::YieldFrom { value } => {
                self.require_function_block(span)?;
                if self.unit.kind == UnitKind::AsyncFunction {
                    return Err(error("'yield from' inside async function", span));
                }
                self.expr(value)
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.call_arguments(args, keywords, span)
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                self.opt_expr(format_spec.as_deref())
            }
            ExprKind::JoinedStr { values } => self.exprs(values),
            ExprKind::Constant { .. } => Ok(()),
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                match ctx {
                    ExprContext::Store => store_name(attr, attribute_name_span(expr, attr)),
                    ExprContext::Load | ExprContext::Del => Ok(()),
                }
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Starred { ctx: ExprContext::Store, .. } => {
                Err(error("starred assignment target must be in a list or tuple", span))
            }
            ExprKind::Starred { .. } => Err(error("can't use starred expression here", span)),
            ExprKind::Name { id, ctx } => check_name(id, *ctx, span),
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                if *ctx == ExprContext::Store {
                    check_unpacking(elts, span)?;
                }
                self.elements(elts, *ctx)
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower.as_deref())?;
                self.opt_expr(upper.as_deref())?;
                self.opt_expr(step.as_deref())
            }
        }
    }

    fn require_function_block(&self, span: Span) -> Check {
        if self.unit.kind.is_function_block() {
            return Ok(());
        }
        Err(error("'yield' outside function", span))
    }

    /// Elements of a display or unpacking target, where `*x` is allowed.
    fn elements(&mut self, elts: &'t [Expr], ctx: ExprContext) -> Check {
        for elt in elts {
            match &elt.kind {
                ExprKind::Starred { value, .. } if ctx != ExprContext::Del => self.expr(value)?,
                _ => self.expr(elt)?,
            }
        }
        Ok(())
    }

    /// `compiler_call_helper`: keywords are validated before any argument.
    fn call_arguments(&mut self, args: &'t [Expr], keywords: &'t [Keyword], span: Span) -> Check {
        check_keywords(keywords, span)?;
        self.elements(args, ExprContext::Load)?;
        keywords.iter().try_for_each(|k| self.expr(&k.value))
    }

    /// `compiler_comprehension`: the body is its own code object; the
    /// outermost iterable is compiled last, in the enclosing one.
    fn comprehension(
        &mut self,
        expr: &'t Expr,
        generators: &'t [Comprehension],
        elt: &'t Expr,
        value: Option<&'t Expr>,
        is_generator_expression: bool,
    ) -> Check {
        let Some(outermost) = generators.first() else { return Ok(()) };
        let enclosing = self.unit.kind;
        if !is_generator_expression
            && self.table.is_async_comprehension(expr)
            && !matches!(enclosing, UnitKind::AsyncFunction | UnitKind::Comprehension)
            && !self.may_await()
        {
            return Err(error("asynchronous comprehension outside of an asynchronous function", expr.span));
        }
        self.in_unit(UnitKind::Comprehension, false, |c| {
            for (index, generator) in generators.iter().enumerate() {
                if index > 0 {
                    c.expr(&generator.iter)?;
                }
                c.expr(&generator.target)?;
                c.exprs(&generator.ifs)?;
            }
            c.expr(elt)?;
            c.opt_expr(value)
        })?;
        self.expr(&outermost.iter)
    }
}

/// `compiler_check_debug_args`: no parameter may be named `__debug__`.
fn check_parameter_names(args: &Arguments, span: Span) -> Check {
    let all = args.posonlyargs.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg);
    all.into_iter().try_for_each(|arg| store_name(&arg.arg, span))
}

/// `validate_keywords`: no `__debug__=`, no keyword given twice.
fn check_keywords(keywords: &[Keyword], call_span: Span) -> Check {
    for (index, keyword) in keywords.iter().enumerate() {
        let Some(name) = &keyword.arg else { continue };
        store_name(name, call_span)?;
        let repeated = keywords[index + 1..].iter().find(|other| other.arg.as_ref() == Some(name));
        if let Some(other) = repeated {
            return Err(error(format!("keyword argument repeated: {name}"), other.span));
        }
    }
    Ok(())
}

/// `unpack_helper`: at most one starred target, after at most 255 others.
fn check_unpacking(elts: &[Expr], span: Span) -> Check {
    let mut starred = elts.iter().enumerate().filter(|(_, e)| matches!(e.kind, ExprKind::Starred { .. }));
    if let Some((index, _)) = starred.next() {
        if index >= 256 {
            return Err(error("too many expressions in star-unpacking assignment", span));
        }
        if starred.next().is_some() {
            return Err(error("multiple starred expressions in assignment", span));
        }
    }
    Ok(())
}

/// The attribute name at the end of `a.b`, where CPython reports errors about it.
fn attribute_name_span(attribute: &Expr, attr: &str) -> Span {
    let end = attribute.span.end;
    Span { start: end.saturating_sub(attr.len() as u32).max(attribute.span.start), end }
}

/// `case _:` (CPython's `WILDCARD_CHECK`).
fn is_wildcard(pattern: &Pattern) -> bool {
    matches!(pattern.kind, PatternKind::MatchAs { pattern: None, name: None })
}
