# The str methods' search, format() and int() fast paths against CPython.

seps = ["a", "ab", "aa", "é", " ", ", ", "|"]
hays = ["", "aaa", "aaaa", "banana", "héllo wörld é éa", "a|b||c|", "x" * 70 + "xyz" + "a" * 70 + "aa"]
for h in hays:
    for s in seps:
        for m in (-1, 0, 1, 2):
            print(h.split(s, m), h.rsplit(s, m), h.replace(s, "§-", m))
        print(h.find(s), h.rfind(s), h.count(s), s in h, h.partition(s), h.rpartition(s))
        for a, b in ((-3, None), (1, -1), (4, 3), (0, 100)):
            print(h.find(s, a, b), h.rfind(s, a, b), h.count(s, a, b), h.startswith(s, a, b), h.endswith(s, a, b))
    print(h.replace("", "-", 2), "abc".startswith("", 3), "abc".startswith("", 4))


class S(str):
    pass


print(type(S("abc").replace("z", "y")), "-".join(("a", "b")), "".join(c for c in "abc"))
s = "abc"
print(s.replace("q", "r") is s)

for t in ["-0", "+12", " 42 ", "\t-7\n", "123456789012345678", "1234567890123456789",
          "99999999999999999999", "1_000", "", "-", "１２", "\u00a012", "12a", "007"]:
    try:
        print(repr(t), int(t))
    except ValueError as e:
        print(e)

for v in [0, -1, 42, 255, -123456, 2**63 - 1, -2**70, True]:
    for sp in ["", "d", "06d", ">5", "^7", "=+8", "#x", "X", "#o", "08b", ",", "_x", "012,", "*^9", "é>6", "c", ".2f", "g"]:
        try:
            print(v, sp, format(v, sp), f"{v:{sp}}")
        except (ValueError, OverflowError) as e:
            print(v, sp, type(e).__name__, e)

for v in [0.0, -0.0, 0.5, 2.5, 0.125, 1e-7, 5e-324, 123.456, -0.05, 0.045, 2.675, 1.005,
          2**53 - 1.0, 2**53 + 2.0, 1e22, 2229078458638994.25, 0.1 + 0.2]:
    print(repr(v), [format(v, sp) for sp in [".0f", ".1f", ".2f", ".4f", ".19f", ".20f", "10.3f", "z.1f", ".1%", ",.2f"]])


class Meta(type):
    def __instancecheck__(cls, inst):
        print("__instancecheck__", type(inst).__name__)
        return False


class A(metaclass=Meta):
    pass


# An exact type match does not ask __instancecheck__.
print(isinstance(A(), A), isinstance(1, A))
