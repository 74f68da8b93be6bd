# Interleave: multiprocessing.connection (CPython 3.11's Lib/multiprocessing/connection.py,
# `Pipe`, `Connection` and `wait`). A connection's ends are pipes of the simulated kernel; a
# message is the pickled tree of `multiprocessing.reduction`, copied into the receiver's heap.
# Listeners and Clients (sockets) are not simulated.

__all__ = ['Client', 'Listener', 'Pipe', 'wait']

import time
import _interleave_mp

import multiprocessing.reduction as reduction
import multiprocessing.util as util

_ForkingPickler = reduction.ForkingPickler

from multiprocessing.context import BufferTooShort


class _ConnectionBase:
    _handle = None

    def __init__(self, rpipe, wpipe):
        # Interleave: the kernel pipes this end reads from and writes to (None: not allowed).
        self._rpipe = rpipe
        self._wpipe = wpipe
        self._handle = rpipe if rpipe is not None else wpipe
        self._readable = rpipe is not None
        self._writable = wpipe is not None

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        """True if the connection is closed"""
        return self._handle is None

    @property
    def readable(self):
        """True if the connection is readable"""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable"""
        return self._writable

    def fileno(self):
        """File descriptor or handle of the connection"""
        self._check_closed()
        return self._handle

    def close(self):
        """Close the connection"""
        if self._handle is not None:
            if self._wpipe is not None:
                _interleave_mp.close_end(self._wpipe, True)
            if self._rpipe is not None:
                _interleave_mp.close_end(self._rpipe, False)
            self._handle = None

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object"""
        self._check_closed()
        self._check_writable()
        buf = bytes(buf)
        n = len(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        _interleave_mp.send_bytes(self._wpipe, buf[offset:offset + size])

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        _interleave_mp.send(self._wpipe, _ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """
        Receive bytes data as a bytes object.
        """
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        is_bytes, data = _interleave_mp.recv(self._rpipe)
        if not is_bytes:
            raise NotImplementedError(
                'recv_bytes() of an object sent with send() is not supported by Interleave '
                '(its messages are not pickled to bytes)')
        if maxlength is not None and len(data) > maxlength:
            if self._writable:
                self._readable = False
            else:
                self.close()
            raise OSError("bad message length")
        return data

    def recv_bytes_into(self, buf, offset=0):
        """
        Receive bytes data into a writeable bytes-like object.
        Return the number of bytes read.
        """
        self._check_closed()
        self._check_readable()
        if offset < 0:
            raise ValueError("negative offset")
        elif offset > len(buf):
            raise ValueError("offset too large")
        data = self.recv_bytes()
        if len(buf) < offset + len(data):
            raise BufferTooShort(data)
        buf[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        is_bytes, tree = _interleave_mp.recv(self._rpipe)
        if is_bytes:
            raise reduction.UnpicklingError('invalid load key, %r.' % tree[:1].decode('latin-1'))
        return _ForkingPickler.loads(tree)

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        return _interleave_mp.poll(self._rpipe, timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __reduce__(self):
        # Interleave: CPython passes the file descriptor (DupFd); kernel pipes are global, so
        # the receiving process simply opens the same ends.
        self._check_closed()
        return _rebuild_connection, (type(self), self._rpipe, self._wpipe)


class Listener(object):
    '''
    Returns a listener object (sockets and named pipes are not simulated)
    '''
    def __init__(self, *args, **kwds):
        raise NotImplementedError(
            'multiprocessing.connection.Listener is not supported by Interleave yet '
            '(use Pipe() or a Queue between processes)')


def Client(*args, **kwds):
    '''
    Returns a connection to the address of a `Listener` (not simulated)
    '''
    raise NotImplementedError(
        'multiprocessing.connection.Client is not supported by Interleave yet '
        '(use Pipe() or a Queue between processes)')


def _rebuild_connection(cls, rpipe, wpipe):
    if rpipe is not None:
        _interleave_mp.open_end(rpipe, False)
    if wpipe is not None:
        _interleave_mp.open_end(wpipe, True)
    return cls(rpipe, wpipe)


class Connection(_ConnectionBase):
    """
    Connection class based on an arbitrary file descriptor (Unix only), or
    a socket handle (Windows).
    """


def Pipe(duplex=True):
    '''
    Returns pair of connection objects at either end of a pipe
    '''
    if duplex:
        a = _interleave_mp.pipe()
        b = _interleave_mp.pipe()
        c1 = Connection(a, b)
        c2 = Connection(b, a)
    else:
        p = _interleave_mp.pipe()
        c1 = Connection(p, None)
        c2 = Connection(None, p)
    return c1, c2


def wait(object_list, timeout=None):
    '''
    Wait till an object in object_list is ready/readable.

    Returns list of those objects in object_list which are ready/readable.
    '''
    # Interleave: connections (readable when a message or end of file is there) and process
    # sentinels (the pid: ready once the process has exited), waited for in the kernel.
    pipes, pids = [], []
    for o in object_list:
        if isinstance(o, _ConnectionBase):
            o._check_closed()
            o._check_readable()
            pipes.append(o._rpipe)
        elif isinstance(o, int):
            pids.append(o)
        else:
            raise NotImplementedError(
                'multiprocessing.connection.wait() on %r is not supported by Interleave' % (o,))
    ready_pipes, ready_pids = _interleave_mp.wait_ready(pipes, pids, timeout)
    return [o for o in object_list
            if (o._rpipe in ready_pipes if isinstance(o, _ConnectionBase) else o in ready_pids)]


def _send_tree(self, tree):
    # Interleave: what CPython's Queue does with `send_bytes(ForkingPickler.dumps(obj))`.
    self._check_closed()
    self._check_writable()
    _interleave_mp.send(self._wpipe, tree)


def _recv_tree(self):
    self._check_closed()
    self._check_readable()
    is_bytes, tree = _interleave_mp.recv(self._rpipe)
    if is_bytes:
        raise reduction.UnpicklingError('invalid load key, %r.' % tree[:1].decode('latin-1'))
    return tree


_ConnectionBase._send_tree = _send_tree
_ConnectionBase._recv_tree = _recv_tree
del _send_tree, _recv_tree
