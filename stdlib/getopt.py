"""Command line option parsing in the style of C's getopt()."""

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]

import os


class GetoptError(Exception):
    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def getopt(args, shortopts, longopts=[]):
    """(options, remaining arguments); stops at the first non-option."""
    return _parse(args, shortopts, longopts, gnu=False)


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt, but options and operands may be mixed (GNU style)."""
    return _parse(args, shortopts, longopts, gnu=True)


def _parse(args, shortopts, longopts, gnu):
    longopts = [longopts] if isinstance(longopts, str) else list(longopts)
    in_order = False
    if shortopts.startswith('+'):
        shortopts = shortopts[1:]
        in_order = True
    elif gnu and os.environ.get("POSIXLY_CORRECT"):
        in_order = True
    opts = []
    operands = []
    args = list(args)
    while args:
        arg = args[0]
        if arg == '--':
            operands.extend(args[1:])
            break
        if arg.startswith('--'):
            args = _long(opts, arg[2:], longopts, args[1:])
        elif arg.startswith('-') and arg != '-':
            args = _short(opts, arg[1:], shortopts, args[1:])
        elif gnu and not in_order:
            operands.append(arg)
            args = args[1:]
        else:
            operands.extend(args)
            break
    return opts, operands


def _long(opts, text, longopts, rest):
    name, eq, value = text.partition('=')
    matches = [o for o in longopts if o.startswith(name)]
    if not matches:
        raise GetoptError('option --%s not recognized' % name, name)
    exact = name in matches or name + '=' in matches
    if not exact and len(matches) > 1:
        raise GetoptError('option --%s not a unique prefix' % name, name)
    if name in matches:
        chosen = name
    elif name + '=' in matches:
        chosen = name + '='
    else:
        chosen = matches[0]
    takes_value = chosen.endswith('=')
    full = chosen.rstrip('=')
    if takes_value:
        if not eq:
            if not rest:
                raise GetoptError('option --%s requires argument' % full, full)
            value, rest = rest[0], rest[1:]
    elif eq:
        raise GetoptError('option --%s must not have an argument' % full, full)
    else:
        value = ''
    opts.append(('--' + full, value))
    return rest


def _short(opts, text, shortopts, rest):
    while text:
        letter, text = text[0], text[1:]
        pos = shortopts.find(letter)
        if letter == ':' or pos < 0:
            raise GetoptError('option -%s not recognized' % letter, letter)
        if shortopts.startswith(':', pos + 1):
            if not text:
                if not rest:
                    raise GetoptError('option -%s requires argument' % letter, letter)
                text, rest = rest[0], rest[1:]
            opts.append(('-' + letter, text))
            text = ''
        else:
            opts.append(('-' + letter, ''))
    return rest
