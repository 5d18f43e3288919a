//! `memoryview`: a view of the bytes of a `bytes` or `bytearray` without a
//! copy, one-dimensional with one-byte items (formats `B`, `b` and `c`).
//!
//! A view holds its exporter and the window it sees (start, length, step);
//! reads and writes go to the exporter's storage at the moment they happen.
//! CPython forbids resizing a bytearray while views of it exist; tulip lets
//! it resize, and a view then sees the bytes that are there, clipped to the
//! current length.

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::cell::Cell;
use std::rc::Rc;

pub struct MemoryView {
    /// The exporter: a `bytes` or a `bytearray`.
    obj: Value,
    start: usize,
    len: usize,
    step: isize,
    format: Format,
    readonly: bool,
    released: Cell<bool>,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Unsigned,
    Signed,
    Char,
}

impl Format {
    fn parse(s: &str) -> Option<Format> {
        match s {
            "B" => Some(Format::Unsigned),
            "b" => Some(Format::Signed),
            "c" => Some(Format::Char),
            _ => None,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Format::Unsigned => "B",
            Format::Signed => "b",
            Format::Char => "c",
        }
    }
}

pub fn install(vm: &Vm) {
    let class = crate::runtime::types::new_class(&vm.interner, "memoryview", Some(&vm.types.object), Layout::Value, None);
    super::method_kind(vm, &class, "memoryview", "__new__", new, BuiltinKind::StaticMethod);
    super::methods(
        vm,
        &class,
        "memoryview",
        &[
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__iter__", iter),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__hash__", hash),
            ("__repr__", repr),
            ("__enter__", enter),
            ("__exit__", exit),
            ("release", release),
            ("tobytes", tobytes),
            ("tolist", tolist),
            ("hex", hex),
            ("cast", cast),
            ("toreadonly", toreadonly),
        ],
    );
    vm.types.iterators.borrow_mut().insert("memoryview", class.clone());
    vm.builtins.set_str(vm.intern("memoryview"), Value::Class(class));
}

fn class(vm: &Vm) -> Rc<Class> {
    vm.iterator_class("memoryview")
}

fn wrap(vm: &Vm, view: MemoryView) -> Value {
    Value::Native(Rc::new(NativeObj { class: class(vm), data: std::cell::RefCell::new(Box::new(view)) }))
}

/// The view `v` is, if it is one.
pub fn view_of(v: &Value) -> Option<std::cell::Ref<'_, MemoryView>> {
    match v {
        Value::Native(n) => std::cell::Ref::filter_map(n.data.borrow(), |d| d.downcast_ref::<MemoryView>()).ok(),
        _ => None,
    }
}

fn this<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<std::cell::Ref<'a, MemoryView>> {
    let view = a.first().and_then(view_of).ok_or_else(|| vm.type_error(format!("descriptor '{name}' requires a 'memoryview' object")))?;
    if view.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(view)
}

impl MemoryView {
    /// Calls `f` with the exporter's bytes (all of them).
    fn with_storage<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match &self.obj {
            Value::Bytes(b) => f(&b.data),
            Value::ByteArray(b) => f(&b.data.borrow()),
            _ => f(&[]),
        }
    }

    /// The storage index of item `i` of the view.
    fn index(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// The view's bytes, in order.
    pub fn bytes(&self) -> Vec<u8> {
        self.with_storage(|data| (0..self.len).filter_map(|i| data.get(self.index(i)).copied()).collect())
    }

    fn item(&self, byte: u8) -> Value {
        match self.format {
            Format::Unsigned => Value::Int(byte as i64),
            Format::Signed => Value::Int(byte as i8 as i64),
            Format::Char => bytes_value(vec![byte]),
        }
    }
}

/// `memoryview(object)`.
fn new(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, obj], []) = crate::sig!("memoryview", "$type, object").bind(vm, a, kw)?;
    if let Some(view) = view_of(obj) {
        if view.released.get() {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        let copy = MemoryView { obj: view.obj.clone(), released: Cell::new(false), ..*view };
        drop(view);
        return Ok(wrap(vm, copy));
    }
    let (len, readonly) = match obj.builtin_base() {
        Value::Bytes(b) => (b.data.len(), true),
        Value::ByteArray(b) => (b.data.borrow().len(), false),
        _ => {
            return Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(obj).as_str())));
        }
    };
    let obj = obj.builtin_base().clone();
    Ok(wrap(vm, MemoryView { obj, start: 0, len, step: 1, format: Format::Unsigned, readonly, released: Cell::new(false) }))
}

/// (start, stop, step, count) of slice `s` over `len` items.
fn slice_window(vm: &Vm, s: &Slice, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = vm.slice_indices(s, len as i64)?;
    Ok((start, stop, step, crate::eval::ops::slice_count(start, stop, step)))
}

fn bytes_value(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(Bytes { data: data.into() }))
}

fn len(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "memoryview.__len__", "$self, /").bind(vm, a, kw)?;
    let view = this(vm, a, "__len__")?;
    Ok(Value::Int(view.len as i64))
}

fn getitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, key], []) = crate::sig!(slot "memoryview.__getitem__", "$self, key, /").bind(vm, a, kw)?;
    let view = this(vm, a, "__getitem__")?;
    if let Value::Slice(s) = key {
        let (start, _stop, step, n) = slice_window(vm, s, view.len)?;
        let sub = MemoryView {
            obj: view.obj.clone(),
            start: if n == 0 { view.start } else { view.index(start as usize) },
            len: n,
            step: view.step * step as isize,
            format: view.format,
            readonly: view.readonly,
            released: Cell::new(false),
        };
        drop(view);
        return Ok(wrap(vm, sub));
    }
    let i = position(vm, &view, key)?;
    let byte = view.with_storage(|data| data.get(view.index(i)).copied());
    match byte {
        Some(b) => Ok(view.item(b)),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

/// The item index `key` names (negative from the end), checked.
fn position(vm: &Vm, view: &MemoryView, key: &Value) -> PyResult<usize> {
    if matches!(key, Value::Tuple(_)) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    if !matches!(key.builtin_base(), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) && vm.type_of(key).lookup(&vm.names.index).is_none() {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let i = vm.index_value(key)?;
    let i = if i < 0 { i + view.len as i64 } else { i };
    if i < 0 || i >= view.len as i64 {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(i as usize)
}

fn setitem(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, key, value], []) = crate::sig!(slot "memoryview.__setitem__", "$self, key, value, /").bind(vm, a, kw)?;
    let view = this(vm, a, "__setitem__")?;
    if view.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Value::ByteArray(target) = &view.obj else { return Err(vm.type_error("cannot modify read-only memory")) };
    if let Value::Slice(s) = key {
        let (start, _stop, step, n) = slice_window(vm, s, view.len)?;
        let src = vm.bytes_of(value).map_err(|_| {
            vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(value).as_str()))
        })?;
        if src.len() != n {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let step = step as isize;
        let mut data = target.data.borrow_mut();
        for (k, b) in src.into_iter().enumerate() {
            let at = (view.start as isize + (start as isize + k as isize * step) * view.step) as usize;
            if let Some(slot) = data.get_mut(at) {
                *slot = b;
            }
        }
        return Ok(Value::None);
    }
    let i = position(vm, &view, key)?;
    let byte = match view.format {
        Format::Char => match value {
            Value::Bytes(b) if b.data.len() == 1 => b.data[0],
            _ => return Err(vm.type_error(format!("memoryview: invalid type for format 'c'"))),
        },
        format => {
            let Value::Int(n) = value.builtin_base() else {
                return Err(vm.type_error(format!("memoryview: invalid type for format '{}'", format.code())));
            };
            let (lo, hi) = if format == Format::Signed { (-128, 127) } else { (0, 255) };
            if *n < lo || *n > hi {
                return Err(vm.value_error(format!("memoryview: invalid value for format '{}'", format.code())));
            }
            *n as u8
        }
    };
    let at = view.index(i);
    if let Some(slot) = target.data.borrow_mut().get_mut(at) {
        *slot = byte;
    }
    Ok(Value::None)
}

fn items(view: &MemoryView) -> Vec<Value> {
    view.bytes().into_iter().map(|b| view.item(b)).collect()
}

fn iter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "memoryview.__iter__", "$self, /").bind(vm, a, kw)?;
    let view = this(vm, a, "__iter__")?;
    let list = Value::list(items(&view));
    drop(view);
    vm.iter(&list)
}

fn tolist(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("memoryview.tolist", "$self, /").bind(vm, a, kw)?;
    let view = this(vm, a, "tolist")?;
    Ok(Value::list(items(&view)))
}

fn tobytes(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("memoryview.tobytes", "$self, /, order='C'").bind(vm, a, kw)?;
    let view = this(vm, a, "tobytes")?;
    Ok(bytes_value(view.bytes()))
}

/// `hex([sep[, bytes_per_sep]])`, as the viewed bytes' own.
fn hex(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (_, [sep, per]) = crate::sig!("memoryview.hex", "$self, /, sep=None, bytes_per_sep=1").bind(vm, a, kw)?;
    let bytes = bytes_value(this(vm, a, "hex")?.bytes());
    let method = vm.get_attr(&bytes, &vm.intern("hex"))?;
    let mut given = Vec::new();
    if let Some(sep) = sep {
        given.push((vm.intern("sep"), sep.clone()));
    }
    if let Some(per) = per {
        given.push((vm.intern("bytes_per_sep"), per.clone()));
    }
    vm.call(&method, &[], &given)
}

fn eq(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, other], []) = crate::sig!(slot "memoryview.__eq__", "$self, value, /").bind(vm, a, kw)?;
    Ok(match compare(vm, me, other)? {
        Some(same) => Value::bool(same),
        None => Value::NotImplemented,
    })
}

fn ne(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me, other], []) = crate::sig!(slot "memoryview.__ne__", "$self, value, /").bind(vm, a, kw)?;
    Ok(match compare(vm, me, other)? {
        Some(same) => Value::bool(!same),
        None => Value::NotImplemented,
    })
}

/// Equality with another view or a bytes-like object: the same items.
/// A released view equals only itself.
fn compare(vm: &Vm, me: &Value, other: &Value) -> PyResult<Option<bool>> {
    let Some(view) = view_of(me) else { return Ok(None) };
    if let (Value::Native(x), Value::Native(y)) = (me, other) {
        if Rc::ptr_eq(x, y) {
            return Ok(Some(true));
        }
    }
    if view.released.get() {
        return Ok(Some(false));
    }
    let mine = items(&view);
    drop(view);
    let theirs = match view_of(other) {
        Some(o) if o.released.get() => return Ok(Some(false)),
        Some(o) => items(&o),
        None => match other.builtin_base() {
            Value::Bytes(_) | Value::ByteArray(_) => vm.bytes_of(other)?.into_iter().map(|b| Value::Int(b as i64)).collect(),
            _ => return Ok(None),
        },
    };
    if mine.len() != theirs.len() {
        return Ok(Some(false));
    }
    for (x, y) in mine.iter().zip(&theirs) {
        if !vm.eq(x, y)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn hash(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(slot "memoryview.__hash__", "$self, /").bind(vm, a, kw)?;
    let view = this(vm, a, "__hash__")?;
    if !view.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let bytes = bytes_value(view.bytes());
    Ok(Value::Int(vm.hash(&bytes)?))
}

fn repr(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([zelf], []) = crate::sig!(slot "memoryview.__repr__", "$self, /").bind(vm, a, kw)?;
    let zelf = Some(zelf).filter(|v| view_of(v).is_some()).ok_or_else(|| vm.type_error("descriptor '__repr__' requires a 'memoryview' object"))?;
    let released = view_of(zelf).is_some_and(|view| view.released.get());
    let state = if released { "released memory" } else { "memory" };
    Ok(Value::string(format!("<{state} at {:#x}>", zelf.id())))
}

fn enter(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("memoryview.__enter__", "$self, /").bind(vm, a, kw)?;
    drop(this(vm, a, "__enter__")?);
    Ok(me.clone())
}

fn exit(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], [], _) = crate::sig!("memoryview.__exit__", "$self, /, *args").bind_rest(vm, a, kw)?;
    release(vm, std::slice::from_ref(me), &[])?;
    Ok(Value::None)
}

fn release(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([me], []) = crate::sig!("memoryview.release", "$self, /").bind(vm, a, kw)?;
    let view = view_of(me).ok_or_else(|| vm.type_error("descriptor 'release' requires a 'memoryview' object"))?;
    view.released.set(true);
    Ok(Value::None)
}

fn toreadonly(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("memoryview.toreadonly", "$self, /").bind(vm, a, kw)?;
    let view = this(vm, a, "toreadonly")?;
    let copy = MemoryView { obj: view.obj.clone(), readonly: true, released: Cell::new(false), ..*view };
    drop(view);
    Ok(wrap(vm, copy))
}

/// `cast(format)`: between the one-byte formats only.
fn cast(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([_, format], [shape]) = crate::sig!("memoryview.cast", "$self, /, format, shape=None").bind(vm, a, kw)?;
    let view = this(vm, a, "cast")?;
    if shape.is_some() {
        // Views here are one-dimensional.
        return Err(vm.type_error("memoryview: cast to a shape is not supported"));
    }
    let Some(code) = format.as_str() else {
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {}", vm.type_name(format).as_str())));
    };
    let Some(format) = Format::parse(code.as_str()) else {
        return Err(vm.value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'"));
    };
    if view.step != 1 {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let copy = MemoryView { obj: view.obj.clone(), format, released: Cell::new(false), ..*view };
    drop(view);
    Ok(wrap(vm, copy))
}

/// The attributes of a view (`attr.rs` asks here for native objects).
pub fn attr(vm: &Vm, view: &MemoryView, name: &str) -> Option<PyResult<Value>> {
    if view.released.get() && name != "obj" {
        return match name {
            "readonly" | "nbytes" | "itemsize" | "format" | "ndim" | "shape" | "strides" | "c_contiguous" | "f_contiguous" | "contiguous" => {
                Some(Err(vm.value_error("operation forbidden on released memoryview object")))
            }
            _ => None,
        };
    }
    let contiguous = view.step == 1 || view.len <= 1;
    Some(Ok(match name {
        "obj" => view.obj.clone(),
        "readonly" => Value::bool(view.readonly),
        "nbytes" => Value::Int(view.len as i64),
        "itemsize" => Value::Int(1),
        "format" => Value::str(view.format.code()),
        "ndim" => Value::Int(1),
        "shape" => Value::tuple(vec![Value::Int(view.len as i64)]),
        "strides" => Value::tuple(vec![Value::Int(view.step as i64)]),
        "suboffsets" => Value::tuple(Vec::new()),
        "c_contiguous" | "f_contiguous" | "contiguous" => Value::bool(contiguous),
        _ => return None,
    }))
}

/// The bytes a view shows (`bytes(view)`, and wherever a bytes-like object
/// is taken).
pub fn bytes_of_view(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let view = view_of(v).ok_or_else(|| vm.type_error("a bytes-like object is required"))?;
    if view.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(view.bytes())
}
