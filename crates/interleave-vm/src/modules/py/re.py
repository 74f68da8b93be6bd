# `re`: regular expressions. Matching is native (`_re`, on the `fancy-regex` engine, with
# Python's syntax translated); Pattern and Match objects, substitution templates and `split`
# follow CPython 3.11's Lib/re/__init__.py and the behaviour of its `_sre` objects. Positions
# are in characters. Differences: the flags are plain ints (`print(re.I)` shows `2`), and
# error messages of invalid patterns come from the engine.

import _re

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer', 'compile',
           'purge', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M', 'S', 'X', 'U',
           'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE',
           'NOFLAG', 'RegexFlag']

NOFLAG = 0
TEMPLATE = T = 1
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
DEBUG = 128
ASCII = A = 256
RegexFlag = int

_FLAG_NAMES = [(TEMPLATE, 'TEMPLATE'), (IGNORECASE, 'IGNORECASE'), (LOCALE, 'LOCALE'),
               (MULTILINE, 'MULTILINE'), (DOTALL, 'DOTALL'), (VERBOSE, 'VERBOSE'),
               (DEBUG, 'DEBUG'), (ASCII, 'ASCII')]


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        super().__init__(msg)


PatternError = error


class Pattern:
    """A compiled regular expression object."""

    def __init__(self, pattern, flags):
        if not isinstance(pattern, str):
            raise TypeError('first argument must be string or compiled pattern')
        if flags & ASCII and flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        try:
            groups, named = _re.compile(pattern, flags)
        except ValueError as e:
            raise error(str(e), pattern) from None
        self.pattern = pattern
        self.flags = flags if flags & ASCII else flags | UNICODE
        self._flags = flags
        self.groups = groups
        self.groupindex = dict(named)

    def __repr__(self):
        names = [name for bit, name in _FLAG_NAMES if self._flags & bit]
        rest = self._flags & ~(sum(bit for bit, _ in _FLAG_NAMES) | UNICODE)
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if names or rest:
            flag_text = '|'.join('re.' + n for n in names)
            if rest:
                flag_text = (flag_text + '|' if flag_text else '') + hex(rest)
            return 're.compile(%s, %s)' % (text, flag_text)
        return 're.compile(%s)' % (text,)

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _run(self, string, pos, endpos, mode):
        if endpos is None:
            endpos = len(string)
        spans = _re.search(self.pattern, self._flags, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=None, count=0):
        if endpos is None:
            endpos = len(string)
        return _re.scan(self.pattern, self._flags, string, pos, endpos, count)

    def finditer(self, string, pos=0, endpos=None):
        end = len(string) if endpos is None else endpos
        for spans in self._scan(string, pos, endpos):
            yield Match(self, string, pos, end, spans)

    def findall(self, string, pos=0, endpos=None):
        out = []
        for sp in self._scan(string, pos, endpos):
            if self.groups == 0:
                out.append(string[sp[0]:sp[1]])
            elif self.groups == 1:
                out.append(string[sp[2]:sp[3]] if sp[2] >= 0 else '')
            else:
                out.append(tuple(string[sp[2 * g]:sp[2 * g + 1]] if sp[2 * g] >= 0 else ''
                                 for g in range(1, self.groups + 1)))
        return out

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        out = []
        last = 0
        for sp in self._scan(string, 0, None, maxsplit):
            out.append(string[last:sp[0]])
            for g in range(1, self.groups + 1):
                out.append(string[sp[2 * g]:sp[2 * g + 1]] if sp[2 * g] >= 0 else None)
            last = sp[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = None
        else:
            expand = _compile_template(self, repl)
        pieces = []
        last = 0
        n = 0
        for sp in self._scan(string, 0, None, count):
            pieces.append(string[last:sp[0]])
            if expand is None:
                piece = repl(Match(self, string, 0, len(string), sp))
                if piece is None:
                    piece = ''
                elif not isinstance(piece, str):
                    raise TypeError('expected str instance, %s found' % type(piece).__name__)
            else:
                piece = _expand(expand, string, sp)
            pieces.append(piece)
            last = sp[1]
            n += 1
        pieces.append(string[last:])
        return ''.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b', '\\': '\\'}


def _compile_template(pattern, repl):
    """Parses a replacement template into literal strings and group numbers."""
    if not isinstance(repl, str):
        raise TypeError('expected str instance, %s found' % type(repl).__name__)
    items = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        ch = repl[i]
        if ch != '\\':
            literal.append(ch)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', repl, i - 1)
        ch = repl[i]
        group = None
        if ch == 'g':
            if i + 1 >= n or repl[i + 1] != '<':
                raise error('missing <', repl, i + 1)
            close = repl.find('>', i + 2)
            if close < 0:
                raise error('missing >, unterminated name', repl, i + 2)
            name = repl[i + 2:close]
            if not name:
                raise error('missing group name', repl, i + 2)
            if name.isdigit():
                group = int(name)
            elif name in pattern.groupindex:
                group = pattern.groupindex[name]
            elif name.isidentifier():
                raise IndexError('unknown group name %r' % (name,))
            else:
                raise error('bad character in group name %r' % (name,), repl, i + 2)
            i = close + 1
        elif ch == '0' or (ch in '1234567' and i + 2 < n + 0 and repl[i + 1:i + 2] in '01234567'
                           and repl[i + 1:i + 2] != '' and repl[i + 2:i + 3] in '01234567'
                           and repl[i + 2:i + 3] != ''):
            j = i
            while j < n and j < i + 3 and repl[j] in '01234567':
                j += 1
            literal.append(chr(int(repl[i:j], 8)))
            i = j
            continue
        elif ch.isdigit():
            j = i + 1
            if j < n and repl[j].isdigit():
                j += 1
            group = int(repl[i:j])
            i = j
        elif ch in _ESCAPES:
            literal.append(_ESCAPES[ch])
            i += 1
            continue
        elif ch.isascii() and ch.isalpha():
            raise error('bad escape \\%s' % ch, repl, i - 1)
        else:
            literal.append('\\' + ch)
            i += 1
            continue
        if group > pattern.groups:
            raise error('invalid group reference %d' % group, repl, i)
        if literal:
            items.append(''.join(literal))
            literal = []
        items.append(group)
    if literal:
        items.append(''.join(literal))
    return items


def _expand(items, string, spans):
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif spans[2 * item] >= 0:
            out.append(string[spans[2 * item]:spans[2 * item + 1]])
    return ''.join(out)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        last = None
        for g in range(1, pattern.groups + 1):
            if spans[2 * g] < 0:
                continue
            # The group that closed last: the furthest end, and of those the outermost.
            if last is None or spans[2 * g + 1] > spans[2 * last + 1] or (
                    spans[2 * g + 1] == spans[2 * last + 1] and spans[2 * g] < spans[2 * last]):
                last = g
        self.lastindex = last
        self.lastgroup = None
        if last is not None:
            for name, index in pattern.groupindex.items():
                if index == last:
                    self.lastgroup = name

    def _index(self, group):
        if isinstance(group, str):
            if group in self.re.groupindex:
                return self.re.groupindex[group]
            raise IndexError('no such group')
        if isinstance(group, bool) or not isinstance(group, int):
            try:
                group = group.__index__()
            except AttributeError:
                raise IndexError('no such group') from None
        if group < 0 or group > self.re.groups:
            raise IndexError('no such group')
        return group

    def _get(self, group, default=None):
        g = self._index(group)
        start = self._spans[2 * g]
        if start < 0:
            return default
        return self.string[start:self._spans[2 * g + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(groups[0])
        return tuple(self._get(g) for g in groups)

    def __getitem__(self, group):
        return self._get(group)

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        g = self._index(group)
        return (self._spans[2 * g], self._spans[2 * g + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * g], self._spans[2 * g + 1]) for g in range(self.re.groups + 1))

    def expand(self, template):
        return _expand(_compile_template(self.re, template), self.string, self._spans)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (self._spans[0], self._spans[1], self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p


_cache = {}
_MAXCACHE = 512


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


_special_chars = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    if isinstance(pattern, str):
        return pattern.translate(_special_chars)
    raise TypeError('escape() argument must be str')
