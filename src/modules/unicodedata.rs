//! `unicodedata`: the Unicode Character Database as CPython 3.11 reports it
//! (Unicode 14.0.0). The properties come from `unicodedata_tables.rs`,
//! generated from CPython's own module; names from the `unicode_names2`
//! crate and normalization from `unicode-normalization` (both already used
//! by the grammar crate for `\N{...}` escapes and identifiers). A code
//! point unassigned in 14.0 has no name, as in CPython.

use super::def;
use super::unicodedata_tables as t;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use unicode_normalization::UnicodeNormalization;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    d.set_str(vm.intern("unidata_version"), Value::str("14.0.0"));
    let table: &[(&'static str, NativeFn)] = &[
        ("lookup", lookup),
        ("name", name),
        ("decimal", decimal),
        ("digit", digit),
        ("numeric", numeric),
        ("category", category),
        ("bidirectional", bidirectional),
        ("combining", combining),
        ("east_asian_width", east_asian_width),
        ("mirrored", mirrored),
        ("decomposition", decomposition),
        ("normalize", normalize),
        ("is_normalized", is_normalized),
    ];
    for (n, f) in table {
        def(vm, d, n, *f);
    }
    Ok(())
}

/// The value of the run holding `cp` in a table of sorted runs.
fn run_value<T: Copy>(runs: &[(u32, u32, T)], cp: u32) -> Option<T> {
    let i = runs.partition_point(|r| r.1 < cp);
    runs.get(i).filter(|r| r.0 <= cp).map(|r| r.2)
}

/// The single character argument `v` of `fname`; `numbered` when
/// the function has more parameters, so CPython's message says "argument 1".
fn char_arg(vm: &Vm, fname: &str, v: &Value, numbered: bool) -> PyResult<char> {
    if let Some(s) = v.as_str() {
        let mut chars = s.as_str().chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(c);
        }
    }
    let which = if numbered { "argument 1" } else { "argument" };
    Err(vm.type_error(format!("{fname}() {which} must be a unicode character, not {}", vm.type_name(v).as_str())))
}

fn category_of(c: char) -> &'static str {
    run_value(t::CATEGORY, c as u32).map_or("Cn", |i| t::CATEGORY_NAMES[i as usize])
}

fn category(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([chr], []) = crate::sig!("unicodedata.category", "chr, /").bind(vm, a, kw)?;
    let c = char_arg(vm, "category", chr, false)?;
    Ok(Value::str(category_of(c)))
}

fn bidirectional(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([chr], []) = crate::sig!("unicodedata.bidirectional", "chr, /").bind(vm, a, kw)?;
    let c = char_arg(vm, "bidirectional", chr, false)?;
    Ok(Value::str(run_value(t::BIDIRECTIONAL, c as u32).map_or("", |i| t::BIDIRECTIONAL_NAMES[i as usize])))
}

fn east_asian_width(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([chr], []) = crate::sig!("unicodedata.east_asian_width", "chr, /").bind(vm, a, kw)?;
    let c = char_arg(vm, "east_asian_width", chr, false)?;
    Ok(Value::str(run_value(t::EAST_ASIAN_WIDTH, c as u32).map_or("N", |i| t::EAST_ASIAN_WIDTH_NAMES[i as usize])))
}

fn combining(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([chr], []) = crate::sig!("unicodedata.combining", "chr, /").bind(vm, a, kw)?;
    let c = char_arg(vm, "combining", chr, false)?;
    Ok(Value::Int(run_value(t::COMBINING, c as u32).unwrap_or(0) as i64))
}

fn mirrored(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([chr], []) = crate::sig!("unicodedata.mirrored", "chr, /").bind(vm, a, kw)?;
    let c = char_arg(vm, "mirrored", chr, false)?;
    let cp = c as u32;
    let i = t::MIRRORED.partition_point(|r| r.1 < cp);
    Ok(Value::Int(t::MIRRORED.get(i).is_some_and(|r| r.0 <= cp) as i64))
}

fn decomposition(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([chr], []) = crate::sig!("unicodedata.decomposition", "chr, /").bind(vm, a, kw)?;
    let c = char_arg(vm, "decomposition", chr, false)?;
    let cp = c as u32;
    let found = t::DECOMPOSITION.binary_search_by_key(&cp, |e| e.0).ok().map(|i| t::DECOMPOSITION[i].1);
    Ok(Value::str(found.unwrap_or("")))
}

/// (numerator, denominator, kind) of a numeric character: kind 2 for a
/// decimal digit, 1 for a digit, 0 for other numerics.
fn numeric_value(c: char) -> Option<(i64, u32, u8)> {
    let cp = c as u32;
    let i = t::NUMERIC.partition_point(|r| r.1 < cp);
    let &(first, last, num, den, kind) = t::NUMERIC.get(i)?;
    (first <= cp && cp <= last).then(|| (num + (cp - first) as i64, den, kind))
}

/// The shared shape of decimal(), digit() and numeric(): the value, else
/// the default argument, else ValueError.
fn numeric_lookup(vm: &Vm, fname: &str, ([chr], [default]): ([&Value; 1], [Option<&Value>; 1]), min_kind: u8, msg: &str) -> PyResult<Value> {
    let c = char_arg(vm, fname, chr, true)?;
    match numeric_value(c) {
        Some((num, den, kind)) if kind >= min_kind => Ok(if min_kind == 0 {
            Value::float(num as f64 / den as f64)
        } else {
            Value::Int(num)
        }),
        _ => default.cloned().ok_or_else(|| vm.value_error(msg)),
    }
}

fn decimal(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("unicodedata.decimal", "chr, default=<unrepresentable>, /").bind(vm, a, kw)?;
    numeric_lookup(vm, "decimal", args, 2, "not a decimal")
}

fn digit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("unicodedata.digit", "chr, default=<unrepresentable>, /").bind(vm, a, kw)?;
    numeric_lookup(vm, "digit", args, 1, "not a digit")
}

fn numeric(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let args = crate::sig!("unicodedata.numeric", "chr, default=<unrepresentable>, /").bind(vm, a, kw)?;
    numeric_lookup(vm, "numeric", args, 0, "not a numeric character")
}

/// The character's name, if it has one in Unicode 14.0.
fn name_of(c: char) -> Option<String> {
    if category_of(c) == "Cn" {
        return None;
    }
    unicode_names2::name(c).map(|n| n.to_string())
}

fn name(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([chr], [default]) = crate::sig!("unicodedata.name", "chr, default=<unrepresentable>, /").bind(vm, a, kw)?;
    let c = char_arg(vm, "name", chr, true)?;
    match name_of(c) {
        Some(n) => Ok(Value::string(n)),
        None => default.cloned().ok_or_else(|| vm.value_error("no such name")),
    }
}

fn lookup(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([name], []) = crate::sig!("unicodedata.lookup", "name, /").bind(vm, a, kw)?;
    let text = match name.as_str() {
        Some(s) => s.as_str().to_string(),
        None => String::from_utf8_lossy(&vm.bytes_of(name)?).into_owned(),
    };
    let found = crate::syntax::literal::character_named(&text).filter(|&c| category_of(c) != "Cn");
    match found {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(vm.key_error(Value::string(format!("undefined character name '{text}'")))),
    }
}

/// The normalization form argument and the string to normalize.
fn form_and_text(vm: &Vm, fname: &str, [form, text]: [&Value; 2]) -> PyResult<(String, String)> {
    let form = form
        .as_str()
        .ok_or_else(|| vm.type_error(format!("{fname}() argument 1 must be str, not {}", vm.type_name(form).as_str())))?;
    let text = text
        .as_str()
        .ok_or_else(|| vm.type_error(format!("{fname}() argument 2 must be str, not {}", vm.type_name(text).as_str())))?;
    Ok((form.as_str().to_string(), text.as_str().to_string()))
}

fn normalized(vm: &Vm, form: &str, text: &str) -> PyResult<String> {
    Ok(match form {
        "NFC" => text.nfc().collect(),
        "NFD" => text.nfd().collect(),
        "NFKC" => text.nfkc().collect(),
        "NFKD" => text.nfkd().collect(),
        _ => return Err(vm.value_error("invalid normalization form")),
    })
}

fn normalize(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (args, []) = crate::sig!("unicodedata.normalize", "form, unistr, /").bind(vm, a, kw)?;
    let (form, text) = form_and_text(vm, "normalize", args)?;
    let out = normalized(vm, &form, &text)?;
    if out == text {
        // CPython hands back the argument itself when nothing changes.
        return Ok(args[1].clone());
    }
    Ok(Value::string(out))
}

fn is_normalized(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (args, []) = crate::sig!("unicodedata.is_normalized", "form, unistr, /").bind(vm, a, kw)?;
    let (form, text) = form_and_text(vm, "is_normalized", args)?;
    Ok(Value::bool(normalized(vm, &form, &text)? == text))
}
