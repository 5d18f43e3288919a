"""The import system's public helpers: import_module(), reload() and
invalidate_caches(), on top of the interpreter's own import statement."""

import sys

__all__ = ['import_module', 'reload', 'invalidate_caches']


def _resolve_name(name, package, level):
    parts = package.rsplit('.', level - 1)
    if len(parts) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = parts[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """The module `name` (relative to `package` when it starts with '.'),
    imported if it is not yet."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            "relative import for {!r}".format(name))
        level = len(name) - len(name.lstrip('.'))
        name = _resolve_name(name[level:], package, level)
    if not name:
        raise ValueError('Empty module name')
    module = sys.modules.get(name)
    if module is not None:
        return module
    __import__(name)
    return sys.modules[name]


def reload(module):
    """Runs the module's code again in its namespace (the same module
    object, updated in place) and returns it."""
    name = getattr(module, '__name__', None)
    if name is None or not isinstance(module, type(sys)):
        raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    saved = dict(module.__dict__)
    del sys.modules[name]
    try:
        fresh = __import__(name)
        for part in name.split('.')[1:]:
            fresh = getattr(fresh, part)
        fresh = sys.modules[name]
    except BaseException:
        sys.modules[name] = module
        raise
    module.__dict__.update(saved)
    module.__dict__.update(fresh.__dict__)
    sys.modules[name] = module
    return module


def invalidate_caches():
    """Nothing to do: tulip's importer keeps no finder caches."""
