"""INI-style configuration files: sections of `name = value` options,
with defaults, multi-line values, %(name)s or ${section:name}
interpolation, and CPython 3.11's parsing rules and error messages."""

import io
import itertools
import os
import re
import sys
from collections import ChainMap as _ChainMap
from collections.abc import MutableMapping

__all__ = ["NoSectionError", "DuplicateOptionError", "DuplicateSectionError",
           "NoOptionError", "InterpolationError", "InterpolationDepthError",
           "InterpolationMissingOptionError", "InterpolationSyntaxError",
           "ParsingError", "MissingSectionHeaderError", "ConfigParser",
           "SafeConfigParser", "RawConfigParser", "Interpolation",
           "BasicInterpolation", "ExtendedInterpolation",
           "LegacyInterpolation", "SectionProxy", "ConverterMapping",
           "DEFAULTSECT", "MAX_INTERPOLATION_DEPTH"]

DEFAULTSECT = "DEFAULT"
MAX_INTERPOLATION_DEPTH = 10


# ----- errors -----

class Error(Exception):
    """Base class of configparser's exceptions; str() is the message."""

    def __init__(self, msg=''):
        self.message = msg
        Exception.__init__(self, msg)

    def __repr__(self):
        return self.message

    __str__ = __repr__


class NoSectionError(Error):
    def __init__(self, section):
        Error.__init__(self, 'No section: %r' % (section,))
        self.section = section
        self.args = (section,)


def _where(source, lineno):
    text = "While reading from %r" % (source,)
    if lineno is not None:
        text += " [line {0:2d}]".format(lineno)
    return text + ": "


class DuplicateSectionError(Error):
    def __init__(self, section, source=None, lineno=None):
        if source is None:
            text = "Section %r already exists" % (section,)
        else:
            text = _where(source, lineno) + "section %r already exists" % (section,)
        Error.__init__(self, text)
        self.section = section
        self.source = source
        self.lineno = lineno
        self.args = (section, source, lineno)


class DuplicateOptionError(Error):
    def __init__(self, section, option, source=None, lineno=None):
        tail = "%r in section %r already exists" % (option, section)
        if source is None:
            text = "Option " + tail
        else:
            text = _where(source, lineno) + "option " + tail
        Error.__init__(self, text)
        self.section = section
        self.option = option
        self.source = source
        self.lineno = lineno
        self.args = (section, option, source, lineno)


class NoOptionError(Error):
    def __init__(self, option, section):
        Error.__init__(self, "No option %r in section: %r" % (option, section))
        self.option = option
        self.section = section
        self.args = (option, section)


class InterpolationError(Error):
    def __init__(self, option, section, msg):
        Error.__init__(self, msg)
        self.option = option
        self.section = section
        self.args = (option, section, msg)


class InterpolationMissingOptionError(InterpolationError):
    def __init__(self, option, section, rawval, reference):
        self.reference = reference
        text = ("Bad value substitution: option %r in section %r contains an "
                "interpolation key %r which is not a valid option name. Raw value: %r"
                % (option, section, reference, rawval))
        InterpolationError.__init__(self, option, section, text)
        self.args = (option, section, rawval, reference)


class InterpolationSyntaxError(InterpolationError):
    pass


class InterpolationDepthError(InterpolationError):
    def __init__(self, option, section, rawval):
        msg = ("Recursion limit exceeded in value substitution: option {!r} "
               "in section {!r} contains an interpolation key which "
               "cannot be substituted in {} steps. Raw value: {!r}"
               "".format(option, section, MAX_INTERPOLATION_DEPTH, rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.args = (option, section, rawval)


class ParsingError(Error):
    def __init__(self, source=None, filename=None):
        if filename and source:
            raise ValueError("Cannot specify both `filename' and `source'. Use `source'.")
        if not filename and not source:
            raise ValueError("Required argument `source' not given.")
        source = source or filename
        Error.__init__(self, 'Source contains parsing errors: %r' % source)
        self.source = source
        self.errors = []
        self.args = (source,)

    def append(self, lineno, line):
        self.errors.append((lineno, line))
        self.message += '\n\t[line %2d]: %s' % (lineno, line)


class MissingSectionHeaderError(ParsingError):
    def __init__(self, filename, lineno, line):
        Error.__init__(self, 'File contains no section headers.\nfile: %r, line: %d\n%r'
                       % (filename, lineno, line))
        self.source = filename
        self.lineno = lineno
        self.line = line
        self.args = (filename, lineno, line)


# ----- interpolation -----

_UNSET = object()


def _unchanged(self, parser, section, option, value, *rest):
    return value


class Interpolation:
    """No interpolation: values are returned as stored. Subclasses
    transform values as they are read, got, set and written."""

    before_get = _unchanged
    before_set = _unchanged
    before_read = _unchanged
    before_write = _unchanged


class _SigilInterpolation(Interpolation):
    """References marked by a sigil character (`_SIGIL`, doubled for a
    literal one) and matched by `_KEYCRE`; subclasses expand them."""

    def before_get(self, parser, section, option, value, defaults):
        pieces = []
        self._expand(parser, option, pieces, value, section, defaults, 1)
        return ''.join(pieces)

    def before_set(self, parser, section, option, value):
        sigil = self._SIGIL
        rest = self._KEYCRE.sub('', value.replace(sigil * 2, ''))
        if sigil in rest:
            raise ValueError("invalid interpolation syntax in %r at position %d"
                             % (value, rest.find(sigil)))
        return value


class BasicInterpolation(_SigilInterpolation):
    """%(name)s refers to another option of the section (or DEFAULT);
    %% is a literal percent sign."""

    _SIGIL = '%'
    _KEYCRE = re.compile(r"%\(([^)]+)\)s")

    def _expand(self, parser, option, pieces, rest, section, values, depth):
        raw = parser.get(section, option, raw=True, fallback=rest)
        if depth > MAX_INTERPOLATION_DEPTH:
            raise InterpolationDepthError(option, section, raw)
        while rest:
            at = rest.find('%')
            if at < 0:
                pieces.append(rest)
                return
            if at:
                pieces.append(rest[:at])
                rest = rest[at:]
            follower = rest[1:2]
            if follower == '%':
                pieces.append('%')
                rest = rest[2:]
            elif follower == '(':
                found = self._KEYCRE.match(rest)
                if found is None:
                    raise InterpolationSyntaxError(option, section,
                                                   "bad interpolation variable reference %r" % rest)
                name = parser.optionxform(found.group(1))
                rest = rest[found.end():]
                try:
                    text = values[name]
                except KeyError:
                    raise InterpolationMissingOptionError(option, section, raw, name) from None
                if '%' in text:
                    self._expand(parser, option, pieces, text, section, values, depth + 1)
                else:
                    pieces.append(text)
            else:
                raise InterpolationSyntaxError(
                    option, section,
                    "'%%' must be followed by '%%' or '(', found: %r" % (rest,))


class ExtendedInterpolation(_SigilInterpolation):
    """${name} or ${section:name}; $$ is a literal dollar sign."""

    _SIGIL = '$'
    _KEYCRE = re.compile(r"\$\{([^}]+)\}")

    def _expand(self, parser, option, pieces, rest, section, values, depth):
        raw = parser.get(section, option, raw=True, fallback=rest)
        if depth > MAX_INTERPOLATION_DEPTH:
            raise InterpolationDepthError(option, section, raw)
        while rest:
            at = rest.find('$')
            if at < 0:
                pieces.append(rest)
                return
            if at:
                pieces.append(rest[:at])
                rest = rest[at:]
            follower = rest[1:2]
            if follower == '$':
                pieces.append('$')
                rest = rest[2:]
            elif follower == '{':
                found = self._KEYCRE.match(rest)
                if found is None:
                    raise InterpolationSyntaxError(option, section,
                                                   "bad interpolation variable reference %r" % rest)
                path = found.group(1).split(':')
                rest = rest[found.end():]
                where = section
                lookup = values
                try:
                    if len(path) == 1:
                        name = parser.optionxform(path[0])
                        text = lookup[name]
                    elif len(path) == 2:
                        where = path[0]
                        name = parser.optionxform(path[1])
                        text = parser.get(where, name, raw=True)
                    else:
                        raise InterpolationSyntaxError(option, section,
                                                       "More than one ':' found: %r" % (rest,))
                except (KeyError, NoSectionError, NoOptionError):
                    raise InterpolationMissingOptionError(option, section, raw, ":".join(path)) from None
                if '$' in text:
                    scope = values if where == section else dict(parser.items(where, raw=True))
                    self._expand(parser, name, pieces, text, where, scope, depth + 1)
                else:
                    pieces.append(text)
            else:
                raise InterpolationSyntaxError(
                    option, section,
                    "'$' must be followed by '$' or '{', found: %r" % (rest,))


class LegacyInterpolation(Interpolation):
    """%(name)s replaced with plain %-formatting (deprecated)."""

    def before_get(self, parser, section, option, value, vars):
        depth = MAX_INTERPOLATION_DEPTH
        while depth and '%(' in value:
            depth -= 1
            try:
                value = value % {k: v for k, v in vars.items()}
            except KeyError as e:
                raise InterpolationMissingOptionError(option, section, value, e.args[0]) from None
        if value and '%(' in value:
            raise InterpolationDepthError(option, section, value)
        return value


# ----- parsers -----

_BOOLEANS = {'1': True, 'yes': True, 'true': True, 'on': True,
             '0': False, 'no': False, 'false': False, 'off': False}


class RawConfigParser(MutableMapping):
    """A configuration: sections of options, without interpolation."""

    _DEFAULT_INTERPOLATION = Interpolation()
    _SECTION_RE = r"\[(?P<header>.+)\]"
    SECTCRE = re.compile(_SECTION_RE, re.VERBOSE)
    NONSPACECRE = re.compile(r"\S")
    BOOLEAN_STATES = _BOOLEANS

    def __init__(self, defaults=None, dict_type=dict, allow_no_value=False, *,
                 delimiters=('=', ':'), comment_prefixes=('#', ';'),
                 inline_comment_prefixes=None, strict=True,
                 empty_lines_in_values=True, default_section=DEFAULTSECT,
                 interpolation=_UNSET, converters=_UNSET):
        self._dict = dict_type
        self.default_section = default_section
        self._defaults, self._sections, self._proxies = dict_type(), dict_type(), dict_type()
        self._converters = ConverterMapping(self)
        self._proxies[default_section] = SectionProxy(self, default_section)
        self._delimiters = tuple(delimiters)
        alternatives = '|'.join(re.escape(d) for d in delimiters)
        if allow_no_value:
            pattern = r"(?P<option>.*?)\s*(?:(?P<vi>%s)\s*(?P<value>.*))?$" % alternatives
        else:
            pattern = r"(?P<option>.*?)\s*(?P<vi>%s)\s*(?P<value>.*)$" % alternatives
        self._optcre = re.compile(pattern)
        self._comment_prefixes = tuple(comment_prefixes or ())
        self._inline_comment_prefixes = tuple(inline_comment_prefixes or ())
        self._strict = strict
        self._allow_no_value = allow_no_value
        self._empty_lines_in_values = empty_lines_in_values
        self._interpolation = interpolation
        if self._interpolation is _UNSET:
            self._interpolation = self._DEFAULT_INTERPOLATION
        if self._interpolation is None:
            self._interpolation = Interpolation()
        if not isinstance(self._interpolation, Interpolation):
            raise TypeError("interpolation= must be None or an instance of Interpolation;"
                            " got an object of type {}".format(type(self._interpolation)))
        if converters is not _UNSET:
            self._converters.update(converters)
        if defaults:
            self._read_defaults(defaults)

    def defaults(self):
        """The DEFAULT section's own options."""
        return self._defaults

    def sections(self):
        return list(self._sections.keys())

    def add_section(self, section):
        """Creates an empty section (never DEFAULT, never twice)."""
        if section == self.default_section:
            raise ValueError('Invalid section name: %r' % section)
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._proxies[section] = SectionProxy(self, section)
        self._sections[section] = self._dict()

    def has_section(self, section):
        return section in self._sections

    def options(self, section):
        try:
            found = self._sections[section].copy()
        except KeyError:
            raise NoSectionError(section) from None
        found.update(self._defaults)
        return list(found.keys())

    def read(self, filenames, encoding=None):
        if isinstance(filenames, (str, bytes, os.PathLike)):
            filenames = [filenames]
        done = []
        for filename in filenames:
            # Files that cannot be opened are skipped, as documented.
            try:
                fp = open(filename, encoding=encoding)
            except OSError:
                continue
            with fp:
                self._read(fp, filename)
            done.append(os.fspath(filename) if isinstance(filename, os.PathLike) else filename)
        return done

    def read_file(self, f, source=None):
        if source is None:
            source = getattr(f, 'name', '<???>')
        self._read(f, source)

    def read_string(self, string, source='<string>'):
        self.read_file(io.StringIO(string), source)

    def read_dict(self, dictionary, source='<dict>'):
        added = set()
        for section, keys in dictionary.items():
            section = str(section)
            try:
                self.add_section(section)
            except (DuplicateSectionError, ValueError):
                if self._strict and section in added:
                    raise
            added.add(section)
            for key, value in keys.items():
                key = self.optionxform(str(key))
                if value is not None:
                    value = str(value)
                if self._strict and (section, key) in added:
                    raise DuplicateOptionError(section, key, source)
                added.add((section, key))
                self.set(section, key, value)

    def readfp(self, fp, filename=None):
        self.read_file(fp, source=filename)

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        try:
            values = self._unify_values(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        option = self.optionxform(option)
        try:
            value = values[option]
        except KeyError:
            if fallback is _UNSET:
                raise NoOptionError(option, section)
            return fallback
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value, values)

    def _get(self, section, conv, option, **kwargs):
        return conv(self.get(section, option, **kwargs))

    def _get_conv(self, section, option, conv, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        try:
            return self._get(section, conv, option, raw=raw, vars=vars, **kwargs)
        except (NoSectionError, NoOptionError):
            if fallback is _UNSET:
                raise
            return fallback

    def getint(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, int, raw=raw, vars=vars, fallback=fallback, **kwargs)

    def getfloat(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, float, raw=raw, vars=vars, fallback=fallback, **kwargs)

    def getboolean(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._convert_to_boolean,
                              raw=raw, vars=vars, fallback=fallback, **kwargs)

    def items(self, section=_UNSET, raw=False, vars=None):
        if section is _UNSET:
            return super().items()
        values = self._defaults.copy()
        try:
            values.update(self._sections[section])
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section)
        names = list(values.keys())
        if vars:
            for key, value in vars.items():
                values[self.optionxform(key)] = value
        if raw:
            return [(name, values[name]) for name in names]
        expand = self._interpolation.before_get
        return [(name, expand(self, section, name, values[name], values)) for name in names]

    def popitem(self):
        names = self.sections()
        if not names:
            raise KeyError
        proxy = self[names[0]]
        del self[names[0]]
        return names[0], proxy

    def optionxform(self, optionstr):
        """How option names are normalised: lower case by default."""
        return optionstr.lower()

    def has_option(self, section, option):
        if not section or section == self.default_section:
            return self.optionxform(option) in self._defaults
        if section not in self._sections:
            return False
        option = self.optionxform(option)
        return option in self._sections[section] or option in self._defaults

    def set(self, section, option, value=None):
        if value:
            value = self._interpolation.before_set(self, section, option, value)
        if not section or section == self.default_section:
            target = self._defaults
        else:
            try:
                target = self._sections[section]
            except KeyError:
                raise NoSectionError(section) from None
        target[self.optionxform(option)] = value

    def write(self, fp, space_around_delimiters=True):
        delimiter = " {} ".format(self._delimiters[0]) if space_around_delimiters else self._delimiters[0]
        if self._defaults:
            self._write_section(fp, self.default_section, self._defaults.items(), delimiter)
        for section in self._sections:
            self._write_section(fp, section, self._sections[section].items(), delimiter)

    def _write_section(self, fp, section_name, section_items, delimiter):
        fp.write("[{}]\n".format(section_name))
        for key, value in section_items:
            value = self._interpolation.before_write(self, section_name, key, value)
            if value is None and self._allow_no_value:
                fp.write(key + "\n")
            else:
                fp.write(key + delimiter + str(value).replace('\n', '\n\t') + "\n")
        fp.write("\n")

    def remove_option(self, section, option):
        if not section or section == self.default_section:
            target = self._defaults
        else:
            try:
                target = self._sections[section]
            except KeyError:
                raise NoSectionError(section) from None
        option = self.optionxform(option)
        if option not in target:
            return False
        del target[option]
        return True

    def remove_section(self, section):
        if section not in self._sections:
            return False
        del self._sections[section]
        del self._proxies[section]
        return True

    # The parser as a mapping of section names to SectionProxy objects;
    # DEFAULT is always there.

    def __contains__(self, key):
        return self.has_section(key) or key == self.default_section

    def __iter__(self):
        yield self.default_section
        yield from list(self._sections)

    def __len__(self):
        return 1 + len(self._sections)

    def __getitem__(self, key):
        if key in self:
            return self._proxies[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        # Assigning a section replaces its options (unless it is itself).
        if key in self and self._proxies[key] is value:
            return
        if key == self.default_section:
            self._defaults.clear()
        elif key in self._sections:
            self._sections[key].clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if key == self.default_section:
            raise ValueError("Cannot remove the default section.")
        if key not in self._sections:
            raise KeyError(key)
        self.remove_section(key)

    def _read(self, fp, fpname):
        """Parses a file; all errors of a file are collected into one
        ParsingError, raised at the end."""
        added = set()
        current = None
        section_name = None
        option = None
        indent_level = 0
        error = None
        for lineno, line in enumerate(fp, start=1):
            comment_start = self._comment_start(line)
            value = line[:comment_start].strip()
            if not value:
                if self._empty_lines_in_values:
                    if (comment_start is None and current is not None and option
                            and current[option] is not None):
                        current[option].append('')
                else:
                    indent_level = sys.maxsize
                continue
            first = self.NONSPACECRE.search(line)
            line_indent = first.start() if first else 0
            if current is not None and option and line_indent > indent_level:
                current[option].append(value)
                continue
            indent_level = line_indent
            header = self.SECTCRE.match(value)
            if header:
                section_name = header.group('header')
                if section_name in self._sections:
                    if self._strict and section_name in added:
                        raise DuplicateSectionError(section_name, fpname, lineno)
                    current = self._sections[section_name]
                    added.add(section_name)
                elif section_name == self.default_section:
                    current = self._defaults
                else:
                    current = self._dict()
                    self._sections[section_name] = current
                    self._proxies[section_name] = SectionProxy(self, section_name)
                    added.add(section_name)
                option = None
            elif current is None:
                raise MissingSectionHeaderError(fpname, lineno, line)
            else:
                found = self._optcre.match(value)
                if not found:
                    error = self._handle_error(error, fpname, lineno, line)
                    continue
                option, _vi, text = found.group('option', 'vi', 'value')
                if not option:
                    error = self._handle_error(error, fpname, lineno, line)
                option = self.optionxform(option.rstrip())
                if self._strict and (section_name, option) in added:
                    raise DuplicateOptionError(section_name, option, fpname, lineno)
                added.add((section_name, option))
                current[option] = None if text is None else [text.strip()]
        self._join_multiline_values()
        if error:
            raise error

    def _comment_start(self, line):
        """Where a comment starts in line (None: no comment). Inline
        prefixes count only at the start or after whitespace."""
        start = sys.maxsize
        searching = {prefix: -1 for prefix in self._inline_comment_prefixes}
        while start == sys.maxsize and searching:
            following = {}
            for prefix, index in searching.items():
                index = line.find(prefix, index + 1)
                if index == -1:
                    continue
                following[prefix] = index
                if index == 0 or (index > 0 and line[index - 1].isspace()):
                    start = min(start, index)
            searching = following
        stripped = line.strip()
        if any(stripped.startswith(prefix) for prefix in self._comment_prefixes):
            start = 0
        return None if start == sys.maxsize else start

    def _join_multiline_values(self):
        everything = itertools.chain(((self.default_section, self._defaults),), self._sections.items())
        for section, options in everything:
            for name, value in options.items():
                if isinstance(value, list):
                    value = '\n'.join(value).rstrip()
                options[name] = self._interpolation.before_read(self, section, name, value)

    def _read_defaults(self, defaults):
        self._defaults.update((self.optionxform(k), v) for k, v in defaults.items())

    def _handle_error(self, exc, fpname, lineno, line):
        """Adds a bad line to the file's ParsingError (made on the first)."""
        exc = exc or ParsingError(fpname)
        exc.append(lineno, repr(line))
        return exc

    def _unify_values(self, section, vars):
        try:
            section_values = self._sections[section]
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section) from None
            section_values = {}
        given = {}
        if vars:
            for key, value in vars.items():
                if value is not None:
                    value = str(value)
                given[self.optionxform(key)] = value
        return _ChainMap(given, section_values, self._defaults)

    def _convert_to_boolean(self, value):
        if value.lower() not in self.BOOLEAN_STATES:
            raise ValueError('Not a boolean: %s' % value)
        return self.BOOLEAN_STATES[value.lower()]

    def _validate_value_types(self, *, section="", option="", value=""):
        """ConfigParser keeps strings only (None too, with allow_no_value)."""
        checks = ((section, "section names must be strings"),
                  (option, "option keys must be strings"))
        for item, message in checks:
            if not isinstance(item, str):
                raise TypeError(message)
        if (value or not self._allow_no_value) and not isinstance(value, str):
            raise TypeError("option values must be strings")

    @property
    def converters(self):
        return self._converters


class ConfigParser(RawConfigParser):
    """A configuration with %(name)s interpolation; values must be strings."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()

    def set(self, section, option, value=None):
        self._validate_value_types(option=option, value=value)
        super().set(section, option, value)

    def add_section(self, section):
        self._validate_value_types(section=section)
        super().add_section(section)

    def _read_defaults(self, defaults):
        saved = self._interpolation
        self._interpolation = Interpolation()
        try:
            self.read_dict({self.default_section: defaults})
        finally:
            self._interpolation = saved


class SafeConfigParser(ConfigParser):
    """Deprecated alias of ConfigParser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        import warnings
        warnings.warn("The SafeConfigParser class has been renamed to ConfigParser "
                      "in Python 3.2. This alias will be removed in Python 3.12. "
                      "Use ConfigParser directly instead.", DeprecationWarning, stacklevel=2)


class SectionProxy(MutableMapping):
    """One section of a parser, as a mapping of its options (DEFAULT's
    included)."""

    def __init__(self, parser, name):
        self._parser = parser
        self._name = name
        for conv in parser.converters:
            setattr(self, 'get' + conv, self._make_getter('get' + conv))

    def _make_getter(self, key):
        def getter(option, fallback=None, *, raw=False, vars=None, **kwargs):
            impl = getattr(self._parser, key)
            return self.get(option, fallback, raw=raw, vars=vars, _impl=impl, **kwargs)
        return getter

    @property
    def parser(self):
        return self._parser

    @property
    def name(self):
        return self._name

    def __repr__(self):
        return '<Section: %s>' % (self._name,)

    def _names(self):
        if self._name == self._parser.default_section:
            return self._parser.defaults()
        return self._parser.options(self._name)

    def __contains__(self, key):
        return self._parser.has_option(self._name, key)

    def __iter__(self):
        return iter(self._names())

    def __len__(self):
        return len(self._names())

    def __getitem__(self, key):
        if key in self:
            return self._parser.get(self._name, key)
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._parser._validate_value_types(option=key, value=value)
        return self._parser.set(self._name, key, value)

    def __delitem__(self, key):
        removed = key in self and self._parser.remove_option(self._name, key)
        if not removed:
            raise KeyError(key)

    def get(self, option, fallback=None, *, raw=False, vars=None, _impl=None, **kwargs):
        lookup = _impl or self._parser.get
        return lookup(self._name, option, raw=raw, vars=vars, fallback=fallback, **kwargs)


class ConverterMapping(MutableMapping):
    """The parser's get<name> converters: int, float, boolean, and those
    given with converters= (each also becomes a get<name> method of the
    parser and of its sections)."""

    GETTERCRE = re.compile(r"^get(?P<name>.+)$")

    def __init__(self, parser):
        self._parser = parser
        self._data = {}
        for attr in dir(parser):
            found = self.GETTERCRE.match(attr)
            if found and callable(getattr(parser, attr)):
                self._data[found.group('name')] = None

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise ValueError('Incompatible key: {} (type: {})'.format(key, type(key)))
        if not key:
            raise ValueError('Incompatible key: cannot use "" as a name')
        method = 'get' + key
        self._data[key] = value
        parser = self._parser

        def convert(section, option, **kw):
            return parser._get_conv(section, option, value, **kw)
        parser.__dict__[method] = convert
        for proxy in parser.values():
            proxy.__dict__[method] = proxy._make_getter(method)

    def __delitem__(self, key):
        if not key:
            raise KeyError(key)
        del self._data[key]
        method = 'get' + key
        for holder in [self._parser] + list(self._parser.values()):
            holder.__dict__.pop(method, None)
