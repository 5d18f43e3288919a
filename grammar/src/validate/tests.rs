//! Unit tests of the post-parse checks on hand-built trees (the corpus in
//! tests/syntax_errors/ covers them again through the parser).

use super::validate_module;
use crate::ast::*;

fn span(start: u32) -> Span {
    Span { start, end: start + 1 }
}

fn expr(kind: ExprKind, at: u32) -> Expr {
    Expr { kind, span: span(at), depth: 1 }
}

fn stmt(kind: StmtKind, at: u32) -> Stmt {
    Stmt { kind, span: span(at) }
}

fn name(id: &str, ctx: ExprContext, at: u32) -> Expr {
    expr(ExprKind::Name { id: id.into(), ctx }, at)
}

fn load(id: &str, at: u32) -> Expr {
    name(id, ExprContext::Load, at)
}

fn store(id: &str, at: u32) -> Expr {
    name(id, ExprContext::Store, at)
}

fn arg(id: &str, at: u32) -> Arg {
    Arg { arg: id.into(), annotation: None, span: span(at) }
}

fn function(name: &str, is_async: bool, args: Arguments, body: Vec<Stmt>, at: u32) -> Stmt {
    let def = FunctionDef { is_async, name: name.into(), args, body, decorator_list: vec![], returns: None };
    stmt(StmtKind::FunctionDef(Box::new(def)), at)
}

fn generator(target: Expr, iter: Expr, is_async: bool) -> Comprehension {
    Comprehension { target, iter, ifs: vec![], is_async }
}

/// The message and span start of the module's first error, or "ok".
fn verdict(body: Vec<Stmt>) -> String {
    match validate_module(&Module { body }) {
        Ok(()) => "ok".to_string(),
        Err(e) => format!("{} @{}", e.msg, e.span.start),
    }
}

fn error_kind(body: Vec<Stmt>) -> Option<crate::error::ErrorKind> {
    validate_module(&Module { body }).err().map(|e| e.kind)
}

#[test]
fn return_outside_function() {
    assert_eq!(verdict(vec![stmt(StmtKind::Return { value: None }, 3)]), "'return' outside function @3");
    let def = function("f", false, Arguments::default(), vec![stmt(StmtKind::Return { value: None }, 9)], 0);
    assert_eq!(verdict(vec![def]), "ok");
}

#[test]
fn break_in_function_nested_in_loop_is_outside_loop() {
    let def = function("f", false, Arguments::default(), vec![stmt(StmtKind::Break, 20)], 10);
    let body = vec![def, stmt(StmtKind::Continue, 30)];
    let loop_ = stmt(StmtKind::While { test: load("x", 6), body, orelse: vec![] }, 0);
    assert_eq!(verdict(vec![loop_]), "'break' outside loop @20");
}

#[test]
fn symtable_errors_come_before_compiler_errors() {
    let args = Arguments { args: vec![arg("x", 12)], ..Arguments::default() };
    let global = stmt(StmtKind::Global { names: vec!["x".into()] }, 15);
    let body = vec![stmt(StmtKind::Return { value: None }, 0), function("f", false, args, vec![global], 8)];
    assert_eq!(verdict(body), "name 'x' is parameter and global @15");
}

#[test]
fn nonlocal_needs_an_enclosing_binding() {
    assert_eq!(
        verdict(vec![stmt(StmtKind::Nonlocal { names: vec!["x".into()] }, 4)]),
        "nonlocal declaration not allowed at module level @4"
    );
    let inner = function("g", false, Arguments::default(), vec![stmt(StmtKind::Nonlocal { names: vec!["x".into()] }, 30)], 20);
    let assign = stmt(StmtKind::Assign { targets: vec![store("x", 10)], value: load("y", 14) }, 10);
    assert_eq!(verdict(vec![function("f", false, Arguments::default(), vec![assign, inner.clone()], 0)]), "ok");
    assert_eq!(
        verdict(vec![function("f", false, Arguments::default(), vec![inner], 0)]),
        "no binding for nonlocal 'x' found @30"
    );
}

#[test]
fn duplicate_parameter() {
    let args = Arguments { args: vec![arg("a", 6)], kwonlyargs: vec![arg("a", 12)], kw_defaults: vec![None], ..Arguments::default() };
    assert_eq!(verdict(vec![function("f", false, args, vec![stmt(StmtKind::Pass, 20)], 0)]), "duplicate argument 'a' in function definition @12");
}

#[test]
fn yield_inside_comprehension() {
    let yield_ = expr(ExprKind::Yield { value: None }, 12);
    let comp = expr(ExprKind::SetComp { elt: Box::new(yield_), generators: vec![generator(store("x", 20), load("y", 25), false)] }, 10);
    let body = vec![stmt(StmtKind::Expr { value: comp }, 10)];
    assert_eq!(verdict(vec![function("f", false, Arguments::default(), body, 0)]), "'yield' inside set comprehension @12");
}

#[test]
fn walrus_cannot_rebind_iteration_variable() {
    let walrus = expr(ExprKind::NamedExpr { target: Box::new(store("x", 2)), value: Box::new(load("y", 7)) }, 1);
    let comp = expr(ExprKind::ListComp { elt: Box::new(walrus), generators: vec![generator(store("x", 14), load("z", 19), false)] }, 0);
    assert_eq!(
        verdict(vec![stmt(StmtKind::Expr { value: comp }, 0)]),
        "assignment expression cannot rebind comprehension iteration variable 'x' @2"
    );
}

#[test]
fn await_in_comprehension_needs_async_function() {
    let await_ = expr(ExprKind::Await { value: Box::new(load("x", 16)) }, 10);
    let comp = expr(ExprKind::ListComp { elt: Box::new(await_), generators: vec![generator(store("x", 20), load("y", 25), false)] }, 9);
    let body = vec![stmt(StmtKind::Expr { value: comp }, 9)];
    assert_eq!(
        verdict(vec![function("f", false, Arguments::default(), body.clone(), 0)]),
        "asynchronous comprehension outside of an asynchronous function @9"
    );
    assert_eq!(verdict(vec![function("f", true, Arguments::default(), body, 0)]), "ok");
}

#[test]
fn starred_assignment_targets() {
    let starred = |id: &str, at| expr(ExprKind::Starred { value: Box::new(store(id, at + 1)), ctx: ExprContext::Store }, at);
    let tuple = expr(ExprKind::Tuple { elts: vec![starred("a", 0), starred("b", 4)], ctx: ExprContext::Store }, 0);
    let assign = stmt(StmtKind::Assign { targets: vec![tuple], value: load("c", 9) }, 0);
    assert_eq!(verdict(vec![assign]), "multiple starred expressions in assignment @0");
    let lone = stmt(StmtKind::Assign { targets: vec![starred("a", 0)], value: load("c", 5) }, 0);
    assert_eq!(verdict(vec![lone]), "starred assignment target must be in a list or tuple @0");
}

#[test]
fn bare_except_must_be_last() {
    let handler = |type_: Option<Expr>, at| ExceptHandler { type_, name: None, body: vec![stmt(StmtKind::Pass, at + 8)], span: span(at) };
    let try_ = StmtKind::Try {
        body: vec![stmt(StmtKind::Pass, 5)],
        handlers: vec![handler(None, 10), handler(Some(load("E", 27)), 20)],
        orelse: vec![],
        finalbody: vec![],
        is_star: false,
    };
    assert_eq!(verdict(vec![stmt(try_, 0)]), "default 'except:' must be last @10");
}

#[test]
fn debug_cannot_be_assigned() {
    let assign = stmt(StmtKind::Assign { targets: vec![store("__debug__", 0)], value: load("x", 12) }, 0);
    assert_eq!(verdict(vec![assign]), "cannot assign to __debug__ @0");
}

#[test]
fn mapping_pattern_duplicate_keys_compare_like_python() {
    let int = |v, at| expr(ExprKind::Constant { value: Constant::Int(v), unicode_prefix: false }, at);
    let truth = expr(ExprKind::Constant { value: Constant::Bool(true), unicode_prefix: false }, 20);
    let capture = |id: &str, at| Pattern { kind: PatternKind::MatchAs { pattern: None, name: Some(id.into()) }, span: span(at) };
    let mapping = PatternKind::MatchMapping { keys: vec![int(1, 10), truth], patterns: vec![capture("a", 13), capture("b", 26)], rest: None };
    let case = MatchCase { pattern: Pattern { kind: mapping, span: span(9) }, guard: None, body: vec![stmt(StmtKind::Pass, 30)] };
    let match_ = stmt(StmtKind::Match { subject: load("x", 6), cases: vec![case] }, 0);
    assert_eq!(verdict(vec![match_]), "mapping pattern checks duplicate key (True) @9");
}

#[test]
fn irrefutable_case_must_be_last() {
    let capture = Pattern { kind: PatternKind::MatchAs { pattern: None, name: Some("y".into()) }, span: span(10) };
    let one = Pattern { kind: PatternKind::MatchValue { value: Box::new(expr(ExprKind::Constant { value: Constant::Int(1), unicode_prefix: false }, 30)) }, span: span(30) };
    let cases = vec![
        MatchCase { pattern: capture, guard: None, body: vec![stmt(StmtKind::Pass, 15)] },
        MatchCase { pattern: one, guard: None, body: vec![stmt(StmtKind::Pass, 35)] },
    ];
    let match_ = stmt(StmtKind::Match { subject: load("x", 6), cases }, 0);
    assert_eq!(verdict(vec![match_]), "name capture 'y' makes remaining patterns unreachable @10");
}

#[test]
fn nesting_deeper_than_cpython_compiles_is_refused() {
    let nested = |depth: u32| {
        let mut e = load("y", 0);
        for _ in 1..depth {
            e = expr(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(e) }, 0);
        }
        vec![stmt(StmtKind::Expr { value: e }, 0)]
    };
    assert_eq!(verdict(nested(2999)), "ok");
    assert_eq!(verdict(nested(3000)), "maximum recursion depth exceeded during compilation @0");
    assert_eq!(error_kind(nested(3000)), Some(crate::error::ErrorKind::RecursionError));
}
