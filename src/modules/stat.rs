//! `stat`: file mode constants and tests (`S_ISDIR`, `filemode`, ...).

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

const S_IFMT: i64 = 0o170000;
const S_IFDIR: i64 = 0o040000;
const S_IFCHR: i64 = 0o020000;
const S_IFBLK: i64 = 0o060000;
const S_IFREG: i64 = 0o100000;
const S_IFIFO: i64 = 0o010000;
const S_IFLNK: i64 = 0o120000;
const S_IFSOCK: i64 = 0o140000;

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let consts: &[(&str, i64)] = &[
        ("ST_MODE", 0),
        ("ST_INO", 1),
        ("ST_DEV", 2),
        ("ST_NLINK", 3),
        ("ST_UID", 4),
        ("ST_GID", 5),
        ("ST_SIZE", 6),
        ("ST_ATIME", 7),
        ("ST_MTIME", 8),
        ("ST_CTIME", 9),
        ("S_IFDIR", S_IFDIR),
        ("S_IFCHR", S_IFCHR),
        ("S_IFBLK", S_IFBLK),
        ("S_IFREG", S_IFREG),
        ("S_IFIFO", S_IFIFO),
        ("S_IFLNK", S_IFLNK),
        ("S_IFSOCK", S_IFSOCK),
        ("S_IFDOOR", 0),
        ("S_IFPORT", 0),
        ("S_IFWHT", 0),
        ("S_ISUID", 0o4000),
        ("S_ISGID", 0o2000),
        ("S_ENFMT", 0o2000),
        ("S_ISVTX", 0o1000),
        ("S_IREAD", 0o400),
        ("S_IWRITE", 0o200),
        ("S_IEXEC", 0o100),
        ("S_IRWXU", 0o700),
        ("S_IRUSR", 0o400),
        ("S_IWUSR", 0o200),
        ("S_IXUSR", 0o100),
        ("S_IRWXG", 0o070),
        ("S_IRGRP", 0o040),
        ("S_IWGRP", 0o020),
        ("S_IXGRP", 0o010),
        ("S_IRWXO", 0o007),
        ("S_IROTH", 0o004),
        ("S_IWOTH", 0o002),
        ("S_IXOTH", 0o001),
        ("UF_NODUMP", 0x1),
        ("UF_IMMUTABLE", 0x2),
        ("UF_APPEND", 0x4),
        ("UF_OPAQUE", 0x8),
        ("UF_NOUNLINK", 0x10),
        ("UF_COMPRESSED", 0x20),
        ("UF_HIDDEN", 0x8000),
        ("SF_ARCHIVED", 0x10000),
        ("SF_IMMUTABLE", 0x20000),
        ("SF_APPEND", 0x40000),
        ("SF_NOUNLINK", 0x100000),
        ("SF_SNAPSHOT", 0x200000),
    ];
    for (n, v) in consts {
        d.set_str(vm.intern(n), Value::Int(*v));
    }
    let table: &[(&'static str, NativeFn)] = &[
        ("S_IMODE", s_imode),
        ("S_IFMT", s_ifmt),
        ("S_ISDIR", s_isdir),
        ("S_ISCHR", s_ischr),
        ("S_ISBLK", s_isblk),
        ("S_ISREG", s_isreg),
        ("S_ISFIFO", s_isfifo),
        ("S_ISLNK", s_islnk),
        ("S_ISSOCK", s_issock),
        ("S_ISDOOR", s_false),
        ("S_ISPORT", s_false),
        ("S_ISWHT", s_false),
        ("filemode", filemode),
    ];
    for &(name, f) in table {
        def(vm, d, name, f);
    }
    Ok(())
}

/// The mode argument of every function here (METH_O functions, named
/// without their module as CPython does).
macro_rules! mode {
    ($vm:expr, $name:literal, $a:expr, $kw:expr) => {{
        let ([mode], []) = crate::sig!($name, "mode, /").bind($vm, $a, $kw)?;
        $vm.index_value(mode)
    }};
}

fn s_imode(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(mode!(vm, "_stat.S_IMODE", a, kw)? & 0o7777))
}

fn s_ifmt(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(mode!(vm, "_stat.S_IFMT", a, kw)? & S_IFMT))
}

macro_rules! is_kind {
    ($name:ident, $pyname:literal, $kind:expr) => {
        fn $name(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
            Ok(Value::bool(mode!(vm, $pyname, a, kw)? & S_IFMT == $kind))
        }
    };
}

is_kind!(s_isdir, "_stat.S_ISDIR", S_IFDIR);
is_kind!(s_ischr, "_stat.S_ISCHR", S_IFCHR);
is_kind!(s_isblk, "_stat.S_ISBLK", S_IFBLK);
is_kind!(s_isreg, "_stat.S_ISREG", S_IFREG);
is_kind!(s_isfifo, "_stat.S_ISFIFO", S_IFIFO);
is_kind!(s_islnk, "_stat.S_ISLNK", S_IFLNK);
is_kind!(s_issock, "_stat.S_ISSOCK", S_IFSOCK);

fn s_false(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    mode!(vm, "_stat.S_IS", a, kw)?;
    Ok(Value::bool(false))
}

fn filemode(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let m = mode!(vm, "_stat.filemode", a, kw)?;
    let kind = match m & S_IFMT {
        S_IFLNK => 'l',
        S_IFSOCK => 's',
        S_IFREG => '-',
        S_IFBLK => 'b',
        S_IFDIR => 'd',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        _ => '?',
    };
    let mut s = String::new();
    s.push(kind);
    let bit = |mask: i64, c: char| if m & mask != 0 { c } else { '-' };
    s.push(bit(0o400, 'r'));
    s.push(bit(0o200, 'w'));
    s.push(match (m & 0o100 != 0, m & 0o4000 != 0) {
        (true, true) => 's',
        (false, true) => 'S',
        (true, false) => 'x',
        _ => '-',
    });
    s.push(bit(0o040, 'r'));
    s.push(bit(0o020, 'w'));
    s.push(match (m & 0o010 != 0, m & 0o2000 != 0) {
        (true, true) => 's',
        (false, true) => 'S',
        (true, false) => 'x',
        _ => '-',
    });
    s.push(bit(0o004, 'r'));
    s.push(bit(0o002, 'w'));
    s.push(match (m & 0o001 != 0, m & 0o1000 != 0) {
        (true, true) => 't',
        (false, true) => 'T',
        (true, false) => 'x',
        _ => '-',
    });
    Ok(Value::string(s))
}
