//! The builtin classes: one `Class` per builtin type, created at start-up.
//! Their methods are installed by `builtins::install_methods`.

use super::dict::DictTable;
use super::exceptions::HIERARCHY;
use super::intern::Interner;
use super::object::{Class, Construct, GcHeader, Layout};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum TypeId {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Generator,
    Coroutine,
    AsyncGenerator,
    Cell,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Iterator,
    BaseException,
    Native,
}

pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub complex: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub bytearray: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub generator: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub async_generator: Rc<Class>,
    pub cell: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    /// Iterator classes by name (`list_iterator`, `zip`, `map`, ...).
    pub iterators: RefCell<NameMap<Rc<Class>>>,
    /// Builtin exception classes by name.
    pub exceptions: NameMap<Rc<Class>>,
}

/// Creates a class with a linear MRO (`base`'s MRO after itself).
pub fn new_class(
    interner: &Interner,
    name: &str,
    base: Option<&Rc<Class>>,
    layout: Layout,
    builtin: Option<TypeId>,
) -> Rc<Class> {
    // Tracked, so that a class only its instances name (`sys.stdout`'s)
    // is collected with them: its MRO starts with itself.
    let class = crate::runtime::gc::new(Class {
        cache: RefCell::new(Default::default()),
        flags: Cell::new((0, 0)),
        name: RefCell::new(interner.intern(name)),
        qualname: RefCell::new(interner.intern(name)),
        bases: RefCell::new(base.into_iter().cloned().collect()),
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(DictTable::new()),
        meta: RefCell::new(None),
        layout,
        builtin,
        slots: RefCell::new(Vec::new()),
        has_dict: Cell::new(true),
        is_heap: false,
        finalizers: RefCell::new(None),
        type_name: Default::default(),
        construct: RefCell::new(Construct::UNSET),
        exc_families: Cell::new((u64::MAX, 0)),
        gc: GcHeader::new(),
    });
    let mut mro = vec![class.clone()];
    if let Some(b) = base {
        mro.extend(b.mro.borrow().iter().cloned());
    }
    *class.mro.borrow_mut() = mro;
    class
}

impl Types {
    pub fn new(i: &Interner) -> Types {
        let object = new_class(i, "object", None, Layout::Object, Some(TypeId::Object));
        let o = Some(&object);
        let v = Layout::Value;
        let mk = |name: &str, id: TypeId, layout: Layout| new_class(i, name, o, layout, Some(id));
        let int = mk("int", TypeId::Int, v);
        let bool_ = new_class(i, "bool", Some(&int), v, Some(TypeId::Bool));
        let mut exceptions: NameMap<Rc<Class>> = NameMap::default();
        for (name, base) in HIERARCHY {
            let base_class = if *base == "object" { object.clone() } else { exceptions[base].clone() };
            let id = if *name == "BaseException" { Some(TypeId::BaseException) } else { None };
            exceptions.insert(name, new_class(i, name, Some(&base_class), Layout::Exception, id));
        }
        // ExceptionGroup derives from both BaseExceptionGroup and Exception.
        let (eg, beg, exc) = (&exceptions["ExceptionGroup"], &exceptions["BaseExceptionGroup"], &exceptions["Exception"]);
        *eg.bases.borrow_mut() = vec![beg.clone(), exc.clone()];
        let mut mro = vec![eg.clone(), beg.clone()];
        mro.extend(exc.mro.borrow().iter().cloned());
        *eg.mro.borrow_mut() = mro;
        Types {
            type_: mk("type", TypeId::Type, Layout::Object),
            none: mk("NoneType", TypeId::NoneType, v),
            not_implemented: mk("NotImplementedType", TypeId::NotImplementedType, v),
            ellipsis: mk("ellipsis", TypeId::Ellipsis, v),
            bool_,
            int,
            float: mk("float", TypeId::Float, v),
            complex: mk("complex", TypeId::Complex, v),
            str_: mk("str", TypeId::Str, v),
            bytes: mk("bytes", TypeId::Bytes, v),
            bytearray: mk("bytearray", TypeId::ByteArray, v),
            list: mk("list", TypeId::List, Layout::List),
            tuple: mk("tuple", TypeId::Tuple, v),
            dict: mk("dict", TypeId::Dict, Layout::Dict),
            set: mk("set", TypeId::Set, Layout::Set),
            frozenset: mk("frozenset", TypeId::FrozenSet, v),
            range: mk("range", TypeId::Range, v),
            slice: mk("slice", TypeId::Slice, v),
            function: mk("function", TypeId::Function, v),
            builtin_function: mk("builtin_function_or_method", TypeId::BuiltinFunction, v),
            method: mk("method", TypeId::Method, v),
            module: mk("module", TypeId::Module, Layout::Object),
            generator: mk("generator", TypeId::Generator, v),
            coroutine: mk("coroutine", TypeId::Coroutine, v),
            async_generator: mk("async_generator", TypeId::AsyncGenerator, v),
            cell: mk("cell", TypeId::Cell, v),
            property: mk("property", TypeId::Property, v),
            staticmethod: mk("staticmethod", TypeId::StaticMethod, v),
            classmethod: mk("classmethod", TypeId::ClassMethod, v),
            super_: mk("super", TypeId::Super, v),
            iterators: RefCell::new(NameMap::default()),
            exceptions,
            object,
        }
    }

    /// Every builtin class: the fields, the iterator classes and the
    /// exceptions (for an interpreter's tear-down).
    pub fn all(&self) -> Vec<Rc<Class>> {
        let mut all = vec![
            self.object.clone(), self.type_.clone(), self.none.clone(), self.not_implemented.clone(),
            self.ellipsis.clone(), self.bool_.clone(), self.int.clone(), self.float.clone(), self.complex.clone(),
            self.str_.clone(), self.bytes.clone(), self.bytearray.clone(), self.list.clone(), self.tuple.clone(),
            self.dict.clone(), self.set.clone(), self.frozenset.clone(), self.range.clone(), self.slice.clone(),
            self.function.clone(), self.builtin_function.clone(), self.method.clone(), self.module.clone(),
            self.generator.clone(), self.coroutine.clone(), self.async_generator.clone(), self.cell.clone(),
            self.property.clone(), self.staticmethod.clone(), self.classmethod.clone(), self.super_.clone(),
        ];
        all.extend(self.iterators.borrow().values().cloned());
        all.extend(self.exceptions.values().cloned());
        all
    }

    pub fn exc(&self, name: &str) -> Rc<Class> {
        match self.exceptions.get(name) {
            Some(c) => c.clone(),
            None => self.exceptions["Exception"].clone(),
        }
    }
}

/// Builtin names to classes. Looked up on hot paths (every raise checks a
/// few exception classes by name), so hashed with FNV-1a rather than
/// SipHash, whose flood resistance these fixed keys do not need.
pub type NameMap<V> = HashMap<&'static str, V, std::hash::BuildHasherDefault<Fnv>>;

#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
