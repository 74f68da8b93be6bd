# `gevent.hub`: the hub greenlet and its event loop, modelled on gevent 26.9.0's
# gevent/hub.py, _hub_primitives.py, _waiter.py, _greenlet_primitives.py, _hub_local.py and the
# libev loop (gevent/libev/corecext + _ffi/loop.py).
#
# Interleave: gevent's loop is libev, in C. Here `loop` is Python with libev's observable order:
# each iteration runs the queued callbacks (FIFO, those added meanwhile too; every 50 it
# re-reads the clock and stops after a switch interval, as `_run_callbacks` does), then blocks
# the OS thread until the next timer (`idle_wait`: the real, unpatched `time.sleep` on the
# virtual clock, rounded up to whole milliseconds as epoll's timeout is; with io watchers
# started, a `select` on their descriptors with that timeout), then runs the io watchers whose
# descriptors are ready, then fires expired timers by priority, deadline and creation. When nothing keeps the loop alive (no callbacks,
# no referenced timers) `Hub.run` throws `LoopExit` into the main greenlet. Thread-locals are
# dicts keyed by thread ident; there is no IdentRegistry reuse (the VM has no weakrefs), so
# `Greenlet-N` names count up. Frames of gevent's modules are left out of tracebacks (gevent
# is compiled with Cython in CPython).

import sys
import _time
from heapq import heappush, heappop
from _collections import deque
from _thread import get_ident as _get_thread_ident
from _interleave_frames import format_exception as _format_exception

from greenlet import greenlet as RawGreenlet
from greenlet import getcurrent
from greenlet import GreenletExit
from greenlet import error as GreenletError

from gevent.exceptions import LoopExit, BlockingSwitchOutError, InvalidSwitchError
from gevent.exceptions import ConcurrentObjectUseError, HubDestroyed

__all__ = ['getcurrent', 'GreenletExit', 'spawn_raw', 'sleep', 'kill', 'signal', 'reinit',
           'get_hub', 'Hub', 'Waiter']

_real_sleep = _time.sleep
_monotonic = _time.monotonic
_net = None  # `_interleave_net`, imported when the first io watcher starts
_MAIN_THREAD_IDENT = _get_thread_ident()

# The most libev blocks in one poll (MAX_BLOCKTIME).
_MAX_BLOCKTIME = 59.743
# epoll's timeout resolution (libev's backend_mintime for epoll).
_BACKEND_MINTIME = 1e-3


def idle_wait(seconds, ios=()):
    """The one place where the hub blocks its OS thread: nothing is ready, so it waits up to
    `seconds` for the next event (epoll_wait's part in libev). Without io watchers that is the
    real, unpatched `time.sleep` on the virtual clock, which releases the GIL so that other
    threads run; with io watchers (cooperative sockets, `gevent.select`) it is a `select` on
    their descriptors with that timeout (a poll when `seconds` is 0). Returns the watchers whose
    descriptors are ready, in the order they were started."""
    # Interleave: epoll_wait's timeout is in whole milliseconds, rounded up (EV_TS_TO_MSEC).
    ms = int(seconds * 1e3 + 0.9999)
    if not ios:
        if ms > 0:
            _real_sleep(ms / 1e3)
        return ()
    rfds = []
    wfds = []
    for w in ios:
        if w.events & 1 and w.fd not in rfds:
            rfds.append(w.fd)
        if w.events & 2 and w.fd not in wfds:
            wfds.append(w.fd)
    r, w_ready, _ = _net.select(rfds, wfds, [], _net.now() + ms * 1000000)
    readable = [rfds[i] for i in r]
    writable = [wfds[i] for i in w_ready]
    return [w for w in ios
            if (w.events & 1 and w.fd in readable) or (w.events & 2 and w.fd in writable)]


class io:
    """A libev io watcher: calls back when descriptor `fd` is readable (`events` & 1) or
    writable (`events` & 2)."""

    def __init__(self, loop, fd, events, ref=True, priority=None):
        if fd < 0:
            raise ValueError('fd must be non-negative: %r' % (fd,))
        if events & ~3:
            raise ValueError('illegal event mask: %r' % (events,))
        self.loop = loop
        self.fd = fd
        self.events = events
        self.ref = ref
        self.priority = 0 if priority is None else priority
        self.callback = None
        self.args = None
        self.active = False
        self.pending = False

    def start(self, callback, *args, pass_events=False):
        if pass_events:
            args = (self.events,) + args
        self.callback = callback
        self.args = args
        if not self.active:
            self.active = True
            self.loop._io_started(self)

    def stop(self):
        if self.active:
            self.active = False
            self.loop._io_stopped(self)
        self.pending = False
        self.callback = None
        self.args = None

    def close(self):
        self.stop()

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        self.close()

    def __repr__(self):
        return '<io at %s%s fd=%s events=%s>' % (hex(id(self)), ' active' if self.active else '',
                                                  self.fd, ('', 'READ', 'WRITE', 'READ|WRITE')[self.events])


class callback:
    """What `loop.run_callback` returns (gevent's `callback`)."""
    __slots__ = ('callback', 'args')

    def __init__(self, cb, args):
        self.callback = cb
        self.args = args

    def stop(self):
        self.callback = None
        self.args = None

    close = stop

    @property
    def pending(self):
        return self.callback is not None

    def __bool__(self):
        return self.args is not None

    def __repr__(self):
        return '<callback at %s %r args=%r>' % (hex(id(self)), self.callback, self.args)


class timer:
    """A libev timer watcher (one-shot; `repeat` is not supported)."""

    def __init__(self, loop, after=0.0, repeat=0.0, ref=True, priority=0):
        if repeat:
            raise NotImplementedError('gevent timers with repeat are not supported by Interleave')
        if after < 0:
            after = 0.0
        self.loop = loop
        self.after = after
        self.ref = ref
        self.priority = priority
        self.callback = None
        self.args = None
        self.active = False
        self.pending = False
        self._deadline = 0.0
        self._seq = 0

    def start(self, callback, *args, update=None):
        if update is None:
            update = self.loop.starting_timer_may_update_loop_time
        if update:
            self.loop.update_now()
        self.callback = callback
        self.args = args
        if self.active:
            self.loop._timer_stopped(self)
        self.active = True
        self.loop._seq += 1
        self._seq = self.loop._seq
        self._deadline = self.loop._now + self.after
        self.loop._timer_started(self)

    def stop(self):
        if self.active:
            self.loop._timer_stopped(self)
        self.active = False
        self.pending = False
        self.callback = None
        self.args = None

    def close(self):
        self.stop()

    def again(self, callback, *args, update=True):
        self.stop()
        self.start(callback, *args, update=update)

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        self.close()

    def __repr__(self):
        return '<timer at %s%s after=%s>' % (hex(id(self)), ' active' if self.active else '', self.after)


class loop:
    """The event loop of one hub (see the notes at the top of this file)."""
    CALLBACK_CHECK_COUNT = 50
    MINPRI = -2
    MAXPRI = 2

    def __init__(self, flags=None, default=None):
        self._callbacks = deque()
        # A heap of (deadline, seq, timer) for started timers; an entry whose timer was
        # stopped (or restarted: another seq) is skipped when it comes to the top.
        self._timers = []
        self._timer_refs = 0
        # Started io watchers, in start order.
        self._ios = []
        self._seq = 0
        self._now = _monotonic()
        self.error_handler = None
        self.starting_timer_may_update_loop_time = False
        self.default = True if default is None else default

    def now(self):
        return self._now

    def update_now(self):
        self._now = _monotonic()

    def run_callback(self, func, *args):
        cb = callback(func, args)
        self._callbacks.append(cb)
        return cb

    def timer(self, after, repeat=0.0, ref=True, priority=0):
        return timer(self, after, repeat, ref, priority)

    def io(self, fd, events, ref=True, priority=None):
        return io(self, fd, events, ref, priority)

    def _io_started(self, w):
        global _net
        if _net is None:
            import _interleave_net as _net
        self._ios.append(w)

    def _io_stopped(self, w):
        self._ios.remove(w)

    def _format(self):
        return 'default pending=%d ref=%d' % (len(self._callbacks), self._refs())

    def _refs(self):
        return len(self._callbacks) + self._timer_refs + sum(1 for w in self._ios if w.ref)

    def _timer_started(self, t):
        heappush(self._timers, (t._deadline, t._seq, t))
        if t.ref:
            self._timer_refs += 1

    def _timer_stopped(self, t):
        if t.ref:
            self._timer_refs -= 1

    def _next_timer(self):
        # The earliest started timer (dropping stale entries), or None.
        timers = self._timers
        while timers:
            deadline, seq, t = timers[0]
            if t.active and t._seq == seq:
                return t
            heappop(timers)
        return None

    def handle_error(self, context, t, v, tb):
        handler = self.error_handler
        if handler is not None:
            handler.handle_error(context, t, v, tb)
        else:
            sys.stderr.write(_format_exception(v))

    def _run_callbacks(self):
        # gevent/_ffi/loop.py `_run_callbacks` (run in libev's prepare watcher).
        self.starting_timer_may_update_loop_time = True
        try:
            count = self.CALLBACK_CHECK_COUNT
            now = self._now
            expiration = now + sys.getswitchinterval()
            while self._callbacks:
                cb = self._callbacks.popleft()
                count -= 1
                func = cb.callback
                cb.callback = None
                args = cb.args
                if func is None or args is None:
                    continue
                try:
                    func(*args)
                except:
                    self.handle_error(cb, *sys.exc_info())
                finally:
                    cb.args = None
                if count == 0 and self._callbacks:
                    count = self.CALLBACK_CHECK_COUNT
                    self.update_now()
                    if self._now >= expiration:
                        now = 0
                        break
            if now != 0:
                self.update_now()
        finally:
            self.starting_timer_may_update_loop_time = False

    def run(self):
        # One `ev_run`: prepare (callbacks), poll (block until the next timer), timers, until
        # nothing keeps the loop alive.
        while True:
            self._run_callbacks()
            active = self._refs() > 0
            if active:
                if self._callbacks:
                    waittime = 0.0
                else:
                    waittime = _MAX_BLOCKTIME
                    t = self._next_timer()
                    if t is not None and t._deadline - self._now < waittime:
                        waittime = t._deadline - self._now
                    if waittime < _BACKEND_MINTIME:
                        waittime = 0.0 if waittime <= 0 else _BACKEND_MINTIME
                if self._ios:
                    self._fire_ios(idle_wait(waittime, self._ios))
                elif waittime > 0:
                    idle_wait(waittime)
            self.update_now()
            self._fire_timers()
            if self._refs() == 0:
                return

    def _fire_ios(self, ready):
        # libev queues the ready io watchers (poll) before the expired timers, and invokes
        # pending watchers by priority, highest first.
        for w in ready:
            w.pending = True
        for w in sorted(ready, key=lambda w: -w.priority):
            if not w.pending:
                continue
            w.pending = False
            func, args = w.callback, w.args
            if func is None:
                continue
            try:
                func(*args)
            except:
                self.handle_error(w, *sys.exc_info())

    def _fire_timers(self):
        now = self._now
        expired = []
        while True:
            t = self._next_timer()
            if t is None or t._deadline > now:
                break
            heappop(self._timers)
            self._timer_stopped(t)
            t.active = False
            t.pending = True
            expired.append(t)
        if not expired:
            return
        # libev feeds expired timers in deadline order and invokes pending watchers by
        # priority, highest first.
        expired.sort(key=lambda t: (-t.priority, t._deadline, t._seq))
        for t in expired:
            if not t.pending:
                continue
            t.pending = False
            func, args = t.callback, t.args
            if func is None:
                continue
            try:
                func(*args)
            except:
                self.handle_error(t, *sys.exc_info())

    def destroy(self):
        self._ios = []
        self._callbacks.clear()
        self._timers = []
        self._timer_refs = 0


# ---- _greenlet_primitives ----

class TrackedRawGreenlet(RawGreenlet):
    def __init__(self, function, parent):
        RawGreenlet.__init__(self, function, parent)


class SwitchOutGreenletWithLoop(TrackedRawGreenlet):
    def switch(self):
        switch_out = getattr(getcurrent(), 'switch_out', None)
        if switch_out is not None:
            switch_out()
        return RawGreenlet.switch(self)

    def switch_out(self):
        raise BlockingSwitchOutError('Impossible to call blocking function in the event loop callback')


# ---- _hub_local ----

_hubs = {}
_hub_class = None


def get_hub_class():
    return _hub_class


def set_default_hub_class(hubtype):
    global _hub_class
    _hub_class = hubtype


def get_hub(*args, **kwargs):
    ident = _get_thread_ident()
    hub = _hubs.get(ident)
    if hub is None:
        hub = _hubs[ident] = _hub_class()
    return hub


_get_hub_noargs = get_hub
get_hub_noargs = get_hub


def get_hub_if_exists():
    return _hubs.get(_get_thread_ident())


def set_hub(hub):
    _hubs[_get_thread_ident()] = hub


def _get_hub():
    return _hubs.get(_get_thread_ident())


# ---- _waiter ----

_NONE = object()


class Waiter(object):
    __slots__ = ['hub', 'greenlet', 'value', '_exception']

    def __init__(self, hub=None):
        self.hub = get_hub() if hub is None else hub
        self.greenlet = None
        self.value = None
        self._exception = _NONE

    def clear(self):
        self.greenlet = None
        self.value = None
        self._exception = _NONE

    def __str__(self):
        if self._exception is _NONE:
            return '<%s greenlet=%s>' % (type(self).__name__, self.greenlet)
        if self._exception is None:
            return '<%s greenlet=%s value=%r>' % (type(self).__name__, self.greenlet, self.value)
        return '<%s greenlet=%s exc_info=%r>' % (type(self).__name__, self.greenlet, self.exc_info)

    def ready(self):
        return self._exception is not _NONE

    def successful(self):
        return self._exception is None

    @property
    def exc_info(self):
        if self._exception is not _NONE:
            return self._exception

    def switch(self, value):
        greenlet = self.greenlet
        if greenlet is None:
            self.value = value
            self._exception = None
        else:
            if getcurrent() is not self.hub:
                raise AssertionError('Can only use Waiter.switch method from the Hub greenlet')
            switch = greenlet.switch
            try:
                switch(value)
            except:
                self.hub.handle_error(switch, *sys.exc_info())

    def switch_args(self, *args):
        return self.switch(args)

    def throw(self, *throw_args):
        greenlet = self.greenlet
        if greenlet is None:
            self._exception = throw_args
        else:
            if getcurrent() is not self.hub:
                raise AssertionError('Can only use Waiter.switch method from the Hub greenlet')
            throw = greenlet.throw
            try:
                throw(*throw_args)
            except:
                self.hub.handle_error(throw, *sys.exc_info())

    def get(self):
        if self._exception is not _NONE:
            if self._exception is None:
                return self.value
            getcurrent().throw(*self._exception)
        else:
            if self.greenlet is not None:
                raise ConcurrentObjectUseError('This Waiter is already used by %r' % (self.greenlet,))
            self.greenlet = getcurrent()
            try:
                return self.hub.switch()
            finally:
                self.greenlet = None

    def __call__(self, source):
        if source.exception is None:
            self.switch(source.value)
        else:
            self.throw(source.exception)


class MultipleWaiter(Waiter):
    __slots__ = ['_values']

    def __init__(self, hub=None):
        Waiter.__init__(self, hub)
        self._values = []

    def switch(self, value):
        self._values.append(value)
        Waiter.switch(self, True)

    def get(self):
        if not self._values:
            Waiter.get(self)
            Waiter.clear(self)
        return self._values.pop(0)


# ---- _hub_primitives ----

class WaitOperationsGreenlet(SwitchOutGreenletWithLoop):

    def wait(self, watcher):
        waiter = Waiter(self)
        watcher.start(waiter.switch, waiter)
        try:
            result = waiter.get()
            if result is not waiter:
                raise InvalidSwitchError('Invalid switch into %s: got %r (expected %r; waiting on %r with %r)' % (
                    getcurrent(), result, waiter, self, watcher))
        finally:
            watcher.stop()

    def cancel_wait(self, watcher, error, close_watcher=False):
        if watcher is None:
            return
        if watcher.callback is not None:
            self.loop.run_callback(self._cancel_wait, watcher, error, close_watcher)
            return
        if close_watcher:
            watcher.close()

    def _cancel_wait(self, watcher, error, close_watcher):
        active = watcher.active
        cb = watcher.callback
        if close_watcher:
            watcher.close()
        if active:
            glet = getattr(cb, '__self__', None)
            if glet is not None:
                glet.throw(error)


class _WaitIterator(object):

    def __init__(self, objects, hub, timeout, count):
        self._hub = hub
        self._waiter = MultipleWaiter(hub)
        self._switch = self._waiter.switch
        self._timeout = timeout
        self._objects = objects
        self._timer = None
        self._begun = False
        self._count = len(objects) if count is None else min(count, len(objects))

    def _begin(self):
        if self._begun:
            return
        self._begun = True
        for obj in self._objects:
            obj.rawlink(self._switch)
        if self._timeout is not None:
            self._timer = self._hub.loop.timer(self._timeout, priority=-1)
            self._timer.start(self._switch, self)

    def __iter__(self):
        return self

    def __next__(self):
        self._begin()
        if self._count == 0:
            self._cleanup()
            raise StopIteration()
        self._count -= 1
        try:
            item = self._waiter.get()
            self._waiter.clear()
            if item is self:
                self._cleanup()
                raise StopIteration()
            return item
        except:
            self._cleanup()
            raise

    def _cleanup(self):
        if self._timer is not None:
            self._timer.close()
            self._timer = None
        objs = self._objects
        self._objects = ()
        for aobj in objs:
            unlink = getattr(aobj, 'unlink', None)
            if unlink is not None:
                unlink(self._switch)

    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        self._cleanup()


def iwait_on_objects(objects, timeout=None, count=None):
    hub = get_hub()
    if objects is None:
        return [hub.join(timeout=timeout)]
    return _WaitIterator(objects, hub, timeout, count)


def wait_on_objects(objects=None, timeout=None, count=None):
    if objects is None:
        hub = get_hub()
        return hub.join(timeout=timeout)
    return list(iwait_on_objects(objects, timeout, count))


iwait = iwait_on_objects
wait = wait_on_objects


# ---- hub ----

def spawn_raw(function, *args, **kwargs):
    if not callable(function):
        raise TypeError('function must be callable')
    hub = get_hub()
    loop = hub.loop
    if kwargs:
        def function(function=function, args=args, kwargs=kwargs):
            return function(*args, **kwargs)
        g = TrackedRawGreenlet(function, hub)
        loop.run_callback(g.switch)
    else:
        g = TrackedRawGreenlet(function, hub)
        loop.run_callback(g.switch, *args)
    g.loop = hub.loop
    return g


def sleep(seconds=0, ref=True):
    hub = get_hub()
    loop = hub.loop
    if seconds <= 0:
        waiter = Waiter(hub)
        loop.run_callback(waiter.switch, None)
        waiter.get()
    else:
        with loop.timer(seconds, ref=ref) as t:
            loop.update_now()
            hub.wait(t)


def idle(priority=0):
    raise NotImplementedError('gevent.idle() is not supported by Interleave')


def kill(greenlet, exception=GreenletExit):
    if not greenlet.dead:
        if hasattr(greenlet, 'kill'):
            greenlet.kill(exception=exception, block=False)
        else:
            get_hub().loop.run_callback(greenlet.throw, exception)


def signal(*args, **kwargs):
    raise NotImplementedError('gevent.signal_handler is not supported by Interleave')


def reinit(hub=None):
    return


def _gmctime():
    import time
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())


class Hub(WaitOperationsGreenlet):
    SYSTEM_ERROR = (KeyboardInterrupt, SystemExit, SystemError)
    NOT_ERROR = (GreenletExit, SystemExit)
    threadpool_size = 10
    periodic_monitoring_thread = None
    thread_ident = None
    name = ''
    _hub_counter = 0
    # Interleave: how the trace names the hub's greenlet.
    _trace_label = 'Hub'

    def __init__(self, loop=None, default=None):
        WaitOperationsGreenlet.__init__(self, None, None)
        self.thread_ident = _get_thread_ident()
        if hasattr(loop, 'run'):
            self.loop = loop
        else:
            if default is None and self.thread_ident != _MAIN_THREAD_IDENT:
                default = False
            self.loop = globals()['loop'](default=default)
        self._resolver = None
        self._threadpool = None
        self.format_context = repr
        Hub._hub_counter += 1
        self.minimal_ident = Hub._hub_counter
        self._ident_counter = 0

    @property
    def ident_registry(self):
        return self

    def get_ident(self, obj):
        # Interleave: IdentRegistry without weak references: idents are never reused.
        ident = self._ident_counter
        self._ident_counter += 1
        return ident

    @property
    def main_hub(self):
        return self.thread_ident == _MAIN_THREAD_IDENT

    def __repr__(self):
        if self.loop is None:
            info = 'destroyed'
        else:
            info = self.loop._format()
        result = '<%s %r at 0x%x %s' % (self.__class__.__name__, self.name, id(self), info)
        result += ' thread_ident=%s' % (hex(self.thread_ident),)
        return result + '>'

    def _normalize_exception(self, t, v, tb):
        if (t, v, tb) == (None, None, None):
            t, v, tb = sys.exc_info()
        if isinstance(v, str):
            v = t(v)
        return (t, v, tb)

    def handle_error(self, context, type, value, tb):
        type, value, tb = self._normalize_exception(type, value, tb)
        if type is HubDestroyed:
            raise value
        if not issubclass(type, self.NOT_ERROR):
            self.print_exception(context, type, value, tb)
        if context is None or issubclass(type, self.SYSTEM_ERROR):
            self.handle_system_error(type, value, tb)

    def handle_system_error(self, type, value, tb=None):
        current = getcurrent()
        if current is self or current is self.parent or self.loop is None:
            self.parent.throw(type, value, tb)
        else:
            cb = None
            try:
                cb = self.loop.run_callback(current.switch)
            except:
                pass
            try:
                self.parent.throw(type, value, tb)
            finally:
                if cb is not None:
                    cb.stop()

    @property
    def exception_stream(self):
        return sys.stderr

    def print_exception(self, context, t, v, tb):
        errstream = self.exception_stream
        if not errstream:
            return
        t, v, tb = self._normalize_exception(t, v, tb)
        if v is None:
            errstream.write('%s\n' % t.__name__)
        else:
            errstream.write(_format_exception(v))
        del tb
        try:
            errstream.write(_gmctime())
            errstream.write(' ' if context is not None else '\n')
        except:
            pass
        if context is not None:
            if not isinstance(context, str):
                try:
                    context = self.format_context(context)
                except:
                    context = repr(context)
            errstream.write('%s failed with %s\n\n' % (context, getattr(t, '__name__', 'exception')))

    def run(self):
        assert self is getcurrent(), 'Do not call Hub.run() directly'
        while 1:
            loop = self.loop
            loop.error_handler = self
            try:
                loop.run()
            finally:
                loop.error_handler = None
            debug = []
            loop = None
            self.parent.throw(LoopExit('This operation would block forever', self, debug))
            debug = None

    def join(self, timeout=None):
        assert getcurrent() is self.parent, 'only possible from the MAIN greenlet'
        if self.dead:
            return True
        waiter = Waiter(self)
        if timeout is not None:
            timeout = self.loop.timer(timeout, ref=False)
            timeout.start(waiter.switch, None)
        try:
            try:
                waiter.get()
            except LoopExit:
                return True
        finally:
            if timeout is not None:
                timeout.stop()
                timeout.close()
        return False

    def destroy(self, destroy_loop=None):
        if destroy_loop is None:
            destroy_loop = not self.loop.default
        try:
            self.throw(HubDestroyed(destroy_loop))
        except LoopExit:
            pass
        except GreenletError:
            pass
        if destroy_loop:
            self.loop.destroy()
        self.loop = None
        if _get_hub() is self:
            set_hub(None)

    @property
    def resolver(self):
        raise NotImplementedError('gevent DNS resolvers are not supported by Interleave')

    @property
    def threadpool(self):
        raise NotImplementedError('gevent.threadpool is not supported by Interleave')


set_default_hub_class(Hub)


class linkproxy(object):
    __slots__ = ['callback', 'obj']

    def __init__(self, callback, obj):
        self.callback = callback
        self.obj = obj

    def __call__(self, *args):
        callback = self.callback
        obj = self.obj
        self.callback = None
        self.obj = None
        callback(obj)
