"""Splitting, joining, quoting and query-string handling of URLs
(RFC 3986 as CPython 3.11's urllib.parse applies it)."""

from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag", "urlsplit",
           "urlunsplit", "urlencode", "parse_qs", "parse_qsl", "quote",
           "quote_plus", "quote_from_bytes", "unquote", "unquote_plus",
           "unquote_to_bytes", "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https',
                 'shttp', 'mms', 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh',
                 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file',
               'mms', 'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync',
               'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp',
               'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')
_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')


def _as_text(args):
    """(texts, restore): bytes arguments are decoded as ASCII, and
    restore() encodes results back when the input was bytes."""
    are_bytes = [isinstance(a, (bytes, bytearray)) for a in args if a != '' and a is not None]
    if not are_bytes or not any(are_bytes):
        return args, lambda x: x
    if not all(are_bytes):
        raise TypeError("Cannot mix str and non-str arguments")
    texts = [a.decode('ascii', 'strict') if isinstance(a, (bytes, bytearray)) else a for a in args]
    return texts, lambda x: x.encode('ascii', 'strict')


class _NetlocMixin:
    """username, password, hostname and port, read from the netloc."""

    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        host = self._hostinfo[0]
        if not host:
            return None
        host, percent, zone = host.partition('%')
        return host.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo[1]
        if port is None:
            return None
        if not (port.isdigit() and port.isascii()):
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        number = int(port)
        if not 0 <= number <= 65535:
            raise ValueError("Port out of range 0-65535")
        return number

    @property
    def _userinfo(self):
        userinfo, at, _host = self.netloc.rpartition('@')
        if not at:
            return None, None
        user, colon, password = userinfo.partition(':')
        return user, (password if colon else None)

    @property
    def _hostinfo(self):
        hostinfo = self.netloc.rpartition('@')[2]
        before, bracket, inside = hostinfo.partition('[')
        if bracket:
            host, _close, after = inside.partition(']')
            port = after.partition(':')[2]
        else:
            host, _colon, port = hostinfo.partition(':')
        return host, (port or None)


class SplitResult(namedtuple('SplitResult', 'scheme netloc path query fragment'), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(namedtuple('ParseResult', 'scheme netloc path params query fragment'), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResult(namedtuple('DefragResult', 'url fragment')):
    __slots__ = ()

    def geturl(self):
        return self.url + '#' + self.fragment if self.fragment else self.url


class SplitResultBytes(namedtuple('SplitResultBytes', 'scheme netloc path query fragment')):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(namedtuple('ParseResultBytes', 'scheme netloc path params query fragment')):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(namedtuple('DefragResultBytes', 'url fragment')):
    __slots__ = ()

    def geturl(self):
        return self.url + b'#' + self.fragment if self.fragment else self.url


def _result(text_class, bytes_class, restore, parts):
    values = [restore(p) for p in parts]
    if values and isinstance(values[0], bytes):
        return bytes_class(*values)
    return text_class(*values)


def _cut_netloc(url, start=0):
    end = len(url)
    for c in '/?#':
        at = url.find(c, start)
        if at >= 0:
            end = min(end, at)
    return url[start:end], url[end:]


def urlsplit(url, scheme='', allow_fragments=True):
    """(scheme, netloc, path, query, fragment) of url."""
    (url, scheme), restore = _as_text((url, scheme))
    url = url.lstrip(''.join(chr(i) for i in range(33)))
    scheme = scheme.strip(''.join(chr(i) for i in range(33)))
    for c in '\t\r\n':
        url = url.replace(c, '')
        scheme = scheme.replace(c, '')
    netloc = query = fragment = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha() and all(c in scheme_chars for c in url[:colon]):
        scheme, url = url[:colon].lower(), url[colon + 1:]
    if url[:2] == '//':
        netloc, url = _cut_netloc(url, 2)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return _result(SplitResult, SplitResultBytes, restore, (scheme, netloc, url, query, fragment))


def urlparse(url, scheme='', allow_fragments=True):
    """(scheme, netloc, path, params, query, fragment) of url."""
    (url, scheme), restore = _as_text((url, scheme))
    scheme, netloc, path, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ''
    if scheme in uses_params and ';' in path:
        slash = path.rfind('/')
        semi = path.find(';', slash if slash >= 0 else 0)
        if semi >= 0:
            path, params = path[:semi], path[semi + 1:]
    return _result(ParseResult, ParseResultBytes, restore, (scheme, netloc, path, params, query, fragment))


def urlunsplit(components):
    (scheme, netloc, url, query, fragment), restore = _as_text(tuple(components))
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url += '?' + query
    if fragment:
        url += '#' + fragment
    return restore(url)


def urlunparse(components):
    (scheme, netloc, url, params, query, fragment), restore = _as_text(tuple(components))
    if params:
        url = "%s;%s" % (url, params)
    return restore(urlunsplit((scheme, netloc, url, query, fragment)))


def urljoin(base, url, allow_fragments=True):
    """url resolved against base (RFC 3986 section 5.2)."""
    if not base:
        return url
    if not url:
        return base
    (base, url), restore = _as_text((base, url))
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return restore(url)
    if scheme in uses_netloc:
        if netloc:
            return restore(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = bnetloc
    if not path and not params:
        return restore(urlunparse((scheme, netloc, bpath, bparams, query or bquery, fragment)))
    base_segments = bpath.split('/')
    if base_segments[-1] != '':
        base_segments.pop()
    if path.startswith('/'):
        segments = path.split('/')
    else:
        segments = base_segments + path.split('/')
        segments[1:-1] = [s for s in segments[1:-1] if s]
    resolved = []
    for segment in segments:
        if segment == '..':
            if resolved:
                resolved.pop()
        elif segment != '.':
            resolved.append(segment)
    if segments[-1] in ('.', '..'):
        resolved.append('')
    return restore(urlunparse((scheme, netloc, '/'.join(resolved) or '/', params, query, fragment)))


def urldefrag(url):
    (url,), restore = _as_text((url,))
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defragged = urlunparse((s, n, p, a, q, ''))
    else:
        frag = ''
        defragged = url
    return _result(DefragResult, DefragResultBytes, restore, (defragged, frag))


def quote_from_bytes(bs, safe='/'):
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes(c for c in safe if c < 128)
    keep = _ALWAYS_SAFE.union(safe)
    return ''.join(chr(b) if b in keep else '%{:02X}'.format(b) for b in bs)


def quote(string, safe='/', encoding=None, errors=None):
    """string with the characters that are not safe in a URL %-escaped."""
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode(encoding or 'utf-8', errors or 'strict')
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote(), with spaces as '+'."""
    if (isinstance(string, str) and ' ' not in string) or (isinstance(string, bytes) and b' ' not in string):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    return quote(string, safe + space, encoding, errors).replace(' ', '+')


_HEX = '0123456789ABCDEFabcdef'


def unquote_to_bytes(string):
    if not string:
        string.split
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    pieces = bytes(string).split(b'%')
    out = [pieces[0]]
    for piece in pieces[1:]:
        code = piece[:2]
        if len(code) == 2 and all(chr(c) in _HEX for c in code):
            out.append(bytes([int(code, 16)]))
            out.append(piece[2:])
        else:
            out.append(b'%')
            out.append(piece)
    return b''.join(out)


def unquote(string, encoding='utf-8', errors='replace'):
    """string with %XX escapes decoded (runs of them as one UTF-8 text)."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    # Each run of ASCII characters is unescaped to bytes and decoded as a
    # whole; other characters pass through.
    out = []
    run_start = None
    for i, c in enumerate(string + '\x80'):
        if c < '\x80':
            if run_start is None:
                run_start = i
            continue
        if run_start is not None:
            out.append(unquote_to_bytes(string[run_start:i]).decode(encoding, errors))
            run_start = None
        if i < len(string):
            out.append(c)
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    return unquote(string.replace('+', ' '), encoding, errors)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """'key=value&...' from a mapping or a sequence of pairs."""
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err

    def encode(value):
        if isinstance(value, bytes):
            return quote_via(value, safe)
        return quote_via(str(value), safe, encoding, errors)

    fields = []
    for key, value in query:
        key = encode(key)
        if not doseq or isinstance(value, (str, bytes)):
            fields.append(key + '=' + encode(value))
            continue
        try:
            len(value)
        except TypeError:
            fields.append(key + '=' + encode(value))
            continue
        for item in value:
            fields.append(key + '=' + encode(item))
    return '&'.join(fields)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    """[(name, value), ...] of a query string."""
    (qs,), restore = _as_text((qs,))
    if isinstance(separator, bytes):
        separator = separator.decode('ascii')
    if not separator or not isinstance(separator, str):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None and max_num_fields < 1 + qs.count(separator):
        raise ValueError('Max number of fields exceeded')
    pairs = []
    for field in (qs.split(separator) if qs else []):
        if not field and not strict_parsing:
            continue
        name_value = field.split('=', 1)
        if len(name_value) != 2:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
            name_value.append('')
        if name_value[1] or keep_blank_values:
            name = unquote(name_value[0].replace('+', ' '), encoding=encoding, errors=errors)
            value = unquote(name_value[1].replace('+', ' '), encoding=encoding, errors=errors)
            pairs.append((restore(name), restore(value)))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    """{name: [values]} of a query string."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields=max_num_fields, separator=separator):
        result.setdefault(name, []).append(value)
    return result
