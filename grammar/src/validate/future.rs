//! `from __future__` imports, as CPython's `future.c` checks them before any
//! other pass: the leading run of future imports (after an optional
//! docstring) must name known features.

use crate::ast::{Module, Stmt, StmtKind};
use crate::error::SyntaxError;

/// Every feature name `__future__` defines in Python 3.11.
const KNOWN_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// What the leading future imports enable, and which statements they are.
pub(super) struct FutureFeatures {
    /// `from __future__ import annotations`: annotations are never evaluated.
    pub annotations: bool,
    /// How many top-level statements (docstring included) form the valid
    /// leading block of future imports; any other `from __future__` import is late.
    pub leading_statements: usize,
}

/// Validates the leading future imports, as `future_parse` does.
pub(super) fn check_future_imports(module: &Module) -> Result<FutureFeatures, SyntaxError> {
    let mut features = FutureFeatures { annotations: false, leading_statements: 0 };
    let skip_docstring = module.body.first().is_some_and(is_docstring);
    let mut index = usize::from(skip_docstring);
    while let Some(stmt) = module.body.get(index) {
        let StmtKind::ImportFrom { names, .. } = &stmt.kind else { break };
        if !is_future_import(stmt) {
            break;
        }
        for alias in names {
            match &*alias.name {
                "braces" => return Err(SyntaxError::syntax("not a chance", stmt.span)),
                "annotations" => features.annotations = true,
                name if KNOWN_FEATURES.contains(&name) => {}
                name => {
                    let msg = format!("future feature {name} is not defined");
                    return Err(SyntaxError::syntax(msg, stmt.span));
                }
            }
        }
        index += 1;
    }
    features.leading_statements = index;
    Ok(features)
}

/// `from __future__ import ...` (CPython ignores the leading dots).
pub(super) fn is_future_import(stmt: &Stmt) -> bool {
    matches!(&stmt.kind, StmtKind::ImportFrom { module: Some(module), .. } if &**module == "__future__")
}

/// A statement that is a lone string constant.
fn is_docstring(stmt: &Stmt) -> bool {
    use crate::ast::{Constant, ExprKind};
    matches!(&stmt.kind, StmtKind::Expr { value } if matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. }))
}
