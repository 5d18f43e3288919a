"""Path names matching shell wildcards: glob, iglob, escape."""

import os
import re
import fnmatch

__all__ = ["glob", "iglob", "escape"]

_MAGIC = re.compile('([*?[])')
_MAGIC_BYTES = re.compile(b'([*?[])')


def has_magic(s):
    if isinstance(s, bytes):
        return _MAGIC_BYTES.search(s) is not None
    return _MAGIC.search(s) is not None


def _is_hidden(name):
    return name[0] in ('.', b'.'[0])


def _is_recursive(pattern):
    return pattern == ('**' if isinstance(pattern, str) else b'**')


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if root_dir is not None:
        root_dir = os.fspath(root_dir) if hasattr(os, 'fspath') else root_dir
    else:
        root_dir = pathname[:0]
    results = _glob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or (recursive and _is_recursive(pathname[:2])):
        results = (r for r in results if r)
    return iter(list(results))


def _join(root, path):
    if not root:
        return path
    return os.path.join(root, path)


def _exists(root, path):
    return os.path.lexists(_join(root, path)) if hasattr(os.path, 'lexists') else os.path.exists(_join(root, path))


def _isdir(root, path):
    return os.path.isdir(_join(root, path))


def _glob(pathname, root, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _exists(root, pathname):
                yield pathname
        elif _isdir(root, dirname):
            yield pathname
        return
    if not dirname:
        if recursive and _is_recursive(basename):
            yield from _glob_recursive(root, dirname, basename, dironly, include_hidden)
        else:
            yield from _glob_one(root, dirname, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _glob(dirname, root, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _is_recursive(basename):
            step = _glob_recursive
        else:
            step = _glob_one
    else:
        step = _glob_literal
    for d in dirs:
        for name in step(root, d, basename, dironly, include_hidden):
            yield os.path.join(d, name)


def _list_dir(root, dirname, dironly):
    path = _join(root, dirname) or (os.curdir if isinstance(dirname, str) else bytes(os.curdir, 'ascii'))
    try:
        names = os.listdir(path)
    except OSError:
        return []
    if dironly:
        names = [n for n in names if os.path.isdir(os.path.join(path, n))]
    return names


def _glob_one(root, dirname, pattern, dironly, include_hidden):
    names = _list_dir(root, dirname, dironly)
    if not (include_hidden or _is_hidden(pattern)):
        names = [n for n in names if not _is_hidden(n)]
    return fnmatch.filter(names, pattern)


def _glob_literal(root, dirname, basename, dironly, include_hidden):
    if not basename:
        if _isdir(root, dirname):
            return [basename]
    elif _exists(root, os.path.join(dirname, basename)):
        return [basename]
    return []


def _glob_recursive(root, dirname, pattern, dironly, include_hidden):
    yield pattern[:0]
    yield from _walk(root, dirname, dironly, include_hidden)


def _walk(root, dirname, dironly, include_hidden):
    path = _join(root, dirname) or os.curdir
    try:
        names = os.listdir(path)
    except OSError:
        return
    for name in names:
        if not include_hidden and _is_hidden(name):
            continue
        full = os.path.join(path, name)
        is_dir = os.path.isdir(full) and not os.path.islink(full)
        if not dironly or is_dir:
            yield name
        if is_dir:
            for sub in _walk(root, os.path.join(dirname, name), dironly, include_hidden):
                yield os.path.join(name, sub)


def escape(pathname):
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        pathname = _MAGIC_BYTES.sub(br'[\1]', pathname)
    else:
        pathname = _MAGIC.sub(r'[\1]', pathname)
    return drive + pathname
