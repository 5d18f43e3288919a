# The re module: every function, Pattern and Match method, flags, syntax,
# lookarounds, backreferences, templates, split edge cases and errors.
import re


def show(label, value):
    print(label, '->', repr(value))


def err(label, f, *args):
    try:
        r = f(*args)
        print(label, '-> no error', repr(r))
    except re.error as e:
        print(label, '-> re.error:', e, '| msg=%r pos=%r lineno=%r colno=%r' % (e.msg, e.pos, e.lineno, e.colno))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


print('== module functions')
show('match', re.match(r'a+', 'aaab'))
show('match none', re.match(r'b', 'ab'))
show('fullmatch', re.fullmatch(r'a|ab', 'ab'))
show('fullmatch none', re.fullmatch(r'a', 'ab'))
show('search', re.search(r'(\d+)-(\d+)', 'tel 123-456 x'))
show('findall', re.findall(r'\d+', 'a1b22c333'))
show('findall 1 group', re.findall(r'(\w)\d', 'a1b2c'))
show('findall groups', re.findall(r'(\w)(\d)?', 'a1b'))
show('finditer', [m.span() for m in re.finditer(r'\w+', 'ab cd  e')])
show('sub', re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@example bob@test'))
show('sub count', re.sub('a', 'b', 'aaaa', 2))
show('sub count kw', re.sub('a', 'b', 'aaaa', count=1))
show('subn', re.subn(r'\s+', ' ', 'a  b \t c'))
show('sub callable', re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'))
show('sub empty matches', re.sub('x*', '-', 'abxd'))
show('subn empty', re.subn('', '-', 'abc'))
show('split', re.split(r'\s*,\s*', 'a , b,c'))
show('split groups', re.split(r'(,)(\s)?', 'a, b,c'))
show('split maxsplit', re.split(',', 'a,b,c,d', 2))
show('split maxsplit kw', re.split(',', 'a,b,c,d', maxsplit=1))
show('split empty pattern', re.split('', 'abc'))
show('split word boundary', re.split(r'\b', 'hi there'))
show('split x*', re.split(r'x*', 'axbc'))
show('split no match', re.split('z', 'abc'))
show('split empty string', re.split('a', ''))
show('escape', re.escape('a.b*c? d-e_f'))
show('escape bytes', re.escape(b'1+1=2'))
show('findall |a', re.findall('|a', 'a'))
show('purge', re.purge())

print('== pattern objects')
p = re.compile(r'(?P<key>\w+)=(?P<value>\d+)?')
show('repr', p)
show('pattern', p.pattern)
show('flags', p.flags)
show('groups', p.groups)
show('groupindex', dict(p.groupindex))
show('match pos', p.match('x a=1', 2))
show('search pos endpos', p.search('a=1 bb=22 c=3', 4, 8))
show('fullmatch endpos', p.fullmatch('k=12xyz', 0, 4))
show('findall pos', p.findall('a=1 b= c=3', 3))
show('finditer endpos', [m.group() for m in p.finditer('a=1 b=2 c=3', 0, 7)])
show('sub', p.sub(r'\g<value>:\g<key>', 'a=1 b=2'))
show('split', re.compile(r'[;,]').split('a;b,c'))
show('repr flags', re.compile('a', re.I | re.M))
show('repr all flags', re.compile('a', re.X | re.I | re.S | re.M | re.A))
show('repr bytes', re.compile(b'a+', re.I))
show('repr inline', re.compile('(?i)a'))
show('repr long', re.compile('x' * 210))
show('cached', re.compile('abc') is re.compile('abc'))
show('compile pattern', re.compile(p) is p)
show('equal', re.compile('a') == re.compile('a'))
show('type', type(p))

print('== match objects')
m = re.search(r'(?P<first>\w+) (?P<last>\w+)(?P<x>!)?', 'hello John Smith.')
show('repr', m)
show('group()', m.group())
show('group(0)', m.group(0))
show('group(1, 2)', m.group(1, 2))
show('group name', m.group('last'))
show('group mixed', m.group('first', 2, 'x'))
show('getitem', (m[0], m[1], m['last']))
show('groups', m.groups())
show('groups default', m.groups('-'))
show('groupdict', m.groupdict())
show('groupdict default', m.groupdict(''))
show('start end', (m.start(), m.end(), m.start(2), m.end('last'), m.start('x'), m.end(3)))
show('span', (m.span(), m.span(1), m.span('x')))
show('lastindex', m.lastindex)
show('lastgroup', m.lastgroup)
show('re', m.re)
show('string', m.string)
show('pos endpos', (m.pos, m.endpos))
show('regs', m.regs)
show('expand', m.expand(r'\2, \g<first>\g<x> [\g<0>]'))
show('bool', bool(m))
show('lastindex nested', re.match(r'((a)b)', 'ab').lastindex)
show('lastindex none', re.match(r'a', 'a').lastindex)
show('lastgroup unnamed', re.match(r'(a)', 'a').lastgroup)
err('no such group', m.group, 4)
err('no such group name', m.group, 'nope')
err('no such group index', m.start, -1)

print('== syntax')
tests = [
    (r'a*', 'aaa'), (r'a*?', 'aaa'), (r'a+?', 'aaa'), (r'a??b', 'ab'), (r'a{2}', 'aaaaa'),
    (r'a{2,}', 'aaaaa'), (r'a{,2}', 'aaa'), (r'a{1,2}?', 'aaa'), (r'x{', 'x{'), (r'x{a}', 'x{a}'),
    (r'x{}', 'x{}'), (r'[a-c]+', 'xabcabd'), (r'[^a-c]+', 'abxyzc'), (r'[]a]+', ']a]'), (r'[^]a]', ']ab'),
    (r'[a-]+', 'a-a'), (r'[\d\s]+', 'a1 2b'), (r'[.]', 'a.'), (r'\x41\u0042\103\0', 'ABC\0'),
    (r'\t\n\\', '\t\n\\'), (r'\d+', 'ab123'), (r'\D+', '12ab3'), (r'\w+', 'naïve café'),
    (r'\W+', 'ab, cd'), (r'\s+', 'a \t\nb'), (r'\S+', '  ab '), (r'\bfoo\b', 'foobar foo'),
    (r'\Bar', 'bar ar'), (r'\Aab', 'ab'), (r'ab\Z', 'ab\n'), (r'ab$', 'ab\n'), (r'^b', 'a\nb'),
    (r'.+', 'a\nb'), (r'a|ab|abc', 'abc'), (r'(?:ab)+', 'ababa'), (r'(a)(b)?(c)', 'ac'),
    (r'(?#a comment)x', 'x'), (r'é+', 'éé'), (r'[α-ω]+', 'αβγ abc'),
]
for pat, s in tests:
    mm = re.search(pat, s)
    print('%-14r %-14r' % (pat, s), mm and (mm.span(), mm.group(), mm.groups()))

print('== flags')
show('I', re.findall(r'[a-c]+', 'AbC xBz', re.I))
show('IGNORECASE literal', re.match('hello', 'HeLLo', re.IGNORECASE))
show('I unicode', re.match('é', 'É', re.I))
show('I ascii', re.match('é', 'É', re.I | re.A))
show('M', re.findall(r'^\w', 'ab\ncd\nef', re.M))
show('MULTILINE $', re.findall(r'\w$', 'ab\ncd\n', re.MULTILINE))
show('S', re.match('.+', 'a\nb', re.S))
show('DOTALL', re.match('.+', 'a\nb', re.DOTALL))
show('X', re.match(r'''(?x) a b   # letters
                        \d+     # digits''', 'ab12'))
show('VERBOSE class', re.match(r'[ ]a', ' a', re.VERBOSE))
show('A', re.findall(r'\w+', 'naïve', re.A))
show('ASCII \\d', re.findall(r'\d', '1٣', re.ASCII))
show('U', re.findall(r'\d', '1٣', re.U))
show('inline i', re.findall('(?i)ab', 'AB ab aB'))
show('inline m', re.findall('(?m)^x', 'x\nx'))
show('inline s', re.match('(?s).*', 'a\nb'))
show('inline x', re.match('(?x) a  b', 'ab'))
show('inline a', re.findall(r'(?a)\w+', 'naïve'))
show('scoped i', re.findall('a(?i:b)c', 'abc aBc aBC'))
show('scoped -i', re.findall('(?i)a(?-i:b)c', 'AbC ABC'))
show('scoped s', re.findall('(?s:.)(.)', 'a\nb\n'))
show('flag values', [int(f) for f in (re.I, re.L, re.M, re.S, re.U, re.X, re.A)])
show('flag repr', (re.I, re.I | re.M, re.NOFLAG, re.ASCII))
show('flags attr', (re.compile('a').flags, re.compile('a', re.I).flags, re.compile(b'a').flags,
                    re.compile('(?ms)a').flags))

print('== groups and backreferences')
show('backref', re.findall(r'(\w)\1', 'aabbcd'))
show('named backref', re.search(r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" \'yo\'').group())
show('backref ignorecase', re.match(r'(a)\1', 'aA', re.I))
show('backref unmatched', re.match(r'(a)?\1', 'b'))
show('optional groups', re.match(r'(a)|(b)', 'b').groups())
show('repeat group', re.match(r'(?:(a)|b)*', 'ab').groups())
show('nested repeat', re.match(r'(a*)*', 'b').groups())
show('alt order', re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups())
show('conditional yes', re.match(r'(<)?(\w+)(?(1)>)$', '<a>'))
show('conditional no', re.match(r'(<)?(\w+)(?(1)>|!)$', 'a!'))
show('conditional named', re.match(r'(?P<o>\()?x(?(o)\))', '(x)'))

print('== lookarounds, atomic, possessive')
show('lookahead', re.findall(r'\w+(?=!)', 'hi! yo? hey!'))
show('negative lookahead', re.findall(r'\b\w+\b(?!!)', 'hi! yo hey!'))
show('lookbehind', re.findall(r'(?<=\$)\d+', '$12 and 13 and $7'))
show('negative lookbehind', re.findall(r'(?<!\$)\b\d+', '$12 and 13'))
show('lookahead capture', re.match(r'(?=(a+))a', 'aaa').groups())
show('atomic', re.match(r'(?>a|ab)c', 'abc'))
show('atomic ok', re.match(r'(?>ab|a)c', 'abc'))
show('possessive *+', re.match(r'a*+a', 'aaa'))
show('possessive ++', re.match(r'"[^"]++"', '"abc"'))
show('possessive ?+', re.match(r'a?+a', 'aa'))
show('possessive group', re.match(r'(?:ab)*+c', 'ababc'))
show('possessive {}+', re.match(r'\d{2,3}+', '12345'))

print('== templates')
t = re.compile(r'(?P<a>b)(c)?')
for tpl in [r'[\1]', r'[\g<1>]', r'[\g<a>]', r'[\g<0>]', r'[\2]', r'\n\t', r'\\', r'\-', r'\0', r'\101', r'\g<2>x']:
    show('template %r' % tpl, t.sub(tpl, 'abcab'))
show('bytes template', re.sub(b'(b)', br'<\1>', b'abcb'))
show('callable groups', re.sub(r'(\w)(\d)', lambda m: m.group(2) + m.group(1), 'a1 b2'))
err('bad group ref', re.sub, '(a)', r'\2', 'a')
err('bad group name', re.sub, '(a)', r'\g<zz>', 'a')
err('bad escape in template', re.sub, 'a', r'\q', 'a')
err('unterminated name', re.sub, '(a)', r'\g<1', 'a')
err('missing <', re.sub, '(a)', r'\g', 'a')
err('callable returns int', re.sub, 'a', lambda m: 1, 'a')

print('== bytes')
show('bytes findall', re.findall(rb'\w+', b'ab cd'))
show('bytes match', re.match(rb'(?i)AB', b'ab'))
show('bytes split', re.split(b',', b'a,b'))
show('bytearray', re.search(b'b+', bytearray(b'abbc')))
err('str pattern on bytes', re.match, 'a', b'a')
err('bytes pattern on str', re.match, b'a', 'a')
err('not a string', re.match, 'a', 5)
err('bad pattern type', re.compile, 5)

print('== errors')
for bad in ['(', ')', 'a**', '*', '+a', 'a{3,2}', '[a', '[z-a]', '\\', r'\1', r'(a)\2', '(?P<n>a)(?P<n>b)',
            '(?P=x)', '(?P<1a>x)', '(?z)', 'a(?i)b', '(?<=a+)b', r'\x4', r'\q', '(?#abc', '(?(2)a|b)',
            '(a)(?(1)b|c|d)', '(?i', 'a\n(', '(?P', '(?<x)', r'[\d-z]', '(?i-i:a)', '((a)\\1)']:
    err(repr(bad), re.compile, bad)
err('flags with pattern', re.compile, re.compile('a'), re.I)
err('ascii and unicode', re.compile, 'a', re.A | re.U)
err('unicode bytes', re.compile, b'a', re.U)
err('locale str', re.compile, 'a', re.L)
err('too large repeat', re.compile, 'a{99999999999}')
e = re.error('boom', 'ab\ncd', 4)
show('error attrs', (str(e), e.msg, e.pattern, e.pos, e.lineno, e.colno))
show('error is Exception', issubclass(re.error, Exception))

print('== deep input')
s = 'a' * 100000
show('long star', re.match(r'(a|b)*', s).span())
show('long lazy', re.match(r'(?:a)*?$', s).span())
show('long findall', len(re.findall(r'a', s)))
show('long sub', len(re.sub('a', 'bb', s)))
show('backtracking', re.match(r'(x+x+)+y', 'x' * 16))
show('many alternatives', re.findall('|'.join(str(i) for i in range(50)), '7 12 49 50'))

print('== more')
show('global flag, all branches', re.findall('(?i)a|b', 'AB ab'))
show('verbose branches', re.findall('(?x) [ ]a | \\ b | [#]c # comment', ' a b #c'))
show('fold sharp s', re.match('(?i)ß', 'ẞ'))
show('lookbehind before pos', re.compile('(?<=a)b').search('ab', 1))
show('caret at pos', re.compile('^b').search('ab', 1))
show('str subclass', (re.findall('a', type('S', (str,), {})('banana'))))
show('multiline sub', re.sub(r'(?m)^', '> ', 'a\nb\n'))
show('dollar sub', re.sub(r'$', '!', 'a\nb\n'))
show('quoted strings', re.findall(r'"((?:[^"\\]|\\.)*)"', r'say "hello \"world\"" and "x"'))
show('sentence split', re.split(r'(?<=[.!?])\s+', 'One. Two! Three? Four'))
show('group 11', re.match('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\\11', 'abcdefghijkk').span())
show('template 11', re.sub('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', r'\11\10', 'abcdefghijk'))
show('alternation lookbehind', re.search(r'(?<=ab|cd)x', 'cdx'))
show('repeat captures', (re.match(r'((a)|b)+', 'ab').groups(), re.match(r'(a|(b))+', 'ba').groups()))
sc = re.Scanner([(r'\d+', lambda s, t: ('num', t)), (r'\w+', lambda s, t: ('name', t)), (r'\s+', None)])
show('Scanner', sc.scan('x 12 y3 !'))

print('== ignoring case beyond ASCII')
for group in ['sſS', 'kKK', 'σςΣ', 'iİIı', 'µμΜ', 'ßẞ', 'θϑΘ', 'ǆǅǄ', 'åÅÅ']:
    row = []
    for a in group:
        for b in group:
            row.append('%d%d%d%d' % (bool(re.match(re.escape(a), b, re.I)), bool(re.match('[' + a + ']', b, re.I)),
                                     bool(re.match('[^' + a + ']', b, re.I)), bool(re.match(r'(.)\1', a + b, re.I))))
    print(group, ' '.join(row))

print('== match object details')
import copy
m = re.match(r'(?P<a>x)(y)?', 'xz')
print(re.Match[str], isinstance(m, re.Match), type(m), type(m).__name__, type(m).__module__)
print(copy.copy(m) is m, copy.deepcopy(m) is m, bool(m), m.group(True), m.start(True))
try:
    m.foo = 1
except AttributeError as e:
    print('AttributeError')
print(m.groupdict(), m.groupdict('-'), m.groups(default='d'), m.span(1), m.start('a'), m.end('a'))
try:
    m.group(1.0)
except IndexError as e: print('IndexError', e)
try:
    m.group(b'a')
except IndexError as e: print('IndexError', e)
try:
    re.Match()
except TypeError as e: print('TypeError', e)
print(m.re, m.string, m.pos, m.endpos, m.regs, m.lastindex, m.lastgroup)
print([m.group(0) for m in re.finditer(r'\w', 'ab')], re.sub('(a)', lambda m: m.group(1).upper() + str(m.span()), 'banana'))
print(re.search(b'b', bytearray(b'abc')).string, re.search(b'b', bytearray(b'abc')).group())
print(re.match('(a)(b)', 'ab').group(1, 2, 0), re.match('a', 'a').groups())

try: m.span(group=1)
except TypeError as e: print(e)

print('== subclasses of str and bytes')
class S(str): pass
class B(bytes): pass
print(type(re.sub('x', 'y', S('a'))), type(re.sub('a', 'y', S('a'))), type(re.split('x', S('a'))[0]),
      type(re.sub(b'x', b'y', B(b'a'))), type(re.match('a', S('a')).group()), type(re.findall('a', S('a'))[0]),
      type(re.subn('a', 'b', S('a'), count=-1)[0]))

print('== argument errors')
tests = [
    lambda: re.sub('a', None, 'a'),
    lambda: re.sub('a', b'x', 'a'),
    lambda: re.sub(b'a', 'x', b'a'),
    lambda: re.sub('a', 'x', None),
    lambda: re.findall('a', 3),
    lambda: re.compile('a', 'x'),
    lambda: re.compile(None),
    lambda: re.split('a', b'a'),
    lambda: re.sub('a', lambda m: None, 'bab'),
    lambda: re.sub(b'a', lambda m: 'x', b'a'),
    lambda: re.compile('a').match('a', 'x'),
    lambda: re.escape(5),
    lambda: re.compile(b'\\u1234'),
    lambda: re.compile('(?u)a', re.A),
    lambda: re.compile(b'(?a)a'),
    lambda: re.compile(b'(?u)a'),
    lambda: re.compile('(?L)a'),
    lambda: re.compile(b'(?L)a').flags,
    lambda: re.compile('a', re.T).flags,
    lambda: re.sub('(a)', r'\g<-1>', 'a'),
    lambda: re.sub('(a)', r'\g<+1>', 'a'),
    lambda: re.sub('(a)', r'\g<१>', 'a'),
    lambda: re.purge(),
    lambda: re.compile('a').sub('b', 'aaa', count=2),
    lambda: re.compile('a').split('bab', maxsplit=1),
    lambda: re.compile('\\d').findall('a1b2', pos=2),
    lambda: re.compile('\\d').finditer('a1b2', endpos=2).__next__(),
]
for i, t in enumerate(tests):
    try:
        print(i, repr(t()))
    except Exception as e:
        print(i, type(e).__name__, e)
