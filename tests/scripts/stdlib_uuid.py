# uuid: parsing every form, the fields and properties, the name-based
# versions (deterministic), the random ones (by shape), and the errors.
import uuid


def attempt(f, *args, **kw):
    try:
        print('ok', repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


forms = ['12345678-1234-5678-1234-567812345678', '{12345678-1234-5678-1234-567812345678}',
         '12345678123456781234567812345678', 'urn:uuid:12345678-1234-5678-1234-567812345678',
         '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
         '6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'c1d2e3f4-a5b6-4c7d-9e8f-0a1b2c3d4e5f',
         'c1d2e3f4-a5b6-4c7d-ce8f-0a1b2c3d4e5f', 'c1d2e3f4-a5b6-4c7d-ee8f-0a1b2c3d4e5f']
for text in forms:
    u = uuid.UUID(text)
    print(repr(u), str(u), u.hex, u.int, u.urn)
    print(u.bytes, u.bytes_le, u.fields, u.time_low, u.time_mid, u.time_hi_version,
          u.clock_seq_hi_variant, u.clock_seq_low, u.node, u.time, u.clock_seq, u.variant, u.version)
    assert uuid.UUID(bytes=u.bytes) == u and uuid.UUID(bytes_le=u.bytes_le) == u
    assert uuid.UUID(fields=u.fields) == u and uuid.UUID(int=u.int) == u and int(u) == u.int
print(uuid.UUID(int=1, version=4), uuid.UUID(hex='0' * 32, version=1).version)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
print(uuid.uuid5(uuid.NAMESPACE_OID, 'x'), uuid.NAMESPACE_X500)
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), r != uuid.uuid4())
t = uuid.uuid1()
print(t.version, t.variant, uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).node == 0x123456789abc)
a, b = uuid.UUID(int=1), uuid.UUID(int=2)
print(a < b, a <= b, b > a, a == uuid.UUID(int=1), a != b, hash(a) == hash(uuid.UUID(int=1)), sorted([b, a])[0] == a)
print({a: 1}[uuid.UUID(int=1)], a == 1, a.is_safe, uuid.SafeUUID.safe.value)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
attempt(uuid.UUID, 'not a uuid')
attempt(uuid.UUID, '1234567812345678123456781234567g')
attempt(uuid.UUID)
attempt(uuid.UUID, '12345678123456781234567812345678', int=5)
attempt(uuid.UUID, bytes=b'short')
attempt(uuid.UUID, bytes_le=b'short')
attempt(uuid.UUID, fields=(1, 2, 3))
attempt(uuid.UUID, fields=(1 << 32, 0, 0, 0, 0, 0))
attempt(uuid.UUID, fields=(0, 0, 0, 0, 256, 0))
attempt(uuid.UUID, int=-1)
attempt(uuid.UUID, int=1 << 128)
attempt(uuid.UUID, int=1, version=6)
try:
    a.int = 5
except TypeError as e:
    print('TypeError', e)
attempt(uuid.uuid3, uuid.NAMESPACE_URL, b'bytes name')
