"""Interleave: the `select` module over the simulated loopback network.

`select.select` waits, in virtual time, for sockets of the simulated network
(`_interleave_net`, kernel/net.rs) to become ready, with Linux's readiness rules. `poll`,
`epoll` and `kqueue` are not simulated (selectors.DefaultSelector is SelectSelector).
"""

import _interleave_net as _net

error = OSError


def _fileno(obj):
    if isinstance(obj, int):
        fd = obj
    elif hasattr(obj, "fileno"):
        fd = obj.fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    else:
        raise TypeError("argument must be an int, or have a fileno() method.")
    if fd < 0:
        raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
    return fd


def select(rlist, wlist, xlist, timeout=None):
    """Wait until one or more file descriptors are ready for some kind of I/O."""
    if timeout is None:
        deadline = None
    else:
        if not isinstance(timeout, (int, float)):
            raise TypeError("timeout must be a float or None")
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
        deadline = _net.now() + int(timeout * 1e9)
    rlist = list(rlist)
    wlist = list(wlist)
    xlist = list(xlist)
    rfds = [_fileno(o) for o in rlist]
    wfds = [_fileno(o) for o in wlist]
    xfds = [_fileno(o) for o in xlist]
    r, w, x = _net.select(rfds, wfds, xfds, deadline)
    return [rlist[i] for i in r], [wlist[i] for i in w], [xlist[i] for i in x]


POLLIN = 1
POLLPRI = 2
POLLOUT = 4
POLLERR = 8
POLLHUP = 16
POLLNVAL = 32


def poll():
    raise NotImplementedError("select.poll() is not simulated; use select.select() or selectors")


def epoll(*args, **kwargs):
    raise NotImplementedError("select.epoll() is not simulated; use select.select() or selectors")
