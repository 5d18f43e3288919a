# codecs: lookup and names, encode/decode, incremental and stream coders, BOMs, error handlers, codecs.open.
import codecs, io, os, tempfile

def err(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

for n in ['utf-8', 'UTF8', 'utf_8', 'U8', 'latin-1', 'latin1', 'iso-8859-1', 'ascii', 'us-ascii',
          'utf-16', 'utf-16-le', 'utf_16_be', 'utf-32', 'cp1252', 'windows-1252', 'hex', 'base64', 'rot13']:
    info = codecs.lookup(n)
    print(n, info.name, info.name == codecs.lookup(info.name).name, len(info), repr(info).startswith('<codecs.CodecInfo object for encoding ' + info.name))
err(codecs.lookup, 'nope')
err(codecs.lookup, 5)
print(codecs.encode('héllo'), codecs.decode(b'h\xc3\xa9'), codecs.encode('x', 'utf-16'), codecs.encode('x', 'utf-32-be'))
print(codecs.getencoder('utf-8')('héllo'), codecs.getdecoder('latin-1')(b'\xe9t\xe9'), codecs.getdecoder('utf-16')(b'\xff\xfeh\x00i\x00'))
print(codecs.BOM_UTF8, codecs.BOM_UTF16, codecs.BOM_UTF32, codecs.BOM, codecs.BOM_LE, codecs.BOM_BE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE)
err(codecs.encode, 'é', 'ascii')
err(codecs.decode, b'\xff', 'utf-8')
print(codecs.encode('é', 'ascii', 'replace'), codecs.decode(b'a\xffb', 'utf-8', 'ignore'), codecs.encode('é', 'ascii', 'xmlcharrefreplace'))
print(codecs.decode(b'68656c6c6f', 'hex'), codecs.encode(b'hello', 'hex'), codecs.encode('abc', 'rot13'), codecs.decode(b'aGk=\n', 'base64'), codecs.encode(b'hi', 'base64'))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'h\xc3')), repr(d.decode(b'\xa9!')), repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac', final=True)))
d = codecs.getincrementaldecoder('utf-8')()
err(d.decode, b'\xc3', True)
d = codecs.getincrementaldecoder('utf-16')()
print(repr(d.decode(b'\xff')), repr(d.decode(b'\xfeh\x00i')), repr(d.decode(b'\x00', final=True)))
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('a'), e.encode('b'), e.encode('', True))
print(list(codecs.iterdecode([b'a\xc3', b'\xa9', b'z'], 'utf-8')), list(codecs.iterencode(['a', 'é'], 'utf-8')))
print(codecs.utf_8_encode('é'), codecs.utf_8_decode(b'\xc3\xa9'), codecs.latin_1_encode('é'), codecs.ascii_decode(b'ok'))
buf = io.BytesIO()
w = codecs.getwriter('utf-8')(buf)
w.write('né\n')
w.writelines(['a', 'b'])
print(buf.getvalue())
r = codecs.getreader('utf-8')(io.BytesIO('line1\nliné2\n'.encode()))
print(repr(r.readline()), repr(r.read()))
print(codecs.lookup_error('strict') is codecs.strict_errors, codecs.lookup_error('ignore') is codecs.ignore_errors)
exc = UnicodeEncodeError('ascii', 'aéb', 1, 2, 'ordinal not in range(128)')
print(codecs.ignore_errors(exc), codecs.replace_errors(exc), codecs.backslashreplace_errors(exc), codecs.xmlcharrefreplace_errors(exc))
dexc = UnicodeDecodeError('utf-8', b'a\xffb', 1, 2, 'invalid start byte')
print(codecs.replace_errors(dexc), codecs.backslashreplace_errors(dexc))
err(codecs.strict_errors, exc)
err(codecs.lookup_error, 'nope')
codecs.register_error('mine', lambda e: ('!', e.end))
print(codecs.lookup_error('mine')(exc))
def search(name):
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)), name='my-codec')
codecs.register(search)
print(codecs.encode('abc', 'my-codec'), codecs.decode(b'ABC', 'my_codec'), codecs.lookup('MY-CODEC').name)
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'f.txt')
    with codecs.open(path, 'w', encoding='utf-16') as f:
        f.write('héllo\r\nworld\n')
    print(open(path, 'rb').read())
    with codecs.open(path, 'r', encoding='utf-16') as f:
        print(repr(f.read()))
    with codecs.open(path, 'r', encoding='utf-16') as f:
        print([line for line in f])
    with codecs.open(path, 'rb') as f:
        print(f.read()[:4])
# The escape codecs and UTF-8 with a signature.
for text in ['plain', 'tab\there', 'quote\'s "q" \\ end', 'é€\U0001f600\x00\x7f']:
    for enc in ('unicode_escape', 'raw_unicode_escape', 'utf-8-sig'):
        data = codecs.encode(text, enc)
        print(enc, data, codecs.decode(data, enc) == text, text.encode(enc) == data)
for data in [b'a\\nb', b'\\x41\\u00e9\\U0001F600', b'\\101\\7', b'\\N{EURO SIGN}', b'\\\\q', b'line\\\ncont', b'\\\\u0041']:
    print(data, repr(codecs.decode(data, 'unicode_escape')), repr(data.decode('raw_unicode_escape')))
for bad in [b'\\x4', b'\\u12', b'abc\\', b'\\N{NO SUCH NAME}', b'\\U00110000']:
    err(codecs.decode, bad, 'unicode_escape')
    print(repr(bad.decode('unicode_escape', 'replace')), repr(bad.decode('unicode_escape', 'ignore')))
err(codecs.decode, b'\\u12', 'raw_unicode_escape')
print(codecs.decode(b'\xef\xbb\xbfhi', 'utf-8-sig'), codecs.decode(b'hi', 'utf_8_sig'), codecs.lookup('UTF-8-SIG').name, codecs.lookup('unicode_escape').name, codecs.lookup('raw_unicode_escape').name)
