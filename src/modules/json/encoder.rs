//! The encoder behind `json.dumps`: writes a value's JSON text into one
//! string, with the output, errors and hooks of CPython's encoders
//! (`default`, circular-reference markers, key coercion, indentation).

use super::escape::write_string;
use super::fast_hash::FastHasher;
use crate::eval::Vm;
use crate::runtime::format;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::rc::Rc;

/// How a `JSONEncoder` was configured.
pub struct Options {
    /// Called for values of other types; returns something encodable.
    pub default: Value,
    /// The text of one indentation level; `None`: everything on one line.
    pub indent: Option<String>,
    pub key_separator: String,
    pub item_separator: String,
    pub sort_keys: bool,
    pub skip_keys: bool,
    pub ensure_ascii: bool,
    pub allow_nan: bool,
    pub check_circular: bool,
}

pub struct Encoder<'a> {
    vm: &'a Vm,
    opts: &'a Options,
    /// Ids of the containers (and `default`ed values) being encoded.
    markers: HashSet<i64, BuildHasherDefault<FastHasher>>,
    /// The exact dicts being written, innermost last.
    open_dicts: Vec<OpenDict>,
    pub out: String,
}

/// An exact dict being written. Its entries are read from it one at a
/// time until Python code is about to run (`default`, `items()`, a sort),
/// which might change it: then the entries still to come are copied, so
/// the output is that of the dict as it was, as CPython 3.11 (which copies
/// every dict's items first) writes it.
struct OpenDict {
    dict: Rc<Dict>,
    /// Where reading in the dict goes on.
    next: usize,
    /// The copied entries still to come.
    copied: Option<std::vec::IntoIter<(Value, Value)>>,
}

/// What the RecursionError message says the encoder was doing. CPython
/// 3.11 writes indented JSON with its pure-Python encoder, whose recursion
/// runs out in a call.
fn recursion_context(opts: &Options) -> &'static str {
    match opts.indent {
        None => " while encoding a JSON object",
        Some(_) => " while calling a Python object",
    }
}

/// What kind of JSON a value is written as.
enum Kind<'v> {
    Text(&'v str),
    Int(&'v Value),
    Float(f64),
    Array(&'v [Value]),
    List(&'v List),
    Object,
    Other,
}

fn kind(v: &Value) -> Kind<'_> {
    match v {
        Value::Str(s) => Kind::Text(s.as_str()),
        Value::Int(_) | Value::BigInt(_) => Kind::Int(v),
        Value::Float(f) => Kind::Float(f.get()),
        Value::List(l) => Kind::List(l),
        Value::Tuple(t) => Kind::Array(&t.items[..]),
        Value::Dict(_) => Kind::Object,
        Value::Instance(i) => match &i.payload {
            Payload::Value(inner @ (Value::Str(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Tuple(_))) => {
                kind(inner)
            }
            Payload::List(l) => Kind::List(l),
            Payload::Dict(_) => Kind::Object,
            _ => Kind::Other,
        },
        _ => Kind::Other,
    }
}

impl<'a> Encoder<'a> {
    pub fn new(vm: &'a Vm, opts: &'a Options) -> Encoder<'a> {
        Encoder { vm, opts, markers: HashSet::default(), open_dicts: Vec::new(), out: String::new() }
    }

    pub fn encode(&mut self, v: &Value, depth: usize) -> PyResult<()> {
        if self.write_scalar(v)? {
            return Ok(());
        }
        match kind(v) {
            Kind::Text(s) => write_string(&mut self.out, s, self.opts.ensure_ascii),
            Kind::Int(i) => self.write_int(i)?,
            Kind::Float(f) => self.write_float(f)?,
            Kind::List(_) | Kind::Array(_) if matches!(v, Value::Instance(_)) => self.sequence_subclass(v, depth)?,
            Kind::Object if self.dict_by_protocol(v) => self.dict_subclass(v, depth)?,
            Kind::List(l) => self.list(v, l, depth)?,
            Kind::Array(items) => self.array(v, items, depth)?,
            Kind::Object => self.object(v, depth)?,
            Kind::Other => self.other(v, depth)?,
        }
        Ok(())
    }

    /// Writes a value of an exact scalar type (false for others). No
    /// Python code runs, so the container holding `v` may stay borrowed.
    fn write_scalar(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if b.get() { "true" } else { "false" }),
            Value::Str(s) => write_string(&mut self.out, s.as_str(), self.opts.ensure_ascii),
            Value::Int(_) | Value::BigInt(_) => self.write_int(v)?,
            Value::Float(f) => self.write_float(f.get())?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn write_int(&mut self, v: &Value) -> PyResult<()> {
        match v {
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(self.out, "{i}");
            }
            Value::BigInt(b) => self.out.push_str(&self.vm.int_to_decimal(b)?),
            _ => unreachable!("write_int takes ints"),
        }
        Ok(())
    }

    fn float_text(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(format::float_repr(f));
        }
        if !self.opts.allow_nan {
            // CPython's pure-Python encoder (which 3.11 uses for indented
            // output) names the value.
            let value = match self.opts.indent {
                None => String::new(),
                Some(_) => format!(": {}", format::float_repr(f)),
            };
            return Err(self.vm.value_error(format!("Out of range float values are not JSON compliant{value}")));
        }
        Ok(if f.is_nan() { "NaN" } else if f > 0.0 { "Infinity" } else { "-Infinity" }.to_string())
    }

    fn write_float(&mut self, f: f64) -> PyResult<()> {
        let text = self.float_text(f)?;
        self.out.push_str(&text);
        Ok(())
    }

    /// Marks `v` as being encoded; meeting it again inside itself is a cycle.
    fn enter(&mut self, v: &Value) -> PyResult<()> {
        if self.opts.check_circular && !self.markers.insert(v.id()) {
            return Err(self.vm.value_error("Circular reference detected"));
        }
        if let Err(e) = self.vm.enter_recursion_while(recursion_context(self.opts)) {
            self.leave(v);
            return Err(e);
        }
        Ok(())
    }

    fn leave(&mut self, v: &Value) {
        if self.opts.check_circular {
            self.markers.remove(&v.id());
        }
    }

    /// Opens a container; returns the line break and indentation its
    /// members start on, when indenting.
    fn open(&mut self, bracket: char, depth: usize) -> Option<String> {
        self.out.push(bracket);
        let newline = format!("\n{}", self.opts.indent.as_ref()?.repeat(depth + 1));
        self.out.push_str(&newline);
        Some(newline)
    }

    /// Writes what goes between two members.
    fn separate(&mut self, newline: &Option<String>) {
        self.out.push_str(&self.opts.item_separator);
        if let Some(newline) = newline {
            self.out.push_str(newline);
        }
    }

    fn close(&mut self, bracket: char, depth: usize) {
        if let Some(indent) = &self.opts.indent {
            self.out.push('\n');
            for _ in 0..depth {
                self.out.push_str(indent);
            }
        }
        self.out.push(bracket);
    }

    /// Runs `body` between `enter(v)` and `leave(v)`, leaving on errors too.
    fn inside(&mut self, v: &Value, body: impl FnOnce(&mut Self) -> PyResult<()>) -> PyResult<()> {
        self.enter(v)?;
        let r = body(self);
        self.vm.leave_recursion();
        self.leave(v);
        r
    }

    fn array(&mut self, v: &Value, items: &[Value], depth: usize) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.inside(v, |e| {
            let newline = e.open('[', depth);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    e.separate(&newline);
                }
                e.encode(item, depth + 1)?;
            }
            e.close(']', depth);
            Ok(())
        })
    }

    /// A list, read item by item: `default` may change it meanwhile.
    fn list(&mut self, v: &Value, list: &List, depth: usize) -> PyResult<()> {
        if list.items.borrow().is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.inside(v, |e| {
            let newline = e.open('[', depth);
            let mut i = 0;
            loop {
                // Items are read one at a time: `default` may change the list.
                let item = {
                    let items = list.items.borrow();
                    let Some(item) = items.get(i) else { break };
                    if i > 0 {
                        e.separate(&newline);
                    }
                    i += 1;
                    if e.write_scalar(item)? {
                        continue;
                    }
                    item.clone()
                };
                e.encode(&item, depth + 1)?;
            }
            e.close(']', depth);
            Ok(())
        })
    }

    /// The (key, value) pairs of a dict to sort, or of a subclass (what its
    /// `items()` gives), sorted if asked.
    fn items(&mut self, v: &Value) -> PyResult<Vec<(Value, Value)>> {
        self.copy_open_dicts();
        let pairs = match v {
            Value::Dict(d) => d.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect(),
            _ => {
                let items = self.vm.call_method(v, "items", &[])?;
                let mut pairs = Vec::new();
                for item in self.vm.collect(&items)? {
                    match item.as_tuple() {
                        Some(t) if t.items.len() == 2 => pairs.push((t.items[0].clone(), t.items[1].clone())),
                        _ => return Err(self.vm.value_error("items must return 2-tuples")),
                    }
                }
                pairs
            }
        };
        if !self.opts.sort_keys {
            return Ok(pairs);
        }
        let tuples = pairs.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
        let sorted = self.vm.call(&self.vm.builtin("sorted"), &[Value::list(tuples)], &[])?;
        let sorted = sorted.as_list().map(|l| l.items.borrow().clone()).unwrap_or_default();
        Ok(sorted
            .iter()
            .filter_map(|t| t.as_tuple().map(|t| (t.items[0].clone(), t.items[1].clone())))
            .collect())
    }

    /// The text of a key: strings as they are, scalars converted; `None`
    /// for a key to leave out (`skipkeys`).
    fn key_text<'k>(&self, key: &'k Value) -> PyResult<Option<Cow<'k, str>>> {
        Ok(Some(match key {
            Value::None => Cow::Borrowed("null"),
            Value::Bool(b) => Cow::Borrowed(if b.get() { "true" } else { "false" }),
            _ => match kind(key) {
                Kind::Text(s) => Cow::Borrowed(s),
                Kind::Float(f) => Cow::Owned(self.float_text(f)?),
                Kind::Int(Value::Int(i)) => Cow::Owned(i.to_string()),
                Kind::Int(Value::BigInt(b)) => Cow::Owned(self.vm.int_to_decimal(b)?),
                _ if self.opts.skip_keys => return Ok(None),
                _ => {
                    return Err(self.vm.type_error(format!(
                        "keys must be str, int, float, bool or None, not {}",
                        self.vm.type_name(key)
                    )))
                }
            },
        }))
    }

    fn object(&mut self, v: &Value, depth: usize) -> PyResult<()> {
        if !self.dict_by_protocol(v) && v.as_dict().map_or(0, |d| d.len()) == 0 {
            self.out.push_str("{}");
            return Ok(());
        }
        self.inside(v, |e| {
            let newline = e.open('{', depth);
            let mut first = true;
            match v {
                Value::Dict(d) if !e.opts.sort_keys => {
                    e.open_dicts.push(OpenDict { dict: d.clone(), next: 0, copied: None });
                    let r = e.members(&newline, depth);
                    e.open_dicts.pop();
                    r?;
                }
                _ => {
                    for (key, value) in &e.items(v)? {
                        if e.write_key(key, &newline, &mut first)? {
                            e.encode(value, depth + 1)?;
                        }
                    }
                }
            }
            e.close('}', depth);
            Ok(())
        })
    }

    /// Writes the members of the innermost open dict. Keys and scalar
    /// values are written while the entry is read.
    fn members(&mut self, newline: &Option<String>, depth: usize) -> PyResult<()> {
        let mut first = true;
        loop {
            let value = {
                let Some(open) = self.open_dicts.last_mut() else { break };
                if let Some(copied) = &mut open.copied {
                    let Some((key, value)) = copied.next() else { break };
                    if !self.write_key(&key, newline, &mut first)? || self.write_scalar(&value)? {
                        continue;
                    }
                    value
                } else {
                    let dict = open.dict.clone();
                    let table = dict.table.borrow();
                    let Some((next, entry)) = table.next_from(open.next) else { break };
                    open.next = next;
                    if !self.write_key(&entry.key, newline, &mut first)? || self.write_scalar(&entry.value)? {
                        continue;
                    }
                    entry.value.clone()
                }
            };
            self.encode(&value, depth + 1)?;
        }
        Ok(())
    }

    /// Copies the entries still to come of the dicts being written, before
    /// Python code that might change them runs.
    fn copy_open_dicts(&mut self) {
        for open in &mut self.open_dicts {
            if open.copied.is_some() {
                continue;
            }
            let table = open.dict.table.borrow();
            let mut rest = Vec::new();
            let mut at = open.next;
            while let Some((next, entry)) = table.next_from(at) {
                rest.push((entry.key.clone(), entry.value.clone()));
                at = next;
            }
            drop(table);
            open.copied = Some(rest.into_iter());
        }
    }

    /// Writes a member's key and the separators before and after it;
    /// false for a key to leave out with its value (`skipkeys`).
    fn write_key(&mut self, key: &Value, newline: &Option<String>, first: &mut bool) -> PyResult<bool> {
        let Some(key) = self.key_text(key)? else { return Ok(false) };
        if !*first {
            self.separate(newline);
        }
        *first = false;
        write_string(&mut self.out, &key, self.opts.ensure_ascii);
        self.out.push_str(&self.opts.key_separator);
        Ok(true)
    }

    /// A list or tuple subclass's instance: its items are what iterating
    /// it gives, as both CPython encoders have it; the pure-Python one
    /// (indented output) asks its truth first.
    fn sequence_subclass(&mut self, v: &Value, depth: usize) -> PyResult<()> {
        self.copy_open_dicts();
        if self.opts.indent.is_some() && !self.vm.truthy(v)? {
            self.out.push_str("[]");
            return Ok(());
        }
        let items = self.vm.collect(v)?;
        self.array(v, &items, depth)
    }

    /// Whether `v` is a dict subclass's instance to be tested for truth
    /// rather than the size of its storage: CPython 3.11's pure-Python
    /// encoder (indented output) does that.
    fn dict_by_protocol(&self, v: &Value) -> bool {
        self.opts.indent.is_some() && matches!(v, Value::Instance(_))
    }

    fn dict_subclass(&mut self, v: &Value, depth: usize) -> PyResult<()> {
        self.copy_open_dicts();
        if !self.vm.truthy(v)? {
            self.out.push_str("{}");
            return Ok(());
        }
        self.object(v, depth)
    }

    /// A value of another type: encodes what `default(v)` returns instead.
    fn other(&mut self, v: &Value, depth: usize) -> PyResult<()> {
        self.inside(v, |e| {
            e.copy_open_dicts();
            let replacement = e.vm.call(&e.opts.default, std::slice::from_ref(v), &[])?;
            e.encode(&replacement, depth)
        })
    }
}
