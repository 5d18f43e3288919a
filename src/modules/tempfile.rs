//! `tempfile`: temporary files and directories. The name generation and
//! file creation are native; the wrapper classes are Python (`PRELUDE`).

use super::def;
use super::os::{errno_error, io_error, path_arg};
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    d.set_str(vm.intern("tempdir"), Value::None);
    d.set_str(vm.intern("template"), Value::str("tmp"));
    d.set_str(vm.intern("TMP_MAX"), Value::Int(10000));
    let table: &[(&'static str, NativeFn)] = &[
        ("gettempdir", gettempdir),
        ("gettempdirb", gettempdirb),
        ("gettempprefix", gettempprefix),
        ("gettempprefixb", gettempprefixb),
        ("mkdtemp", mkdtemp),
        ("mkstemp", mkstemp),
        ("mktemp", mktemp),
        ("_rmtree", rmtree),
    ];
    for &(name, f) in table {
        def(vm, d, name, f);
    }
    Ok(())
}

const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789_";

fn random_name() -> String {
    let bytes = super::os::random_bytes(8).unwrap_or_else(|_| {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        (0..8).map(|i| (t >> (i * 5)) as u8 ^ std::process::id() as u8).collect()
    });
    bytes.iter().map(|b| CHARS[*b as usize % CHARS.len()] as char).collect()
}

/// The directory for temporary files: `tempfile.tempdir`, else $TMPDIR,
/// $TEMP, $TMP, /tmp, /var/tmp, /usr/tmp, the current directory.
fn temp_dir(vm: &Vm) -> PyResult<String> {
    if let Some(Value::Module(m)) = vm.modules.get_str(&vm.intern("tempfile")) {
        if let Some(t) = m.dict.get_str(&vm.intern("tempdir")) {
            if !t.is_none() {
                return Ok(vm.str(&t)?.as_str().to_string());
            }
        }
    }
    let mut candidates: Vec<String> = Vec::new();
    for var in ["TMPDIR", "TEMP", "TMP"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                candidates.push(v);
            }
        }
    }
    candidates.extend(["/tmp", "/var/tmp", "/usr/tmp"].iter().map(|s| s.to_string()));
    if let Ok(c) = std::env::current_dir() {
        candidates.push(c.to_string_lossy().into_owned());
    }
    for dir in candidates {
        let dir = if dir.starts_with('/') { dir } else { super::os::abspath_str(vm, &dir)? };
        if std::fs::metadata(&dir).is_ok_and(|m| m.is_dir()) {
            let c = std::ffi::CString::new(dir.clone()).unwrap_or_default();
            if unsafe { libc::access(c.as_ptr(), libc::W_OK | libc::X_OK) } == 0 {
                let dir = super::os::normpath_str(&dir);
                if let Some(Value::Module(m)) = vm.modules.get_str(&vm.intern("tempfile")) {
                    m.dict.set_str(vm.intern("tempdir"), Value::string(dir.clone()));
                }
                return Ok(dir);
            }
        }
    }
    Err(vm.new_error("FileNotFoundError", "No usable temporary directory found"))
}

fn gettempdir(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(py "gettempdir", "").bind(vm, a, kw)?;
    Ok(Value::string(temp_dir(vm)?))
}

fn gettempdirb(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(py "gettempdirb", "").bind(vm, a, kw)?;
    Ok(Value::Bytes(std::rc::Rc::new(Bytes { data: temp_dir(vm)?.into_bytes().into() })))
}

fn gettempprefix(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(py "gettempprefix", "").bind(vm, a, kw)?;
    Ok(Value::str("tmp"))
}

fn gettempprefixb(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!(py "gettempprefixb", "").bind(vm, a, kw)?;
    Ok(Value::Bytes(std::rc::Rc::new(Bytes { data: b"tmp"[..].into() })))
}

/// The (suffix, prefix, dir) arguments with their defaults.
fn name_parts(vm: &Vm, fname: &str, given: [Option<&Value>; 3]) -> PyResult<(String, String, String)> {
    let [suffix, prefix, dir] = given;
    let s = |v: Option<&Value>, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(v) => path_arg(vm, fname, v),
        }
    };
    let suffix = s(suffix, "")?;
    let prefix = s(prefix, "tmp")?;
    let dir = match dir {
        None | Some(Value::None) => temp_dir(vm)?,
        Some(v) => path_arg(vm, fname, v)?,
    };
    Ok((suffix, prefix, dir))
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() || dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

fn mkdtemp(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], given) = crate::sig!(py "mkdtemp", "suffix=None, prefix=None, dir=None").bind(vm, a, kw)?;
    let (suffix, prefix, dir) = name_parts(vm, "mkdtemp", given)?;
    use std::os::unix::fs::DirBuilderExt;
    for _ in 0..10000 {
        let path = join(&dir, &format!("{prefix}{}{suffix}", random_name()));
        match std::fs::DirBuilder::new().mode(0o700).create(&path) {
            Ok(()) => return Ok(Value::string(path)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_error(vm, &e, Some(Value::string(path)))),
        }
    }
    Err(errno_error(vm, libc::EEXIST, Some(Value::str("No usable temporary directory name found")), None))
}

fn mkstemp(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    // Files are bytes either way on POSIX: `text` changes nothing.
    let ([], [suffix, prefix, dir, _text]) =
        crate::sig!(py "mkstemp", "suffix=None, prefix=None, dir=None, text=False").bind(vm, a, kw)?;
    let (suffix, prefix, dir) = name_parts(vm, "mkstemp", [suffix, prefix, dir])?;
    for _ in 0..10000 {
        let path = join(&dir, &format!("{prefix}{}{suffix}", random_name()));
        let Ok(c) = std::ffi::CString::new(path.clone()) else { return Err(vm.value_error("embedded null byte")) };
        let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDWR | libc::O_CREAT | libc::O_EXCL | libc::O_CLOEXEC, 0o600) };
        if fd >= 0 {
            return Ok(Value::tuple(vec![Value::Int(fd as i64), Value::string(path)]));
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EEXIST) {
            continue;
        }
        return Err(io_error(vm, &e, Some(Value::string(path))));
    }
    Err(errno_error(vm, libc::EEXIST, Some(Value::str("No usable temporary file name found")), None))
}

fn mktemp(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([], given) = crate::sig!(py "mktemp", "suffix='', prefix='tmp', dir=None").bind(vm, a, kw)?;
    let (suffix, prefix, dir) = name_parts(vm, "mktemp", given)?;
    loop {
        let path = join(&dir, &format!("{prefix}{}{suffix}", random_name()));
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(Value::string(path));
        }
    }
}

fn rmtree(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([path_value], [ignore]) = crate::sig!("_rmtree", "path, ignore_errors=False, /").bind(vm, a, kw)?;
    let path = path_arg(vm, "rmtree", path_value)?;
    let ignore = match ignore {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    match std::fs::remove_dir_all(&path) {
        Ok(()) => Ok(Value::None),
        Err(e) if ignore || e.kind() == std::io::ErrorKind::NotFound => Ok(Value::None),
        Err(e) => Err(io_error(vm, &e, Some(path_value.clone()))),
    }
}

/// The classes, in Python.
pub const PRELUDE: &str = r#"
import os as _os

class _TemporaryFileWrapper:
    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._cleanup()
        return result

    def close(self):
        try:
            self.file.close()
        finally:
            self._cleanup()

    def _cleanup(self):
        if self.delete and not self._closed:
            self._closed = True
            try:
                _os.unlink(self.name)
            except FileNotFoundError:
                pass

    def __iter__(self):
        for line in self.file:
            yield line

    def __del__(self):
        self._cleanup()


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                       suffix=None, prefix=None, dir=None, delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                  suffix=None, prefix=None, dir=None, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        _os.unlink(name)
        return open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise


class SpooledTemporaryFile(_TemporaryFileWrapper):
    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        file = TemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir, errors=errors)
        super().__init__(file, file.name, False)
        self._rolled = False

    def rollover(self):
        self._rolled = True


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done:
            self._done = True
            _rmtree(self.name, self._ignore_cleanup_errors)

    def __del__(self):
        if not self._done:
            self._done = True
            _rmtree(self.name, True)
"#;
