//! `ast.dump` of CPython 3.11, byte for byte: the text `tulip --dump-ast` prints
//! and the stdlib acceptance test compares against `python3`.
//!
//! CPython's printer (with its defaults: field names shown, no attributes, no
//! indent) writes `Node(field=value, ...)` with the fields in ASDL order. A
//! field is left out only when its value is None *and* the ASDL marks it
//! optional (`?`); lists are always written, and a None inside a list (the
//! `**` keys of a Dict, missing `kw_defaults`) prints as `None`. Literal values
//! are printed with their Python repr from [`crate::repr`]. tulip's
//! `is_async`/`is_star` flags select the `Async*` and `TryStar` node names.

use crate::ast::{
    Alias, Arg, Arguments, BoolOp, ClassDef, CmpOp, Comprehension, Constant, Conversion,
    ExceptHandler, Expr, ExprContext, ExprKind, FunctionDef, Keyword, MatchCase, Module, Operator,
    Pattern, PatternKind, Stmt, StmtKind, UnaryOp, WithItem,
};
use crate::repr;

/// `ast.dump(ast.parse(source))` for the module parsed from `source`.
pub fn dump_module(module: &Module) -> String {
    let mut dumper = Dumper::default();
    dumper.open("Module");
    dumper.key("body");
    dumper.stmts(&module.body);
    dumper.key("type_ignores");
    dumper.out.push_str("[]");
    dumper.close();
    dumper.out
}

/// `ast.dump(ast.parse(source, mode='eval'))` for the expression parsed from `source`.
pub fn dump_expr(expr: &Expr) -> String {
    let mut dumper = Dumper::default();
    dumper.open("Expression");
    dumper.key("body");
    dumper.expr(expr);
    dumper.close();
    dumper.out
}

/// Accumulates the dump text. A field separator is needed exactly when the text
/// does not end with the `(` that opened the node, since no value ends with `(`.
#[derive(Default)]
struct Dumper {
    out: String,
}

impl Dumper {
    fn open(&mut self, node_name: &str) {
        self.out.push_str(node_name);
        self.out.push('(');
    }

    fn close(&mut self) {
        self.out.push(')');
    }

    /// A node without fields: contexts and operators, `Pass()`, `MatchAs()`.
    fn bare(&mut self, node_name: &str) {
        self.open(node_name);
        self.close();
    }

    fn key(&mut self, field: &str) {
        if !self.out.ends_with('(') {
            self.out.push_str(", ");
        }
        self.out.push_str(field);
        self.out.push('=');
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (index, item) in items.iter().enumerate() {
            if index > 0 {
                self.out.push_str(", ");
            }
            each(self, item);
        }
        self.out.push(']');
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        self.list(stmts, Self::stmt);
    }

    fn exprs(&mut self, exprs: &[Expr]) {
        self.list(exprs, Self::expr);
    }

    fn str(&mut self, text: &str) {
        self.out.push_str(&repr::str_repr(text));
    }

    fn flag(&mut self, value: bool) {
        self.out.push(if value { '1' } else { '0' });
    }

    fn field_expr(&mut self, field: &str, expr: &Expr) {
        self.key(field);
        self.expr(expr);
    }

    fn field_exprs(&mut self, field: &str, exprs: &[Expr]) {
        self.key(field);
        self.exprs(exprs);
    }

    fn field_stmts(&mut self, field: &str, stmts: &[Stmt]) {
        self.key(field);
        self.stmts(stmts);
    }

    fn field_str(&mut self, field: &str, text: &str) {
        self.key(field);
        self.str(text);
    }

    /// An optional (`?`) expression field: left out when absent.
    fn optional_expr(&mut self, field: &str, expr: Option<&Expr>) {
        if let Some(expr) = expr {
            self.field_expr(field, expr);
        }
    }

    /// An optional (`?`) identifier field: left out when absent.
    fn optional_str(&mut self, field: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.field_str(field, text);
        }
    }

    fn field_ctx(&mut self, ctx: ExprContext) {
        self.key("ctx");
        self.bare(context_name(ctx));
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::FunctionDef(def) => self.function_def(def),
            StmtKind::ClassDef(def) => self.class_def(def),
            StmtKind::Return { value } => {
                self.open("Return");
                self.optional_expr("value", value.as_ref());
                self.close();
            }
            StmtKind::Delete { targets } => {
                self.open("Delete");
                self.field_exprs("targets", targets);
                self.close();
            }
            StmtKind::Assign { targets, value } => {
                self.open("Assign");
                self.field_exprs("targets", targets);
                self.field_expr("value", value);
                self.close();
            }
            StmtKind::AugAssign { target, op, value } => {
                self.open("AugAssign");
                self.field_expr("target", target);
                self.key("op");
                self.bare(operator_name(*op));
                self.field_expr("value", value);
                self.close();
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.open("AnnAssign");
                self.field_expr("target", target);
                self.field_expr("annotation", annotation);
                self.optional_expr("value", value.as_ref());
                self.key("simple");
                self.flag(*simple);
                self.close();
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                self.open(if *is_async { "AsyncFor" } else { "For" });
                self.field_expr("target", target);
                self.field_expr("iter", iter);
                self.field_stmts("body", body);
                self.field_stmts("orelse", orelse);
                self.close();
            }
            StmtKind::While { test, body, orelse } => {
                self.test_body_orelse("While", test, body, orelse)
            }
            StmtKind::If { test, body, orelse } => self.test_body_orelse("If", test, body, orelse),
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                self.open(if *is_async { "AsyncWith" } else { "With" });
                self.key("items");
                self.list(items, Self::with_item);
                self.field_stmts("body", body);
                self.close();
            }
            StmtKind::Match { subject, cases } => {
                self.open("Match");
                self.field_expr("subject", subject);
                self.key("cases");
                self.list(cases, Self::match_case);
                self.close();
            }
            StmtKind::Raise { exc, cause } => {
                self.open("Raise");
                self.optional_expr("exc", exc.as_ref());
                self.optional_expr("cause", cause.as_ref());
                self.close();
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                self.open(if *is_star { "TryStar" } else { "Try" });
                self.field_stmts("body", body);
                self.key("handlers");
                self.list(handlers, Self::except_handler);
                self.field_stmts("orelse", orelse);
                self.field_stmts("finalbody", finalbody);
                self.close();
            }
            StmtKind::Assert { test, msg } => {
                self.open("Assert");
                self.field_expr("test", test);
                self.optional_expr("msg", msg.as_ref());
                self.close();
            }
            StmtKind::Import { names } => {
                self.open("Import");
                self.key("names");
                self.list(names, Self::alias);
                self.close();
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.open("ImportFrom");
                self.optional_str("module", module.as_deref());
                self.key("names");
                self.list(names, Self::alias);
                self.key("level");
                self.out.push_str(&level.to_string());
                self.close();
            }
            StmtKind::Global { names } => self.names_stmt("Global", names),
            StmtKind::Nonlocal { names } => self.names_stmt("Nonlocal", names),
            StmtKind::Expr { value } => {
                self.open("Expr");
                self.field_expr("value", value);
                self.close();
            }
            StmtKind::Pass => self.bare("Pass"),
            StmtKind::Break => self.bare("Break"),
            StmtKind::Continue => self.bare("Continue"),
        }
    }

    fn function_def(&mut self, def: &FunctionDef) {
        self.open(if def.is_async {
            "AsyncFunctionDef"
        } else {
            "FunctionDef"
        });
        self.field_str("name", &def.name);
        self.key("args");
        self.arguments(&def.args);
        self.field_stmts("body", &def.body);
        self.field_exprs("decorator_list", &def.decorator_list);
        self.optional_expr("returns", def.returns.as_ref());
        self.close();
    }

    fn class_def(&mut self, def: &ClassDef) {
        self.open("ClassDef");
        self.field_str("name", &def.name);
        self.field_exprs("bases", &def.bases);
        self.key("keywords");
        self.list(&def.keywords, Self::keyword);
        self.field_stmts("body", &def.body);
        self.field_exprs("decorator_list", &def.decorator_list);
        self.close();
    }

    fn test_body_orelse(&mut self, node_name: &str, test: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        self.open(node_name);
        self.field_expr("test", test);
        self.field_stmts("body", body);
        self.field_stmts("orelse", orelse);
        self.close();
    }

    fn names_stmt(&mut self, node_name: &str, names: &[Box<str>]) {
        self.open(node_name);
        self.key("names");
        self.list(names, |dumper, name| dumper.str(name));
        self.close();
    }

    fn expr(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::BoolOp { op, values } => {
                self.open("BoolOp");
                self.key("op");
                self.bare(bool_op_name(*op));
                self.field_exprs("values", values);
                self.close();
            }
            ExprKind::NamedExpr { target, value } => {
                self.open("NamedExpr");
                self.field_expr("target", target);
                self.field_expr("value", value);
                self.close();
            }
            ExprKind::BinOp { left, op, right } => {
                self.open("BinOp");
                self.field_expr("left", left);
                self.key("op");
                self.bare(operator_name(*op));
                self.field_expr("right", right);
                self.close();
            }
            ExprKind::UnaryOp { op, operand } => {
                self.open("UnaryOp");
                self.key("op");
                self.bare(unary_op_name(*op));
                self.field_expr("operand", operand);
                self.close();
            }
            ExprKind::Lambda { args, body } => {
                self.open("Lambda");
                self.key("args");
                self.arguments(args);
                self.field_expr("body", body);
                self.close();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.open("IfExp");
                self.field_expr("test", test);
                self.field_expr("body", body);
                self.field_expr("orelse", orelse);
                self.close();
            }
            ExprKind::Dict { keys, values } => {
                self.open("Dict");
                self.key("keys");
                self.list(keys, |dumper, key| dumper.expr_or_none(key.as_ref()));
                self.field_exprs("values", values);
                self.close();
            }
            ExprKind::Set { elts } => {
                self.open("Set");
                self.field_exprs("elts", elts);
                self.close();
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension_expr("ListComp", elt, generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension_expr("SetComp", elt, generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension_expr("GeneratorExp", elt, generators)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.open("DictComp");
                self.field_expr("key", key);
                self.field_expr("value", value);
                self.key("generators");
                self.list(generators, Self::comprehension);
                self.close();
            }
            ExprKind::Await { value } => self.value_node("Await", value),
            ExprKind::Yield { value } => {
                self.open("Yield");
                self.optional_expr("value", value.as_deref());
                self.close();
            }
            ExprKind::YieldFrom { value } => self.value_node("YieldFrom", value),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.open("Compare");
                self.field_expr("left", left);
                self.key("ops");
                self.list(ops, |dumper, op| dumper.bare(cmp_op_name(*op)));
                self.field_exprs("comparators", comparators);
                self.close();
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.open("Call");
                self.field_expr("func", func);
                self.field_exprs("args", args);
                self.key("keywords");
                self.list(keywords, Self::keyword);
                self.close();
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.open("FormattedValue");
                self.field_expr("value", value);
                self.key("conversion");
                self.out.push_str(conversion_code(*conversion));
                self.optional_expr("format_spec", format_spec.as_deref());
                self.close();
            }
            ExprKind::JoinedStr { values } => {
                self.open("JoinedStr");
                self.field_exprs("values", values);
                self.close();
            }
            ExprKind::Constant {
                value,
                unicode_prefix,
            } => {
                self.open("Constant");
                self.key("value");
                self.constant(value);
                if *unicode_prefix {
                    self.field_str("kind", "u");
                }
                self.close();
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.open("Attribute");
                self.field_expr("value", value);
                self.field_str("attr", attr);
                self.field_ctx(*ctx);
                self.close();
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.open("Subscript");
                self.field_expr("value", value);
                self.field_expr("slice", slice);
                self.field_ctx(*ctx);
                self.close();
            }
            ExprKind::Starred { value, ctx } => {
                self.open("Starred");
                self.field_expr("value", value);
                self.field_ctx(*ctx);
                self.close();
            }
            ExprKind::Name { id, ctx } => {
                self.open("Name");
                self.field_str("id", id);
                self.field_ctx(*ctx);
                self.close();
            }
            ExprKind::List { elts, ctx } => self.sequence("List", elts, *ctx),
            ExprKind::Tuple { elts, ctx } => self.sequence("Tuple", elts, *ctx),
            ExprKind::Slice { lower, upper, step } => {
                self.open("Slice");
                self.optional_expr("lower", lower.as_deref());
                self.optional_expr("upper", upper.as_deref());
                self.optional_expr("step", step.as_deref());
                self.close();
            }
        }
    }

    fn expr_or_none(&mut self, expr: Option<&Expr>) {
        match expr {
            Some(expr) => self.expr(expr),
            None => self.out.push_str("None"),
        }
    }

    fn value_node(&mut self, node_name: &str, value: &Expr) {
        self.open(node_name);
        self.field_expr("value", value);
        self.close();
    }

    fn sequence(&mut self, node_name: &str, elts: &[Expr], ctx: ExprContext) {
        self.open(node_name);
        self.field_exprs("elts", elts);
        self.field_ctx(ctx);
        self.close();
    }

    fn comprehension_expr(&mut self, node_name: &str, elt: &Expr, generators: &[Comprehension]) {
        self.open(node_name);
        self.field_expr("elt", elt);
        self.key("generators");
        self.list(generators, Self::comprehension);
        self.close();
    }

    fn comprehension(&mut self, generator: &Comprehension) {
        self.open("comprehension");
        self.field_expr("target", &generator.target);
        self.field_expr("iter", &generator.iter);
        self.field_exprs("ifs", &generator.ifs);
        self.key("is_async");
        self.flag(generator.is_async);
        self.close();
    }

    fn constant(&mut self, value: &Constant) {
        let text = match value {
            Constant::None => "None".to_owned(),
            Constant::Bool(true) => "True".to_owned(),
            Constant::Bool(false) => "False".to_owned(),
            Constant::Ellipsis => "Ellipsis".to_owned(),
            Constant::Int(value) => repr::int_repr(*value),
            Constant::BigInt(value) => repr::bigint_repr(value),
            Constant::Float(value) => repr::float_repr(*value),
            Constant::Complex { real, imag } => repr::complex_repr(*real, *imag),
            Constant::Str(text) => repr::py_str_repr(text),
            Constant::Bytes(bytes) => repr::bytes_repr(bytes),
        };
        self.out.push_str(&text);
    }

    fn arguments(&mut self, args: &Arguments) {
        self.open("arguments");
        self.key("posonlyargs");
        self.list(&args.posonlyargs, Self::arg);
        self.key("args");
        self.list(&args.args, Self::arg);
        if let Some(vararg) = &args.vararg {
            self.key("vararg");
            self.arg(vararg);
        }
        self.key("kwonlyargs");
        self.list(&args.kwonlyargs, Self::arg);
        self.key("kw_defaults");
        self.list(&args.kw_defaults, |dumper, default| {
            dumper.expr_or_none(default.as_ref())
        });
        if let Some(kwarg) = &args.kwarg {
            self.key("kwarg");
            self.arg(kwarg);
        }
        self.field_exprs("defaults", &args.defaults);
        self.close();
    }

    fn arg(&mut self, arg: &Arg) {
        self.open("arg");
        self.field_str("arg", &arg.arg);
        self.optional_expr("annotation", arg.annotation.as_deref());
        self.close();
    }

    fn keyword(&mut self, keyword: &Keyword) {
        self.open("keyword");
        self.optional_str("arg", keyword.arg.as_deref());
        self.field_expr("value", &keyword.value);
        self.close();
    }

    fn alias(&mut self, alias: &Alias) {
        self.open("alias");
        self.field_str("name", &alias.name);
        self.optional_str("asname", alias.asname.as_deref());
        self.close();
    }

    fn with_item(&mut self, item: &WithItem) {
        self.open("withitem");
        self.field_expr("context_expr", &item.context_expr);
        self.optional_expr("optional_vars", item.optional_vars.as_ref());
        self.close();
    }

    fn except_handler(&mut self, handler: &ExceptHandler) {
        self.open("ExceptHandler");
        self.optional_expr("type", handler.type_.as_ref());
        self.optional_str("name", handler.name.as_deref());
        self.field_stmts("body", &handler.body);
        self.close();
    }

    fn match_case(&mut self, case: &MatchCase) {
        self.open("match_case");
        self.key("pattern");
        self.pattern(&case.pattern);
        self.optional_expr("guard", case.guard.as_ref());
        self.field_stmts("body", &case.body);
        self.close();
    }

    fn patterns(&mut self, field: &str, patterns: &[Pattern]) {
        self.key(field);
        self.list(patterns, Self::pattern);
    }

    fn pattern(&mut self, pattern: &Pattern) {
        match &pattern.kind {
            PatternKind::MatchValue { value } => self.value_node("MatchValue", value),
            PatternKind::MatchSingleton { value } => {
                self.open("MatchSingleton");
                self.key("value");
                self.constant(value);
                self.close();
            }
            PatternKind::MatchSequence { patterns } => {
                self.open("MatchSequence");
                self.patterns("patterns", patterns);
                self.close();
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.open("MatchMapping");
                self.field_exprs("keys", keys);
                self.patterns("patterns", patterns);
                self.optional_str("rest", rest.as_deref());
                self.close();
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.open("MatchClass");
                self.field_expr("cls", cls);
                self.patterns("patterns", patterns);
                self.key("kwd_attrs");
                self.list(kwd_attrs, |dumper, attr| dumper.str(attr));
                self.patterns("kwd_patterns", kwd_patterns);
                self.close();
            }
            PatternKind::MatchStar { name } => {
                self.open("MatchStar");
                self.optional_str("name", name.as_deref());
                self.close();
            }
            PatternKind::MatchAs { pattern, name } => {
                self.open("MatchAs");
                if let Some(pattern) = pattern {
                    self.key("pattern");
                    self.pattern(pattern);
                }
                self.optional_str("name", name.as_deref());
                self.close();
            }
            PatternKind::MatchOr { patterns } => {
                self.open("MatchOr");
                self.patterns("patterns", patterns);
                self.close();
            }
        }
    }
}

fn context_name(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

fn bool_op_name(op: BoolOp) -> &'static str {
    match op {
        BoolOp::And => "And",
        BoolOp::Or => "Or",
    }
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn unary_op_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert",
        UnaryOp::Not => "Not",
        UnaryOp::UAdd => "UAdd",
        UnaryOp::USub => "USub",
    }
}

fn cmp_op_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

/// CPython stores the conversion as the character code of `s`, `r`, `a`, or -1.
fn conversion_code(conversion: Conversion) -> &'static str {
    match conversion {
        Conversion::None => "-1",
        Conversion::Str => "115",
        Conversion::Repr => "114",
        Conversion::Ascii => "97",
    }
}

#[cfg(test)]
mod tests {
    //! Hand-built trees; every expected string was printed by CPython 3.11's
    //! `ast.dump(ast.parse(...))` for the source in the test's comment.
    use super::*;
    use crate::ast::Span;
    use num_bigint::BigInt;

    fn expr(kind: ExprKind) -> Expr {
        crate::depth::bounded_expr(kind, Span::default())
    }

    fn stmt(kind: StmtKind) -> Stmt {
        Stmt {
            kind,
            span: Span::default(),
        }
    }

    fn module(body: Vec<Stmt>) -> Module {
        Module { body }
    }

    fn name(id: &str, ctx: ExprContext) -> Expr {
        expr(ExprKind::Name { id: id.into(), ctx })
    }

    fn load(id: &str) -> Expr {
        name(id, ExprContext::Load)
    }

    fn store(id: &str) -> Expr {
        name(id, ExprContext::Store)
    }

    fn constant(value: Constant) -> Expr {
        expr(ExprKind::Constant {
            value,
            unicode_prefix: false,
        })
    }

    fn int(value: i64) -> Expr {
        constant(Constant::Int(value))
    }

    fn string(text: &str) -> Expr {
        constant(Constant::Str(text.into()))
    }

    fn expr_stmt(value: Expr) -> Stmt {
        stmt(StmtKind::Expr { value })
    }

    fn arg(name: &str) -> Arg {
        Arg {
            arg: name.into(),
            annotation: None,
            span: Span::default(),
        }
    }

    fn keyword(arg: Option<&str>, value: Expr) -> Keyword {
        Keyword {
            arg: arg.map(Into::into),
            value,
            span: Span::default(),
        }
    }

    fn alias(name: &str, asname: Option<&str>) -> Alias {
        Alias {
            name: name.into(),
            asname: asname.map(Into::into),
            span: Span::default(),
        }
    }

    fn pattern(kind: PatternKind) -> Pattern {
        Pattern {
            kind,
            span: Span::default(),
        }
    }

    fn capture(name: &str) -> Pattern {
        pattern(PatternKind::MatchAs {
            pattern: None,
            name: Some(name.into()),
        })
    }

    fn generator(target: Expr, iter: Expr, ifs: Vec<Expr>, is_async: bool) -> Comprehension {
        Comprehension {
            target,
            iter,
            ifs,
            is_async,
        }
    }

    fn case(pattern: Pattern, guard: Option<Expr>) -> MatchCase {
        MatchCase {
            pattern,
            guard,
            body: vec![stmt(StmtKind::Pass)],
        }
    }

    #[test]
    fn assignment() {
        // x = 1
        let tree = module(vec![stmt(StmtKind::Assign {
            targets: vec![store("x")],
            value: int(1),
        })]);
        assert_eq!(
            dump_module(&tree),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"
        );
    }

    #[test]
    fn empty_module() {
        assert_eq!(
            dump_module(&module(vec![])),
            "Module(body=[], type_ignores=[])"
        );
    }

    #[test]
    fn function_with_every_parameter_kind() {
        // def f(a, /, b=2, *args, c, d=3, **kw) -> int:
        //     return
        let args = Arguments {
            posonlyargs: vec![arg("a")],
            args: vec![arg("b")],
            vararg: Some(arg("args")),
            kwonlyargs: vec![arg("c"), arg("d")],
            kw_defaults: vec![None, Some(int(3))],
            kwarg: Some(arg("kw")),
            defaults: vec![int(2)],
        };
        let def = FunctionDef {
            is_async: false,
            name: "f".into(),
            args,
            body: vec![stmt(StmtKind::Return { value: None })],
            decorator_list: vec![],
            returns: Some(load("int")),
        };
        let tree = module(vec![stmt(StmtKind::FunctionDef(Box::new(def)))]);
        assert_eq!(
            dump_module(&tree),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], \
             args=[arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], \
             kw_defaults=[None, Constant(value=3)], kwarg=arg(arg='kw'), defaults=[Constant(value=2)]), \
             body=[Return()], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[])"
        );
    }

    #[test]
    fn async_nodes_take_their_names_from_the_flags() {
        // async def f():
        //     async for i in y:
        //         await i
        //     async with a as b, c:
        //         pass
        let async_for = stmt(StmtKind::For {
            is_async: true,
            target: store("i"),
            iter: load("y"),
            body: vec![expr_stmt(expr(ExprKind::Await {
                value: Box::new(load("i")),
            }))],
            orelse: vec![],
        });
        let async_with = stmt(StmtKind::With {
            is_async: true,
            items: vec![
                WithItem {
                    context_expr: load("a"),
                    optional_vars: Some(store("b")),
                },
                WithItem {
                    context_expr: load("c"),
                    optional_vars: None,
                },
            ],
            body: vec![stmt(StmtKind::Pass)],
        });
        let def = FunctionDef {
            is_async: true,
            name: "f".into(),
            args: Arguments::default(),
            body: vec![async_for, async_with],
            decorator_list: vec![],
            returns: None,
        };
        let tree = module(vec![stmt(StmtKind::FunctionDef(Box::new(def)))]);
        assert_eq!(
            dump_module(&tree),
            "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], \
             kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='i', ctx=Store()), \
             iter=Name(id='y', ctx=Load()), body=[Expr(value=Await(value=Name(id='i', ctx=Load())))], \
             orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), \
             optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], \
             body=[Pass()])], decorator_list=[])], type_ignores=[])"
        );
    }

    #[test]
    fn imports() {
        // from . import a as b
        // from x.y import *
        // import os.path, sys as s
        let tree = module(vec![
            stmt(StmtKind::ImportFrom {
                module: None,
                names: vec![alias("a", Some("b"))],
                level: 1,
            }),
            stmt(StmtKind::ImportFrom {
                module: Some("x.y".into()),
                names: vec![alias("*", None)],
                level: 0,
            }),
            stmt(StmtKind::Import {
                names: vec![alias("os.path", None), alias("sys", Some("s"))],
            }),
        ]);
        assert_eq!(
            dump_module(&tree),
            "Module(body=[ImportFrom(names=[alias(name='a', asname='b')], level=1), \
             ImportFrom(module='x.y', names=[alias(name='*')], level=0), \
             Import(names=[alias(name='os.path'), alias(name='sys', asname='s')])], type_ignores=[])"
        );
    }

    #[test]
    fn try_star_and_bare_except() {
        // try:
        //     pass
        // except* E as e:
        //     pass
        // else:
        //     pass
        // finally:
        //     raise X from y
        let handler = ExceptHandler {
            type_: Some(load("E")),
            name: Some("e".into()),
            body: vec![stmt(StmtKind::Pass)],
            span: Span::default(),
        };
        let bare = ExceptHandler {
            type_: None,
            name: None,
            body: vec![stmt(StmtKind::Pass)],
            span: Span::default(),
        };
        let raise = stmt(StmtKind::Raise {
            exc: Some(load("X")),
            cause: Some(load("y")),
        });
        let tree = module(vec![
            stmt(StmtKind::Try {
                body: vec![stmt(StmtKind::Pass)],
                handlers: vec![handler],
                orelse: vec![stmt(StmtKind::Pass)],
                finalbody: vec![raise],
                is_star: true,
            }),
            stmt(StmtKind::Try {
                body: vec![stmt(StmtKind::Raise {
                    exc: None,
                    cause: None,
                })],
                handlers: vec![bare],
                orelse: vec![],
                finalbody: vec![],
                is_star: false,
            }),
        ]);
        assert_eq!(
            dump_module(&tree),
            "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), \
             name='e', body=[Pass()])], orelse=[Pass()], finalbody=[Raise(exc=Name(id='X', ctx=Load()), \
             cause=Name(id='y', ctx=Load()))]), Try(body=[Raise()], handlers=[ExceptHandler(body=[Pass()])], \
             orelse=[], finalbody=[])], type_ignores=[])"
        );
    }

    #[test]
    fn fstring_with_conversion_and_nested_spec() {
        // f'a{x!r:>{w}}b{y}'
        let spec = expr(ExprKind::JoinedStr {
            values: vec![
                string(">"),
                expr(ExprKind::FormattedValue {
                    value: Box::new(load("w")),
                    conversion: Conversion::None,
                    format_spec: None,
                }),
            ],
        });
        let fstring = expr(ExprKind::JoinedStr {
            values: vec![
                string("a"),
                expr(ExprKind::FormattedValue {
                    value: Box::new(load("x")),
                    conversion: Conversion::Repr,
                    format_spec: Some(Box::new(spec)),
                }),
                string("b"),
                expr(ExprKind::FormattedValue {
                    value: Box::new(load("y")),
                    conversion: Conversion::Ascii,
                    format_spec: None,
                }),
            ],
        });
        assert_eq!(
            dump_module(&module(vec![expr_stmt(fstring)])),
            "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', \
             ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), \
             FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value='b'), \
             FormattedValue(value=Name(id='y', ctx=Load()), conversion=97)]))], type_ignores=[])"
        );
    }

    #[test]
    fn match_patterns() {
        // match p:
        //     case 1 | -2 | 3+4j: pass
        //     case None: pass
        //     case [a, *_, *rest]: pass
        //     case {'k': v, **kw}: pass
        //     case P(x, y=_) if z: pass
        //     case (q as r): pass
        let negative_two = expr(ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand: Box::new(int(2)),
        });
        let complex = expr(ExprKind::BinOp {
            left: Box::new(int(3)),
            op: Operator::Add,
            right: Box::new(constant(Constant::Complex {
                real: 0.0,
                imag: 4.0,
            })),
        });
        let or = pattern(PatternKind::MatchOr {
            patterns: [int(1), negative_two, complex]
                .into_iter()
                .map(|value| {
                    pattern(PatternKind::MatchValue {
                        value: Box::new(value),
                    })
                })
                .collect(),
        });
        let singleton = pattern(PatternKind::MatchSingleton {
            value: Constant::None,
        });
        let sequence = pattern(PatternKind::MatchSequence {
            patterns: vec![
                capture("a"),
                pattern(PatternKind::MatchStar { name: None }),
                pattern(PatternKind::MatchStar {
                    name: Some("rest".into()),
                }),
            ],
        });
        let mapping = pattern(PatternKind::MatchMapping {
            keys: vec![string("k")],
            patterns: vec![capture("v")],
            rest: Some("kw".into()),
        });
        let class = pattern(PatternKind::MatchClass {
            cls: Box::new(load("P")),
            patterns: vec![capture("x")],
            kwd_attrs: vec!["y".into()],
            kwd_patterns: vec![pattern(PatternKind::MatchAs {
                pattern: None,
                name: None,
            })],
        });
        let named = pattern(PatternKind::MatchAs {
            pattern: Some(Box::new(capture("q"))),
            name: Some("r".into()),
        });
        let tree = module(vec![stmt(StmtKind::Match {
            subject: load("p"),
            cases: vec![
                case(or, None),
                case(singleton, None),
                case(sequence, None),
                case(mapping, None),
                case(class, Some(load("z"))),
                case(named, None),
            ],
        })]);
        assert_eq!(
            dump_module(&tree),
            "Module(body=[Match(subject=Name(id='p', ctx=Load()), cases=[match_case(pattern=MatchOr(\
             patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=UnaryOp(op=USub(), \
             operand=Constant(value=2))), MatchValue(value=BinOp(left=Constant(value=3), op=Add(), \
             right=Constant(value=4j)))]), body=[Pass()]), match_case(pattern=MatchSingleton(value=None), \
             body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(), \
             MatchStar(name='rest')]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[\
             Constant(value='k')], patterns=[MatchAs(name='v')], rest='kw'), body=[Pass()]), \
             match_case(pattern=MatchClass(cls=Name(id='P', ctx=Load()), patterns=[MatchAs(name='x')], \
             kwd_attrs=['y'], kwd_patterns=[MatchAs()]), guard=Name(id='z', ctx=Load()), body=[Pass()]), \
             match_case(pattern=MatchAs(pattern=MatchAs(name='q'), name='r'), body=[Pass()])])], \
             type_ignores=[])"
        );
    }

    #[test]
    fn constants() {
        // u'x'; b'\x00"'; None; True; False; ...; 1j; 1.5; 123456789012345678901234567890
        let big: BigInt = "123456789012345678901234567890".parse().unwrap();
        let values = vec![
            expr(ExprKind::Constant {
                value: Constant::Str("x".into()),
                unicode_prefix: true,
            }),
            constant(Constant::Bytes(b"\x00\"".to_vec().into_boxed_slice())),
            constant(Constant::None),
            constant(Constant::Bool(true)),
            constant(Constant::Bool(false)),
            constant(Constant::Ellipsis),
            constant(Constant::Complex {
                real: 0.0,
                imag: 1.0,
            }),
            constant(Constant::Float(1.5)),
            constant(Constant::BigInt(Box::new(big))),
        ];
        assert_eq!(
            dump_module(&module(values.into_iter().map(expr_stmt).collect())),
            "Module(body=[Expr(value=Constant(value='x', kind='u')), Expr(value=Constant(value=b'\\x00\"')), \
             Expr(value=Constant(value=None)), Expr(value=Constant(value=True)), \
             Expr(value=Constant(value=False)), Expr(value=Constant(value=Ellipsis)), \
             Expr(value=Constant(value=1j)), Expr(value=Constant(value=1.5)), \
             Expr(value=Constant(value=123456789012345678901234567890))], type_ignores=[])"
        );
    }

    #[test]
    fn dict_set_lambda() {
        // {**a, 'b': c}; {1, 2}; lambda x, *, y=1: x
        let dict = expr(ExprKind::Dict {
            keys: vec![None, Some(string("b"))],
            values: vec![load("a"), load("c")],
        });
        let set = expr(ExprKind::Set {
            elts: vec![int(1), int(2)],
        });
        let args = Arguments {
            args: vec![arg("x")],
            kwonlyargs: vec![arg("y")],
            kw_defaults: vec![Some(int(1))],
            ..Arguments::default()
        };
        let lambda = expr(ExprKind::Lambda {
            args: Box::new(args),
            body: Box::new(load("x")),
        });
        assert_eq!(
            dump_module(&module(vec![expr_stmt(dict), expr_stmt(set), expr_stmt(lambda)])),
            "Module(body=[Expr(value=Dict(keys=[None, Constant(value='b')], values=[Name(id='a', ctx=Load()), \
             Name(id='c', ctx=Load())])), Expr(value=Set(elts=[Constant(value=1), Constant(value=2)])), \
             Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[arg(arg='y')], \
             kw_defaults=[Constant(value=1)], defaults=[]), body=Name(id='x', ctx=Load())))], type_ignores=[])"
        );
    }

    #[test]
    fn class_with_annotations() {
        // class C(B, metaclass=M):
        //     x: int = 1
        //     (y): str
        let def = ClassDef {
            name: "C".into(),
            bases: vec![load("B")],
            keywords: vec![keyword(Some("metaclass"), load("M"))],
            body: vec![
                stmt(StmtKind::AnnAssign {
                    target: store("x"),
                    annotation: load("int"),
                    value: Some(int(1)),
                    simple: true,
                }),
                stmt(StmtKind::AnnAssign {
                    target: store("y"),
                    annotation: load("str"),
                    value: None,
                    simple: false,
                }),
            ],
            decorator_list: vec![],
        };
        assert_eq!(
            dump_module(&module(vec![stmt(StmtKind::ClassDef(Box::new(def)))])),
            "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', \
             value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store()), \
             annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1), \
             AnnAssign(target=Name(id='y', ctx=Store()), annotation=Name(id='str', ctx=Load()), simple=0)], \
             decorator_list=[])], type_ignores=[])"
        );
    }

    #[test]
    fn subscripts_and_comprehensions() {
        // a[1:2, ::3]; [x async for x in y if x if not x]; {k: v for k, v in z}; (g for g in h); {s for s in t}
        let slices = expr(ExprKind::Tuple {
            elts: vec![
                expr(ExprKind::Slice {
                    lower: Some(Box::new(int(1))),
                    upper: Some(Box::new(int(2))),
                    step: None,
                }),
                expr(ExprKind::Slice {
                    lower: None,
                    upper: None,
                    step: Some(Box::new(int(3))),
                }),
            ],
            ctx: ExprContext::Load,
        });
        let subscript = expr(ExprKind::Subscript {
            value: Box::new(load("a")),
            slice: Box::new(slices),
            ctx: ExprContext::Load,
        });
        let not_x = expr(ExprKind::UnaryOp {
            op: UnaryOp::Not,
            operand: Box::new(load("x")),
        });
        let list_comp = expr(ExprKind::ListComp {
            elt: Box::new(load("x")),
            generators: vec![generator(
                store("x"),
                load("y"),
                vec![load("x"), not_x],
                true,
            )],
        });
        let pair = expr(ExprKind::Tuple {
            elts: vec![store("k"), store("v")],
            ctx: ExprContext::Store,
        });
        let dict_comp = expr(ExprKind::DictComp {
            key: Box::new(load("k")),
            value: Box::new(load("v")),
            generators: vec![generator(pair, load("z"), vec![], false)],
        });
        let generator_exp = expr(ExprKind::GeneratorExp {
            elt: Box::new(load("g")),
            generators: vec![generator(store("g"), load("h"), vec![], false)],
        });
        let set_comp = expr(ExprKind::SetComp {
            elt: Box::new(load("s")),
            generators: vec![generator(store("s"), load("t"), vec![], false)],
        });
        let body = [subscript, list_comp, dict_comp, generator_exp, set_comp]
            .into_iter()
            .map(expr_stmt)
            .collect();
        assert_eq!(
            dump_module(&module(body)),
            "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(\
             lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), \
             ctx=Load())), Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(\
             target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), \
             UnaryOp(op=Not(), operand=Name(id='x', ctx=Load()))], is_async=1)])), Expr(value=DictComp(\
             key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(\
             target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), \
             iter=Name(id='z', ctx=Load()), ifs=[], is_async=0)])), Expr(value=GeneratorExp(elt=Name(id='g', \
             ctx=Load()), generators=[comprehension(target=Name(id='g', ctx=Store()), iter=Name(id='h', \
             ctx=Load()), ifs=[], is_async=0)])), Expr(value=SetComp(elt=Name(id='s', ctx=Load()), \
             generators=[comprehension(target=Name(id='s', ctx=Store()), iter=Name(id='t', ctx=Load()), \
             ifs=[], is_async=0)]))], type_ignores=[])"
        );
    }

    #[test]
    fn simple_statements() {
        // del a.b, c[0]; x += 1; global g; nonlocal n; assert t, 'm'
        // while 1:
        //     break
        // else:
        //     continue
        let attribute = expr(ExprKind::Attribute {
            value: Box::new(load("a")),
            attr: "b".into(),
            ctx: ExprContext::Del,
        });
        let item = expr(ExprKind::Subscript {
            value: Box::new(load("c")),
            slice: Box::new(int(0)),
            ctx: ExprContext::Del,
        });
        let tree = module(vec![
            stmt(StmtKind::Delete {
                targets: vec![attribute, item],
            }),
            stmt(StmtKind::AugAssign {
                target: store("x"),
                op: Operator::Add,
                value: int(1),
            }),
            stmt(StmtKind::Global {
                names: vec!["g".into()],
            }),
            stmt(StmtKind::Nonlocal {
                names: vec!["n".into()],
            }),
            stmt(StmtKind::Assert {
                test: load("t"),
                msg: Some(string("m")),
            }),
            stmt(StmtKind::While {
                test: int(1),
                body: vec![stmt(StmtKind::Break)],
                orelse: vec![stmt(StmtKind::Continue)],
            }),
        ]);
        assert_eq!(
            dump_module(&tree),
            "Module(body=[Delete(targets=[Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Del()), \
             Subscript(value=Name(id='c', ctx=Load()), slice=Constant(value=0), ctx=Del())]), \
             AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), \
             Global(names=['g']), Nonlocal(names=['n']), Assert(test=Name(id='t', ctx=Load()), \
             msg=Constant(value='m')), While(test=Constant(value=1), body=[Break()], orelse=[Continue()])], \
             type_ignores=[])"
        );
    }

    #[test]
    fn operators_and_comparisons() {
        // if a and b or not c: pass
        // elif d < e <= f is not g not in h: x = p / o - n * m
        let and = expr(ExprKind::BoolOp {
            op: BoolOp::And,
            values: vec![load("a"), load("b")],
        });
        let not_c = expr(ExprKind::UnaryOp {
            op: UnaryOp::Not,
            operand: Box::new(load("c")),
        });
        let or = expr(ExprKind::BoolOp {
            op: BoolOp::Or,
            values: vec![and, not_c],
        });
        let compare = expr(ExprKind::Compare {
            left: Box::new(load("d")),
            ops: vec![CmpOp::Lt, CmpOp::LtE, CmpOp::IsNot, CmpOp::NotIn],
            comparators: vec![load("e"), load("f"), load("g"), load("h")],
        });
        let binop = |left, op, right| {
            expr(ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            })
        };
        let value = binop(
            binop(load("p"), Operator::Div, load("o")),
            Operator::Sub,
            binop(load("n"), Operator::Mult, load("m")),
        );
        let inner = stmt(StmtKind::If {
            test: compare,
            body: vec![stmt(StmtKind::Assign {
                targets: vec![store("x")],
                value,
            })],
            orelse: vec![],
        });
        let tree = module(vec![stmt(StmtKind::If {
            test: or,
            body: vec![stmt(StmtKind::Pass)],
            orelse: vec![inner],
        })]);
        assert_eq!(
            dump_module(&tree),
            "Module(body=[If(test=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), \
             Name(id='b', ctx=Load())]), UnaryOp(op=Not(), operand=Name(id='c', ctx=Load()))]), body=[Pass()], \
             orelse=[If(test=Compare(left=Name(id='d', ctx=Load()), ops=[Lt(), LtE(), IsNot(), NotIn()], \
             comparators=[Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), \
             Name(id='h', ctx=Load())]), body=[Assign(targets=[Name(id='x', ctx=Store())], \
             value=BinOp(left=BinOp(left=Name(id='p', ctx=Load()), op=Div(), right=Name(id='o', ctx=Load())), \
             op=Sub(), right=BinOp(left=Name(id='n', ctx=Load()), op=Mult(), right=Name(id='m', ctx=Load()))))], \
             orelse=[])])], type_ignores=[])"
        );
    }

    #[test]
    fn yields_walrus_ifexp_and_calls() {
        // yield; yield x; yield from y; (a := 1); a if b else c; f(*a, b, k=1, **kw); print("it's")
        let walrus = expr(ExprKind::NamedExpr {
            target: Box::new(store("a")),
            value: Box::new(int(1)),
        });
        let if_exp = expr(ExprKind::IfExp {
            test: Box::new(load("b")),
            body: Box::new(load("a")),
            orelse: Box::new(load("c")),
        });
        let call = expr(ExprKind::Call {
            func: Box::new(load("f")),
            args: vec![
                expr(ExprKind::Starred {
                    value: Box::new(load("a")),
                    ctx: ExprContext::Load,
                }),
                load("b"),
            ],
            keywords: vec![keyword(Some("k"), int(1)), keyword(None, load("kw"))],
        });
        let print = expr(ExprKind::Call {
            func: Box::new(load("print")),
            args: vec![string("it's")],
            keywords: vec![],
        });
        let values = vec![
            expr(ExprKind::Yield { value: None }),
            expr(ExprKind::Yield {
                value: Some(Box::new(load("x"))),
            }),
            expr(ExprKind::YieldFrom {
                value: Box::new(load("y")),
            }),
            walrus,
            if_exp,
            call,
            print,
        ];
        assert_eq!(
            dump_module(&module(values.into_iter().map(expr_stmt).collect())),
            "Module(body=[Expr(value=Yield()), Expr(value=Yield(value=Name(id='x', ctx=Load()))), \
             Expr(value=YieldFrom(value=Name(id='y', ctx=Load()))), Expr(value=NamedExpr(target=Name(id='a', \
             ctx=Store()), value=Constant(value=1))), Expr(value=IfExp(test=Name(id='b', ctx=Load()), \
             body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load()))), Expr(value=Call(func=Name(id='f', \
             ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], \
             keywords=[keyword(arg='k', value=Constant(value=1)), keyword(value=Name(id='kw', ctx=Load()))])), \
             Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value=\"it's\")], keywords=[]))], \
             type_ignores=[])"
        );
    }

    #[test]
    fn expression_mode() {
        // ast.parse('x + 1', mode='eval')
        let sum = expr(ExprKind::BinOp {
            left: Box::new(load("x")),
            op: Operator::Add,
            right: Box::new(int(1)),
        });
        assert_eq!(
            dump_expr(&sum),
            "Expression(body=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Constant(value=1)))"
        );
    }

    #[test]
    fn annotated_arguments_and_list_store() {
        // def g(a: int = 1, *b: str, **c: dict) -> None: [x, *y] = z
        let annotated = |name: &str, annotation: &str| Arg {
            annotation: Some(Box::new(load(annotation))),
            ..arg(name)
        };
        let args = Arguments {
            args: vec![annotated("a", "int")],
            vararg: Some(annotated("b", "str")),
            kwarg: Some(annotated("c", "dict")),
            defaults: vec![int(1)],
            ..Arguments::default()
        };
        let target = expr(ExprKind::List {
            elts: vec![
                store("x"),
                expr(ExprKind::Starred {
                    value: Box::new(store("y")),
                    ctx: ExprContext::Store,
                }),
            ],
            ctx: ExprContext::Store,
        });
        let def = FunctionDef {
            is_async: false,
            name: "g".into(),
            args,
            body: vec![stmt(StmtKind::Assign {
                targets: vec![target],
                value: load("z"),
            })],
            decorator_list: vec![load("deco")],
            returns: Some(constant(Constant::None)),
        };
        assert_eq!(
            dump_module(&module(vec![stmt(StmtKind::FunctionDef(Box::new(def)))])),
            "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[arg(arg='a', \
             annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', ctx=Load())), \
             kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='c', annotation=Name(id='dict', ctx=Load())), \
             defaults=[Constant(value=1)]), body=[Assign(targets=[List(elts=[Name(id='x', ctx=Store()), \
             Starred(value=Name(id='y', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='z', \
             ctx=Load()))], decorator_list=[Name(id='deco', ctx=Load())], returns=Constant(value=None))], \
             type_ignores=[])"
        );
    }
}
