# logging: levels, the hierarchy, basicConfig, handlers, formatters,
# exceptions in records, and the last-resort handler.
import io
import logging
import sys

logging.warning('before config goes to stderr via basicConfig')
root = logging.getLogger()
print(root, root.level, logging.getLevelName(root.level), len(root.handlers))
for h in root.handlers[:]:
    root.removeHandler(h)

logging.basicConfig(stream=sys.stdout, level=logging.INFO)
logging.debug('hidden')
logging.info('info %s', 'shown')
logging.warning('warn %d%%', 50)
logging.error('error %(x)s', {'x': 'mapping'})
logging.critical('critical')
logging.log(25, 'level 25')
print(logging.getLevelName(25), logging.getLevelName('INFO'), logging.getLevelName('nope'))
logging.addLevelName(25, 'NOTICE')
logging.log(25, 'level 25 named')

log = logging.getLogger('app.db')
print(log, log.name, log.parent is root, log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))
parent = logging.getLogger('app')
print(log.parent is parent, logging.getLogger('app.db') is log, log.getChild('x').name, root.getChild('y').name)
log.setLevel('DEBUG')
log.debug('debug from %s', log.name)
parent.setLevel(logging.ERROR)
parent.warning('filtered by level')
log.info('still shown (own level)')

out = io.StringIO()
handler = logging.StreamHandler(out)
handler.setFormatter(logging.Formatter('%(name)s|%(levelname)s|%(levelno)d|%(message)s'))
handler.setLevel(logging.WARNING)
other = logging.getLogger('other')
other.addHandler(handler)
other.propagate = False
other.info('not enough')
other.warning('to stream')


def function_name():
    other.error('from a function')


function_name()
print(out.getvalue(), end='')
print(handler, other.hasHandlers(), logging.getLogger('nohandlers').hasHandlers())

fmt_out = io.StringIO()
h2 = logging.StreamHandler(fmt_out)
h2.setFormatter(logging.Formatter('{levelname}:{name}:{message}', style='{'))
fl = logging.getLogger('brace')
fl.addHandler(h2)
fl.propagate = False
fl.warning('brace style')
h2.setFormatter(logging.Formatter('$levelname - ${message}', style='$'))
fl.warning('dollar style')
h2.setFormatter(logging.Formatter())
fl.warning('default formatter %s', 'args')
print(fmt_out.getvalue(), end='')

exc_out = io.StringIO()
exc_handler = logging.StreamHandler(exc_out)
saved_handlers = root.handlers[:]
root.handlers[:] = [exc_handler]
try:
    raise ZeroDivisionError('division by zero')
except ZeroDivisionError:
    logging.exception('caught')
    log.error('with exc_info', exc_info=True)
try:
    raise KeyError('k')
except KeyError as e:
    logging.getLogger('exc').warning('instance', exc_info=e)
root.handlers[:] = saved_handlers
print(exc_out.getvalue().replace(__file__, 'FILE'), end='')


class Only(logging.Filter):
    def filter(self, record):
        return 'keep' in record.getMessage()


flt = logging.getLogger('filtered')
flt.addFilter(Only())
flt.warning('keep this')
flt.warning('drop this')
named = logging.Filter('app')
print(named.filter(logging.makeLogRecord({'name': 'app.db'})), named.filter(logging.makeLogRecord({'name': 'apple'})))

adapter = logging.LoggerAdapter(logging.getLogger('adapted'), {'user': 'bob'})
adapter.warning('adapted message')
print(adapter, adapter.name)
logging.getLogger('extra').warning('extra %s', 'value', extra={'user': 'x'})
try:
    logging.getLogger('extra').warning('bad', extra={'message': 'x'})
except KeyError as e:
    print('KeyError', e)

rec = logging.makeLogRecord({'msg': 'hello %s', 'args': ('world',), 'levelno': 30, 'levelname': 'WARNING'})
print(rec.getMessage(), rec.msg, rec.args)
print(logging.Formatter('%(levelname)s %(message)s').format(rec))

for bad in ['LOUD', 1.5]:
    try:
        log.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    log.log('x', 'msg')
except TypeError as e:
    print('TypeError', e)
try:
    logging.Formatter('%(message)s', style='x')
except ValueError as e:
    print('ValueError', e)
try:
    logging.basicConfig(stream=sys.stdout, filename='x.log')
except ValueError as e:
    print('ValueError', e)

logging.disable(logging.ERROR)
logging.error('disabled')
logging.critical('critical still shown')
logging.disable(logging.NOTSET)

logging.basicConfig(stream=sys.stdout, format='%(levelname)s!%(message)s', force=True)
logging.warning('after force')
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.WARN, logging.ERROR, logging.CRITICAL, logging.FATAL, logging.NOTSET)
print(logging.getLevelNamesMapping()['WARN'])
nh = logging.NullHandler()
quiet = logging.getLogger('quiet')
quiet.addHandler(nh)
quiet.propagate = False
quiet.error('swallowed')
print(repr(logging.getLogger('app')))
