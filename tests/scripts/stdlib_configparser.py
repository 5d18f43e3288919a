# configparser: parsing, defaults, interpolation, types, writing, the
# mapping interface, and every error with its message.
import configparser
import io

TEXT = """
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
ForwardX11 = yes

[forge.example]
User = hg
path = /home/%(user)s/repo

[topsecret.server.example]
Port = 50022
ForwardX11 = no
multi = first line
    second line

    after blank
empty =
colon: value with: colon
# a comment
; another
"""

cp = configparser.ConfigParser()
cp.read_string(TEXT)
print(cp.sections(), cp.defaults())
print(cp.has_section('forge.example'), cp.has_section('nope'), cp.has_option('forge.example', 'USER'), cp.has_option('forge.example', 'compression'))
print(cp.options('topsecret.server.example'))
print(cp.get('forge.example', 'path'), cp.get('forge.example', 'path', raw=True), cp.get('forge.example', 'user'))
print(repr(cp.get('topsecret.server.example', 'multi')), repr(cp.get('topsecret.server.example', 'empty')), cp['topsecret.server.example']['colon'])
print(cp.getint('topsecret.server.example', 'port'), cp.getboolean('topsecret.server.example', 'forwardx11'), cp.getfloat('DEFAULT', 'compressionlevel'),
      cp.getboolean('forge.example', 'compression'), cp.getint('forge.example', 'missing', fallback=7))
print(cp.items('forge.example'))
print(cp.items('forge.example', raw=True, vars={'extra': 'v'}))
print(list(cp), len(cp), 'forge.example' in cp, 'DEFAULT' in cp, cp['forge.example'], dict(cp['forge.example']))
sec = cp['forge.example']
print(sec.name, sec.get('user'), sec.get('nope', 'fb'), sec.getint('compressionlevel'), sec.getboolean('forwardx11'), 'user' in sec, len(sec))
sec['newkey'] = 'new value'
del sec['newkey']
print(sec.get('newkey'), sec.parser is cp)
print(cp.get('forge.example', 'path', vars={'user': 'override'}))

cp.add_section('added')
cp.set('added', 'key', '100%% sure')
cp.set('added', 'ref', '%(key)s!')
print(cp.get('added', 'key'), cp.get('added', 'ref'))
cp['mapped'] = {'a': 1, 'b': 'two'}
print(dict(cp['mapped']), cp.remove_option('mapped', 'a'), cp.remove_option('mapped', 'zzz'), cp.remove_section('mapped'), cp.remove_section('mapped'))
out = io.StringIO()
cp.write(out)
print(out.getvalue())
out = io.StringIO()
cp.write(out, space_around_delimiters=False)
print(out.getvalue()[:60])


def attempt(f, *args, **kw):
    try:
        print('ok', repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


attempt(cp.get, 'nosuch', 'x')
attempt(cp.get, 'forge.example', 'nosuch')
attempt(cp.options, 'nosuch')
attempt(cp.add_section, 'forge.example')
attempt(cp.add_section, 'DEFAULT')
attempt(cp.add_section, 5)
attempt(cp.set, 'nosuch', 'a', 'b')
attempt(cp.set, 'added', 'a', 5)
attempt(cp.set, 'added', 'a', '100%')
attempt(cp.getint, 'forge.example', 'user')
attempt(cp.getboolean, 'forge.example', 'user')
attempt(lambda: cp['nosuch'])
attempt(cp.__delitem__, 'DEFAULT')
attempt(cp.read_string, 'no header = 1\n')
attempt(cp.read_string, '[a]\nx=1\n[a]\n')
attempt(cp.read_string, '[b]\nx=1\nx=2\n')
attempt(cp.read_string, '[c]\ngood=1\nbad line\n  \nanother bad\n')
cp.read_string('[i]\nloop = %(loop)s\nmissing = %(nothere)s\nbad = %z\nbad2 = %(open\n')
attempt(cp.get, 'i', 'loop')
attempt(cp.get, 'i', 'missing')
attempt(cp.get, 'i', 'bad')
attempt(cp.get, 'i', 'bad2')
attempt(configparser.ConfigParser().read_dict, {'s': {'k': 1, 'K': 2}})

raw = configparser.RawConfigParser()
raw.read_string('[s]\nv = %(x)s\n')
raw.set('s', 'n', 5)
print(raw.get('s', 'v'), raw.get('s', 'n'))

ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string('[paths]\nhome = /home/me\ndata = ${home}/data\ncost = $$5\n[other]\nlink = ${paths:data}/x\n')
print(ext.get('paths', 'data'), ext.get('other', 'link'), ext.get('paths', 'cost'))
attempt(ext.get, 'other', 'nosuch')
ext.read_string('[e]\nbad = ${a:b:c}\nbad2 = $x\nmiss = ${nothere}\n')
attempt(ext.get, 'e', 'bad')
attempt(ext.get, 'e', 'bad2')
attempt(ext.get, 'e', 'miss')

novalue = configparser.ConfigParser(allow_no_value=True, delimiters=('=',), inline_comment_prefixes=('#',),
                                    comment_prefixes=(';',), empty_lines_in_values=False, default_section='common')
novalue.read_string('[common]\nshared = 1\n[x]\nflag\nkey = value # trailing comment\n# not a comment here = 2\nk2 = a\n\n  not continued = 3\n')
print(novalue.items('x'), novalue.get('x', 'flag'), novalue.defaults())
nostrict = configparser.ConfigParser(strict=False)
nostrict.read_string('[a]\nx=1\nx=2\n[a]\ny=3\n')
print(nostrict.items('a'))
custom = configparser.ConfigParser(converters={'list': lambda v: v.split(',')})
custom.read_string('[s]\nitems = a,b,c\n')
print(custom.getlist('s', 'items'), custom['s'].getlist('items'))


class CaseKeeping(configparser.ConfigParser):
    def optionxform(self, optionstr):
        return optionstr


ck = CaseKeeping()
ck.read_string('[S]\nMixedCase = 1\n')
print(ck.options('S'), ck.read(['/nonexistent/file.ini']))
print(configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH, issubclass(configparser.NoSectionError, configparser.Error))
