import textwrap
text = ("The quick brown fox jumps over the lazy dog.  It was a well-known, long-winded "
        "tale--told in many countries--about an extraordinarily supercalifragilistic animal. "
        "Pack\tmy box with five dozen liquor jugs!  Done.")
for w in [1, 5, 10, 17, 30, 45, 70]:
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 20, break_long_words=False))
print(textwrap.wrap(text, 12, break_on_hyphens=False))
print(textwrap.wrap(text, 15, drop_whitespace=False))
print(textwrap.wrap(text, 30, fix_sentence_endings=True))
print(textwrap.wrap("a\tb\tc", 80, expand_tabs=False), textwrap.wrap("a\tb\tc", 80, tabsize=4))
print(textwrap.wrap("x\ny\n z", 80, replace_whitespace=False))
for w in [10, 15, 20, 40, 80]:
    print(repr(textwrap.shorten(text, w)), repr(textwrap.shorten(text, w, placeholder="...")))
for m in [1, 2, 3]:
    print(textwrap.wrap(text, 20, max_lines=m))
    print(textwrap.wrap(text, 20, max_lines=m, placeholder=" ~"))
print(textwrap.wrap("aaaa bbbb cccccccccccccc", 10, max_lines=2))
print(textwrap.wrap("hello     ", 5, max_lines=1, placeholder="..."))
print(textwrap.wrap("well-known-very-long-hyphenated-word", 10))
print(textwrap.wrap("----------x", 4), textwrap.wrap("", 10), textwrap.wrap("   ", 10))
for bad in [dict(width=0), dict(width=5, max_lines=1, placeholder=" [........]")]:
    try:
        textwrap.wrap("abc def", **bad)
    except ValueError as e:
        print("ValueError", e)
print(repr(textwrap.dedent("    a\n      b\n\n    c\n  \n")), repr(textwrap.dedent("\ta\n  b")))
print(repr(textwrap.indent("a\n\nb\n  \nc", "> ")), repr(textwrap.indent("a\nb", "+", lambda l: True)))
w = textwrap.TextWrapper(width=12, initial_indent="-> ")
print(w.wrap("one two three four five"), w.fill("alpha beta"))
