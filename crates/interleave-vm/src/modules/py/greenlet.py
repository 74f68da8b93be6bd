"""greenlet 3: lightweight coroutines with stackful switching inside one OS thread.

Interleave: greenlet is a C extension in CPython; this is its semantics written in Python over
the native `_interleave_greenlet`, which parks the running greenlet's frames and installs the
target's (the machine sees one thread). Frames of this file are left out of tracebacks, as C
has none.
"""

import _interleave_greenlet as _g
from _thread import get_ident as _get_ident

__version__ = '3.5.6'


class error(Exception):
    pass


class GreenletExit(BaseException):
    pass


# thread ident -> the greenlet running on that thread (created lazily: its main greenlet).
_current = {}
_main_names = {}


def getcurrent():
    ident = _get_ident()
    cur = _current.get(ident)
    if cur is None:
        cur = object.__new__(greenlet)
        cur._slot = _g.new_slot()
        cur._started = True
        cur._dead = False
        cur._parent = None
        cur._thread = ident
        cur._main = True
        _current[ident] = cur
    return cur


def _pack(args, kwargs):
    if not kwargs:
        if len(args) == 1:
            return args[0]
        return args
    if not args:
        return kwargs
    return (args, kwargs)


def _receive(message):
    # What a greenlet's pending switch() returns (or raises) when it is switched back to.
    kind = message[0]
    if kind == 0:
        return _pack(message[1], message[2])
    if kind == 1:
        return message[1]
    raise message[1]


def _trace_name(g):
    name = getattr(g, '_trace_label', None)
    if name is not None:
        return name
    if g._main:
        return 'main'
    return 'greenlet-%d' % g._slot


def _switch_to(target, message):
    cur = getcurrent()
    if target._thread != cur._thread:
        raise error('Cannot switch to a different thread\n\tCurrent:  %r\n\tExpected: %r' % (cur, target))
    while target._dead:
        target = target._parent
    if target is cur:
        return _receive(message)
    if not target._started:
        try:
            target.run
        except AttributeError:
            raise AttributeError('run') from None
    _current[cur._thread] = target
    start = None if target._started else target._bootstrap
    target._started = True
    return _receive(_g.switch(cur._slot, target._slot, message, start, False,
                              _trace_name(cur), _trace_name(target)))


class greenlet:
    def __init__(self, run=None, parent=None):
        if run is not None:
            self.run = run
        cur = getcurrent()
        if parent is None:
            parent = cur
        self._slot = _g.new_slot()
        self._started = False
        self._dead = False
        self._parent = parent
        self._thread = cur._thread
        self._main = False

    def switch(self, *args, **kwargs):
        return _switch_to(self, (0, args, kwargs))

    def throw(self, typ=GreenletExit, val=None, tb=None):
        if isinstance(typ, BaseException):
            exc = typ
        elif val is None:
            exc = typ()
        elif isinstance(val, BaseException):
            exc = val
        else:
            exc = typ(val)
        if not self._started and not self._dead:
            # Never started: it dies at once, and the exception goes to its parent.
            self._started = True
            self._dead = True
            if isinstance(exc, GreenletExit):
                return _switch_to(self._parent, (1, exc))
            return _switch_to(self._parent, (2, exc))
        return _switch_to(self, (2, exc))

    def _bootstrap(self, message):
        # The first frame of a new greenlet (started by `_g.switch`). It never returns: the
        # greenlet's end switches to its parent, with the result or the escaping exception.
        try:
            if message[0] == 2:
                raise message[1]
            result = (1, self.run(*message[1], **message[2]))
        except GreenletExit as e:
            result = (1, e)
        except BaseException as e:
            result = (2, e)
        self._dead = True
        try:
            del self.run
        except AttributeError:
            pass
        parent = self._parent
        while parent._dead:
            parent = parent._parent
        _current[self._thread] = parent
        _g.switch(self._slot, parent._slot, result, None, True, _trace_name(self), _trace_name(parent))

    @property
    def dead(self):
        return self._dead

    @property
    def parent(self):
        return self._parent

    @parent.setter
    def parent(self, value):
        if not isinstance(value, greenlet):
            raise TypeError('parent must be a greenlet')
        p = value
        while p is not None:
            if p is self:
                raise ValueError('cyclic parent chain')
            p = p._parent
        self._parent = value

    @property
    def gr_frame(self):
        if self._dead or not self._started or self is getcurrent():
            return None
        raise NotImplementedError('greenlet.gr_frame of a suspended greenlet is not supported by Interleave')

    @property
    def gr_context(self):
        raise NotImplementedError('greenlet.gr_context is not supported by Interleave')

    def __bool__(self):
        return self._started and not self._dead

    def __repr__(self):
        states = []
        if self is getcurrent():
            states.append('current')
        elif self._started and not self._dead:
            states.append('suspended')
        if self._dead:
            states.append('dead')
        else:
            if self._started:
                states.append('active')
                states.append('started')
            if self._main:
                states.append('main')
        # Interleave: C greenlet also shows the thread id (otid=0x…).
        return '<%s.%s object at %s (otid=%s) %s>' % (
            type(self).__module__, type(self).__qualname__, hex(id(self)),
            hex(self._thread), ' '.join(states))


def settrace(callback):
    raise NotImplementedError('greenlet.settrace is not supported by Interleave')


def gettrace():
    return None
