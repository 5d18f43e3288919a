"""Base16, Base32, Base64 and Base85 encodings of binary data.

Base64 and hex are done by the native `binascii`; the rest here.
"""

import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes',
           'b64encode', 'b64decode', 'b32encode', 'b32decode',
           'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
           'b85encode', 'b85decode', 'a85encode', 'a85decode',
           'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode']

bytes_types = (bytes, bytearray)


def _input_bytes(s):
    """Bytes from a bytes-like value or an ASCII str."""
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return bytes(s)
    try:
        return memoryview(s).tobytes()
    except (TypeError, NameError):
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


def _swap(data, frm, to):
    return data.translate(bytes.maketrans(frm, to))


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _swap(encoded, b'+/', altchars)
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _input_bytes(s)
    if altchars is not None:
        altchars = _input_bytes(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _swap(s, altchars, b'+/')
    return binascii.a2b_base64(s, strict_mode=bool(validate))


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return _swap(b64encode(s), b'+/', b'-_')


def urlsafe_b64decode(s):
    return b64decode(_swap(_input_bytes(s), b'-_', b'+/'))


_B32 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'


def _b32_encode(alphabet, s):
    if not isinstance(s, bytes_types):
        s = memoryview(s).tobytes()
    out = bytearray()
    for start in range(0, len(s), 5):
        chunk = s[start:start + 5]
        n = int.from_bytes(chunk + bytes(5 - len(chunk)), 'big')
        chars = bytes(alphabet[(n >> (35 - 5 * k)) & 31] for k in range(8))
        used = (len(chunk) * 8 + 4) // 5
        out += chars[:used] + b'=' * (8 - used)
    return bytes(out)


def _b32_decode(alphabet, s, casefold=False, map01=None):
    s = _input_bytes(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _input_bytes(map01)
        assert len(map01) == 1, repr(map01)
        s = _swap(s, b'01', b'O' + map01)
    if casefold:
        s = s.upper()
    body = s.rstrip(b'=')
    pad = len(s) - len(body)
    values = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    for start in range(0, len(body), 8):
        chunk = body[start:start + 8]
        n = 0
        for c in chunk:
            if c not in values:
                raise binascii.Error('Non-base32 digit found')
            n = (n << 5) | values[c]
        n <<= 5 * (8 - len(chunk))
        out += n.to_bytes(5, 'big')
    if pad:
        keep = {1: 4, 3: 3, 4: 2, 6: 1}.get(pad)
        if keep is None or not out:
            raise binascii.Error('Incorrect padding')
        del out[len(out) - 5 + keep:]
    return bytes(out)


def b32encode(s):
    return _b32_encode(_B32, s)


def b32decode(s, casefold=False, map01=None):
    return _b32_decode(_B32, s, casefold, map01)


def b32hexencode(s):
    return _b32_encode(_B32HEX, s)


def b32hexdecode(s, casefold=False):
    return _b32_decode(_B32HEX, s, casefold)


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _input_bytes(s)
    if casefold:
        s = s.upper()
    if any(c not in b'0123456789ABCDEF' for c in s):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


_B85 = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
_A85_FIRST = 33


def _to_base85(data, alphabet, pad, fold_z=False, fold_y=False):
    if not isinstance(data, bytes_types):
        data = memoryview(data).tobytes()
    extra = -len(data) % 4
    padded = data + bytes(extra)
    out = bytearray()
    for start in range(0, len(padded), 4):
        n = int.from_bytes(padded[start:start + 4], 'big')
        if fold_z and n == 0:
            out += b'z'
            continue
        if fold_y and n == 0x20202020:
            out += b'y'
            continue
        digits = bytearray(5)
        for k in range(4, -1, -1):
            n, digits[k] = divmod(n, 85)
        out += bytes(alphabet[d] for d in digits)
    if extra and not pad:
        if out.endswith(b'z'):
            out[-1:] = bytes([alphabet[0]]) * 5
        del out[len(out) - extra:]
    return bytes(out)


def b85encode(b, pad=False):
    return _to_base85(b, _B85, pad)


def b85decode(b):
    b = _input_bytes(b)
    values = {c: i for i, c in enumerate(_B85)}
    extra = -len(b) % 5
    b = b + b'~' * extra
    out = bytearray()
    for start in range(0, len(b), 5):
        n = 0
        for k, c in enumerate(b[start:start + 5]):
            if c not in values:
                raise ValueError('bad base85 character at position %d' % (start + k))
            n = n * 85 + values[c]
        if n > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % start)
        out += n.to_bytes(4, 'big')
    if extra:
        del out[len(out) - extra:]
    return bytes(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    alphabet = bytes(range(_A85_FIRST, _A85_FIRST + 85))
    body = _to_base85(b, alphabet, pad, fold_z=True, fold_y=foldspaces)
    if adobe:
        body = b'<~' + body
    if wrapcol:
        width = max(2 if adobe else 1, wrapcol)
        body = b'\n'.join(body[i:i + width] for i in range(0, len(body), width))
    if adobe:
        if wrapcol and len(body) % (wrapcol + 1) + 2 > wrapcol:
            body += b'\n'
        body += b'~>'
    return body


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\x0b'):
    b = _input_bytes(b)
    if adobe:
        if not b.endswith(b'~>'):
            raise ValueError("Ascii85 encoded byte sequences must end with {!r}".format(b'~>'))
        b = b[2:-2] if b.startswith(b'<~') else b[:-2]
    out = bytearray()
    group = []
    for c in b:
        if 33 <= c <= 117:
            group.append(c - 33)
            if len(group) == 5:
                n = 0
                for d in group:
                    n = n * 85 + d
                if n > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                out += n.to_bytes(4, 'big')
                group = []
        elif c == 122:
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += bytes(4)
        elif foldspaces and c == 121:
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif c in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % c)
    if group:
        missing = 5 - len(group)
        n = 0
        for d in group + [84] * missing:
            n = n * 85 + d
        out += n.to_bytes(4, 'big')[:4 - missing]
    return bytes(out)


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encodebytes(s):
    if not isinstance(s, bytes_types):
        s = memoryview(s).tobytes()
    pieces = [binascii.b2a_base64(s[i:i + MAXBINSIZE]) for i in range(0, len(s), MAXBINSIZE)]
    return b''.join(pieces)


def decodebytes(s):
    if not isinstance(s, bytes_types):
        raise TypeError("expected bytes-like object, not %s" % s.__class__.__name__)
    return binascii.a2b_base64(s)


def encode(input, output):
    while True:
        chunk = input.read(MAXBINSIZE)
        if not chunk:
            break
        while len(chunk) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(chunk))
            if not more:
                break
            chunk += more
        output.write(binascii.b2a_base64(chunk))


def decode(input, output):
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
