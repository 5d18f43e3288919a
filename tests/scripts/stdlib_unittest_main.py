# unittest.main(): runs the module's tests, reports on stderr, exits 1
# when a test failed.
import unittest


class Checks(unittest.TestCase):
    def test_passes(self):
        print('running test_passes')
        self.assertEqual(sum([1, 2]), 3)

    def test_fails(self):
        print('running test_fails')
        self.assertIn('x', 'abc')


if __name__ == '__main__':
    unittest.main()
