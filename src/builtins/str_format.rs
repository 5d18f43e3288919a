//! `str.format` and `str.format_map`: a port of CPython's
//! `Objects/stringlib/unicode_format.h` (field grammar, auto/manual
//! numbering, attribute and item access, conversions, nested specs).

use crate::eval::Vm;
use crate::runtime::format::unicode_decimal;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub enum Args<'a> {
    /// `fmt.format(*args, **kw)`.
    Call { args: &'a [Value], kw: &'a KwArgs },
    /// `fmt.format_map(mapping)`.
    Map(&'a Value),
}

#[derive(PartialEq, Clone, Copy)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct Numbering {
    state: AutoState,
    next: i64,
}

pub fn format(vm: &Vm, fmt: &str, args: Args) -> PyResult<String> {
    let mut n = Numbering { state: AutoState::Init, next: 0 };
    build(vm, fmt, &args, &mut n, 2)
}

fn verr(vm: &Vm, msg: &str) -> PyErr {
    vm.value_error(msg)
}

/// A parsed replacement field.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_needs_expanding: bool,
}

fn build(vm: &Vm, fmt: &str, args: &Args, n: &mut Numbering, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(verr(vm, "Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while pos < b.len() {
        // Literal text up to a '{' or '}'.
        let start = pos;
        let mut c = 0u8;
        let mut markup = false;
        while pos < b.len() {
            c = b[pos];
            pos += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= b.len();
        let mut len = pos - start;
        if markup && c == b'}' && (at_end || b[pos] != b'}') {
            return Err(verr(vm, "Single '}' encountered in format string"));
        }
        if markup && at_end && c == b'{' {
            return Err(verr(vm, "Single '{' encountered in format string"));
        }
        if markup && !at_end {
            if b[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        out.push_str(&fmt[start..start + len]);
        if !markup {
            continue;
        }
        let (field, next) = parse_field(vm, fmt, pos)?;
        pos = next;
        output_field(vm, &field, args, n, depth, &mut out)?;
    }
    Ok(out)
}

/// Parses a field starting just after its '{'; returns it and the position after its '}'.
fn parse_field<'s>(vm: &Vm, fmt: &'s str, mut pos: usize) -> PyResult<(Field<'s>, usize)> {
    let b = fmt.as_bytes();
    let name_start = pos;
    let mut c = 0u8;
    let mut terminated = false;
    while pos < b.len() {
        c = b[pos];
        pos += 1;
        match c {
            b'{' => return Err(verr(vm, "unexpected '{' in field name")),
            b'[' => {
                while pos < b.len() && b[pos] != b']' {
                    pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => {
                terminated = true;
                break;
            }
            _ => continue,
        }
    }
    if !terminated {
        return Err(verr(vm, "expected '}' before end of string"));
    }
    let name = &fmt[name_start..pos - 1];
    let mut field = Field { name, conversion: None, spec: "", spec_needs_expanding: false };
    if c == b'}' {
        return Ok((field, pos));
    }
    if c == b'!' {
        if pos >= b.len() {
            return Err(verr(vm, "end of string while looking for conversion specifier"));
        }
        let conv = fmt[pos..].chars().next().unwrap_or('\0');
        field.conversion = Some(conv);
        pos += conv.len_utf8();
        if pos < b.len() {
            let c2 = b[pos];
            pos += 1;
            if c2 == b'}' {
                return Ok((field, pos));
            }
            if c2 != b':' {
                return Err(verr(vm, "expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = pos;
    let mut count = 1;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'{' => {
                field.spec_needs_expanding = true;
                count += 1;
            }
            b'}' => {
                count -= 1;
                if count == 0 {
                    field.spec = &fmt[spec_start..pos - 1];
                    return Ok((field, pos));
                }
            }
            _ => {}
        }
    }
    Err(verr(vm, "unmatched '{' in format spec"))
}

/// CPython's `get_integer`: the value of an all-decimal-digits name, or -1.
fn get_integer(vm: &Vm, s: &str) -> PyResult<i64> {
    if s.is_empty() {
        return Ok(-1);
    }
    let mut acc: i64 = 0;
    for c in s.chars() {
        let Some(d) = unicode_decimal(c) else { return Ok(-1) };
        acc = match acc.checked_mul(10).and_then(|v| v.checked_add(d as i64)) {
            Some(v) => v,
            None => return Err(verr(vm, "Too many decimal digits in format string")),
        };
    }
    Ok(acc)
}

fn output_field(vm: &Vm, field: &Field, args: &Args, n: &mut Numbering, depth: i32, out: &mut String) -> PyResult<()> {
    let obj = field_object(vm, field.name, args, n)?;
    let obj = match field.conversion {
        None => obj,
        Some('r') => Value::Str(vm.repr(&obj)?),
        Some('s') => Value::Str(vm.str(&obj)?),
        Some('a') => Value::string(vm.ascii(&obj)?),
        Some(c) => {
            let cp = c as u32;
            return Err(if cp > 32 && cp < 127 {
                verr(vm, &format!("Unknown conversion specifier {c}"))
            } else {
                verr(vm, &format!("Unknown conversion specifier \\x{cp:x}"))
            });
        }
    };
    let expanded;
    let spec = if field.spec_needs_expanding {
        expanded = build(vm, field.spec, args, n, depth - 1)?;
        expanded.as_str()
    } else {
        field.spec
    };
    if spec.is_empty() {
        if let Value::Str(s) = &obj {
            out.push_str(s.as_str());
            return Ok(());
        }
    }
    out.push_str(&vm.format(&obj, spec)?);
    Ok(())
}

fn field_object(vm: &Vm, name: &str, args: &Args, n: &mut Numbering) -> PyResult<Value> {
    let b = name.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i] != b'.' && b[i] != b'[' {
        i += 1;
    }
    let first = &name[..i];
    let mut index = get_integer(vm, first)?;
    let empty = first.is_empty();
    let numeric = empty || index != -1;
    if let Args::Call { .. } = args {
        if n.state == AutoState::Init && numeric {
            n.state = if empty { AutoState::Auto } else { AutoState::Manual };
        }
        if numeric {
            if n.state == AutoState::Manual && empty {
                return Err(verr(vm, "cannot switch from manual field specification to automatic field numbering"));
            }
            if n.state == AutoState::Auto && !empty {
                return Err(verr(vm, "cannot switch from automatic field numbering to manual field specification"));
            }
        }
        if empty {
            index = n.next;
            n.next += 1;
        }
    }
    let mut obj = if index == -1 && !empty {
        let key = Value::str(first);
        match args {
            Args::Call { kw, .. } => match kw.iter().find(|(k, _)| k.as_str() == first) {
                Some((_, v)) => v.clone(),
                None => return Err(vm.key_error(key)),
            },
            Args::Map(m) => vm.get_item(m, &key)?,
        }
    } else {
        match args {
            Args::Map(_) => return Err(verr(vm, "Format string contains positional fields")),
            Args::Call { args, .. } => match args.get(index as usize) {
                Some(v) => v.clone(),
                None => {
                    return Err(vm.index_error(format!("Replacement index {index} out of range for positional args tuple")));
                }
            },
        }
    };
    // The rest: `.attr` and `[key]` parts.
    while i < b.len() {
        let c = b[i];
        i += 1;
        match c {
            b'.' => {
                let s = i;
                while i < b.len() && b[i] != b'.' && b[i] != b'[' {
                    i += 1;
                }
                let attr = &name[s..i];
                if attr.is_empty() {
                    return Err(verr(vm, "Empty attribute in format string"));
                }
                obj = vm.get_attr(&obj, &vm.intern(attr))?;
            }
            b'[' => {
                let s = i;
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
                if i >= b.len() {
                    return Err(verr(vm, "Missing ']' in format string"));
                }
                let key = &name[s..i];
                i += 1;
                if key.is_empty() {
                    return Err(verr(vm, "Empty attribute in format string"));
                }
                let idx = get_integer(vm, key)?;
                let k = if idx == -1 { Value::str(key) } else { Value::Int(idx) };
                obj = vm.get_item(&obj, &k)?;
            }
            _ => return Err(verr(vm, "Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(obj)
}
