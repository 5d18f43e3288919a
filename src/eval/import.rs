//! Imports: `sys.modules`, native modules, `.py` files and packages on
//! `sys.path`, and the standard library embedded in the binary.

use super::{Frame, FrameRecord, Vm};
use crate::compile::ir::{self, Code};
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Where a module's source was found.
enum Found {
    File(PathBuf, bool),
    Embedded(&'static str, bool),
}

impl Vm {
    pub fn import_name(&self, _f: &Frame, n: &ir::ImportName) -> PyResult<Value> {
        let leaf = self.import_module(n.module.as_str())?;
        if n.bind_top {
            let top = n.module.as_str().split('.').next().unwrap_or("");
            return self.modules.get_str(&self.intern(top)).ok_or_else(|| self.module_not_found(top));
        }
        Ok(leaf)
    }

    pub fn import_from(&self, f: &mut Frame, imp: &ir::ImportFrom) -> PyResult<()> {
        let name = self.resolve_relative(f, imp.module.as_ref().map(|m| m.as_str()), imp.level)?;
        let module = self.import_module(&name)?;
        if imp.names.is_empty() {
            return self.import_star(f, &module);
        }
        for (attr, target) in &imp.names {
            let v = match self.get_attr_opt(&module, attr)? {
                Some(v) => v,
                None => {
                    let sub = format!("{}.{}", name, attr.as_str());
                    match self.import_module(&sub) {
                        Ok(v) => v,
                        Err(e) if self.err_is(&e, "ModuleNotFoundError") => {
                            let location = match &module {
                                Value::Module(m) => match m.dict.get_str(&self.names.file) {
                                    Some(file) => format!(" ({})", self.str(&file)?.as_str()),
                                    None => " (unknown location)".to_string(),
                                },
                                _ => String::new(),
                            };
                            let partially = match &module {
                                Value::Module(m) if self.initializing.borrow().iter().any(|n| n.as_str() == m.name.as_str()) => {
                                    format!(
                                        "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import)",
                                        attr.as_str(),
                                        name
                                    )
                                }
                                _ => format!("cannot import name '{}' from '{}'", attr.as_str(), name),
                            };
                            let err = self.new_error("ImportError", format!("{partially}{location}"));
                            if let Some(d) = &err.0.dict {
                                d.set_str(self.intern("name"), Value::string(name.clone()));
                            }
                            return Err(err);
                        }
                        Err(e) => return Err(e),
                    }
                }
            };
            self.assign(f, target, v)?;
        }
        Ok(())
    }

    fn import_star(&self, f: &mut Frame, module: &Value) -> PyResult<()> {
        let Value::Module(m) = module else { return Ok(()) };
        let names: Vec<Value> = match m.dict.get_str(&self.names.all) {
            Some(all) => self.collect(&all)?,
            None => m
                .dict
                .table
                .borrow()
                .keys()
                .into_iter()
                .filter(|k| k.as_str().is_some_and(|s| !s.as_str().starts_with('_')))
                .collect(),
        };
        for n in names {
            let Some(s) = n.as_str() else { continue };
            let sym = self.intern(s.as_str());
            let v = self.get_attr(module, &sym)?;
            self.store_name(f, &sym, v)?;
        }
        Ok(())
    }

    /// The absolute module name of a (possibly relative) import.
    fn resolve_relative(&self, f: &Frame, module: Option<&str>, level: u32) -> PyResult<String> {
        if level == 0 {
            return Ok(module.unwrap_or("").to_string());
        }
        let package = match f.globals.get_str(&self.names.package) {
            Some(Value::Str(p)) => p.as_str().to_string(),
            _ => String::new(),
        };
        if package.is_empty() {
            return Err(self.new_error("ImportError", "attempted relative import with no known parent package"));
        }
        let mut parts: Vec<&str> = package.split('.').collect();
        for _ in 1..level {
            if parts.pop().is_none() || parts.is_empty() {
                return Err(self.new_error("ImportError", "attempted relative import beyond top-level package"));
            }
        }
        let mut name = parts.join(".");
        if let Some(m) = module {
            name.push('.');
            name.push_str(m);
        }
        Ok(name)
    }

    fn module_not_found(&self, name: &str) -> PyErr {
        let err = self.new_error("ModuleNotFoundError", format!("No module named '{name}'"));
        if let Some(d) = &err.0.dict {
            d.set_str(self.intern("name"), Value::str(name));
        }
        err
    }

    /// Imports `name` (and its parent packages); returns the module.
    pub fn import_module(&self, name: &str) -> PyResult<Value> {
        if name.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        let sym = self.intern(name);
        if let Some(m) = self.modules.get_str(&sym) {
            return Ok(m);
        }
        let (parent, last) = match name.rfind('.') {
            Some(i) => (Some(&name[..i]), &name[i + 1..]),
            None => (None, name),
        };
        let parent_mod = match parent {
            Some(p) => Some(self.import_module(p)?),
            None => None,
        };
        if let Some(m) = self.modules.get_str(&sym) {
            return Ok(m);
        }
        if parent.is_none() {
            if let Some(m) = crate::modules::load_native(self, name) {
                let m = m?;
                self.modules.set_str(sym, m.clone());
                return Ok(m);
            }
        }
        let search: Vec<String> = match &parent_mod {
            Some(Value::Module(p)) => match p.dict.get_str(&self.names.path) {
                Some(path) => self.collect(&path)?.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_string())).collect(),
                None => return Err(self.module_not_found(name)),
            },
            Some(_) => return Err(self.module_not_found(name)),
            None => self.collect(&self.sys_path)?.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_string())).collect(),
        };
        let found = self.find_module(name, last, &search).ok_or_else(|| self.module_not_found(name))?;
        let module = self.load_module(name, found)?;
        if let (Some(Value::Module(p)), Value::Module(_)) = (&parent_mod, &module) {
            p.dict.set_str(self.intern(last), module.clone());
        }
        Ok(module)
    }

    fn find_module(&self, full: &str, last: &str, search: &[String]) -> Option<Found> {
        for dir in search {
            if dir.starts_with("<stdlib>") {
                continue;
            }
            let base = Path::new(dir);
            let pkg = base.join(last).join("__init__.py");
            if pkg.is_file() {
                return Some(Found::File(pkg, true));
            }
            let file = base.join(format!("{last}.py"));
            if file.is_file() {
                return Some(Found::File(file, false));
            }
        }
        crate::stdlib::find(full).map(|(src, is_pkg)| Found::Embedded(src, is_pkg))
    }

    fn load_module(&self, name: &str, found: Found) -> PyResult<Value> {
        let (source, filename, is_pkg, dir): (String, String, bool, Option<String>) = match found {
            Found::File(path, is_pkg) => {
                let bytes = std::fs::read(&path).map_err(|e| self.new_error("ImportError", e.to_string()))?;
                let text = match tulip_syntax::decode_source(&bytes) {
                    Ok(t) => t,
                    Err(e) => return Err(self.syntax_error_exc(&e, &path.display().to_string(), "")),
                };
                let dir = path.parent().map(|p| p.display().to_string());
                (text, path.display().to_string(), is_pkg, dir)
            }
            Found::Embedded(src, is_pkg) => {
                let file = format!("<stdlib>/{}{}", name.replace('.', "/"), if is_pkg { "/__init__.py" } else { ".py" });
                let dir = if is_pkg { Some(format!("<stdlib>/{}", name.replace('.', "/"))) } else { None };
                (src.to_string(), file, is_pkg, dir)
            }
        };
        let dict = crate::runtime::gc::new(Dict::new());
        dict.set_str(self.names.name.clone(), Value::str(name));
        dict.set_str(self.names.file.clone(), Value::str(&filename));
        let package = if is_pkg { name.to_string() } else { name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default() };
        dict.set_str(self.names.package.clone(), Value::str(&package));
        if is_pkg {
            if let Some(d) = dir {
                dict.set_str(self.names.path.clone(), Value::list(vec![Value::str(&d)]));
            }
        }
        dict.set_str(self.names.builtins.clone(), Value::Dict(self.builtins.clone()));
        let module = Rc::new(Module { name: self.intern(name), dict: dict.clone() });
        let mv = Value::Module(module);
        let sym = self.intern(name);
        self.modules.set_str(sym.clone(), mv.clone());
        self.initializing.borrow_mut().push(sym.clone());
        // The module's docstring is its __doc__ (None without one), as
        // the main module's is.
        let r = self.compile_module(&source, &filename, false).and_then(|code| {
            dict.set_str(self.names.doc.clone(), code.doc.clone().unwrap_or(Value::None));
            self.run_code(code, dict, None)
        });
        self.initializing.borrow_mut().retain(|n| !Rc::ptr_eq(n, &sym));
        if let Err(e) = r {
            self.modules.del_str(&sym);
            return Err(e);
        }
        // A module may replace itself in sys.modules while running.
        Ok(self.modules.get_str(&sym).unwrap_or(mv))
    }

    /// Compiles `source` as a module body.
    pub fn compile_module(&self, source: &str, filename: &str, names_local: bool) -> PyResult<Rc<Code>> {
        let module = tulip_syntax::parse_module(source).map_err(|e| self.syntax_error_exc(&e, filename, source))?;
        self.sources.borrow_mut().insert(Rc::from(filename), Rc::from(source));
        Ok(crate::compile::lower::lower_module(&module, source, Rc::from(filename), &self.interner, names_local))
    }

    /// Runs module-level code in `globals` (and `locals`, for `exec`).
    pub fn exec_source(&self, source: &str, filename: &str, globals: Rc<Dict>, locals: Option<Value>) -> PyResult<Value> {
        let code = self.compile_module(source, filename, locals.is_some())?;
        self.run_code(code, globals, locals)
    }

    pub fn run_code(&self, code: Rc<Code>, globals: Rc<Dict>, locals: Option<Value>) -> PyResult<Value> {
        if globals.get_str(&self.names.builtins).is_none() {
            globals.set_str(self.names.builtins.clone(), Value::Dict(self.builtins.clone()));
        }
        let (mut slots, mut cells) = (Default::default(), Default::default());
        let rec = FrameRecord::new(&code, &globals);
        let mut frame = Frame::new(&rec, locals, &[], &mut slots, &mut cells);
        let depth = self.depth.get();
        self.depth.set(depth + 1);
        let linked = rec.link(&self.frames);
        let r = self.exec_block(&mut frame, &code.body);
        drop(linked);
        self.finalize_freed();
        self.depth.set(depth);
        match r {
            Ok(_) => Ok(Value::None),
            Err(e) => {
                self.add_traceback(&e, &frame);
                Err(e)
            }
        }
    }

    /// A SyntaxError exception for a front-end error.
    pub fn syntax_error_exc(&self, e: &tulip_syntax::SyntaxError, filename: &str, source: &str) -> PyErr {
        let index = tulip_syntax::LineIndex::new(source);
        let (line, col) = index.line_col(source, e.span.start);
        let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("").to_string();
        let class = self.types.exc(e.kind.name());
        let details = Value::tuple(vec![
            Value::str(filename),
            Value::Int(line as i64),
            Value::Int(col as i64 + 1),
            Value::string(text.clone()),
        ]);
        let err = self.new_exc(&class, vec![Value::str(&e.msg), details]);
        if let Some(d) = &err.0.dict {
            d.set_str(self.intern("msg"), Value::str(&e.msg));
            d.set_str(self.intern("lineno"), Value::Int(line as i64));
            d.set_str(self.intern("offset"), Value::Int(col as i64 + 1));
            d.set_str(self.intern("filename"), Value::str(filename));
            d.set_str(self.intern("text"), Value::string(text));
        }
        err
    }
}
