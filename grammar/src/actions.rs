//! The functions the grammar actions in `python.lalrpop` call: AST construction,
//! and the checks the grammar leaves to actions because Python is not LR(1)
//! there (assignment and other targets, keyword-argument names, parameter
//! order, with-items, patterns), each with CPython 3.11's error message.

use crate::ast::{
    Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, ExceptHandler, Expr, ExprContext,
    ExprKind, Ident, Keyword, MatchCase, Operator, Pattern, PatternKind, Span, Stmt, StmtKind,
    UnaryOp, WithItem,
};
use crate::error::SyntaxError;
use crate::literal;

type Result<T> = std::result::Result<T, SyntaxError>;

// ---------------------------------------------------------------- item types

/// One argument of a call or class header, before ordering checks.
pub enum ArgItem {
    Positional(Expr),
    /// An unparenthesised generator expression argument: `f(x for x in y)`.
    Genexp(Expr),
    Keyword(Ident, Expr, Span),
    DoubleStar(Expr, Span),
}

/// One entry of a parameter list, before ordering checks.
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    Slash(Span),
    BareStar(Span),
    VarArg(Arg),
    KwArg(Arg),
}

/// What stood between a pair of parentheses.
pub enum ParenBody {
    Yield(Expr),
    Genexp(Expr, Vec<Comprehension>),
    /// The items and whether a trailing comma followed them.
    Items(Vec<Expr>, bool),
}

pub enum MatchClassArg {
    Positional(Pattern),
    Keyword(Ident, Pattern),
}

pub enum MatchMapEntry {
    Item(Expr, Pattern),
    Rest(Ident, Span),
}

pub struct ExceptClause {
    pub is_star: bool,
    pub handler: ExceptHandler,
}

// ---------------------------------------------------------------- expressions

pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    crate::depth::bounded_expr(kind, Span::new(l, r))
}

pub fn name(id: Ident, l: usize, r: usize) -> Expr {
    expr(ExprKind::Name { id, ctx: ExprContext::Load }, l, r)
}

pub fn constant(value: Constant, l: usize, r: usize) -> Expr {
    expr(ExprKind::Constant { value, unicode_prefix: false }, l, r)
}

pub fn int(text: &str, l: usize, r: usize) -> Expr {
    constant(literal::parse_int(text), l, r)
}

pub fn float(text: &str, l: usize, r: usize) -> Expr {
    constant(Constant::Float(literal::parse_float(text)), l, r)
}

pub fn imag(text: &str, l: usize, r: usize) -> Expr {
    constant(Constant::Complex { real: 0.0, imag: literal::parse_imag(text) }, l, r)
}

pub fn strings(source: &str, parts: Vec<(usize, &str)>, l: usize, r: usize) -> Result<Expr> {
    crate::fstring::concatenate(source, &parts, Span::new(l, r))
}

pub fn bin_op(left: Expr, op: Operator, right: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, l, r)
}

/// One link of a right-nesting chain of conditional expressions and lambdas.
pub enum TestPrefix {
    /// `body if test else` at offset .0
    IfElse(usize, Expr, Expr),
    /// `lambda params:` at offset .0
    Lambda(usize, Arguments),
}

/// Folds `prefixes... last` into the right-nested IfExp/Lambda tree.
pub fn test_chain(prefixes: Vec<TestPrefix>, last: Expr, r: usize) -> Expr {
    prefixes.into_iter().rev().fold(last, |acc, prefix| match prefix {
        TestPrefix::IfElse(l, body, test) => if_exp(test, body, acc, l, r),
        TestPrefix::Lambda(l, args) => lambda(args, acc, l, r),
    })
}

/// Applies prefix operators (`- ~ x`, `not not x`), innermost last.
pub fn unary_chain(ops: Vec<(usize, UnaryOp)>, operand: Expr, r: usize) -> Expr {
    ops.into_iter().rev().fold(operand, |acc, (l, op)| unary_op(op, acc, l, r))
}

/// The right operand of a `**` in a chain: its own prefix operators, where it starts, itself.
pub type PowerOperand = (Vec<(usize, UnaryOp)>, usize, Expr);

/// Folds `base ** op1 x1 ** op2 x2 ...` into `base ** op1(x1 ** op2(x2 ...))`.
pub fn power_chain(base: (usize, Expr), tail: Vec<PowerOperand>, r: usize) -> Expr {
    let mut operands = tail.into_iter().rev();
    let Some((ops, _, last)) = operands.next() else { return base.1 };
    let mut exponent = unary_chain(ops, last, r);
    // Each earlier operand is raised to everything on its right; its own
    // prefix operators then apply to that power.
    for (ops, l, operand) in operands {
        exponent = unary_chain(ops, bin_op(operand, Operator::Pow, exponent, l, r), r);
    }
    bin_op(base.1, Operator::Pow, exponent, base.0, r)
}

/// Appends a link to a right-nesting chain, refusing chains deeper than
/// CPython compiles (see depth.rs).
pub fn push_nested<T>(mut chain: Vec<T>, link: T, at: usize) -> Result<Vec<T>> {
    if chain.len() >= crate::depth::MAX_EXPR_DEPTH as usize {
        return Err(crate::depth::too_deep(Span::new(at, at)));
    }
    chain.push(link);
    Ok(chain)
}

pub fn unary_op(op: UnaryOp, operand: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::UnaryOp { op, operand: Box::new(operand) }, l, r)
}

pub fn bool_op(op: BoolOp, values: Vec<Expr>, l: usize, r: usize) -> Expr {
    expr(ExprKind::BoolOp { op, values }, l, r)
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(ExprKind::Compare { left: Box::new(left), ops, comparators }, l, r)
}

pub fn if_exp(test: Expr, body: Expr, orelse: Expr, l: usize, r: usize) -> Expr {
    let kind = ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) };
    expr(kind, l, r)
}

pub fn lambda(args: Arguments, body: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::Lambda { args: Box::new(args), body: Box::new(body) }, l, r)
}

/// `target := value`: the target must be a plain, unparenthesised name.
pub fn named_expr(target: Expr, value: Expr, l: usize, r: usize) -> Result<Expr> {
    let is_plain_name = matches!(target.kind, ExprKind::Name { .. }) && target.span.start as usize == l;
    if !is_plain_name {
        let msg = format!("cannot use assignment expressions with {}", expr_name(&target));
        return Err(SyntaxError::syntax(msg, target.span));
    }
    let target = with_context(target, ExprContext::Store);
    Ok(expr(ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) }, l, r))
}

pub fn await_expr(value: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::Await { value: Box::new(value) }, l, r)
}

pub fn yield_expr(value: Option<Expr>, l: usize, r: usize) -> Expr {
    expr(ExprKind::Yield { value: value.map(Box::new) }, l, r)
}

pub fn yield_from(value: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::YieldFrom { value: Box::new(value) }, l, r)
}

pub fn starred(value: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load }, l, r)
}

pub fn attribute(value: Expr, attr: Ident, l: usize, r: usize) -> Expr {
    expr(ExprKind::Attribute { value: Box::new(value), attr, ctx: ExprContext::Load }, l, r)
}

pub fn subscript(value: Expr, slice: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::Subscript { value: Box::new(value), slice: Box::new(slice), ctx: ExprContext::Load }, l, r)
}

pub fn slice(lower: Option<Expr>, upper: Option<Expr>, step: Option<Option<Expr>>, l: usize, r: usize) -> Expr {
    let kind = ExprKind::Slice {
        lower: lower.map(Box::new),
        upper: upper.map(Box::new),
        step: step.flatten().map(Box::new),
    };
    expr(kind, l, r)
}

/// `a[x]` is `x` itself; `a[x,]`, `a[x, y]` and `a[*x]` are tuples.
pub fn subscript_slice(mut items: Vec<Expr>, trailing_comma: bool, l: usize, r: usize) -> Expr {
    let single_plain = items.len() == 1 && !trailing_comma && !is_starred(&items[0]);
    match items.pop() {
        Some(only) if single_plain => only,
        Some(last) => {
            items.push(last);
            tuple(items, l, r)
        }
        None => tuple(items, l, r),
    }
}

pub fn tuple(elts: Vec<Expr>, l: usize, r: usize) -> Expr {
    expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, l, r)
}

pub fn list(elts: Vec<Expr>, l: usize, r: usize) -> Expr {
    expr(ExprKind::List { elts, ctx: ExprContext::Load }, l, r)
}

pub fn set(elts: Vec<Expr>, l: usize, r: usize) -> Expr {
    expr(ExprKind::Set { elts }, l, r)
}

pub fn dict(entries: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = entries.into_iter().unzip();
    expr(ExprKind::Dict { keys, values }, l, r)
}

pub fn list_comp(elt: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    expr(ExprKind::ListComp { elt: Box::new(elt), generators }, l, r)
}

pub fn set_comp(elt: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    expr(ExprKind::SetComp { elt: Box::new(elt), generators }, l, r)
}

pub fn dict_comp(key: Expr, value: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    expr(ExprKind::DictComp { key: Box::new(key), value: Box::new(value), generators }, l, r)
}

pub fn genexp(elt: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    expr(ExprKind::GeneratorExp { elt: Box::new(elt), generators }, l, r)
}

pub fn comprehension(is_async: bool, target: Expr, iter: Expr, ifs: Vec<Expr>) -> Result<Comprehension> {
    let target = set_context(target, ExprContext::Store, TargetKind::Assign)?;
    Ok(Comprehension { target, iter, ifs, is_async })
}

/// A comma list that is a tuple only when it has a comma (star_expressions).
pub fn tuple_or_single(mut items: Vec<Expr>, trailing_comma: bool, l: usize, r: usize) -> Expr {
    if items.len() == 1 && !trailing_comma {
        if let Some(only) = items.pop() {
            return only;
        }
    }
    tuple(items, l, r)
}

/// A parenthesised atom (or an f-string field, which CPython 3.11 parses as
/// `(field)`): a group (the inner node, unchanged), a tuple or a genexp.
pub fn paren(body: ParenBody, l: usize, r: usize) -> Result<Expr> {
    match body {
        ParenBody::Yield(y) => Ok(y),
        ParenBody::Genexp(elt, generators) => Ok(genexp(elt, generators, l, r)),
        ParenBody::Items(mut items, trailing_comma) => {
            if items.len() == 1 && !trailing_comma {
                if let Some(only) = items.pop() {
                    if is_starred(&only) {
                        return Err(SyntaxError::syntax("cannot use starred expression here", only.span));
                    }
                    return Ok(only);
                }
            }
            Ok(tuple(items, l, r))
        }
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

#[cold]
pub fn unpacking_in_comprehension(l: usize, r: usize) -> SyntaxError {
    SyntaxError::syntax("iterable unpacking cannot be used in comprehension", Span::new(l, r))
}

#[cold]
pub fn dict_unpacking_in_comprehension(l: usize, r: usize) -> SyntaxError {
    SyntaxError::syntax("dict unpacking cannot be used in dict comprehension", Span::new(l, r))
}

// ---------------------------------------------------------------- calls

/// A generator expression must be the sole argument, without trailing comma.
pub fn check_genexp_arg(items: Vec<ArgItem>, trailing_comma: bool) -> Result<Vec<ArgItem>> {
    let alone = items.len() == 1 && !trailing_comma;
    if !alone {
        if let Some(ArgItem::Genexp(g)) = items.iter().find(|a| matches!(a, ArgItem::Genexp(_))) {
            return Err(SyntaxError::syntax("Generator expression must be parenthesized", g.span));
        }
    }
    Ok(items)
}

pub fn keyword_arg(key: Expr, value: Expr, l: usize, eq_end: usize, r: usize) -> Result<ArgItem> {
    let parenthesised = key.span.start as usize != l;
    match key.kind {
        ExprKind::Name { id, .. } if !parenthesised => Ok(ArgItem::Keyword(id, value, Span::new(l, r))),
        ExprKind::Constant { value: Constant::None, .. } => Err(SyntaxError::syntax("cannot assign to None", key.span)),
        ExprKind::Constant { value: Constant::Bool(b), .. } => {
            let msg = if b { "cannot assign to True" } else { "cannot assign to False" };
            Err(SyntaxError::syntax(msg, key.span))
        }
        _ => Err(SyntaxError::syntax(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            Span::new(l, eq_end + 1),
        )),
    }
}

/// Splits call arguments into `args` and `keywords`, checking CPython's order rules.
fn split_args(items: Vec<ArgItem>) -> Result<(Vec<Expr>, Vec<Keyword>)> {
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    for item in items {
        match item {
            ArgItem::Positional(e) | ArgItem::Genexp(e) => {
                if is_starred(&e) {
                    if seen_double_star {
                        let msg = "iterable argument unpacking follows keyword argument unpacking";
                        return Err(SyntaxError::syntax(msg, e.span));
                    }
                } else if seen_double_star {
                    return Err(SyntaxError::syntax("positional argument follows keyword argument unpacking", e.span));
                } else if seen_keyword {
                    return Err(SyntaxError::syntax("positional argument follows keyword argument", e.span));
                }
                args.push(e);
            }
            ArgItem::Keyword(arg, value, span) => {
                seen_keyword = true;
                keywords.push(Keyword { arg: Some(arg), value, span });
            }
            ArgItem::DoubleStar(value, span) => {
                seen_double_star = true;
                keywords.push(Keyword { arg: None, value, span });
            }
        }
    }
    Ok((args, keywords))
}

pub fn call(func: Expr, items: Vec<ArgItem>, l: usize, r: usize) -> Result<Expr> {
    let (args, keywords) = split_args(items)?;
    Ok(expr(ExprKind::Call { func: Box::new(func), args, keywords }, l, r))
}

// ---------------------------------------------------------------- targets

/// Which statement a target belongs to: it picks CPython's message.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Assign,
    For,
    Delete,
}

/// CPython's `_PyPegen_get_expr_name`: how messages name an expression.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that
/// cannot be a target, if any.
fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|elt| invalid_target(elt, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == TargetKind::Delete {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } if kind == TargetKind::For => {
            if ops.first() == Some(&CmpOp::In) {
                invalid_target(left, kind)
            } else {
                None
            }
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

fn invalid_target_error(bad: &Expr, kind: TargetKind) -> SyntaxError {
    let verb = if kind == TargetKind::Delete { "delete" } else { "assign to" };
    SyntaxError::syntax(format!("cannot {verb} {}", expr_name(bad)), bad.span)
}

/// Checks `e` is a valid target and sets `ctx` on it and its elements.
pub fn set_context(e: Expr, ctx: ExprContext, kind: TargetKind) -> Result<Expr> {
    if let Some(bad) = invalid_target(&e, kind) {
        return Err(invalid_target_error(bad, kind));
    }
    Ok(with_context(e, ctx))
}

/// Sets `ctx` recursively; `e` has already been checked.
fn with_context(mut e: Expr, new_ctx: ExprContext) -> Expr {
    match &mut e.kind {
        ExprKind::Name { ctx, .. } | ExprKind::Attribute { ctx, .. } | ExprKind::Subscript { ctx, .. } => {
            *ctx = new_ctx;
        }
        ExprKind::Starred { value, ctx } => {
            *ctx = new_ctx;
            let inner = std::mem::replace(value.as_mut(), placeholder());
            **value = with_context(inner, new_ctx);
        }
        ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
            *ctx = new_ctx;
            let taken = std::mem::take(elts);
            *elts = taken.into_iter().map(|elt| with_context(elt, new_ctx)).collect();
        }
        _ => {}
    }
    e
}

fn placeholder() -> Expr {
    constant(Constant::None, 0, 0)
}

/// Whether the source of `e` can start with a `bitwise_or` (CPython's
/// `invalid_named_expression` needs one right of the `=`).
fn starts_with_bitwise_or(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.first().is_some_and(starts_with_bitwise_or),
        ExprKind::Compare { left, .. } => starts_with_bitwise_or(left),
        ExprKind::IfExp { body, .. } => starts_with_bitwise_or(body),
        ExprKind::Tuple { elts, .. } if is_bare_tuple(e) => elts.first().is_some_and(starts_with_bitwise_or),
        ExprKind::UnaryOp { op: UnaryOp::Not, .. }
        | ExprKind::Lambda { .. }
        | ExprKind::Starred { .. }
        | ExprKind::Yield { .. }
        | ExprKind::YieldFrom { .. } => false,
        _ => true,
    }
}

/// A tuple written without parentheses starts where its first element starts.
fn is_bare_tuple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Tuple { elts, .. } => elts.first().is_some_and(|first| first.span.start == e.span.start),
        _ => false,
    }
}

/// Whether `e` is a whole `bitwise_or` that CPython's `invalid_named_expression`
/// would report as `e = value`.
fn is_reportable_bitwise_or(e: &Expr) -> bool {
    !matches!(
        &e.kind,
        ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant { value: Constant::None | Constant::Bool(_), .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred { .. }
            | ExprKind::Yield { .. }
            | ExprKind::YieldFrom { .. }
    )
}

/// The error CPython 3.11 gives for an assignment with an invalid target.
fn assign_error(targets: &[Expr], value: &Expr, bad: &Expr) -> SyntaxError {
    if let [first] = targets {
        let candidate = match &first.kind {
            ExprKind::Tuple { elts, .. } if is_bare_tuple(first) => elts.last(),
            _ => Some(first),
        };
        if let Some(c) = candidate {
            if is_reportable_bitwise_or(c) && starts_with_bitwise_or(value) {
                if matches!(c.kind, ExprKind::Name { .. }) {
                    let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                    return SyntaxError::syntax(msg, c.span.to(value.span));
                }
                let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(c));
                return SyntaxError::syntax(msg, c.span);
            }
        }
    }
    let bad_is_target = targets.iter().any(|t| std::ptr::eq(bad, t));
    if bad_is_target && matches!(bad.kind, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) {
        return SyntaxError::syntax("assignment to yield expression not possible", bad.span);
    }
    invalid_target_error(bad, TargetKind::Assign)
}

// ---------------------------------------------------------------- statements

pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Stmt {
    Stmt { kind, span: Span::new(l, r) }
}

/// The end of a compound statement: the end of its last nested statement.
fn block_end(body: &[Stmt], fallback: usize) -> usize {
    body.last().map_or(fallback, |s| s.span.end as usize)
}

pub fn expr_stmt(value: Expr, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Expr { value }, l, r)
}

/// `t1 = t2 = ... = value`: `rest` holds everything after the first `=`.
pub fn assign(first: Expr, mut rest: Vec<Expr>, l: usize, r: usize) -> Result<Stmt> {
    let value = match rest.pop() {
        Some(v) => v,
        None => return Ok(expr_stmt(first, l, r)),
    };
    let mut targets = Vec::with_capacity(rest.len() + 1);
    targets.push(first);
    targets.extend(rest);
    if let Some(bad) = targets.iter().find_map(|t| invalid_target(t, TargetKind::Assign)) {
        return Err(assign_error(&targets, &value, bad));
    }
    let targets = targets.into_iter().map(|t| with_context(t, ExprContext::Store)).collect();
    Ok(stmt(StmtKind::Assign { targets, value }, l, r))
}

pub fn aug_assign(target: Expr, op: Operator, value: Expr, l: usize, r: usize) -> Result<Stmt> {
    if !matches!(target.kind, ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
        let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&target));
        return Err(SyntaxError::syntax(msg, target.span));
    }
    let target = with_context(target, ExprContext::Store);
    Ok(stmt(StmtKind::AugAssign { target, op, value }, l, r))
}

pub fn ann_assign(target: Expr, annotation: Expr, value: Option<Expr>, l: usize, r: usize) -> Result<Stmt> {
    let simple = match &target.kind {
        // A parenthesised name starts after the statement does.
        ExprKind::Name { .. } => target.span.start as usize == l,
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
        ExprKind::Tuple { .. } | ExprKind::List { .. } => {
            let msg = format!("only single target (not {}) can be annotated", expr_name(&target));
            return Err(SyntaxError::syntax(msg, target.span));
        }
        _ => return Err(SyntaxError::syntax("illegal target for annotation", target.span)),
    };
    let target = with_context(target, ExprContext::Store);
    Ok(stmt(StmtKind::AnnAssign { target, annotation, value, simple }, l, r))
}

pub fn delete(targets: Vec<Expr>, l: usize, r: usize) -> Result<Stmt> {
    let targets = targets
        .into_iter()
        .map(|t| set_context(t, ExprContext::Del, TargetKind::Delete))
        .collect::<Result<Vec<_>>>()?;
    Ok(stmt(StmtKind::Delete { targets }, l, r))
}

pub fn raise(exc: Option<(Expr, Option<Expr>)>, l: usize, r: usize) -> Stmt {
    let (exc, cause) = match exc {
        Some((e, c)) => (Some(e), c),
        None => (None, None),
    };
    stmt(StmtKind::Raise { exc, cause }, l, r)
}

pub fn dotted_name(first: Ident, rest: Vec<Ident>) -> Ident {
    if rest.is_empty() {
        return first;
    }
    let mut joined = String::from(&*first);
    for part in rest {
        joined.push('.');
        joined.push_str(&part);
    }
    joined.into_boxed_str()
}

pub fn alias(name: Ident, asname: Option<Ident>, l: usize, r: usize) -> Alias {
    Alias { name, asname, span: Span::new(l, r) }
}

#[cold]
pub fn import_trailing_comma(l: usize, r: usize) -> SyntaxError {
    SyntaxError::syntax("trailing comma not allowed without surrounding parentheses", Span::new(l, r))
}

pub fn import_from(source: (u32, Option<Ident>), names: Vec<Alias>, l: usize, r: usize) -> Stmt {
    let (level, module) = source;
    stmt(StmtKind::ImportFrom { module, names, level }, l, r)
}

/// Attaches decorators to a function or class definition.
pub fn decorate(decorators: Vec<Expr>, mut def: Stmt) -> Stmt {
    match &mut def.kind {
        StmtKind::FunctionDef(f) => f.decorator_list = decorators,
        StmtKind::ClassDef(c) => c.decorator_list = decorators,
        _ => {}
    }
    def
}

pub fn if_stmt(
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
) -> Stmt {
    // Build the `elif` chain from the innermost (last) clause outwards.
    let mut tail = orelse.unwrap_or_default();
    for (el, etest, ebody) in elifs.into_iter().rev() {
        let end = block_end(&tail, block_end(&ebody, el));
        tail = vec![stmt(StmtKind::If { test: etest, body: ebody, orelse: tail }, el, end)];
    }
    let end = block_end(&tail, block_end(&body, l));
    stmt(StmtKind::If { test, body, orelse: tail }, l, end)
}

pub fn while_stmt(test: Expr, body: Vec<Stmt>, orelse: Option<Vec<Stmt>>, l: usize) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let end = block_end(&orelse, block_end(&body, l));
    stmt(StmtKind::While { test, body, orelse }, l, end)
}

pub fn for_stmt(
    is_async: bool,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
) -> Result<Stmt> {
    let target = set_context(target, ExprContext::Store, TargetKind::For)?;
    let orelse = orelse.unwrap_or_default();
    let end = block_end(&orelse, block_end(&body, l));
    Ok(stmt(StmtKind::For { is_async, target, iter, body, orelse }, l, end))
}

pub fn except_clause(
    is_star: bool,
    type_and_name: Option<(Expr, Option<Ident>)>,
    body: Vec<Stmt>,
    l: usize,
    header_end: usize,
) -> ExceptClause {
    let (type_, name) = match type_and_name {
        Some((t, n)) => (Some(t), n),
        None => (None, None),
    };
    let span = Span::new(l, block_end(&body, header_end));
    ExceptClause { is_star, handler: ExceptHandler { type_, name, body, span } }
}

#[cold]
pub fn multiple_except_types(l: usize, r: usize) -> SyntaxError {
    SyntaxError::syntax("multiple exception types must be parenthesized", Span::new(l, r))
}

pub fn try_stmt(
    body: Vec<Stmt>,
    clauses: Vec<ExceptClause>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
    l: usize,
) -> Result<Stmt> {
    let is_star = clauses.first().is_some_and(|c| c.is_star);
    let mut handlers = Vec::with_capacity(clauses.len());
    for clause in clauses {
        if clause.is_star != is_star {
            let msg = "cannot have both 'except' and 'except*' on the same 'try'";
            return Err(SyntaxError::syntax(msg, clause.handler.span));
        }
        if clause.is_star && clause.handler.type_.is_none() {
            return Err(SyntaxError::syntax("expected one or more exception types", clause.handler.span));
        }
        handlers.push(clause.handler);
    }
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let end = [&finalbody, &orelse, &body]
        .iter()
        .find_map(|b| b.last().map(|s| s.span.end as usize))
        .or_else(|| handlers.last().map(|h| h.span.end as usize))
        .unwrap_or(l);
    let end = handlers.last().map_or(end, |h| end.max(h.span.end as usize));
    Ok(stmt(StmtKind::Try { body, handlers, orelse, finalbody, is_star }, l, end))
}

pub fn with_item(context_expr: Expr, target: Expr) -> Result<WithItem> {
    let target = set_context(target, ExprContext::Store, TargetKind::Assign)?;
    Ok(WithItem { context_expr, optional_vars: Some(target) })
}

/// Unparenthesised items; `with (a, b):` arrives as one tuple item spanning
/// the whole header and means two items, as in CPython.
pub fn with_items(mut items: Vec<WithItem>, l: usize, r: usize) -> Vec<WithItem> {
    let splittable = match items.as_slice() {
        [WithItem { context_expr, optional_vars: None }] => match &context_expr.kind {
            ExprKind::Tuple { elts, .. } => {
                context_expr.span == Span::new(l, r)
                    && !elts.is_empty()
                    && elts.iter().all(|e| !matches!(e.kind, ExprKind::Starred { .. } | ExprKind::NamedExpr { .. }))
            }
            _ => false,
        },
        _ => false,
    };
    if !splittable {
        return items;
    }
    match items.pop().map(|item| item.context_expr.kind) {
        Some(ExprKind::Tuple { elts, .. }) => {
            elts.into_iter().map(|e| WithItem { context_expr: e, optional_vars: None }).collect()
        }
        _ => items,
    }
}

pub fn with_items_paren(before: Vec<WithItem>, first: WithItem, rest: Vec<WithItem>) -> Vec<WithItem> {
    let mut items = before;
    items.push(first);
    items.extend(rest);
    items
}

/// `with (a, b as c):`: the items before the first `as` were parsed as
/// tuple elements, so they must be plain expressions.
pub fn with_items_paren_checked(before: Vec<Expr>, first: WithItem, rest: Vec<WithItem>) -> Result<Vec<WithItem>> {
    if let Some(bad) = before.iter().find(|e| matches!(e.kind, ExprKind::Starred { .. } | ExprKind::NamedExpr { .. })) {
        return Err(SyntaxError::syntax("invalid syntax", bad.span));
    }
    let before = before.into_iter().map(|e| WithItem { context_expr: e, optional_vars: None }).collect();
    Ok(with_items_paren(before, first, rest))
}

pub fn with_stmt(is_async: bool, items: Vec<WithItem>, body: Vec<Stmt>, l: usize) -> Stmt {
    let end = block_end(&body, l);
    stmt(StmtKind::With { is_async, items, body }, l, end)
}

pub fn func_def(
    is_async: bool,
    name: Ident,
    args: Arguments,
    returns: Option<Expr>,
    body: Vec<Stmt>,
    l: usize,
) -> Stmt {
    let end = block_end(&body, l);
    let def = crate::ast::FunctionDef { is_async, name, args, body, decorator_list: Vec::new(), returns };
    stmt(StmtKind::FunctionDef(Box::new(def)), l, end)
}

pub fn class_def(name: Ident, args: Option<Vec<ArgItem>>, body: Vec<Stmt>, l: usize) -> Result<Stmt> {
    let items = args.unwrap_or_default();
    if let Some(ArgItem::Genexp(g)) = items.iter().find(|a| matches!(a, ArgItem::Genexp(_))) {
        return Err(SyntaxError::syntax("invalid syntax", g.span));
    }
    let (bases, keywords) = split_args(items)?;
    let end = block_end(&body, l);
    let def = crate::ast::ClassDef { name, bases, keywords, body, decorator_list: Vec::new() };
    Ok(stmt(StmtKind::ClassDef(Box::new(def)), l, end))
}

#[cold]
pub fn vararg_default(l: usize, r: usize) -> SyntaxError {
    SyntaxError::syntax("var-positional argument cannot have default value", Span::new(l, r))
}

#[cold]
pub fn kwarg_default(l: usize, r: usize) -> SyntaxError {
    SyntaxError::syntax("var-keyword argument cannot have default value", Span::new(l, r))
}

pub fn arg(name: Ident, annotation: Option<Expr>, l: usize, r: usize) -> Arg {
    Arg { arg: name, annotation: annotation.map(Box::new), span: Span::new(l, r) }
}

/// Where in a parameter list we are: parameters must come in this order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ParamSection {
    Positional,
    KeywordOnly,
    AfterKwarg,
}

/// Builds `Arguments` from a flat parameter list, checking CPython's rules.
pub fn arguments(items: Vec<ParamItem>) -> Result<Arguments> {
    let mut args = Arguments::default();
    let mut section = ParamSection::Positional;
    let mut seen_default = false;
    let mut seen_slash = false;
    let mut bare_star: Option<Span> = None;
    for item in items {
        if section == ParamSection::AfterKwarg {
            return Err(SyntaxError::syntax("arguments cannot follow var-keyword argument", item_span(&item)));
        }
        match item {
            ParamItem::Plain(a, default) if section == ParamSection::Positional => {
                match default {
                    Some(d) => {
                        seen_default = true;
                        args.defaults.push(d);
                    }
                    None if seen_default => {
                        return Err(SyntaxError::syntax("non-default argument follows default argument", a.span));
                    }
                    None => {}
                }
                args.args.push(a);
            }
            ParamItem::Plain(a, default) => {
                bare_star = None;
                args.kwonlyargs.push(a);
                args.kw_defaults.push(default);
            }
            ParamItem::Slash(span) => {
                if seen_slash {
                    return Err(SyntaxError::syntax("/ may appear only once", span));
                }
                if section != ParamSection::Positional {
                    return Err(SyntaxError::syntax("/ must be ahead of *", span));
                }
                if args.args.is_empty() {
                    return Err(SyntaxError::syntax("at least one argument must precede /", span));
                }
                seen_slash = true;
                args.posonlyargs = std::mem::take(&mut args.args);
            }
            ParamItem::BareStar(span) | ParamItem::VarArg(Arg { span, .. }) if section != ParamSection::Positional => {
                return Err(SyntaxError::syntax("* argument may appear only once", span));
            }
            ParamItem::BareStar(span) => {
                section = ParamSection::KeywordOnly;
                bare_star = Some(span);
            }
            ParamItem::VarArg(a) => {
                section = ParamSection::KeywordOnly;
                args.vararg = Some(a);
            }
            ParamItem::KwArg(a) => {
                if let Some(star) = bare_star {
                    return Err(SyntaxError::syntax("named arguments must follow bare *", star));
                }
                section = ParamSection::AfterKwarg;
                args.kwarg = Some(a);
            }
        }
    }
    if let Some(star) = bare_star {
        return Err(SyntaxError::syntax("named arguments must follow bare *", star));
    }
    Ok(args)
}

fn item_span(item: &ParamItem) -> Span {
    match item {
        ParamItem::Plain(a, _) | ParamItem::VarArg(a) | ParamItem::KwArg(a) => a.span,
        ParamItem::Slash(span) | ParamItem::BareStar(span) => *span,
    }
}

// ---------------------------------------------------------------- match

pub fn match_stmt(subject: Expr, cases: Vec<MatchCase>, l: usize) -> Stmt {
    let end = cases.last().map_or(l, |c| block_end(&c.body, l));
    stmt(StmtKind::Match { subject, cases }, l, end)
}

fn pattern(kind: PatternKind, l: usize, r: usize) -> Pattern {
    Pattern { kind, span: Span::new(l, r) }
}

/// `case a, *b:` is a sequence; `case a:` is `a`; `case *a:` alone is invalid.
pub fn open_sequence_pattern(mut items: Vec<Pattern>, trailing_comma: bool, l: usize, r: usize) -> Result<Pattern> {
    if items.len() == 1 && !trailing_comma {
        if let Some(only) = items.pop() {
            if matches!(only.kind, PatternKind::MatchStar { .. }) {
                return Err(SyntaxError::syntax("invalid syntax", only.span));
            }
            return Ok(only);
        }
    }
    Ok(sequence_pattern(items, l, r))
}

pub fn sequence_pattern(patterns: Vec<Pattern>, l: usize, r: usize) -> Pattern {
    pattern(PatternKind::MatchSequence { patterns }, l, r)
}

/// `(p, ...)`: `first` and the optional rest after its comma.
pub fn paren_sequence_pattern(first: Pattern, rest: Option<(Vec<Pattern>, bool)>, l: usize, r: usize) -> Pattern {
    let mut patterns = vec![first];
    if let Some((more, _)) = rest {
        patterns.extend(more);
    }
    sequence_pattern(patterns, l, r)
}

fn wildcard_or(name: Ident) -> Option<Ident> {
    if &*name == "_" {
        None
    } else {
        Some(name)
    }
}

pub fn star_pattern(name: Ident, l: usize, r: usize) -> Pattern {
    pattern(PatternKind::MatchStar { name: wildcard_or(name) }, l, r)
}

pub fn capture_pattern(name: Ident, l: usize, r: usize) -> Pattern {
    pattern(PatternKind::MatchAs { pattern: None, name: wildcard_or(name) }, l, r)
}

pub fn as_pattern(p: Pattern, name: Ident, l: usize, r: usize) -> Result<Pattern> {
    if &*name == "_" {
        return Err(SyntaxError::syntax("cannot use '_' as a target", Span::new(l, r)));
    }
    Ok(pattern(PatternKind::MatchAs { pattern: Some(Box::new(p)), name: Some(name) }, l, r))
}

pub fn or_pattern(mut alternatives: Vec<Pattern>, l: usize, r: usize) -> Pattern {
    if alternatives.len() == 1 {
        if let Some(only) = alternatives.pop() {
            return only;
        }
    }
    pattern(PatternKind::MatchOr { patterns: alternatives }, l, r)
}

pub fn value_pattern(value: Expr, l: usize, r: usize) -> Pattern {
    pattern(PatternKind::MatchValue { value: Box::new(value) }, l, r)
}

pub fn singleton_pattern(value: Constant, l: usize, r: usize) -> Pattern {
    pattern(PatternKind::MatchSingleton { value }, l, r)
}

pub fn mapping_pattern(entries: Vec<MatchMapEntry>, l: usize, r: usize) -> Result<Pattern> {
    let mut keys = Vec::with_capacity(entries.len());
    let mut patterns = Vec::with_capacity(entries.len());
    let mut rest = None;
    for entry in entries {
        if rest.is_some() {
            // `**rest` must come last.
            let span = match &entry {
                MatchMapEntry::Item(key, _) => key.span,
                MatchMapEntry::Rest(_, span) => *span,
            };
            return Err(SyntaxError::syntax("invalid syntax", span));
        }
        match entry {
            MatchMapEntry::Item(key, p) => {
                keys.push(key);
                patterns.push(p);
            }
            MatchMapEntry::Rest(name, span) if &*name == "_" => {
                return Err(SyntaxError::syntax("invalid syntax", span));
            }
            MatchMapEntry::Rest(name, _) => rest = Some(name),
        }
    }
    Ok(pattern(PatternKind::MatchMapping { keys, patterns, rest }, l, r))
}

pub fn class_pattern(cls: Expr, args: Vec<MatchClassArg>, l: usize, r: usize) -> Result<Pattern> {
    let mut patterns = Vec::new();
    let mut kwd_attrs = Vec::new();
    let mut kwd_patterns = Vec::new();
    for arg in args {
        match arg {
            MatchClassArg::Positional(p) => {
                if !kwd_attrs.is_empty() {
                    return Err(SyntaxError::syntax("positional patterns follow keyword patterns", p.span));
                }
                patterns.push(p);
            }
            MatchClassArg::Keyword(name, p) => {
                kwd_attrs.push(name);
                kwd_patterns.push(p);
            }
        }
    }
    let kind = PatternKind::MatchClass { cls: Box::new(cls), patterns, kwd_attrs, kwd_patterns };
    Ok(pattern(kind, l, r))
}

/// `-1+2j` in a pattern: a real part, then an imaginary one.
pub fn complex_pattern(real: Expr, op: Operator, imag: Expr, l: usize, r: usize) -> Result<Expr> {
    let real_is_real = match &real.kind {
        ExprKind::UnaryOp { operand, .. } => !is_imaginary(operand),
        _ => !is_imaginary(&real),
    };
    if !real_is_real {
        return Err(SyntaxError::syntax("real number required in complex literal", real.span));
    }
    if !is_imaginary(&imag) {
        return Err(SyntaxError::syntax("imaginary number required in complex literal", imag.span));
    }
    Ok(bin_op(real, op, imag, l, r))
}

fn is_imaginary(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. })
}

