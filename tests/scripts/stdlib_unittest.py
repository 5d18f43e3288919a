# unittest: a runner over cases that pass, fail, error, skip and use
# subTest, with the report (written to a stream here, timing removed).
import io
import re
import sys
import unittest


class Arithmetic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print('setUpClass')

    @classmethod
    def tearDownClass(cls):
        print('tearDownClass')

    def setUp(self):
        self.value = 10

    def tearDown(self):
        self.value = None

    def test_add(self):
        """Adding works."""
        self.assertEqual(self.value + 5, 15)

    def test_fail_equal(self):
        self.assertEqual(1 + 1, 3)

    def test_fail_list(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_fail_dict(self):
        self.assertEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3})

    def test_fail_text(self):
        self.assertEqual('first line\nsecond\n', 'first line\nsecond!\n')

    def test_error(self):
        raise KeyError('missing')

    @unittest.skip('not today')
    def test_skipped(self):
        pass

    @unittest.skipIf(True, 'condition holds')
    def test_skip_if(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertIsInstance(cm.exception, ZeroDivisionError)
        self.assertRaises(ValueError, int, 'x')
        with self.assertRaisesRegex(ValueError, 'invalid literal'):
            int('y')

    def test_raises_fails(self):
        with self.assertRaises(TypeError): pass


class Assertions(unittest.TestCase):
    def check(self, f, *args, **kw):
        try:
            f(*args, **kw)
            print('passed', f.__name__)
        except AssertionError as e:
            print(f.__name__, '->', str(e).replace('\n', '|'))

    def test_messages(self):
        c = self.check
        c(self.assertEqual, 1, 2, 'custom')
        c(self.assertNotEqual, 1, 1)
        c(self.assertTrue, 0)
        c(self.assertFalse, 'x')
        c(self.assertIs, 1, None)
        c(self.assertIsNot, None, None)
        c(self.assertIsNone, 5)
        c(self.assertIsNotNone, None)
        c(self.assertIn, 3, [1, 2])
        c(self.assertNotIn, 1, [1, 2])
        c(self.assertIsInstance, 1, str)
        c(self.assertNotIsInstance, 1, int)
        c(self.assertAlmostEqual, 1.0, 1.1)
        c(self.assertAlmostEqual, 1.0, 1.00000001)
        c(self.assertAlmostEqual, 1.0, 1.5, delta=0.1)
        c(self.assertNotAlmostEqual, 1.0, 1.0)
        c(self.assertGreater, 1, 2)
        c(self.assertGreaterEqual, 1, 2)
        c(self.assertLess, 2, 1)
        c(self.assertLessEqual, 2, 1)
        c(self.assertRegex, 'abc', 'x+')
        c(self.assertNotRegex, 'abc', 'b')
        c(self.assertCountEqual, [1, 1, 2], [1, 2, 2])
        c(self.assertCountEqual, [3, 1], [1, 3])
        c(self.assertSetEqual, {1, 2}, {2, 3})
        c(self.assertTupleEqual, (1, 2), (1, 2, 3))
        c(self.assertListEqual, [1], [1, 2, 3])
        c(self.assertSequenceEqual, 'ab', 'ac')
        c(self.assertDictEqual, {'k': 1}, {'k': 2})
        c(self.assertEqual, 'abc', 'abd')
        c(self.assertMultiLineEqual, 'a\nb\n', 'a\nc\n')
        c(self.assertRaises, ValueError, lambda: None)
        c(self.fail, 'explicit failure')
        self.longMessage = False
        c(self.assertEqual, 1, 2, 'only this')


def report(suite, verbosity=1):
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    text = re.sub(r'Ran (\d+) tests? in [0-9.]+s', r'Ran \1 tests in TIME', stream.getvalue())
    text = text.replace(__file__, 'FILE')
    print(text, end='')
    return result


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Arithmetic))
result = report(loader.loadTestsFromTestCase(Arithmetic))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
report(unittest.TestSuite([Arithmetic('test_add'), Arithmetic('test_raises')]), verbosity=2)
report(unittest.TestSuite([Assertions('test_messages')]))
report(unittest.TestSuite())
print(str(Arithmetic('test_add')), repr(Arithmetic('test_add')), Arithmetic('test_add').id(),
      Arithmetic('test_add').shortDescription(), Arithmetic('test_add') == Arithmetic('test_add'))
try:
    Arithmetic('no_such_test')
except ValueError as e:
    print('ValueError', str(e))
ft = unittest.FunctionTestCase(lambda: None, description='a function test')
print(report(unittest.TestSuite([ft])).wasSuccessful())
try:
    unittest.main(module=None, argv=['prog'], exit=False) if False else None
except SystemExit:
    pass
