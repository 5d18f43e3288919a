//! Bounding how deeply expression trees nest.
//!
//! Brackets (200) and indentation (100) are bounded by the lexer, but operator
//! and trailer chains are not: `1+1+...+1` or `-(-...)`-free `- - - x` with a
//! million terms would build a million-deep tree, and every recursive pass over
//! it (the drop included) would overflow the stack. So each expression node
//! records its height, and a node that would exceed [`MAX_EXPR_DEPTH`] is not
//! built: it becomes a leaf and the parse reports CPython's RecursionError
//! ("maximum recursion depth exceeded during compilation") once it is over.
//! CPython 3.11 itself accepts a little under 3000 levels.

use crate::ast::{Constant, Expr, ExprKind, Span};
use crate::error::{ErrorKind, SyntaxError};
use std::cell::Cell;

pub const MAX_EXPR_DEPTH: u32 = 3000;

thread_local! {
    /// Where the current parse first nested too deeply. Plain data scoped to
    /// one parse (see [`DepthGuard`]), not interpreter state.
    static TOO_DEEP: Cell<Option<Span>> = const { Cell::new(None) };
}

/// Builds an expression node, computing its height from its direct children.
pub fn bounded_expr(kind: ExprKind, span: Span) -> Expr {
    let depth = 1 + max_child_depth(&kind);
    if depth <= MAX_EXPR_DEPTH {
        return Expr { kind, span, depth };
    }
    TOO_DEEP.with(|too_deep| {
        if too_deep.get().is_none() {
            too_deep.set(Some(span));
        }
    });
    Expr { kind: ExprKind::Constant { value: Constant::None, unicode_prefix: false }, span, depth: 1 }
}

/// Scopes the too-deep flag to one parse: created before parsing, `finish`ed after.
pub struct DepthGuard {
    outer: Option<Span>,
}

impl DepthGuard {
    pub fn start() -> DepthGuard {
        DepthGuard { outer: TOO_DEEP.with(|too_deep| too_deep.take()) }
    }

    /// The RecursionError if this parse nested too deeply.
    pub fn finish(self) -> Result<(), SyntaxError> {
        match TOO_DEEP.with(|too_deep| too_deep.replace(self.outer)) {
            None => Ok(()),
            Some(span) => Err(too_deep(span)),
        }
    }
}

/// CPython's error for an expression nested past what it compiles.
#[cold]
pub fn too_deep(span: Span) -> SyntaxError {
    SyntaxError::new(ErrorKind::RecursionError, "maximum recursion depth exceeded during compilation", span)
}

fn max_child_depth(kind: &ExprKind) -> u32 {
    fn of(e: &Expr) -> u32 {
        e.depth
    }
    fn opt(e: &Option<Box<Expr>>) -> u32 {
        e.as_deref().map_or(0, of)
    }
    fn all(es: &[Expr]) -> u32 {
        es.iter().map(of).max().unwrap_or(0)
    }
    fn generators(gens: &[crate::ast::Comprehension]) -> u32 {
        gens.iter().map(|g| of(&g.target).max(of(&g.iter)).max(all(&g.ifs))).max().unwrap_or(0)
    }
    match kind {
        ExprKind::BoolOp { values, .. } => all(values),
        ExprKind::NamedExpr { target, value } => of(target).max(of(value)),
        ExprKind::BinOp { left, right, .. } => of(left).max(of(right)),
        ExprKind::UnaryOp { operand, .. } => of(operand),
        ExprKind::Lambda { args, body } => {
            let defaults = all(&args.defaults).max(args.kw_defaults.iter().flatten().map(of).max().unwrap_or(0));
            of(body).max(defaults)
        }
        ExprKind::IfExp { test, body, orelse } => of(test).max(of(body)).max(of(orelse)),
        ExprKind::Dict { keys, values } => all(values).max(keys.iter().flatten().map(of).max().unwrap_or(0)),
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => all(elts),
        ExprKind::ListComp { elt, generators: g }
        | ExprKind::SetComp { elt, generators: g }
        | ExprKind::GeneratorExp { elt, generators: g } => of(elt).max(generators(g)),
        ExprKind::DictComp { key, value, generators: g } => of(key).max(of(value)).max(generators(g)),
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => of(value),
        ExprKind::Yield { value } => opt(value),
        ExprKind::Compare { left, comparators, .. } => of(left).max(all(comparators)),
        ExprKind::Call { func, args, keywords } => {
            of(func).max(all(args)).max(keywords.iter().map(|k| of(&k.value)).max().unwrap_or(0))
        }
        ExprKind::FormattedValue { value, format_spec, .. } => of(value).max(opt(format_spec)),
        ExprKind::JoinedStr { values } => all(values),
        ExprKind::Constant { .. } | ExprKind::Name { .. } => 0,
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => of(value),
        ExprKind::Subscript { value, slice, .. } => of(value).max(of(slice)),
        ExprKind::Slice { lower, upper, step } => opt(lower).max(opt(upper)).max(opt(step)),
    }
}
