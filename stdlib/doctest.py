"""Running the interactive examples in docstrings as tests.

testmod() finds the docstrings of a module, of the functions and classes
defined in it and of their methods (and its __test__ dict), runs each
'>>> ' example in a copy of the module's globals, and compares what it
prints with the text that follows. Failures are reported in CPython's
format; the option flags and '# doctest:' directives are supported.
testfile() runs the examples of a text file, and DocTestSuite() makes
unittest cases of a module's docstrings. Differences: an expression
statement inside a compound statement (the body of a for loop) is not
echoed, the traceback shown for an unexpected exception has tulip's
frames, and paths relative to "the calling module" (testfile's
module_relative, DocTestSuite without a module) are taken from __main__,
as there is no sys._getframe.
"""

import io
import re
import sys
import traceback
from collections import namedtuple

__all__ = ['register_optionflag', 'DONT_ACCEPT_TRUE_FOR_1', 'DONT_ACCEPT_BLANKLINE',
           'NORMALIZE_WHITESPACE', 'ELLIPSIS', 'SKIP', 'IGNORE_EXCEPTION_DETAIL',
           'COMPARISON_FLAGS', 'REPORT_UDIFF', 'REPORT_CDIFF', 'REPORT_NDIFF',
           'REPORT_ONLY_FIRST_FAILURE', 'REPORTING_FLAGS', 'FAIL_FAST', 'Example',
           'DocTest', 'DocTestParser', 'DocTestFinder', 'DocTestRunner', 'OutputChecker',
           'DocTestFailure', 'UnexpectedException', 'testmod', 'testfile',
           'run_docstring_examples', 'DocTestSuite', 'DocTestCase', 'TestResults']

TestResults = namedtuple('TestResults', 'failed attempted')

OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    return OPTIONFLAGS_BY_NAME.setdefault(name, 1 << len(OPTIONFLAGS_BY_NAME))


# The flags get their bits in this order, which CPython's values follow.
(DONT_ACCEPT_TRUE_FOR_1, DONT_ACCEPT_BLANKLINE, NORMALIZE_WHITESPACE, ELLIPSIS, SKIP,
 IGNORE_EXCEPTION_DETAIL) = [register_optionflag(flag) for flag in (
    'DONT_ACCEPT_TRUE_FOR_1', 'DONT_ACCEPT_BLANKLINE', 'NORMALIZE_WHITESPACE', 'ELLIPSIS',
    'SKIP', 'IGNORE_EXCEPTION_DETAIL')]
COMPARISON_FLAGS = (DONT_ACCEPT_TRUE_FOR_1 | DONT_ACCEPT_BLANKLINE | NORMALIZE_WHITESPACE |
                    ELLIPSIS | SKIP | IGNORE_EXCEPTION_DETAIL)
REPORT_UDIFF, REPORT_CDIFF, REPORT_NDIFF, REPORT_ONLY_FIRST_FAILURE, FAIL_FAST = [
    register_optionflag(flag) for flag in (
        'REPORT_UDIFF', 'REPORT_CDIFF', 'REPORT_NDIFF', 'REPORT_ONLY_FIRST_FAILURE', 'FAIL_FAST')]
REPORTING_FLAGS = REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF | REPORT_ONLY_FIRST_FAILURE | FAIL_FAST

BLANKLINE_MARKER = '<BLANKLINE>'
ELLIPSIS_MARKER = '...'
_DIVIDER = '*' * 70


def _indent(text, indent=4):
    return re.sub('(?m)^(?!$)', indent * ' ', text)


def _ellipsis_match(want, got):
    """Whether got matches want, where '...' in want stands for any text."""
    if ELLIPSIS_MARKER not in want:
        return want == got
    pieces = want.split(ELLIPSIS_MARKER)
    first, last = pieces[0], pieces[-1]
    if not got.startswith(first) or not got.endswith(last):
        return False
    start, end = len(first), len(got) - len(last)
    if start > end:
        return False
    for piece in pieces[1:-1]:
        at = got.find(piece, start, end)
        if at < 0:
            return False
        start = at + len(piece)
    return True


class Example:
    """One '>>> ' example: its source, the output it should print (or the
    exception message it should raise), and where it sits."""

    def __init__(self, source, want, exc_msg=None, lineno=0, indent=0, options=None):
        # Each text part ends with a newline (an empty want stays empty).
        self.source = _line_ended(source)
        self.want = _line_ended(want) if want else want
        self.exc_msg = None if exc_msg is None else _line_ended(exc_msg)
        self.lineno = lineno
        self.indent = indent
        self.options = {} if options is None else options


def _line_ended(text):
    return text if text.endswith('\n') else text + '\n'


class DocTest:
    """The examples of one docstring."""

    def __init__(self, examples, globs, name, filename, lineno, docstring):
        self.examples = examples
        self.globs = globs.copy()
        self.name = name
        self.filename = filename
        self.lineno = lineno
        self.docstring = docstring

    def __repr__(self):
        n = len(self.examples)
        count = 'no examples' if n == 0 else ('1 example' if n == 1 else f'{n} examples')
        return f'<{self.__class__.__name__} {self.name} from {self.filename}:{self.lineno} ({count})>'

    def __lt__(self, other):
        return (self.name, self.filename, self.lineno or -1, id(self)) < \
               (other.name, other.filename, other.lineno or -1, id(other))


class DocTestParser:
    """Splits a docstring into text and Examples."""

    _EXAMPLE = re.compile(r'''
        (?P<source>
            (?:^(?P<indent> [ ]*) >>>    .*)    # the PS1 line
            (?:\n           [ ]*  \.\.\. .*)*)  # PS2 lines
        \n?
        (?P<want> (?:(?![ ]*$)    # not a blank line
                     (?![ ]*>>>)  # not a PS1 line
                     .+$\n?       # anything else
                  )*)
        ''', re.MULTILINE | re.VERBOSE)
    _EXCEPTION = re.compile(r'''
        ^(?P<msg> Traceback\ \(
            (?: most\ recent\ call\ last | innermost\ last )
            \) :
        )
        \s* $
        (?P<stack> .*?)
        ^(?P<exc> \w+ .*)
        ''', re.VERBOSE | re.MULTILINE | re.DOTALL)
    _OPTION_DIRECTIVE = re.compile(r'#\s*doctest:\s*([^\n\'"]*)$', re.MULTILINE)
    _IS_BLANK_OR_COMMENT = re.compile(r'^[ ]*(#.*)?$').match

    def parse(self, string, name='<string>'):
        string = string.expandtabs()
        margin = self._min_indent(string)
        if margin > 0:
            string = '\n'.join(line[margin:] for line in string.split('\n'))
        output = []
        charno, lineno = 0, 0
        for m in self._EXAMPLE.finditer(string):
            output.append(string[charno:m.start()])
            lineno += string.count('\n', charno, m.start())
            source, options, want, exc_msg = self._parse_example(m, name, lineno)
            if not self._IS_BLANK_OR_COMMENT(source):
                output.append(Example(source, want, exc_msg, lineno=lineno,
                                      indent=margin + len(m.group('indent')), options=options))
            lineno += string.count('\n', m.start(), m.end())
            charno = m.end()
        output.append(string[charno:])
        return output

    def get_examples(self, string, name='<string>'):
        return [x for x in self.parse(string, name) if isinstance(x, Example)]

    def get_doctest(self, string, globs, name, filename, lineno):
        return DocTest(self.get_examples(string, name), globs, name, filename, lineno, string)

    def _parse_example(self, m, name, lineno):
        indent = len(m.group('indent'))
        source_lines = m.group('source').split('\n')
        self._check_prompt_blank(source_lines, indent, name, lineno)
        self._check_prefix(source_lines[1:], ' ' * indent + '.', name, lineno)
        source = '\n'.join(sl[indent + 4:] for sl in source_lines)
        want = m.group('want')
        want_lines = want.split('\n')
        if len(want_lines) > 1 and re.match(r' *$', want_lines[-1]):
            del want_lines[-1]
        self._check_prefix(want_lines, ' ' * indent, name, lineno + len(source_lines))
        want = '\n'.join(wl[indent:] for wl in want_lines)
        em = self._EXCEPTION.match(want)
        exc_msg = em.group('exc') if em else None
        options = self._find_options(source, name, lineno)
        return source, options, want, exc_msg

    def _find_options(self, source, name, lineno):
        options = {}
        for m in self._OPTION_DIRECTIVE.finditer(source):
            for option in m.group(1).replace(',', ' ').split():
                if option[0] not in '+-' or option[1:] not in OPTIONFLAGS_BY_NAME:
                    raise ValueError(f'line {lineno + 1} of the doctest for {name} has an invalid option: {option!r}')
                options[OPTIONFLAGS_BY_NAME[option[1:]]] = option[0] == '+'
        if options and self._IS_BLANK_OR_COMMENT(source):
            raise ValueError(f'line {lineno} of the doctest for {name} has an option directive on a line with no example: {source!r}')
        return options

    def _min_indent(self, s):
        indents = [len(x) for x in re.findall(r'^([ ]*)(?=\S)', s, re.MULTILINE)]
        return min(indents) if indents else 0

    def _check_prompt_blank(self, lines, indent, name, lineno):
        for i, line in enumerate(lines):
            if len(line) >= indent + 4 and line[indent + 3] != ' ':
                raise ValueError(f'line {lineno + i + 1} of the docstring for {name} lacks blank after '
                                 f'{line[indent:indent + 3]}: {line!r}')

    def _check_prefix(self, lines, prefix, name, lineno):
        for i, line in enumerate(lines):
            if line and not line.startswith(prefix):
                raise ValueError(f'line {lineno + i + 1} of the docstring for {name} has '
                                 f'inconsistent leading whitespace: {line!r}')


class DocTestFinder:
    """Collects the DocTests of an object and of what it defines."""

    def __init__(self, verbose=False, parser=DocTestParser(), recurse=True, exclude_empty=True):
        self._parser = parser
        self._verbose = verbose
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find(self, obj, name=None, module=None, globs=None, extraglobs=None):
        if name is None:
            name = getattr(obj, '__name__', None)
            if name is None:
                raise ValueError(f'DocTestFinder.find: name must be given when obj.__name__ doesn\'t exist: {type(obj)!r}')
        if module is None:
            module = sys.modules.get(getattr(obj, '__module__', None)) if not _is_module(obj) else obj
        source_lines = _source_lines(module)
        if globs is None:
            globs = {} if module is None else module.__dict__
        globs = dict(globs)
        if extraglobs is not None:
            globs.update(extraglobs)
        if '__name__' not in globs:
            globs['__name__'] = '__main__'
        tests = []
        self._find(tests, obj, name, module, source_lines, globs, set())
        tests.sort()
        return tests

    def _from_module(self, module, obj):
        if module is None:
            return True
        if _is_module(obj):
            return False
        if isinstance(obj, (staticmethod, classmethod)):
            obj = obj.__func__
        owner = getattr(obj, '__module__', None)
        return owner is None or owner == module.__name__

    def _find(self, tests, obj, name, module, source_lines, globs, seen):
        if id(obj) in seen:
            return
        seen.add(id(obj))
        test = self._get_test(obj, name, module, globs, source_lines)
        if test is not None:
            tests.append(test)
        if not self._recurse:
            return
        if _is_module(obj):
            for valname, val in list(obj.__dict__.items()):
                if (callable(val) or isinstance(val, type)) and hasattr(val, '__name__') and \
                        (_is_routine(val) or isinstance(val, type)) and self._from_module(module, val):
                    self._find(tests, val, f'{name}.{valname}', module, source_lines, globs, seen)
            for valname, val in getattr(obj, '__test__', {}).items():
                if not isinstance(valname, str):
                    raise ValueError(f'DocTestFinder.find: __test__ keys must be strings: {type(valname)!r}')
                self._find(tests, val, f'{name}.__test__.{valname}', module, source_lines, globs, seen)
        if isinstance(obj, type):
            for valname, val in list(obj.__dict__.items()):
                if isinstance(val, (staticmethod, classmethod)):
                    val = val.__func__
                if (_is_routine(val) or isinstance(val, (type, property))) and self._from_module(module, val):
                    self._find(tests, val, f'{name}.{valname}', module, source_lines, globs, seen)

    def _get_test(self, obj, name, module, globs, source_lines):
        if isinstance(obj, str):
            docstring = obj
        else:
            docstring = getattr(obj, '__doc__', None) or ''
            if not isinstance(docstring, str):
                docstring = str(docstring)
        if self._exclude_empty and not docstring:
            return None
        lineno = self._find_lineno(obj, source_lines)
        filename = getattr(module, '__file__', None) or (module.__name__ if module else None)
        if filename and filename.endswith('.pyc'):
            filename = filename[:-1]
        return self._parser.get_doctest(docstring, globs, name, filename, lineno)

    def _find_lineno(self, obj, source_lines):
        """The 0-based line where obj's docstring starts, or None."""
        lineno = None
        if _is_module(obj):
            lineno = 0
        elif isinstance(obj, type):
            if source_lines is None:
                return None
            pat = re.compile(r'^\s*class\s*%s\b' % getattr(obj, '__name__', '-'))
            for i, line in enumerate(source_lines):
                if pat.match(line):
                    lineno = i
                    break
        else:
            if isinstance(obj, property):
                obj = obj.fget
            code = getattr(obj, '__code__', None)
            if code is not None:
                lineno = code.co_firstlineno - 1
        if lineno is None:
            return None
        if source_lines is None:
            return lineno + 1
        pat = re.compile(r'(^|.*:)\s*\w*("|\')')
        for i in range(lineno, len(source_lines)):
            if pat.match(source_lines[i]):
                return i
        return None


def _is_module(obj):
    return type(obj).__name__ == 'module'


def _is_routine(obj):
    return type(obj).__name__ in ('function', 'builtin_function_or_method', 'method')


def _source_lines(module):
    path = getattr(module, '__file__', None)
    if not path:
        return None
    try:
        with open(path, encoding='utf-8') as f:
            return f.read().splitlines(True)
    except (OSError, UnicodeDecodeError):
        return None


# An expected 1 or 0 accepts the True or False of Python 2.3 and later.
_INT_FOR_BOOL = (('1\n', 'True\n'), ('0\n', 'False\n'))
_BLANKLINE_LINE = re.compile(r'(?m)^%s\s*?$' % re.escape(BLANKLINE_MARKER))
_SPACES_LINE = re.compile(r'(?m)^[^\S\n]+$')


class OutputChecker:
    """Compares what an example printed with what it should have."""

    def check_output(self, want, got, optionflags):
        """Whether got is acceptable for want. Each allowance only makes more
        pairs equal, so they are applied in turn and compared at the end."""
        if want == got:
            return True
        if not optionflags & DONT_ACCEPT_TRUE_FOR_1 and (want, got) in _INT_FOR_BOOL:
            return True
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            want, got = _BLANKLINE_LINE.sub('', want), _SPACES_LINE.sub('', got)
        if optionflags & NORMALIZE_WHITESPACE:
            want, got = ' '.join(want.split()), ' '.join(got.split())
        if optionflags & ELLIPSIS:
            return _ellipsis_match(want, got)
        return want == got

    def output_difference(self, example, got, optionflags):
        want = example.want
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            got = re.sub('(?m)^[ ]*(?=\n)', BLANKLINE_MARKER, got)
        if want:
            text = 'Expected:\n' + _indent(want)
        else:
            text = 'Expected nothing\n'
        if got:
            return text + 'Got:\n' + _indent(got)
        return text + 'Got nothing\n'


class DocTestFailure(Exception):
    def __init__(self, test, example, got):
        self.test, self.example, self.got = test, example, got

    def __str__(self):
        return str(self.test)


class UnexpectedException(Exception):
    def __init__(self, test, example, exc_info):
        self.test, self.example, self.exc_info = test, example, exc_info

    def __str__(self):
        return str(self.test)


class DocTestRunner:
    """Runs DocTests, reports failures, and keeps the tallies."""

    DIVIDER = _DIVIDER

    def __init__(self, checker=None, verbose=None, optionflags=0):
        self._checker = checker or OutputChecker()
        if verbose is None:
            verbose = '-v' in sys.argv
        self._verbose = verbose
        self.optionflags = optionflags
        self.original_optionflags = optionflags
        self.tries = 0
        self.failures = 0
        self._name2ft = {}

    def report_start(self, out, test, example):
        if self._verbose:
            if example.want:
                out('Trying:\n' + _indent(example.source) + 'Expecting:\n' + _indent(example.want))
            else:
                out('Trying:\n' + _indent(example.source) + 'Expecting nothing\n')

    def report_success(self, out, test, example, got):
        if self._verbose:
            out('ok\n')

    def report_failure(self, out, test, example, got):
        out(self._failure_header(test, example) +
            self._checker.output_difference(example, got, self.optionflags))

    def report_unexpected_exception(self, out, test, example, exc_info):
        out(self._failure_header(test, example) + 'Exception raised:\n' +
            _indent(''.join(traceback.format_exception(*exc_info))))

    def _failure_header(self, test, example):
        out = [self.DIVIDER]
        if test.filename:
            if test.lineno is not None and example.lineno is not None:
                lineno = test.lineno + example.lineno + 1
            else:
                lineno = '?'
            out.append(f'File "{test.filename}", line {lineno}, in {test.name}')
        else:
            out.append(f'Line {example.lineno + 1}, in {test.name}')
        out.append('Failed example:')
        out.append(_indent(example.source))
        return '\n'.join(out)

    def _run_example(self, test, example, index):
        """Runs one example; (printed output, exc_info or None)."""
        filename = f'<doctest {test.name}[{index}]>'
        captured = io.StringIO()
        saved = sys.stdout
        sys.stdout = captured
        exc_info = None
        try:
            try:
                code = compile(example.source, filename, 'eval')
            except SyntaxError:
                exec(compile(example.source, filename, 'exec'), test.globs)
            else:
                # An expression's value is echoed as the interactive prompt does.
                value = eval(code, test.globs)
                if value is not None:
                    print(repr(value))
                    test.globs['_'] = value
        except KeyboardInterrupt:
            raise
        except BaseException:
            exc_info = sys.exc_info()
        finally:
            sys.stdout = saved
        return captured.getvalue(), exc_info

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        if out is None:
            out = sys.stdout.write
        failures = tries = 0
        original = self.optionflags
        checker = self._checker
        for index, example in enumerate(test.examples):
            quiet = self.optionflags & REPORT_ONLY_FIRST_FAILURE and failures > 0
            self.optionflags = original
            for flag, on in example.options.items():
                if on:
                    self.optionflags |= flag
                else:
                    self.optionflags &= ~flag
            if self.optionflags & SKIP:
                continue
            tries += 1
            if not quiet:
                self.report_start(out, test, example)
            got, exc_info = self._run_example(test, example, index)
            if exc_info is None:
                ok = checker.check_output(example.want, got, self.optionflags)
                outcome = 'success' if ok else 'failure'
            else:
                got_msg = traceback.format_exception_only(*exc_info[:2])[-1]
                if not quiet:
                    got += ''.join(traceback.format_exception(*exc_info))
                if example.exc_msg is None:
                    outcome = 'exception'
                else:
                    ok = checker.check_output(example.exc_msg, got_msg, self.optionflags)
                    if not ok and self.optionflags & IGNORE_EXCEPTION_DETAIL:
                        ok = checker.check_output(_strip_detail(example.exc_msg),
                                                  _strip_detail(got_msg), self.optionflags)
                    outcome = 'success' if ok else 'failure'
            if outcome == 'success':
                if not quiet:
                    self.report_success(out, test, example, got)
            elif outcome == 'failure':
                if not quiet:
                    self.report_failure(out, test, example, got)
                failures += 1
            else:
                if not quiet:
                    self.report_unexpected_exception(out, test, example, exc_info)
                failures += 1
            if failures and self.optionflags & FAIL_FAST:
                break
        self.optionflags = original
        self._record(test.name, failures, tries)
        if clear_globs:
            test.globs.clear()
            test.globs['__builtins__'] = __builtins__
        return TestResults(failures, tries)

    def _record(self, name, failures, tries):
        if name in self._name2ft:
            f, t = self._name2ft[name]
            failures, tries = failures + f, tries + t
        self._name2ft[name] = failures, tries
        self.failures = sum(f for f, t in self._name2ft.values())
        self.tries = sum(t for f, t in self._name2ft.values())

    def summarize(self, verbose=None):
        if verbose is None:
            verbose = self._verbose
        notests, passed, failed = [], [], []
        total_tries = total_failures = 0
        for name, (f, t) in self._name2ft.items():
            total_tries += t
            total_failures += f
            if t == 0:
                notests.append(name)
            elif f == 0:
                passed.append((name, t))
            else:
                failed.append((name, (f, t)))
        if verbose:
            if notests:
                print(len(notests), 'items had no tests:')
                notests.sort()
                for name in notests:
                    print('   ', name)
            if passed:
                print(len(passed), 'items passed all tests:')
                passed.sort()
                for name, count in passed:
                    print(f' {count:3d} tests in {name}')
        if failed:
            print(self.DIVIDER)
            print(len(failed), 'items had failures:')
            failed.sort()
            for name, (f, t) in failed:
                print(f' {f:3d} of {t:3d} in {name}')
        if verbose:
            print(total_tries, 'tests in', len(self._name2ft), 'items.')
            print(total_tries - total_failures, 'passed and', total_failures, 'failed.')
        if total_failures:
            print('***Test Failed***', total_failures, 'failures.')
        elif verbose:
            print('Test passed.')
        return TestResults(total_failures, total_tries)


def _strip_detail(msg):
    """An exception line without its message and module path."""
    m = re.match(r'(?:[^:]*\.)?([^:]*:)', msg)
    return m.group(1) if m else msg


master = None


def testmod(m=None, name=None, globs=None, verbose=None, report=True, optionflags=0,
            extraglobs=None, raise_on_error=False, exclude_empty=False):
    """Runs the examples in the docstrings of module m (default __main__)
    and returns TestResults(failed, attempted)."""
    global master
    if m is None:
        m = sys.modules.get('__main__')
    if not _is_module(m):
        raise TypeError(f'testmod: module required; {m!r}')
    if name is None:
        name = m.__name__
    finder = DocTestFinder(exclude_empty=exclude_empty)
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find(m, name, globs=globs, extraglobs=extraglobs):
        runner.run(test)
    if report:
        runner.summarize()
    master = runner
    return TestResults(runner.failures, runner.tries)


def run_docstring_examples(f, globs, verbose=False, name='NoName', compileflags=None, optionflags=0):
    """Runs the examples in f's docstring (not recursing into what f holds)."""
    finder = DocTestFinder(verbose=verbose, recurse=False)
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find(f, name, globs=globs):
        runner.run(test, compileflags)


def _main_dir():
    import os
    main = sys.modules.get('__main__')
    path = getattr(main, '__file__', None)
    return os.path.dirname(os.path.abspath(path)) if path else os.getcwd()


def testfile(filename, module_relative=True, name=None, package=None, globs=None,
             verbose=None, report=True, optionflags=0, extraglobs=None,
             raise_on_error=False, parser=DocTestParser(), encoding=None):
    """Runs the examples in a text file; a relative path is taken from the
    directory of __main__ (module_relative) or the current directory."""
    global master
    import os
    if package and not module_relative:
        raise ValueError('Package may only be specified for module-relative paths.')
    path = filename
    if module_relative:
        if os.path.isabs(filename):
            raise ValueError('Module-relative files may not have absolute paths')
        base = os.path.dirname(package.__file__) if package is not None and hasattr(package, '__file__') else _main_dir()
        path = os.path.join(base, *filename.split('/'))
    with open(path, encoding=encoding or 'utf-8') as f:
        text = f.read()
    if name is None:
        name = os.path.basename(filename)
    globs = {} if globs is None else dict(globs)
    if extraglobs is not None:
        globs.update(extraglobs)
    globs.setdefault('__name__', '__main__')
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    runner.run(parser.get_doctest(text, globs, name, path, 0))
    if report:
        runner.summarize()
    master = runner
    return TestResults(runner.failures, runner.tries)


def _unittest():
    import unittest
    return unittest


def DocTestCase(test, optionflags=0, setUp=None, tearDown=None, checker=None):
    """A unittest case running one DocTest."""
    return _case_class()(test, optionflags, setUp, tearDown, checker)


_CASE = None


def _case_class():
    """The TestCase class, made on first use so that importing doctest does
    not import unittest."""
    global _CASE
    if _CASE is not None:
        return _CASE

    class DocTestCase(_unittest().TestCase):
        def __init__(self, test, optionflags=0, setUp=None, tearDown=None, checker=None):
            super().__init__()
            self._dt_test = test
            self._dt_optionflags = optionflags
            self._dt_setUp = setUp
            self._dt_tearDown = tearDown
            self._dt_checker = checker

        def setUp(self):
            if self._dt_setUp is not None:
                self._dt_setUp(self._dt_test)

        def tearDown(self):
            if self._dt_tearDown is not None:
                self._dt_tearDown(self._dt_test)
            self._dt_test.globs.clear()

        def runTest(self):
            test = self._dt_test
            report = io.StringIO()
            runner = DocTestRunner(checker=self._dt_checker, optionflags=self._dt_optionflags, verbose=False)
            runner.DIVIDER = '-' * 70
            failures, _ = runner.run(test, out=report.write, clear_globs=False)
            if failures:
                raise self.failureException(self.format_failure(report.getvalue()))

        def format_failure(self, err):
            test = self._dt_test
            # CPython shows the 0-based line here: the line before the docstring's.
            lineno = 'unknown line number' if test.lineno is None else f'{test.lineno}'
            short = test.name.split('.')[-1]
            return f'Failed doctest test for {test.name}\n  File "{test.filename}", line {lineno}, in {short}\n\n{err}'

        def id(self):
            return self._dt_test.name

        def __eq__(self, other):
            return type(self) is type(other) and self._dt_test is other._dt_test

        def __hash__(self):
            return hash(id(self._dt_test))

        def __repr__(self):
            name = self._dt_test.name.split('.')
            return f"{name[-1]} ({'.'.join(name[:-1])})"

        __str__ = __repr__

        def shortDescription(self):
            return 'Doctest: ' + self._dt_test.name

    _CASE = DocTestCase
    return _CASE


def DocTestSuite(module=None, globs=None, extraglobs=None, test_finder=None, **options):
    """A unittest suite of the DocTests (with examples) of a module (by
    default __main__)."""
    if module is None:
        module = sys.modules['__main__']
    elif isinstance(module, str):
        module = __import__(module, fromlist=['*'])
    finder = test_finder or DocTestFinder()
    suite = _unittest().TestSuite()
    for test in finder.find(module, globs=globs, extraglobs=extraglobs):
        if not test.examples:
            continue
        if not test.filename:
            test.filename = getattr(module, '__file__', None) or module.__name__
        suite.addTest(DocTestCase(test, **options))
    return suite
