//! `match` patterns, as CPython's `compiler_pattern*` functions check them:
//! irrefutable patterns that make later ones unreachable, names bound twice,
//! `|` alternatives binding different names, repeated starred names, class
//! keywords and mapping keys. Mapping keys are compared with Python's
//! equality after CPython's constant folding (`-1`, `1+2j`).

use super::compile::{check_name, error, Check};
use crate::ast::*;
use crate::repr;
use num_bigint::BigInt;
use num_traits::FromPrimitive;

/// The state CPython's `pattern_context` carries for error checking.
pub(super) struct PatternChecker<'a> {
    /// Names bound so far by the pattern.
    stores: Vec<&'a str>,
    /// Whether an irrefutable pattern is acceptable here.
    allow_irrefutable: bool,
}

impl<'a> PatternChecker<'a> {
    /// A checker for a case pattern; irrefutable ones are allowed only in a
    /// guarded or the last case.
    pub(super) fn new(allow_irrefutable: bool) -> PatternChecker<'a> {
        PatternChecker { stores: Vec::new(), allow_irrefutable }
    }

    pub(super) fn check(&mut self, pattern: &'a Pattern) -> Check {
        let span = pattern.span;
        match &pattern.kind {
            PatternKind::MatchValue { value } => {
                if folded_constant(value).is_none() && !matches!(value.kind, ExprKind::Attribute { .. }) {
                    return Err(error("patterns may only match literals and attribute lookups", span));
                }
                Ok(())
            }
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } => {
                let stars = patterns.iter().filter(|p| matches!(p.kind, PatternKind::MatchStar { .. })).count();
                if stars > 1 {
                    return Err(error("multiple starred names in sequence pattern", span));
                }
                patterns.iter().try_for_each(|p| self.subpattern(p))
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                check_mapping_keys(keys, span)?;
                patterns.iter().try_for_each(|p| self.subpattern(p))?;
                self.store(rest.as_deref(), span)
            }
            PatternKind::MatchClass { patterns, kwd_attrs, kwd_patterns, .. } => {
                check_class_keywords(kwd_attrs, kwd_patterns)?;
                patterns.iter().chain(kwd_patterns).try_for_each(|p| self.subpattern(p))
            }
            PatternKind::MatchStar { name } => self.store(name.as_deref(), span),
            PatternKind::MatchAs { pattern: None, name } => {
                if !self.allow_irrefutable {
                    let msg = match name {
                        Some(name) => format!("name capture '{name}' makes remaining patterns unreachable"),
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(error(msg, span));
                }
                self.store(name.as_deref(), span)
            }
            PatternKind::MatchAs { pattern: Some(inner), name } => {
                self.check(inner)?;
                self.store(name.as_deref(), span)
            }
            PatternKind::MatchOr { patterns } => self.alternatives(patterns),
        }
    }

    /// Inside a sequence, mapping or class pattern anything may be irrefutable.
    fn subpattern(&mut self, pattern: &'a Pattern) -> Check {
        let outer = std::mem::replace(&mut self.allow_irrefutable, true);
        self.check(pattern)?;
        self.allow_irrefutable = outer;
        Ok(())
    }

    /// `pattern_helper_store_name`.
    fn store(&mut self, name: Option<&'a str>, span: Span) -> Check {
        let Some(name) = name else { return Ok(()) };
        check_name(name, ExprContext::Store, span)?;
        if self.stores.contains(&name) {
            return Err(error(format!("multiple assignments to name '{name}' in pattern"), span));
        }
        self.stores.push(name);
        Ok(())
    }

    /// `compiler_pattern_or`: only the last alternative may be irrefutable,
    /// and every alternative binds the names of the first.
    fn alternatives(&mut self, alternatives: &'a [Pattern]) -> Check {
        let outer_stores = std::mem::take(&mut self.stores);
        let outer_allow = self.allow_irrefutable;
        let mut control: Option<Vec<&'a str>> = None;
        let mut last_span = Span::default();
        for (index, alternative) in alternatives.iter().enumerate() {
            self.allow_irrefutable = outer_allow && index + 1 == alternatives.len();
            self.check(alternative)?;
            let stores = std::mem::take(&mut self.stores);
            last_span = alternative.span;
            match &control {
                None => control = Some(stores),
                Some(first) if first.len() == stores.len() && first.iter().all(|n| stores.contains(n)) => {}
                Some(_) => return Err(error("alternative patterns bind different names", alternative.span)),
            }
        }
        self.stores = outer_stores;
        self.allow_irrefutable = outer_allow;
        for name in control.unwrap_or_default() {
            if self.stores.contains(&name) {
                return Err(error(format!("multiple assignments to name '{name}' in pattern"), last_span));
            }
            self.stores.push(name);
        }
        Ok(())
    }
}

/// `validate_kwd_attrs`: keyword names are stored and may not repeat.
fn check_class_keywords(attrs: &[Ident], patterns: &[Pattern]) -> Check {
    for (index, (attr, pattern)) in attrs.iter().zip(patterns).enumerate() {
        check_name(attr, ExprContext::Store, pattern.span)?;
        let repeated = attrs.iter().zip(patterns).skip(index + 1).find(|(other, _)| *other == attr);
        if let Some((_, other_pattern)) = repeated {
            return Err(error(format!("attribute name repeated in class pattern: {attr}"), other_pattern.span));
        }
    }
    Ok(())
}

/// Mapping keys must be literals or attribute lookups, no literal twice.
fn check_mapping_keys(keys: &[Expr], span: Span) -> Check {
    let mut seen: Vec<Folded> = Vec::new();
    for key in keys {
        match folded_constant(key) {
            Some(value) => {
                if seen.iter().any(|earlier| earlier.python_eq(&value)) {
                    return Err(error(format!("mapping pattern checks duplicate key ({})", value.repr()), span));
                }
                seen.push(value);
            }
            None if matches!(key.kind, ExprKind::Attribute { .. }) => {}
            None => return Err(error("mapping pattern keys may only match literals and attribute lookups", span)),
        }
    }
    Ok(())
}

/// A literal's value after CPython's AST optimizer folded signs and complex sums.
#[derive(Clone, Debug, PartialEq)]
enum Folded<'a> {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(&'a PyStr),
    Bytes(&'a [u8]),
}

impl Folded<'_> {
    /// The value as a complex number, for numeric comparisons.
    fn as_number(&self) -> Option<(NumberPart, f64)> {
        match self {
            Folded::Bool(b) => Some((NumberPart::Int(BigInt::from(u8::from(*b))), 0.0)),
            Folded::Int(i) => Some((NumberPart::Int(i.clone()), 0.0)),
            Folded::Float(f) => Some((NumberPart::Float(*f), 0.0)),
            Folded::Complex(re, im) => Some((NumberPart::Float(*re), *im)),
            _ => None,
        }
    }

    /// Python's `==` between two literal values (as a `set` sees it).
    fn python_eq(&self, other: &Folded<'_>) -> bool {
        match (self.as_number(), other.as_number()) {
            (Some((re_a, im_a)), Some((re_b, im_b))) => im_a == im_b && re_a.equals(&re_b),
            (None, None) => self == other,
            _ => false,
        }
    }

    fn repr(&self) -> String {
        match self {
            Folded::None => "None".to_string(),
            Folded::Bool(true) => "True".to_string(),
            Folded::Bool(false) => "False".to_string(),
            Folded::Ellipsis => "Ellipsis".to_string(),
            Folded::Int(i) => repr::bigint_repr(i),
            Folded::Float(f) => repr::float_repr(*f),
            Folded::Complex(re, im) => repr::complex_repr(*re, *im),
            Folded::Str(s) => repr::py_str_repr(s),
            Folded::Bytes(b) => repr::bytes_repr(b),
        }
    }
}

#[derive(Debug)]
enum NumberPart {
    Int(BigInt),
    Float(f64),
}

impl NumberPart {
    fn equals(&self, other: &NumberPart) -> bool {
        match (self, other) {
            (NumberPart::Int(a), NumberPart::Int(b)) => a == b,
            (NumberPart::Float(a), NumberPart::Float(b)) => a == b,
            (NumberPart::Int(i), NumberPart::Float(f)) | (NumberPart::Float(f), NumberPart::Int(i)) => {
                f.fract() == 0.0 && BigInt::from_f64(*f).as_ref() == Some(i)
            }
        }
    }
}

fn constant_value(value: &Constant) -> Folded<'_> {
    match value {
        Constant::None => Folded::None,
        Constant::Bool(b) => Folded::Bool(*b),
        Constant::Ellipsis => Folded::Ellipsis,
        Constant::Int(i) => Folded::Int(BigInt::from(*i)),
        Constant::BigInt(i) => Folded::Int((**i).clone()),
        Constant::Float(f) => Folded::Float(*f),
        Constant::Complex { real, imag } => Folded::Complex(*real, *imag),
        Constant::Str(s) => Folded::Str(s),
        Constant::Bytes(b) => Folded::Bytes(b),
    }
}

/// The constant an expression folds to, if it is a literal, a negated number,
/// or a real number plus or minus an imaginary one.
fn folded_constant(expr: &Expr) -> Option<Folded<'_>> {
    match &expr.kind {
        ExprKind::Constant { value, .. } => Some(constant_value(value)),
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => match folded_constant(operand)? {
            Folded::Int(i) => Some(Folded::Int(-i)),
            Folded::Float(f) => Some(Folded::Float(-f)),
            Folded::Complex(re, im) => Some(Folded::Complex(-re, -im)),
            _ => None,
        },
        ExprKind::BinOp { left, op: op @ (Operator::Add | Operator::Sub), right } => {
            let real = match folded_constant(left)? {
                Folded::Int(i) => num_traits::ToPrimitive::to_f64(&i)?,
                Folded::Float(f) => f,
                _ => return None,
            };
            let Folded::Complex(re, im) = folded_constant(right)? else { return None };
            match op {
                Operator::Add => Some(Folded::Complex(real + re, 0.0 + im)),
                _ => Some(Folded::Complex(real - re, 0.0 - im)),
            }
        }
        _ => None,
    }
}
