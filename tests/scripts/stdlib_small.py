# getopt, secrets, hmac, platform and copyreg.
import copyreg
import getopt
import hmac
import platform
import secrets


def attempt(f, *args, **kw):
    try:
        print('ok', repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


attempt(getopt.getopt, ['-a', '-b', 'val', '-cfoo', 'file', '-x'], 'ab:c:')
attempt(getopt.getopt, ['--verbose', '--out=o.txt', '--lev', '3', 'rest'], 'v', ['verbose', 'output=', 'level='])
attempt(getopt.getopt, ['-a', '--', '-b'], 'ab')
attempt(getopt.getopt, ['-', '-a'], 'a')
attempt(getopt.gnu_getopt, ['file', '-a', 'other', '--long', '-b', 'x'], 'ab:', ['long'])
attempt(getopt.gnu_getopt, ['file', '-a'], '+a')
attempt(getopt.getopt, ['-z'], 'a')
attempt(getopt.getopt, ['-b'], 'b:')
attempt(getopt.getopt, ['--nope'], '', ['yes'])
attempt(getopt.getopt, ['--ver'], '', ['verbose', 'version'])
attempt(getopt.getopt, ['--verbose=1'], '', ['verbose'])
attempt(getopt.getopt, ['--out'], '', ['out='])
attempt(getopt.getopt, ['--ver'], '', ['ver', 'verbose'])
try:
    getopt.getopt(['-q'], 'a')
except getopt.GetoptError as e:
    print(e.msg, e.opt, str(e), getopt.error is getopt.GetoptError)

print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), len(secrets.token_hex(4)), len(secrets.token_urlsafe(9)))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(50)), secrets.randbits(0), secrets.randbits(8) < 256,
      secrets.choice([5]), secrets.compare_digest('abc', 'abc'), secrets.compare_digest(b'ab', b'ac'))
attempt(secrets.randbelow, 0)
attempt(secrets.choice, [])
attempt(secrets.compare_digest, 'é', 'é')
attempt(secrets.compare_digest, 1, 2)
attempt(secrets.compare_digest, 'a', b'a')
attempt(secrets.compare_digest, b'a', 1)
attempt(secrets.compare_digest, 1, 'a')
rng = secrets.SystemRandom()
print(0 <= rng.random() < 1, 1 <= rng.randint(1, 3) <= 3, len(rng.sample(range(10), 3)), rng.randrange(5) < 5)

for name in ['md5', 'sha1', 'sha256', 'sha512']:
    h = hmac.new(b'secret key', b'message', name)
    print(name, h.name, h.digest_size, h.hexdigest())
    c = h.copy()
    h.update(b' more')
    print(c.hexdigest() != h.hexdigest(), hmac.digest(b'k' * 200, b'm', name).hex()[:32])
import hashlib
print(hmac.new(b'key', digestmod=hashlib.sha256).hexdigest(), hmac.compare_digest(b'x', b'x'))
attempt(hmac.new, b'key')
attempt(hmac.new, 'key', b'm', 'sha256')

u = platform.uname()
print(type(u).__name__, len(u), u.system == platform.system(), u.machine == platform.machine())
print(platform.python_version() == '3.11.7', platform.python_version_tuple(), platform.architecture()[0])
print(isinstance(platform.platform(), str), isinstance(platform.node(), str), isinstance(platform.release(), str))


class Point:
    def __init__(self, x):
        self.x = x


copyreg.pickle(Point, lambda p: (Point, (p.x,)))
print(Point in copyreg.dispatch_table, copyreg.__newobj__(Point, 1).__class__.__name__)
attempt(copyreg.pickle, Point, 5)
attempt(copyreg.constructor, 5)
import copy
print(copy.copy(Point(3)).x)
print(repr(platform.uname()).startswith("uname_result(system='"), platform.uname()[5] == platform.processor())
