# --- t23_re ---
import re
m = re.match(r"(\w+)@(\w+)\.com", "joe@example.com trailing")
print(m.group(0), m.group(1, 2), m.groups(), m.span(), m.start(2), m.end(), m.string[:3], bool(m), m.lastindex)
print(repr(m)[:40])
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", "date: 2024-03-15")
print(m["year"], m.group("month"), m.groupdict(), m.span("month"), m.lastgroup)
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2"), re.findall(r"(a)|b", "ab"), re.findall("x*", "axx"))
print([m.group() for m in re.finditer(r"[aeiou]", "education")], [m.span() for m in re.finditer(r"o", "foo boo")])
print(re.sub(r"\s+", " ", "a   b \t c"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c9"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there", count=1), re.subn("a", "b", "banana"), re.sub("", "-", "abc"), re.sub(r"x*", "-", "abxd"))
print(re.split(r"[,;]\s*", "a, b;c,d"), re.split(r"(,)", "a,b"), re.split(r"\s", "a b c", maxsplit=1), re.split(r"x*", "axbc"), re.split(r"\b", "hi you"))
print(re.match("abc", "ABC", re.I) is not None, re.findall(r"^\w", "a\nb\nc", re.M), re.match(r"a.b", "a\nb", re.S) is not None, re.findall(r"""a \d # comment
 """, "a1 a2", re.X))
p = re.compile(r"(\d+)-(\d+)")
print(p.pattern, p.flags & re.I, p.groups, p.sub(r"\2-\1", "1-2 and 3-4"), p.fullmatch("12-34").groups(), p.fullmatch("12-34x"), p.search("x 5-6").group())
print(re.escape("a.b*c?"), re.fullmatch(r"\d+", "123") is not None, re.match(r"\d+", "a1"), re.search(r"^$", ""))
print(re.findall(r"(?i)hello", "Hello HELLO"), re.findall(r"\bcat\b", "cat concat cat."), re.findall(r"(?<=@)\w+", "a@b c@d"), re.findall(r"\w+(?=!)", "hi! no yes!"))
print(re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a+?", "aaa"), re.findall(r"<.*?>", "<a><b>"), re.findall(r"[^a-c]+", "abxyzcq"))
print(re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"), re.match(r"(a)(b)?", "a").group(2))
m = re.match(r"(?P<a>x)(?P<b>y)?", "x")
print(m.groupdict(), m.groupdict("none"), m.expand(r"[\1]"), m.re.pattern)
print(re.sub(r"(a)|b", lambda m: m.group(1) or "B", "ab"), re.sub("a", r"\\n", "a"), re.sub("a", "\\n", "a") == "\n")
try:
    re.compile("(")
except re.error as e:
    print("re.error", e)
print(re.findall(r"[\u00e9-\u00ff]", "café"), re.findall(r"\d", "٣4"), re.findall(r"\s+", "a\u00a0b"), re.ASCII)
print(re.match(r"(\d+)\.(\d+)", "3.14").group(2, 1), re.search("b+", "abbbc").group(), re.match(".*", "").span())
print(re.sub(r"(?m)^", "> ", "line1\nline2"), re.findall(r"(\w+)=(\w+)", "a=1, b=2"))
print(bool(re.match(r"^[\w.+-]+@[\w-]+\.[\w.]+$", "x.y+z@mail-1.co.uk")), re.compile("a", re.I | re.M).flags & (re.I | re.M))
print(re.sub(r"\B", "-", "abc"), re.findall(r"(?:ab)+", "ababab x ab"), re.match(r"(?:(a)|b)+", "ab").group(1))
print(re.split(r"(\d)(x)?", "a1b2xc"), re.findall(r"\Aab|cd\Z", "abcd"), re.search(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.sub("(?P<n>\\d)", "\\g<n>\\g<0>", "a5"), re.template if False else "")
print(re.purge() is None, type(re.compile("a")).__name__, type(re.match("a", "a")).__name__)
s = "The quick brown fox"
print(re.sub(r"\b(\w)", lambda m: m.group(1).upper(), s), len(re.findall(r"o", s)), re.search(r"q\w+", s).group())

# --- t24_json ---
import json
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "nested": {"x": 1.5, "y": None, "z": True}, "uni": "é€"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
print(json.dumps([1, [2, [3]]], indent=4))
print(json.dumps({"a": []}, indent=2), json.dumps({}, indent=2), json.dumps([], indent=1))
print(json.dumps("quote\"back\\slash\nnl\ttab\x01"), json.dumps(1e100), json.dumps(0.1), json.dumps(float("inf")), json.dumps(-0.0), json.dumps(10**20))
print(json.dumps({1: "int key", 2.5: "f", True: "b", None: "n"}), json.dumps((1, 2)), json.dumps("\U0001F600"))
print(json.dumps(data, indent="\t")[:30].replace("\t", "<T>"))
print(json.loads('{"a": [1, 2.5, "x", null, true, false], "b": {"c": -1e3}}'), json.loads("3"), json.loads('"\\u00e9"'), json.loads(" [ ] "))
print(json.loads('{"a": 1, "a": 2}'), json.loads("1.0"), type(json.loads("1")).__name__, json.loads("NaN"), json.loads("-Infinity"))
for bad in ['{"a": 1,}', "[1, 2", "{'a': 1}", "", "nul", '{"a" 1}', "[1] x", '"abc']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, e.pos, e.lineno, e.colno)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print(e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
class Obj:
    def __init__(self): self.v = 1
print(json.dumps(Obj(), default=lambda o: o.__dict__), json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=None))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=Enc), Enc(indent=1).encode([1]))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads("[1.5]", parse_float=str), json.loads("[1]", parse_int=float))
print(json.loads('[{"k": 1}]', object_pairs_hook=lambda p: p))
print(json.dumps(float("nan")), json.dumps([1, 2], separators=(";", "=")), json.dumps({"a": 1}, separators=(", ", ": "), indent=2))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(e)
import io
buf = io.StringIO(); json.dump({"k": [1]}, buf); print(buf.getvalue()); buf.seek(0); print(json.load(buf))
print(json.dumps("é", ensure_ascii=True), json.dumps({"k": "v"}, skipkeys=True), json.dumps({(1,): 2}, skipkeys=True))
print(json.dumps([1.0, 2.50, 1e-7, 123456789.0, 1e16]))

# --- t25_datetime ---
import datetime as dt
d = dt.date(2024, 2, 29)
print(d, repr(d), d.year, d.weekday(), d.isoweekday(), d.isoformat(), d.strftime("%Y/%m/%d %A %a %B %b %j %U %W %w %y %%"), d.toordinal(), d.isocalendar())
print(d + dt.timedelta(days=1), d - dt.date(2024, 1, 1), d.replace(year=2023, day=28), dt.date.fromisoformat("2021-12-31"), dt.date.fromordinal(738000))
t = dt.datetime(2024, 3, 15, 13, 5, 9, 123456)
print(t, repr(t), t.isoformat(), t.isoformat(sep=" ", timespec="seconds"), t.strftime("%H:%M:%S.%f %I %p"), t.date(), t.time(), t.timestamp() if False else "")
print(t + dt.timedelta(hours=12), t - dt.timedelta(weeks=1, minutes=5), t.replace(microsecond=0), dt.datetime.fromisoformat("2020-01-02T03:04:05"), dt.datetime.strptime("2022-07-04 10:30", "%Y-%m-%d %H:%M"))
td = dt.timedelta(days=2, hours=3, minutes=4, seconds=5, microseconds=6)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, abs(-td), td * 2, td / 2, td // dt.timedelta(hours=1), dt.timedelta(seconds=-1), dt.timedelta(0), dt.timedelta(days=-1, seconds=5))
print(dt.timedelta(hours=25), dt.timedelta(minutes=90) > dt.timedelta(hours=1), dt.timedelta(seconds=3661) % dt.timedelta(hours=1), dt.timedelta(milliseconds=1500))
print(dt.time(9, 30), dt.time(9, 30, 15, 500), dt.time(23, 59).isoformat(), repr(dt.time(1, 2)), dt.time(12).strftime("%I:%M %p"))
print(t > dt.datetime(2024, 1, 1), sorted([dt.date(2024, 1, 2), dt.date(2023, 5, 5)]), dt.date(2024, 1, 1) == dt.date(2024, 1, 1), max(dt.date(2020, 1, 1), dt.date(2021, 1, 1)))
tz = dt.timezone(dt.timedelta(hours=-5), "EST")
a = dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone.utc)
print(a, a.astimezone(tz), a.tzinfo, tz, dt.timezone(dt.timedelta(hours=5, minutes=30)), a.utcoffset(), a.isoformat(), a.strftime("%z %Z"))
print(dt.datetime(2024, 1, 31) + dt.timedelta(days=1), (dt.datetime(2024, 3, 1) - dt.datetime(2024, 2, 1)).days, dt.date.min, dt.date.max, dt.datetime.min)
try:
    dt.date(2023, 2, 29)
except ValueError as e:
    print(e)
try:
    dt.datetime.strptime("2022-13-01", "%Y-%m-%d")
except ValueError as e:
    print(e)
print(dt.datetime(2024, 5, 5).strftime("%c"), dt.datetime(2024, 5, 5).strftime("%x %X"), dt.date(2024, 12, 30).isocalendar())
print(f"{d:%d.%m.%Y}", format(t, "%H"), str(dt.timedelta(microseconds=1)), dt.timedelta(days=1, seconds=1).__str__())
print(dt.datetime(2000, 1, 1).weekday(), dt.datetime.combine(dt.date(2020, 1, 1), dt.time(5)), dt.date(2020, 1, 1).ctime())
import time
print(time.strftime("%Y-%m-%d", time.gmtime(0)), time.gmtime(86400 * 365).tm_year, time.strftime("%H:%M:%S", time.gmtime(3661)), tuple(time.gmtime(0))[:6])
print(time.mktime(time.localtime(1000000)) == 1000000.0, type(time.time()).__name__, time.asctime(time.gmtime(0)))
import calendar
print(calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.month_name[3], calendar.day_name[0], calendar.weekday(2024, 1, 1))

# --- u13_datetime_more ---
from datetime import date, datetime, timedelta, time, timezone
d = date(2024, 1, 31)
print(d + timedelta(days=30), d.replace(month=2, day=29), (date(2024, 12, 25) - date(2024, 1, 1)).days)
print(d.strftime("%A, %B %d, %Y"), d.strftime("%a %b %e" if False else "%a %b %d"), d.isoformat(), str(d), d.timetuple()[:3])
dt = datetime(2024, 7, 4, 9, 5, 3)
print(dt.strftime("%Y-%m-%dT%H:%M:%S"), dt.strftime("%I:%M %p on %j day"), dt.hour, dt.minute, dt.second, dt.microsecond)
print(datetime(2024, 1, 1) - datetime(2023, 1, 1), datetime(2024, 3, 10, 12) - datetime(2024, 3, 9, 18, 30))
delta = timedelta(hours=36, minutes=15)
print(delta, delta.days, delta.seconds, delta.total_seconds(), delta // timedelta(minutes=1), str(-delta), repr(delta))
print(timedelta(weeks=2) / timedelta(days=1), timedelta(days=1) * 1.5, timedelta(seconds=90).__str__(), timedelta(microseconds=-1))
print(datetime.strptime("03/15/2024 14:30", "%m/%d/%Y %H:%M"), datetime.strptime("2024-02-29", "%Y-%m-%d").date())
print(datetime.fromisoformat("2024-05-06T07:08:09.123456"), datetime.fromisoformat("2024-05-06 07:08"), date.fromisoformat("2020-02-02"))
print(datetime(2024, 1, 1, tzinfo=timezone.utc).isoformat(), datetime(2024, 1, 1, 12, tzinfo=timezone(timedelta(hours=2))).astimezone(timezone.utc))
print(time(14, 30).isoformat(), time(14, 30, 15).strftime("%H-%M-%S"), time(0, 0) < time(1, 0), time.max, time.min)
dates = [date(2024, m, 1) for m in (3, 1, 2)]
print(sorted(dates), min(dates).strftime("%b"), [x.isoweekday() for x in dates], date(2024, 1, 1).weekday())
print(datetime(2024, 1, 1).timestamp() - datetime(2023, 12, 31).timestamp(), datetime.fromtimestamp(0, timezone.utc))
print(f"{dt:%d/%m/%Y}", f"{d:%y%m%d}", "{:%H:%M}".format(dt), dt.date() == date(2024, 7, 4), dt > datetime(2024, 7, 4))
print(date(2024, 3, 31) - timedelta(days=31), datetime.combine(date(2024, 1, 1), time(23, 59, 59)) + timedelta(seconds=1))
print(timedelta(days=1, hours=-1), timedelta(hours=-25), abs(timedelta(hours=-1)), timedelta(0) == timedelta(), bool(timedelta(0)))
print(repr(date(2024, 1, 2)), repr(datetime(2024, 1, 2, 3, 4)), repr(datetime(2024, 1, 2, 3, 4, 5, 6)), repr(time(1, 2, 3)), repr(timezone.utc))

# --- t26_textwrap_string ---
import textwrap, string
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 20))
print(textwrap.fill(text, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten("Hello world, this is a long sentence", width=20), textwrap.shorten("Hi", 10, placeholder="..."))
print(repr(textwrap.dedent("""\
    def f():
        return 1
    """)))
print(textwrap.indent("a\nb\n\nc", "> "), textwrap.indent("a\n\nb", "+", lambda l: True))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10), textwrap.wrap("a-b-c-d-e-f long-hyphenated-word", 8), textwrap.wrap("", 5))
print(textwrap.fill("one\ttwo  three\nfour", 12), textwrap.wrap("x " * 10, 6, max_lines=2, placeholder=" [..]"))
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.octdigits, repr(string.whitespace), string.ascii_uppercase)
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
print(string.capwords("hello   world  foo"), string.capwords("a-b c", "-"))
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{0}b{x!r:>3}")))

# --- t27_math ---
import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3), math.factorial(10), math.gcd(12, 18), math.gcd(0, 5, 10), math.lcm(4, 6), math.isqrt(17))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0), math.exp(0), math.expm1(0), math.pow(2, 10), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 10), math.degrees(math.pi), math.radians(180), math.atan2(1, 1), math.asin(1), math.acos(1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isinf(float("inf")), math.isnan(math.nan), math.isfinite(1.0), math.copysign(3, -0.0), math.fmod(-7, 3), math.remainder(7, 4))
print(math.comb(10, 3), math.perm(5, 2), math.perm(5), math.prod([1, 2, 3, 4]), math.prod([], start=5), math.fsum([0.1] * 10), sum([0.1] * 10), math.dist((0, 0), (3, 4)))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.floor(5), type(math.floor(2.5)), math.ceil(-0.5), math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.acos(2), lambda: math.log(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
try:
    math.factorial(2.5)
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)
print(math.floor(1e20), math.ceil(-1e20), int(math.inf) if False else "", math.trunc(1e30), 2 ** 0.5 == math.sqrt(2), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
print(math.sumprod([1, 2], [3, 4]) if hasattr(math, "sumprod") else 11, math.exp2(3) if hasattr(math, "exp2") else 8.0)
print(math.gamma(5), math.lgamma(1), math.erf(0), math.erfc(0), math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0))
from fractions import Fraction
a = Fraction(1, 3)
print(a, a + Fraction(1, 6), a * 3, a ** 2, Fraction("0.25"), Fraction(0.5), Fraction(3, -6), float(a), int(Fraction(7, 2)), repr(a), a < 0.5, Fraction(1, 3) == 1 / 3)
print(Fraction(355, 113).limit_denominator(10), Fraction(7, 2).numerator, Fraction(5).denominator, round(Fraction(7, 2)), Fraction(1, 3) + 1, 1 - Fraction(1, 4), Fraction(3, 4) // Fraction(1, 3), Fraction(3, 4) % Fraction(1, 3))
print(sum([Fraction(1, n) for n in range(1, 5)]), max(Fraction(1, 2), Fraction(2, 3)), Fraction(2, 4).as_integer_ratio(), abs(Fraction(-1, 2)), Fraction(1.1).limit_denominator())
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(e)

# --- t28_random ---
import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2), random.randrange(0, 100, 5), random.randrange(10))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.sample("abcdefg", 3), random.choices("abc", k=5), random.choices(range(5), weights=[1, 0, 0, 0, 5], k=4))
print(random.getrandbits(64), random.getrandbits(7), random.gauss(0, 1), random.normalvariate(10, 2), random.expovariate(1.5), random.triangular(0, 10, 3), random.betavariate(2, 3))
random.seed("hello")
print(random.random(), random.randint(0, 10**30))
random.seed(12345)
print([random.randint(1, 6) for _ in range(20)])
r = random.Random(7)
print(r.random(), r.choice([1, 2, 3]), r.sample([1, 2, 3, 4], 2))
st = r.getstate(); x = r.random(); r.setstate(st); print(r.random() == x)
random.seed(0)
print(random.randbytes(5) if hasattr(random, "randbytes") else b"", random.lognormvariate(0, 1), random.vonmisesvariate(1, 1), random.gammavariate(2, 1), random.paretovariate(2), random.weibullvariate(1, 2))
random.seed(3.5)
print(random.random())
random.seed(b"bytes")
print(random.random())
random.seed(-5)
print(random.random())
random.seed(2**100)
print(random.random(), random.choices([1, 2, 3], cum_weights=[1, 1, 3], k=3))
try:
    random.choice([])
except IndexError as e:
    print(e)
try:
    random.randint(5, 1)
except ValueError as e:
    print(e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print(e)

# --- t29_heap_bisect_copy ---
import heapq, bisect, copy
h = [5, 1, 8, 3, 2]
heapq.heapify(h); print(h)
heapq.heappush(h, 0); print(h, heapq.heappop(h), h)
print(heapq.heappushpop(h, 4), heapq.heapreplace(h, 10), h)
print(heapq.nlargest(3, [1, 8, 2, 9, 4]), heapq.nsmallest(2, [1, 8, 2, 9, 4]), heapq.nlargest(2, ["aa", "b", "ccc"], key=len), list(heapq.merge([1, 4], [2, 3], [0])))
print(list(heapq.merge([3, 1], [4, 2], key=lambda x: -x, reverse=False)) if False else list(heapq.merge([3, 1], [4, 2], reverse=True)))
pq = []
for item in [(2, "b"), (1, "a"), (3, "c"), (1, "z")]: heapq.heappush(pq, item)
print([heapq.heappop(pq) for _ in range(len(pq))])
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
a = [1, 2, 4, 4, 7]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect_left(a, 8), bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 2))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
recs = [(1, "a"), (5, "b"), (9, "c")]
print(bisect.bisect_left(recs, 5, key=lambda r: r[0]), bisect.bisect(recs, (5, "z")))
bisect.insort(recs, (6, "x"), key=lambda r: r[0]); print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
orig = {"a": [1, [2, 3]], "b": {"c": 4}}
sh = copy.copy(orig); dp = copy.deepcopy(orig)
orig["a"][1].append(99); orig["b"]["d"] = 5
print(sh, dp)
class Node:
    def __init__(self, v): self.v = v; self.children = []
n = Node(1); n.children.append(Node(2)); n.children.append(n)
m = copy.deepcopy(n)
print(m.v, m.children[0].v, m.children[1] is m, m is not n)
class Custom:
    def __init__(self): self.x = [1]
    def __copy__(self):
        print("custom copy"); c = Custom(); c.x = self.x; return c
    def __deepcopy__(self, memo):
        print("custom deepcopy"); c = Custom(); c.x = copy.deepcopy(self.x, memo); return c
c = Custom(); c2 = copy.copy(c); c3 = copy.deepcopy(c)
print(c2.x is c.x, c3.x is c.x, copy.copy(5), copy.deepcopy((1, [2]))[1] is not None, copy.copy([1, 2]))
t = (1, 2); print(copy.deepcopy(t) is t, copy.copy(t) is t)
shared = [1]; pair = [shared, shared]; dpair = copy.deepcopy(pair); print(dpair[0] is dpair[1])
import dataclasses
@dataclasses.dataclass
class DC:
    items: list
x = DC([1]); y = copy.deepcopy(x); y.items.append(2); print(x, y, copy.replace(x, items=[]) if hasattr(copy, "replace") else DC([]))

# --- t30_pprint_typing ---
import pprint
data = {"name": "tulip", "versions": list(range(30)), "nested": {"deep": {"deeper": ["x" * 30, "y" * 30]}}, "tuple": (1, 2), "set": {3, 1, 2}}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(list(range(50)), compact=True)
pprint.pprint({"b": 1, "a": 2}, sort_dicts=False)
print(pprint.pformat([1, 2]), pprint.pformat({"z": 1, "a": [1] * 3}), pprint.pformat("x" * 100, width=30))
pprint.pprint([[1, 2, 3]] * 6, width=30)
pprint.pprint({"key%d" % i: i for i in range(8)})
pprint.pprint(data, depth=2)
from typing import List, Dict, Optional, Union, Tuple, Callable, Any, TypeVar, Generic, Protocol, Iterable, get_type_hints, cast, overload, Literal, Final
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
    def pop(self) -> T:
        return self.items.pop()
s: Stack[int] = Stack()
s.push(1); print(s.pop(), Stack[int], List[int], Dict[str, int], Optional[int], Union[int, str], Tuple[int, ...], Callable[[int], str])
def f(a: int, b: "str" = "x") -> Optional[List[int]]:
    return None
print(f.__annotations__, get_type_hints(f))
print(cast(int, "x"), Any, Literal["a", "b"], int | str, list[int], dict[str, list[int]], type(int | None).__name__)
class Proto(Protocol):
    def meth(self) -> int: ...
print(Union[int, int], Union[int, None] == Optional[int], Optional[Union[int, str]])
from typing import get_origin, get_args
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(int | str), get_args(Union[int, str]), get_args(Optional[int]))
from typing import TypedDict
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "x", "year": 1}
print(m, Movie.__annotations__ if False else "")
print(repr(T), T.__name__, isinstance([], Iterable), List)

# --- t31_ctx_op_stats ---
import contextlib, operator, statistics, io, sys
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print("handled", e)
    finally:
        print(f"</{name}>")
with tag("a") as t:
    print("inside", t)
with tag("b"):
    raise ValueError("oops")
print("after b")
with contextlib.suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for n in ["x", "y"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("body")
class Res:
    def __init__(self): self.closed = False
    def close(self): self.closed = True; print("closed")
with contextlib.closing(Res()) as r:
    print("using", r.closed)
with contextlib.nullcontext(5) as v:
    print("null", v)
@contextlib.contextmanager
def broken():
    yield
    yield
try:
    with broken():
        pass
except RuntimeError as e:
    print(e)
class Reentrant(contextlib.ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit"); return False
@Reentrant()
def decorated(): print("in decorated")
decorated()
@contextlib.contextmanager
def noraise():
    yield
try:
    with noraise():
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
print(operator.add(1, 2), operator.mul("a", 3), operator.neg(5), operator.not_(0), operator.truth([1]), operator.concat([1], [2]), operator.contains([1], 1), operator.getitem({"a": 1}, "a"), operator.index(5))
print(operator.lt(1, 2), operator.eq("a", "a"), operator.is_(None, None), operator.floordiv(7, 2), operator.pow(2, 5), operator.xor(5, 1), operator.countOf([1, 1, 2], 1), operator.indexOf([5, 6], 6))
l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.iadd([1], [2]), operator.length_hint([1, 2]))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=operator.itemgetter(1, 0)))
class P:
    def __init__(self, n): self.name = n; self.inner = self if n == "x" else None
print(operator.attrgetter("name", "inner.name")(P("x")), operator.methodcaller("split", ",", 1)("a,b,c"))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.median([1, 2, 3, 4]), statistics.mode("aabbbc"), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(statistics.variance([1, 2, 3, 4]), statistics.pvariance([1, 2, 3, 4]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]), statistics.multimode("aabbc"), statistics.fmean([1, 2]), statistics.geometric_mean([1, 4]), statistics.harmonic_mean([1, 4]))
print(statistics.mean([1.5, 2.5]), statistics.mean([Fraction(1, 2)]) if False else "", statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4), statistics.median_grouped([1, 2, 2, 3]))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print(e)
try:
    statistics.stdev([1])
except statistics.StatisticsError as e:
    print(e)
print(statistics.correlation([1, 2, 3], [2, 4, 7]), statistics.linear_regression([1, 2, 3], [2, 4, 6]), statistics.covariance([1, 2, 3], [1, 2, 4]))

# --- t50_typing_runtime ---
from typing import NamedTuple, Optional, List, Dict, Any, Union, Callable, TypeVar, Generic, Iterator, Sequence, ClassVar, Final, Literal
from dataclasses import dataclass, field
import typing
class Coord(NamedTuple):
    lat: float
    lon: float = 0.0
c = Coord(1.5)
print(c, c._replace(lon=2), c._asdict(), Coord._field_defaults, c.lat)
T = TypeVar("T", bound="Comparable")
K = TypeVar("K")
V = TypeVar("V")
class Cache(Generic[K, V]):
    def __init__(self): self.data: Dict[K, V] = {}
    def put(self, k: K, v: V) -> None: self.data[k] = v
    def get(self, k: K) -> Optional[V]: return self.data.get(k)
cc: Cache[str, int] = Cache()
cc.put("a", 1); print(cc.get("a"), cc.get("b"), Cache.__parameters__ if hasattr(Cache, "__parameters__") else "")
def apply(f: Callable[[int], int], xs: List[int]) -> List[int]:
    return [f(x) for x in xs]
print(apply(lambda x: x * x, [1, 2, 3]), apply.__annotations__["return"])
def gen() -> Iterator[int]:
    yield 1
print(list(gen()), typing.get_type_hints(gen))
print(typing.Optional[str], typing.List[typing.Dict[str, int]], typing.Tuple[int, str], typing.Set[int], typing.FrozenSet[int], typing.Type[int])
print(str(typing.Union[int, str, None]), typing.Callable[..., int], typing.Sequence[int], typing.Mapping[str, Any])
print(isinstance(3, typing.Hashable) if hasattr(typing, "Hashable") else True, typing.TYPE_CHECKING, typing.NoReturn, typing.ClassVar[int])
@typing.runtime_checkable
class Closer(typing.Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(3, Closer))
@typing.overload
def ov(x: int) -> int: ...
@typing.overload
def ov(x: str) -> str: ...
def ov(x): return x
print(ov(3), ov("s"))
NewId = typing.NewType("NewId", int)
print(NewId(5), type(NewId(5)).__name__)
print(typing.Annotated[int, "meta"], typing.get_args(typing.Annotated[int, "meta"]) if False else "")
Alias = Dict[str, List[int]]
print(Alias)
def f(a: "Forward") -> None: pass
print(f.__annotations__)
print(list[int], tuple[int, ...], dict[str, int] == dict[str, int], list[int]().__class__, type[int])
print(int | None, (int | str).__args__, isinstance(3, int | str), issubclass(bool, int | str))

# --- t51_string_module_funcs ---
import string
print(string.ascii_lowercase[::5], string.printable[:10], len(string.printable))
def caesar(s, k):
    lo = string.ascii_lowercase
    up = string.ascii_uppercase
    tbl = str.maketrans(lo + up, lo[k:] + lo[:k] + up[k:] + up[:k])
    return s.translate(tbl)
print(caesar("Hello, World!", 3), caesar(caesar("abc", 5), 21))
print(string.Template("${a}b$c").substitute({"a": 1, "c": 2}), string.Template("$x $y").safe_substitute(x=1))
try:
    string.Template("$").substitute()
except ValueError as e:
    print(e)
class MyT(string.Template):
    delimiter = "%"
print(MyT("%who is %what").substitute(who="he", what="here"))
print(string.Template("$a").template, string.Formatter().vformat("{0}{k}", (1,), {"k": 2}))

