//! `time`: clocks, `sleep`, and the C library's calendar functions
//! (`localtime`, `gmtime`, `mktime`, `strftime`) with `struct_time`.

use super::{def, structseq};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

extern "C" {
    fn tzset();
}

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let set = |n: &str, v: Value| d.set_str(vm.intern(n), v);
    let table: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("thread_time", process_time),
        ("thread_time_ns", process_time_ns),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("strptime", strptime),
        ("asctime", asctime),
        ("ctime", ctime),
    ];
    for &(name, f) in table {
        def(vm, d, name, f);
    }
    set("struct_time", Value::Class(structseq::class(vm, &structseq::STRUCT_TIME)));
    let ((std_off, std_name), (dst_off, dst_name)) = local_zones();
    set("timezone", Value::Int(-std_off));
    set("altzone", Value::Int(-dst_off));
    set("daylight", Value::Int((std_off != dst_off) as i64));
    set("tzname", Value::tuple(vec![Value::string(std_name), Value::string(dst_name)]));
    Ok(())
}

/// The local zone's standard and daylight (offset east of UTC, name), as
/// CPython derives them from January and July of this year.
pub(super) fn local_zones() -> ((i64, String), (i64, String)) {
    let year = tm_of(unix_now().0, true).map(|t| t.tm_year).unwrap_or(124);
    let zone = |mon| tm_at(year, mon).map(|t| (t.tm_gmtoff as i64, zone_name(&t))).unwrap_or((0, "UTC".into()));
    let (jan, jul) = (zone(0), zone(6));
    if jan.0 < jul.0 {
        (jan, jul)
    } else {
        (jul, jan)
    }
}

fn tm_at(year: libc::c_int, mon: libc::c_int) -> Option<libc::tm> {
    let mut t: libc::tm = unsafe { std::mem::zeroed() };
    t.tm_year = year;
    t.tm_mon = mon;
    t.tm_mday = 1;
    t.tm_isdst = -1;
    let secs = unsafe { libc::mktime(&mut t) };
    tm_of(secs, true)
}

fn zone_name(t: &libc::tm) -> String {
    if t.tm_zone.is_null() {
        return String::new();
    }
    unsafe { std::ffi::CStr::from_ptr(t.tm_zone) }.to_string_lossy().into_owned()
}

fn strptime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([data], [format]) = crate::sig!(unpack "strptime", "string, format='%a %b %d %H:%M:%S %Y', /").bind(vm, a, kw)?;
    let text = |i: usize, v: &Value| match v.as_str() {
        Some(s) => Ok(s.as_str().to_string()),
        // CPython's `_strptime` words it so: 0-based, with the type's repr.
        None => Err(vm.type_error(format!("strptime() argument {i} must be str, not <class '{}'>", vm.type_name(v).as_str()))),
    };
    let data = text(0, data)?;
    let format = match format {
        Some(f) => text(1, f)?,
        None => "%a %b %d %H:%M:%S %Y".to_string(),
    };
    let parsed = super::strptime::parse(vm, &data, &format)?;
    let (items, zone, gmtoff) = super::strptime::to_values(vm, &parsed)?;
    Ok(make_struct_time(vm, items, zone, gmtoff))
}

fn make_struct_time(vm: &Vm, items: Vec<Value>, zone: Value, gmtoff: Value) -> Value {
    structseq::make(vm, &structseq::STRUCT_TIME, items, vec![zone, gmtoff])
}

// ----- clocks -----

fn unix_now() -> (i64, u32) {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
        Err(e) => {
            let d = e.duration();
            (-(d.as_secs() as i64) - 1, 1_000_000_000 - d.subsec_nanos())
        }
    }
}

pub(crate) fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn ns_value(ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(num_bigint::BigInt::from(ns)),
    }
}

fn time(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("time.time", "").bind(vm, a, kw)?;
    let (s, ns) = unix_now();
    Ok(Value::float(s as f64 + ns as f64 * 1e-9))
}

fn time_ns(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("time.time_ns", "").bind(vm, a, kw)?;
    let (s, ns) = unix_now();
    Ok(ns_value(s as i128 * 1_000_000_000 + ns as i128))
}

fn monotonic(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("time.monotonic", "").bind(vm, a, kw)?;
    Ok(Value::float(clock_ns(libc::CLOCK_MONOTONIC) as f64 * 1e-9))
}

fn monotonic_ns(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("time.monotonic_ns", "").bind(vm, a, kw)?;
    Ok(ns_value(clock_ns(libc::CLOCK_MONOTONIC)))
}

fn process_time(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("time.process_time", "").bind(vm, a, kw)?;
    Ok(Value::float(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID) as f64 * 1e-9))
}

fn process_time_ns(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], []) = crate::sig!("time.process_time_ns", "").bind(vm, a, kw)?;
    Ok(ns_value(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}

fn sleep(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([secs], []) = crate::sig!("time.sleep", "secs, /").bind(vm, a, kw)?;
    let secs = match secs {
        Value::Float(f) => f.get(),
        Value::Int(i) => *i as f64,
        v if crate::runtime::int::Num::of(v).is_some() => vm.to_float(v)?,
        v => {
            if vm.type_of(v).lookup(&vm.names.float).is_some() || vm.type_of(v).lookup(&vm.names.index).is_some() {
                vm.to_float(v)?
            } else {
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v).as_str())));
            }
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 1e10 {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    // Sleep in slices so an interrupt request is noticed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(secs);
    loop {
        let now = std::time::Instant::now();
        if now >= deadline {
            break;
        }
        if vm.interrupt.get() {
            break;
        }
        let slice = (deadline - now).min(std::time::Duration::from_millis(50));
        vm.allow_threads(move || std::thread::sleep(slice));
    }
    Ok(Value::None)
}

// ----- calendar -----

fn tm_of(secs: i64, local: bool) -> Option<libc::tm> {
    let t = secs as libc::time_t;
    let mut out: libc::tm = unsafe { std::mem::zeroed() };
    let r = unsafe {
        if local {
            tzset();
            libc::localtime_r(&t, &mut out)
        } else {
            libc::gmtime_r(&t, &mut out)
        }
    };
    if r.is_null() {
        None
    } else {
        Some(out)
    }
}

fn tm_to_value(vm: &Vm, t: &libc::tm) -> Value {
    let items = vec![
        Value::Int(t.tm_year as i64 + 1900),
        Value::Int(t.tm_mon as i64 + 1),
        Value::Int(t.tm_mday as i64),
        Value::Int(t.tm_hour as i64),
        Value::Int(t.tm_min as i64),
        Value::Int(t.tm_sec as i64),
        Value::Int((t.tm_wday as i64 + 6) % 7),
        Value::Int(t.tm_yday as i64 + 1),
        Value::Int(t.tm_isdst as i64),
    ];
    make_struct_time(vm, items, Value::string(zone_name(t)), Value::Int(t.tm_gmtoff as i64))
}

/// A `secs` argument: None for now; floats are floored.
fn secs_arg(vm: &Vm, secs: Option<&Value>) -> PyResult<i64> {
    match secs {
        None | Some(Value::None) => Ok(unix_now().0),
        Some(Value::Float(f)) => {
            let f = f.get();
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            let f = f.floor();
            if !(-9.2e18..9.2e18).contains(&f) {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(f as i64)
        }
        Some(v) => match crate::runtime::int::Num::of(v) {
            Some(crate::runtime::int::Num::Int(i)) => Ok(i),
            Some(crate::runtime::int::Num::Big(_)) => Err(vm.overflow_error("timestamp out of range for platform time_t")),
            _ => {
                let f = vm.to_float(v).map_err(|_| {
                    vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v).as_str()))
                })?;
                Ok(f.floor() as i64)
            }
        },
    }
}

fn gmtime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [secs]) = crate::sig!(tuple "gmtime", "secs=None, /").bind(vm, a, kw)?;
    let secs = secs_arg(vm, secs)?;
    match tm_of(secs, false) {
        Some(t) => Ok(tm_to_value(vm, &t)),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

fn localtime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [secs]) = crate::sig!(tuple "localtime", "secs=None, /").bind(vm, a, kw)?;
    let secs = secs_arg(vm, secs)?;
    match tm_of(secs, true) {
        Some(t) => Ok(tm_to_value(vm, &t)),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

/// A struct_time or 9-tuple as a C `tm` (CPython's `gettmarg`).
fn tm_arg(vm: &Vm, fname: &str, v: &Value) -> PyResult<libc::tm> {
    let Some(t) = v.as_tuple() else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    let items = t.items.to_vec();
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (i, item) in items.iter().enumerate() {
        n[i] = match item.builtin_base() {
            Value::Int(x) => *x,
            Value::Bool(b) => *b as i64,
            Value::Float(_) => return Err(vm.type_error("'float' object cannot be interpreted as an integer")),
            other => vm.index_value(other)?,
        };
    }
    let c = |x: i64| -> PyResult<libc::c_int> {
        libc::c_int::try_from(x).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
    };
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = c(n[0] - 1900)?;
    tm.tm_mon = c(n[1] - 1)?;
    tm.tm_mday = c(n[2])?;
    tm.tm_hour = c(n[3])?;
    tm.tm_min = c(n[4])?;
    tm.tm_sec = c(n[5])?;
    tm.tm_wday = c((n[6] + 1).rem_euclid(7))?;
    tm.tm_yday = c(n[7] - 1)?;
    tm.tm_isdst = c(n[8])?;
    if let Value::Instance(i) = v {
        if let Some(d) = &i.dict {
            if let Some(Value::Int(off)) = d.get_str(&vm.intern("tm_gmtoff")) {
                tm.tm_gmtoff = off as _;
            }
        }
    }
    if n[6] < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    Ok(tm)
}

/// CPython's `checktm` after normalising zeros (for strftime/asctime).
fn check_tm(vm: &Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    if tm.tm_isdst < -1 {
        tm.tm_isdst = -1;
    } else if tm.tm_isdst > 1 {
        tm.tm_isdst = 1;
    }
    Ok(())
}

fn mktime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([t], []) = crate::sig!("time.mktime", "t, /").bind(vm, a, kw)?;
    let mut tm = tm_arg(vm, "mktime", t)?;
    tm.tm_wday = -1;
    unsafe { tzset() };
    let r = unsafe { libc::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::float(r as f64))
}

fn strftime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([format], [t]) = crate::sig!(tuple "strftime", "format, tuple=<unset>, /").bind(vm, a, kw)?;
    let Some(fmt) = format.as_str() else {
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {}", vm.type_name(format).as_str())));
    };
    let mut tm = match t {
        Some(t) => tm_arg(vm, "strftime", t)?,
        None => tm_of(unix_now().0, true).ok_or_else(|| vm.overflow_error("timestamp out of range"))?,
    };
    check_tm(vm, &mut tm)?;
    let mut zone = None;
    match t {
        Some(Value::Instance(i)) => {
            if let Some(d) = &i.dict {
                if let Some(z) = d.get_str(&vm.intern("tm_zone")) {
                    zone = z.as_str().map(|z| z.as_str().to_string());
                }
            }
        }
        Some(_) => {}
        None => zone = Some(zone_name(&tm)),
    }
    strftime_with_zone(vm, fmt.as_str(), &mut tm, zone)
}

fn strftime_with_zone(vm: &Vm, fmt: &str, tm: &mut libc::tm, zone: Option<String>) -> PyResult<Value> {
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let zone_c = zone.and_then(|z| std::ffi::CString::new(z).ok());
    if let Some(z) = &zone_c {
        tm.tm_zone = z.as_ptr();
    }
    if fmt.is_empty() {
        return Ok(Value::str(""));
    }
    let Ok(cfmt) = std::ffi::CString::new(fmt) else {
        return Err(vm.value_error("embedded null character"));
    };
    let mut size = 1024usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), tm) };
        if n > 0 || size >= 256 * fmt.len() + 4096 {
            buf.truncate(n);
            return Ok(Value::string(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 2;
    }
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_of(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn asctime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [t]) = crate::sig!(unpack "asctime", "tuple=<unset>, /").bind(vm, a, kw)?;
    let mut tm = match t {
        Some(t) => tm_arg(vm, "asctime", t)?,
        None => tm_of(unix_now().0, true).ok_or_else(|| vm.overflow_error("timestamp out of range"))?,
    };
    check_tm(vm, &mut tm)?;
    Ok(Value::string(asctime_of(&tm)))
}

fn ctime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [secs]) = crate::sig!(tuple "ctime", "secs=None, /").bind(vm, a, kw)?;
    let secs = secs_arg(vm, secs)?;
    match tm_of(secs, true) {
        Some(t) => Ok(Value::string(asctime_of(&t))),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}
