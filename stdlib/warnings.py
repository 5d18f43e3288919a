"""Warning control: warn() prints "file:line: Category: message" to stderr,
subject to the filters (filterwarnings, simplefilter, catch_warnings)."""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


def _match(pattern, text):
    # The filters' patterns are regular expressions matched at the start.
    if pattern is None:
        return True
    if isinstance(pattern, str):
        if not any(c in pattern for c in ".^$*+?{}[]\\|()"):
            return text.lower().startswith(pattern.lower())
        import re
        pattern = re.compile(pattern, re.I)
    return pattern.match(text) is not None


def _match_module(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        if not any(c in pattern for c in ".^$*+?{}[]\\|()"):
            return text == pattern
        import re
        pattern = re.compile(pattern + r"\Z")
    return pattern.match(text) is not None


filters = []
defaultaction = "default"
onceregistry = {}
_filters_version = [1]


def _filters_mutated():
    _filters_version[0] += 1


def _add_filter(*item, append):
    if append:
        if item not in filters:
            filters.append(item)
    else:
        # A filter put in front replaces its equal further down.
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    _filters_mutated()


def _require(condition, message):
    # CPython checks filter arguments with assert statements.
    if not condition:
        raise AssertionError(message)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Adds a filter: `action` for warnings whose text starts with `message`
    (a regex), of `category`, from `module`, at `lineno` (0: any)."""
    _require(action in _ACTIONS, f"invalid action: {action!r}")
    _require(isinstance(message, str), "message must be a string")
    _require(isinstance(category, type), "category must be a class")
    _require(issubclass(category, Warning), "category must be a Warning subclass")
    _require(isinstance(module, str), "module must be a string")
    _require(isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0")
    _add_filter(action, message or None, category, module or None, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Adds a filter matching every message of `category`."""
    _require(action in _ACTIONS, f"invalid action: {action!r}")
    _require(isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    """Clears the filters (including the default ones)."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    pass


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes for one warning."""
    s = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None:
        line = _getline(filename, lineno)
    if line:
        s += f"  {line.strip()}\n"
    return s


def _getline(filename, lineno):
    try:
        import linecache
        return linecache.getline(filename, lineno)
    except ImportError:
        pass
    # Showing the source line is best effort: no file, no line.
    try:
        with open(filename, encoding="utf-8") as f:
            for i, text in enumerate(f, 1):
                if i == lineno:
                    return text
    except Exception:
        pass
    return None


def _showwarnmsg_impl(msg):
    target = sys.stderr if msg.file is None else msg.file
    if target is None:
        return  # no stderr at all: the warning has nowhere to go
    try:
        target.write(_formatwarnmsg(msg))
    except OSError:
        pass


def _formatwarnmsg(msg):
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarning_orig(msg.message, msg.category, msg.filename, msg.lineno, msg.line)


_formatwarning_orig = formatwarning


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to a file (default: sys.stderr)."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    sw = showwarning
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None,
                 source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self._category_name!r}, "
                f"filename : {self.filename!r}, lineno : {self.lineno}, "
                f"line : {self.line!r}}}")


def _caller(stacklevel):
    try:
        frame = sys._getframe(stacklevel + 1)
    except (AttributeError, ValueError):
        return None
    return frame


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning (printed once per location by default)."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not "
                        f"'{type(category).__name__}'")
    frame = _caller(stacklevel)
    if frame is None:
        filename = "sys"
        lineno = 1
        module_globals = {"__name__": "sys"}
    else:
        module_globals = frame.f_globals
        filename = frame.f_code.co_filename if hasattr(frame, "f_code") else \
            module_globals.get("__file__", "sys")
        lineno = frame.f_lineno
    module = module_globals.get("__name__", "<string>")
    registry = module_globals.setdefault("__warningregistry__", {}) \
        if isinstance(module_globals, dict) else {}
    warn_explicit(message, category, filename, lineno, module, registry, module_globals,
                  source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issues a warning with an explicit location."""
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if isinstance(message, Warning):
        text, category = str(message), message.__class__
    else:
        text, message = message, category(message)
    if registry is not None and _recorded(registry, (text, category, lineno), False):
        return
    action, rule = _action_for(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if _already_shown(action, rule, registry, text, category, lineno):
        return
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


def _recorded(registry, key, record):
    """Whether key is in the registry (a module's __warningregistry__ or
    onceregistry), adding it if `record`.  A registry filled under other
    filters is emptied first."""
    if registry.get("version") != _filters_version[0]:
        registry.clear()
        registry["version"] = _filters_version[0]
    elif registry.get(key):
        return True
    if record:
        registry[key] = True
    return False


def _action_for(text, category, module, lineno):
    """The action of the first filter that matches, and that filter."""
    for rule in filters:
        action, msg, cat, mod, ln = rule
        if (_match(msg, text) and issubclass(category, cat)
                and _match_module(mod, module) and ln in (0, lineno)):
            return action, rule
    return defaultaction, None


def _already_shown(action, rule, registry, text, category, lineno):
    """Record in the registries that the warning is being shown under
    `action`; true if that action's scope has shown it before.

    As in CPython's C implementation: "once" is per registry, or global
    (onceregistry) without one; "module" is per registry."""
    if action == "always":
        return False
    if registry is not None:
        registry[(text, category, lineno)] = True
    if action == "once":
        scope = onceregistry if registry is None else registry
    elif action == "module":
        scope = registry
    elif action == "default":
        return False
    else:
        raise RuntimeError(f"Unrecognized action ({action!r}) in warnings.filters:\n {rule}")
    return scope is not None and _recorded(scope, (text, category), True)


class catch_warnings:
    """Saves and restores the filters and showwarning; with record=True,
    __enter__ returns a list that collects the warnings."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning,
                 lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        # The simplefilter() arguments to apply on entry, if any.
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        shown = ["record=True"] if self._record else []
        if self._module is not sys.modules["warnings"]:
            shown.append(f"module={self._module!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def __enter__(self):
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        _filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        self._module.filters = self._filters
        _filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


def _setup_defaults():
    simplefilter("ignore", category=ImportWarning, append=True)
    simplefilter("ignore", category=PendingDeprecationWarning, append=True)
    simplefilter("ignore", category=ResourceWarning, append=True)
    # DeprecationWarning is shown in __main__ only.
    filters.insert(0, ("default", None, DeprecationWarning, "__main__", 0))
    filters.append(("ignore", None, DeprecationWarning, None, 0))


_setup_defaults()
