"""Statement-level templates for tools/difftest.py: the language's compound
statements (with, match, del, augmented targets, unpacking, scopes), the
standard modules scripts import most, and asyncio.

Each template returns a snippet of valid Python that prints what it computes;
values are drawn from the generator, so every run exercises other operands.
Printing happens under try/except, so exception types and messages are
compared too.
"""

SEQS = ["[]", "[1]", "[1, 2]", "[1, 2, 3]", "(4, 5)", "'ab'", "[[1, 2], 3]", "range(3)", "{'k': 1}", "[1, 'x', None]"]
MAPPINGS = ["{}", "{'k': 1}", "{'k': 2, 'v': 'x'}", "{'kind': 'pt', 'x': 1, 'y': 2}", "{1: 'one'}"]
RE_PATTERNS = [r"\d+", r"(\w)(\w)", r"a|b", r"(?P<w>[a-z]+)\s*", r"^\s+|\s+$", r"[^a-z]", r"(\d)(?=\d)", r"\b\w", r"x*", r"(a)?b"]
SLICE_VALUES = ["[]", "[0, 0]", "range(3)", "'ab'", "[9] * 4"]
FRACTIONS = ["1, 3", "'2/4'", "0.75", "-5, 10"]
DECIMALS = ["'1.10'", "'-0.5'", "'3.14159'", "7"]
RE_TEXTS = ["'abc 123 de4'", "'  padded  '", "'aabbab'", "'Hello World'", "''", "'x1y22z333'", "'a-b_c d'"]


class Features:
    """Mixed into `difftest.Gen` (uses its `pick`, `chance`, `simple`, ...)."""

    def feature(self):
        return self.pick([
            self.with_stmt, self.match_stmt, self.del_stmt, self.aug_targets, self.unpacking,
            self.scopes, self.itertools_, self.functools_, self.collections_, self.math_,
            self.json_, self.re_, self.dataclass_, self.enum_, self.asyncio_, self.asyncio_more,
            self.string_, self.sort_stability, self.exceptions_more, self.generators_more,
            self.class_protocols, self.descriptors, self.numbers_more, self.bytes_more, self.views_and_slices,
            self.small_modules, self.random_seeded, self.datetime_, self.error_messages, self.format_matrix,
        ])()

    def with_stmt(self):
        v = self.simple()
        suppress = self.pick(["True", "False", "None", "1", "''"])
        body = self.pick(["print('body', cm.n)", f"raise ValueError({v})", "x = 1 / 0", "pass"])
        return (
            "class CM:\n"
            "    def __init__(self, n): self.n = n\n"
            "    def __enter__(self):\n        print('enter', self.n)\n        return self\n"
            "    def __exit__(self, t, e, tb):\n"
            "        print('exit', self.n, t.__name__ if t else None, e)\n"
            f"        return {suppress}\n"
            "try:\n"
            f"    with CM(1) as cm, CM(2):\n        {body}\n"
            "    print('after')\n"
            "except Exception as exc:\n    print('escaped', type(exc).__name__, exc)\n"
            "import contextlib\n"
            "@contextlib.contextmanager\n"
            "def managed(tag):\n"
            "    print('open', tag)\n"
            "    try:\n        yield tag * 2\n"
            f"    except {self.pick(['ValueError', 'ZeroDivisionError', 'KeyError'])} as e:\n        print('handled', repr(e))\n"
            "    finally:\n        print('close', tag)\n"
            "try:\n"
            f"    with managed({self.pick(['1', repr('t'), '[0]'])}) as m:\n        print('got', m)\n        {body.replace('cm.n', 'm')}\n"
            "except Exception as exc:\n    print('escaped', type(exc).__name__, exc)\n"
            "with contextlib.suppress(KeyError, IndexError):\n"
            f"    print({self.pick(SEQS)}[{self.pick(['0', '5', '-1', repr('k')])}])\n"
        )

    def match_stmt(self):
        subject = self.pick(SEQS + MAPPINGS + ["0", "1", "-1", "'x'", "None", "True", "3.5", "P(1, 2)", "P(0, y=5)"])
        return (
            "class P:\n"
            "    __match_args__ = ('x', 'y')\n"
            "    def __init__(self, x, y=0): self.x, self.y = x, y\n"
            f"match {subject}:\n"
            "    case 0 | False:\n        print('zero-ish')\n"
            "    case True:\n        print('true')\n"
            "    case int(n) if n < 0:\n        print('negative', n)\n"
            "    case str() as s:\n        print('str', s)\n"
            "    case [] | ():\n        print('empty seq')\n"
            "    case [x]:\n        print('one', x)\n"
            "    case [1, *rest]:\n        print('starts 1', rest)\n"
            "    case [[a, b], c]:\n        print('nested', a, b, c)\n"
            "    case {'kind': 'pt', **others}:\n        print('pt', others)\n"
            "    case {'k': int(k)}:\n        print('k', k)\n"
            "    case P(0, y=y):\n        print('P0', y)\n"
            "    case P(x, y):\n        print('P', x, y)\n"
            "    case None:\n        print('none')\n"
            "    case float(f):\n        print('float', f)\n"
            "    case _:\n        print('other')\n"
        )

    def del_stmt(self):
        target = self.pick(["lst[0]", "lst[-1]", "lst[1:3]", "lst[::2]", "d['a']", "d['zz']", "o.attr", "o.nothing", "lst[10]", "name", "lst[:]"])
        return (
            "lst = [1, 2, 3, 4, 5]\nd = {'a': 1, 'b': 2}\n"
            "class O: pass\no = O()\no.attr = 1\nname = 'n'\n"
            "try:\n"
            f"    del {target}\n"
            "    print(lst, d, vars(o))\n"
            "except Exception as exc:\n    print(type(exc).__name__, exc)\n"
            "try:\n    print(name)\nexcept NameError as exc:\n    print('NameError', exc)\n"
            "def f():\n"
            f"    v = {self.simple()}\n"
            "    del v\n"
            "    return v\n"
            "try:\n    f()\nexcept Exception as exc:\n    print(type(exc).__name__, exc)\n"
        )

    def aug_targets(self):
        op = self.pick(["+=", "-=", "*=", "//=", "%=", "|=", "&=", "**=", "<<=", "^="])
        rhs = self.pick(["1", "2", "-1", "0", "3"])
        return (
            "class C:\n"
            "    __slots__ = ('s', '_p')\n"
            "    def __init__(self): self.s = 5; self._p = 7\n"
            "    @property\n    def p(self): return self._p\n"
            "    @p.setter\n    def p(self, v): print('set p', v); self._p = v\n"
            "class Box:\n"
            "    def __init__(self): self.items = {0: 1, 'k': 2}\n"
            "    def __getitem__(self, k): print('get', k); return self.items[k]\n"
            "    def __setitem__(self, k, v): print('set', k, v); self.items[k] = v\n"
            "c = C()\nb = Box()\ng = 10\nlst = [3, 4]\n"
            "def bump():\n    global g\n"
            f"    g {op} {rhs}\n"
            "def cell():\n    n = 6\n    def inner():\n        nonlocal n\n"
            f"        n {op} {rhs}\n        return n\n    return inner()\n"
            "for stmt in range(7):\n"
            "    try:\n"
            f"        if stmt == 0: c.s {op} {rhs}; print(c.s)\n"
            f"        if stmt == 1: c.p {op} {rhs}; print(c.p)\n"
            f"        if stmt == 2: b[0] {op} {rhs}; print(b.items)\n"
            f"        if stmt == 3: b['zz'] {op} {rhs}\n"
            f"        if stmt == 4: bump(); print(g)\n"
            f"        if stmt == 5: print(cell())\n"
            f"        if stmt == 6: lst[-1] {op} {rhs}; print(lst)\n"
            "    except Exception as exc:\n        print(stmt, type(exc).__name__, exc)\n"
        )

    def unpacking(self):
        src = self.pick(SEQS + ["'abcd'", "{1: 2, 3: 4}", "iter([7, 8, 9])", "5"])
        form = self.pick(["a, b = SRC", "a, *b = SRC", "*a, b = SRC", "a, (b, c) = SRC", "[a, b, *c] = SRC", "(a, b), = SRC", "a, *b, c = SRC"])
        return (
            "try:\n"
            f"    {form.replace('SRC', src)}\n"
            "    print({k: v for k, v in sorted(globals().items()) if k in 'abc' and type(v) in (int, str, list, tuple, dict)})\n"
            "except Exception as exc:\n    print(type(exc).__name__, exc)\n"
            f"print([(x, y) for x, *y in [[1, 2, 3], 'ab', (4,)]])\n"
            f"print(*{self.pick(SEQS)}, sep='|')\n"
            f"print([*{self.pick(SEQS)}, *{self.pick(SEQS)}], {{**{self.pick(MAPPINGS)}, 'z': 0}})\n"
        )

    def scopes(self):
        return (
            "x = 'global'\n"
            "def outer():\n"
            "    x = 'outer'\n"
            "    def reader(): return x\n"
            "    def shadow():\n"
            "        try:\n            print(x)\n        except UnboundLocalError as e:\n            print('Unbound', e)\n"
            f"        x = {self.simple()}\n"
            "        return x\n"
            "    class K:\n        x = 'class'\n        y = [x for _ in range(1)]\n        def m(self): return x\n"
            "    return reader(), shadow(), K.x, K.y, K().m()\n"
            "print(outer())\n"
            f"print((lambda a, b={self.simple()}, *c, d=2, **e: (a, b, c, d, e))({self.simple()}, d=3, z=4))\n"
            f"print([(n := i * {self.pick(['2', '-1'])}) for i in range(3)], n)\n"
            "def deco(tag):\n    def wrap(fn):\n        def inner(*a, **k):\n            return (tag, fn(*a, **k))\n        return inner\n    return wrap\n"
            f"@deco({self.simple()})\ndef fn(v): return v\n"
            f"print(fn({self.simple()}), fn.__name__)\n"
            "def kwonly(a, /, b, *, c):\n    return a, b, c\n"
            f"for call in [lambda: kwonly(1, 2, c=3), lambda: kwonly(1, b=2, c=3), lambda: kwonly(a=1, b=2, c=3), lambda: kwonly(1, 2, 3), lambda: kwonly(1)]:\n"
            "    try:\n        print(call())\n    except TypeError as e:\n        print('TypeError', e)\n"
        )

    def itertools_(self):
        it = self.pick(["[1, 2, 3]", "'abc'", "range(4)", "[]", "[3, 1, 2, 1]", "(0, 1)"])
        n = self.pick(["0", "1", "2", "3"])
        return (
            "import itertools as it\n"
            + self.guarded_print(self.pick([
                f"list(it.accumulate({it}))", f"list(it.chain({it}, {it}))", f"[(k, list(g)) for k, g in it.groupby({it})]",
                f"list(it.product({it}, repeat={n}))", f"list(it.permutations({it}, {n}))", f"list(it.combinations({it}, {n}))",
                f"list(it.combinations_with_replacement({it}, {n}))", f"list(it.islice(it.cycle({it}), {n}, 7))",
                f"list(it.zip_longest({it}, 'xy', fillvalue=-1))", f"list(it.starmap(pow, [(2, 3), (3, {n})]))",
                f"list(it.takewhile(lambda v: v != 2, {it}))", f"list(it.dropwhile(lambda v: v != 2, {it}))",
                f"list(it.pairwise({it}))", f"list(it.compress({it}, [1, 0, 1]))", f"list(it.islice(it.count({n}, 2), 4))",
                f"list(it.repeat({self.simple()}, {n}))", f"list(it.filterfalse(None, {it}))",
                f"[list(t) for t in it.tee({it}, 2)]", f"list(it.accumulate({it}, initial={n}))",
                f"list(it.islice({it}, {n}, None, 2))", f"list(it.chain.from_iterable([{it}, 'z']))",
            ]))
        )

    def functools_(self):
        return (
            "import functools\n"
            "@functools.lru_cache(maxsize=2)\ndef sq(v):\n    print('compute', v)\n    return v * v\n"
            f"print([sq(v) for v in [1, 2, 1, 3, 1, 2]], sq.cache_info())\n"
            f"p = functools.partial(max, {self.simple()}, key=str)\n"
            + self.guarded_print(f"[p({self.simple()}), p.args, sorted(p.keywords)]")
            + "\n"
            + self.guarded_print(f"functools.reduce(lambda a, b: a + b, {self.pick(SEQS)}{self.pick(['', ', 10', ', []'])})")
            + "\n@functools.total_ordering\nclass V:\n    def __init__(self, v): self.v = v\n"
            "    def __eq__(self, o): return self.v == o.v\n    def __lt__(self, o): return self.v < o.v\n"
            f"print(V(1) >= V(2), V(3) > V(2), V(2) <= V(2))\n"
            "print(sorted(['bb', 'a', 'ccc', 'dd'], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))\n"
            "@functools.singledispatch\ndef show(v): return 'obj'\n@show.register\ndef _(v: int): return 'int'\n@show.register(list)\ndef _(v): return 'list'\n"
            f"print(show({self.simple()}), show([1]), show(True))\n"
        )

    def collections_(self):
        return (
            "from collections import Counter, deque, defaultdict, namedtuple, OrderedDict, ChainMap\n"
            f"c = Counter({self.pick(['aabbbc', 'hello world', '', 'mississippi'])!r})\n"
            f"print(c.most_common({self.pick(['1', '2', ''])}), c['zz'], sorted(c.elements())[:5], c + Counter('ab'), c - Counter('abc'), c & Counter('aab'))\n"
            f"dq = deque({self.pick(SEQS)}, maxlen={self.pick(['None', '2', '3'])})\n"
            f"dq.append(9); dq.appendleft(0); dq.rotate({self.pick(['1', '-2', '0'])})\n"
            + self.guarded_print("[dq, len(dq), dq.popleft(), dq.pop(), list(reversed(dq)), dq.maxlen]")
            + "\ndd = defaultdict(list)\n"
            "for k, v in [('a', 1), ('b', 2), ('a', 3)]:\n    dd[k].append(v)\n"
            "print(dd, dict(dd), dd['missing'])\n"
            "Pt = namedtuple('Pt', 'x y', defaults=[0])\n"
            f"pt = Pt({self.simple()})\n"
            "print(pt, pt._asdict(), pt._replace(y=5), Pt._fields, pt == (pt.x, 0))\n"
            "od = OrderedDict.fromkeys('abc')\nod.move_to_end('a')\nprint(od, od.popitem(last=False))\n"
            "cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})\nprint(cm['a'], cm['b'], len(cm), sorted(cm))\n"
        )

    def math_(self):
        x = self.pick(["0", "1", "-1", "2.5", "1e300", "float('inf')", "float('nan')", "10**20", "-0.0", "7"])
        fn = self.pick(["sqrt", "exp", "log", "log2", "log10", "floor", "ceil", "trunc", "fabs", "factorial", "isqrt", "sin", "atan", "gamma", "lgamma", "erf", "isfinite", "isnan", "expm1", "log1p", "degrees", "frexp", "modf"])
        fn2 = self.pick(["pow", "atan2", "fmod", "copysign", "hypot", "gcd", "lcm", "comb", "perm", "ldexp", "remainder", "isclose", "dist", "log"])
        y = self.pick(["0", "1", "2", "-1", "0.5", "3", "float('inf')"])
        return (
            "import math\n"
            + self.guarded_print(f"math.{fn}({x})") + "\n"
            + self.guarded_print(f"math.{fn2}({x}, {y})" if fn2 != "dist" else f"math.dist(({x}, 1), ({y}, 2))") + "\n"
            + self.guarded_print(f"[math.prod([{x}, {y}]), math.fsum([0.1] * 10), math.nextafter(1.0, {y}), math.ulp(1.0)]")
        )

    def json_(self):
        data = self.pick(["{'a': [1, 2.5, None, True], 'b': {'c': 'd'}}", "[1, 'λ', -0.0, 1e100]", "'text'", "{1: 2, 'x': (1, 2)}", "{'k': float('inf')}", "[{}, [], '']"])
        opts = self.pick(["", "indent=2", "sort_keys=True", "separators=(',', ':')", "ensure_ascii=False", "indent='\\t', sort_keys=True", "allow_nan=False", "default=str"])
        text = self.pick(["'{\"a\": [1, 2, {\"b\": null}]}'", "'[1.5e3, -0, true, false]'", "'\"\\\\u00e9\"'", "'{bad}'", "'[1, 2,]'", "'  3  '", "'NaN'", "'{\"a\": 1, \"a\": 2}'"])
        return (
            "import json\n"
            + self.guarded_print(f"json.dumps({data}{', ' + opts if opts else ''})") + "\n"
            + self.guarded_print(f"json.loads({text})") + "\n"
            + self.guarded_print(f"json.loads(json.dumps({data}, default=str)) == {data}")
        )

    def re_(self):
        pat = self.pick(RE_PATTERNS)
        text = self.pick(RE_TEXTS)
        call = self.pick([
            f"re.findall({pat!r}, {text})", f"re.sub({pat!r}, '<\\\\g<0>>', {text})", f"re.split({pat!r}, {text})",
            f"re.subn({pat!r}, lambda m: m.group(0).upper(), {text})", f"[m.span() for m in re.finditer({pat!r}, {text})]",
            f"(lambda m: m and (m.group(0), m.groups(), m.start(), m.groupdict()))(re.search({pat!r}, {text}))",
            f"bool(re.fullmatch({pat!r}, {text}))", f"re.match({pat!r}, {text})", f"re.escape({text})",
            f"re.findall({pat!r}, {text}, re.I)", f"re.compile({pat!r}).pattern",
        ])
        return "import re\n" + self.guarded_print(call)

    def dataclass_(self):
        return (
            "from dataclasses import dataclass, field, asdict, astuple, replace\n"
            f"@dataclass(order=True, frozen={self.pick(['True', 'False'])})\n"
            "class Item:\n    name: str\n    qty: int = 0\n    tags: list = field(default_factory=list, compare=False)\n"
            f"a = Item('a', {self.pick(['1', '5', '-2'])})\nb = Item('b')\n"
            "print(a, a < b, a == Item('a', a.qty), asdict(a), astuple(b), replace(a, qty=9))\n"
            "try:\n    a.qty = 3\n    print('mutable', a)\nexcept Exception as exc:\n    print(type(exc).__name__, exc)\n"
            "try:\n    print(hash(a) == hash(Item('a', a.qty)))\nexcept TypeError as exc:\n    print('TypeError', exc)\n"
        )

    def enum_(self):
        return (
            "import enum\n"
            "class Color(enum.Enum):\n    RED = 1\n    GREEN = 2\n    BLUE = 'b'\n"
            "class Perm(enum.IntFlag):\n    R = 4\n    W = 2\n    X = 1\n"
            "class Num(enum.IntEnum):\n    ONE = 1\n    TWO = enum.auto()\n"
            f"v = {self.pick(['1', '2', repr('b'), '3'])}\n"
            "try:\n    print(Color(v), repr(Color(v)), Color(v).name)\nexcept ValueError as exc:\n    print('ValueError', exc)\n"
            f"print(list(Color), Color['RED'], Perm.R | Perm.W, Perm(7), Perm.R in Perm(5), Num.TWO + 1, Num(1) == 1, sorted(Num))\n"
            f"print(str(Perm.R | Perm.X), repr(Perm(0)), Color.RED is Color(1), isinstance(Num.ONE, int))\n"
        )

    def string_(self):
        s = self.pick(["'Hello, World'", "'  a b  c '", "'tab\\tsep'", "'ÄÖü ß'", "''", "'line1\\nline2\\r\\nline3'", "('x' * 5)"])
        return self.guarded_print(self.pick([
            f"{s}.translate(str.maketrans('lo', '01', ' '))", f"{s}.center(15, '*')", f"{s}.title().swapcase()",
            f"{s}.casefold().count('l')", f"{s}.splitlines(True)", f"{s}.expandtabs(4)", f"{s}.rsplit(None, 1)",
            f"{s}.encode('utf-8').decode('latin-1')", f"{s}.isprintable()", f"'%-10s|%+d|%05.1f|%o|%X' % ({s}, 5, 2.25, 8, 255)",
            f"{s}.format_map({{}})", f"{s}[::-1].partition(' ')", f'f"{{{s}!a:>20}}"', f"{s}.zfill(12)",
            f"'{{0}}{{1:^7}}{{0!r}}'.format({s}, 'mid')", f"{s}.encode('ascii', 'replace')", f"{s}.ljust(3) + '|'",
        ]))

    def sort_stability(self):
        return (
            f"data = [({self.pick(['1', '2'])}, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')]\n"
            f"print(sorted(data, key=lambda t: t[0]), sorted(data, key=lambda t: t[0], reverse=True))\n"
            f"print(min(data, key=lambda t: t[1]), max([], default={self.simple()}), sorted('bAaB', key=str.lower))\n"
        )

    def exceptions_more(self):
        exc = self.pick(["ValueError('v')", "KeyError('k')", "StopIteration(3)", "OSError(2, 'no such')", "UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'bad')", "AttributeError('a')", "SystemExit(4)"])
        return (
            "def risky(n):\n"
            "    try:\n"
            f"        if n: raise {exc}\n"
            "        return 'ok'\n"
            "    except (ValueError, KeyError) as e:\n        return ('caught', repr(e), str(e))\n"
            "    else:\n        print('else ran')\n"
            "    finally:\n        print('finally', n)\n"
            "for n in (0, 1):\n"
            "    try:\n        print(risky(n))\n"
            "    except BaseException as e:\n        print(type(e).__name__, e.args, e.__context__, repr(e))\n"
            "try:\n    try:\n        {}['x']\n    except KeyError:\n        raise ValueError('during')\n"
            "except ValueError as e:\n    print(repr(e.__context__), e.__suppress_context__, e.__cause__)\n"
            "class MyErr(Exception):\n    def __init__(self, a, b):\n        super().__init__(a)\n        self.b = b\n    def __str__(self): return f'MyErr<{self.args}, {self.b}>'\n"
            f"try:\n    raise MyErr({self.simple()}, {self.simple()})\nexcept MyErr as e:\n    print(e, repr(e), e.args)\n"
            "e = ValueError(1, 2)\ne.add_note('note')\nprint(e.__notes__, str(e), repr(e))\n"
        )

    def generators_more(self):
        return (
            "def inner():\n    got = yield 1\n    print('inner got', got)\n    return 'inner-done'\n"
            "def outer():\n    r = yield from inner()\n    print('outer got', r)\n    yield 2\n"
            "g = outer()\n"
            f"print(next(g), g.send({self.simple()}), next(g, 'exhausted'))\n"
            f"print(list(zip(*[iter({self.pick(SEQS)})] * 2)), list(map(lambda *a: a, 'ab', 'xyz')), list(filter(None, [0, 1, '', 'a'])))\n"
            "def closing():\n    try:\n        yield 1\n    finally:\n        print('closed')\n"
            "c = closing()\nprint(next(c))\nc.close()\nprint(c.gi_frame is None, list(c))\n"
            "gen = (i * i for i in range(4))\nprint(next(gen), list(gen), list(gen))\n"
            "def stops():\n    yield 1\n    raise StopIteration('x')\n"
            "try:\n    print(list(stops()))\nexcept RuntimeError as e:\n    print('RuntimeError', e)\n"
        )

    def asyncio_(self):
        delays = [self.pick(["0", "0.001", "0.002", "0.003"]) for _ in range(3)]
        fail = self.pick(["None", "1", "2"])
        return (
            "import asyncio\n"
            "async def work(i, d, fail):\n"
            "    await asyncio.sleep(d)\n"
            "    if i == fail:\n        raise ValueError(f'task {i} failed')\n"
            "    return i * 10\n"
            "async def main():\n"
            f"    ds = [{', '.join(delays)}]\n"
            f"    r = await asyncio.gather(*(work(i, d, {fail}) for i, d in enumerate(ds)), return_exceptions=True)\n"
            "    print([repr(x) for x in r])\n"
            "    try:\n"
            f"        print(await asyncio.gather(*(work(i, d, {fail}) for i, d in enumerate(ds))))\n"
            "    except ValueError as e:\n        print('gather raised', e)\n"
            "    t = asyncio.create_task(work(5, 0.05, None), name='slow')\n"
            "    await asyncio.sleep(0)\n"
            "    t.cancel()\n"
            "    try:\n        await t\n    except asyncio.CancelledError:\n        print('cancelled', t.get_name(), t.cancelled(), t.done())\n"
            "    try:\n"
            f"        print(await asyncio.wait_for(work(1, {self.pick(['0', '0.05'])}, None), timeout=0.02))\n"
            "    except asyncio.TimeoutError:\n        print('timeout')\n"
            "    q = asyncio.Queue()\n"
            "    async def producer():\n        for i in range(3):\n            await q.put(i)\n        await q.put(None)\n"
            "    async def consumer():\n        out = []\n        while (item := await q.get()) is not None:\n            out.append(item)\n        return out\n"
            "    print(await asyncio.gather(producer(), consumer()))\n"
            "asyncio.run(main())\n"
        )

    def asyncio_more(self):
        return (
            "import asyncio, contextlib\n"
            "async def agen(n):\n    for i in range(n):\n        yield i\n        await asyncio.sleep(0)\n"
            "@contextlib.asynccontextmanager\nasync def session(tag):\n    print('open', tag)\n    try:\n        yield tag\n    finally:\n        print('close', tag)\n"
            "class ACM:\n    async def __aenter__(self):\n        print('aenter')\n        return 7\n"
            f"    async def __aexit__(self, *exc):\n        print('aexit', exc[0].__name__ if exc[0] else None)\n        return {self.pick(['True', 'False'])}\n"
            "async def main():\n"
            f"    print([x async for x in agen({self.pick(['0', '2', '4'])})])\n"
            "    async with session('s') as s, ACM() as a:\n        print('inside', s, a)\n"
            "    try:\n        async with ACM():\n            raise KeyError('k')\n        print('suppressed')\n"
            "    except KeyError as e:\n        print('escaped', e)\n"
            "    ev = asyncio.Event()\n    lock = asyncio.Lock()\n    order = []\n"
            "    async def waiter(i):\n        await ev.wait()\n        async with lock:\n            order.append(i)\n            await asyncio.sleep(0)\n"
            "    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]\n    await asyncio.sleep(0)\n    ev.set()\n    await asyncio.gather(*tasks)\n    print(order)\n"
            "    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(d, d)) for d in (0.001, 0.05)], return_when=asyncio.FIRST_COMPLETED)\n"
            "    print(sorted(t.result() for t in done), len(pending))\n"
            "    for t in pending: t.cancel()\n"
            "    try:\n        async with asyncio.TaskGroup() as tg:\n"
            f"            tg.create_task(asyncio.sleep(0.001))\n            tg.create_task(asyncio.sleep(0, {self.pick(['1', '2'])}))\n"
            f"            {self.pick(['pass', 'raise ValueError(3)'])}\n        print('group done')\n"
            "    except* ValueError as eg:\n        print('group failed', eg.exceptions)\n"
            "asyncio.run(main())\n"
        )

    def class_protocols(self):
        v = self.simple()
        return (
            "class Meta(type):\n"
            "    def __new__(mcls, name, bases, ns, **kw):\n        ns['tag'] = kw.get('tag', 'none')\n        return super().__new__(mcls, name, bases, ns)\n"
            "    def __call__(cls, *a):\n        print('Meta.__call__', cls.__name__, a)\n        return super().__call__(*a)\n"
            "class Base(metaclass=Meta, tag='t'):\n"
            "    registry = []\n"
            "    def __init_subclass__(cls, **kw):\n        super().__init_subclass__()\n        Base.registry.append((cls.__name__, kw))\n"
            "    def __class_getitem__(cls, item): return f'{cls.__name__}[{item!r}]'\n"
            f"class Sub(Base, flavor={v}):\n"
            "    def __init__(self, *a): self.a = a\n"
            "    def __repr__(self): return f'Sub{self.a}'\n"
            "    def __format__(self, spec): return f'<{spec}>'\n"
            "    def __bool__(self): return bool(self.a)\n"
            "    def __len__(self): return len(self.a)\n"
            "    def __contains__(self, x): return x in self.a\n"
            "    def __getitem__(self, i): return self.a[i]\n"
            "    def __call__(self, *x): return ('called', x)\n"
            "    def __eq__(self, o): return isinstance(o, Sub) and self.a == o.a\n"
            "    __hash__ = None\n"
            f"s = Sub(1, {v})\n"
            "print(Base.registry, Sub.tag, Base['k'], Sub[int], s, f'{s:xy}', bool(Sub()), len(s), 1 in s, list(s), s(2), s == Sub(1, s.a[1]))\n"
            "try:\n    hash(s)\nexcept TypeError as e:\n    print('TypeError', e)\n"
            "class Dyn:\n"
            "    def __getattr__(self, name):\n        if name.startswith('x'): return name * 2\n        raise AttributeError(f'no {name}')\n"
            "    def __setattr__(self, name, value):\n        print('setattr', name, value)\n        object.__setattr__(self, name, value)\n"
            "    def __delattr__(self, name):\n        print('delattr', name)\n        object.__delattr__(self, name)\n"
            "d = Dyn()\nd.q = 1\nprint(d.xa, d.q, getattr(d, 'nope', 'dflt'), hasattr(d, 'y'))\ndel d.q\n"
            "try:\n    d.nothing\nexcept AttributeError as e:\n    print('AttributeError', e)\n"
            "class R:\n"
            f"    def __radd__(self, o): return ('radd', o)\n    def __rmul__(self, o): return ('rmul', o)\n    def __index__(self): return {self.pick(['2', '0', '-1'])}\n"
            f"print({self.pick(['1', '2.5', repr('s'), '[1]', '(1,)'])} + R(), 3 * R(), [1, 2, 3][R()], 'abc'[R():], bin(R()), range(5)[R()])\n"
        )

    def descriptors(self):
        return (
            "class Typed:\n"
            "    def __set_name__(self, owner, name):\n        self.name = '_' + name\n        print('set_name', owner.__name__, name)\n"
            "    def __get__(self, obj, objtype=None):\n        if obj is None: return self\n        return getattr(obj, self.name, 'unset')\n"
            f"    def __set__(self, obj, value):\n        if not isinstance(value, {self.pick(['int', 'str', '(int, float)'])}):\n            raise TypeError(f'bad {{value!r}}')\n        setattr(obj, self.name, value)\n"
            "class Rec:\n    f = Typed()\n"
            "    @classmethod\n    def make(cls, v):\n        r = cls()\n        r.f = v\n        return r\n"
            "    @staticmethod\n    def helper(*a): return a\n"
            "r = Rec()\nprint(r.f, type(Rec.f).__name__, Rec.helper(1), r.helper(2))\n"
            f"for v in [{self.simple()}, {self.simple()}, 3]:\n"
            "    try:\n        print(Rec.make(v).f)\n    except TypeError as e:\n        print('TypeError', e)\n"
            "class Slotted:\n    __slots__ = ('a',)\n"
            "o = Slotted()\n"
            "for act in ('get', 'set_b', 'set_a', 'del_a', 'dict'):\n"
            "    try:\n"
            "        if act == 'get': print(o.a)\n"
            "        if act == 'set_b': o.b = 1\n"
            "        if act == 'set_a': o.a = 5; print(o.a)\n"
            "        if act == 'del_a': del o.a; print(hasattr(o, 'a'))\n"
            "        if act == 'dict': print(o.__dict__)\n"
            "    except AttributeError as e:\n        print(act, 'AttributeError', e)\n"
        )

    def numbers_more(self):
        i = self.pick(["0", "1", "-1", "255", "-256", "2**64", "10**30", "7", "-(2**63)"])
        f = self.pick(["0.1", "-2.5", "1e-310", "123456789.125", "float('inf')", "float('nan')", "2.0**60", "-0.0", "1/3"])
        return self.guarded_print(self.pick([
            f"({i}).bit_length()", f"({i}).to_bytes(16, 'big', signed=True)", f"int.from_bytes(({i} % 256).to_bytes(2, 'little'), 'big')",
            f"({i}).as_integer_ratio()", f"({f}).as_integer_ratio()", f"({f}).is_integer()", f"({f}).hex()", f"float.fromhex(({f}).hex())",
            f"[repr({f}), str({f}), {f} == {f}, round({f}, 3)]", f"divmod({i}, {self.pick(['3', '-3', '7'])})",
            f"[{i} // {f}, {i} % {f}]", f"({i}).bit_count()", f"[int({f}), math.floor({f})] if (math := __import__('math')) else 0",
            f"'{{:,}} {{:_x}} {{:e}}'.format({i}, {i}, {i})", f"[{i} ** 0.5, pow({i}, 2, 97)]", f"complex({f}, {i}) * 1j",
            f"hash({f}) == hash(int({f})) if ({f}).is_integer() else 'nonint'", f"sorted([{f}, {i}, 0, -1.5])",
        ]))

    def bytes_more(self):
        b = self.pick(["b''", "b'abc'", "b'\\x00\\xff\\x10'", "bytearray(b'hello world')", "b'a,b,,c'", "bytes(range(5))", "'é'.encode()"])
        return self.guarded_print(self.pick([
            f"{b}.hex()", f"{b}.hex(':', 2)", f"bytes.fromhex({b}.hex())", f"{b}.split(b',')", f"b'-'.join([{b}, b'x'])",
            f"{b}.decode('utf-8', 'replace')", f"{b}.decode('ascii')", f"list({b})[:4]", f"{b}[1:3]", f"{b} * 2 + b'!'",
            f"{b}.replace(b'a', b'AA')", f"{b}.upper().center(12, b'*')", f"{b}.find(b'b')", f"{b}.strip(b'a')", f"bytearray({b}).pop()",
            f"{b}.translate(None, b'a')", f"{b}.partition(b'o')", f"memoryview({b}).tobytes()", f"{b}.count(b'l')", f"repr({b})",
        ]))

    def views_and_slices(self):
        return (
            "d = {'a': 1, 'b': 2, 'c': 3}\n"
            f"print(d.keys() & {{'a', 'z'}}, d.keys() | {{'q'}}, d.items() - {{('a', 1)}}, d.keys() ^ {{'b', 'y'}}, list(reversed(d)), 'a' in d.values())\n"
            f"lst = list(range(10))\n"
            f"lst[{self.pick(['1:3', '::3', '5:', ':-2', '2:8:2', '::-1'])}] = {self.pick(SLICE_VALUES)}\n"
            "print(lst)\n"
            "try:\n"
            f"    lst[{self.pick(['::2', '1::3', '::-2'])}] = [1, 2]\n    print(lst)\n"
            "except ValueError as e:\n    print('ValueError', e)\n"
            f"t = tuple(range(8))\nprint(t[{self.pick(['::-3', '3:1', '-100:100', '1:-1:2'])}], t.index(3), t.count(9))\n"
            "s = slice(1, None, 2)\nprint(s.indices(7), 'abcdefg'[s], s)\n"
        )

    def small_modules(self):
        return (
            "import heapq, bisect, operator, copy, textwrap, string, statistics, fractions, decimal\n"
            f"h = {self.pick(['[5, 1, 4, 1, 3]', '[]', '[2]', '[9, 8, 7, 6]'])}\n"
            "heapq.heapify(h)\nheapq.heappush(h, 2)\nprint(h, heapq.heappop(h), heapq.nsmallest(2, h), heapq.nlargest(2, h), list(heapq.merge([1, 4], [2, 3])))\n"
            f"a = [1, 2, 2, 4]\nprint(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, {self.pick(['0', '3', '9'])}))\nbisect.insort(a, 3)\nprint(a)\n"
            "print(operator.itemgetter(1, 0)('ab'), operator.attrgetter('real')(3), operator.methodcaller('upper')('x'), operator.add(1, 2))\n"
            "nested = [[1], {'k': [2]}]\nc1, c2 = copy.copy(nested), copy.deepcopy(nested)\nnested[0].append(9)\nprint(c1, c2)\n"
            f"print(textwrap.wrap('the quick brown fox jumps over the lazy dog', {self.pick(['10', '15', '3'])}), textwrap.dedent('  a\\n   b'), textwrap.shorten('hello world again', 12))\n"
            "print(string.Template('$who likes ${what}').safe_substitute(who='tim'), string.capwords('hi there'), string.ascii_letters[:5])\n"
            f"data = {self.pick(['[1, 2, 3, 4]', '[2.5, 1, 7]', '[1]', '[3, 3, 1]'])}\n"
            "try:\n    print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data))\n"
            "except statistics.StatisticsError as e:\n    print('StatisticsError', e)\n"
            f"q = fractions.Fraction({self.pick(FRACTIONS)})\nprint(q, q + fractions.Fraction(1, 6), q * 3, float(q), q.limit_denominator(2))\n"
            f"x = decimal.Decimal({self.pick(DECIMALS)})\nprint(x + decimal.Decimal('2.205'), x * 3, x.quantize(decimal.Decimal('0.1')), round(x, 1), str(x / 3))\n"
        )

    def random_seeded(self):
        seed = self.pick(["0", "1", "42", "'abc'", "2**70"])
        return (
            "import random\n"
            f"random.seed({seed})\n"
            "print(random.random(), random.randint(1, 100), random.randrange(0, 50, 5), random.choice('abcdef'), random.uniform(1, 2))\n"
            "xs = list(range(10))\nrandom.shuffle(xs)\nprint(xs, random.sample(range(100), 3), random.choices('ab', k=4), random.getrandbits(40))\n"
            f"r = random.Random({seed})\nprint(r.random() == random.Random({seed}).random(), round(r.gauss(0, 1), 12))\n"
        )

    def datetime_(self):
        return (
            "import datetime as dt\n"
            f"d = dt.date({self.pick(['2024, 2, 29', '2000, 1, 1', '1999, 12, 31'])})\n"
            f"t = dt.datetime(2024, 3, 10, 14, 5, 9, {self.pick(['0', '123456'])})\n"
            f"delta = dt.timedelta(days={self.pick(['1', '-3', '400'])}, hours=5, seconds=7)\n"
            "print(d, repr(d), d.weekday(), d.isoformat(), d + delta, d.replace(day=1), d.strftime('%A %d %B %Y %j'))\n"
            "print(t, t.isoformat(), t + delta, t - dt.datetime(2024, 1, 1), delta, repr(delta), delta.total_seconds(), t.strftime('%H:%M:%S.%f %p'))\n"
            "print(dt.datetime.fromisoformat('2024-05-06T07:08:09'), dt.date.fromordinal(730000), dt.time(1, 2, 3) < dt.time(1, 2, 4), t.date() == t.date())\n"
        )

    def error_messages(self):
        x, y = f"({self.simple()})", f"({self.simple()})"
        exprs = [
            f"{x} + {y}", f"{x}[{y}]", f"{x}.nope", f"len({x})", f"int({x})", f"float({x})", f"{x}({y})", f"-{x}",
            f"{x} < {y}", f"iter({x})", f"next({x})", f"{x} in {y}", f"{x} % {y}", f"divmod({x}, {y})",
            f"[*{x}]", f"{{**{x}}}", f"sorted([{x}, {y}])", f"abs({x})", f"round({x}, {y})", f"{x} ** {y}",
            f"chr({x})", f"ord({x})", f"{x} @ {y}", f"{x} << {y}", f"~{x}", f"dict([{x}])", f"set({x})", f"'{{}}'.format({x}[0])",
            f"{x}.append({y})", f"max({x})", f"sum({x})", f"tuple({x})", f"zip({x})", f"' '.join({x})", f"str.join({x}, {y})",
            "(lambda a, b: 0)(1)", "(lambda a: 0)(1, 2)", "(lambda *, k: 0)(1)", "(lambda a: 0)(b=1)", "(lambda a, /: 0)(a=1)",
            "int('12a')", "int('')", "float('1e')", "[1][5]", "{}[()]", "'abc'[10]", "(1, 2).x", "None()", "object().__dict__",
            "undefined_name", "[].pop()", "{}.popitem()", "set().pop()", "'x'.index('y')", "[1].index(2)", "(1).bit_length(2)",
        ]
        body = "\n".join(f"    lambda: {e}," for e in self.r.sample(exprs, 6))
        return (
            "for thunk in [\n" + body + "\n]:\n"
            "    try:\n        r = thunk()\n        print('ok', repr(r)[:60])\n"
            "    except Exception as e:\n        print(type(e).__name__, e)\n"
        )

    def format_matrix(self):
        vals = [self.pick(["0", "1", "-1", "7", "255", "-42", "10**12", "True"]), self.pick(["0.0", "-0.0", "1.5", "2.675", "-1e-5", "1e22", "123.456", "float('inf')", "float('nan')", "1/3"]), self.pick(["'s'", "'λ'", "''", "'abc'"])]
        specs = [self.pick(["", "10", "<10", ">10", "^10", "*^9", "+", "-", " ", "010", ",", "_", ".2", ".0", "#", "e", "E", "f", "F", "g", "G", "%", "n", "x", "X", "o", "b", "c", "d", "s", ".3s", "#x", "#o", "#b", "+.3e", "=+12.4f", ",.2f", "_x", "08.3%", ".10g", "#.0f"]) for _ in range(6)]
        return (
            f"for v in ({', '.join(vals)}):\n"
            f"    for spec in {specs!r}:\n"
            "        try:\n            print(repr(v)[:10], repr(spec), repr(format(v, spec)), repr(f'{v!r:>8}'))\n"
            "        except Exception as e:\n            print(repr(spec), type(e).__name__, e)\n"
            f"print('%5.2f|%-6d|%+x|%o|%e|%g|%c|%r|%s|%%|%5s' % ({vals[1]}, {vals[0]} if isinstance({vals[0]}, int) else 0, 255, 8, 12345.678, 0.00001234, 65, 'r', None, 'ab'))\n"
        )
