# `gevent.thread`: what `_thread` becomes under monkey patching, as gevent 26.9.0's
# gevent/thread.py: locks, `get_ident` (the current greenlet's id) and `start_new_thread`
# (which spawns a greenlet).

import _thread as __thread__
from greenlet import getcurrent, GreenletExit
from gevent.exceptions import LoopExit
from gevent.hub import sleep, get_hub_if_exists
from gevent.lock import BoundedSemaphore

__all__ = ['LockType', 'allocate_lock', 'get_ident', 'exit', 'error', 'start_new_thread']

error = __thread__.error


def get_ident(gr=None):
    if gr is None:
        gr = getcurrent()
    return id(gr)


class LockType(BoundedSemaphore):
    _OVER_RELEASE_ERROR = __thread__.error
    _TIMEOUT_MAX = __thread__.TIMEOUT_MAX

    def __init__(self):
        super().__init__()

    def acquire(self, blocking=True, timeout=-1):
        if timeout == -1:
            timeout = None
        if not blocking and timeout is not None:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout is not None:
            if timeout < 0:
                raise ValueError('timeout value must be strictly positive')
            if timeout > self._TIMEOUT_MAX:
                raise OverflowError('timeout value is too large')
        try:
            acquired = BoundedSemaphore.acquire(self, blocking, timeout)
        except LoopExit:
            if blocking:
                raise
            acquired = False
        if not acquired and not blocking and getcurrent() is not get_hub_if_exists():
            sleep()
        return acquired

    def __enter__(self):
        return self.acquire()


allocate_lock = lock = LockType


def exit():
    raise GreenletExit


def _start_new_greenlet(function, args=(), kwargs=None):
    from gevent.greenlet import Greenlet
    if kwargs is not None:
        greenlet = Greenlet.spawn(function, *args, **kwargs)
    else:
        greenlet = Greenlet.spawn(function, *args)
    return greenlet


def start_new_thread(function, args=(), kwargs=None):
    return get_ident(_start_new_greenlet(function, args, kwargs))
