# atexit: handlers run after the main module, last registered first; a
# failing handler is reported on stderr and the others still run.
import atexit


def goodbye(name, punctuation='!'):
    print('goodbye', name + punctuation)


def failing():
    raise ValueError('handler failed')


def never():
    print('never printed')


atexit.register(goodbye, 'first')
atexit.register(failing)
atexit.register(never)
atexit.register(goodbye, 'second', punctuation='?')
atexit.unregister(never)


@atexit.register
def decorated():
    print('decorated runs first')


try:
    atexit.register(42)
except TypeError as e:
    print('TypeError', e)
print('main done')
