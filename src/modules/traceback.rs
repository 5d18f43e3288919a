//! `_traceback`: what `stdlib/traceback.py` needs from the interpreter:
//! the entries of a traceback object and the source lines it knows.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "entries", entries);
    def(vm, d, "getline", getline);
    def(vm, d, "source", source);
    Ok(())
}

/// `entries(tb)`: a list of `(filename, lineno, name, carets)`, outermost
/// frame first (the order tracebacks print in); `[]` for None. `carets` is
/// the line CPython draws under the source line (margin included), or None.
fn entries(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([tb], []) = crate::sig!("entries", "tb, /").bind(vm, a, kw)?;
    let mut out = Vec::new();
    if let Value::Native(n) = tb {
        if let Some(tb) = n.data.borrow().downcast_ref::<Vec<TbEntry>>() {
            // Recorded as the exception unwinds: innermost frame first.
            for e in tb.iter().rev() {
                let (line, located) = vm.locate_entry(e);
                let carets = located.and_then(|l| l.carets).map_or(Value::None, Value::string);
                out.push(Value::tuple(vec![Value::str(&e.filename), Value::Int(line as i64), Value::Str(e.name.clone()), carets]));
            }
        }
    }
    Ok(Value::list(out))
}

/// `getline(filename, lineno)`: the line (without its newline) of a source
/// the interpreter ran, else of the file on disk, else ''.
fn getline(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([filename, line], []) = crate::sig!("getline", "filename, line, /").bind(vm, a, kw)?;
    let name = filename.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let line = vm.index_value(line)?;
    if line < 1 || line > u32::MAX as i64 {
        return Ok(Value::str(""));
    }
    if let Some(text) = vm.source_line(&name, line as u32) {
        return Ok(Value::string(text));
    }
    let text = std::fs::read(&name).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
    let found = text.and_then(|t| t.lines().nth(line as usize - 1).map(str::to_string));
    Ok(Value::string(found.unwrap_or_default()))
}

/// `source(filename)`: the whole text of a source the interpreter ran
/// (from a file or from memory), or None; `linecache` reads it.
fn source(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([filename], []) = crate::sig!("source", "filename, /").bind(vm, a, kw)?;
    let Some(name) = filename.as_str() else { return Ok(Value::None) };
    let text = vm.sources.borrow().get(name.as_str()).cloned();
    Ok(text.map(|t| Value::str(&t)).unwrap_or(Value::None))
}
