# json.loads / json.load: hooks, strictness, input types, and the exact
# JSONDecodeError messages and positions.
import io
import json
from collections import OrderedDict
from decimal import Decimal

text = '{"a": [1, 2.5, -0, 1e3, 1E-2, -12.5e+1, 123456789012345678901234567890], "b": {"c": null}, "t": true, "f": false, "s": "x\\u00e9\\ud83d\\ude00\\n\\"\\/"}'
print(json.loads(text))
print(json.loads(text, object_hook=lambda d: sorted(d)))
print(json.loads(text, object_pairs_hook=lambda pairs: pairs))
print(json.loads(text, object_pairs_hook=OrderedDict, object_hook=dict))
print(json.loads(text, parse_float=Decimal))
print(json.loads(text, parse_int=lambda s: "int:" + s))
print(json.loads(text, parse_int=float, parse_float=str))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda c: "const:" + c))
def no_constants(name):
    raise ValueError("constant " + name)
try:
    json.loads('[1, NaN]', parse_constant=no_constants)
except ValueError as e:
    print("ValueError:", e)
print(json.loads('{"a": 1, "a": 2, "b": 3}'), json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
keys = json.loads('[{"same": 1}, {"same": 2}]')
print(list(keys[0])[0] is list(keys[1])[0])

# strict: control characters inside strings
print(repr(json.loads('"a\tb\nc\x00"', strict=False)))
for doc in ['"a\tb"', '"\x00"', '["ok", "x\x1f"]']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)

# input types: str subclasses, bytes in every UTF encoding, bytearray, BOM
class Doc(str):
    pass
print(json.loads(Doc('{"k": [1]}')))
value = {"k": ["é", "中", "\U0001f600"], "n": 1}
for enc in ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
    print(enc, json.loads(json.dumps(value, ensure_ascii=False).encode(enc)) == value)
print(json.loads(bytearray(b'[1, "x"]')), json.loads(b'1'), json.loads(b'"ab"'), json.loads(b'{}'))
for bad in ["\ufeff[1]", 12, None, [1]]:
    try:
        json.loads(bad)
    except (json.JSONDecodeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(json.load(io.StringIO('[1, {"x": 2}]')), json.load(io.BytesIO(b'{"y": [true]}')))

# error messages and positions
docs = ['', ' ', '[', '[1,', '[1', '[1 2]', '[1,]', '{', '{"a":1,', '{"a":1', '{"a"', '{"a" 1',
        '{"a":1,}', '{1:2}', "{'a': 1}", '{"a": }', '"abc', '"a\\', '"\\u12', '"\\u1234', '"\\u12x4"',
        '"\\ud800\\u12x4"', '"\\ud800\\udc00', '"abc\x01', '"ab\\q"', '-', '-x', '1.', '1e', '1.5e+',
        '01', 'nul', 'tru', 'fals', 'NaN1', 'Infinit', '-Infinit', '1 2', '[1]]', '{} {}', 'true false',
        '\n\n  [1,\n   2,\n   x]', '{"k": [1, 2, {"z": tru}]}', '[1,\n2,\n"é", ?]', '"é中" x', '   "\\x"']
for doc in docs:
    try:
        print(repr(doc), "->", repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.doc == doc)
print(issubclass(json.JSONDecodeError, ValueError))

# raw_decode, scanstring, and decoders used directly
decoder = json.JSONDecoder()
print(decoder.raw_decode('[1, 2] trailing'), decoder.raw_decode('xx{"a": 1}', 2), decoder.raw_decode('"é" 1', 4))
for idx in [5, 20]:
    try:
        decoder.raw_decode('[1, 2]', idx)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    decoder.raw_decode('[1]', -1)
except ValueError as e:
    print("ValueError:", e)
from json.decoder import scanstring
print(scanstring('"abc" tail', 1), scanstring('x"\\u00e9\\n"', 2), scanstring('"a\tb"', 1, False))
try:
    scanstring('"abc', 1)
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
class Lenient(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(strict=False, parse_float=Decimal, **kw)
print(json.loads('["\t", 1.10]', cls=Lenient))
print(json.loads('  [ 1 , { "a" : [ ] } ]  \n'))
big = "1" * 5000
try:
    json.loads(big)
except ValueError as e:
    print("ValueError:", e)
print(json.loads("-" + "9" * 30), json.loads("1" * 19), json.loads("-" + "9" * 18), json.loads("1e400"), json.loads("-1e400"))
print(json.loads("[0.1, 1e-400, 2.5e-324, 123.456e-2, 9007199254740993.0]"))
# A decoder's scan_once raises StopIteration(index) where no value starts,
# which raw_decode reports as "Expecting value".
for doc, idx in [("", 0), ("[1, ]", 0), ('{"a": }', 0), ("[1]", 3), ("[1]", 7), ("  x", 2)]:
    try:
        print(decoder.scan_once(doc, idx))
    except StopIteration as e:
        print("StopIteration", e.value)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    decoder.raw_decode("[1, ]")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
print(decoder.scan_once('{"k": [1, 2]} tail', 0))
