//! Arithmetic on Python's numbers (bool, int, float) without the interpreter:
//! i64 fast paths that overflow into big ints, Python's floor semantics, and
//! CPython's numeric hashes. Errors come back as [`NumErr`] for the caller
//! to raise.

use super::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

pub enum NumErr {
    ZeroDivision(&'static str),
    Overflow(&'static str),
    Value(&'static str),
    /// A result too large to allocate (CPython's MemoryError).
    Memory,
}

pub type NumResult = Result<Value, NumErr>;

/// A number operand, borrowed out of a `Value`.
#[derive(Clone, Copy)]
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

impl<'a> Num<'a> {
    pub fn of(v: &'a Value) -> Option<Num<'a>> {
        match v.builtin_base() {
            Value::Int(i) => Some(Num::Int(*i)),
            Value::Bool(b) => Some(Num::Int(*b as i64)),
            Value::BigInt(b) => Some(Num::Big(b)),
            Value::Float(f) => Some(Num::Float(f.get())),
            _ => None,
        }
    }

    fn big(self) -> BigInt {
        match self {
            Num::Int(i) => BigInt::from(i),
            Num::Big(b) => b.clone(),
            Num::Float(_) => BigInt::zero(),
        }
    }

    pub fn to_f64(self) -> Result<f64, NumErr> {
        match self {
            Num::Int(i) => Ok(i as f64),
            Num::Float(f) => Ok(f),
            Num::Big(b) => big_to_f64(b),
        }
    }
}

pub fn big_to_f64(b: &BigInt) -> Result<f64, NumErr> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(NumErr::Overflow("int too large to convert to float")),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

/// `a op b` for two numbers; `None` when the operator does not apply to
/// these types (the caller then tries dunders or raises TypeError).
pub fn arith(op: ArithOp, a: Num, b: Num) -> Option<NumResult> {
    use Num::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => int_arith(op, x, y),
        (Float(_), _) | (_, Float(_)) => {
            // Floats have no bitwise operators: unsupported before any
            // conversion of a huge int can overflow.
            if matches!(op, ArithOp::And | ArithOp::Or | ArithOp::Xor | ArithOp::LShift | ArithOp::RShift) {
                return None;
            }
            let (x, y) = match (a.to_f64(), b.to_f64()) {
                (Ok(x), Ok(y)) => (x, y),
                (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
            };
            return float_arith(op, x, y);
        }
        _ => big_arith(op, a.big(), b.big()),
    })
}

fn int_arith(op: ArithOp, x: i64, y: i64) -> NumResult {
    use ArithOp::*;
    let r = match op {
        Add => x.checked_add(y),
        Sub => x.checked_sub(y),
        Mul => x.checked_mul(y),
        TrueDiv => {
            if y == 0 {
                return Err(NumErr::ZeroDivision("division by zero"));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Ok(Value::float(x as f64 / y as f64));
            }
            return big_arith(op, BigInt::from(x), BigInt::from(y));
        }
        FloorDiv => {
            if y == 0 {
                return Err(NumErr::ZeroDivision("integer division or modulo by zero"));
            }
            if x == i64::MIN && y == -1 {
                None
            } else {
                Some(x.div_euclid(y) - if y < 0 && x.rem_euclid(y) != 0 { 1 } else { 0 })
            }
        }
        Mod => {
            if y == 0 {
                return Err(NumErr::ZeroDivision("integer modulo by zero"));
            }
            if y == -1 {
                Some(0)
            } else {
                let r = x % y;
                Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
            }
        }
        Pow => {
            if y < 0 {
                return float_arith(Pow, x as f64, y as f64).unwrap_or(Err(NumErr::Value("pow")));
            }
            if y > u32::MAX as i64 {
                None
            } else {
                x.checked_pow(y as u32)
            }
        }
        LShift => {
            if y < 0 {
                return Err(NumErr::Value("negative shift count"));
            }
            if x == 0 {
                Some(0)
            } else if y < 63 && (x << y) >> y == x {
                Some(x << y)
            } else {
                None
            }
        }
        RShift => {
            if y < 0 {
                return Err(NumErr::Value("negative shift count"));
            }
            Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
        }
        And => Some(x & y),
        Or => Some(x | y),
        Xor => Some(x ^ y),
    };
    match r {
        Some(v) => Ok(Value::Int(v)),
        None => big_arith(op, BigInt::from(x), BigInt::from(y)),
    }
}

/// Upper bound on the bits of a shift or power result: a script asking for
/// `1 << 10**12` gets the MemoryError CPython's failed allocation gives,
/// rather than exhausting memory.
const MAX_BITS: u64 = 1 << 34;

fn big_arith(op: ArithOp, x: BigInt, y: BigInt) -> NumResult {
    use ArithOp::*;
    Ok(Value::from_bigint(match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        TrueDiv => {
            if y.is_zero() {
                return Err(NumErr::ZeroDivision("division by zero"));
            }
            return Ok(Value::float(big_true_div(&x, &y)?));
        }
        FloorDiv => {
            if y.is_zero() {
                return Err(NumErr::ZeroDivision("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        Mod => {
            if y.is_zero() {
                return Err(NumErr::ZeroDivision("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        Pow => {
            if y.is_negative() {
                let (a, b) = (big_to_f64(&x)?, big_to_f64(&y)?);
                return float_arith(Pow, a, b).unwrap_or(Err(NumErr::Value("pow")));
            }
            if x.is_zero() || x.is_one() {
                return Ok(Value::from_bigint(if y.is_zero() { BigInt::one() } else { x }));
            }
            if x == BigInt::from(-1) {
                return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
            }
            let e = y.to_u64().filter(|e| e.saturating_mul(x.bits()) <= MAX_BITS);
            match e {
                Some(e) => num_traits::pow(x, e as usize),
                None => return Err(NumErr::Memory),
            }
        }
        LShift => {
            if y.is_negative() {
                return Err(NumErr::Value("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Value::Int(0));
            }
            match y.to_u64().filter(|s| s.saturating_add(x.bits()) <= MAX_BITS) {
                Some(s) => x << s,
                None => return Err(NumErr::Memory),
            }
        }
        RShift => {
            if y.is_negative() {
                return Err(NumErr::Value("negative shift count"));
            }
            match y.to_u64() {
                Some(s) if s < x.bits() + 1 => x >> s,
                _ => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        And => x & y,
        Or => x | y,
        Xor => x ^ y,
    }))
}

/// `x / y` for ints, correctly rounded for operands beyond 2**53.
fn big_true_div(x: &BigInt, y: &BigInt) -> Result<f64, NumErr> {
    if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
        if a.is_finite() && b.is_finite() && a.abs() < 9007199254740992.0 && b.abs() < 9007199254740992.0 {
            return Ok(a / b);
        }
    }
    // Scale so that the quotient has 64+ significant bits, then convert.
    let shift = (x.bits() as i64 - y.bits() as i64) - 66;
    let q = if shift > 0 { x / (y << shift as u64) } else { (x << (-shift) as u64) / y };
    let q = q.to_f64().unwrap_or(f64::INFINITY);
    let r = q * 2f64.powi(shift.clamp(-2000, 2000) as i32);
    if r.is_infinite() {
        return Err(NumErr::Overflow("integer division result too large for a float"));
    }
    // A zero quotient keeps the sign of the division: 0 / -(10**30) is -0.0.
    if r == 0.0 && x.is_negative() != y.is_negative() {
        return Ok(-0.0);
    }
    Ok(r)
}

pub fn float_arith(op: ArithOp, x: f64, y: f64) -> Option<NumResult> {
    use ArithOp::*;
    Some(Ok(Value::float(match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        TrueDiv => {
            if y == 0.0 {
                return Some(Err(NumErr::ZeroDivision("float division by zero")));
            }
            x / y
        }
        FloorDiv => {
            if y == 0.0 {
                return Some(Err(NumErr::ZeroDivision("float floor division by zero")));
            }
            float_divmod(x, y).0
        }
        Mod => {
            if y == 0.0 {
                return Some(Err(NumErr::ZeroDivision("float modulo")));
            }
            float_divmod(x, y).1
        }
        Pow => return Some(float_pow(x, y)),
        _ => return None,
    })))
}

/// Python's `divmod` for floats (floor division, remainder with the divisor's sign).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn float_pow(x: f64, y: f64) -> NumResult {
    if x == 0.0 && y < 0.0 {
        return Err(NumErr::ZeroDivision("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && x.is_finite() && y.fract() != 0.0 && y.is_finite() {
        // CPython returns a complex here; tulip's callers handle that case.
        return Err(NumErr::Value("complex"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(NumErr::Overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Value::float(r))
}

pub fn numeric_eq(a: &Value, b: &Value) -> bool {
    matches!(numeric_cmp(a, b), Some(Ordering::Equal))
}

/// Compares two numbers exactly (an int and a float compare by value, not
/// after rounding the int). `None` for NaN or non-numbers.
pub fn numeric_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    let (x, y) = (Num::of(a)?, Num::of(b)?);
    cmp_num(x, y)
}

pub fn cmp_num(x: Num, y: Num) -> Option<Ordering> {
    use Num::*;
    match (x, y) {
        (Int(a), Int(b)) => Some(a.cmp(&b)),
        (Float(a), Float(b)) => a.partial_cmp(&b),
        (Float(f), other) => cmp_int_float(other, f).map(Ordering::reverse),
        (other, Float(f)) => cmp_int_float(other, f),
        _ => Some(x.big().cmp(&y.big())),
    }
}

fn cmp_int_float(i: Num, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Num::Int(i) = i {
        if i.unsigned_abs() < (1 << 53) {
            return (i as f64).partial_cmp(&f);
        }
    }
    // Compare exactly: floor(f) as a big int, then the fraction.
    let fl = f.floor();
    let fb = BigInt::from(fl as i128);
    let fb = if fl.abs() < 1.7e38 { fb } else { num_bigint::BigInt::from_biguint(if fl < 0.0 { num_bigint::Sign::Minus } else { num_bigint::Sign::Plus }, float_to_biguint(fl.abs())) };
    let ib = i.big();
    match ib.cmp(&fb) {
        Ordering::Equal if f > fl => Some(Ordering::Less),
        o => Some(o),
    }
}

fn float_to_biguint(f: f64) -> num_bigint::BigUint {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = num_bigint::BigUint::from(mant);
    if exp >= 0 {
        m << exp as u64
    } else {
        m >> (-exp) as u64
    }
}

/// `int(f)`: truncation toward zero; the caller rejects NaN and infinities.
pub fn float_to_int(f: f64) -> Value {
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        Value::Int(t as i64)
    } else {
        let sign = if t < 0.0 { num_bigint::Sign::Minus } else { num_bigint::Sign::Plus };
        Value::from_bigint(BigInt::from_biguint(sign, float_to_biguint(t.abs())))
    }
}

const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;

/// CPython's hash of an int: the value modulo 2**61 - 1, keeping the sign.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let a = i.unsigned_abs();
    // Nearly every int is below the modulus: no division for those.
    let m = if a < HASH_MODULUS { a as i64 } else { (a % HASH_MODULUS) as i64 };
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble` for finite values and infinities; NaN hashes
/// by identity in CPython 3.10+, which the caller supplies.
pub fn hash_f64(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { 314159 } else { -314159 });
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 { e % bits } else { bits - 1 - ((-1 - e) % bits) };
    x = ((x << e) & HASH_MODULUS) | (x >> (bits - e));
    let h = (x as i64).wrapping_mul(sign);
    Some(if h == -1 { -2 } else { h })
}

/// C's `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1`.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

pub fn big(v: &Value) -> Option<BigInt> {
    match v.builtin_base() {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}
