# urllib.parse: splitting, joining, quoting and query strings.
from urllib.parse import (urlparse, urlunparse, urlsplit, urlunsplit, urljoin, urldefrag, quote,
                          quote_plus, unquote, unquote_plus, urlencode, parse_qs, parse_qsl,
                          quote_from_bytes, unquote_to_bytes)


def attempt(f, *args, **kw):
    try:
        print('ok', repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


urls = ['http://user:pw@Example.COM:8080/path/to;params?q=1&r=2#frag', 'https://example.com', 'example.com/path',
        '//netloc/only', 'mailto:someone@example.com', 'file:///etc/passwd', 'http://[::1]:80/x', '/relative/path?x=y',
        'HTTP://host/%7Euser', '  http://spaces.example/ ', 'http://a/b/c;p?q', 'tel:+1-555;ext=3', 'git+ssh://git@host/repo.git',
        '', 'path#frag', 'http://host:99999/', 'http://host:abc/', 'a\tb\nc://x']
for u in urls:
    for f in (urlparse, urlsplit):
        attempt(f, u)
    r = urlparse(u)
    print(r.geturl(), urlunparse(r), urlunsplit(urlsplit(u)))
    for attr in ('username', 'password', 'hostname', 'port'):
        attempt(getattr, r, attr)
print(urlparse('path', scheme='https'), urlparse('http://h/p#f', allow_fragments=False), urlsplit(b'http://h/p?q'))
attempt(urlsplit, 'http://[::1/')
base = 'http://a/b/c/d;p?q'
for ref in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', '', '.', './', '..',
            '../', '../g', '../..', '../../', '../../g', '../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g',
            './../g', './g/.', 'g/./h', 'g/../h', 'https://other/x']:
    print(repr(ref), urljoin(base, ref))
print(urljoin('', 'x'), urljoin('http://a/b', ''), urljoin('http://a', 'b'), urljoin(b'http://a/b/', b'c'))
print(urldefrag('http://a/b#frag'), urldefrag('http://a/b'), urldefrag('http://a/b#frag').geturl())
for s in ['abc', 'a b&c=d/e', 'ümlaut', '~user/_x-y.z', '', '100%', 'a+b']:
    print(repr(s), quote(s), quote(s, safe=''), quote_plus(s), quote_plus(s, safe='/'), unquote(quote(s)), unquote_plus(quote_plus(s)))
print(quote(b'\x00\xff /'), quote_from_bytes(b'a b'), quote('é', encoding='latin-1'), quote('a/b', safe=b'/'))
for s in ['%41%42', '%C3%BC', '%zz', '%4', 'a%20b+c', '%E2%82%AC', '%C3x%A9', 'ü%41', '%%', b'%41%ff']:
    print(repr(s), repr(unquote(s)), repr(unquote_to_bytes(s)))
print(unquote_plus('a+b%2Bc'), unquote('%FF', errors='strict') if False else unquote('%FF'), unquote('%C3%BC', encoding='latin-1'))
attempt(quote, 5)
attempt(quote_from_bytes, 'x')
attempt(quote, b'x', encoding='utf-8')
print(urlencode({'a': 1, 'b': 'x y', 'c': 'ü&='}), urlencode([('k', 'v'), ('k', 'w')]), urlencode({'l': [1, 2]}), urlencode({'l': [1, 2]}, doseq=True))
print(urlencode({'s': 'a/b'}, safe='/'), urlencode({'s': 'a b'}, quote_via=quote), urlencode({b'k': b'v v'}), urlencode({'n': None, 't': (1,)}, doseq=True))
attempt(urlencode, 'string')
attempt(urlencode, [1, 2])
for qs in ['a=1&b=2&a=3', 'a=&b', 'x=%20y+z&x=w', '', 'a=1;b=2', '=v&k=', 'k=v=w']:
    print(repr(qs), parse_qs(qs), parse_qsl(qs), parse_qs(qs, keep_blank_values=True), parse_qsl(qs, separator=';'))
attempt(parse_qsl, 'a&b', strict_parsing=True)
attempt(parse_qsl, 'a=1&b=2', max_num_fields=1)
attempt(parse_qsl, 'a=1', separator='')
print(parse_qs(b'a=1&b=%41'))
