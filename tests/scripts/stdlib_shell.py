# shlex, fnmatch, glob and keyword: shell-style splitting and quoting,
# wildcard matching, and the keyword lists.
import fnmatch
import glob
import keyword
import os
import shlex


def attempt(f, *args, **kw):
    try:
        print('ok', repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


for line in ['a b c', '  leading and trailing  ', 'a "b c" d', "a 'b \" c' d", 'a\\ b c',
             'x="quoted value" y', '"a"b\'c\'', 'a # comment', 'esc \\"q\\" and "in \\" side"',
             '"\\$HOME" \'$HOME\'', "it's", '""', "''", 'a\tb\nc', 'ünïcödé wörds', 'a;b|c&&d']:
    attempt(shlex.split, line)
    attempt(shlex.split, line, comments=True)
    attempt(shlex.split, line, posix=False)
attempt(shlex.split, '"unterminated')
attempt(shlex.split, 'trailing\\')
attempt(shlex.split, "'open", posix=False)
for s in ['', 'simple', 'with space', "it's", 'a"b', '$HOME', 'file.txt', '@%+=:,./-', 'tab\there', 'ü']:
    print(repr(shlex.quote(s)))
print(shlex.join(['ls', '-l', 'my file', "it's"]))
lexer = shlex.shlex('a=b, c;d "e f"')
print(list(lexer))
lexer = shlex.shlex('a=b, c;d "e f"', posix=True)
print(list(lexer))
lexer = shlex.shlex('ls -l | grep x && echo "done";', punctuation_chars=True)
print(list(lexer))
lexer = shlex.shlex('one two', posix=True)
print(lexer.get_token(), lexer.get_token(), repr(lexer.get_token()), lexer.lineno)
lexer = shlex.shlex('x y')
lexer.push_token('pushed')
print(lexer.get_token(), lexer.get_token(), repr(lexer.get_token()))

names = ['main.py', 'test_main.py', 'README', 'setup.cfg', '.hidden', 'data1.csv', 'data22.csv', 'x[1].txt', 'Main.PY']
for pat in ['*.py', 'test_*', '*', '?????', 'data?.csv', 'data[0-9]*.csv', '[!m]*', '*.[pP][yY]',
            '[]]', 'x[[]1].txt', '*[', '[a-', '.*', 'M*', '**.py', '[z-a]x', '[!]']:
    print(pat, fnmatch.filter(names, pat), fnmatch.translate(pat))
print(fnmatch.fnmatch('FILE.TXT', '*.txt'), fnmatch.fnmatchcase('FILE.TXT', '*.txt'), fnmatch.fnmatch('a/b', 'a*'))
print(fnmatch.fnmatchcase('a\nb', 'a?b'), fnmatch.fnmatchcase('abc', 'a*b*c'), fnmatch.fnmatchcase('abxbc', 'a*b*c'))
print(fnmatch.translate('a*b*c'), fnmatch.translate('[a-c-e]'), fnmatch.translate('[--z]'), fnmatch.translate('[a&&b]'))

here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, '_glob_tmp')
if not os.path.exists(base):
    os.makedirs(os.path.join(base, 'sub', 'deep'))
    for name in ['a.txt', 'b.txt', 'c.py', '.hid.txt', 'sub/d.txt', 'sub/deep/e.txt', 'sub/deep/f.py']:
        with open(os.path.join(base, name), 'w') as f:
            f.write('x')
rel = lambda paths: sorted(os.path.relpath(p, base) for p in paths)
print(rel(glob.glob(os.path.join(base, '*.txt'))))
print(rel(glob.glob(os.path.join(base, '*'))))
print(rel(glob.glob(os.path.join(base, '*', '*.txt'))))
print(rel(glob.glob(os.path.join(base, '**', '*.py'), recursive=True)))
print(rel(glob.glob(os.path.join(base, '**'), recursive=True)))
print(rel(glob.glob(os.path.join(base, '*.txt'), include_hidden=True)))
print(rel(glob.glob(os.path.join(base, '.*'))))
print(rel(glob.glob(os.path.join(base, 'a.txt'))), glob.glob(os.path.join(base, 'missing.txt')))
print(sorted(glob.glob('*.py', root_dir=os.path.join(base, 'sub', 'deep'))))
print(rel(glob.iglob(os.path.join(base, 'sub', '?.txt'))))
print(glob.escape('a*b?[c].txt'), glob.has_magic('x*'), glob.has_magic('plain'))
for name in ['sub/deep/e.txt', 'sub/deep/f.py', 'sub/d.txt', 'a.txt', 'b.txt', 'c.py', '.hid.txt']:
    os.remove(os.path.join(base, name))
for d in ['sub/deep', 'sub', '']:
    os.rmdir(os.path.join(base, d))

print(keyword.kwlist)
print(keyword.softkwlist, keyword.iskeyword('for'), keyword.iskeyword('print'), keyword.issoftkeyword('match'))
