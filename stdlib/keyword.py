"""The keywords of the language, and predicates to test for them."""

kwlist = sorted('''False None True and as assert async await break class
continue def del elif else except finally for from global if import in is
lambda nonlocal not or pass raise return try while with yield'''.split())

softkwlist = ['_', 'case', 'match']

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

_keywords = frozenset(kwlist)
_soft = frozenset(softkwlist)


def iskeyword(s):
    return s in _keywords


def issoftkeyword(s):
    return s in _soft
