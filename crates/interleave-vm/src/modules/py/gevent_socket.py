# `gevent.socket`: cooperative sockets, after gevent 26.9.0's gevent/_socket3.py and
# gevent/socket.py.
#
# A gevent socket is a real socket of the simulated network kept in non-blocking mode. A call
# that would block (BlockingIOError) instead waits in the hub for its file descriptor to become
# readable or writable (an io watcher; the hub's `idle_wait` selects on every watched
# descriptor), so that the other greenlets of the thread run meanwhile. The timeout the user
# sets (`settimeout`, `setblocking`) is kept apart and applied to those waits, as gevent does.
# Changes from gevent are marked "Interleave".

import socket as __socket__
from gevent.hub import get_hub
from gevent.monkey import get_original
from gevent.timeout import Timeout
from gevent.exceptions import ConcurrentObjectUseError

__all__ = ['socket', 'create_connection', 'create_server', 'error', 'timeout', 'gaierror',
           'herror', 'wait_read', 'wait_write', 'getaddrinfo', 'gethostbyname', 'gethostname',
           'getfqdn', 'AF_INET', 'SOCK_STREAM', 'SOL_SOCKET', 'SO_REUSEADDR',
           'SHUT_RD', 'SHUT_WR', 'SHUT_RDWR']

# The standard socket class, even when `monkey.patch_socket()` has replaced `socket.socket`.
_socket = get_original('socket', 'socket')

error = __socket__.error
timeout = __socket__.timeout
gaierror = __socket__.gaierror
herror = __socket__.herror
getaddrinfo = __socket__.getaddrinfo
gethostbyname = __socket__.gethostbyname
gethostname = __socket__.gethostname
getfqdn = __socket__.getfqdn
getdefaulttimeout = __socket__.getdefaulttimeout
AF_INET = __socket__.AF_INET
SOCK_STREAM = __socket__.SOCK_STREAM
SOL_SOCKET = __socket__.SOL_SOCKET
SO_REUSEADDR = __socket__.SO_REUSEADDR
SO_ERROR = __socket__.SO_ERROR
SHUT_RD = __socket__.SHUT_RD
SHUT_WR = __socket__.SHUT_WR
SHUT_RDWR = __socket__.SHUT_RDWR
_GLOBAL_DEFAULT_TIMEOUT = __socket__._GLOBAL_DEFAULT_TIMEOUT

_EV_READ = 1
_EV_WRITE = 2


class cancel_wait_ex(error):
    def __init__(self):
        error.__init__(self, 9, 'File descriptor was closed in another greenlet')


def _wait(watcher, timeout_seconds=None, timeout_exc=timeout('timed out'), hub=None):
    if watcher.callback is not None:
        raise ConcurrentObjectUseError('This socket is already used by another greenlet: %r'
                                       % (watcher.callback,))
    if hub is None:
        hub = get_hub()
    if timeout_seconds is None:
        hub.wait(watcher)
        return
    t = Timeout._start_new_or_dummy(timeout_seconds, timeout_exc)
    try:
        hub.wait(watcher)
    finally:
        t.close()


def wait_read(fileno, timeout=None, timeout_exc=timeout('timed out')):
    """Blocks the current greenlet until `fileno` is ready to read."""
    io = get_hub().loop.io(fileno, _EV_READ)
    try:
        return _wait(io, timeout, timeout_exc)
    finally:
        io.close()


def wait_write(fileno, timeout=None, timeout_exc=timeout('timed out')):
    """Blocks the current greenlet until `fileno` is ready to write."""
    io = get_hub().loop.io(fileno, _EV_WRITE)
    try:
        return _wait(io, timeout, timeout_exc)
    finally:
        io.close()


class socket(_socket):
    """gevent's cooperative socket (see the notes at the top of this file)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        _socket.__init__(self, family, type, proto, fileno)
        self._cooperate()

    @classmethod
    def _from_fd(cls, fd, proto=0):
        sock = _socket._from_fd.__func__(cls, fd, proto)
        sock._cooperate()
        return sock

    def _cooperate(self):
        # The real socket never blocks; `_gtimeout` is the timeout the user sees.
        self._gtimeout = self._timeout
        self._timeout = 0.0
        self.hub = get_hub()
        io = self.hub.loop.io
        self._read_event = io(self._fd, _EV_READ)
        self._write_event = io(self._fd, _EV_WRITE)

    def _wait(self, watcher):
        _wait(watcher, self._gtimeout, timeout('timed out'), self.hub)

    def gettimeout(self):
        return self._gtimeout

    def settimeout(self, value):
        _socket.settimeout(self, value)  # checks the value as the real socket does
        self._gtimeout = self._timeout
        self._timeout = 0.0

    def setblocking(self, flag):
        self.settimeout(None if flag else 0.0)

    def getblocking(self):
        return self._gtimeout != 0.0

    @property
    def timeout(self):
        return self._gtimeout

    def accept(self):
        while True:
            try:
                sock, address = _socket.accept(self)
                break
            except BlockingIOError:
                if self._gtimeout == 0.0:
                    raise
            self._wait(self._read_event)
        if not isinstance(sock, socket):
            # Interleave: `socket.accept` builds the module's `socket` class, gevent's only
            # when patched.
            blocking = sock.gettimeout()
            sock = socket._from_fd(sock.detach(), sock.proto)
            sock.settimeout(blocking)
        return sock, address

    def connect(self, address):
        if self._gtimeout == 0.0:
            return _socket.connect(self, address)
        try:
            _socket.connect(self, address)
            return
        except BlockingIOError:
            pass  # EINPROGRESS: wait until the connection is made (or refused)
        self._wait(self._write_event)
        err = self.getsockopt(SOL_SOCKET, SO_ERROR)
        if err:
            raise _connect_error(err)

    def recv(self, *args):
        while True:
            try:
                return _socket.recv(self, *args)
            except BlockingIOError:
                if self._gtimeout == 0.0:
                    raise
            self._wait(self._read_event)

    def send(self, data, flags=0):
        while True:
            try:
                return _socket.send(self, data, flags)
            except BlockingIOError:
                if self._gtimeout == 0.0:
                    raise
            self._wait(self._write_event)

    def sendall(self, data, flags=0):
        if isinstance(data, bytearray):
            data = bytes(data)
        if not isinstance(data, bytes):
            return _socket.sendall(self, data, flags)  # raises the real TypeError
        while data:
            n = self.send(data, flags)
            data = data[n:]

    def close(self):
        if not self._closed:
            hub = self.hub
            hub.cancel_wait(self._read_event, cancel_wait_ex(), True)
            hub.cancel_wait(self._write_event, cancel_wait_ex(), True)
        _socket.close(self)

    def dup(self):
        self._check()
        sock = socket._from_fd(__socket__._net.dup(self._fd), self.proto)
        sock.settimeout(self.gettimeout())
        return sock


# gevent's socket class lives in `gevent._socket3` (re-exported by `gevent.socket`).
socket.__module__ = 'gevent._socket3'
SocketType = socket

# What a failed connect reports (Linux's text for the errors a loopback connect can give).
_CONNECT_ERRORS = {
    104: (ConnectionResetError, 'Connection reset by peer'),
    110: (TimeoutError, 'Connection timed out'),
    111: (ConnectionRefusedError, 'Connection refused'),
}


def _connect_error(err):
    cls, text = _CONNECT_ERRORS.get(err, (OSError, 'Unknown error %d' % err))
    return cls(err, text)


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    """Connects to `address` (host, port) and returns the cooperative socket."""
    host, port = address
    sock = socket(AF_INET, SOCK_STREAM)
    try:
        if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
            sock.settimeout(timeout)
        if source_address:
            sock.bind(source_address)
        sock.connect((host, port))
        return sock
    except BaseException:
        sock.close()
        raise


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening cooperative socket bound to `address`."""
    if reuse_port or dualstack_ipv6:
        raise NotImplementedError('create_server(reuse_port=..., dualstack_ipv6=...) is not simulated')
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise
