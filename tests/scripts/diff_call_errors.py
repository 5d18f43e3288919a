def f(a, b=1, *, c): pass
class K:
    def m(self, x): pass
    @classmethod
    def cm(cls, y): pass
    @staticmethod
    def sm(z): pass
tests = [
    lambda: f(), lambda: f(1), lambda: f(1, 2, 3, c=1), lambda: f(1, c=1, d=2), lambda: K().m(), lambda: K().m(1, 2),
    lambda: K.cm(), lambda: K.sm(), lambda: K.m(1), lambda: K(1), lambda: object(1), 
    lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: isinstance(1), lambda: sorted([1], key=1),
    lambda: [].append(), lambda: {}.get(), lambda: "".join(), lambda: "".split(1), lambda: "a".replace("a"),
    lambda: (lambda x: x)(), lambda: (lambda *, k: k)(1), lambda: divmod(1), lambda: range(), lambda: range(1, 2, 3, 4),
    lambda: dict(1), lambda: list(1, 2), lambda: str(1, 2, 3, 4), lambda: int(1, 2), lambda: float(1, 2),
    lambda: min(1, 2, key=1), lambda: max(), lambda: sum(1), lambda: zip(1), lambda: map(len), lambda: enumerate(),
    lambda: getattr(1), lambda: setattr(1, "a"), lambda: hasattr(1), lambda: "abc".startswith(1), lambda: "abc".center(),
    lambda: [1, 2].index(), lambda: print(sep=1), lambda: open(), lambda: iter(),
    lambda: f(1, 2, c=3, **{"c": 4}), lambda: "{}".format(**{"a": 1}) and "{a}{b}".format(a=1),
    lambda: next(iter([]), 1, 2), lambda: round(1.5, 1, 1), lambda: pow(), lambda: chr(), lambda: chr("a"),
    lambda: hash(1, 2), lambda: [].sort(1), lambda: sorted(), lambda: reversed(1), lambda: tuple(1),
]
for t in tests:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
