# Pattern.findall (native): match text, one group, tuples of groups, groups
# that did not take part, empty matches, pos/endpos, and the subject kinds.
import re

subjects = ["", "abc a1 b22 ccc", "héllo wörld 12 ééé", "x\U0001f600y\U0001f600z", "2024-05-06 a@b.com 1999-12-31"]
patterns = [r"\w+", r"a*", r"", r"(a)|(b)", r"(\d+)-(\d+)-(\d+)", r"(\w)(\w)?", r"\b", r"(?<=(l))o",
            r"(?P<w>\w)\w*", r"$", r"[^a-z ]+", r"(x)?y", r"\b\d{4}-\d\d-\d\d\b|\w+@\w+\.com", r"((a)|b)+"]
for s in subjects:
    for p in patterns:
        print(ascii((p, re.findall(p, s))))
        print(ascii(re.compile(p).findall(s, 2, 9)), ascii(re.compile(p).findall(s, 5)), ascii(re.compile(p).findall(s, -3, 100)))
for s in [b"abc a1 b22", b"\xff\xfea\x00 b"]:
    for p in [rb"\w+", rb"a*", rb"(a)|(\xff)", rb"\W", rb"(\w)(\d)?"]:
        print(re.findall(p, s), re.findall(p, bytearray(s)), re.compile(p).findall(memoryview(s) if False else s, 1, 6))
class S(str):
    pass
found = re.findall(r"\w+", S("one two"))
print(found, [type(x).__name__ for x in found])
print(re.findall(r"(?i)[A-Z]+", "MiXeD case ÉÈ"), re.findall("(?i)straße", "STRASSE straße"))
try:
    re.findall(r"\w", b"bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    re.findall(rb"\w", "text")
except TypeError as e:
    print("TypeError:", e)
