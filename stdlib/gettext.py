"""Message translation: without catalogues (tulip ships none), every
message translates to itself; the API is there for programs that use it."""

import os
import sys

__all__ = ['NullTranslations', 'GNUTranslations', 'Catalog', 'bindtextdomain',
           'find', 'translation', 'install', 'textdomain', 'dgettext',
           'dngettext', 'gettext', 'ngettext', 'pgettext', 'dpgettext',
           'npgettext', 'dnpgettext']

_default_localedir = os.path.join(sys.prefix, 'share', 'locale') if hasattr(sys, 'prefix') else ''


def _plural(singular, plural, n):
    return singular if n == 1 else plural


class NullTranslations:
    """Translations that return each message as it is, or ask the
    fallback added with add_fallback()."""

    def __init__(self, fp=None):
        self._fallback = None
        self._charset = None
        self._info = {}

    def add_fallback(self, fallback):
        # Fallbacks form a chain: a new one goes to the end.
        holder = self
        while holder._fallback:
            holder = holder._fallback
        holder._fallback = fallback

    def _ask(self, method, args, default):
        return getattr(self._fallback, method)(*args) if self._fallback else default

    def gettext(self, message):
        return self._ask('gettext', (message,), message)

    def ngettext(self, msgid1, msgid2, n):
        return self._ask('ngettext', (msgid1, msgid2, n), _plural(msgid1, msgid2, n))

    def pgettext(self, context, message):
        return self._ask('pgettext', (context, message), message)

    def npgettext(self, context, msgid1, msgid2, n):
        return self._ask('npgettext', (context, msgid1, msgid2, n), _plural(msgid1, msgid2, n))

    def charset(self):
        return self._charset

    def info(self):
        return self._info

    def install(self, names=None):
        """Makes _() (and the functions in `names`) builtins."""
        import builtins
        chosen = {'_': self.gettext}
        for name in names or ():
            if name in ('gettext', 'ngettext', 'pgettext', 'npgettext'):
                chosen[name] = getattr(self, name)
        builtins.__dict__.update(chosen)


class GNUTranslations(NullTranslations):
    """Reading .mo catalogues is not supported; behaves as NullTranslations."""


Catalog = None
_domains = {}
_current_domain = 'messages'


def find(domain, localedir=None, languages=None, all=False):
    return [] if all else None


def translation(domain, localedir=None, languages=None, class_=None, fallback=False):
    if not fallback:
        raise FileNotFoundError(2, 'No translation file found for domain', domain)
    return NullTranslations()


def install(domain, localedir=None, *, names=None):
    translation(domain, localedir, fallback=True).install(names)


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _domains[domain] = localedir
    return _domains.get(domain, _default_localedir)


def dgettext(domain, message):
    return message


def dngettext(domain, msgid1, msgid2, n):
    return msgid1 if n == 1 else msgid2


def dpgettext(domain, context, message):
    return message


def dnpgettext(domain, context, msgid1, msgid2, n):
    return msgid1 if n == 1 else msgid2


def gettext(message):
    return message


def ngettext(msgid1, msgid2, n):
    return msgid1 if n == 1 else msgid2


def pgettext(context, message):
    return message


def npgettext(context, msgid1, msgid2, n):
    return msgid1 if n == 1 else msgid2
