# unicodedata: properties of a spread of characters, names, normalization, errors.
import unicodedata as u

samples = 'aZ09 \t\n\u00e9\u00c5\u0301\u0300\u00bd\u2155\u2460\u0663\u00b2\u4e00\uac00\u3042\uff21\uff71' \
          '\u200b\u2028\u00ad\u05d0\u0627\u20ac\u221e\u0028\u0029\u00ab\u1f600\U0001f600\U0001d7d8\ue000\ud7a4\U000e0001\u0378\u2167\u216b\u3007\U00010107'
for c in samples:
    print(f'{ord(c):05x}', u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c),
          u.mirrored(c), repr(u.decomposition(c)), u.name(c, None), u.decimal(c, None), u.digit(c, None), u.numeric(c, None))
counts = {}
for cp in [cp for cp in range(0, 0x30000, 7) if not 0xd800 <= cp < 0xe000]:  # tulip strs hold no lone surrogates
    cat = u.category(chr(cp))
    counts[cat] = counts.get(cat, 0) + 1
print(sorted(counts.items()))
print(sum(u.numeric(chr(cp), 0) for cp in range(0x10000)))
print(sum(1 for cp in range(0, 0x20000, 3) if not 0xd800 <= cp < 0xe000 and u.name(chr(cp), None)))
for name in ['LATIN SMALL LETTER A', 'EURO SIGN', 'latin small letter sharp s', 'SNOWMAN', 'CJK UNIFIED IDEOGRAPH-4E00', 'HANGUL SYLLABLE GA']:
    print(name, repr(u.lookup(name)))
for s in ['e\u0301', '\u00e9', '\ufb01', '\u2460', 'Å', '\u1e9b\u0323', 'ﾃｽﾄ', '\uac00', '\u1100\u1161']:
    print([ascii(u.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], [u.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
print(u.unidata_version)
def err(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)
err(u.lookup, 'NO SUCH THING')
err(u.name, '\u0378')
err(u.name, 'ab')
err(u.category, 5)
err(u.category, '')
err(u.decimal, 'x')
err(u.digit, '\u00bd')
err(u.numeric, 'x')
err(u.numeric, 'x', -1)
err(u.normalize, 'NFX', 'a')
err(u.normalize, 'NFC', 5)
err(u.lookup, 5)
