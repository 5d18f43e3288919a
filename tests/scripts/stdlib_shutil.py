# shutil: copying files and trees, moving, removing, which.
import os
import shutil

here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, '_shutil_tmp')
if os.path.exists(base):
    shutil.rmtree(base)
os.makedirs(os.path.join(base, 'src', 'sub'))
for name, text in [('src/a.txt', 'alpha'), ('src/b.log', 'beta'), ('src/sub/c.txt', 'gamma')]:
    with open(os.path.join(base, name), 'w') as f:
        f.write(text)
rel = lambda p: os.path.relpath(p, base)


def tree(path):
    out = []
    for root, dirs, files in os.walk(path):
        for f in files:
            out.append(rel(os.path.join(root, f)))
    return sorted(out)


src = os.path.join(base, 'src')
print(rel(shutil.copy(os.path.join(src, 'a.txt'), os.path.join(base, 'copy.txt'))))
print(rel(shutil.copy2(os.path.join(src, 'a.txt'), base)))
print(rel(shutil.copyfile(os.path.join(src, 'b.log'), os.path.join(base, 'b2.log'))))
print(open(os.path.join(base, 'copy.txt')).read(), os.stat(os.path.join(base, 'a.txt')).st_mtime == os.stat(os.path.join(src, 'a.txt')).st_mtime)
print(rel(shutil.copytree(src, os.path.join(base, 'dst'))), tree(os.path.join(base, 'dst')))
print(rel(shutil.copytree(src, os.path.join(base, 'filtered'), ignore=shutil.ignore_patterns('*.log'))), tree(os.path.join(base, 'filtered')))
try:
    shutil.copytree(src, os.path.join(base, 'dst'))
except FileExistsError as e:
    print('FileExistsError', e.errno)
shutil.copytree(src, os.path.join(base, 'dst'), dirs_exist_ok=True)
try:
    shutil.copyfile(os.path.join(src, 'a.txt'), os.path.join(src, 'a.txt'))
except shutil.SameFileError as e:
    print('SameFileError', str(e).replace(base, 'BASE'))
print(rel(shutil.move(os.path.join(base, 'copy.txt'), os.path.join(base, 'moved.txt'))))
print(rel(shutil.move(os.path.join(base, 'moved.txt'), os.path.join(base, 'dst'))))
print(rel(shutil.move(os.path.join(base, 'filtered'), os.path.join(base, 'renamed'))))
print(tree(base))
shutil.rmtree(os.path.join(base, 'dst'))
print(os.path.exists(os.path.join(base, 'dst')))
shutil.rmtree(os.path.join(base, 'missing'), ignore_errors=True)
try:
    shutil.rmtree(os.path.join(base, 'missing'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
calls = []
shutil.rmtree(os.path.join(base, 'missing'), onerror=lambda f, p, e: calls.append((f.__name__, rel(p), e[0].__name__)))
print(calls)
shutil.rmtree(base)
print(os.path.exists(base))
print(shutil.which('sh') is not None, shutil.which('definitely-not-a-program'), shutil.which('sh', path=''),
      issubclass(shutil.Error, OSError), issubclass(shutil.SameFileError, shutil.Error))
size = shutil.get_terminal_size((33, 11))
print(type(size).__name__, size.columns > 0, size.lines > 0)
