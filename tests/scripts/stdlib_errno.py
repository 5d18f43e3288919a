# errno: the symbolic names and errorcode, as on Linux.
import errno
import os

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EPIPE)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95], len(errno.errorcode))
print(sorted(n for n in dir(errno) if n.startswith('E'))[:10], sum(1 for n in dir(errno) if n.startswith('E')))
try:
    os.stat('/definitely/not/here')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], isinstance(e, FileNotFoundError))
