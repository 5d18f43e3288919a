//! The embedding API: an interpreter that runs scripts.

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::dict::DictTable;
use crate::runtime::value::Value;
use std::rc::Rc;

/// How a script ended, when it did not end normally.
#[derive(Debug)]
pub enum ScriptError {
    /// `SystemExit` (or `sys.exit()`): the exit status and any message printed for it.
    Exit(i32, Option<String>),
    /// An uncaught exception: the formatted traceback, ending in `Type: message`.
    Exception(String),
    /// An uncaught KeyboardInterrupt (Ctrl-C): the formatted traceback.
    Interrupted(String),
    /// The source did not parse: the syntax error.
    Syntax(crate::syntax::SyntaxError),
}

pub struct Interpreter {
    vm: Box<Vm>,
}

impl Drop for Interpreter {
    /// Threads still running never take the GIL again: they cannot reach
    /// the `Vm` once it is dropped. What the interpreter made is freed
    /// (see `tear_down`), without running any Python code.
    fn drop(&mut self) {
        self.vm.gil.close();
        self.vm.orphans.shut_down();
        self.tear_down();
    }
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    pub fn new() -> Interpreter {
        Interpreter { vm: Vm::new() }
    }

    /// The evaluator, for native extensions.
    pub fn vm(&self) -> &Vm {
        &self.vm
    }

    /// `sys.argv`, and `sys.path` starting with `path0` (the script's directory).
    pub fn set_argv(&self, argv: Vec<String>, path0: &str) {
        *self.vm.argv.borrow_mut() = argv;
        if let Some(l) = self.vm.sys_path.as_list() {
            l.items.borrow_mut().insert(0, Value::str(path0));
        }
    }

    /// Tells the interpreter which stack it runs on (see `Vm::set_stack`).
    pub fn set_stack(&self, base: usize, size: usize) {
        self.vm.set_stack(base, size);
    }

    /// Bounds the calls and loop iterations scripts may run from now on
    /// (`None`: unbounded, the default); past it every call and loop
    /// back-edge raises RuntimeError. The budget is one per process.
    /// Whether an uncaught exception's traceback is drawn with miette (for
    /// a terminal) instead of CPython's plain text; the last line is
    /// CPython's `Type: message` either way.
    pub fn set_fancy_tracebacks(&self, fancy: bool) {
        self.vm.fancy_tracebacks.set(fancy);
    }

    pub fn set_step_budget(&self, steps: Option<u64>) {
        crate::eval::budget::set(steps);
    }

    /// Runs `source` as the `__main__` module.
    pub fn run_source(&self, source: &str, filename: &str) -> Result<(), ScriptError> {
        let vm = &self.vm;
        let module = tulip_syntax::parse_module(source).map_err(ScriptError::Syntax)?;
        vm.sources.borrow_mut().insert(Rc::from(filename), Rc::from(source));
        let code = crate::compile::lower::lower_module(&module, source, Rc::from(filename), &vm.interner, false);
        let globals = self.new_main_module();
        globals.set_str(vm.names.file.clone(), Value::str(filename));
        globals.set_str(vm.names.doc.clone(), code.doc.clone().unwrap_or(Value::None));
        let r = vm.run_code(code, globals, None).map(|_| ()).map_err(|e| self.script_error(e));
        self.wait_for_threads();
        crate::modules::io::flush_all();
        vm.flush_out();
        r
    }

    /// Waits for the threads that are not daemons, as CPython does when
    /// the main program ends (`threading._shutdown`).
    fn wait_for_threads(&self) {
        let vm = &self.vm;
        let Some(threading) = vm.modules.get_str(&vm.intern("threading")) else { return };
        let shutdown = vm.get_attr(&threading, &vm.intern("_shutdown"));
        if let Err(e) = shutdown.and_then(|f| vm.call(&f, &[], &[])) {
            vm.flush_out();
            eprint!("Exception ignored on threading shutdown:\n{}", vm.format_exception(&e.0));
        }
    }

    /// Makes a fresh, empty `__main__` module and returns its namespace.
    pub fn new_main_module(&self) -> Rc<Dict> {
        let vm = &self.vm;
        let globals = crate::runtime::gc::new(Dict::new());
        globals.set_str(vm.names.name.clone(), Value::str("__main__"));
        globals.set_str(vm.names.doc.clone(), Value::None);
        globals.set_str(vm.names.package.clone(), Value::None);
        let main = Rc::new(Module { name: vm.intern("__main__"), dict: globals.clone() });
        vm.modules.set_str(vm.intern("__main__"), Value::Module(main));
        globals
    }

    /// The namespace of `__main__` (made when no script ran yet).
    pub fn main_globals(&self) -> Rc<Dict> {
        match self.vm.modules.get_str(&self.vm.names.main) {
            Some(Value::Module(m)) => m.dict.clone(),
            _ => self.new_main_module(),
        }
    }

    /// Runs module `name` from `sys.path` as `__main__` (`tulip -m name`).
    pub fn run_module(&self, name: &str) -> Result<(), ScriptError> {
        let vm = &self.vm;
        let path: Vec<String> = vm
            .collect(&vm.sys_path)
            .unwrap_or_default()
            .iter()
            .filter_map(|v| v.as_str().map(|s| s.as_str().to_string()))
            .collect();
        let rel = name.replace('.', "/");
        for dir in path {
            let base = std::path::Path::new(&dir);
            for candidate in [base.join(format!("{rel}.py")), base.join(&rel).join("__main__.py")] {
                if let Ok(bytes) = std::fs::read(&candidate) {
                    let text = tulip_syntax::decode_source(&bytes).map_err(ScriptError::Syntax)?;
                    return self.run_source(&text, &candidate.display().to_string());
                }
            }
        }
        Err(ScriptError::Exception(format!("No module named {name}")))
    }

    /// Runs the functions registered with `atexit`, last registered first,
    /// as CPython does when the main module has finished (after the
    /// traceback of an uncaught exception is printed).
    pub fn run_exit_handlers(&self) {
        let vm = &self.vm;
        if let Some(m) = vm.modules.get_str(&vm.intern("atexit")) {
            if let Ok(run) = vm.get_attr(&m, &vm.intern("_run_exitfuncs")) {
                let _ = vm.call(&run, &[], &[]);
            }
        }
        crate::modules::io::flush_all();
        vm.flush_out();
    }

    /// Frees what the main module still holds, as CPython does at exit, if
    /// that can run Python code: generators left suspended are closed and
    /// `__del__` methods run, in the module's order (names with a single
    /// leading underscore first, as CPython clears a module). Otherwise
    /// nothing is freed: the OS reclaims it all at once.
    pub fn finalize_main(&self) {
        let vm = &self.vm;
        if !vm.orphans.teardown_runs_code() {
            return;
        }
        let Some(Value::Module(main)) = vm.modules.get_str(&vm.names.main) else { return };
        let keys: Vec<Rc<crate::runtime::str::Str>> =
            main.dict.table.borrow().iter().filter_map(|e| match &e.key {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            }).collect();
        let private = |k: &str| k.starts_with('_') && !k.starts_with("__");
        for first_pass in [true, false] {
            for key in keys.iter().filter(|k| private(k.as_str()) == first_pass && k.as_str() != "__builtins__") {
                main.dict.set_str(key.clone(), Value::None);
                vm.finalize_freed();
            }
        }
        crate::runtime::gc::collect_generation(2);
        vm.finalize_freed();
        crate::modules::io::flush_all();
        vm.flush_out();
    }

    /// Breaks the cycles that would keep the interpreter's objects alive
    /// after it is gone, as CPython's finalization does: every module
    /// namespace, `sys.modules` and the builtins are emptied, and so are the
    /// classes they name, the builtin types and every class a script made
    /// (a class is first in its own MRO; its methods' globals hold it). A
    /// full collection then frees the rest. Values a host still holds stay
    /// valid objects, though their classes are empty.
    fn tear_down(&self) {
        let vm = &self.vm;
        vm.handling.borrow_mut().clear();
        *vm.asyncgen_hooks.borrow_mut() = [Value::None, Value::None];
        let mut namespaces: Vec<Rc<Dict>> = vec![vm.modules.clone(), vm.builtins.clone()];
        namespaces.extend(vm.modules.table.borrow().values().into_iter().filter_map(|m| match m {
            Value::Module(m) => Some(m.dict.clone()),
            _ => None,
        }));
        if let Some(main) = vm.main_module.borrow_mut().take() {
            namespaces.push(main.dict.clone());
        }
        // The classes named anywhere here, to empty in turn (with the
        // classes their dicts name).
        let named_classes = |table: DictTable| -> Vec<Rc<Class>> {
            table.values().into_iter().filter_map(|v| match v {
                Value::Class(c) => Some(c),
                _ => None,
            }).collect()
        };
        let mut classes = vm.types.all();
        classes.extend(vm.registry.borrow().iter().filter_map(|c| c.upgrade()));
        for d in namespaces {
            let table = std::mem::replace(&mut *d.table.borrow_mut(), DictTable::new());
            classes.extend(named_classes(table));
        }
        let mut emptied = std::collections::HashSet::new();
        while let Some(c) = classes.pop() {
            if !emptied.insert(Rc::as_ptr(&c)) {
                continue;
            }
            c.mro.borrow_mut().clear();
            c.bases.borrow_mut().clear();
            c.meta.borrow_mut().take();
            *c.construct.borrow_mut() = Construct::UNSET;
            drop(std::mem::take(&mut *c.cache.borrow_mut()));
            let table = std::mem::replace(&mut *c.dict.borrow_mut(), DictTable::new());
            classes.extend(named_classes(table));
        }
        crate::runtime::gc::collect_generation(2);
    }

    /// How an uncaught exception ends a script, with its traceback formatted.
    pub fn script_error(&self, e: PyErr) -> ScriptError {
        let vm = &self.vm;
        vm.flush_out();
        if vm.err_is(&e, "SystemExit") {
            let code = match vm.get_attr(&Value::Instance(e.0.clone()), &vm.intern("code")) {
                Ok(c) => c,
                Err(_) => Value::None,
            };
            return match code.builtin_base() {
                Value::None => ScriptError::Exit(0, None),
                Value::Int(i) => ScriptError::Exit(*i as i32, None),
                Value::Bool(b) => ScriptError::Exit(*b as i32, None),
                other => {
                    let text = vm.str(other).map(|s| s.as_str().to_string()).unwrap_or_default();
                    ScriptError::Exit(1, Some(text))
                }
            };
        }
        if vm.err_is(&e, "KeyboardInterrupt") {
            return ScriptError::Interrupted(vm.format_uncaught(&e.0));
        }
        ScriptError::Exception(vm.format_uncaught(&e.0))
    }
}
