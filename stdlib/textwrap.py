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
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

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
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines
                        or (not chunks or self.drop_whitespace and len(chunks) == 1
                            and not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """Wraps text into a list of lines of at most `width` characters."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wraps text and joins the lines with newlines."""
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
