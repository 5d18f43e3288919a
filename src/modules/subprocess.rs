//! `_subprocess`: starting a child process for stdlib/subprocess.py.
//! std's `Command` does the fork and exec (and reports an exec failure
//! through its close-on-exec pipe); everything else, pipes and waiting,
//! is `os` functions used from Python.

use super::def;
use super::os::errno_error;
use super::os_fd::fd_arg;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use std::ffi::OsString;
use std::os::fd::FromRawFd;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "spawn", spawn);
    Ok(())
}

/// A str, bytes or path-like argument as OS bytes.
fn os_string(vm: &Vm, v: &Value) -> PyResult<OsString> {
    let bytes = match super::os::fspath_value(vm, v)? {
        Some(Value::Str(s)) => s.as_str().as_bytes().to_vec(),
        Some(Value::Bytes(b)) => b.data.to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(v).as_str()
            )))
        }
    };
    if bytes.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(OsString::from_vec(bytes))
}

/// The child's end of one standard stream: -1 inherits ours.
fn stdio(vm: &Vm, v: &Value) -> PyResult<Stdio> {
    let fd = fd_arg(vm, v)?;
    if fd < 0 {
        return Ok(Stdio::inherit());
    }
    // Command closes what it is given: hand it a duplicate, the caller
    // closes its own descriptor.
    let dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if dup < 0 {
        return Err(super::os_fd::last_error(vm));
    }
    // SAFETY: `dup` is a fresh descriptor that nothing else owns.
    Ok(Stdio::from(unsafe { std::fs::File::from_raw_fd(dup) }))
}

/// `spawn(argv, executable, cwd, env, stdin, stdout, stderr, new_session)`:
/// starts `executable` (or argv[0], searched in PATH) and returns its pid.
/// `env` is None (inherit) or a list of (name, value); the stream
/// arguments are descriptors, -1 for the parent's own.
fn spawn(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([argv_value, executable, cwd_value, env, stdin, stdout, stderr, new_session], []) =
        crate::sig!("spawn", "argv, executable, cwd, env, stdin, stdout, stderr, new_session, /").bind(vm, a, kw)?;
    let argv: Vec<OsString> = vm.collect(argv_value)?.iter().map(|v| os_string(vm, v)).collect::<PyResult<_>>()?;
    let Some(first) = argv.first() else { return Err(vm.value_error("args must not be empty")) };
    let program = if executable.is_none() { first.clone() } else { os_string(vm, executable)? };
    let mut cmd = Command::new(&program);
    cmd.arg0(first).args(&argv[1..]);
    if !cwd_value.is_none() {
        let cwd = os_string(vm, cwd_value)?;
        if !std::path::Path::new(&cwd).is_dir() {
            let errno = if std::path::Path::new(&cwd).exists() { libc::ENOTDIR } else { libc::ENOENT };
            return Err(errno_error(vm, errno, Some(cwd_value.clone()), None));
        }
        cmd.current_dir(cwd);
    }
    if !env.is_none() {
        cmd.env_clear();
        for pair in vm.collect(env)? {
            let kv = vm.collect(&pair)?;
            let (Some(k), Some(v)) = (kv.first(), kv.get(1)) else { return Err(vm.type_error("env entries must be pairs")) };
            let (k, v) = (os_string(vm, k)?, os_string(vm, v)?);
            if k.is_empty() || k.as_encoded_bytes().contains(&b'=') {
                return Err(vm.value_error("illegal environment variable name"));
            }
            cmd.env(k, v);
        }
    }
    cmd.stdin(stdio(vm, stdin)?).stdout(stdio(vm, stdout)?).stderr(stdio(vm, stderr)?);
    if vm.truthy(new_session)? {
        // SAFETY: the hook runs in the child between fork and exec and
        // calls only setsid(2), which is async-signal-safe.
        unsafe {
            cmd.pre_exec(|| if libc::setsid() < 0 { Err(std::io::Error::last_os_error()) } else { Ok(()) });
        }
    }
    match cmd.spawn() {
        Ok(child) => Ok(Value::Int(child.id() as i64)),
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(libc::ENOENT);
            let name = if executable.is_none() { vm.collect(argv_value)?.swap_remove(0) } else { executable.clone() };
            Err(errno_error(vm, errno, Some(name), None))
        }
    }
}
