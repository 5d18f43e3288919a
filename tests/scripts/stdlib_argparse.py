# argparse: parsing with every action and nargs, help and usage layout,
# groups, subcommands, and the errors (usage + message on stderr, exit 2).
import argparse
import io
import sys


def run(parser, args):
    saved = sys.stderr, sys.stdout
    sys.stderr = err = io.StringIO()
    sys.stdout = out = io.StringIO()
    try:
        result = parser.parse_args(args)
        code = None
    except SystemExit as e:
        result = None
        code = e.code
    finally:
        sys.stderr, sys.stdout = saved
    print('args', args, '->', result, 'exit', code)
    if out.getvalue():
        print(out.getvalue(), end='')
    if err.getvalue():
        print('stderr:', err.getvalue(), end='')


p = argparse.ArgumentParser(prog='tool', description='A tool that does things with files.',
                            epilog='See the manual for more.')
p.add_argument('src', help='source file')
p.add_argument('dst', nargs='?', default='out.txt', help='destination (default: %(default)s)')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('-n', '--number', type=int, default=3, help='how many')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('--tag', action='append', help='tags to add')
p.add_argument('-q', action='store_true', help='quiet')
p.add_argument('--no-cache', dest='cache', action='store_false')
p.add_argument('--const', action='store_const', const=42)
p.add_argument('--pair', nargs=2, metavar=('KEY', 'VALUE'))
p.add_argument('--many', nargs='*', type=float)
p.add_argument('--some', nargs='+')
p.add_argument('--ext', action='extend', nargs='+', type=int)
p.add_argument('--color', action=argparse.BooleanOptionalAction, default=True, help='use color')
p.add_argument('--version', action='version', version='%(prog)s 1.0')
for args in [['a'], ['a', 'b'], ['-vvv', 'a'], ['a', '-n', '5', '--mode', 'slow'], ['a', '--tag', 'x', '--tag=y'],
             ['-q', '--no-cache', '--const', 'a'], ['a', '--pair', 'k', 'v'], ['a', '--many', '1', '2.5'],
             ['a', '--many'], ['--some', 'x', 'y', '--', 'a'], ['a', '--ext', '1', '2', '--ext', '3'],
             ['--no-color', 'a'], ['a', '-n5'], ['a', '--num', '7'], ['-qv', 'a'], ['a', '--mode=slow'],
             ['--', '-a'], [], ['a', 'b', 'c'], ['a', '-n', 'x'], ['a', '--mode', 'medium'],
             ['a', '--pair', 'k'], ['a', '--bogus'], ['a', '-n'], ['a', '--some'], ['--help'], ['--version'],
             ['a', '-q=1'], ['a', '--no-cache=1']]:
    run(p, args)
print(p.format_usage(), end='')
print(p.format_help(), end='')

p2 = argparse.ArgumentParser(prog='calc')
p2.add_argument('numbers', nargs='+', type=int)
p2.add_argument('--op', default='sum')
g = p2.add_mutually_exclusive_group()
g.add_argument('--int', action='store_true')
g.add_argument('--float', action='store_true')
run(p2, ['1', '2', '3'])
run(p2, ['-5', '2'])
run(p2, ['1', '--int', '--float'])
run(p2, ['--op', 'max', '4'])
print(p2.format_help(), end='')

p3 = argparse.ArgumentParser(prog='git')
p3.add_argument('--debug', action='store_true')
subs = p3.add_subparsers(dest='command', help='sub-command help')
c = subs.add_parser('commit', help='record changes')
c.add_argument('-m', '--message', required=True)
c.add_argument('--amend', action='store_true')
push = subs.add_parser('push', help='send changes', aliases=['p'])
push.add_argument('remote', nargs='?', default='origin')
push.set_defaults(func='push-func')
for args in [['commit', '-m', 'msg'], ['--debug', 'push'], ['p', 'upstream'], ['commit'], ['pull'], []]:
    run(p3, args)
print(p3.format_help(), end='')
print(c.format_help(), end='')

p4 = argparse.ArgumentParser(prog='req')
g4 = p4.add_mutually_exclusive_group(required=True)
g4.add_argument('--a', action='store_true')
g4.add_argument('--b', type=int)
grp = p4.add_argument_group('extra', 'Extra settings for the run.')
grp.add_argument('--level', type=int, choices=range(1, 4), help='a level')
grp.add_argument('--name', required=True, help='a name that is quite long so that the help text wraps onto a second line of output')
run(p4, ['--name', 'x'])
run(p4, ['--a', '--name', 'x', '--level', '2'])
run(p4, ['--a', '--name', 'x', '--level', '9'])
print(p4.format_help(), end='')

p5 = argparse.ArgumentParser(prog='fmt', formatter_class=argparse.ArgumentDefaultsHelpFormatter,
                             description='line one\n  line two')
p5.add_argument('--width', type=int, default=80, help='output width')
p5.add_argument('--very-long-option-name-here', metavar='VALUE', help='long invocation')
p5.add_argument('files', nargs='*', default=['-'], help='inputs')
print(p5.format_help(), end='')
p6 = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawDescriptionHelpFormatter,
                             description='keep\n  this layout', add_help=False)
p6.add_argument('x')
print(p6.format_help(), end='')

ns, rest = p2.parse_known_args(['1', '--unknown', '2'])
print(ns, rest)
ns = argparse.Namespace(a=1, b='x')
print(ns, ns == argparse.Namespace(a=1, b='x'), 'a' in ns, vars(ns))
p7 = argparse.ArgumentParser(prog='long', add_help=True)
for i in range(12):
    p7.add_argument('--option-number-%d' % i, metavar='VAL')
p7.add_argument('positional_one')
p7.add_argument('positional_two', nargs='*')
print(p7.format_usage(), end='')
p8 = argparse.ArgumentParser(prog='defaults')
p8.add_argument('--n', type=int, default='7')
p8.set_defaults(extra='e')
print(p8.parse_args([]), p8.get_default('n'), p8.get_default('extra'))
for bad in [lambda: p8.add_argument('--n'), lambda: p8.add_argument('x', required=True),
            lambda: p8.add_argument('bad-opt', '-b'), lambda: p8.add_argument('--s', action='store', nargs=0),
            lambda: p8.add_argument('--f', action='nope'), lambda: p8.add_argument('--t', type='int')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


def pair(text):
    if ':' not in text:
        raise argparse.ArgumentTypeError('expected KEY:VALUE')
    return tuple(text.split(':'))


p9 = argparse.ArgumentParser(prog='types', exit_on_error=False)
p9.add_argument('--kv', type=pair)
print(p9.parse_args(['--kv', 'a:b']))
try:
    p9.parse_args(['--kv', 'ab'])
except argparse.ArgumentError as e:
    print('ArgumentError', e)
