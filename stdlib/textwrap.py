"""Text wrapping and filling: wrap, fill, shorten, dedent, indent."""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    # [^\d\W]: a word character that is not a digit
    return (c.isalnum() or c == "_") and not c.isdecimal()


def _is_wp(c):
    return c.isalnum() or c in "_!\"'&.,?"


class TextWrapper:
    """Wraps paragraphs of text to a width; see the module functions."""

    unicode_whitespace_trans = {ord(c): " " for c in _whitespace}

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        """Expand tabs and turn every other whitespace character into a space,
        as the options ask."""
        expanded = text.expandtabs(self.tabsize) if self.expand_tabs else text
        if not self.replace_whitespace:
            return expanded
        return expanded.translate(self.unicode_whitespace_trans)

    def _split(self, text):
        """Splits text into whitespace runs and words; with break_on_hyphens,
        hyphenated words split after their hyphens and em-dashes stand alone
        (the chunks CPython's wordsep_re produces)."""
        chunks = []
        n = len(text)
        i = 0
        ws = _whitespace
        while i < n:
            start = i
            if text[i] in ws:
                while i < n and text[i] in ws:
                    i += 1
                chunks.append(text[start:i])
                continue
            if not self.break_on_hyphens:
                while i < n and text[i] not in ws:
                    i += 1
                chunks.append(text[start:i])
                continue
            # An em-dash between words.
            if (text[i] == "-" and start > 0 and _is_wp(text[start - 1])):
                j = i
                while j < n and text[j] == "-":
                    j += 1
                if j - i >= 2 and j < n and _is_word(text[j]):
                    chunks.append(text[i:j])
                    i = j
                    continue
            # A word, possibly hyphenated: the shortest run of non-space
            # characters ending at a break point.
            j = start + 1
            while True:
                if j >= n or text[j] in ws:
                    break
                c = text[j]
                if c == "-":
                    # The hyphen ends the chunk if letters surround it.
                    before = (j >= 2 and _is_letter(text[j - 1]) and _is_letter(text[j - 2])) or (
                        j >= 3 and _is_letter(text[j - 1]) and text[j - 2] == "-"
                        and _is_letter(text[j - 3]))
                    if before and j + 1 < n and _is_letter(text[j + 1]) and (
                            (j + 2 < n and _is_letter(text[j + 2]))
                            or (j + 3 < n and text[j + 2] == "-" and _is_letter(text[j + 3]))):
                        j += 1
                        break
                    # An em-dash follows a word.
                    if _is_wp(text[j - 1]):
                        k = j
                        while k < n and text[k] == "-":
                            k += 1
                        if k - j >= 2 and k < n and _is_word(text[k]):
                            break
                j += 1
            chunks.append(text[start:j])
            i = j
        return chunks

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and self._sentence_end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    @staticmethod
    def _sentence_end(chunk):
        # [a-z][.!?]["']?\Z
        if chunk[-1:] in ("\"", "'"):
            chunk = chunk[:-1]
        return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put (part of) the chunk on top of reversed_chunks, too long for any
        line, on the current line."""
        if not self.break_long_words:
            # Long words overflow, but each starts a line of its own.
            if not cur_line:
                cur_line.append(reversed_chunks.pop())
            return
        room = 1 if width < 1 else width - cur_len
        word = reversed_chunks[-1]
        cut = room
        if self.break_on_hyphens and len(word) > room:
            # Rather break just after the last hyphen that fits, unless only
            # hyphens come before it.
            hyphen = word.rfind("-", 0, room)
            if hyphen > 0 and word[:hyphen].strip("-"):
                cut = hyphen + 1
        cur_line.append(word[:cut])
        reversed_chunks[-1] = word[cut:]

    def _wrap_chunks(self, chunks):
        """Pack chunks (words and whitespace runs) into lines."""
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        if self.max_lines is not None:
            last_indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(last_indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        pending = chunks
        pending.reverse()  # a stack: the next chunk is pending[-1]
        lines = []
        while pending:
            indent = self.subsequent_indent if lines else self.initial_indent
            room = self.width - len(indent)
            if lines and self.drop_whitespace and not pending[-1].strip():
                pending.pop()  # no line starts with whitespace but the first
            line = []
            used = 0
            while pending and used + len(pending[-1]) <= room:
                used += len(pending[-1])
                line.append(pending.pop())
            if pending and len(pending[-1]) > room:
                self._handle_long_word(pending, line, used, room)
                used = sum(map(len, line))
            if self.drop_whitespace and line and not line[-1].strip():
                used -= len(line.pop())
            if not line:
                continue
            if self._room_for_line(lines, pending, used, room):
                lines.append(indent + "".join(line))
            else:
                self._end_with_placeholder(lines, line, used, room, indent)
                break
        return lines

    def _room_for_line(self, lines, pending, used, room):
        # Under max_lines, the last allowed line may hold only the final words.
        if self.max_lines is None or len(lines) + 1 < self.max_lines:
            return True
        rest_is_blank = not pending or (
            self.drop_whitespace and len(pending) == 1 and not pending[0].strip())
        return rest_is_blank and used <= room

    def _end_with_placeholder(self, lines, line, used, room, indent):
        # Drop words from the end of the last line until the placeholder fits
        # after a word; failing that, append it to the previous line, or give
        # it a line of its own.
        mark = self.placeholder
        while line:
            if line[-1].strip() and used + len(mark) <= room:
                lines.append(indent + "".join(line) + mark)
                return
            used -= len(line.pop())
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(mark) <= self.width:
                lines[-1] = previous + mark
                return
        lines.append(indent + mark.lstrip())

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """Wrap text into a list of lines of at most `width` characters."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wrap text into one string: the lines joined with newlines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wraps text into a list of lines of at most `width` characters."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Wraps text into one string of lines of at most `width` characters."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapses whitespace and truncates text to fit width, ending it with
    the placeholder (" [...]") when words were dropped."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Removes the whitespace prefix common to all non-blank lines; lines of
    only spaces and tabs become empty."""
    lines = text.split("\n")
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not stripped:
            if line:
                lines[i] = ""
            continue
        ind = line[:len(line) - len(stripped)]
        if margin is None:
            margin = ind
        elif ind.startswith(margin):
            pass
        elif margin.startswith(ind):
            margin = ind
        else:
            for k, (x, y) in enumerate(zip(margin, ind)):
                if x != y:
                    margin = margin[:k]
                    break
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Adds prefix to the lines of text for which predicate(line) is true
    (by default, lines that are not only whitespace)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
