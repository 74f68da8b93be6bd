# `gevent.queue`, as gevent 26.9.0's gevent/queue.py (Queue, SimpleQueue, JoinableQueue,
# UnboundQueue, PriorityQueue, LifoQueue; `Empty` and `Full` are the standard `queue`'s).
#
# Interleave: no `Channel`, and no `__class_getitem__` (the VM has no types.GenericAlias).

import sys
from heapq import heappush as _heappush
from heapq import heappop as _heappop
from heapq import heapify as _heapify
import collections
import queue as __queue__

from greenlet import getcurrent
from gevent.timeout import Timeout
from gevent.hub import get_hub
from gevent.hub import Waiter
from gevent.exceptions import InvalidSwitchError

__implements__ = ['Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']
__extensions__ = ['JoinableQueue']
__imports__ = ['Empty', 'Full']
if hasattr(__queue__, 'ShutDown'):
    ShutDown = __queue__.ShutDown
    __imports__.append('ShutDown')
else:
    class ShutDown(Exception):
        pass
    __extensions__.append('ShutDown')
__all__ = __implements__ + __extensions__ + __imports__

Empty = __queue__.Empty
Full = __queue__.Full


def _safe_remove(deq, item):
    try:
        deq.remove(item)
    except ValueError:
        pass


class ItemWaiter(Waiter):
    __slots__ = ('item', 'queue')

    def __init__(self, item, queue):
        Waiter.__init__(self)
        self.item = item
        self.queue = queue

    def put_and_switch(self):
        self.queue._put(self.item)
        self.queue = None
        self.item = None
        return self.switch(self)

class SimpleQueue(object):
    __slots__ = ('_maxsize', 'getters', 'putters', 'hub', '_event_unlock', 'queue', '__weakref__', 'is_shutdown')

    def __init__(self, maxsize=None, items=(), _warn_depth=2):
        if maxsize is not None and maxsize <= 0:
            if maxsize == 0:
                import warnings
                warnings.warn('Queue(0) now equivalent to Queue(None); if you want a channel, use Channel', DeprecationWarning, stacklevel=_warn_depth)
            maxsize = None
        self._maxsize = maxsize if maxsize is not None else -1
        self.getters = collections.deque()
        self.putters = collections.deque()
        self.hub = get_hub()
        self._event_unlock = None
        self.is_shutdown = False
        self.queue = None
        if items:
            self._init(maxsize, items)
        else:
            self._init(maxsize)

    def _init(self, maxsize, items=()):
        self.queue = self._create_queue(items)

    def _qsize(self):
        return len(self.queue)

    def _get(self):
        return self.queue.popleft()

    def _put(self, item):
        self.queue.append(item)

    def _create_queue(self, items=()):
        return collections.deque(items)

    def _peek(self):
        return self.queue[0]

    @property
    def maxsize(self):
        return self._maxsize if self._maxsize > 0 else None

    @maxsize.setter
    def maxsize(self, nv):
        if nv is None or nv <= 0:
            self._maxsize = -1
        else:
            self._maxsize = nv

    def copy(self):
        return type(self)(self.maxsize, self.queue)

    def __repr__(self):
        return '<%s at %s%s>' % (type(self).__name__, hex(id(self)), self._format())

    def __str__(self):
        return '<%s%s>' % (type(self).__name__, self._format())

    def _format(self):
        result = []
        if self.maxsize is not None:
            result.append('maxsize=%r' % (self.maxsize,))
        if getattr(self, 'queue', None):
            result.append('queue=%r' % (self.queue,))
        if self.getters:
            result.append('getters[%s]' % len(self.getters))
        if self.putters:
            result.append('putters[%s]' % len(self.putters))
        if result:
            return ' ' + ' '.join(result)
        return ''

    def qsize(self):
        return self._qsize()

    def __len__(self):
        return self.qsize()

    def __bool__(self):
        return True

    def empty(self):
        return not self.qsize()

    def full(self):
        return self._maxsize > 0 and self.qsize() >= self._maxsize

    def put(self, item, block=True, timeout=None):
        if self.is_shutdown:
            raise ShutDown
        if self._maxsize == -1 or self.qsize() < self._maxsize:
            if block and timeout is not None and (timeout < 0):
                raise ValueError("'timeout' must be a non-negative number")
            self._put(item)
            if self.getters:
                self._schedule_unlock()
            return
        if self.hub is getcurrent():
            while self.getters and self.qsize() and (self.qsize() >= self._maxsize):
                getter = self.getters.popleft()
                getter.switch(getter)
            if self.qsize() < self._maxsize:
                self._put(item)
                return
            raise Full
        if block:
            waiter = ItemWaiter(item, self)
            self.putters.append(waiter)
            timeout = Timeout._start_new_or_dummy(timeout, Full)
            try:
                if self.getters:
                    self._schedule_unlock()
                result = waiter.get()
                if result is not waiter:
                    raise InvalidSwitchError('Invalid switch into Queue.put: %r' % (result,))
            finally:
                timeout.cancel()
                _safe_remove(self.putters, waiter)
            return
        raise Full

    def put_nowait(self, item):
        self.put(item, False)

    def __get_or_peek(self, method, block, timeout):
        if self.is_shutdown:
            raise ShutDown
        if block and timeout is not None and (timeout < 0):
            raise ValueError("'timeout' must be a non-negative number")
        if self.hub is getcurrent():
            while self.putters:
                self.putters.popleft().put_and_switch()
                if self.qsize():
                    return method()
            raise Empty
        if not block:
            raise Empty
        waiter = Waiter()
        timeout = Timeout._start_new_or_dummy(timeout, Empty)
        try:
            self.getters.append(waiter)
            if self.putters:
                self._schedule_unlock()
            result = waiter.get()
            if result is not waiter:
                raise InvalidSwitchError('Invalid switch into Queue.get: %r' % (result,))
            return method()
        finally:
            timeout.cancel()
            _safe_remove(self.getters, waiter)

    def get(self, block=True, timeout=None):
        if self.qsize():
            if self.putters:
                self._schedule_unlock()
            return self._get()
        return self.__get_or_peek(self._get, block, timeout)

    def get_nowait(self):
        return self.get(False)

    def peek(self, block=True, timeout=None):
        if self.qsize():
            return self._peek()
        return self.__get_or_peek(self._peek, block, timeout)

    def peek_nowait(self):
        return self.peek(False)

    def _unlock(self):
        while True:
            repeat = False
            if self.putters and (self._maxsize == -1 or self.qsize() < self._maxsize):
                repeat = True
                try:
                    putter = self.putters.popleft()
                    self._put(putter.item)
                except:
                    putter.throw(*sys.exc_info())
                else:
                    putter.switch(putter)
            if self.getters and self.qsize():
                repeat = True
                getter = self.getters.popleft()
                getter.switch(getter)
            if not repeat:
                return

    def _schedule_unlock(self):
        if not self._event_unlock:
            self._event_unlock = self.hub.loop.run_callback(self._unlock)

    def __iter__(self):
        return self

    def __next__(self):
        result = self.get()
        if result is StopIteration:
            raise result
        return result

class Queue(SimpleQueue):
    __slots__ = ('_cond', 'unfinished_tasks')

    def __init__(self, maxsize=None, items=(), unfinished_tasks=None):
        SimpleQueue.__init__(self, maxsize, items, _warn_depth=3)
        from gevent.event import Event
        self._cond = Event()
        self._cond.set()
        if unfinished_tasks:
            self.unfinished_tasks = unfinished_tasks
        elif items:
            self.unfinished_tasks = len(items)
        else:
            self.unfinished_tasks = 0
        if self.unfinished_tasks:
            self._cond.clear()

    def copy(self):
        return type(self)(self.maxsize, self.queue, self.unfinished_tasks)

    def _format(self):
        result = SimpleQueue._format(self)
        if self.unfinished_tasks:
            result += ' tasks=%s _cond=%s' % (self.unfinished_tasks, self._cond)
        return result

    def _put(self, item):
        SimpleQueue._put(self, item)
        self._did_put_task()

    def _did_put_task(self):
        self.unfinished_tasks += 1
        self._cond.clear()

    def task_done(self):
        if self.unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks -= 1
        if self.unfinished_tasks == 0:
            self._cond.set()

    def join(self, timeout=None):
        return self._cond.wait(timeout=timeout)

    def shutdown(self, immediate=False):
        self.is_shutdown = True
        if immediate:
            self._drain_for_immediate_shutdown()
        getters = list(self.getters)
        putters = list(self.putters)
        self.getters.clear()
        self.putters.clear()
        for waiter in getters + putters:
            self.hub.loop.run_callback(waiter.throw, ShutDown)

    def _drain_for_immediate_shutdown(self):
        while self.qsize():
            self.get()
            self.task_done()
JoinableQueue = Queue

class UnboundQueue(Queue):
    __slots__ = ()

    def __init__(self, maxsize=None, items=()):
        if maxsize is not None:
            raise ValueError('UnboundQueue has no maxsize')
        Queue.__init__(self, maxsize, items)
        self.putters = None

    def put(self, item, block=True, timeout=None):
        self._put(item)
        if self.getters:
            self._schedule_unlock()

class PriorityQueue(Queue):
    __slots__ = ()

    def _create_queue(self, items=()):
        q = list(items)
        _heapify(q)
        return q

    def _put(self, item):
        _heappush(self.queue, item)
        self._did_put_task()

    def _get(self):
        return _heappop(self.queue)

class LifoQueue(Queue):
    __slots__ = ()

    def _create_queue(self, items=()):
        return list(items)

    def _put(self, item):
        self.queue.append(item)
        self._did_put_task()

    def _get(self):
        return self.queue.pop()

    def _peek(self):
        return self.queue[-1]



class Channel:
    # Interleave: gevent's rendezvous channel is not provided.
    def __init__(self, maxsize=1):
        raise NotImplementedError('gevent.queue.Channel is not supported by Interleave')
