# --- t12_repr ---
print(0.1, 1/3, 1e16, 1e15, 123456789.123456789, 1e-4, 1e-5, 2.0, -0.0, float("inf"), float("-inf"), float("nan"))
print(repr(1.1), str(2.5e-10), 1e300 * 1e10, 3.0 * 1.1, 100.0, 1e22, 1.7976931348623157e308, 5e-324)
print([1.0, 2.5, None, True, "s", 'q"', "it's", b"b", b"\x00\xff'", bytearray(b"x")])
print({"a": [1, {"b": (2,)}], 3: {4, }, (1, 2): frozenset({5})})
print((), (1,), [()], {}, set(), frozenset(), [[]], {1: {}})
a = [1, 2]; a.append(a); print(a)
d = {"k": 1}; d["self"] = d; print(d)
b = [a, a]; print(len(repr(b)))
print(repr("a\nb\tc\\d\x00\x7f\u00e9\u2603\U0001F600"), repr("'"), repr('"'), repr("'\""))
print(str(b"abc"), repr(b"\n\t\r"), repr(bytes(range(0, 256, 37))))
print(repr(1+2j), 1j, -1j, complex(0, 0), complex(-0.0, 1), (1+2j) * (3-1j), 2j ** 2, complex("1+2j"), abs(3+4j))
print(range(5), range(1, 5), range(1, 5, 2), range(0), slice(1, 2), slice(None, 5, -1))
print(type(1), type("s"), type(None), type(print), type(len), int, object, type)
print(repr(None), repr(NotImplemented), repr(Ellipsis), ...)
print(12345678901234567890123 * 2, -2 ** 64, 0x7fffffffffffffff + 1, 10 ** 30 // 7)
print(float(10 ** 20), int(1e20), int(-2.9), int("  42  "), int("-0"), round(2.5), round(3.5), round(-0.5))
print(round(2.675, 2), round(1.005, 2), round(12345, -2), round(15, -1), round(25, -1), round(0.125, 2), round(1e300, 2))
print(round(5.5), type(round(5.5)), type(round(5.5, 0)), round(-1.5), round(7, 1))
print(str(1e-7), str(0.00001), 1e7, 12345678912345.0, 1234567891234567.0, 12345678912345678.0)
print(float("1_000.5"), float(" -3.5e2 "), float("infinity"), float("-nan"), int("1_000"), int("0x1f", 16), int("0b101", 0), int("0o17", 0), int("z", 36), int("077", 8))
for bad in ["", "1.5", "abc", "0x1f"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
try:
    float("x1")
except ValueError as e:
    print(e)
try:
    int("08", 0)
except ValueError as e:
    print(e)
print(int(True), int(3.99), int("٣"), float(" 1e3"), int(b"12") if False else 0)
print(hex(255), oct(8), bin(5), hex(-255), bin(-5), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((10).bit_length(), (-1).bit_length(), (5).bit_count() if hasattr(int, "bit_count") else 2, (3.5).as_integer_ratio(), (0.5).is_integer(), (1.0).hex(), float.fromhex("0x1.8p1"))
print(divmod(7.5, 2), 7.5 % -2, -0.0 == 0.0, 0.1 + 0.2 == 0.3, 1e16 + 1, 2 ** 0.5)
print(repr(3.0), repr(-3.0e-3), 1.5e300 * 1.5e300 - 1.5e300 * 1.5e300)
import math
print(math.inf, -math.inf, math.nan, math.pi, math.e, math.tau)
print([1, 2][::-1], "hello"[::-2], "hello"[4:1:-1], "hello"[-1:-6:-1], [0, 1, 2, 3, 4, 5][5:0:-2], "abc"[10:], "abc"[-10:2], (1, 2, 3)[::-1])
print(list(range(10))[slice(2, 8, 3)], range(10)[::-3], range(10)[2:5], list(range(10, 0, -3)), range(0, 10, 3)[-1], len(range(0, 10, 3)))
print(str([1, "a"]), str(("x",)), repr({"a"}), str(frozenset([1])))
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(0j), bool(None), bool(range(0)))
class R:
    def __repr__(self): return "R()"
print([R()], (R(),), {R(): R()} if False else {1: R()}, {R()} if False else "")
print(str(object).startswith("<class"), repr(int), repr(R), repr(len))

# --- u05_edge_numbers ---
import sys
try:
    s = str(10 ** 5000)
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(len(str(10 ** 4000)), sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300)
print(int("1" * 4300) % 97)
print(hex(10 ** 5000)[:10], format(10 ** 50, "x"))
print(2 ** 0.5 * 2 ** 0.5, 10 / 3, -10 / 3, 10 // -3, 10 % -3, -10 % 3, 2 ** 63, -2 ** 63, 2 ** 64 // 3)
print(float("1e500"), float("-1e500"), 1e-500, 5e-324 / 2, (0.1).hex(), float.fromhex("0x1p-1074"))
print(round(0.5 + 1e-16), round(2.675 * 100) / 100, int(2.5 + 0.5), int(-0.5), round(-2.5), round(1e15 + 0.5))
print(7 .bit_length(), (255).to_bytes(1, "little"), int("  -0b1010 ", 0), int("+0o777", 0), int("0_0", 0))
print(abs(-0.0), -0.0, 0.0 == -0.0, str(-0.0), repr(-0.0 * 1), max(0.0, -0.0), min(-0.0, 0.0))
print(1e16 == 10 ** 16, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 16 + 1 > 1e16, float(10 ** 16 + 1) == 1e16)
print(sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3)
import math
print(math.floor(-0.0), math.ceil(-0.5), round(-0.4), math.trunc(-0.9), math.isqrt(10 ** 20), math.gcd(2 ** 100, 6 ** 50))
print(f"{10 ** 20:,}", f"{-1234567.891:,.2f}", f"{0.000001234:.3g}", f"{123456789:e}", f"{1.5:08.3e}")
print(divmod(10 ** 30, 7), pow(10, 30, 7), pow(3, 10 ** 5, 10 ** 9 + 7), (-7) ** 0.5 if False else "")
print(int.from_bytes(bytes(range(20)), "big"), (2 ** 100).to_bytes(13, "big"))
print(complex(1, 1) ** 0.5, (1 + 2j) / (3 - 4j), abs(-3 + 4j), (2j) ** 0, 0j ** 0)
print(True + 1.5, True / 2, 3 * True, True << 3, ~False, True & 2, bool(-1), int(False))
print(0.1 * 3 == 0.3, round(0.1 * 3, 15) == round(0.3, 15), 1 / 3 + 1 / 3 + 1 / 3 == 1.0)

# --- t64_fromhex ---
for s in ["0x1p-1074", "0x1.8p1", "-0x1.999999999999ap-4", "0x1.fffffffffffffp+1023", "inf", "-Infinity", "nan", "0x0p0", "1", "0x.8", "0x1.", " 0xA.Bp-2 ", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x3p-1076", "0x1p-1075", "0x1.8p-1074"]:
    print(s, float.fromhex(s))
for bad in ["", "0x", "0xg", "0x1p", "p1", "0x1.2.3", "0x1p1024", "0x2p1023"]:
    try:
        print(float.fromhex(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for f in [0.1, 5e-324, 1e308, -2.5, 0.0]:
    assert float.fromhex(f.hex()) == f
print("ok")

# --- t67_intinfo_code ---
import sys
print(sys.int_info, sys.int_info.bits_per_digit, sys.int_info[2])
def outer():
    a = 1; b = 2
    def inner():
        return a + b
    def other():
        nonlocal a
        a = 5
    return inner, other
i, o = outer()
print(i.__code__.co_freevars, outer.__code__.co_cellvars, o.__code__.co_freevars, (lambda: 0).__code__.co_freevars)

