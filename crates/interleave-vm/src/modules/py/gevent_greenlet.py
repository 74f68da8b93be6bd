# `gevent.greenlet`: `Greenlet`, `joinall`, `killall`, as gevent 26.9.0's gevent/greenlet.py.
#
# Interleave: no spawn-tree tracking or spawning stacks (config off), tracebacks are kept as
# the exception's own (no tblib dump/load), and `name` idents are never reused (see
# gevent/hub.py).

import sys
from greenlet import greenlet
from greenlet import GreenletExit
from greenlet import getcurrent

from gevent.exceptions import InvalidSwitchError
from gevent.hub import iwait_on_objects as iwait
from gevent.hub import wait_on_objects as wait
from gevent.hub import get_hub
from gevent.hub import Waiter
from gevent.timeout import Timeout

__all__ = ['Greenlet', 'joinall', 'killall']


def get_my_hub(s):
    return s.parent


class SpawnedLink(object):
    __slots__ = ['callback']

    def __init__(self, callback):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback,))
        self.callback = callback

    def __call__(self, source):
        g = greenlet(self.callback, get_hub())
        g.switch(source)

    def __hash__(self):
        return hash(self.callback)

    def __eq__(self, other):
        return self.callback == getattr(other, 'callback', other)

    def __str__(self):
        return str(self.callback)

    def __repr__(self):
        return repr(self.callback)

    def __getattr__(self, item):
        assert item != 'callback'
        return getattr(self.callback, item)


class SuccessSpawnedLink(SpawnedLink):
    __slots__ = []

    def __call__(self, source):
        if source.successful():
            return SpawnedLink.__call__(self, source)


class FailureSpawnedLink(SpawnedLink):
    __slots__ = []

    def __call__(self, source):
        if not source.successful():
            return SpawnedLink.__call__(self, source)


_greenlet__init__ = greenlet.__init__
_created = 0


class Greenlet(greenlet):
    spawning_stack_limit = 10

    def __init__(self, run=None, *args, **kwargs):
        global _created
        _greenlet__init__(self, None, get_hub())
        if run is not None:
            self._run = run
        if not callable(self._run):
            raise TypeError('The run argument or self._run must be callable')
        self.args = args
        self.kwargs = kwargs
        self.value = None
        self._start_event = None
        self._notifier = None
        self._formatted_info = None
        self._links = []
        self._ident = None
        self._exc_info = None
        self.spawning_greenlet = None
        self.spawn_tree_locals = None
        self.spawning_stack = None
        # Interleave: the creation number, for the trace's greenlet names.
        _created += 1
        self._creation = _created

    @property
    def _trace_label(self):
        # Interleave: how the trace names this greenlet: its name once it has one (reading
        # `name` here would hand out idents in a different order than the program does).
        if self._assigned_name is not None or self._ident is not None:
            return self.name
        return 'Greenlet #%d' % self._creation

    def _get_minimal_ident(self):
        hub = get_my_hub(self)
        reg = hub.ident_registry
        return reg.get_ident(self)

    @property
    def minimal_ident(self):
        if self._ident is None:
            self._ident = self._get_minimal_ident()
        return self._ident

    # Interleave: gevent's `name` is a `readproperty` (an instance attribute overrides it);
    # here a property whose setter records the assigned name.
    _assigned_name = None

    @property
    def name(self):
        if self._assigned_name is not None:
            return self._assigned_name
        return 'Greenlet-%d' % (self.minimal_ident,)

    @name.setter
    def name(self, value):
        self._assigned_name = value

    def _raise_exception(self):
        raise self._exc_info[1]

    @property
    def loop(self):
        hub = get_my_hub(self)
        return hub.loop

    def __bool__(self):
        return self._start_event is not None and self._exc_info is None

    @property
    def dead(self):
        if getcurrent() is self:
            return False
        return self.__start_cancelled_by_kill() or self.__started_but_aborted() or self._dead

    def __never_started_or_killed(self):
        return self._start_event is None

    def __start_pending(self):
        return (self._start_event is not None
                and (self._start_event.pending or getattr(self._start_event, 'active', False)))

    def __start_cancelled_by_kill(self):
        return self._start_event is _cancelled_start_event

    def __start_completed(self):
        return self._start_event is _start_completed_event

    def __started_but_aborted(self):
        return (not self.__never_started_or_killed()
                and not self.__start_cancelled_by_kill()
                and not self.__start_completed()
                and not self.__start_pending())

    def __cancel_start(self):
        if self._start_event is None:
            self._start_event = _cancelled_start_event
        self._start_event.stop()
        self._start_event.close()

    def __handle_death_before_start(self, args):
        if self._exc_info is None and self.dead:
            if len(args) == 1:
                arg = args[0]
                if isinstance(arg, type) and issubclass(arg, BaseException):
                    args = (arg, arg(), None)
                else:
                    args = (type(arg), arg, None)
            elif not args:
                args = (GreenletExit, GreenletExit(), None)
            if not issubclass(args[0], BaseException):
                args = (BaseException, BaseException(args), None)
            self.__report_error(args)

    @property
    def started(self):
        return bool(self)

    def ready(self):
        return self.dead or self._exc_info is not None

    def successful(self):
        return self._exc_info is not None and self._exc_info[1] is None

    def __repr__(self):
        classname = self.__class__.__name__
        if self._assigned_name is None and self._ident is None:
            name = ' '
        else:
            name = ' "%s" ' % (self.name,)
        result = '<%s%sat %s' % (classname, name, hex(id(self)))
        formatted = self._formatinfo()
        if formatted:
            result += ': ' + formatted
        return result + '>'

    def _formatinfo(self):
        info = self._formatted_info
        if info is not None:
            return info
        func = self._run
        im_self = getattr(func, '__self__', None)
        if im_self is self:
            funcname = '_run'
        elif im_self is not None:
            funcname = repr(func)
        else:
            funcname = getattr(func, '__name__', '') or repr(func)
        result = funcname
        args = []
        if self.args:
            args = [repr(x)[:50] for x in self.args]
        if self.kwargs:
            args.extend(['%s=%s' % (key, repr(value)[:50]) for key, value in self.kwargs.items()])
        if args:
            result += '(' + ', '.join(args) + ')'
        self._formatted_info = result
        return result

    @property
    def exception(self):
        return self._exc_info[1] if self._exc_info is not None else None

    @property
    def exc_info(self):
        ei = self._exc_info
        if ei is not None and ei[0] is not None:
            return (ei[0], ei[1], ei[2])

    def throw(self, *args):
        self.__cancel_start()
        try:
            if not self.dead:
                greenlet.throw(self, *args)
        finally:
            self.__handle_death_before_start(args)

    def start(self):
        if self._start_event is None:
            hub = get_my_hub(self)
            self._start_event = hub.loop.run_callback(self.switch)

    def start_later(self, seconds):
        if self._start_event is None:
            hub = get_my_hub(self)
            self._start_event = hub.loop.timer(seconds)
            self._start_event.start(self.switch)

    @classmethod
    def spawn(cls, *args, **kwargs):
        g = cls(*args, **kwargs)
        g.start()
        return g

    @classmethod
    def spawn_later(cls, seconds, *args, **kwargs):
        if cls is Greenlet and not args and 'run' not in kwargs:
            raise TypeError("")
        g = cls(*args, **kwargs)
        g.start_later(seconds)
        return g

    def _maybe_kill_before_start(self, exception):
        self.__cancel_start()
        self.__free()
        dead = self.dead
        if dead:
            if isinstance(exception, tuple) and len(exception) == 3:
                args = exception
            else:
                args = (exception,)
            self.__handle_death_before_start(args)
        return dead

    def kill(self, exception=GreenletExit, block=True, timeout=None):
        if not self._maybe_kill_before_start(exception):
            if self.ready():
                return
            waiter = Waiter() if block else None
            hub = get_my_hub(self)
            hub.loop.run_callback(_kill, self, exception, waiter)
            if waiter is not None:
                waiter.get()
                self.join(timeout)

    def get(self, block=True, timeout=None):
        if self.ready():
            if self.successful():
                return self.value
            self._raise_exception()
        if not block:
            raise Timeout()
        switch = getcurrent().switch
        self.rawlink(switch)
        try:
            t = Timeout._start_new_or_dummy(timeout)
            try:
                result = get_my_hub(self).switch()
                if result is not self:
                    raise InvalidSwitchError('Invalid switch into Greenlet.get(): %r' % (result,))
            finally:
                t.cancel()
        except:
            self.unlink(switch)
            raise
        if self.ready():
            if self.successful():
                return self.value
            self._raise_exception()

    def join(self, timeout=None):
        if self.ready():
            return
        switch = getcurrent().switch
        self.rawlink(switch)
        try:
            t = Timeout._start_new_or_dummy(timeout)
            try:
                result = get_my_hub(self).switch()
                if result is not self:
                    raise InvalidSwitchError('Invalid switch into Greenlet.join(): %r' % (result,))
            finally:
                t.cancel()
        except Timeout as ex:
            self.unlink(switch)
            if ex is not t:
                raise
        except:
            self.unlink(switch)
            raise

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        if t is None:
            try:
                self.join()
            finally:
                self.kill()
        else:
            self.kill((t, v, tb))

    def __report_result(self, result):
        self._exc_info = (None, None, None)
        self.value = result
        if self._links and not self._notifier:
            hub = get_my_hub(self)
            self._notifier = hub.loop.run_callback(self._notify_links)

    def __report_error(self, exc_info):
        if isinstance(exc_info[1], GreenletExit):
            self.__report_result(exc_info[1])
            return
        self._exc_info = (exc_info[0], exc_info[1], exc_info[2])
        hub = get_my_hub(self)
        if self._links and not self._notifier:
            self._notifier = hub.loop.run_callback(self._notify_links)
        hub.handle_error(self, *exc_info)

    def run(self):
        try:
            self.__cancel_start()
            self._start_event = _start_completed_event
            try:
                result = self._run(*self.args, **self.kwargs)
            except:
                self.__report_error(sys.exc_info())
            else:
                self.__report_result(result)
        finally:
            self.__free()

    def __free(self):
        try:
            del self._run
        except AttributeError:
            pass
        self.args = ()
        self.kwargs.clear()

    def _run(self):
        return

    def has_links(self):
        return len(self._links)

    def rawlink(self, callback):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback,))
        self._links.append(callback)
        if self.ready() and self._links and not self._notifier:
            hub = get_my_hub(self)
            self._notifier = hub.loop.run_callback(self._notify_links)

    def link(self, callback, SpawnedLink=SpawnedLink):
        self.rawlink(SpawnedLink(callback))

    def unlink(self, callback):
        try:
            self._links.remove(callback)
        except ValueError:
            pass

    def unlink_all(self):
        del self._links[:]

    def link_value(self, callback, SpawnedLink=SuccessSpawnedLink):
        self.link(callback, SpawnedLink=SpawnedLink)

    def link_exception(self, callback, SpawnedLink=FailureSpawnedLink):
        self.link(callback, SpawnedLink=SpawnedLink)

    def _notify_links(self):
        while self._links:
            link = self._links.pop(0)
            try:
                link(self)
            except:
                get_my_hub(self).handle_error((link, self), *sys.exc_info())


class _dummy_event(object):
    __slots__ = ('pending', 'active')

    def __init__(self):
        self.pending = self.active = False

    def stop(self):
        pass

    def start(self, cb):
        raise AssertionError("Cannot start the dummy event")

    def close(self):
        pass


_cancelled_start_event = _dummy_event()
_start_completed_event = _dummy_event()


def _kill(glet, exception, waiter):
    try:
        if isinstance(exception, tuple) and len(exception) == 3:
            glet.throw(*exception)
        else:
            glet.throw(exception)
    except:
        get_my_hub(glet).handle_error(glet, *sys.exc_info())
    if waiter is not None:
        waiter.switch(None)


def joinall(greenlets, timeout=None, raise_error=False, count=None):
    if not raise_error:
        return wait(greenlets, timeout=timeout, count=count)
    done = []
    for obj in iwait(greenlets, timeout=timeout, count=count):
        if getattr(obj, 'exception', None) is not None:
            if hasattr(obj, '_raise_exception'):
                obj._raise_exception()
            else:
                raise obj.exception
        done.append(obj)
    return done


def _killall3(greenlets, exception, waiter):
    diehards = []
    for g in greenlets:
        if not g.dead:
            try:
                g.throw(exception)
            except:
                get_my_hub(g).handle_error(g, *sys.exc_info())
            if not g.dead:
                diehards.append(g)
    waiter.switch(diehards)


def _killall(greenlets, exception):
    for g in greenlets:
        if not g.dead:
            try:
                g.throw(exception)
            except:
                get_my_hub(g).handle_error(g, *sys.exc_info())


def killall(greenlets, exception=GreenletExit, block=True, timeout=None):
    need_killed = []
    for glet in greenlets:
        try:
            cancel = glet._maybe_kill_before_start
        except AttributeError:
            need_killed.append(glet)
        else:
            if not cancel(exception):
                need_killed.append(glet)
    if not need_killed:
        return
    loop = glet.loop
    if block:
        waiter = Waiter()
        loop.run_callback(_killall3, need_killed, exception, waiter)
        t = Timeout._start_new_or_dummy(timeout)
        try:
            alive = waiter.get()
            if alive:
                joinall(alive, raise_error=False)
        finally:
            t.cancel()
    else:
        loop.run_callback(_killall, need_killed, exception)
