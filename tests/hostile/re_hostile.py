# re on hostile patterns and inputs: deep nesting, huge counts, long
# inputs, garbage patterns. Everything ends in a result or a clean exception.
import re

for n in (10, 495, 496, 100000):
    try:
        p = re.compile('(' * n + 'a' + ')' * n)
        print(n, 'groups', p.groups, p.match('a').span())
    except RecursionError as e:
        print(n, 'RecursionError')

print('lookaheads', re.match('(?=' * 300 + 'a' + ')' * 300 + 'a', 'a'))
print('atomics', re.match('(?>' * 300 + 'a' + ')' * 300, 'a'))
print('counted', re.match('(?:ab){50000}', 'ab' * 50000).end())
print('counted lazy', re.match('(?:ab){2,60000}?$', 'ab' * 50000).end())
print('huge count', re.match('a{4294967294}', 'aaa'))
try:
    re.compile('a{4294967295}')
except OverflowError as e:
    print('OverflowError', e)
print('alternation', re.search('|'.join('w%d' % i for i in range(5000)), 'x w4999 y').group())
s = 'ab' * 200000
print('long loop', re.match('(?:ab|cd)*', s).end(), re.match('(ab|cd)*', s).group(1))
print('long lazy', re.match('(?:ab|cd)*?$', s).end())
print('long class loop', re.fullmatch('[ab]*', s) is not None)
print('many groups', re.match('(a)' * 1000, 'a' * 1000).lastindex)


def deep(n):
    if n:
        return deep(n - 1)
    return re.compile('(' * 490 + 'a' + ')' * 490).match('a').span()


print('deep python stack', deep(400))

garbage = ['(?', '(?P', '(?P<', '(?P<>', '(?P=', '(?(', '(?<', '[', '[^', '\\', 'a{', '{1,2}',
           '(?i-', '(?-', '(?x', '\\N', '\\N{', '\\u', '\\U0', '(?#', '[\\', '[a-\\', '(a)(?(1', '(?>',
           '\x00', '\ud7ff*', '(?P<a>)(?P=a)*+?', '((((((((((a))))))))))\\10']
for g in garbage:
    try:
        p = re.compile(g)
        print(repr(g), 'compiled', p.groups)
    except re.error as e:
        print(repr(g), 'error:', e)

for p in ['(a)' + '(?(1)' * 100000, '(a)' + '(?(1)' * 300 + ')' * 300, '(?=' * 100000]:
    try:
        print('nested', re.compile(p).groups)
    except RecursionError:
        print('nested RecursionError')
try:
    re._make_match(re.compile('a')._handle, None, 'a', 'a', (), 0, 1)
except TypeError as e:
    print('TypeError', e)
