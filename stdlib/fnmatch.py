"""Shell-style wildcard matching of file names: `*`, `?`, `[seq]`, `[!seq]`.

translate() gives the same regular expression text as CPython 3.11.
"""

import os
import posixpath
import re
import functools

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Matches name against pat, both passed through os.path.normcase."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


@functools.lru_cache(maxsize=32768, typed=True)
def _compiled(pat):
    if isinstance(pat, bytes):
        text = str(pat, 'ISO-8859-1')
        return re.compile(translate(text).encode('ISO-8859-1')).match
    return re.compile(translate(pat)).match


def filter(names, pat):
    """The names in `names` that match `pat`."""
    pat = os.path.normcase(pat)
    match = _compiled(pat)
    if os.path is posixpath:
        return [name for name in names if match(name)]
    return [name for name in names if match(os.path.normcase(name))]


def fnmatchcase(name, pat):
    """Matches name against pat, case-sensitively."""
    return _compiled(pat)(name) is not None


_STAR = object()


def _bracket(pat, start, end):
    """The regular expression set for pat[start:end], the inside of [...]
    (None when the set is empty and can match nothing)."""
    negate = pat[start] == '!'
    body = pat[start:end]
    if '-' not in body:
        text = body.replace('\\', r'\\')
    else:
        # Split into pieces at the hyphens that make ranges, then merge
        # away ranges whose ends are reversed (empty in a regex).
        pieces = []
        piece_start = start
        search_from = start + 2 if negate else start + 1
        while True:
            dash = pat.find('-', search_from, end)
            if dash < 0:
                break
            pieces.append(pat[piece_start:dash])
            piece_start = dash + 1
            search_from = dash + 3
        rest = pat[piece_start:end]
        if rest:
            pieces.append(rest)
        else:
            pieces[-1] += '-'
        k = len(pieces) - 1
        while k > 0:
            if pieces[k - 1][-1] > pieces[k][0]:
                pieces[k - 1] = pieces[k - 1][:-1] + pieces[k][1:]
                del pieces[k]
            k -= 1
        text = '-'.join(p.replace('\\', r'\\').replace('-', r'\-') for p in pieces)
    text = re.sub(r'([&~|])', r'\\\1', text)
    if not text:
        return '(?!)'
    if text == '!':
        return '.'
    if text[0] == '!':
        text = '^' + text[1:]
    elif text[0] in ('^', '['):
        text = '\\' + text
    return '[' + text + ']'


def translate(pat):
    """The regular expression text that matches what shell pattern `pat` does."""
    parts = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not parts or parts[-1] is not _STAR:
                parts.append(_STAR)
        elif c == '?':
            parts.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                parts.append('\\[')
            else:
                parts.append(_bracket(pat, i, j))
                i = j + 1
        else:
            parts.append(re.escape(c))
    # A star followed by a fixed run and another star becomes an atomic
    # lazy group; the last star is a plain `.*`.
    out = []
    k, m = 0, len(parts)
    while k < m and parts[k] is not _STAR:
        out.append(parts[k])
        k += 1
    while k < m:
        k += 1
        if k == m:
            out.append('.*')
            break
        fixed = []
        while k < m and parts[k] is not _STAR:
            fixed.append(parts[k])
            k += 1
        fixed = ''.join(fixed)
        if k == m:
            out.append('.*')
            out.append(fixed)
        else:
            out.append('(?>.*?' + fixed + ')')
    return '(?s:' + ''.join(out) + ')\\Z'
