# `gevent.select`: a `select.select` that blocks only the current greenlet, after gevent
# 26.9.0's gevent/select.py. `poll` and `epoll` are not simulated.

from gevent.event import Event
from gevent.hub import get_hub, sleep as _g_sleep
from gevent.monkey import get_original

__all__ = ['select', 'error']

_original_select = get_original('select', 'select')
error = OSError

_EV_READ = 1
_EV_WRITE = 2


def get_fileno(obj):
    try:
        fileno_f = obj.fileno
    except AttributeError:
        if not isinstance(obj, int):
            raise TypeError('argument must be an int, or have a fileno() method: %r' % (obj,))
        return obj
    return fileno_f()


class SelectResult(object):
    __slots__ = ()

    @staticmethod
    def _make_callback(ready_collection, event, mask):
        def cb(fd, watcher):
            ready_collection.append(fd)
            watcher.close()
            event.set()
        cb.mask = mask
        return cb

    @classmethod
    def _make_watchers(cls, watchers, *fd_cb):
        loop = get_hub().loop
        io = loop.io
        MAXPRI = loop.MAXPRI
        for fdlist, callback in fd_cb:
            for fd in fdlist:
                watcher = io(get_fileno(fd), callback.mask)
                watcher.priority = MAXPRI
                watchers.append(watcher)
                watcher.start(callback, fd, watcher)

    @staticmethod
    def _closeall(watchers):
        for watcher in watchers:
            watcher.stop()
            watcher.close()
        del watchers[:]

    def select(self, rlist, wlist, timeout):
        watchers = []
        read = []
        write = []
        event = Event()
        add_read = self._make_callback(read, event, _EV_READ)
        add_write = self._make_callback(write, event, _EV_WRITE)
        try:
            self._make_watchers(watchers, (rlist, add_read), (wlist, add_write))
            event.wait(timeout=timeout)
            return read, write, []
        finally:
            self._closeall(watchers)


def select(rlist, wlist, xlist, timeout=None):
    """An implementation of `select.select` that blocks only the current greenlet (xlist is
    ignored, as in gevent)."""
    if timeout is not None and timeout < 0:
        raise ValueError("timeout must be non-negative")
    rlist = rlist if isinstance(rlist, (list, tuple)) else list(rlist)
    wlist = wlist if isinstance(wlist, (list, tuple)) else list(wlist)
    # A poll first: what is ready now is returned at once (after letting the others run).
    sel_results = _original_select(rlist, wlist, xlist, 0)
    if sel_results[0] or sel_results[1] or sel_results[2] or (timeout is not None and timeout == 0):
        _g_sleep()
        return sel_results
    return SelectResult().select(rlist, wlist, timeout)
