//! `math`: CPython 3.11's math module, with its special-value handling and
//! error messages ("math domain error", "math range error").

use super::def;
use crate::builtins::numbers::float_to_int_checked;
use crate::compile::ir::BinOp;
use crate::eval::Vm;
use crate::runtime::int::ArithOp;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    // The C library's versions (Rust's own `f64::asinh` etc. round differently).
    #[link_name = "asinh"]
    fn c_asinh(x: f64) -> f64;
    #[link_name = "acosh"]
    fn c_acosh(x: f64) -> f64;
    #[link_name = "atanh"]
    fn c_atanh(x: f64) -> f64;
}

fn m_asinh(x: f64) -> f64 {
    unsafe { c_asinh(x) }
}

fn m_acosh(x: f64) -> f64 {
    unsafe { c_acosh(x) }
}

fn m_atanh(x: f64) -> f64 {
    unsafe { c_atanh(x) }
}

/// The C library's `cbrt` (the binary's own copy, from the Rust runtime,
/// rounds differently from the one CPython calls).
fn m_cbrt(x: f64) -> f64 {
    use std::sync::OnceLock;
    static CBRT: OnceLock<Option<extern "C" fn(f64) -> f64>> = OnceLock::new();
    let f = CBRT.get_or_init(|| unsafe {
        let lib = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY);
        if lib.is_null() {
            return None;
        }
        let sym = libc::dlsym(lib, c"cbrt".as_ptr());
        if sym.is_null() {
            None
        } else {
            Some(std::mem::transmute::<*mut libc::c_void, extern "C" fn(f64) -> f64>(sym))
        }
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let set = |n: &str, v: Value| d.set_str(vm.intern(n), v);
    set("pi", Value::float(std::f64::consts::PI));
    set("e", Value::float(std::f64::consts::E));
    set("tau", Value::float(std::f64::consts::TAU));
    set("inf", Value::float(f64::INFINITY));
    set("nan", Value::float(f64::NAN));
    let table: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("exp2", exp2),
        ("expm1", expm1),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("fabs", fabs),
        ("log1p", log1p),
        ("erf", erf_),
        ("erfc", erfc_),
        ("gamma", gamma),
        ("lgamma", lgamma),
        ("atan2", atan2),
        ("copysign", copysign),
        ("remainder", remainder),
        ("fmod", fmod),
        ("pow", pow),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("isclose", isclose),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("degrees", degrees),
        ("radians", radians),
        ("hypot", hypot),
        ("dist", dist),
        ("fsum", fsum),
        ("prod", prod),
        ("factorial", factorial),
        ("gcd", gcd),
        ("lcm", lcm),
        ("isqrt", isqrt),
        ("comb", comb),
        ("perm", perm),
        ("nextafter", nextafter),
        ("ulp", ulp),
    ];
    for &(name, f) in table {
        def(vm, d, name, f);
    }
    Ok(())
}

// ----- argument helpers -----

fn float_arg(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f.get()),
        Value::Int(i) => Ok(*i as f64),
        _ => vm.to_float(v),
    }
}

fn domain(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// `math_1`: NaN from non-NaN is a domain error; inf from finite is a range
/// error when the function can overflow, else a domain error.
fn math_1(vm: &Vm, x: &Value, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = float_arg(vm, x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::float(r))
}

/// Result and "errno" of functions that report their own errors.
enum Errno {
    Ok,
    Dom,
    Range,
}

fn check_errno(vm: &Vm, r: f64, e: Errno) -> PyResult<Value> {
    match e {
        Errno::Ok => Ok(Value::float(r)),
        Errno::Dom => Err(domain(vm)),
        Errno::Range => {
            if r.abs() < 1.5 {
                Ok(Value::float(r))
            } else {
                Err(range(vm))
            }
        }
    }
}

fn math_2(vm: &Vm, [x, y]: [&Value; 2], f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let x = float_arg(vm, x)?;
    let y = float_arg(vm, y)?;
    let r = f(x, y);
    let e = if r.is_nan() {
        if !x.is_nan() && !y.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        }
    } else if r.is_infinite() {
        if x.is_finite() && y.is_finite() {
            Errno::Range
        } else {
            Errno::Ok
        }
    } else {
        Errno::Ok
    };
    check_errno(vm, r, e)
}

macro_rules! func1 {
    ($name:ident, $f:expr, $overflow:expr) => {
        fn $name(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
            let ([x], []) = crate::sig!(concat!("math.", stringify!($name)), "x, /").bind(vm, a, kw)?;
            math_1(vm, x, $f, $overflow)
        }
    };
}

func1!(sqrt, f64::sqrt, false);
func1!(exp, f64::exp, true);
func1!(exp2, f64::exp2, true);
func1!(expm1, f64::exp_m1, true);
func1!(sin, f64::sin, false);
func1!(cos, f64::cos, false);
func1!(tan, f64::tan, false);
func1!(asin, f64::asin, false);
func1!(acos, f64::acos, false);
func1!(atan, f64::atan, false);
func1!(sinh, f64::sinh, true);
func1!(cosh, f64::cosh, true);
func1!(tanh, f64::tanh, false);
func1!(asinh, m_asinh, false);
func1!(acosh, m_acosh, false);
func1!(atanh, m_atanh, false);
func1!(cbrt, m_cbrt, false);
func1!(fabs, f64::abs, false);
func1!(log1p, m_log1p, false);

fn m_log1p(x: f64) -> f64 {
    if x == 0.0 {
        return x;
    }
    x.ln_1p()
}

fn erf_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.erf", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    Ok(Value::float(unsafe { erf(x) }))
}

fn erfc_(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.erfc", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    Ok(Value::float(unsafe { erfc(x) }))
}

// ----- gamma (Lanczos approximation, as CPython) -----

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
    1925.0, 66.0, 1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

fn tgamma(x: f64) -> (f64, Errno) {
    use std::f64::consts::PI;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= 23.0 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { Errno::Range } else { Errno::Ok });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
}

fn m_lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::Ok);
        }
        return (f64::INFINITY, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::Ok);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::Ok })
}

fn gamma(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.gamma", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    let (r, e) = tgamma(x);
    check_errno(vm, r, e)
}

fn lgamma(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.lgamma", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    let (r, e) = m_lgamma(x);
    check_errno(vm, r, e)
}

// ----- two-argument functions -----

fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if 1f64.copysign(x) == 1.0 { (0.25 * PI).copysign(y) } else { (0.75 * PI).copysign(y) };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if 1f64.copysign(x) == 1.0 { 0f64.copysign(y) } else { PI.copysign(y) };
    }
    y.atan2(x)
}

fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn atan2(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (xy, []) = crate::sig!("math.atan2", "x, y, /").bind(vm, a, kw)?;
    math_2(vm, xy, m_atan2)
}

fn copysign(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (xy, []) = crate::sig!("math.copysign", "x, y, /").bind(vm, a, kw)?;
    math_2(vm, xy, f64::copysign)
}

fn remainder(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (xy, []) = crate::sig!("math.remainder", "x, y, /").bind(vm, a, kw)?;
    math_2(vm, xy, m_remainder)
}

fn fmod(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("math.fmod", "x, y, /").bind(vm, a, kw)?;
    let x = float_arg(vm, a[0])?;
    let y = float_arg(vm, a[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::float(r))
}

fn pow(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("math.pow", "x, y, /").bind(vm, a, kw)?;
    let x = float_arg(vm, a[0])?;
    let y = float_arg(vm, a[1])?;
    let mut e = Errno::Ok;
    let r;
    if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            r = if y == 0.0 { 1.0 } else { x };
        } else if y.is_nan() {
            r = if x == 1.0 { 1.0 } else { y };
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            r = if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            };
        } else if x.abs() == 1.0 {
            r = 1.0;
        } else if y > 0.0 && x.abs() > 1.0 {
            r = y;
        } else if y < 0.0 && x.abs() < 1.0 {
            r = -y;
        } else {
            r = 0.0;
        }
    } else {
        r = x.powf(y);
        if r.is_nan() {
            e = Errno::Dom;
        } else if r.is_infinite() {
            e = if x == 0.0 { Errno::Dom } else { Errno::Range };
        }
    }
    check_errno(vm, r, e)
}

// ----- rounding -----

fn to_integral(vm: &Vm, x: &Value, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    match x {
        Value::Float(v) => return float_to_int_checked(vm, f(v.get())),
        Value::Int(_) | Value::BigInt(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    let class = vm.type_of(x);
    if let Some(m) = class.lookup(&vm.intern(dunder)) {
        let bound = vm.bind_descriptor(m, x)?;
        return vm.call(&bound, &[], &[]);
    }
    let v = vm.to_float(x)?;
    float_to_int_checked(vm, f(v))
}

fn floor(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.floor", "x, /").bind(vm, a, kw)?;
    to_integral(vm, x, "__floor__", f64::floor)
}

fn ceil(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.ceil", "x, /").bind(vm, a, kw)?;
    to_integral(vm, x, "__ceil__", f64::ceil)
}

fn trunc(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.trunc", "x, /").bind(vm, a, kw)?;
    let x = x;
    match x {
        Value::Float(v) => return float_to_int_checked(vm, v.get().trunc()),
        Value::Int(_) | Value::BigInt(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    let class = vm.type_of(x);
    match class.lookup(&vm.intern("__trunc__")) {
        Some(m) => {
            let bound = vm.bind_descriptor(m, x)?;
            vm.call(&bound, &[], &[])
        }
        None => Err(vm.type_error(format!("type {} doesn't define __trunc__ method", class.instance_type_name().as_str()))),
    }
}

// ----- classification -----

fn isnan(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.isnan", "x, /").bind(vm, a, kw)?;
    Ok(Value::bool(float_arg(vm, x)?.is_nan()))
}

fn isinf(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.isinf", "x, /").bind(vm, a, kw)?;
    Ok(Value::bool(float_arg(vm, x)?.is_infinite()))
}

fn isfinite(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.isfinite", "x, /").bind(vm, a, kw)?;
    Ok(Value::bool(float_arg(vm, x)?.is_finite()))
}

fn isclose(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x, y], [rel_tol, abs_tol]) =
        crate::sig!("math.isclose", "a, b, *, rel_tol=1e-09, abs_tol=0.0").bind(vm, a, kw)?;
    let (x, y) = (float_arg(vm, x)?, float_arg(vm, y)?);
    let rel_tol = match rel_tol {
        Some(v) => float_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match abs_tol {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::bool(diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol))
}

// ----- decomposition -----

fn modf(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.modf", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    let (frac, int) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    Ok(Value::tuple(vec![Value::float(frac), Value::float(int)]))
}

fn frexp(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.frexp", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    let (m, e) = crate::runtime::int::frexp(x);
    Ok(Value::tuple(vec![Value::float(m), Value::Int(e as i64)]))
}

/// `x * 2**e`, rounded once (C's `ldexp`).
fn ldexp_f(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = crate::runtime::int::frexp(x);
    let ne = ex as i64 + e;
    if ne > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if ne >= -1021 {
        return (m * 2.0) * pow2(ne - 1);
    }
    if ne <= -1075 {
        return 0f64.copysign(x);
    }
    (m * pow2(-1021)) * pow2(ne + 1021)
}

/// `2**e` for -1074 <= e <= 1023, exactly.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

fn ldexp(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("math.ldexp", "x, y, /").bind(vm, a, kw)?;
    let x = float_arg(vm, a[0])?;
    let exp: i64 = match a[1].builtin_base() {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if exp > i32::MAX as i64 {
        return Err(range(vm));
    } else if exp < i32::MIN as i64 {
        0f64.copysign(x)
    } else {
        let r = ldexp_f(x, exp);
        if r.is_infinite() {
            return Err(range(vm));
        }
        r
    };
    Ok(Value::float(r))
}

// ----- logarithms -----

fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.ln()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log2(x: f64) -> f64 {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return x;
        }
        return f64::NAN;
    }
    if x > 0.0 {
        x.log2()
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

fn m_log10(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.log10()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// `loghelper`: exact for huge ints; `math_1(.., can_overflow=0)` otherwise.
fn loghelper(vm: &Vm, x: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let int = match x.builtin_base() {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    };
    if let Some(n) = int {
        if n.sign() != Sign::Plus {
            return Err(domain(vm));
        }
        return Ok(match n.to_f64() {
            Some(v) if v.is_finite() => f(v),
            _ => {
                // n ~= m * 2**e with 0.5 <= m < 1.
                let bits = n.bits();
                let shift = bits.saturating_sub(60);
                let top = (&n >> shift).to_f64().unwrap_or(1.0);
                let (m, e) = crate::runtime::int::frexp(top);
                f(m) + f(2.0) * (e as f64 + shift as f64)
            }
        });
    }
    match math_1(vm, x, f, false)? {
        Value::Float(r) => Ok(r.get()),
        _ => Ok(f64::NAN),
    }
}

fn log(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // PyArg_ParseTuple-era wording, kept by CPython for math.log.
    let ([], [], args) = crate::sig!("math.log", "*args").bind_rest(vm, a, kw)?;
    let (x, base) = match args {
        [x] => (x, None),
        [x, base] => (x, Some(base)),
        _ => return Err(vm.type_error("math.log requires 1 to 2 arguments")),
    };
    let num = loghelper(vm, x, m_log)?;
    let Some(base) = base else {
        return Ok(Value::float(num));
    };
    let den = loghelper(vm, base, m_log)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(Value::float(num / den))
}

fn log2(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.log2", "x, /").bind(vm, a, kw)?;
    Ok(Value::float(loghelper(vm, x, m_log2)?))
}

fn log10(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.log10", "x, /").bind(vm, a, kw)?;
    Ok(Value::float(loghelper(vm, x, m_log10)?))
}

fn degrees(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.degrees", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    Ok(Value::float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.radians", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    Ok(Value::float(x * (std::f64::consts::PI / 180.0)))
}

// ----- norms and sums -----

/// CPython 3.11's `vector_norm`: scaled, compensated, correctly rounded
/// in practice.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let (_, max_e) = crate::runtime::int::frexp(max);
    if max_e >= -1023 {
        let scale = ldexp_f(1.0, -(max_e as i64));
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn hypot(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [], coordinates) = crate::sig!("math.hypot", "*coordinates").bind_rest(vm, a, kw)?;
    let mut coords = Vec::with_capacity(coordinates.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for v in coordinates {
        let x = float_arg(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::float(vector_norm(&coords, max, found_nan)))
}

fn dist(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("math.dist", "p, q, /").bind(vm, a, kw)?;
    let p = vm.collect(a[0])?;
    let q = vm.collect(a[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (x, y) in p.iter().zip(q.iter()) {
        let d = (float_arg(vm, x)? - float_arg(vm, y)?).abs();
        found_nan |= d.is_nan();
        if d > max {
            max = d;
        }
        diffs.push(d);
    }
    Ok(Value::float(vector_norm(&diffs, max, found_nan)))
}

/// Shewchuk's exact summation with CPython's final half-even correction.
fn fsum(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.fsum", "x, /").bind(vm, a, kw)?;
    let seq = x;
    let it = vm.iter(seq)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = vm.next(&it)? {
        let mut x = float_arg(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn prod(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([iterable], [start]) = crate::sig!("math.prod", "iterable, /, *, start=1").bind(vm, a, kw)?;
    let mut acc = start.cloned().unwrap_or(Value::Int(1));
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(BinOp::Arith(ArithOp::Mul), acc, x)?;
    }
    Ok(acc)
}

// ----- integer functions -----

/// `operator.index(v)` as a BigInt.
fn index_big(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match v.builtin_base() {
        Value::Int(i) => return Ok(BigInt::from(*i)),
        Value::Bool(b) => return Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => return Ok((**b).clone()),
        _ => {}
    }
    let class = vm.type_of(v);
    if let Some(m) = class.lookup(&vm.names.index) {
        let r = vm.call(&vm.bind_descriptor(m, v)?, &[], &[])?;
        if let Some(b) = crate::runtime::int::big(&r) {
            return Ok(b);
        }
        return Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r).as_str())));
    }
    Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v).as_str())))
}

fn product_range(lo: u64, hi: u64) -> BigInt {
    // Product of lo..=hi by splitting (balanced multiplication).
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for k in lo..=hi {
            match small.checked_mul(k) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn factorial(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.factorial", "x, /").bind(vm, a, kw)?;
    let x = x;
    if matches!(x, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = index_big(vm, x)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("factorial() argument should not exceed {}", i64::MAX)));
    };
    if n > 1_000_000 {
        return Err(vm.overflow_error("factorial() argument too large"));
    }
    Ok(Value::from_bigint(product_range(1, n.max(1))))
}

fn gcd(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [], integers) = crate::sig!("math.gcd", "*integers").bind_rest(vm, a, kw)?;
    let mut acc = BigInt::zero();
    for v in integers {
        let x = index_big(vm, v)?;
        if !acc.is_one() {
            acc = acc.gcd(&x);
        }
    }
    Ok(Value::from_bigint(acc.abs()))
}

fn lcm(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [], integers) = crate::sig!("math.lcm", "*integers").bind_rest(vm, a, kw)?;
    let mut acc = BigInt::one();
    for (i, v) in integers.iter().enumerate() {
        let x = index_big(vm, v)?;
        if i == 0 {
            acc = x.abs();
        } else if !acc.is_zero() {
            acc = if x.is_zero() { BigInt::zero() } else { acc.lcm(&x).abs() };
        }
    }
    Ok(Value::from_bigint(acc))
}

fn isqrt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.isqrt", "x, /").bind(vm, a, kw)?;
    let n = index_big(vm, x)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn comb(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("math.comb", "n, k, /").bind(vm, a, kw)?;
    let n = index_big(vm, a[0])?;
    let k = index_big(vm, a[1])?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    Ok(Value::from_bigint(binomial(vm, &n, k)?))
}

/// C(n, k) for k <= n - k, by C(n, k) = C(n, j) * C(n - j, k - j) / C(k, j)
/// with j = k / 2, as CPython does: the multiplications are balanced and
/// the one division per level is by a number of about k bits, so large k
/// costs about as much as the result's size, not k times it.
fn binomial(vm: &Vm, n: &BigInt, k: u64) -> PyResult<BigInt> {
    vm.poll()?;
    if k <= 24 {
        if let Some(small) = n.to_u64().and_then(|n| small_binomial(n, k)) {
            return Ok(BigInt::from(small));
        }
        let mut acc = BigInt::one();
        for i in 0..k {
            acc = acc * (n - BigInt::from(i)) / BigInt::from(i + 1);
        }
        return Ok(acc);
    }
    let j = k / 2;
    let left = binomial(vm, n, j)?;
    let right = binomial(vm, &(n - BigInt::from(j)), k - j)?;
    let halves = binomial(vm, &BigInt::from(k), j)?;
    Ok(left * right / halves)
}

fn perm(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, o) = crate::sig!("math.perm", "n, k=None, /").bind(vm, a, kw)?;
    let n = index_big(vm, a[0])?;
    // Both arguments are converted before either is checked; without `k`,
    // CPython computes factorial(n), with factorial's message.
    let k = match o[0] {
        None | Some(Value::None) if n.is_negative() => {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        None | Some(Value::None) => n.clone(),
        Some(v) => index_big(vm, v)?,
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(Value::from_bigint(run_product(vm, &(&n - BigInt::from(k) + 1u32), k)?))
}

/// C(n, k) in machine integers, if no step overflows: each partial
/// product C(n, i) * (n - i) is divisible by i + 1.
fn small_binomial(n: u64, k: u64) -> Option<u128> {
    let mut acc: u128 = 1;
    for i in 0..k as u128 {
        acc = acc.checked_mul(n as u128 - i)? / (i + 1);
    }
    Some(acc)
}

/// The product of the `count` integers from `lo` up, split in balanced
/// halves (`product_range` for short runs that fit in a u64), polling
/// for interrupts between the halves.
fn run_product(vm: &Vm, lo: &BigInt, count: u64) -> PyResult<BigInt> {
    vm.poll()?;
    if count == 0 {
        return Ok(BigInt::one());
    }
    if let Some(first) = lo.to_u64().filter(|_| count <= 1024) {
        if let Some(last) = first.checked_add(count - 1) {
            return Ok(product_range(first, last));
        }
    }
    if count <= 16 {
        return Ok((0..count).map(|i| lo + BigInt::from(i)).product());
    }
    let half = count / 2;
    Ok(run_product(vm, lo, half)? * run_product(vm, &(lo + BigInt::from(half)), count - half)?)
}

// ----- floating-point neighbours -----

fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn nextafter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (a, []) = crate::sig!("math.nextafter", "x, y, /").bind(vm, a, kw)?;
    let x = float_arg(vm, a[0])?;
    let y = float_arg(vm, a[1])?;
    Ok(Value::float(next_toward(x, y)))
}

fn ulp(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([x], []) = crate::sig!("math.ulp", "x, /").bind(vm, a, kw)?;
    let x = float_arg(vm, x)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::float(x));
    }
    let x2 = next_toward(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = next_toward(x, -f64::INFINITY);
        return Ok(Value::float(x - x2));
    }
    Ok(Value::float(x2 - x))
}
