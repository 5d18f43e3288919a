//! The tree-walking evaluator. `Vm` holds the interpreter's state: builtin
//! types, the builtins namespace, loaded modules, the call depth.
//!
//! Statements run in `exec`, expressions in `expr`, calls and argument
//! binding in `call`, attribute access in `attr`, operators in `ops`,
//! iteration in `iterate`, class creation in `class`, generator and
//! coroutine objects in `generator`, the resumable path their frames run
//! on in `resume`, imports in `import`.

pub mod attr;
pub mod attr_cache;
pub mod awaited;
pub mod budget;
pub mod call;
pub mod class;
pub mod code;
pub mod exec;
pub mod expr;
pub mod frame;
pub mod generator;
pub mod import;
pub mod interrupt;
pub mod pending;
pub mod iterate;
pub mod ops;
pub mod repr;
pub mod report;
pub mod resume;
mod threads;

use crate::compile::ir::Sym;
use crate::runtime::gc;
use crate::runtime::intern::Interner;
use crate::runtime::object::*;
use crate::runtime::str::Str;
use crate::runtime::types::Types;
use crate::runtime::value::Value;
use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;

pub use frame::{Frame, FrameRecord};

/// Interned names the evaluator uses often.
pub struct Names {
    pub init: Sym,
    pub new: Sym,
    pub call: Sym,
    pub repr: Sym,
    pub str_: Sym,
    pub name: Sym,
    pub qualname: Sym,
    pub module: Sym,
    pub doc: Sym,
    pub dict: Sym,
    pub class: Sym,
    pub getattr: Sym,
    pub getattribute: Sym,
    pub setattr: Sym,
    pub delattr: Sym,
    pub get: Sym,
    pub set: Sym,
    pub delete: Sym,
    pub set_name: Sym,
    pub init_subclass: Sym,
    pub class_getitem: Sym,
    pub iter: Sym,
    pub next: Sym,
    pub len: Sym,
    pub bool_: Sym,
    pub hash: Sym,
    pub eq: Sym,
    pub ne: Sym,
    pub lt: Sym,
    pub le: Sym,
    pub gt: Sym,
    pub ge: Sym,
    pub contains: Sym,
    pub getitem: Sym,
    pub setitem: Sym,
    pub delitem: Sym,
    pub enter: Sym,
    pub exit: Sym,
    pub aenter: Sym,
    pub aexit: Sym,
    pub aiter: Sym,
    pub anext: Sym,
    pub await_: Sym,
    pub index: Sym,
    pub int: Sym,
    pub float: Sym,
    pub format: Sym,
    pub neg: Sym,
    pub pos: Sym,
    pub invert: Sym,
    pub abs: Sym,
    pub missing: Sym,
    pub slots: Sym,
    pub annotations: Sym,
    pub mro_entries: Sym,
    pub prepare: Sym,
    pub instancecheck: Sym,
    pub subclasscheck: Sym,
    pub reversed: Sym,
    pub round: Sym,
    pub all: Sym,
    pub path: Sym,
    pub file: Sym,
    pub package: Sym,
    pub spec: Sym,
    pub builtins: Sym,
    pub main: Sym,
    pub notes: Sym,
    pub match_args: Sym,
    pub length_hint: Sym,
    pub complex: Sym,
    pub bytes: Sym,
    pub objclass: Sym,
    pub wrapped: Sym,
    pub fspath: Sym,
    pub abstractmethods: Sym,
}

impl Names {
    fn new(i: &Interner) -> Names {
        Names {
            init: i.intern("__init__"),
            new: i.intern("__new__"),
            call: i.intern("__call__"),
            repr: i.intern("__repr__"),
            str_: i.intern("__str__"),
            name: i.intern("__name__"),
            qualname: i.intern("__qualname__"),
            module: i.intern("__module__"),
            doc: i.intern("__doc__"),
            dict: i.intern("__dict__"),
            class: i.intern("__class__"),
            getattr: i.intern("__getattr__"),
            getattribute: i.intern("__getattribute__"),
            setattr: i.intern("__setattr__"),
            delattr: i.intern("__delattr__"),
            get: i.intern("__get__"),
            set: i.intern("__set__"),
            delete: i.intern("__delete__"),
            set_name: i.intern("__set_name__"),
            init_subclass: i.intern("__init_subclass__"),
            class_getitem: i.intern("__class_getitem__"),
            iter: i.intern("__iter__"),
            next: i.intern("__next__"),
            len: i.intern("__len__"),
            bool_: i.intern("__bool__"),
            hash: i.intern("__hash__"),
            eq: i.intern("__eq__"),
            ne: i.intern("__ne__"),
            lt: i.intern("__lt__"),
            le: i.intern("__le__"),
            gt: i.intern("__gt__"),
            ge: i.intern("__ge__"),
            contains: i.intern("__contains__"),
            getitem: i.intern("__getitem__"),
            setitem: i.intern("__setitem__"),
            delitem: i.intern("__delitem__"),
            enter: i.intern("__enter__"),
            exit: i.intern("__exit__"),
            aenter: i.intern("__aenter__"),
            aexit: i.intern("__aexit__"),
            aiter: i.intern("__aiter__"),
            anext: i.intern("__anext__"),
            await_: i.intern("__await__"),
            index: i.intern("__index__"),
            int: i.intern("__int__"),
            float: i.intern("__float__"),
            format: i.intern("__format__"),
            neg: i.intern("__neg__"),
            pos: i.intern("__pos__"),
            invert: i.intern("__invert__"),
            abs: i.intern("__abs__"),
            missing: i.intern("__missing__"),
            slots: i.intern("__slots__"),
            annotations: i.intern("__annotations__"),
            mro_entries: i.intern("__mro_entries__"),
            prepare: i.intern("__prepare__"),
            instancecheck: i.intern("__instancecheck__"),
            subclasscheck: i.intern("__subclasscheck__"),
            reversed: i.intern("__reversed__"),
            round: i.intern("__round__"),
            all: i.intern("__all__"),
            path: i.intern("__path__"),
            file: i.intern("__file__"),
            package: i.intern("__package__"),
            spec: i.intern("__spec__"),
            builtins: i.intern("__builtins__"),
            main: i.intern("__main__"),
            notes: i.intern("__notes__"),
            match_args: i.intern("__match_args__"),
            length_hint: i.intern("__length_hint__"),
            complex: i.intern("__complex__"),
            bytes: i.intern("__bytes__"),
            objclass: i.intern("__objclass__"),
            wrapped: i.intern("__wrapped__"),
            fspath: i.intern("__fspath__"),
            abstractmethods: i.intern("__abstractmethods__"),
        }
    }
}

pub struct Vm {
    pub interner: Interner,
    pub types: Types,
    pub names: Names,
    pub builtins: Rc<Dict>,
    /// `sys.modules`.
    pub modules: Rc<Dict>,
    /// `sys.path`.
    pub sys_path: Value,
    pub argv: RefCell<Vec<String>>,
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    /// `sys.set_int_max_str_digits`: the longest decimal int/str conversion (0: no limit).
    pub int_max_str_digits: Cell<usize>,
    /// Address near the bottom of the interpreter thread's stack.
    stack_base: Cell<usize>,
    stack_size: Cell<usize>,
    /// Exceptions being handled, innermost last (`sys.exc_info`, bare `raise`).
    pub handling: RefCell<Vec<Rc<Instance>>>,
    out: RefCell<Vec<u8>>,
    /// Write stdout through at once (`-u`, and the REPL on a terminal).
    pub unbuffered: Cell<bool>,
    /// Whether Ctrl-C (or a host, through `interrupt::request`) asked the
    /// script to raise KeyboardInterrupt.
    pub interrupt: interrupt::Interrupt,
    pub main_module: RefCell<Option<Rc<Module>>>,
    /// Modules whose code is running (for circular-import messages).
    pub initializing: RefCell<Vec<Sym>>,
    /// Source text by file name, for traceback lines.
    pub sources: RefCell<std::collections::HashMap<Rc<str>, Rc<str>>>,
    /// Uncaught exceptions are drawn with miette (stderr is a terminal).
    pub fancy_tracebacks: Cell<bool>,
    /// Containers being printed, to print recursive ones as `[...]`.
    pub repr_stack: RefCell<std::collections::HashSet<i64>>,
    /// The running frames of the thread holding the GIL (`sys._getframe`).
    pub frames: frame::FrameChain,
    /// Every class created by a script, for `__subclasses__()`.
    pub registry: RefCell<Vec<std::rc::Weak<Class>>>,
    /// Generators freed unfinished, waiting to be closed.
    pub orphans: Rc<generator::Orphans>,
    /// `sys.set_asyncgen_hooks`: the first-iteration hook and the finalizer.
    pub asyncgen_hooks: RefCell<[Value; 2]>,
    /// asyncio's native state, made when `_asyncio` is first imported.
    pub aio: std::cell::OnceCell<Rc<crate::aio::State>>,
    /// `static_sym`'s answers by the address of its `&'static str` argument
    /// (with its length, so a literal that is a prefix of another at the
    /// same address is not taken for it): no hashing of text.
    static_syms: LiteralMap<Sym>,
    /// `iterator_class`'s answers, the same way.
    classes_by_address: LiteralMap<Rc<Class>>,
    /// The lock that lets one thread at a time run Python code.
    pub gil: std::sync::Arc<crate::aio::gil::Gil>,
}

/// Answers keyed by the address of a `&'static str`, with its length.
type LiteralMap<T> = RefCell<std::collections::HashMap<usize, (usize, T), std::hash::BuildHasherDefault<AddressHasher>>>;

/// The answer `map` holds for `literal`, made by `make` the first time.
fn by_literal<T: Clone>(map: &LiteralMap<T>, literal: &'static str, make: impl FnOnce() -> T) -> T {
    let key = literal.as_ptr() as usize;
    if let Some((len, v)) = map.borrow().get(&key) {
        if *len == literal.len() {
            return v.clone();
        }
    }
    let v = make();
    map.borrow_mut().insert(key, (literal.len(), v.clone()));
    v
}

impl Drop for Vm {
    /// Objects freed from now on run no Python code.
    fn drop(&mut self) {
        self.orphans.shut_down();
    }
}

impl Vm {
    pub fn new() -> Box<Vm> {
        let interner = Interner::default();
        let types = Types::new(&interner);
        // Plain `object()` instances have no `__dict__`.
        types.object.has_dict.set(false);
        let names = Names::new(&interner);
        let vm = Box::new(Vm {
            types,
            names,
            builtins: Rc::new(Dict::new()),
            modules: Rc::new(Dict::new()),
            sys_path: Value::list(Vec::new()),
            argv: RefCell::new(Vec::new()),
            depth: Cell::new(0),
            recursion_limit: Cell::new(1000),
            int_max_str_digits: Cell::new(4300),
            orphans: generator::Orphans::new(),
            asyncgen_hooks: RefCell::new([Value::None, Value::None]),
            aio: std::cell::OnceCell::new(),
            stack_base: Cell::new(0),
            stack_size: Cell::new(0),
            handling: RefCell::new(Vec::new()),
            out: RefCell::new(Vec::new()),
            unbuffered: Cell::new(false),
            interrupt: interrupt::Interrupt,
            main_module: RefCell::new(None),
            initializing: RefCell::new(Vec::new()),
            sources: RefCell::new(std::collections::HashMap::new()),
            fancy_tracebacks: Cell::new(false),
            repr_stack: RefCell::new(std::collections::HashSet::new()),
            frames: Default::default(),
            registry: RefCell::new(Vec::new()),
            static_syms: RefCell::new(Default::default()),
            classes_by_address: RefCell::new(Default::default()),
            gil: crate::aio::gil::Gil::new(),
            interner,
        });
        crate::builtins::install(&vm);
        bump_type_version();
        vm
    }

    pub fn intern(&self, s: &str) -> Sym {
        self.interner.intern(s)
    }

    /// Interns a name known at compile time, keyed by the address of the
    /// literal, so hot paths (operator dunders) skip hashing the text.
    pub fn static_sym(&self, s: &'static str) -> Sym {
        by_literal(&self.static_syms, s, || self.intern(s))
    }

    /// Records the stack the interpreter runs on, so deep recursion in native
    /// code (repr of nested data, say) raises RecursionError before overflow.
    pub fn set_stack(&self, base: usize, size: usize) {
        self.stack_base.set(base);
        self.stack_size.set(size);
    }

    /// Where the evaluator may collect cycles, hand the GIL to another
    /// thread and be interrupted: calls and loop back-edges. Costs one
    /// relaxed load when nothing is pending.
    #[inline(always)]
    pub fn safe_point(&self) -> PyResult<()> {
        gc::safe_point();
        if pending::any() {
            return self.attend();
        }
        Ok(())
    }

    /// For native loops whose length the script controls (consuming an
    /// iterator, `math.comb`): answers Ctrl-C and spends the step budget
    /// as the evaluator's safe points do, but neither collects cycles nor
    /// hands the GIL over (the native may hold borrows).
    #[inline(always)]
    pub fn poll(&self) -> PyResult<()> {
        if pending::any() {
            return self.poll_pending();
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn poll_pending(&self) -> PyResult<()> {
        if !budget::spend() {
            return Err(self.budget_exhausted());
        }
        self.raise_interrupt()
    }

    fn budget_exhausted(&self) -> PyErr {
        self.new_error("RuntimeError", "step budget exhausted")
    }

    /// Answers what `pending` holds: hands the GIL over, counts the step
    /// budget, raises Ctrl-C.
    #[cold]
    #[inline(never)]
    fn attend(&self) -> PyResult<()> {
        if crate::aio::gil::switch_wanted() {
            self.switch_threads();
        }
        if !budget::spend() {
            return Err(self.budget_exhausted());
        }
        self.raise_interrupt()
    }

    #[cold]
    #[inline(never)]
    fn raise_interrupt(&self) -> PyResult<()> {
        // KeyboardInterrupt and signal handlers run on the main thread, as
        // in CPython.
        if self.gil.on_main_thread() && interrupt::take() {
            return crate::modules::signal::dispatch(self);
        }
        Ok(())
    }

    /// Fails with RecursionError when less than a safety margin of machine
    /// stack is left.
    #[inline]
    pub fn check_stack(&self) -> PyResult<()> {
        let base = self.stack_base.get();
        if base == 0 {
            return Ok(());
        }
        let here = &base as *const usize as usize;
        let used = base.saturating_sub(here);
        if used + 256 * 1024 > self.stack_size.get() {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Counts a level of native recursion (repr, comparison of nested data)
    /// against the recursion limit, as CPython's `Py_EnterRecursiveCall`.
    pub fn enter_recursion(&self) -> PyResult<()> {
        self.enter_recursion_while(" while getting the repr of an object")
    }

    /// `enter_recursion` for a native that names what it is doing in the
    /// message (`" while encoding a JSON object"`).
    pub fn enter_recursion_while(&self, doing: &str) -> PyResult<()> {
        let depth = self.depth.get();
        if depth >= self.recursion_limit.get() {
            return Err(self.new_error("RecursionError", format!("maximum recursion depth exceeded{doing}")));
        }
        self.check_stack()?;
        self.depth.set(depth + 1);
        Ok(())
    }

    pub fn leave_recursion(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    // ----- output -----

    pub fn write_out(&self, s: &str) {
        let mut out = self.out.borrow_mut();
        out.extend_from_slice(s.as_bytes());
        if out.len() > 1 << 14 || self.unbuffered.get() {
            let mut stdout = std::io::stdout();
            let _ = stdout.write_all(&out);
            if self.unbuffered.get() {
                let _ = stdout.flush();
            }
            out.clear();
        }
    }

    /// The buffered output, taken instead of written (for an embedder, such
    /// as the REPL showing it above the line being edited).
    pub fn take_out(&self) -> Vec<u8> {
        std::mem::take(&mut *self.out.borrow_mut())
    }

    pub fn flush_out(&self) {
        let mut out = self.out.borrow_mut();
        let mut stdout = std::io::stdout();
        let _ = stdout.write_all(&out);
        let _ = stdout.flush();
        out.clear();
    }

    // ----- exceptions -----

    /// A new instance of the builtin exception `name` with `args`.
    pub fn new_exc(&self, class: &Rc<Class>, args: Vec<Value>) -> PyErr {
        PyErr(self.exc_instance(class, args))
    }

    pub fn exc_instance(&self, class: &Rc<Class>, args: Vec<Value>) -> Rc<Instance> {
        let inst = self.bare_exc_instance(class, &args);
        crate::builtins::exceptions::set_special_attrs(self, &inst, &args);
        inst
    }

    fn bare_exc_instance(&self, class: &Rc<Class>, args: &[Value]) -> Rc<Instance> {
        let args = args.to_vec();
        gc::new(Instance {
            class: RefCell::new(class.clone()),
            dict: Some(Rc::new(Dict::new())),
            slots: RefCell::new(Vec::new()),
            payload: Payload::Exception(Box::new(RefCell::new(ExcData {
                args: Value::tuple(args),
                traceback: Vec::new(),
                failed_at: None,
                raised_again: false,
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
            }))),
            gc: GcHeader::new(),
        })
    }

    pub fn new_error(&self, name: &str, msg: impl Into<String>) -> PyErr {
        let class = self.types.exc(name);
        self.new_exc(&class, vec![Value::string(msg.into())])
    }

    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("TypeError", msg)
    }

    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("ValueError", msg)
    }

    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("IndexError", msg)
    }

    pub fn key_error(&self, key: Value) -> PyErr {
        let class = self.types.exc("KeyError");
        self.new_exc(&class, vec![key])
    }

    pub fn attr_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("AttributeError", msg)
    }

    pub fn name_error(&self, name: &str) -> PyErr {
        let err = self.new_error("NameError", format!("name '{name}' is not defined"));
        if let Some(d) = &err.0.dict {
            d.set_str(self.static_sym("name"), Value::str(name));
        }
        err
    }

    /// AttributeError for `obj.name` with `name` and `obj` set, as CPython
    /// 3.10+ does (the traceback suggests a close attribute from them).
    pub fn missing_attribute(&self, obj: &Value, name: &Str, msg: String) -> PyErr {
        let err = self.attr_error(msg);
        if let Some(d) = &err.0.dict {
            d.set_str(self.static_sym("name"), Value::str(name.as_str()));
            d.set_str(self.static_sym("obj"), obj.clone());
        }
        err
    }

    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("OverflowError", msg)
    }

    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("ZeroDivisionError", msg)
    }

    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("RuntimeError", msg)
    }

    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let class = self.types.exc("StopIteration");
        let args = if value.is_none() { Vec::new() } else { vec![value] };
        self.new_exc(&class, args)
    }

    pub fn num_err(&self, e: crate::runtime::int::NumErr) -> PyErr {
        use crate::runtime::int::NumErr;
        match e {
            NumErr::ZeroDivision(m) => self.zero_division(m),
            NumErr::Overflow(m) => self.overflow_error(m),
            NumErr::Value(m) => self.value_error(m),
            NumErr::Memory => self.memory_error(),
        }
    }

    /// Whether `err` is an instance of the builtin exception `name`.
    pub fn err_is(&self, err: &PyErr, name: &str) -> bool {
        match self.types.exceptions.get(name) {
            Some(c) => err.0.class().is_subclass(c),
            None => false,
        }
    }

    /// The name of a value's type, for messages.
    pub fn type_name(&self, v: &Value) -> Rc<Str> {
        self.type_of(v).instance_type_name()
    }

    /// The type of generators, coroutines or async generators.
    fn generator_type(&self, kind: crate::compile::ir::CodeKind) -> &Rc<Class> {
        match kind {
            crate::compile::ir::CodeKind::Coroutine => &self.types.coroutine,
            crate::compile::ir::CodeKind::AsyncGenerator => &self.types.async_generator,
            _ => &self.types.generator,
        }
    }

    /// The class of a value (`type(v)`).
    /// The type of a value of a builtin type whose methods scripts call
    /// often; `None` for the rest.
    #[inline]
    pub fn builtin_type(&self, v: &Value) -> Option<&Rc<Class>> {
        let t = &self.types;
        Some(match v {
            Value::Str(_) => &t.str_,
            Value::List(_) => &t.list,
            Value::Dict(_) => &t.dict,
            Value::Set(_) => &t.set,
            Value::Tuple(_) => &t.tuple,
            Value::Bytes(_) => &t.bytes,
            Value::ByteArray(_) => &t.bytearray,
            Value::FrozenSet(_) => &t.frozenset,
            Value::Int(_) => &t.int,
            Value::Float(_) => &t.float,
            // `gen.send(v)`, `coro.send(None)`: as hot as list methods.
            Value::Generator(g) => self.generator_type(g.kind),
            _ => return None,
        })
    }

    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none.clone(),
            Value::NotImplemented => t.not_implemented.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Complex(_) => t.complex.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::ByteArray(_) => t.bytearray.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Class(c) => c.meta.borrow().clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class(),
            Value::Module(_) => t.module.clone(),
            Value::Generator(g) => self.generator_type(g.kind).clone(),
            Value::Iter(it) => self.iterator_class(it.type_name),
            Value::Cell(_) => t.cell.clone(),
            Value::Property(_) => t.property.clone(),
            Value::StaticMethod(_) => t.staticmethod.clone(),
            Value::ClassMethod(_) => t.classmethod.clone(),
            Value::Super(_) => t.super_.clone(),
            Value::Native(n) => n.class.clone(),
        }
    }

    pub fn iterator_class(&self, name: &'static str) -> Rc<Class> {
        by_literal(&self.classes_by_address, name, || self.iterator_class_by_name(name))
    }

    fn iterator_class_by_name(&self, name: &'static str) -> Rc<Class> {
        if let Some(c) = self.types.iterators.borrow().get(name) {
            return c.clone();
        }
        let c = crate::runtime::types::new_class(
            &self.interner,
            name,
            Some(&self.types.object),
            Layout::Value,
            Some(crate::runtime::types::TypeId::Iterator),
        );
        crate::builtins::iterator_methods(self, &c);
        self.types.iterators.borrow_mut().insert(name, c.clone());
        c
    }

    pub fn is_instance_of(&self, v: &Value, class: &Class) -> bool {
        match v {
            Value::Instance(i) => i.class.borrow().is_subclass(class),
            _ => match self.builtin_type(v) {
                Some(t) => t.is_subclass(class),
                None => self.type_of(v).is_subclass(class),
            },
        }
    }

    /// `str(n)` of a big int, within `sys.get_int_max_str_digits()`.
    pub fn int_to_decimal(&self, n: &num_bigint::BigInt) -> PyResult<String> {
        let limit = self.int_max_str_digits.get();
        // log10(2) < 0.30103: a bound on the digits before converting.
        if limit > 0 && n.bits() as f64 * 0.30103 > limit as f64 + 1.0 {
            return Err(self.int_digits_error(None));
        }
        let text = n.to_string();
        let digits = text.len() - usize::from(text.starts_with('-'));
        if limit > 0 && digits > limit {
            return Err(self.int_digits_error(None));
        }
        Ok(text)
    }

    /// Refuses to parse `text` as an int in `base` when it has more digits
    /// than `sys.get_int_max_str_digits()` allows (bases that are powers of
    /// two have no limit), as CPython does against quadratic conversions.
    pub fn check_int_digits(&self, text: &str, base: u32) -> PyResult<()> {
        let limit = self.int_max_str_digits.get();
        if limit == 0 || text.len() <= limit || base.is_power_of_two() {
            return Ok(());
        }
        let body = text.trim().trim_start_matches(['+', '-']);
        if base == 0 && body.len() > 1 && body.starts_with('0') && matches!(body.as_bytes()[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            return Ok(());
        }
        let digits = body.chars().filter(|c| c.is_alphanumeric()).count();
        if digits > limit {
            return Err(self.int_digits_error(Some(digits)));
        }
        Ok(())
    }

    fn int_digits_error(&self, digits: Option<usize>) -> PyErr {
        let limit = self.int_max_str_digits.get();
        let has = digits.map(|d| format!(": value has {d} digits")).unwrap_or_default();
        self.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion{has}; use sys.set_int_max_str_digits() to increase the limit"
        ))
    }

    pub fn builtin(&self, name: &str) -> Value {
        self.builtins.get_str(&self.intern(name)).unwrap_or(Value::None)
    }
}
