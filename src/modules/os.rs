//! `os` and its submodule `os.path` (posixpath): files, directories,
//! `stat`, the environment, and path manipulation as CPython's posixpath.

use super::{def, structseq};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::rc::Rc;

// ----- errors -----

/// The OSError subclass CPython picks for `errno`.
pub fn errno_class(errno: i32) -> &'static str {
    match errno {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => "OSError",
    }
}

pub fn strerror(errno: i32) -> String {
    let p = unsafe { libc::strerror(errno) };
    if p.is_null() {
        return format!("Unknown error {errno}");
    }
    unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// An OSError (subclass) for `errno`, like CPython's `PyErr_SetFromErrnoWithFilenameObjects`.
/// A path-like filename is recorded as its `os.fspath` string, as CPython's
/// path converter does, so the message shows `'/x'`, not `PosixPath('/x')`.
pub fn errno_error(vm: &Vm, errno: i32, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let filename = filename.map(|f| error_filename(vm, f));
    let filename2 = filename2.map(|f| error_filename(vm, f));
    let class = vm.types.exc(errno_class(errno));
    let msg = strerror(errno);
    let mut args = vec![Value::Int(errno as i64), Value::string(msg.clone())];
    if let Some(f) = &filename {
        args.push(f.clone());
        if let Some(f2) = &filename2 {
            args.push(Value::Int(0));
            args.push(f2.clone());
        }
    }
    let err = vm.new_exc(&class, args);
    if let Some(d) = &err.0.dict {
        d.set_str(vm.intern("errno"), Value::Int(errno as i64));
        d.set_str(vm.intern("strerror"), Value::string(msg));
        d.set_str(vm.intern("filename"), filename.unwrap_or(Value::None));
        d.set_str(vm.intern("filename2"), filename2.unwrap_or(Value::None));
    }
    // OSError's args are (errno, strerror) even with a filename.
    if let Some(e) = err.0.exc() {
        let a = match &e.borrow().args {
            Value::Tuple(t) => t.items[..2.min(t.items.len())].to_vec(),
            _ => Vec::new(),
        };
        e.borrow_mut().args = Value::tuple(a);
    }
    err
}

/// The filename an OSError records for the path argument `f`: its fspath
/// when it is path-like, else itself (a descriptor, or whatever
/// `__fspath__` refused).
fn error_filename(vm: &Vm, f: Value) -> Value {
    match f {
        Value::Str(_) | Value::Bytes(_) | Value::Int(_) => f,
        _ => match fspath_value(vm, &f) {
            Ok(Some(p)) => p,
            _ => f,
        },
    }
}

/// An OSError for a Rust I/O error on `filename`.
pub fn io_error(vm: &Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    match e.raw_os_error() {
        Some(n) => errno_error(vm, n, filename, None),
        None => {
            let errno = match e.kind() {
                std::io::ErrorKind::NotFound => libc::ENOENT,
                std::io::ErrorKind::PermissionDenied => libc::EACCES,
                std::io::ErrorKind::AlreadyExists => libc::EEXIST,
                std::io::ErrorKind::InvalidInput => libc::EINVAL,
                _ => return vm.new_error("OSError", e.to_string()),
            };
            errno_error(vm, errno, filename, None)
        }
    }
}

fn io_error2(vm: &Vm, e: &std::io::Error, a: &Value, b: &Value) -> PyErr {
    match e.raw_os_error() {
        Some(n) => errno_error(vm, n, Some(a.clone()), Some(b.clone())),
        None => io_error(vm, e, Some(a.clone())),
    }
}

// ----- path arguments -----

/// `os.fspath`: str and bytes as they are, else `__fspath__()`.
pub fn fspath_value(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Str(_) | Value::Bytes(_) => return Ok(Some(v.clone())),
        _ => {}
    }
    if v.as_str().is_some() {
        return Ok(Some(v.clone()));
    }
    let class = vm.type_of(v);
    if let Some(f) = class.lookup(&vm.intern("__fspath__")) {
        let r = vm.call(&vm.bind_descriptor(f, v)?, &[], &[])?;
        return match &r {
            Value::Str(_) | Value::Bytes(_) => Ok(Some(r)),
            _ if r.as_str().is_some() => Ok(Some(r)),
            _ => Err(vm.type_error(format!(
                "expected {}.__fspath__() to return str or bytes, not {}",
                class.name().as_str(),
                vm.type_name(&r).as_str()
            ))),
        };
    }
    Ok(None)
}

fn value_to_string(v: &Value) -> String {
    match v {
        Value::Bytes(b) => String::from_utf8_lossy(&b.data).into_owned(),
        _ => v.as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
    }
}

/// A path argument of an `os` function, with CPython's message on bad types.
pub fn path_arg(vm: &Vm, fname: &str, v: &Value) -> PyResult<String> {
    match fspath_value(vm, v)? {
        Some(p) => {
            let s = value_to_string(&p);
            if s.contains('\0') {
                return Err(vm.value_error(format!("{fname}: embedded null character in path")));
            }
            Ok(s)
        }
        None => Err(vm.type_error(format!("{fname}: path should be string, bytes or os.PathLike, not {}", vm.type_name(v).as_str()))),
    }
}

/// A path argument of an `os.path` function (`os.fspath` semantics).
fn pstr(vm: &Vm, v: &Value) -> PyResult<String> {
    match fspath_value(vm, v)? {
        Some(p) => Ok(value_to_string(&p)),
        None => Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v).as_str()))),
    }
}

fn s(v: String) -> Value {
    Value::string(v)
}

// ----- module set-up -----

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let set = |n: &str, v: Value| d.set_str(vm.intern(n), v);
    set("name", Value::str("posix"));
    set("sep", Value::str("/"));
    set("altsep", Value::None);
    set("extsep", Value::str("."));
    set("pathsep", Value::str(":"));
    set("linesep", Value::str("\n"));
    set("curdir", Value::str("."));
    set("pardir", Value::str(".."));
    set("defpath", Value::str("/bin:/usr/bin"));
    set("devnull", Value::str("/dev/null"));
    for (n, v) in [
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
    ] {
        set(n, Value::Int(v));
    }
    super::os_fd::init(vm, d);
    let table: &[(&'static str, NativeFn)] = &[
        ("getcwd", getcwd),
        ("getcwdb", getcwdb),
        ("chdir", chdir),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("remove", remove),
        ("unlink", remove),
        ("rename", rename),
        ("replace", rename),
        ("stat", stat),
        ("lstat", lstat),
        ("fspath", fspath),
        ("getenv", getenv),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("getpid", getpid),
        ("getppid", getppid),
        ("getuid", getuid),
        ("cpu_count", cpu_count),
        ("urandom", urandom),
        ("access", access),
        ("chmod", chmod),
        ("readlink", readlink),
        ("symlink", symlink),
        ("utime", utime),
        ("umask", umask),
        ("strerror", strerror_fn),
        ("get_terminal_size", get_terminal_size),
        ("close", close),
        ("_exit", exit_now),
        ("isatty", isatty),
        ("system", system),
        ("getlogin", getlogin),
    ];
    for &(name, f) in table {
        def(vm, d, name, f);
    }
    set("stat_result", Value::Class(structseq::class(vm, &structseq::STAT_RESULT)));
    set("terminal_size", Value::Class(structseq::class(vm, &structseq::TERMINAL_SIZE)));
    set("error", Value::Class(vm.types.exc("OSError")));
    let env: Vec<Value> = std::env::vars_os()
        .map(|(k, v)| Value::tuple(vec![s(k.to_string_lossy().into_owned()), s(v.to_string_lossy().into_owned())]))
        .collect();
    set("_environ_items", Value::list(env));

    // os.path, also importable as `os.path` and `posixpath`.
    let pd = Rc::new(Dict::new());
    pd.set_str(vm.names.name.clone(), Value::str("posixpath"));
    pd.set_str(vm.names.doc.clone(), Value::None);
    pd.set_str(vm.names.package.clone(), Value::str(""));
    path_init(vm, &pd);
    let path_mod = Value::Module(Rc::new(Module { name: vm.intern("posixpath"), dict: pd.clone() }));
    set("path", path_mod.clone());
    vm.modules.set_str(vm.intern("os.path"), path_mod.clone());
    vm.modules.set_str(vm.intern("posixpath"), path_mod);

    Ok(())
}

/// Parts of `os` written in Python.
pub const PRELUDE: &str = r#"
def _check_methods(C, *methods):
    return True

class _Environ(dict):
    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        putenv(key, value)
        dict.__setitem__(self, key, value)
    def __delitem__(self, key):
        unsetenv(key)
        dict.__delitem__(self, key)
    def pop(self, key, *default):
        if key in self:
            unsetenv(key)
        return dict.pop(self, key, *default)
    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]
    def update(self, *args, **kw):
        for k, v in dict(*args, **kw).items():
            self[k] = v
    def copy(self):
        return dict(self)
    def __repr__(self):
        return "environ({" + ", ".join("%r: %r" % (k, v) for k, v in self.items()) + "})"

environ = _Environ(_environ_items)
del _environ_items

def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise

def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)

def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass

class DirEntry:
    def __init__(self, top, name):
        self.name = name
        self.path = path.join(top, name)
    def is_dir(self, *, follow_symlinks=True):
        if follow_symlinks:
            return path.isdir(self.path)
        return not path.islink(self.path) and path.isdir(self.path)
    def is_file(self, *, follow_symlinks=True):
        if follow_symlinks:
            return path.isfile(self.path)
        return not path.islink(self.path) and path.isfile(self.path)
    def is_symlink(self):
        return path.islink(self.path)
    def stat(self, *, follow_symlinks=True):
        return stat(self.path) if follow_symlinks else lstat(self.path)
    def inode(self):
        return lstat(self.path).st_ino
    def __fspath__(self):
        return self.path
    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)

DirEntry.__module__ = "posix"

class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._it)
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.close()
    def close(self):
        self._it = iter(())

def scandir(top="."):
    top = fspath(top)
    return _ScandirIterator([DirEntry(top, n) for n in listdir(top)])

def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    walk_dirs = []
    for name in names:
        full = path.join(top, name)
        if path.isdir(full):
            dirs.append(name)
            if not topdown and (followlinks or not path.islink(full)):
                walk_dirs.append(full)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            new_path = path.join(top, name)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs

def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)

def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get("PATH", defpath).split(pathsep)

class PathLike:
    def __fspath__(self):
        raise NotImplementedError
    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, "__fspath__")
"#;

// ----- os functions -----

fn getcwd(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("posix.getcwd", "").bind(vm, a, kw)?;
    match std::env::current_dir() {
        Ok(p) => Ok(s(p.to_string_lossy().into_owned())),
        Err(e) => Err(io_error(vm, &e, None)),
    }
}

fn getcwdb(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("posix.getcwdb", "").bind(vm, a, kw)?;
    match std::env::current_dir() {
        Ok(p) => Ok(Value::Bytes(Rc::new(Bytes { data: p.to_string_lossy().as_bytes().into() }))),
        Err(e) => Err(io_error(vm, &e, None)),
    }
}

fn chdir(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!("chdir", "path").bind(vm, a, kw)?;
    let path = path_arg(vm, "chdir", p)?;
    std::env::set_current_dir(&path).map_err(|e| io_error(vm, &e, Some(p.clone())))?;
    Ok(Value::None)
}

fn listdir(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [p]) = crate::sig!("listdir", "path=None").bind(vm, a, kw)?;
    let p = p.cloned().unwrap_or(Value::None);
    let (path, orig, bytes) = if p.is_none() {
        (".".to_string(), Value::str("."), false)
    } else {
        let fp = fspath_value(vm, &p)?.ok_or_else(|| {
            vm.type_error(format!("listdir: path should be string, bytes, os.PathLike, integer or None, not {}", vm.type_name(&p).as_str()))
        })?;
        (value_to_string(&fp), p.clone(), matches!(fp, Value::Bytes(_)))
    };
    let rd = std::fs::read_dir(&path).map_err(|e| io_error(vm, &e, Some(orig.clone())))?;
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| io_error(vm, &e, Some(orig.clone())))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if bytes {
            out.push(Value::Bytes(Rc::new(Bytes { data: name.as_bytes().into() })));
        } else {
            out.push(s(name));
        }
    }
    Ok(Value::list(out))
}

fn mkdir(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], [mode, _dir_fd]) = crate::sig!("mkdir", "path, mode=511, *, dir_fd=None").bind(vm, a, kw)?;
    let path = path_arg(vm, "mkdir", p)?;
    let mode = match mode {
        Some(m) => vm.index_value(m)? as u32,
        None => 0o777,
    };
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(mode).create(&path).map_err(|e| io_error(vm, &e, Some(p.clone())))?;
    Ok(Value::None)
}

fn rmdir(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!("rmdir", "path").bind(vm, a, kw)?;
    let path = path_arg(vm, "rmdir", p)?;
    std::fs::remove_dir(&path).map_err(|e| io_error(vm, &e, Some(p.clone())))?;
    Ok(Value::None)
}

fn remove(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!("remove", "path").bind(vm, a, kw)?;
    let path = path_arg(vm, "remove", p)?;
    std::fs::remove_file(&path).map_err(|e| io_error(vm, &e, Some(p.clone())))?;
    Ok(Value::None)
}

fn rename(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([src, dst], []) = crate::sig!("rename", "src, dst").bind(vm, a, kw)?;
    let from = path_arg(vm, "rename", &src)?;
    let to = path_arg(vm, "rename", &dst)?;
    std::fs::rename(&from, &to).map_err(|e| io_error2(vm, &e, &src, &dst))?;
    Ok(Value::None)
}

fn stat_value(vm: &Vm, m: &std::fs::Metadata) -> Value {
    let ns = |secs: i64, nsec: i64| -> Value {
        let v = secs as i128 * 1_000_000_000 + nsec as i128;
        match i64::try_from(v) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(num_bigint::BigInt::from(v)),
        }
    };
    let f = |secs: i64, nsec: i64| Value::float(secs as f64 + nsec as f64 * 1e-9);
    let items = vec![
        Value::Int(m.mode() as i64),
        Value::Int(m.ino() as i64),
        Value::Int(m.dev() as i64),
        Value::Int(m.nlink() as i64),
        Value::Int(m.uid() as i64),
        Value::Int(m.gid() as i64),
        Value::Int(m.size() as i64),
        Value::Int(m.atime()),
        Value::Int(m.mtime()),
        Value::Int(m.ctime()),
    ];
    let extra = vec![
        f(m.atime(), m.atime_nsec()),
        f(m.mtime(), m.mtime_nsec()),
        f(m.ctime(), m.ctime_nsec()),
        ns(m.atime(), m.atime_nsec()),
        ns(m.mtime(), m.mtime_nsec()),
        ns(m.ctime(), m.ctime_nsec()),
        Value::Int(m.blksize() as i64),
        Value::Int(m.blocks() as i64),
        Value::Int(m.rdev() as i64),
    ];
    structseq::make(vm, &structseq::STAT_RESULT, items, extra)
}

fn stat_impl(vm: &Vm, fname: &str, p: &Value, follow: bool) -> PyResult<Value> {
    if let Value::Int(fd) = *p {
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd as i32, &mut st) } != 0 {
            let e = std::io::Error::last_os_error();
            return Err(io_error(vm, &e, None));
        }
        let file = std::mem::ManuallyDrop::new(unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(fd as i32) });
        return match file.metadata() {
            Ok(m) => Ok(stat_value(vm, &m)),
            Err(e) => Err(io_error(vm, &e, None)),
        };
    }
    let path = match fspath_value(vm, &p)? {
        Some(v) => value_to_string(&v),
        None => {
            return Err(vm.type_error(format!(
                "{fname}: path should be string, bytes, os.PathLike or integer, not {}",
                vm.type_name(p).as_str()
            )))
        }
    };
    let m = if follow { std::fs::metadata(&path) } else { std::fs::symlink_metadata(&path) };
    match m {
        Ok(m) => Ok(stat_value(vm, &m)),
        Err(e) => Err(io_error(vm, &e, Some(p.clone()))),
    }
}

fn stat(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], [_dir_fd, follow]) = crate::sig!("stat", "path, *, dir_fd=None, follow_symlinks=True").bind(vm, a, kw)?;
    let follow = follow.map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    stat_impl(vm, "stat", p, follow)
}

fn lstat(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], [_dir_fd]) = crate::sig!("lstat", "path, *, dir_fd=None").bind(vm, a, kw)?;
    stat_impl(vm, "lstat", p, false)
}

fn fspath(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!("fspath", "path").bind(vm, a, kw)?;
    match fspath_value(vm, p)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(p).as_str()))),
    }
}

fn getenv(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([key], [default]) = crate::sig!(py "getenv", "key, default=None").bind(vm, a, kw)?;
    let default = default.cloned().unwrap_or(Value::None);
    let os = vm.import_module("os")?;
    let env = vm.get_attr(&os, &vm.intern("environ"))?;
    if key.as_str().is_none() {
        return Err(vm.type_error(format!("str expected, not {}", vm.type_name(key).as_str())));
    }
    match env.as_dict() {
        Some(d) => Ok(vm.dict_get(d, key)?.unwrap_or(default)),
        None => Ok(default),
    }
}

fn putenv(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([name, value], []) = crate::sig!("putenv", "name, value, /").bind(vm, a, kw)?;
    let (Some(k), Some(v)) = (name.as_str(), value.as_str()) else {
        return Err(vm.type_error("putenv() argument must be str"));
    };
    if k.as_str().is_empty() || k.as_str().contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if k.as_str().contains('\0') || v.as_str().contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(k.as_str(), v.as_str());
    Ok(Value::None)
}

fn unsetenv(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([name], []) = crate::sig!("posix.unsetenv", "name, /").bind(vm, a, kw)?;
    let Some(k) = name.as_str() else { return Err(vm.type_error("unsetenv() argument must be str")) };
    if k.as_str().is_empty() || k.as_str().contains('=') || k.as_str().contains('\0') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(k.as_str());
    Ok(Value::None)
}

fn getpid(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("posix.getpid", "").bind(vm, a, kw)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("posix.getppid", "").bind(vm, a, kw)?;
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

fn getuid(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("posix.getuid", "").bind(vm, a, kw)?;
    Ok(Value::Int(unsafe { libc::getuid() } as i64))
}

fn getlogin(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("posix.getlogin", "").bind(vm, a, kw)?;
    match std::env::var("LOGNAME").or_else(|_| std::env::var("USER")) {
        Ok(u) => Ok(s(u)),
        Err(_) => Err(errno_error(vm, libc::ENXIO, None, None)),
    }
}

fn cpu_count(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("posix.cpu_count", "").bind(vm, a, kw)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

pub fn random_bytes(n: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = crate::runtime::alloc::vec_with_capacity(n).map_err(|_| std::io::ErrorKind::OutOfMemory)?;
    buf.resize(n, 0u8);
    let mut f = std::fs::File::open("/dev/urandom")?;
    f.read_exact(&mut buf)?;
    Ok(buf)
}

fn urandom(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([size], []) = crate::sig!("posix.urandom", "size, /").bind(vm, a, kw)?;
    let n = vm.index_value(size)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    crate::runtime::alloc::vec_with_capacity::<u8>(n as usize).map_err(|_| vm.memory_error())?;
    let buf = random_bytes(n as usize).map_err(|e| io_error(vm, &e, None))?;
    Ok(Value::Bytes(Rc::new(Bytes { data: buf.into() })))
}

fn access(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p, mode], []) = crate::sig!("access", "path, mode").bind(vm, a, kw)?;
    let path = path_arg(vm, "access", p)?;
    let mode = vm.index_value(mode)? as i32;
    let Ok(c) = std::ffi::CString::new(path) else { return Ok(Value::bool(false)) };
    Ok(Value::bool(unsafe { libc::access(c.as_ptr(), mode) } == 0))
}

fn chmod(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p, mode], []) = crate::sig!("chmod", "path, mode").bind(vm, a, kw)?;
    let path = path_arg(vm, "chmod", p)?;
    let mode = vm.index_value(mode)? as u32;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).map_err(|e| io_error(vm, &e, Some(p.clone())))?;
    Ok(Value::None)
}

fn readlink(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!("readlink", "path").bind(vm, a, kw)?;
    let path = path_arg(vm, "readlink", p)?;
    match std::fs::read_link(&path) {
        Ok(t) => Ok(s(t.to_string_lossy().into_owned())),
        Err(e) => Err(io_error(vm, &e, Some(p.clone()))),
    }
}

fn symlink(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([src, dst], [_target_is_directory]) = crate::sig!("symlink", "src, dst, target_is_directory=False").bind(vm, a, kw)?;
    let from = path_arg(vm, "symlink", src)?;
    let to = path_arg(vm, "symlink", dst)?;
    std::os::unix::fs::symlink(&from, &to).map_err(|e| io_error2(vm, &e, &src, &dst))?;
    Ok(Value::None)
}

fn utime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], [times, ns, _dir_fd, _follow]) =
        crate::sig!("utime", "path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True").bind(vm, a, kw)?;
    let path = path_arg(vm, "utime", p)?;
    let times = times.cloned().unwrap_or(Value::None);
    if ns.is_some() && !times.is_none() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    // ns=(atime_ns, mtime_ns): whole nanoseconds, as shutil.copystat passes them.
    let ts = if let Some(ns) = ns {
        let t = vm.collect(ns)?;
        if t.len() != 2 {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        }
        let conv = |v: &Value| -> PyResult<libc::timespec> {
            let n = vm.index_value(v)?;
            Ok(libc::timespec { tv_sec: n.div_euclid(1_000_000_000) as libc::time_t, tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long })
        };
        [conv(&t[0])?, conv(&t[1])?]
    } else if times.is_none() {
        [libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }, libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }]
    } else {
        let t = vm.collect(&times)?;
        if t.len() != 2 {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        }
        let conv = |v: &Value| -> PyResult<libc::timespec> {
            let f = vm.to_float(v)?;
            let secs = f.floor();
            Ok(libc::timespec { tv_sec: secs as libc::time_t, tv_nsec: ((f - secs) * 1e9) as libc::c_long })
        };
        [conv(&t[0])?, conv(&t[1])?]
    };
    let Ok(c) = std::ffi::CString::new(path) else { return Err(vm.value_error("embedded null byte")) };
    if unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(io_error(vm, &e, Some(p.clone())));
    }
    Ok(Value::None)
}

fn umask(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([mask], []) = crate::sig!("posix.umask", "mask, /").bind(vm, a, kw)?;
    let m = vm.index_value(mask)?;
    Ok(Value::Int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

fn strerror_fn(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([code], []) = crate::sig!("posix.strerror", "code, /").bind(vm, a, kw)?;
    let n = vm.index_value(code)?;
    Ok(s(strerror(n as i32)))
}

fn get_terminal_size(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], [fd]) = crate::sig!("get_terminal_size", "fd=1, /").bind(vm, a, kw)?;
    let fd = match fd {
        Some(v) => vm.index_value(v)? as i32,
        None => 1,
    };
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(io_error(vm, &e, None));
    }
    Ok(structseq::make(vm, &structseq::TERMINAL_SIZE, vec![Value::Int(ws.ws_col as i64), Value::Int(ws.ws_row as i64)], vec![]))
}

fn close(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd], []) = crate::sig!("close", "fd").bind(vm, a, kw)?;
    let fd = vm.index_value(fd)?;
    if unsafe { libc::close(fd as i32) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(io_error(vm, &e, None));
    }
    Ok(Value::None)
}

fn exit_now(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([status], []) = crate::sig!("_exit", "status").bind(vm, a, kw)?;
    let code = vm.index_value(status)?;
    vm.flush_out();
    std::process::exit(code as i32);
}

fn isatty(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([fd], []) = crate::sig!("posix.isatty", "fd, /").bind(vm, a, kw)?;
    let fd = vm.index_value(fd)?;
    Ok(Value::bool(unsafe { libc::isatty(fd as i32) } == 1))
}

fn system(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([command], []) = crate::sig!("system", "command").bind(vm, a, kw)?;
    let Some(cmd) = command.as_str() else { return Err(vm.type_error("system() argument 'command' must be str")) };
    vm.flush_out();
    match std::process::Command::new("/bin/sh").arg("-c").arg(cmd.as_str()).status() {
        Ok(st) => {
            use std::os::unix::process::ExitStatusExt;
            Ok(Value::Int(st.into_raw() as i64))
        }
        Err(_) => Ok(Value::Int(-1)),
    }
}

// ----- os.path (posixpath) -----

fn path_init(vm: &Vm, d: &Dict) {
    let set = |n: &str, v: Value| d.set_str(vm.intern(n), v);
    set("sep", Value::str("/"));
    set("altsep", Value::None);
    set("extsep", Value::str("."));
    set("pathsep", Value::str(":"));
    set("curdir", Value::str("."));
    set("pardir", Value::str(".."));
    set("defpath", Value::str("/bin:/usr/bin"));
    set("devnull", Value::str("/dev/null"));
    set("supports_unicode_filenames", Value::bool(false));
    let table: &[(&'static str, NativeFn)] = &[
        ("join", join),
        ("split", split),
        ("splitext", splitext),
        ("splitdrive", splitdrive),
        ("basename", basename),
        ("dirname", dirname),
        ("isabs", isabs),
        ("normpath", normpath),
        ("normcase", normcase),
        ("abspath", abspath),
        ("realpath", realpath),
        ("relpath", relpath),
        ("commonprefix", commonprefix),
        ("commonpath", commonpath),
        ("expanduser", expanduser),
        ("expandvars", expandvars),
        ("exists", exists),
        ("lexists", lexists),
        ("isfile", isfile),
        ("isdir", isdir),
        ("islink", islink),
        ("ismount", ismount),
        ("getsize", getsize),
        ("getmtime", getmtime),
        ("getatime", getatime),
        ("getctime", getctime),
        ("samefile", samefile),
    ];
    for &(name, f) in table {
        def(vm, d, name, f);
    }
}

fn join_str(parts: &[String]) -> String {
    let mut path = parts.first().cloned().unwrap_or_default();
    for b in &parts[1.min(parts.len())..] {
        if b.starts_with('/') {
            path = b.clone();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

fn join(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(py "join", "a, *p").bind_rest(vm, a, kw)?;
    let mut parts = Vec::with_capacity(a.len());
    let mut any_bytes = false;
    let mut any_str = false;
    for v in a {
        match fspath_value(vm, v)? {
            Some(p) => {
                if matches!(p, Value::Bytes(_)) {
                    any_bytes = true;
                } else {
                    any_str = true;
                }
                parts.push(value_to_string(&p));
            }
            None => {
                return Err(vm.type_error(format!(
                    "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                    vm.type_name(v).as_str()
                )))
            }
        }
    }
    if any_bytes && any_str {
        return Err(vm.type_error("Can't mix strings and bytes in path components"));
    }
    let r = join_str(&parts);
    if any_bytes {
        return Ok(Value::Bytes(Rc::new(Bytes { data: r.into_bytes().into() })));
    }
    Ok(s(r))
}

fn split_str(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.chars().any(|c| c != '/') { head.trim_end_matches('/') } else { head };
    (head.to_string(), tail.to_string())
}

fn split(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "split", "p").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    let (h, t) = split_str(&p);
    Ok(Value::tuple(vec![s(h), s(t)]))
}

fn splitext_str(p: &str) -> (String, String) {
    let sep = p.rfind('/').map(|i| i as isize).unwrap_or(-1);
    let dot = p.rfind('.').map(|i| i as isize).unwrap_or(-1);
    if dot > sep {
        let bytes = p.as_bytes();
        let mut i = (sep + 1) as usize;
        while (i as isize) < dot {
            if bytes[i] != b'.' {
                return (p[..dot as usize].to_string(), p[dot as usize..].to_string());
            }
            i += 1;
        }
    }
    (p.to_string(), String::new())
}

fn splitext(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "splitext", "p").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    let (root, ext) = splitext_str(&p);
    Ok(Value::tuple(vec![s(root), s(ext)]))
}

fn splitdrive(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "splitdrive", "p").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    Ok(Value::tuple(vec![Value::str(""), s(p)]))
}

fn basename(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "basename", "p").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    Ok(s(p[i..].to_string()))
}

fn dirname(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "dirname", "p").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    Ok(s(split_str(&p).0))
}

fn isabs(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "isabs", "s").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    Ok(Value::bool(p.starts_with('/')))
}

pub fn normpath_str(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let mut initial = if path.starts_with('/') { 1 } else { 0 };
    if initial == 1 && path.starts_with("//") && !path.starts_with("///") {
        initial = 2;
    }
    let mut comps: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = "/".repeat(initial);
    out.push_str(&comps.join("/"));
    if out.is_empty() {
        ".".to_string()
    } else {
        out
    }
}

fn normpath(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "normpath", "path").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    Ok(s(normpath_str(&p)))
}

fn normcase(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "normcase", "s").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    Ok(s(p))
}

fn cwd_string(vm: &Vm) -> PyResult<String> {
    std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).map_err(|e| io_error(vm, &e, None))
}

pub fn abspath_str(vm: &Vm, p: &str) -> PyResult<String> {
    if p.starts_with('/') {
        return Ok(normpath_str(p));
    }
    Ok(normpath_str(&join_str(&[cwd_string(vm)?, p.to_string()])))
}

fn abspath(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "abspath", "path").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    Ok(s(abspath_str(vm, &p)?))
}

/// posixpath._joinrealpath (non-strict).
fn join_realpath(mut path: String, rest: &str, seen: &mut Vec<(String, Option<String>)>, depth: usize) -> (String, bool) {
    let mut rest = rest.to_string();
    if rest.starts_with('/') {
        rest = rest[1..].to_string();
        path = "/".to_string();
    }
    while !rest.is_empty() {
        let (name, r) = match rest.find('/') {
            Some(i) => (rest[..i].to_string(), rest[i + 1..].to_string()),
            None => (rest.clone(), String::new()),
        };
        rest = r;
        if name.is_empty() || name == "." {
            continue;
        }
        if name == ".." {
            if !path.is_empty() {
                let (h, t) = split_str(&path);
                path = h;
                if t == ".." {
                    path = join_str(&[path, "..".into(), "..".into()]);
                }
            } else {
                path = "..".to_string();
            }
            continue;
        }
        let newpath = join_str(&[path.clone(), name]);
        let is_link = std::fs::symlink_metadata(&newpath).map(|m| m.file_type().is_symlink()).unwrap_or(false);
        if !is_link {
            path = newpath;
            continue;
        }
        if let Some((_, resolved)) = seen.iter().find(|(p, _)| *p == newpath) {
            match resolved {
                Some(r) => {
                    path = r.clone();
                    continue;
                }
                None => return (join_str(&[newpath, rest]), false),
            }
        }
        if depth > 100 {
            return (join_str(&[newpath, rest]), false);
        }
        seen.push((newpath.clone(), None));
        let target = std::fs::read_link(&newpath).map(|t| t.to_string_lossy().into_owned()).unwrap_or_default();
        let (p, ok) = join_realpath(path, &target, seen, depth + 1);
        path = p;
        if !ok {
            return (join_str(&[path, rest]), false);
        }
        if let Some(e) = seen.iter_mut().find(|(p, _)| *p == newpath) {
            e.1 = Some(path.clone());
        }
    }
    (path, true)
}

pub fn realpath_str(vm: &Vm, p: &str) -> PyResult<String> {
    let (path, _) = join_realpath(String::new(), p, &mut Vec::new(), 0);
    abspath_str(vm, &path)
}

fn realpath(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([filename], [strict]) = crate::sig!(py "realpath", "filename, *, strict=False").bind(vm, a, kw)?;
    let p = pstr(vm, filename)?;
    let strict = match strict {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let r = realpath_str(vm, &p)?;
    if strict {
        if let Err(e) = std::fs::metadata(&r) {
            return Err(io_error(vm, &e, Some(s(r))));
        }
    }
    Ok(s(r))
}

fn relpath(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([path], [start]) = crate::sig!(py "relpath", "path, start=None").bind(vm, a, kw)?;
    let p = pstr(vm, path)?;
    if p.is_empty() {
        return Err(vm.value_error("no path specified"));
    }
    let start = match start {
        Some(Value::None) | None => ".".to_string(),
        Some(v) => pstr(vm, v)?,
    };
    let sa = abspath_str(vm, &start)?;
    let pa = abspath_str(vm, &p)?;
    let sl: Vec<&str> = sa.split('/').filter(|x| !x.is_empty()).collect();
    let pl: Vec<&str> = pa.split('/').filter(|x| !x.is_empty()).collect();
    let i = sl.iter().zip(pl.iter()).take_while(|(a, b)| a == b).count();
    let mut rel: Vec<String> = vec!["..".to_string(); sl.len() - i];
    rel.extend(pl[i..].iter().map(|x| x.to_string()));
    if rel.is_empty() {
        return Ok(Value::str("."));
    }
    Ok(s(join_str(&rel)))
}

fn commonprefix(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([m], []) = crate::sig!(py "commonprefix", "m").bind(vm, a, kw)?;
    let items = vm.collect(m)?;
    if items.is_empty() {
        return Ok(Value::str(""));
    }
    if matches!(items[0], Value::List(_) | Value::Tuple(_)) {
        // Sequences of components: compare element-wise.
        let mut s1 = items[0].clone();
        let mut s2 = items[0].clone();
        for it in &items[1..] {
            if vm.lt(it, &s1)? {
                s1 = it.clone();
            }
            if vm.lt(&s2, it)? {
                s2 = it.clone();
            }
        }
        let x = vm.collect(&s1)?;
        let y = vm.collect(&s2)?;
        for (i, c) in x.iter().enumerate() {
            if i >= y.len() || !vm.eq(c, &y[i])? {
                let slice = Value::Slice(Rc::new(Slice { start: Value::None, stop: Value::Int(i as i64), step: Value::None }));
                return vm.get_item(&s1, &slice);
            }
        }
        return Ok(s1);
    }
    let strs: Vec<String> = items.iter().map(|v| pstr(vm, v)).collect::<PyResult<_>>()?;
    let min = strs.iter().min().cloned().unwrap_or_default();
    let max = strs.iter().max().cloned().unwrap_or_default();
    let mut end = 0;
    for ((i, c), d) in min.char_indices().zip(max.chars()) {
        if c != d {
            return Ok(s(min[..i].to_string()));
        }
        end = i + c.len_utf8();
    }
    Ok(s(min[..end].to_string()))
}

fn commonpath(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([paths], []) = crate::sig!(py "commonpath", "paths").bind(vm, a, kw)?;
    let items = vm.collect(paths)?;
    if items.is_empty() {
        return Err(vm.value_error("commonpath() arg is an empty sequence"));
    }
    let paths: Vec<String> = items.iter().map(|v| pstr(vm, v)).collect::<PyResult<_>>()?;
    let abs: Vec<bool> = paths.iter().map(|p| p.starts_with('/')).collect();
    if abs.iter().any(|x| *x != abs[0]) {
        return Err(vm.value_error("Can't mix absolute and relative paths"));
    }
    let split: Vec<Vec<&str>> =
        paths.iter().map(|p| p.split('/').filter(|c| !c.is_empty() && *c != ".").collect()).collect();
    let s1 = split.iter().min().cloned().unwrap_or_default();
    let s2 = split.iter().max().cloned().unwrap_or_default();
    let mut common = s1.clone();
    for (i, c) in s1.iter().enumerate() {
        if s2.get(i) != Some(c) {
            common = s1[..i].to_vec();
            break;
        }
    }
    let prefix = if abs[0] { "/" } else { "" };
    Ok(s(format!("{}{}", prefix, common.join("/"))))
}

fn home_of(user: Option<&str>) -> Option<String> {
    match user {
        None => {
            if let Ok(h) = std::env::var("HOME") {
                return Some(h);
            }
            let pw = unsafe { libc::getpwuid(libc::getuid()) };
            if pw.is_null() {
                return None;
            }
            Some(unsafe { std::ffi::CStr::from_ptr((*pw).pw_dir) }.to_string_lossy().into_owned())
        }
        Some(name) => {
            let c = std::ffi::CString::new(name).ok()?;
            let pw = unsafe { libc::getpwnam(c.as_ptr()) };
            if pw.is_null() {
                return None;
            }
            Some(unsafe { std::ffi::CStr::from_ptr((*pw).pw_dir) }.to_string_lossy().into_owned())
        }
    }
}

fn expanduser(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "expanduser", "path").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    if !p.starts_with('~') {
        return Ok(s(p));
    }
    let i = p[1..].find('/').map(|i| i + 1).unwrap_or(p.len());
    let home = if i == 1 { home_of(None) } else { home_of(Some(&p[1..i])) };
    let Some(home) = home else { return Ok(s(p)) };
    let home = home.trim_end_matches('/');
    let r = format!("{}{}", home, &p[i..]);
    Ok(s(if r.is_empty() { "/".to_string() } else { r }))
}

fn expandvars(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([p], []) = crate::sig!(py "expandvars", "path").bind(vm, a, kw)?;
    let p = pstr(vm, p)?;
    if !p.contains('$') {
        return Ok(s(p));
    }
    let env: Option<Value> = vm.import_module("os").ok().and_then(|os| vm.get_attr(&os, &vm.intern("environ")).ok());
    let lookup = |name: &str| -> Option<String> {
        if let Some(d) = env.as_ref().and_then(|e| e.as_dict()) {
            return d.get_str(&vm.intern(name)).and_then(|v| v.as_str().map(|s| s.as_str().to_string()));
        }
        std::env::var(name).ok()
    };
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '$' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                if let Some(end) = chars[i + 2..].iter().position(|c| *c == '}') {
                    let name: String = chars[i + 2..i + 2 + end].iter().collect();
                    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                        match lookup(&name) {
                            Some(v) => out.push_str(&v),
                            None => out.extend(&chars[i..i + 3 + end]),
                        }
                        i += 3 + end;
                        continue;
                    }
                }
            } else {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '_') {
                    j += 1;
                }
                if j > i + 1 {
                    let name: String = chars[i + 1..j].iter().collect();
                    match lookup(&name) {
                        Some(v) => out.push_str(&v),
                        None => out.push_str(&format!("${name}")),
                    }
                    i = j;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    Ok(s(out))
}

/// The path of an os.path predicate, or `None` when it can't name a file.
fn probe(vm: &Vm, path: &Value) -> PyResult<Option<String>> {
    if let Value::Int(fd) = path {
        return Ok(Some(format!("/proc/self/fd/{fd}")));
    }
    match fspath_value(vm, path)? {
        Some(p) => {
            let p = value_to_string(&p);
            if p.contains('\0') {
                return Ok(None);
            }
            Ok(Some(p))
        }
        None => Err(vm.type_error(format!(
            "stat: path should be string, bytes, os.PathLike or integer, not {}",
            vm.type_name(path).as_str()
        ))),
    }
}

fn exists(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([path], []) = crate::sig!(py "exists", "path").bind(vm, a, kw)?;
    Ok(Value::bool(probe(vm, path)?.is_some_and(|p| std::fs::metadata(p).is_ok())))
}

fn lexists(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([path], []) = crate::sig!(py "lexists", "path").bind(vm, a, kw)?;
    Ok(Value::bool(probe(vm, path)?.is_some_and(|p| std::fs::symlink_metadata(p).is_ok())))
}

fn isfile(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([path], []) = crate::sig!(py "isfile", "path").bind(vm, a, kw)?;
    Ok(Value::bool(probe(vm, path)?.is_some_and(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))))
}

fn isdir(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([path], []) = crate::sig!(py "isdir", "s").bind(vm, a, kw)?;
    Ok(Value::bool(probe(vm, path)?.is_some_and(|p| std::fs::metadata(p).is_ok_and(|m| m.is_dir()))))
}

fn islink(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([path], []) = crate::sig!(py "islink", "path").bind(vm, a, kw)?;
    Ok(Value::bool(probe(vm, path)?.is_some_and(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()))))
}

fn ismount(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([path], []) = crate::sig!(py "ismount", "path").bind(vm, a, kw)?;
    let Some(p) = probe(vm, path)? else { return Ok(Value::bool(false)) };
    let Ok(m) = std::fs::symlink_metadata(&p) else { return Ok(Value::bool(false)) };
    if m.file_type().is_symlink() {
        return Ok(Value::bool(false));
    }
    let parent = join_str(&[p.clone(), "..".into()]);
    let Ok(pm) = std::fs::symlink_metadata(&parent) else { return Ok(Value::bool(false)) };
    Ok(Value::bool(m.dev() != pm.dev() || m.ino() == pm.ino()))
}

fn meta_of(vm: &Vm, filename: &Value) -> PyResult<std::fs::Metadata> {
    let p = path_arg(vm, "stat", filename)?;
    std::fs::metadata(&p).map_err(|e| io_error(vm, &e, Some(filename.clone())))
}

fn getsize(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([filename], []) = crate::sig!(py "getsize", "filename").bind(vm, a, kw)?;
    Ok(Value::Int(meta_of(vm, filename)?.size() as i64))
}

fn getmtime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([filename], []) = crate::sig!(py "getmtime", "filename").bind(vm, a, kw)?;
    let m = meta_of(vm, filename)?;
    Ok(Value::float(m.mtime() as f64 + m.mtime_nsec() as f64 * 1e-9))
}

fn getatime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([filename], []) = crate::sig!(py "getatime", "filename").bind(vm, a, kw)?;
    let m = meta_of(vm, filename)?;
    Ok(Value::float(m.atime() as f64 + m.atime_nsec() as f64 * 1e-9))
}

fn getctime(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([filename], []) = crate::sig!(py "getctime", "filename").bind(vm, a, kw)?;
    let m = meta_of(vm, filename)?;
    Ok(Value::float(m.ctime() as f64 + m.ctime_nsec() as f64 * 1e-9))
}

fn samefile(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([f1, f2], []) = crate::sig!(py "samefile", "f1, f2").bind(vm, a, kw)?;
    let m1 = meta_of(vm, f1)?;
    let m2 = meta_of(vm, f2)?;
    Ok(Value::bool(m1.dev() == m2.dev() && m1.ino() == m2.ino()))
}
