# Too many arguments to natives that take keywords: CPython's parser counts
# all arguments, then positional ones, then names the first bad keyword.
cases = ['sorted([], 1)', 'sorted([], 1, key=None)', '[].sort(1)', '[].sort(1, key=None)', '"".split(1, 2, 3)', '"".split(1, maxsplit=2, x=3)',
 '(1).to_bytes(1, "big", 1)', '(1).to_bytes(1, "big", True, signed=1)', '"".splitlines(1, 2)', '"".splitlines(1, keepends=1)',
 'int.from_bytes(b"", "big", 1, 2)', 'round(1, 2, 3)', 'str(1, 2, 3, 4)', 'print(sep=1, x=2)', 'max(key=1)', 'enumerate(1, 2, 3)',
 'enumerate(1, start=2, x=3)', 'dict.fromkeys()', '"".encode(1, 2, 3)', '"".encode(1, errors=2, encoding=3)', 'bytes(1, 2, 3, x=1)',
 '"".expandtabs(1, tabsize=2)', 'list.sort()', 'sum(1, 2, 3)', 'sum([], start=1, x=2)', 'zip(strict=1, x=2)', '"".format_map()',
 'int("1", 2, 3)', 'int("1", base=2, x=3)', 'float(1, 2)', 'range(1, 2, 3, 4)', 'complex(1, 2, 3)', 'complex(1, imag=2, x=3)']
for c in cases:
    try:
        eval(c); print(c, '-> ok')
    except BaseException as e:
        print(c, '->', type(e).__name__, e)
for c in ['zip(1, strict=1, x=2)', 'max(1, 2, key=1, default=2, x=3)', 'min(key=1, default=2, x=3)']:
    try:
        eval(c); print(c, '-> ok')
    except BaseException as e:
        print(c, '->', type(e).__name__, e)
