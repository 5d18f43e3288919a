# --- t17_builtins ---
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True), sorted(words, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: 1, 1: 2}), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(min([4, 2, 8]), max([4, 2, 8]), min("hello"), max(3, 9, 1), min([], default="empty"), max([], key=len, default=None))
print(max(words, key=len), min(words, key=lambda w: (len(w), w)), max([1, 3, 3], key=lambda x: x), min((1, "a"), (1, "b")))
try:
    max([])
except ValueError as e:
    print(e)
try:
    min()
except TypeError as e:
    print(e)
try:
    max(1)
except TypeError as e:
    print(e)
print(round(3.14159, 2), round(3.14159), round(-2.5), round(1234.5678, -2), round(2.5, 0), round(0.5), round(1.5))
print(abs(-3), abs(-2.5), abs(True), pow(2, 8), pow(2, -2), pow(-2, 3, 5), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1, 2], 10), sum((x for x in [1.5, 2.5])))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), dict(zip("ab", [1, 2])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
print(list(enumerate("abc", start=1)), list(reversed([1, 2, 3])), list(reversed(range(4))), list(reversed("ab")))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])), list(filter(None, [0, 1, "", "a", None])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any(x > 3 for x in range(5)))
print(chr(65), ord("A"), chr(0x1F600) == "\U0001F600", ord("€"), ascii("é€"), ascii([1, "ü"]))
print(isinstance(True, int), type(3) == int, id(1) == id(1), hash(1) == hash(1.0), hash("a") == hash("a"))
print(len("héllo"), len(b"h\xc3\xa9"), len({1: 2}), len(range(0, 100, 7)))
print(list(iter([1, 2])), next(iter([5])), next(iter([]), "dflt"))
it = iter(range(3))
print(next(it), list(it), next(it, None))
calls = iter([1, 2, 3, 0, 5].pop, 0) if False else None
vals = [1, 2, 3, 0, 5]
print(list(iter(lambda: vals.pop(0), 0)))
print(bin(10), oct(10), hex(10), int("1010", 2), int("ff", 16), int("Z", 36), int(" +12 "), int("-0b11", 0))
print(format(10, "08b"), format(3.5, "08.3f"), format(-1, "x"), format(1234, "_d"))
print(divmod(10**20, 7), 10**20 // 3, -(10**20) // 3, (10**20) % -3, 2**64 - 1 & 0xFF)
print(callable(len), callable(3), getattr(3, "imag"), hasattr("s", "upper"), isinstance([], (list, tuple)))
print(list(range(-5, 5, 3)), list(range(5, -5, -3)), range(3) == range(0, 3), 3 in range(0, 10, 3), range(0, 10, 3).index(6), range(10).count(3))
print(sorted([-3, 2, -1], key=abs), sorted([[2, 1], [1, 2], [1]]), sorted(["b", "a"], key=None))
print(vars().get("__name__"), __name__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
print(slice(1, 10, 2).indices(5), slice(None).indices(3), slice(-2, None).indices(10))
print(bool.__name__, int.__mro__, bool.__mro__)
print(str(), int(), float(), list(), tuple(), dict(), set(), bytes(), complex(), bool())
print(dict(a=1, b=2), dict([("a", 1)], b=2), dict({"x": 1}), list("abc"), tuple([1, 2]), set("aab") == {"a", "b"}, frozenset("ab") == {"a", "b"})
print(int.__name__, len.__name__, "abc".upper.__name__, [].append.__qualname__, str.join.__qualname__)
print(isinstance(1, object), issubclass(int, object), type.__name__, object.__name__, type(type))
print(max("abc", "abd", key=lambda s: s[-1]), min(3, 1, key=lambda x: -x))
print(list(map(str.upper, "ab")), list(map(pow, [2, 3], [3, 2])))
print(repr(input) [:20] if False else "")
print(divmod(-7, -2), -7 // -2, 7 % 3.0, -7 % 3.0, 2 ** 3 ** 2, (-2) ** 2, -2 ** 2)
print(oct(-8), format(255, "#010x"), format(5, "+"), int("-  5".replace(" ", "")))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])))
try:
    hash([1])
except TypeError as e:
    print(e)
try:
    hash({})
except TypeError as e:
    print(e)
try:
    {[1]: 2}
except TypeError as e:
    print(e)
try:
    {1, [2]}
except TypeError as e:
    print(e)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
try:
    int([1])
except TypeError as e:
    print(e)
try:
    float("")
except ValueError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
try:
    list(1)
except TypeError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    int("5", 1)
except ValueError as e:
    print(e)
try:
    round("x")
except TypeError as e:
    print(e)
try:
    abs("x")
except TypeError as e:
    print(e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
print(isinstance(range(3), range), type(range(3)).__name__, type(zip()).__name__, type(map(str, [])).__name__, type(iter([])).__name__, type(iter("")).__name__, type(iter({})).__name__, type({}.keys()).__name__, type(reversed([])).__name__, type(enumerate([])).__name__)

# --- t18_strs ---
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip() + "|", s.strip(" Hd"), "xxhixx".strip("x"), "abc".strip(""))
print("a,b,,c".split(","), "a b  c".split(), " a b ".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","), "  ".split(" "))
print("a\nb\r\nc\n".splitlines(), "a\nb\n".splitlines(True), "one two three".rsplit(None, 1), "x".split("x"))
print("key=val=x".partition("="), "key=val=x".rpartition("="), "none".partition("="), "none".rpartition("="))
print("-".join(["a", "b"]), "".join([]), ", ".join(map(str, [1, 2])))
try:
    "-".join([1, 2])
except TypeError as e:
    print(e)
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "abc".replace("", "-"), "aaa".replace("a", "b", 0))
print("hello world".title(), "hello World".capitalize(), "HeLLo".swapcase(), "HELLO".lower(), "straße".upper(), "ß".casefold(), "they're bill's".title())
print("abc".center(9, "*"), "abc".center(8), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print("a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(4), "\t".expandtabs(2), "ab\ncd\tx".expandtabs(3))
tbl = str.maketrans("abc", "xyz", "d")
print("abcd-abcd".translate(tbl), "hello".translate({ord("l"): None, ord("h"): "J"}), str.maketrans({"a": "1"}))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"), "aaaa".count("aa"), "hello".find("l", 3), "hello".count(""))
print("hello".startswith("he"), "hello".endswith(("lo", "x")), "hello".startswith("l", 2), "abc".isalpha(), "123".isdigit(), "a1".isalnum(), " \t".isspace(), "Title Case".istitle(), "abc".islower(), "ABC".isupper(), "½".isnumeric(), "²".isdigit(), "²".isdecimal(), "ab_c".isidentifier(), "".isalpha())
print("{} {}".format(1, 2), "{0}{0}".format("x"), "{:>5}".format("r"), "{a}-{b}".format_map({"a": 1, "b": 2}))
class D(dict):
    def __missing__(self, k): return f"<{k}>"
print("{x} {y}".format_map(D(x=1)))
print("abc"[1], "abc"[-1], "abc"[0:2], "abc" * 2, "a" in "abc", "abc" < "abd", "A" < "a", "abc" + "def")
print(str(123), str(1.5), str(None), str([1, "2"]), str(b"x"), str(b"x", "ascii"), str(bytearray(b"y"), "utf-8"))
print("héllo".encode(), "héllo".encode("latin-1"), b"h\xc3\xa9llo".decode(), "x".encode("ascii"), "€".encode("utf-16-le"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
print(b"\xff".decode("utf-8", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "replace"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
print("abc".removeprefix("a"), "abc".removesuffix("c"), "abc".removeprefix("z"))
print("%s" % "x", "%5s|%-5s|" % ("a", "b"), "%.2f" % 3.14159, "%03d" % 7, "%x" % 255, "%r" % "q", "%c" % "z", "%%")
print("a b c".split(" ", maxsplit=1), "a  b".split(" "), "1,2;3".replace(";", ",").split(","))
print(" ".join("abc"), "x".join("yz"), "\n".join(["l1", "l2"]))
print("Hello"[::-1], "abcdef"[1::2], "abcdef"[-2:], "abcdef"[:-2], "abc"[5:], "abc"[1:1])
print(ord("a"), chr(97), "abc".encode().hex(), bytes.fromhex("61 62"), "ABC".lower().upper())
print("Mississippi".split("ss"), "Mississippi".rsplit("ss", 1), "a-b_c".replace("-", " ").replace("_", " ").split())
print("tab\tsep".split("\t"), "x".ljust(3, "-"), "long".ljust(2), "%-6.2f|" % 3.14159)
print("abc".index("c", 1, 3), "abcabc".rindex("b"), "abcabc".rfind("b", 0, 3))
print(str.upper("x"), str.join(",", ["a", "b"]), "x".__len__(), "ab".__contains__("a"), "a".__add__("b"))
print("line1\nline2".count("\n"), "a" "b", "ab" == "a" + "b", "abc".isascii(), "é".isascii())
print("{:^10}|{:<10}|{:>10}|".format("mid", "left", "right"), "{:*>10,}".format(1234567))
print("Привет".upper(), "ǅ".lower(), "İ".lower(), len("İ".lower()), "ﬁ".upper())
print("a%sb" % ("%s",), "%(x)s%(x)s" % {"x": 1}, "%5.1f%%" % 99.44)
print("hello world".split("o"), "hello".split("l"), "a,b,c,".split(","), ",a".split(","))
print("CamelCaseString".swapcase(), "snake_case".title(), "hello\tworld".title(), "3rd".title(), "o'neil".capitalize())
print(repr("abc".splitlines()), repr("a\x0bb\x0cc\x1cd\x85e\u2028f".splitlines()))
print(str.maketrans("ab", "cd"), "abab".translate(str.maketrans("ab", "cd")))
try:
    str.maketrans("abc", "de")
except ValueError as e:
    print(e)
print("x".center(4, "ab") if False else "x".center(4, "a"), "ab".center(5, "-"), "ab".center(6, "-"), "abc".center(6, "-"))

# --- t44_string_methods2 ---
text = "The rain in Spain stays mainly in the plain"
words = text.split()
print(len(words), words[::3], " ".join(reversed(words)), text.count("ain"), text.lower().count("the"))
print(text.find("Spain"), text[text.find("Spain"):].split()[0], text.replace("ain", "AIN", 2))
freq = {}
for ch in text.lower():
    if ch.isalpha(): freq[ch] = freq.get(ch, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print("-".join(w.capitalize() for w in words[:3]), text.title()[:20], text.swapcase()[:10])
print([w for w in words if w.startswith(("s", "S"))], text.endswith("plain"), text.index("in"))
csv_line = 'name, age , city'
print([f.strip() for f in csv_line.split(",")], csv_line.split(", "))
print("{:<10}|{:^10}|{:>10}".format("L", "C", "R"))
for name, score in [("alice", 93.456), ("bob", 7.1)]:
    print(f"{name:<8}{score:>8.2f}")
print("%-8s%8.2f" % ("carol", 55.5))
table = [("a", 1), ("bb", 22), ("ccc", 333)]
w = max(len(k) for k, _ in table)
for k, v in table: print(k.ljust(w), str(v).rjust(4))
print("racecar" == "racecar"[::-1], "".join(sorted("listen")) == "".join(sorted("silent")))
print("Hello World".split(" ", 0) if False else "x", "a1b2c3".translate(str.maketrans("", "", "0123456789")))
print("abc".encode("utf-8").decode("utf-8"), "caf\u00e9".encode("utf-8"), len("caf\u00e9".encode("utf-8")))
print(str(12).rjust(5, "0"), "12".rjust(5, "0"), format(12, "05"), "%05.1f" % 2.25, f"{2.25:05.1f}")
print("a" < "B", "a".upper() < "B", sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.casefold))
print("x=1;y=2".split(";"), dict(p.split("=") for p in "x=1;y=2".split(";")))
print("  indented".expandtabs(), "\tx".expandtabs(8).index("x"), "col1\tcol2\tcol3".expandtabs(6))
print("hello"[1:-1], "hello"[-3:], "hello"[:-10], "hello"[10:], "h" * 3 + "i")
s = "abcdefghij"
print(s[2:8:2], s[8:2:-2], s[::-3], s[-1::-4], s[100::-1][:3])
print("%s has %d items totaling $%.2f" % ("cart", 3, 19.999))
print("Name: {0:>8s} | Value: {1:08.3f} | Hex: {2:#06x}".format("test", 3.14159, 255))
print("{:,.2f}".format(1234567.891), "{:.1%}".format(0.4567), "{:e}".format(0.000123), "{:+.3g}".format(123456))
print("{0!r} {0!s} {0!a}".format("ü"), "{:>{}}".format("x", 4), "{:{}{}}".format(3, "<", 4) + "|")
print(str(True).lower(), repr(str), "True".lower() == "true", "5".isnumeric(), "-5".isnumeric(), "5.0".replace(".", "", 1).isdigit())
print("The End".center(21, "="))

# --- u11_strings_more ---
s = "Hello, World! Hello!"
print(s.count("Hello"), s.index("World"), s.rindex("Hello"), s.find("!", 13), s.split("Hello"), s.rsplit("!", 1))
print(s.startswith("World", 7), s.endswith("!", 0, 13), s.partition("!"), s.casefold(), s.lower().islower())
print("a-b-c".split("-", -1), "a b\tc\nd".split(None, 2), "  lead".split(" "), "x,,y".split(","), "".join(reversed("abc")))
print("%s|%-6s|%6s|%06.2f|%+d|%x|%X|%o|%e|%g|%c" % ("s", "l", "r", 3.14159, 5, 255, 255, 8, 1234.5, 0.00001, 97))
print("{:^11}".format("centre"), "{:=^11}".format(" x "), "{:<5d}|".format(42), "{:#010b}".format(5), "{:+.2e}".format(12345.678))
print("{0[0]}{0[1]}{1[a]}".format("xy", {"a": "z"}), "{x.real:.1f}".format(x=2.5), "{!r}".format([1, "a"]))
print("tab\tend".expandtabs(4), repr("x\ty".expandtabs(1)), "\t\t".expandtabs(3) == " " * 6)
print("abc".zfill(6), "-3.5".zfill(7), "+".zfill(3), "12".center(7, "0"), "ab".ljust(5, "*"), "ab".rjust(1))
print("Hello".translate(str.maketrans("lo", "01")), "abc".translate({97: "AA", 98: None}), str.maketrans("a", "b", "c"))
print("ａｂｃ".upper(), "ǈ".title(), "ß".upper(), "ΣΑΣ".lower(), "İ".casefold(), "ﬀ".casefold())
print(" x ".isspace(), "\u2003".isspace(), "Ⅷ".isnumeric(), "٣".isdecimal(), "x²".isalnum(), "_".isidentifier(), "1a".isidentifier())
print("one two three".title(), "ONE".istitle(), "One Two".istitle(), "one".capitalize(), "ONE TWO".capitalize())
words = "the quick brown the lazy the end".split()
print(max(set(words), key=words.count), sorted(set(words), key=words.index), words.count("the"))
print("a" * 3 + "b" * 2, "-" * 20, "=" * 0, "ab" in "cabd", "" in "x", "x" not in "")
multi = """line one
    line two
line three"""
print(multi.splitlines(), [l.strip() for l in multi.split("\n")], len(multi))
print(str(b"bytes", "utf-8"), bytes("str", "ascii"), "café".encode("utf-8").decode("latin-1"), "naïve".encode("ascii", "replace"))
print(ord("😀"), chr(128512), "😀".encode("utf-8"), len("😀".encode("utf-16")), "a😀b"[1], "a😀b"[::-1])
print("%(name)s is %(age)d years" % {"name": "Al", "age": 30}, "%5.1f%%" % 12.345, "%-5d|" % 3, "%.3s" % "abcdef")
print(f"{'left':<10}|{'right':>10}|{'center':^10}|", f"{3.14159:.2f}", f"{1000000:,}", f"{0.25:.0%}", f"{42:08.3f}")
print("abc" < "abd" < "b", "Z" < "a", "apple" > "app", min("hello", "help", "hell"), sorted(["10", "9", "100"]))

# --- t19_bytes ---
b = b"hello world"
print(b.upper(), b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b[0], b[-1], b[1:3], b[::-1])
print(b.startswith(b"he"), b.endswith(b"ld"), b.strip(b"hd"), b"  x ".strip(), b.title(), b.capitalize(), b.center(15, b"*"), b.ljust(13, b"."), b.zfill(13))
print(b.hex(), b.hex(":"), bytes.fromhex("deadbeef"), b"abc".hex("-", 1), list(b"abc"), bytes([65, 66]), bytes(3), bytes("é", "utf-8"))
print(b.partition(b" "), b.rpartition(b"o"), b" ".join([b"a", b"b"]), b.isalpha(), b"123".isdigit(), b.islower(), b"abc".isalnum())
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 65; ba += b"!"
print(ba, len(ba), ba.pop(), ba, ba.decode(), bytes(ba), ba.find(b"c"))
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
print(ba, ba.upper(), ba.reverse() or ba, bytearray(3), bytearray([1, 2]))
ba.insert(0, 48); ba.remove(ord("X")); print(ba)
print(b"a" + b"b", b"ab" * 2, b"a" in b"abc", 97 in b"abc", b"abc" < b"abd", b"abc" == bytearray(b"abc"))
print(repr(b"\x00\x01\x7f\x80\xff"), repr(bytearray(b"\n")), str(b"'\""), b"a'b", b'a"b')
print(b"%s-%d-%x" % (b"x", 5, 255), b"%5s|" % b"ab", b"%c" % 65, b"%r" % b"x" if False else b"%b" % b"z")
print(b"a,b,,c".split(b","), b"a b".split(None), b"x\ny".splitlines(), b"abc".translate(None, b"b"), b"abc".translate(bytes.maketrans(b"a", b"z")))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\xff", "big", signed=True), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(e)
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    ba[0] = 300
except ValueError as e:
    print(e)
print(b"abc".decode("ascii"), b"\xe2\x82\xac".decode("utf-8"), "€".encode("utf-8"), b"abc".expandtabs(), b"a\tb".expandtabs(4))
print(b"Hello".swapcase(), b"hello".removeprefix(b"he"), b"x".rjust(3, b"0"), b"abc".index(b"c"), b"aXbXc".rsplit(b"X", 1))
print(bytes.fromhex("00ff"), bytearray.fromhex("01 02"), b"".join([bytearray(b"a"), b"b"]), type(bytearray(b"a") + b"b").__name__)
print(sorted(b"cab"), max(b"abc"), sum(b"\x01\x02"), list(reversed(b"ab")), b"abc"[::2], tuple(b"ab"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], b"abc".count(b""), b"".split(b","), b"  ".split())

# --- t52_slicing ---
a = list(range(10))
print(a[::-1], a[-3:], a[:-3], a[2:8:3], a[8:2:-3], a[-1:-11:-2], a[100:], a[-100:3], a[3:1], a[::100])
b = a[:]
b[2:5] = ["x"]
print(b)
b[::3] = [0] * len(b[::3])
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(e)
c = list(range(6))
c[1:1] = [9, 9]
print(c)
c[-2:] = []
print(c)
del c[::2]
print(c)
c[:] = "abc"
print(c)
s = slice(1, None, 2)
print(a[s], "abcdef"[s], (1, 2, 3, 4)[s], s.start, s.stop, s.step, repr(s))
t = tuple(range(5))
print(t[::-2], t[1:-1], t[-2::-1])
r = range(0, 20, 2)
print(r[::-1], r[2:5], r[::3], list(r[-3:]), r[1:-1:2])
s2 = "Hello, World"
print(s2[7:], s2[:5][::-1], s2[-5:-1], s2[::-1].upper(), s2[3:3] == "")
ba = bytearray(b"abcdef")
ba[::2] = b"XYZ"
print(ba, ba[::-1], bytes(ba[1:4]))
class Sliceable:
    def __getitem__(self, k):
        return k
sl = Sliceable()
print(sl[1:2], sl[::], sl[1:2, 3], sl[...], sl[:, None], sl[1, ...])
m = [[1, 2, 3], [4, 5, 6]]
print([row[1:] for row in m], m[1][::-1], m[::-1][0][0])
x = [1, 2, 3]
x[len(x):] = [4, 5]
print(x)
x[-1:-1] = [99]
print(x)
print([1, 2, 3][-1:0:-1], [1, 2, 3][0:-1:-1], "abc"[-1:-4:-1], "abc"[2::-1])
print(a[slice(-3, None)], a[slice(None, None, -3)], slice(1, 5).indices(3), slice(None, None, -1).indices(4))
try:
    a[::0]
except ValueError as e:
    print(e)
try:
    a["x"]
except TypeError as e:
    print(e)
try:
    "abc"[1.5]
except TypeError as e:
    print(e)
try:
    (1, 2)["a":]
except TypeError as e:
    print(e)

# --- u02_textproc ---
import re
from collections import Counter, defaultdict
log = """2024-01-01 10:00:01 INFO user=alice action=login
2024-01-01 10:05:22 WARN user=bob action=failed_login attempts=3
2024-01-01 10:06:00 INFO user=bob action=login
2024-01-01 11:00:00 ERROR user=carol action=crash code=500
2024-01-02 09:00:00 INFO user=alice action=logout"""
pat = re.compile(r"(?P<date>\S+) (?P<time>\S+) (?P<level>\w+) (?P<rest>.*)")
by_level = Counter()
users = defaultdict(list)
for line in log.splitlines():
    m = pat.match(line)
    if not m:
        continue
    d = m.groupdict()
    by_level[d["level"]] += 1
    kv = dict(p.split("=", 1) for p in d["rest"].split())
    users[kv["user"]].append(kv["action"])
print(by_level.most_common())
print(dict(users))
print(sorted(users, key=lambda u: (-len(users[u]), u)))
dates = re.findall(r"^(\d{4})-(\d\d)-(\d\d)", log, re.M)
print(dates, len(set(dates)))
print(re.sub(r"user=(\w+)", lambda m: "user=" + m.group(1).upper(), log.splitlines()[0]))
words = re.findall(r"[a-z_]+", log.lower())
print(Counter(words).most_common(3))
print(re.split(r"\s+(?=\d{4}-)", log.replace("\n", " "))[:2])
table = [line.split() for line in log.splitlines()]
widths = [max(len(row[i]) for row in table if i < len(row)) for i in range(4)]
for row in table[:3]:
    print(" | ".join(c.ljust(w) for c, w in zip(row, widths)))

