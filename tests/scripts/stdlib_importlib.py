# importlib (import_module, reload) and gettext without catalogues.
import gettext
import importlib
import json
import os
import sys

m = importlib.import_module('json')
print(m is json, importlib.import_module('os.path') is os.path, importlib.import_module('json.decoder').__name__)
print(importlib.import_module('.decoder', 'json').__name__, importlib.import_module('..encoder', 'json.decoder').__name__)
for bad in [lambda: importlib.import_module('no_such_module_here'), lambda: importlib.import_module('.x'),
            lambda: importlib.import_module(''), lambda: importlib.reload(5)]:
    try:
        bad()
    except (ImportError, TypeError, ValueError) as e:
        print(type(e).__name__, e)

here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, '_reload_me.py')
with open(path, 'w') as f:
    f.write('VALUE = 1\n')
sys.path.insert(0, here)
try:
    mod = importlib.import_module('_reload_me')
    print(mod.VALUE)
    with open(path, 'w') as f:
        f.write('VALUE = 2\nEXTRA = 3\n')
    again = importlib.reload(mod)
    print(again is mod, mod.VALUE, mod.EXTRA)
finally:
    os.remove(path)
    sys.path.remove(here)
importlib.invalidate_caches()

print(gettext.gettext('hello'), gettext.ngettext('one file', 'many files', 1), gettext.ngettext('one file', 'many files', 3))
t = gettext.translation('app', fallback=True)
print(type(t).__name__, t.gettext('x'), t.ngettext('a', 'b', 2), t.pgettext('ctx', 'm'), t.info(), t.charset())
try:
    gettext.translation('app')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
t.install()
print(_('installed'))
print(gettext.textdomain(), gettext.dgettext('d', 'msg'), gettext.dngettext('d', 's', 'p', 1))
