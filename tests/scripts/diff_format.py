# --- t04_fstring ---
import math
x = 3.14159
n = 1234567
s = "hi"
print(f"{x:.2f} {x:10.3f}| {x:<10.1f}| {x:^10.2f}| {x:+.1e} {x:%}")
print(f"{n:,} {n:_} {n:_x} {n:#x} {n:#o} {n:#b} {n:08d} {n:>12,}")
print(f"{s!r} {s!s} {s!a} {'é'!a} {s:>5} {s:*^7} {s:<4}|")
print(f"{n=} {x = :.1f} {s=!r}")
print(f"{{literal}} {n:{'>'}{10}}")
width, prec = 12, 3
print(f"{x:{width}.{prec}}|")
print(f"{-5:05d} {5:+d} {5: d} {-0.0:.1f} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
print(f"{1e20:g} {1e-5:g} {123456789.0:g} {0.0001:g} {1.0:g} {100000.0:g} {1e16:.3g}")
print(f"{255:X} {255:c}" if False else f"{255:X} {65:c}")
print(f"{3.0:n} {1234.5:,.2f} {0.000123:.2e} {float('inf'):f} {float('nan'):.2f} {-float('inf'):e}")
print(f"{'abc':.2} {'abc':5.1}|")
print(f"{True} {True:d} {None!r} {[1, 'a']} {(1,)!s}")
print(f"{12.5:=+10.2f} {-12:=8} {12:=^8}")
print(f"{1/3:.15g} {2/3!r} {1e300*10}")
d = {"k": [1, 2]}
print(f"{d['k'][1]} {d!r}")
print(f"{'nested {}'.format(1)} {f'{n:,}'}")
print(f"{x!r:>20}")
print("{:>{w}}|{:^{w}}|".format("a", "b", w=5))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age:d}".format(name="Bob", age=30))
print("{0[1]} {1.real} {d[k]}".format([1, 2], 3j, d={"k": "v"}))
print("{!r:>6}".format("x"))
print("%s %r %d %5.2f %-5s| %05d %x %o %e %c %%" % ("a", "b", 3, 2.5, "l", 42, 255, 8, 12345.678, 65))
print("%(a)s-%(b)03d" % {"a": 1, "b": 2})
print("%10.4s|%-10s|" % ("abcdefg", "x"))
print("%+d % d %i %u" % (5, 5, 5, 5))
print("%.3g %g %G" % (0.0001234, 1e20, 1e-20))
print("%#x %#o %X" % (255, 8, 255))
print(format(1234.5678, ",.2f"), format(42, "b"), format("x", "^5"), format(3, ""))
print(format(12345678901234567890, ","), format(-1.5, "e"), format(0.1, ".20f"))
print(f"{1e100:.2e} {123.456:.0e} {1.0:.0%}")
print(f"{10**20:.3e} {2**70:d}")
class W:
    def __format__(self, spec):
        return f"W[{spec}]"
print(f"{W():abc} {W()!s:>3}" if False else f"{W():abc}")
print(format(W(), "zz"))
try:
    f"{5:q}"
except ValueError as e:
    print(e)
try:
    "{:d}".format("x")
except ValueError as e:
    print(e)
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(repr(e))
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print(e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print(e)
print(f"{'a' 'b'}" f"c" "d")
print(f"""multi
{x:.1f}""")
print(f"{3:>{2+2}}|")
print(f"{[i*i for i in range(4)]}")
print(f"{'x' if n > 5 else 'y'}")
print(f"{n:#_b}")
print(f"{1234.5:_.1f}")
print(f"{float(1234567):,}")
print(f"{0.1+0.2}")
print(f"{1e16} {1.5e-7} {123456789012345678.0} {1e22} {1.0e15}")
print(f"{math.pi:.50f}")
print("{:,d}".format(-1234567))
print("{:%Y}".format(__import__("datetime").date(2024, 1, 2)))

# --- t46_formatting_numbers ---
vals = [0.0, 1.0, -1.0, 3.5, -2.25, 1e-10, 123456.789, 1/7, 2.0**53, 1e16, float(2**63)]
for v in vals:
    print(repr(v), str(v), f"{v:.3}", f"{v:g}", f"{v:10.4g}|", f"{v:e}", f"{v:.0f}" if abs(v) < 1e20 else "")
for v in [0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 1.25]:
    print(v, round(v), round(v, 1), f"{v:.0f}", f"{v:.1f}", "%.1f" % v, format(v, ".2%"))
print(f"{1234567.0:,.0f} {-1234.5:,} {0.1:.30f} {1e-30:.3e} {123.0:.0e}")
print(f"{12:#b} {12:#o} {12:#x} {12:#X} {-12:#x} {12:c}" if False else f"{12:#b} {12:#o} {12:#x} {12:#X} {-12:#x}")
print(f"{3.14159:08.3f} {-3.14:08.2f} {3:+06d} {'s':0>4} {42:<06}")
print(f"{1e6:,.1f} {1e6:_.1f} {1234:,d} {-0.0:+.1f} {0.0:-.1f} {float('nan'):+f} {float('inf'):+.1f}")
print(f"{100:%} {0.5:.0%} {1/3:.3%}")
print(f"{2**70:,} {-2**70:_x} {2**70:e}")
print(f"{5:=10} {-5:=+10} {5.5:=10.1f}")
print(f"{'abc':^9} {'abc':-^9} {'abc':.^10}")
print(format(1.0, ""), format(1e20, ""), format(1.5e-5, ""), format(123.456, ".2"), format(0.00001, ".3"), format(100.0, ".3"))
print(format(1234.5, "n"), format(10, "n"), format(1e300, ".3g"), format(1.23456e-300, ".4"))
print(str(1.0e16), str(9999999999999998.0), str(0.0001), str(0.00001234), repr(1.23e-5), str(123e18), str(-1e-100))
print(int(1e15), int(1.5e15), float("0.1") * 3, 0.1 * 3, 1.1 + 2.2, 3 * 1.1, 1 / 3 * 3)
print(7 / 2, 7 // 2, -7 / 2, 2 ** 0.5, 10 ** -2, 10.0 ** 20, 10 ** 20.0 if False else 1e20, 4 ** 0.5)
print(float(2**1023) * 2 == float("inf"), 2.0 ** 1023, (2**53 + 1) * 1.0, int(2**53 + 1.0))
try:
    float(2 ** 1024)
except OverflowError as e:
    print(e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
print(10 ** 400 // 10 ** 399, len(str(2 ** 1000)), str(3 ** 50), -(2 ** 65) // 3, (2 ** 65) % -7, divmod(-(2 ** 65), 7))
print(1e400 if False else 1e308 + 1e308, -1e308 - 1e308, float("inf") - float("inf"), 0.0 * float("inf"))
print(hash(0.5) == hash(0.5), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(1.5), hash(float("inf")))
print(round(1234.5678, 2), round(-1234.5678, -2), round(5e-324, 5), round(2.5e-5, 5), round(123.456, -1))
print(complex(1, 2) + 1, complex(3.0, -0.0), (1+1j) ** 2, (1j).real, (1j).imag, (3+4j).conjugate(), complex("3"), repr(complex(1.5, 1e20)))
print(int("12345678901234567890"), int(" -99 "), int("0010"), float("1e-400"), float("-0"), float("  1.5\n"))

# --- t63_formatter ---
import string
f = string.Formatter()
for t in ["a{0}b{x!r:>3}", "{{x}}", "a{{b", "}}c{{", "{}{}", "{0:{1}}", "{a.b[0]}", "", "plain", "{:>{w}}", "x{0[key]}y", "{!s}"]:
    print(repr(t), list(f.parse(t)))
print(f.format("{0}-{x}", 1, x=2), f.format("{:>{}}", "a", 4), f.format("{0.real}", 3j), f.format("{0[1]}", [5, 6]), f.format("{}{}", 1, 2))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}>"
        return super().get_value(key, args, kwargs)
print(Upper().format("{greeting}, {name}! {0:x}", 255, greeting="hi"))
for bad in ["{", "}", "{0", "{0!}", "{0!rx}", "{}{0}", "{0}{}"]:
    try:
        print(f.format(bad, 1, 2))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

# --- t49_printing ---
import sys
print("a", "b", sep="", end="!\n")
print("x", 1, None, sep=", ")
print()
print(end="")
print("no newline", end=" ")
print("same line")
print(*range(5), sep=" | ")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print(sys.stdout.write("abc") if False else "")
print("multi\nline")
print(repr("tab\there"), "tab\there")
print(1, 2.0, 3j, True, None, [1], (1,), {1}, {1: 1}, "s", b"b", sep="\n")
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
print("flush", flush=True)
import io
buf = io.StringIO()
print("into buffer", 42, file=buf)
print(repr(buf.getvalue()))
buf2 = io.StringIO("line1\nline2\nline3")
print(buf2.readline(), buf2.read(3), buf2.readlines())
print(list(io.StringIO("a\nb")), io.StringIO("x").read(), io.BytesIO(b"xy").read(1))
b = io.BytesIO(); b.write(b"abc"); print(b.getvalue(), b.tell()); b.seek(0); print(b.read())
print("%s" % None, str(None), f"{None}", format(None, ""), repr(None))
print("€", "日本語", "\u00e9", "😀", len("😀"))

