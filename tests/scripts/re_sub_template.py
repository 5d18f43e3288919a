# re.sub/re.subn with templates (native substitution): groups, empty
# matches, counts, non-ASCII and bytes subjects, str subclasses.
import re
subjects = ["", "aaa bbb aaa", "héllo wörld ééé", "x\U0001f600y\U0001f600", "2024-05-06 and 1999-12-31"]
patterns = [r"a", r"a*", r"", r"(a)|(b)", r"(\d+)-(\d+)-(\d+)", r"é+", r"\b", r"(?<=(l))o", r"(?P<w>\w+)", r"$", r"^", r"[^a-z]+", "\U0001f600", r"(x)?y"]
templates = ["_", "", r"<\g<0>>", r"[\1]", r"\1\2\n", "\U0001f600"]
for s in subjects:
    for p in patterns:
        for t in templates:
            for count in [0, 2, -1]:
                try:
                    print(ascii((p, t, count, re.subn(p, t, s, count))))
                except Exception as e:
                    print(ascii((p, t, count)), type(e).__name__, e)
for s in [b"abc aaa", b"\xff\xfea\x00"]:
    for p in [rb"a", rb"a*", rb"(a)|(\xff)", rb"\W"]:
        for t in [b"_", rb"[\1]", b"", rb"\g<0>\g<0>"]:
            try:
                print(re.subn(p, t, s), re.sub(p, t, bytearray(s), 1))
            except Exception as e:
                print(p, t, type(e).__name__, e)
class S(str): pass
r = re.sub("a", "b", S("aaa")); print(type(r).__name__, r)
r = re.sub("z", "b", S("aaa")); print(type(r).__name__, r)
x = "no match here"; print(re.sub("z", "y", x) is x)
print(re.sub("a", lambda m: m.group().upper(), "banana"))
