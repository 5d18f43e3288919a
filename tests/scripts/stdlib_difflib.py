# difflib: SequenceMatcher blocks, opcodes and ratios, close matches,
# unified and context diffs, ndiff with guide lines.
import difflib

pairs = [('abxcd', 'abcd'), ('qabxcd', 'abycdf'), ('', ''), ('abc', ''), ('', 'abc'),
         ('private Thread currentThread;', 'private volatile Thread currentThread;'),
         ('the quick brown fox', 'the quack brown box jumps')]
for a, b in pairs:
    s = difflib.SequenceMatcher(None, a, b)
    print(repr(a), repr(b), s.get_matching_blocks(), s.get_opcodes())
    print(round(s.ratio(), 6), round(s.quick_ratio(), 6), round(s.real_quick_ratio(), 6), s.find_longest_match(0, len(a), 0, len(b)))
s = difflib.SequenceMatcher(lambda c: c == ' ', 'private Thread currentThread;', 'private volatile Thread currentThread;')
print(s.get_opcodes(), round(s.ratio(), 6), s.bjunk)
long_a = ['x'] * 150 + list('abcdefg') * 20
long_b = ['x'] * 160 + list('abcxefg') * 20
s = difflib.SequenceMatcher(None, long_a, long_b)
print(len(s.get_opcodes()), round(s.ratio(), 6), sorted(s.bpopular))
s = difflib.SequenceMatcher(None, long_a, long_b, autojunk=False)
print(len(s.get_opcodes()), round(s.ratio(), 6))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'whale', 'wheat', 'heel', 'wheels'], n=2, cutoff=0.5))
import keyword
print(difflib.get_close_matches('pritn', ['print', 'pront', 'sprint'] + keyword.kwlist))
for bad in [dict(n=0), dict(cutoff=1.5)]:
    try:
        difflib.get_close_matches('x', ['y'], **bad)
    except ValueError as e:
        print('ValueError', e)

old = ['one\n', 'two\n', 'three\n', 'four\n', 'five\n', 'six\n', 'seven\n', 'eight\n', 'nine\n', 'ten\n', 'eleven\n']
new = ['zero\n', 'one\n', 'two\n', 'three\n', 'FOUR\n', 'five\n', 'six\n', 'seven\n', 'eight\n', 'nine\n', 'ten\n', 'twelve\n']
print(''.join(difflib.unified_diff(old, new, fromfile='before.txt', tofile='after.txt')), end='')
print(''.join(difflib.unified_diff(old, new, 'a', 'b', '2024-01-01', '2024-01-02', n=1)), end='')
print(list(difflib.unified_diff(['a'], ['b'], lineterm='')))
print(list(difflib.unified_diff(['same\n'], ['same\n'])))
print(''.join(difflib.context_diff(old, new, fromfile='before.txt', tofile='after.txt')), end='')
print(''.join(difflib.context_diff(['a\n', 'b\n'], ['a\n'], n=0)), end='')
text1 = ['  1. Beautiful is better than ugly.\n', '  2. Explicit is better than implicit.\n',
         '  3. Simple is better than complex.\n', '  4. Complex is better than complicated.\n']
text2 = ['  1. Beautiful is better than ugly.\n', '  3.   Simple is better than complex.\n',
         '  4. Complicated is better than complex.\n', '  5. Flat is better than nested.\n']
diff = list(difflib.ndiff(text1, text2))
print(''.join(diff), end='')
print(''.join(difflib.restore(diff, 1)) == ''.join(text1), ''.join(difflib.restore(diff, 2)) == ''.join(text2))
print(list(difflib.Differ().compare(['abc\n', 'same\n'], ['abd\n', 'same\n', 'new\n'])))
print(list(difflib.ndiff(['tab\there\n'], ['tab\tthere\n'])))
print(list(difflib.diff_bytes(difflib.unified_diff, [b'a\n'], [b'b\n'], b'x', b'y')))
for bad in [lambda: list(difflib.unified_diff([1], ['a'])), lambda: list(difflib.unified_diff(['a'], ['b'], fromfile=1)),
            lambda: list(difflib.restore([], 3))]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(difflib.IS_LINE_JUNK('  #  \n'), difflib.IS_LINE_JUNK('code'), difflib.IS_CHARACTER_JUNK(' '), difflib.IS_CHARACTER_JUNK('x'))
