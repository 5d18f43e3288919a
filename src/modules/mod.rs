//! Modules implemented natively.

pub mod binascii;
pub mod bisect;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod inspect;
pub mod io;
mod json;
pub mod math;
pub mod os;
mod os_fd;
pub mod random;
pub mod re;
mod select;
mod simple_queue;
pub mod signal;
mod socket;
pub mod stat;
pub mod string;
mod strptime;
pub mod struct_;
pub mod structseq;
mod subprocess;
pub mod sys;
pub mod tempfile;
pub mod thread;
pub mod time;
pub mod traceback;
mod tulip;
pub mod unicodedata;
mod unicodedata_tables;
pub mod weakref;
pub mod zlib;

use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::rc::Rc;

/// The public native modules (for completion after `import`).
pub const NAMES: &[&str] = &["builtins", "gc", "io", "math", "os", "re", "stat", "string", "sys", "tempfile", "time"];

/// Creates the native module `name`, or `None` if there is none.
pub fn load_native(vm: &Vm, name: &str) -> Option<PyResult<Value>> {
    let mut prelude: Option<&'static str> = None;
    let init: fn(&Vm, &Dict) -> PyResult<()> = match name {
        "sys" => sys::init,
        "os" => {
            prelude = Some(os::PRELUDE);
            os::init
        }
        "tempfile" => {
            prelude = Some(tempfile::PRELUDE);
            tempfile::init
        }
        "string" => {
            prelude = Some(string::PRELUDE);
            string::init
        }
        "posixpath" => {
            return Some(vm.import_module("os").and_then(|_| {
                vm.modules.get_str(&vm.intern("os.path")).ok_or_else(|| vm.new_error("ImportError", "os.path is missing"))
            }))
        }
        "re" => {
            prelude = Some(re::PRELUDE);
            re::init
        }
        "struct" => {
            prelude = Some(struct_::PRELUDE);
            struct_::init
        }
        "binascii" => {
            prelude = Some(binascii::PRELUDE);
            binascii::init
        }
        "_hashlib" => hashlib::init,
        "_json" => json::init,
        "_traceback" => traceback::init,
        "_weakref" => weakref::init,
        "math" => math::init,
        "_asyncio" => crate::aio::init,
        "gc" => gc::init,
        "_inspect" => inspect::init,
        "_tulip" => tulip::init,
        "_random" => random::init,
        "_bisect" => bisect::init,
        "_heapq" => heapq::init,
        "_signal" => signal::init,
        "_socket" => socket::init,
        "_subprocess" => subprocess::init,
        "_zlib" => zlib::init,
        "_thread" => thread::init,
        "_queue" => {
            prelude = Some(simple_queue::PRELUDE);
            simple_queue::init
        }
        "io" => io::init,
        "select" => {
            prelude = Some(select::PRELUDE);
            select::init
        }
        "stat" => stat::init,
        "_io" => return Some(vm.import_module("io")),
        "time" => time::init,
        "unicodedata" => unicodedata::init,
        "builtins" => return Some(Ok(Value::Module(Rc::new(Module { name: vm.intern("builtins"), dict: vm.builtins.clone() })))),
        _ => return None,
    };
    let dict = crate::runtime::gc::new(Dict::new());
    dict.set_str(vm.names.name.clone(), Value::str(name));
    dict.set_str(vm.names.doc.clone(), Value::None);
    dict.set_str(vm.names.package.clone(), Value::str(""));
    let r = init(vm, &dict).and_then(|_| match prelude {
        // Parts written in Python run in the module's namespace.
        Some(src) => vm.exec_source(src, &format!("<frozen {name}>"), dict.clone(), None).map(|_| ()),
        None => Ok(()),
    });
    Some(r.map(|_| Value::Module(Rc::new(Module { name: vm.intern(name), dict }))))
}

/// A module-level native function.
pub fn def(vm: &Vm, d: &Dict, name: &'static str, f: NativeFn) {
    crate::builtins::set_function(vm, d, name, f);
}
