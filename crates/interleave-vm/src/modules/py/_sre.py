# Interleave: `_sre`, the engine under CPython's `re` package (`re/_compiler.py` calls
# `_sre.compile`). This is the object layer of CPython 3.11's `Modules/_sre/sre.c` in Python:
# `Pattern`, `Match` and the scanner, with `sre.c`'s loops for `findall`, `split` and `sub`.
# The matcher itself (`sre_lib.h`) is native: `_interleave_sre` (modules/sre/). Its frames
# are left out of tracebacks, as CPython's C frames are (interp/exc.rs).

import _interleave_sre
from _interleave_sre import (MAXREPEAT, ascii_iscased, unicode_iscased, ascii_tolower,
                             unicode_tolower)
from _interleave_types import mappingproxy

MAGIC = 20220615
CODESIZE = 4
MAXGROUPS = 2147483647 // 2

_MAXSIZE = 9223372036854775807
_FLAG_NAMES = (('re.TEMPLATE', 1), ('re.IGNORECASE', 2), ('re.LOCALE', 4), ('re.MULTILINE', 8),
               ('re.DOTALL', 16), ('re.UNICODE', 32), ('re.VERBOSE', 64), ('re.DEBUG', 128),
               ('re.ASCII', 256))


def getcodesize():
    return CODESIZE


def _index(v):
    # Argument Clinic's Py_ssize_t conversion, clamped to the range the engine takes.
    n = v.__index__() if not isinstance(v, int) else int(v)
    if n > _MAXSIZE or n < -_MAXSIZE - 1:
        raise OverflowError('Python int too large to convert to C ssize_t')
    return n


def _check_subject(pattern, string):
    # sre.c's getstring and the str/bytes agreement check of state_init.
    if isinstance(string, str):
        if pattern._isbytes:
            raise TypeError('cannot use a bytes pattern on a string-like object')
    elif isinstance(string, (bytes, bytearray, memoryview)):
        if not pattern._isbytes:
            raise TypeError('cannot use a string pattern on a bytes-like object')
    else:
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


def _slice(string, start, end):
    # sre.c's getslice: a str (never a subclass) or a bytes object.
    if isinstance(string, str):
        return str(string[start:end]) if type(string) is not str else string[start:end]
    if type(string) is bytes:
        return string[start:end]
    return bytes(string[start:end])


def _bounds(string, pos, endpos):
    n = len(string)
    pos = min(max(pos, 0), n)
    endpos = min(max(endpos, 0), n)
    return pos, endpos


class Pattern:
    __slots__ = ('pattern', 'flags', 'groups', '_groupindex', '_indexgroup', '_code', '_codes',
                 '_isbytes')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def groupindex(self):
        return mappingproxy(self._groupindex)

    def __repr__(self):
        flags = self.flags
        if not self._isbytes and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for name, bit in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append('0x%x' % flags)
        text = repr(self.pattern)[:200]
        if names:
            return 're.compile(%s, %s)' % (text, '|'.join(names))
        return 're.compile(%s)' % text

    def _run(self, string, pos, endpos, mode):
        # The common case (an exact str or bytes of the pattern's kind, int bounds) takes no
        # helper call: this is the hot path of a program's matching loop.
        if not (type(string) is str and not self._isbytes or type(string) is bytes and self._isbytes):
            _check_subject(self, string)
        if type(pos) is not int:
            pos = _index(pos)
        if type(endpos) is not int:
            endpos = _index(endpos)
        found = _interleave_sre.search(self._code, string, pos, endpos, mode, 0, self.groups)
        if found is None:
            return None
        return _new_match(self, string, pos, endpos, found)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        _check_subject(self, string)
        return _interleave_sre.findall(self._code, string, _index(pos), _index(endpos), self.groups)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        # CPython's is iter(scanner.search, None); this is the same loop as a generator.
        _check_subject(self, string)
        return _finditer(self, string, _index(pos), _index(endpos))

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        _check_subject(self, string)
        return SRE_Scanner(self, string, _index(pos), _index(endpos))

    def split(self, string, maxsplit=0):
        maxsplit = _index(maxsplit)
        _check_subject(self, string)
        return _interleave_sre.split(self._code, string, maxsplit, self.groups)

    def _subx(self, repl, string, count):
        # sre.c's pattern_subx. A literal replacement, or a template `re._subx` parsed, is
        # expanded natively; a callable (or a replacement of the wrong type, whose error the
        # join below raises) goes through the Python loop.
        count = _index(count)
        if callable(repl):
            filter = repl
            is_callable = True
        else:
            if isinstance(repl, str):
                literal = '\\' not in repl
            else:
                try:
                    literal = 92 not in memoryview(repl).tobytes()
                except TypeError:
                    literal = False
            if literal:
                filter = repl
                is_callable = False
            else:
                import re
                filter = re._subx(self, repl)
                is_callable = callable(filter)
        _check_subject(self, string)
        if is_callable:
            parts = _template_parts(filter)
        else:
            parts = (filter,)
        if parts is not None and all(type(p) is int or type(p) is (str if isinstance(string, str) else bytes)
                                     for p in parts):
            return _interleave_sre.subx(self._code, string, count, parts)
        pieces = []
        i = 0
        n = 0
        if count >= 0:
            for m in _interleave_sre.scan(self._code, string, 0, _MAXSIZE, self.groups, count):
                b, e = m[1], m[2]
                if i < b:
                    pieces.append(_slice(string, i, b))
                if is_callable:
                    item = filter(_new_match(self, string, 0, _MAXSIZE, m))
                else:
                    item = filter
                if item is not None:
                    pieces.append(item)
                i = e
                n += 1
        if i < len(string):
            pieces.append(_slice(string, i, len(string)))
        joiner = _slice(string, 0, 0)
        if not pieces:
            return joiner, n
        return joiner.join(pieces), n

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        if self is other:
            return True
        return (self.flags == other.flags and self._isbytes == other._isbytes
                and self._code == other._code and self.pattern == other.pattern)

    def __hash__(self):
        h = hash(self.pattern) ^ hash(self._code) ^ self.flags ^ int(self._isbytes) ^ self._codes
        return -2 if h == -1 else h

    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)


Pattern.__module__ = 're'


def _template_parts(filter):
    # The parsed template of the filter `re._subx` returns (its `template` default), as
    # literals and group numbers; None for any other callable.
    defaults = getattr(filter, '__defaults__', None)
    if getattr(filter, '__qualname__', None) != '_subx.<locals>.filter' or not defaults:
        return None
    groups, literals = defaults[0]
    parts = list(literals)
    for index, group in groups:
        parts[index] = group
    return tuple(parts)


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    self = object.__new__(Pattern)
    self.pattern = pattern
    self.flags = flags
    self.groups = groups
    self._groupindex = dict(groupindex)
    self._indexgroup = tuple(indexgroup)
    self._code = _interleave_sre.pack([c if type(c) is int else c.__index__() for c in code])
    self._codes = len(code)
    if pattern is None:
        self._isbytes = False
    elif isinstance(pattern, str):
        self._isbytes = False
    elif isinstance(pattern, (bytes, bytearray, memoryview)):
        self._isbytes = True
    else:
        raise TypeError("expected string or bytes-like object, got '%s'" % type(pattern).__name__)
    return self


def _new_match(pattern, string, pos, endpos, found):
    m = object.__new__(Match)
    m.re = pattern
    m.string = string
    n = len(string)
    m.pos = pos if 0 <= pos <= n else (0 if pos < 0 else n)
    m.endpos = endpos if 0 <= endpos <= n else (0 if endpos < 0 else n)
    m._lastindex = found[0]
    m._marks = found  # (lastindex, start0, end0, start1, end1, ...)
    return m


class Match:
    __slots__ = ('re', 'string', 'pos', 'endpos', '_lastindex', '_marks')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _getindex(self, index):
        # sre.c's match_getindex.
        if isinstance(index, int):
            i = int(index)
        elif hasattr(type(index), '__index__'):
            i = index.__index__()
        else:
            i = self.re._groupindex.get(index, -1) if self.re._groupindex else -1
            if not isinstance(i, int):
                i = -1
        if i < 0 or i > self.re.groups:
            raise IndexError('no such group')
        return i

    def _get(self, i, default):
        start = self._marks[2 * i + 1]
        if start < 0:
            return default
        return _slice(self.string, start, self._marks[2 * i + 2])

    def group(self, *args):
        if not args:
            return self._get(0, None)
        if len(args) == 1:
            i = args[0]
            if type(i) is not int or i < 0 or i > self.re.groups:
                i = self._getindex(i)
            marks = self._marks
            start = marks[2 * i + 1]
            if start < 0:
                return None
            string = self.string
            if type(string) is str or type(string) is bytes:
                return string[start:marks[2 * i + 2]]
            return _slice(string, start, marks[2 * i + 2])
        return tuple(self._get(self._getindex(a), None) for a in args)

    def __getitem__(self, index):
        return self.group(index)

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(self._getindex(name), default) for name in self.re._groupindex}

    def start(self, group=0):
        if type(group) is not int or group < 0 or group > self.re.groups:
            group = self._getindex(group)
        return self._marks[2 * group + 1]

    def end(self, group=0):
        if type(group) is not int or group < 0 or group > self.re.groups:
            group = self._getindex(group)
        return self._marks[2 * group + 2]

    def span(self, group=0):
        i = self._getindex(group)
        return (self._marks[2 * i + 1], self._marks[2 * i + 2])

    @property
    def regs(self):
        return tuple((self._marks[2 * i + 1], self._marks[2 * i + 2]) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        return None if self._lastindex < 0 else self._lastindex

    @property
    def lastgroup(self):
        if self._lastindex < 0:
            return None
        indexgroup = self.re._indexgroup
        if self._lastindex < len(indexgroup):
            return indexgroup[self._lastindex]
        return None

    def expand(self, template):
        import re
        return re._expand(self.re, self, template)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%s>' % (
            self._marks[1], self._marks[2], repr(self._get(0, None))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)


Match.__module__ = 're'


def _finditer(pattern, string, pos, endpos):
    start = min(max(pos, 0), len(string))
    must_advance = 0
    code = pattern._code
    groups = pattern.groups
    search = _interleave_sre.search
    while True:
        found = search(code, string, start, endpos, 2, must_advance, groups)
        if found is None:
            return
        must_advance = 1 if found[2] == found[1] else 0
        start = found[2]
        yield _new_match(pattern, string, pos, endpos, found)


class SRE_Scanner:
    __slots__ = ('pattern', '_string', '_pos', '_endpos', '_start', '_must_advance')

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._start = _bounds(string, pos, endpos)[0]
        self._must_advance = 0

    def _next(self, mode):
        if self._start is None:
            return None
        found = _interleave_sre.search(self.pattern._code, self._string, self._start, self._endpos,
                                       mode, self._must_advance, self.pattern.groups)
        if found is None:
            self._start = None
            return None
        m = _new_match(self.pattern, self._string, self._pos, self._endpos, found)
        self._must_advance = 1 if found[2] == found[1] else 0
        self._start = found[2]
        return m

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


SRE_Scanner.__module__ = '_sre'


def _generic_alias(cls, item):
    # FIXME: should be a types.GenericAlias; Interleave has none yet, and `list[int]` is `list`
    # too (interp/iter.rs).
    return cls
