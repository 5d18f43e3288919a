"""Object-oriented filesystem paths (POSIX flavour).

PurePath/PurePosixPath do path arithmetic without touching the disk;
Path/PosixPath add the filesystem operations. Windows paths are not
supported (PureWindowsPath parses drive letters and backslashes only in
the simple cases; WindowsPath cannot be instantiated, as on CPython for
Linux).
"""

import fnmatch
import os

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath",
           "Path", "PosixPath", "WindowsPath"]


def _text_of(part):
    if isinstance(part, str):
        return part
    if isinstance(part, PurePath):
        return str(part)
    fspath = getattr(type(part), '__fspath__', None)
    if fspath is not None:
        value = fspath(part)
        if isinstance(value, str):
            return value
    raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(part).__name__)


class PurePath:
    """A path as text and parts, without filesystem access."""

    __slots__ = ('_drv', '_root', '_parts', '_str', '_hash')
    _sep = '/'

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == 'nt' else PurePosixPath
        return cls._from_args(args)

    def __reduce__(self):
        return (self.__class__, tuple(self._parts))

    @classmethod
    def _parse(cls, texts):
        """(drive, root, parts) of the joined texts; a later absolute
        path restarts the path."""
        drv, root, parts = '', '', []
        for text in texts:
            d, r, rel = cls._split_root(text)
            if r or (d and d != drv):
                drv, root, parts = d, r, []
            elif d:
                drv = d
            for piece in rel.split(cls._sep):
                if piece and piece != '.':
                    parts.append(piece)
        return drv, root, parts

    @classmethod
    def _split_root(cls, text):
        if text.startswith('/'):
            stripped = text.lstrip('/')
            root = '//' if len(text) - len(stripped) == 2 else '/'
            return '', root, stripped
        return '', '', text

    @classmethod
    def _from_args(cls, args):
        drv, root, parts = cls._parse([_text_of(a) for a in args])
        return cls._from_parsed(drv, root, parts)

    @classmethod
    def _from_parsed(cls, drv, root, parts):
        self = object.__new__(cls)
        self._drv = drv
        self._root = root
        self._parts = ([drv + root] if drv or root else []) + list(parts)
        self._str = None
        self._hash = None
        return self

    def _rel_parts(self):
        return self._parts[1:] if self._drv or self._root else self._parts

    def __str__(self):
        if self._str is None:
            text = self._drv + self._root + self._sep.join(self._rel_parts())
            self._str = text or '.'
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self).replace(self._sep, '/')

    def __bytes__(self):
        return os.fsencode(str(self)) if hasattr(os, 'fsencode') else str(self).encode()

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        safe = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/'
        quoted = ''.join(chr(b) if b in safe else '%%%02X' % b
                         for b in self.as_posix().encode('utf-8', 'surrogateescape'))
        return 'file://' + quoted

    def _key(self):
        return self._parts

    def __eq__(self, other):
        if not isinstance(other, PurePath) or self._flavour_class() is not other._flavour_class():
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(tuple(self._key()))
        return self._hash

    def _compare(self, other, test):
        if not isinstance(other, PurePath) or self._flavour_class() is not other._flavour_class():
            return NotImplemented
        return test(self._key(), other._key())

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    @classmethod
    def _flavour_class(cls):
        return PureWindowsPath if issubclass(cls, PureWindowsPath) else PurePosixPath

    @property
    def drive(self):
        return self._drv

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._drv + self._root

    @property
    def parts(self):
        return tuple(self._parts)

    @property
    def name(self):
        rel = self._rel_parts()
        return rel[-1] if rel else ''

    @property
    def suffix(self):
        name = self.name
        dot = name.rfind('.')
        return name[dot:] if 0 < dot < len(name) - 1 else ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name, suffix = self.name, self.suffix
        return name[:len(name) - len(suffix)] if suffix else name

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        drv, root, parts = self._parse([name])
        if not name or name[-1] in (self._sep, '/') or drv or root or len(parts) != 1:
            raise ValueError("Invalid name %r" % (name,))
        return self._from_parsed(self._drv, self._root, self._rel_parts()[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if self._sep in suffix or '/' in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        name = name + suffix if not old else name[:-len(old)] + suffix
        return self._from_parsed(self._drv, self._root, self._rel_parts()[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = self._from_args(other)
        mine, theirs = self._parts, base._parts
        n = len(theirs)
        anchored = bool(base._drv or base._root)
        if (anchored != bool(self._drv or self._root)) or mine[:n] != theirs:
            shown = str(base)
            raise ValueError("{!r} is not in the subpath of {!r}"
                             " OR one path is relative and the other is absolute."
                             .format(str(self), shown))
        return self._from_parsed('', '', mine[n:] if not anchored else mine[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        return self._from_args((self,) + args)

    def __truediv__(self, key):
        try:
            return self._from_args((self, key))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_args((key, self))
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        rel = self._rel_parts()
        if not rel:
            return self
        return self._from_parsed(self._drv, self._root, rel[:-1])

    @property
    def parents(self):
        return _Parents(self)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        pattern = self._from_args((path_pattern,))
        if not pattern._parts:
            raise ValueError("empty pattern")
        mine = self._parts
        wanted = pattern._parts
        if pattern._drv or pattern._root:
            if len(mine) != len(wanted):
                return False
        elif len(wanted) > len(mine):
            return False
        for part, pat in zip(reversed(mine), reversed(wanted)):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True


class _Parents:
    """The ancestors of a path, nearest first."""

    def __init__(self, path):
        self._path = path
        self._rel = path._rel_parts()

    def __len__(self):
        return len(self._rel)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index >= len(self) or index < -len(self):
            raise IndexError(index)
        if index < 0:
            index += len(self)
        p = self._path
        return p._from_parsed(p._drv, p._root, self._rel[:-index - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePosixPath(PurePath):
    __slots__ = ()


class PureWindowsPath(PurePath):
    """Windows paths: drive letters and backslashes (simple cases)."""

    __slots__ = ()
    _sep = '\\'

    @classmethod
    def _split_root(cls, text):
        text = text.replace('/', '\\')
        drv = ''
        if len(text) >= 2 and text[1] == ':' and text[0].isalpha():
            drv, text = text[:2], text[2:]
        if text.startswith('\\'):
            return drv, '\\', text.lstrip('\\')
        return drv, '', text

    def _key(self):
        return [p.lower() for p in self._parts]

    def is_absolute(self):
        return bool(self._drv and self._root)


class Path(PurePath):
    """A filesystem path: PurePath plus the operations on the file."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == 'nt' else PosixPath
        self = cls._from_args(args)
        return self

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def samefile(self, other_path):
        other = other_path if isinstance(other_path, Path) else Path(other_path)
        a, b = self.stat(), other.stat()
        return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._from_parsed(self._drv, self._root, self._rel_parts() + [name])

    def _walk_glob(self, parts, recursive_start):
        if not parts:
            yield self
            return
        head, rest = parts[0], parts[1:]
        if head == '**':
            for d in self._all_dirs():
                yield from d._walk_glob(rest, False)
            return
        if not any(c in head for c in '*?['):
            child = self / head
            if rest:
                if child.is_dir():
                    yield from child._walk_glob(rest, False)
            elif child.exists() or os.path.lexists(str(child)):
                yield child
            return
        try:
            names = sorted(os.listdir(str(self)))
        except OSError:
            return
        for name in names:
            if fnmatch.fnmatchcase(name, head):
                child = self / name
                if rest:
                    if child.is_dir():
                        yield from child._walk_glob(rest, False)
                else:
                    yield child

    def _all_dirs(self):
        yield self
        try:
            names = sorted(os.listdir(str(self)))
        except OSError:
            return
        for name in names:
            child = self / name
            if child.is_dir() and not child.is_symlink():
                yield from child._all_dirs()

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pat = PurePosixPath(pattern)
        if pat.is_absolute():
            raise NotImplementedError("Non-relative patterns are unsupported")
        seen = set()
        for p in self._walk_glob(list(pat.parts), False):
            if p not in seen:
                seen.add(p)
                yield p

    def rglob(self, pattern):
        pat = PurePosixPath(pattern)
        if pat.is_absolute():
            raise NotImplementedError("Non-relative patterns are unsupported")
        return self.glob('**/' + pattern)

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_args((os.getcwd(), self))

    def resolve(self, strict=False):
        if strict:
            self.stat()
        return self._from_args((os.path.realpath(str(self)),))

    def stat(self, *, follow_symlinks=True):
        return os.stat(str(self)) if follow_symlinks else os.lstat(str(self))

    def lstat(self):
        return os.lstat(str(self))

    def owner(self):
        import pwd
        return pwd.getpwuid(self.stat().st_uid).pw_name

    def group(self):
        import grp
        return grp.getgrgid(self.stat().st_gid).gr_name

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = bytes(data)
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        return self._from_args((os.readlink(str(self)),))

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, 'File exists', str(self))
            os.utime(str(self), None)
            return
        with open(str(self), 'a'):
            pass

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(str(self), mode)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def rename(self, target):
        os.rename(str(self), target)
        return self.__class__(target)

    def replace(self, target):
        os.replace(str(self), target)
        return self.__class__(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, str(self))

    def exists(self):
        try:
            self.stat()
        except (OSError, ValueError):
            return False
        return True

    def _mode_is(self, kind, follow=True):
        import stat
        try:
            mode = self.stat().st_mode if follow else self.lstat().st_mode
        except (OSError, ValueError):
            return False
        return kind(mode)

    def is_dir(self):
        import stat
        return self._mode_is(stat.S_ISDIR)

    def is_file(self):
        import stat
        return self._mode_is(stat.S_ISREG)

    def is_symlink(self):
        import stat
        return self._mode_is(stat.S_ISLNK, follow=False)

    def is_mount(self):
        return os.path.ismount(str(self))

    def is_socket(self):
        import stat
        return self._mode_is(stat.S_ISSOCK)

    def is_fifo(self):
        import stat
        return self._mode_is(stat.S_ISFIFO)

    def is_block_device(self):
        import stat
        return self._mode_is(stat.S_ISBLK)

    def is_char_device(self):
        import stat
        return self._mode_is(stat.S_ISCHR)

    def expanduser(self):
        if not self._drv and not self._root and self._parts and self._parts[0][:1] == '~':
            home = os.path.expanduser(self._parts[0])
            if home[:1] == '~':
                raise RuntimeError("Could not determine home directory.")
            return self._from_args((home,) + tuple(self._parts[1:]))
        return self

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass


class PosixPath(Path, PurePosixPath):
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
