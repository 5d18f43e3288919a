# doctest: testmod on a module's docstrings, CPython's failure reports, verbose output, option flags.
import doctest, os, sys, tempfile

SOURCE = '''
"""Module doc.

>>> 1 + 1
2
>>> print('a')
b
>>> x = 3
>>> x * 2
6
"""


def double(x):
    """Double a number.

    >>> double(2)
    4
    >>> double(3)
    7
    >>> [1,
    ...  2]
    [1, 2]
    >>> raise ValueError('boom')
    Traceback (most recent call last):
    ...
    ValueError: boom
    >>> print('')
    <BLANKLINE>
    >>> print('nothing')
    """
    return 2 * x


def flags():
    """
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print('a   b    c')  # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> raise KeyError('x')  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    KeyError: 'other'
    >>> this_is_skipped()  # doctest: +SKIP
    >>> True
    1
    >>> None
    """


def quiet():
    """No examples here."""


class Thing:
    """A thing.

    >>> Thing().name()
    'thing'
    """

    def name(self):
        """>>> 5
        5
        """
        return 'thing'

    @staticmethod
    def helper():
        """
        >>> Thing.helper()
        'help'
        """
        return 'help'


__test__ = {'extra': """
>>> double(10)
20
"""}
'''


def load(name, source):
    """A module from source, with a __file__ that does not exist, so that
    the reports name it alike everywhere and no source lines are found."""
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, name + '.py'), 'w') as f:
            f.write(source)
        sys.path.insert(0, tmp)
        module = __import__(name)
        sys.path.remove(tmp)
    module.__file__ = name + '.py'
    module.__loader__ = module.__spec__ = None
    return module


mod = load('sample', SOURCE)
print(doctest.testmod(mod))
print(doctest.testmod(mod, verbose=True))
print(doctest.testmod(mod, report=False))
print(doctest.testmod(mod, optionflags=doctest.REPORT_ONLY_FIRST_FAILURE))
tests = doctest.DocTestFinder().find(mod)
# (tulip's co_firstlineno of a decorated function is its def line, not the decorator's)
print([(t.name, len(t.examples), None if t.name.endswith('helper') else t.lineno) for t in tests])
examples = doctest.DocTestParser().get_examples('>>> a = 1\n>>> a\n1\n\ntext\n  >>> b\n  2\n')
print([(e.source, e.want, e.lineno, e.indent) for e in examples])
try:
    doctest.DocTestParser().get_examples('>>>x')
except ValueError as e:
    print(e)
ok = load('okmod', 'def f():\n    """\n    >>> 1 + 2\n    3\n    """\n')
print(doctest.testmod(ok))
print(doctest.testmod(ok, verbose=True))
doctest.run_docstring_examples(mod.double, {'double': mod.double}, name='double')

# unittest integration and text files.
import contextlib, io, unittest
suite = doctest.DocTestSuite(mod)
print(suite.countTestCases(), [str(t) for t in suite], [t.id() for t in suite][:3], [t.shortDescription() for t in suite][:2])
result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
print(result.testsRun, len(result.failures), len(result.errors))
for case, text in result.failures:
    print(case.id(), text.splitlines()[-10:])
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'example.txt')
    with open(path, 'w') as f:
        f.write('Some text.\n\n    >>> x = 2\n    >>> x + 1\n    4\n    >>> x\n    2\n')
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        results = doctest.testfile(path, module_relative=False)
    print(out.getvalue().replace(path, '<path>'), results)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        results = doctest.testfile(path, module_relative=False, verbose=True, extraglobs={'x': 1})
    print(out.getvalue().replace(path, '<path>'), results)
