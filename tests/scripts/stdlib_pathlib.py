# pathlib: pure path arithmetic, and filesystem operations in a scratch
# directory next to this script.
import os
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath, PosixPath


def attempt(f, *args):
    try:
        print('ok', repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, str(e).replace(os.path.dirname(os.path.abspath(__file__)), 'HERE'))


for text in ['a/b/c.txt', '/usr/local/lib/', '//server/share', '///x', './a/./b/', 'a//b', '', '.', '..',
             '/', 'archive.tar.gz', '.bashrc', 'dir/file.', 'x/../y']:
    p = PurePosixPath(text)
    print(repr(text), repr(p), str(p), p.parts, repr(p.drive), repr(p.root), repr(p.anchor), repr(p.name),
          repr(p.suffix), p.suffixes, repr(p.stem), repr(p.parent), p.is_absolute(), list(p.parents))
p = PurePosixPath('/home/user/docs/report.final.pdf')
print(p.with_name('x.txt'), p.with_suffix('.doc'), p.with_suffix(''), p.with_stem('summary'),
      p.relative_to('/home'), p.relative_to('/home', 'user'), p.is_relative_to('/etc'), p.parents[1], p.parents[-1],
      p.parents[0:2], len(p.parents), p.as_posix(), p.as_uri())
print(PurePosixPath('a') / 'b' / PurePosixPath('c'), 'x' / PurePosixPath('y'), PurePosixPath('a', '/b', 'c'),
      PurePosixPath('a').joinpath('b', 'c'), PurePath('x/y'), type(PurePath('x')).__name__)
print(PurePosixPath('a/b') == PurePosixPath('a//b/'), PurePosixPath('a') < PurePosixPath('b'),
      sorted([PurePosixPath('b'), PurePosixPath('a/c'), PurePosixPath('a')]), hash(PurePosixPath('a/b')) == hash(PurePosixPath('a/b')),
      PurePosixPath('a') == 'a', os.fspath(PurePosixPath('q/r')), bytes(PurePosixPath('q')))
print(PurePosixPath('/a b/ü%.txt').as_uri())
print(PurePosixPath('a/b.py').match('*.py'), PurePosixPath('/a/b/c.py').match('b/*.py'), PurePosixPath('/a/b/c.py').match('/*.py'),
      PurePosixPath('a/b.py').match('a/*/b.py'))
attempt(PurePosixPath('a').with_suffix, 'txt')
attempt(PurePosixPath('a').with_suffix, '.')
attempt(PurePosixPath('').with_name, 'x')
attempt(PurePosixPath('a').with_name, 'x/y')
attempt(PurePosixPath('/a/b').relative_to, '/c')
attempt(PurePosixPath('a/b').relative_to, '/a')
attempt(PurePosixPath('a').as_uri)
attempt(PurePosixPath, 5)
attempt(lambda: PurePosixPath('a') < 'b')
attempt(lambda: PurePosixPath('a') / 5)
w = PureWindowsPath('C:\\Users\\me/file.TXT')
print(repr(w), str(w), w.drive, w.root, w.parts, w.name, w.suffix, w == PureWindowsPath('c:/users/ME/file.txt'))

base = Path(os.path.dirname(os.path.abspath(__file__))) / '_pathlib_tmp'
if base.exists():
    for f in sorted(base.rglob('*'), reverse=True):
        f.rmdir() if f.is_dir() else f.unlink()
    base.rmdir()
base.mkdir()
(base / 'sub' / 'deep').mkdir(parents=True)
print(base.is_dir(), base.exists(), (base / 'missing').exists(), type(base).__name__, isinstance(base, PurePath))
f = base / 'notes.txt'
print(f.write_text('hello\nworld\n'), f.read_text(), f.read_bytes(), f.is_file(), f.is_dir(), f.stat().st_size)
(base / 'data.bin').write_bytes(b'\x00\x01')
(base / 'sub' / 'a.py').write_text('x = 1\n')
(base / 'sub' / 'deep' / 'b.py').write_text('y = 2\n')
(base / '.hidden').touch()
rel = lambda paths: sorted(str(p.relative_to(base)) for p in paths)
print(rel(base.iterdir()))
print(rel(base.glob('*.txt')), rel(base.glob('*')), rel(base.glob('**/*.py')), rel(base.rglob('*.py')), rel(base.glob('sub/*')))
print(rel(base.glob('**')))
with f.open('a') as handle:
    handle.write('more\n')
print(f.read_text().splitlines())
moved = f.rename(base / 'moved.txt')
print(moved.name, f.exists(), moved.exists(), moved.resolve() == moved.absolute())
attempt((base / 'sub').mkdir)
(base / 'sub').mkdir(exist_ok=True)
attempt((base / 'x' / 'y').mkdir)
attempt((base / 'nofile').unlink)
(base / 'nofile').unlink(missing_ok=True)
attempt((base / 'nofile').read_text)
attempt(f.write_text, b'bytes')
print(Path('a/b').absolute() == Path.cwd() / 'a' / 'b', Path('~').expanduser() == Path.home(), Path('.').resolve() == Path.cwd())
for p in sorted(base.rglob('*'), reverse=True):
    p.rmdir() if p.is_dir() else p.unlink()
base.rmdir()
print(base.exists(), repr(PosixPath('x')), repr(Path('a', 'b')))
