//! `string`: character-class constants, `capwords`, `Template` and a
//! basic `Formatter` (the last two in Python, `PRELUDE`).

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    let set = |n: &str, v: String| d.set_str(vm.intern(n), Value::string(v));
    set("ascii_lowercase", LOWER.into());
    set("ascii_uppercase", UPPER.into());
    set("ascii_letters", format!("{LOWER}{UPPER}"));
    set("digits", DIGITS.into());
    set("hexdigits", "0123456789abcdefABCDEF".into());
    set("octdigits", "01234567".into());
    set("punctuation", PUNCTUATION.into());
    set("whitespace", WHITESPACE.into());
    set("printable", format!("{DIGITS}{LOWER}{UPPER}{PUNCTUATION}{WHITESPACE}"));
    def(vm, d, "capwords", capwords);
    Ok(())
}

fn capitalize(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            // str.capitalize uses title case for the first character.
            let t: String = c.to_uppercase().collect();
            out.push_str(&t);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn capwords(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([s], [sep]) = crate::sig!(py "capwords", "s, sep=None").bind(vm, a, kw)?;
    let Some(text) = s.as_str() else {
        return Err(vm.attr_error(format!("'{}' object has no attribute 'split'", vm.type_name(s).as_str())));
    };
    let sep = sep.filter(|v| !v.is_none());
    let out = match &sep {
        None => text.as_str().split(crate::runtime::format::py_isspace).filter(|w| !w.is_empty()).map(capitalize).collect::<Vec<_>>().join(" "),
        Some(v) => {
            let Some(sep) = v.as_str() else {
                return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(v).as_str())));
            };
            if sep.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            text.as_str().split(sep.as_str()).map(capitalize).collect::<Vec<_>>().join(sep.as_str())
        }
    };
    Ok(Value::string(out))
}

/// `Template` and `Formatter`, in Python.
pub const PRELUDE: &str = r#"
class Template:
    """A string class for supporting $-substitutions."""
    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)

    @staticmethod
    def _is_id_start(c):
        return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z")

    @staticmethod
    def _is_id_char(c):
        return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9")

    def _invalid(self, i):
        text = self.template[:i]
        if not text:
            lineno, colno = 1, 1
        else:
            if text.endswith("\n"):
                lineno = text.count("\n")
                start = text.rfind("\n", 0, len(text) - 1) + 1
            else:
                lineno = text.count("\n") + 1
                start = text.rfind("\n") + 1
            colno = i - start
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))

    def _scan(self):
        # Yields (start, end, kind, name): kind is 'escaped', 'named',
        # 'braced' or 'invalid'; text between matches is copied.
        t = self.template
        d = self.delimiter
        n = len(t)
        i = 0
        while True:
            j = t.find(d, i)
            if j < 0:
                return
            k = j + len(d)
            if t.startswith(d, k):
                yield (j, k + len(d), "escaped", None)
                i = k + len(d)
                continue
            if k < n and self._is_id_start(t[k]):
                e = k + 1
                while e < n and self._is_id_char(t[e]):
                    e += 1
                yield (j, e, "named", t[k:e])
                i = e
                continue
            if k < n and t[k] == "{":
                e = k + 1
                if e < n and self._is_id_start(t[e]):
                    e += 1
                    while e < n and self._is_id_char(t[e]):
                        e += 1
                    if e < n and t[e] == "}":
                        yield (j, e + 1, "braced", t[k + 1:e])
                        i = e + 1
                        continue
            yield (j, k, "invalid", None)
            i = k

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        last = 0
        for start, end, kind, name in self._scan():
            out.append(self.template[last:start])
            last = end
            if kind == "escaped":
                out.append(self.delimiter)
            elif kind == "invalid":
                self._invalid(start + len(self.delimiter))
            else:
                out.append("%s" % (mapping[name],))
        out.append(self.template[last:])
        return "".join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        last = 0
        for start, end, kind, name in self._scan():
            out.append(self.template[last:start])
            last = end
            if kind == "escaped":
                out.append(self.delimiter)
            elif kind == "invalid":
                out.append(self.template[start:end])
            else:
                try:
                    out.append("%s" % (mapping[name],))
                except KeyError:
                    out.append(self.template[start:end])
        out.append(self.template[last:])
        return "".join(out)

    def is_valid(self):
        for start, end, kind, name in self._scan():
            if kind == "invalid":
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class _ChainMap:
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)


def _parse_template(s):
    """(literal, field name, spec, conversion) for each replacement field,
    as str.format reads them; escaped braces end a literal chunk."""
    out = []
    literal = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch in "{}" and i + 1 < n and s[i + 1] == ch:
            literal.append(ch)
            out.append(("".join(literal), None, None, None))
            literal = []
            i += 2
            continue
        if ch == "}":
            raise ValueError("Single '}' encountered in format string")
        if ch != "{":
            literal.append(ch)
            i += 1
            continue
        end, level = i + 1, 1
        while end < n and level:
            if s[end] == "{":
                level += 1
            elif s[end] == "}":
                level -= 1
            end += 1
        if level:
            raise ValueError("expected '}' before end of string" if i + 1 < n else "Single '{' encountered in format string")
        name, conversion, spec = _split_field(s[i + 1:end - 1])
        out.append(("".join(literal), name, spec, conversion))
        literal = []
        i = end
    if literal:
        out.append(("".join(literal), None, None, None))
    return out


def _split_field(field):
    """`name!c:spec` -> (name, c or None, spec); brackets may hold ! and :."""
    i, n = 0, len(field)
    while i < n and field[i] not in "!:":
        if field[i] == "[":
            while i < n and field[i] != "]":
                i += 1
        i += 1
    name, rest = field[:i], field[i:]
    conversion = None
    if rest.startswith("!"):
        if len(rest) < 2:
            raise ValueError("unmatched '{' in format spec")
        conversion = rest[1]
        rest = rest[2:]
        if rest and not rest.startswith(":"):
            raise ValueError("expected ':' after conversion specifier")
    return name, conversion, rest[1:]


def _split_field_name(name):
    """`a.b[0]` -> ('a', [(True, 'b'), (False, 0)]); digits become ints."""
    i = 0
    while i < len(name) and name[i] not in ".[":
        i += 1
    first = name[:i]
    first = int(first) if first.isdigit() else first
    rest = []
    while i < len(name):
        if name[i] == ".":
            j = i + 1
            while j < len(name) and name[j] not in ".[":
                j += 1
            if j == i + 1:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name[i + 1:j]))
        else:
            j = name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            rest.append((False, int(key) if key.isdigit() else key))
            j += 1
            if j < len(name) and name[j] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        i = j
    return first, rest


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        text, _ = self._expand(format_string, args, kwargs, used, 2, 0)
        self.check_unused_args(used, args, kwargs)
        return text

    def _expand(self, template, args, kwargs, used, depth, auto):
        # `auto` is the next automatic field number, or False once a field
        # was numbered by hand (the two styles cannot mix).
        if depth < 0:
            raise ValueError("Max string recursion exceeded")
        out = []
        for literal, name, spec, conversion in self.parse(template):
            out.append(literal)
            if name is None:
                continue
            if name == "":
                if auto is False:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                name = str(auto)
                auto += 1
            elif name.isdigit():
                if auto:
                    # CPython's Formatter words both directions this way.
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                auto = False
            obj, key = self.get_field(name, args, kwargs)
            used.add(key)
            obj = self.convert_field(obj, conversion)
            spec, auto = self._expand(spec, args, kwargs, used, depth - 1, auto)
            out.append(self.format_field(obj, spec))
        return "".join(out), auto

    def parse(self, format_string):
        return _parse_template(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
"#;
