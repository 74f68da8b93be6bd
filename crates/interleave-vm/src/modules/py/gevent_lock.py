# `gevent.lock`: Semaphore, BoundedSemaphore, DummySemaphore and RLock, as gevent 26.9.0's
# gevent/_semaphore.py and gevent/lock.py.
#
# Interleave: a semaphore belongs to the greenlets of one thread; acquiring one from another
# thread (gevent's native-lock fallbacks) raises NotImplementedError.

from greenlet import getcurrent
from gevent._abstract_linkable import AbstractLinkable
from gevent.exceptions import LoopExit
from gevent.timeout import Timeout

__all__ = ['Semaphore', 'BoundedSemaphore', 'DummySemaphore', 'RLock']


def _get_hub():
    from gevent.hub import get_hub
    return get_hub()


class Semaphore(AbstractLinkable):
    __slots__ = ('counter', '_multithreaded')

    def __init__(self, value=1, hub=None):
        self.counter = value
        if self.counter < 0:
            raise ValueError("semaphore initial value must be >= 0")
        super(Semaphore, self).__init__(hub)
        self._notify_all = False

    def __str__(self):
        return '<%s at 0x%x counter=%s _links[%s]>' % (
            self.__class__.__name__, id(self), self.counter, self.linkcount())

    def locked(self):
        return self.counter <= 0

    def release(self):
        self.counter += 1
        self._check_and_notify()
        return self.counter

    def ready(self):
        return self.counter > 0

    def _start_notify(self):
        self._check_and_notify()

    def _wait_return_value(self, waited, wait_success):
        if waited:
            return wait_success
        return True

    def wait(self, timeout=None):
        if self.counter > 0:
            return self.counter
        self._wait(timeout)
        return self.counter

    def acquire(self, blocking=True, timeout=None):
        self._capture_hub(False)
        if self.counter > 0:
            self.counter -= 1
            return True
        if not blocking:
            return False
        if self.hub is None:
            self.hub = _get_hub()
        success = self._wait(timeout)
        if not success:
            assert timeout is not None
            return False
        assert self.counter > 0, (self.counter, blocking, timeout, success)
        self.counter -= 1
        return True

    _py3k_acquire = acquire

    def __enter__(self):
        self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def _handle_unswitched_notifications(self, unswitched):
        self._links.extend(unswitched)


class BoundedSemaphore(Semaphore):
    __slots__ = ('_initial_value',)
    _OVER_RELEASE_ERROR = ValueError

    def __init__(self, *args, **kwargs):
        Semaphore.__init__(self, *args, **kwargs)
        self._initial_value = self.counter

    def release(self):
        if self.counter >= self._initial_value:
            raise self._OVER_RELEASE_ERROR("Semaphore released too many times")
        counter = Semaphore.release(self)
        if counter == self._initial_value:
            self.hub = None
        return counter


class DummySemaphore(object):

    def __init__(self, value=None):
        pass

    def __str__(self):
        return '<%s>' % self.__class__.__name__

    def locked(self):
        return False

    def ready(self):
        return True

    def release(self):
        pass

    def rawlink(self, callback):
        pass

    def unlink(self, callback):
        pass

    def wait(self, timeout=None):
        return 1

    def acquire(self, blocking=True, timeout=None):
        return True

    def __enter__(self):
        pass

    def __exit__(self, typ, val, tb):
        pass

class RLock(object):
    __slots__ = ('_block', '_owner', '_count', '__weakref__')

    def __init__(self, hub=None):
        self._block = Semaphore(1, hub)
        self._owner = None
        self._count = 0

    def __repr__(self):
        return '<%s at 0x%x _block=%s _count=%r _owner=%r)>' % (self.__class__.__name__, id(self), self._block, self._count, self._owner)

    def acquire(self, blocking=True, timeout=None):
        me = getcurrent()
        if self._owner is me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    def __enter__(self):
        return self.acquire()

    def release(self):
        if self._owner is not getcurrent():
            raise RuntimeError('cannot release un-acquired lock. Owner: %r Current: %r' % (self._owner, getcurrent()))
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, typ, value, tb):
        self.release()

    def locked(self):
        return self._count > 0

    def _acquire_restore(self, count_owner):
        count, owner = count_owner
        self._block.acquire()
        self._count = count
        self._owner = owner

    def _release_save(self):
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner is getcurrent()