"""Interleave: the `socket` module over the simulated loopback network.

CPython's Lib/socket.py wraps the C module `_socket`; here the class `socket` plays both parts,
over the native `_interleave_net` (kernel/net.rs): TCP stream sockets (AF_INET, SOCK_STREAM)
between the threads and processes of one run, on virtual time. Nothing touches a real
network. Changes from CPython are marked "Interleave".
"""

import _interleave_net as _net
from enum import IntEnum as _IntEnum


class AddressFamily(_IntEnum):
    AF_UNSPEC = 0
    AF_UNIX = 1
    AF_INET = 2
    AF_INET6 = 10


class SocketKind(_IntEnum):
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3


AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW

SOL_SOCKET = 1
SO_REUSEADDR = 2
SO_TYPE = 3
SO_ERROR = 4
SO_KEEPALIVE = 9
SO_REUSEPORT = 15
IPPROTO_IP = 0
IPPROTO_TCP = 6
IPPROTO_UDP = 17
TCP_NODELAY = 1
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
SOMAXCONN = 4096
INADDR_ANY = 0
MSG_PEEK = 2
has_ipv6 = False

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


EAI_NONAME = -2
AI_PASSIVE = 1
_HOSTNAME = "interleave"
_GLOBAL_DEFAULT_TIMEOUT = object()
_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = _check_timeout(timeout)


def _check_timeout(value):
    if value is None:
        return None
    if not isinstance(value, (int, float)):
        raise TypeError("Timeout value must be int, float or None")
    value = float(value)
    if value < 0:
        raise ValueError("Timeout value out of range")
    return value


def gethostname():
    return _HOSTNAME


def _resolve(host):
    # Interleave: only the loopback network exists; names other than the machine's own
    # cannot be resolved.
    if not isinstance(host, str):
        raise TypeError("str, bytes or bytearray expected, not %s" % type(host).__name__)
    if host in ("", "0.0.0.0"):
        return "0.0.0.0"
    if host in ("localhost", _HOSTNAME):
        return "127.0.0.1"
    parts = host.split(".")
    if len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts):
        return ".".join(str(int(p)) for p in parts)
    raise gaierror(EAI_NONAME, "Name or service not known")


def gethostbyname(hostname):
    ip = _resolve(hostname)
    return ip


def getfqdn(name=""):
    return name or _HOSTNAME


def _address(addr, what):
    if not isinstance(addr, tuple):
        raise TypeError("%s(): AF_INET address must be tuple, not %s" % (what, type(addr).__name__))
    if len(addr) != 2:
        raise TypeError("AF_INET address must be a pair (host, port)")
    host, port = addr
    if not isinstance(port, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(port).__name__)
    if not 0 <= port <= 65535:
        raise OverflowError("%s(): port must be 0-65535." % what)
    return _resolve(host), port


class socket:
    """A TCP socket on the simulated loopback network."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is not None:
            raise NotImplementedError("socket.socket(fileno=...) is not simulated")
        if family == -1:
            family = AF_INET
        if type == -1:
            type = SOCK_STREAM
        if proto == -1:
            proto = 0
        if family != AF_INET:
            if family in (AF_UNIX, AF_INET6):
                raise NotImplementedError(
                    "socket family %s is not simulated (only AF_INET)" % AddressFamily(family).name)
            raise OSError(97, "Address family not supported by protocol")
        if type != SOCK_STREAM:
            if type == SOCK_DGRAM:
                raise NotImplementedError("UDP sockets (SOCK_DGRAM) are not simulated")
            raise NotImplementedError("socket type %r is not simulated (only SOCK_STREAM)" % (type,))
        self.family = AF_INET
        self.type = SOCK_STREAM
        self.proto = proto
        self._timeout = _default_timeout
        self._closed = False
        self._io_refs = 0
        self._fd = _net.socket()

    @classmethod
    def _from_fd(cls, fd, proto=0):
        sock = cls.__new__(cls)
        sock.family = AF_INET
        sock.type = SOCK_STREAM
        sock.proto = proto
        sock._timeout = _default_timeout
        sock._closed = False
        sock._io_refs = 0
        sock._fd = fd
        return sock

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" \
            % (self.__class__.__module__,
               self.__class__.__qualname__,
               " [closed]" if closed else "",
               self.fileno(),
               self.family,
               self.type,
               self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except (error, AttributeError):
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except (error, AttributeError):
                pass
        s += '>'
        return s

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def _deadline(self):
        # Interleave: the deadline of a blocking call is computed once, before it, so that a
        # retried (woken) call keeps it.
        t = self._timeout
        if t is None:
            return None
        if t == 0:
            return -1
        return _net.now() + int(t * 1e9)

    def _check(self):
        if self._fd < 0:
            raise OSError(9, "Bad file descriptor")

    def fileno(self):
        return self._fd

    def close(self):
        # As CPython: the descriptor closes once no file made by makefile() uses it.
        if not self._closed:
            self._closed = True
            if self._io_refs <= 0:
                self._real_close()

    def _real_close(self):
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            _net.close(fd)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed and self._io_refs <= 0:
            self._real_close()

    def dup(self):
        self._check()
        sock = socket._from_fd(_net.dup(self._fd), self.proto)
        sock.settimeout(self.gettimeout())
        return sock

    def detach(self):
        fd, self._fd = self._fd, -1
        self._closed = True
        return fd

    def bind(self, address):
        host, port = _address(address, "bind")
        self._check()
        _net.bind(self._fd, host, port)

    def listen(self, backlog=None):
        self._check()
        if backlog is None:
            backlog = min(SOMAXCONN, 128)
        _net.listen(self._fd, max(backlog, 0))

    def accept(self):
        self._check()
        fd, host, port = _net.accept(self._fd, self._deadline())
        sock = socket._from_fd(fd, self.proto)
        # Issue #7995: if no default timeout is set and the listening
        # socket had a (non-zero) timeout, force the new socket in blocking
        # mode to override platform-specific socket flags inheritance.
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, (host, port)

    def connect(self, address):
        host, port = _address(address, "connect")
        self._check()
        if not host.startswith("127.") and host != "0.0.0.0":
            raise NotImplementedError(
                "only the simulated loopback network exists: cannot connect to %r" % (address[0],))
        _net.connect(self._fd, host, port, self._deadline())

    def connect_ex(self, address):
        try:
            self.connect(address)
        except TimeoutError:
            return 11
        except OSError as e:
            if e.errno is None:
                raise
            return e.errno
        return 0

    def send(self, data, flags=0):
        self._check()
        return _net.send(self._fd, data, self._deadline())

    def sendall(self, data, flags=0):
        self._check()
        deadline = self._deadline()
        if isinstance(data, bytearray):
            data = bytes(data)
        if not isinstance(data, bytes):
            data = _net.send(self._fd, data, deadline)  # raises the TypeError
        while data:
            n = _net.send(self._fd, data, deadline)
            data = data[n:]

    def recv(self, bufsize, flags=0):
        self._check()
        if flags:
            raise NotImplementedError("socket.recv() flags are not simulated")
        return _net.recv(self._fd, bufsize, self._deadline())

    def recv_into(self, buffer, nbytes=0, flags=0):
        if not isinstance(buffer, bytearray):
            raise TypeError("recv_into() argument 1 must be read-write bytes-like object, not %s"
                            % type(buffer).__name__)
        if nbytes < 0:
            raise ValueError("negative buffersize in recv_into")
        if nbytes == 0:
            nbytes = len(buffer)
        elif nbytes > len(buffer):
            raise ValueError("buffer too small for requested bytes")
        data = self.recv(nbytes, flags)
        buffer[:len(data)] = data
        return len(data)

    def makefile(self, mode="r", buffering=None, *,
                 encoding=None, errors=None, newline=None):
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        if "b" not in mode and buffering == 0:
            raise ValueError("unbuffered streams must be binary")
        self._check()
        return _SocketFile(self, mode, buffering, encoding, errors, newline)

    def sendto(self, *args):
        raise NotImplementedError("socket.sendto() (UDP) is not simulated")

    def recvfrom(self, *args):
        raise NotImplementedError("socket.recvfrom() (UDP) is not simulated")

    def shutdown(self, how):
        self._check()
        _net.shutdown(self._fd, how)

    def setsockopt(self, level, optname, value, optlen=None):
        self._check()
        if level == SOL_SOCKET and optname == SO_REUSEADDR:
            _net.set_reuse(self._fd, int(value))
        elif (level, optname) in ((SOL_SOCKET, SO_KEEPALIVE), (IPPROTO_TCP, TCP_NODELAY)):
            pass  # Interleave: accepted; no keepalive probes or Nagle delays are simulated
        else:
            raise NotImplementedError(
                "socket option (%d, %d) is not simulated (only SO_REUSEADDR, SO_KEEPALIVE, TCP_NODELAY)"
                % (level, optname))

    def getsockopt(self, level, optname, buflen=None):
        self._check()
        if level == SOL_SOCKET and optname == SO_REUSEADDR:
            return _net.get_reuse(self._fd)
        if level == SOL_SOCKET and optname == SO_ERROR:
            return _net.so_error(self._fd)
        if level == SOL_SOCKET and optname == SO_TYPE:
            return int(self.type)
        raise NotImplementedError("socket option (%d, %d) is not simulated" % (level, optname))

    def getsockname(self):
        self._check()
        return _net.sockname(self._fd)

    def getpeername(self):
        self._check()
        return _net.peername(self._fd)

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def settimeout(self, value):
        self._timeout = _check_timeout(value)

    def gettimeout(self):
        return self._timeout

    @property
    def timeout(self):
        return self._timeout


SocketType = socket


class _SocketFile:
    """Interleave: what socket.makefile() returns. CPython builds it from io.BufferedReader,
    io.BufferedWriter and io.TextIOWrapper over a SocketIO; this one class does what they do
    for a stream socket: reads are buffered (recv of 8192 bytes), writes are kept until
    flush() or close() (sent at once when unbuffered), text is UTF-8 with universal newlines."""

    def __init__(self, sock, mode, buffering, encoding, errors, newline):
        self._sock = sock
        self.mode = mode
        self._binary = "b" in mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._unbuffered = buffering == 0
        self._encoding = encoding or "utf-8"
        self._errors = errors or "strict"
        self._newline = newline
        self._rbuf = b""
        self._wbuf = b""
        self.closed = False
        sock._io_refs += 1

    def __repr__(self):
        return "<socket file mode=%r fd=%d>" % (self.mode, self._sock.fileno())

    def _check(self, reading):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if reading and not self._reading:
            raise OSError("File not open for reading")
        if not reading and not self._writing:
            raise OSError("File not open for writing")

    def _fill(self):
        data = self._sock.recv(8192)
        if not data:
            return False
        self._rbuf += data
        return True

    def _out(self, data):
        if self._binary:
            return data
        text = data.decode(self._encoding, self._errors)
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def readline(self, size=-1):
        self._check(True)
        while b"\n" not in self._rbuf and (size < 0 or len(self._rbuf) < size):
            if not self._fill():
                break
        i = self._rbuf.find(b"\n")
        n = len(self._rbuf) if i < 0 else i + 1
        if size >= 0:
            n = min(n, size)
        line, self._rbuf = self._rbuf[:n], self._rbuf[n:]
        return self._out(line)

    def readlines(self, hint=-1):
        return list(self)

    def read(self, size=-1):
        self._check(True)
        if size is None:
            size = -1
        while size < 0 or len(self._rbuf) < size:
            if not self._fill():
                break
        n = len(self._rbuf) if size < 0 else min(size, len(self._rbuf))
        data, self._rbuf = self._rbuf[:n], self._rbuf[n:]
        return self._out(data)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check(False)
        if self._binary:
            if not isinstance(data, (bytes, bytearray)):
                raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
            raw = bytes(data)
        else:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s" % type(data).__name__)
            raw = data.encode(self._encoding, self._errors)
        if self._unbuffered:
            return self._sock.send(raw)
        self._wbuf += raw
        if len(self._wbuf) >= 8192:
            self.flush()
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self._wbuf:
            data, self._wbuf = self._wbuf, b""
            self._sock.sendall(data)

    def close(self):
        if not self.closed:
            try:
                if self._writing:
                    self.flush()
            finally:
                self.closed = True
                self._sock._decref_socketios()

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def fileno(self):
        return self._sock.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    host, port = address
    # As CPython, which makes the socket from getaddrinfo()'s answer (proto IPPROTO_TCP).
    sock = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)
    try:
        if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
            sock.settimeout(timeout)
        if source_address:
            sock.bind(source_address)
        sock.connect((host, port))
        return sock
    except error:
        sock.close()
        raise


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    if reuse_port:
        raise NotImplementedError("SO_REUSEPORT is not simulated")
    if dualstack_ipv6:
        raise ValueError("dualstack_ipv6 not supported on this platform")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % \
                (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if host is None:
        host = "0.0.0.0" if flags & AI_PASSIVE else "127.0.0.1"
    ip = _resolve(host)
    return [(AF_INET, SOCK_STREAM, IPPROTO_TCP, '', (ip, port))]


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    # Interleave: AF_UNIX (Linux's default family) is not simulated; Linux refuses others.
    if family is None or family == AF_UNIX:
        raise NotImplementedError("socket.socketpair() is not simulated")
    raise OSError(95, "Operation not supported")


def _interleave_loopback_pair(family=AF_INET, type=SOCK_STREAM, proto=0):
    # Interleave: a connected pair over loopback, with CPython's own socketpair() for
    # platforms without one (Windows); asyncio's self-pipe is made with it.
    if family == AF_INET:
        host = "127.0.0.1"
    else:
        raise ValueError("Only AF_INET and AF_INET6 socket address families "
                         "are supported")
    if type != SOCK_STREAM:
        raise ValueError("Only SOCK_STREAM socket type is supported")
    if proto != 0:
        raise ValueError("Only protocol zero is supported")

    # We create a connected TCP socket. Note the trick with
    # setblocking(False) that prevents us from having to create a thread.
    lsock = socket(family, type, proto)
    try:
        lsock.bind((host, 0))
        lsock.listen()
        # On IPv6, ignore flow_info and scope_id
        addr, port = lsock.getsockname()[:2]
        csock = socket(family, type, proto)
        try:
            csock.setblocking(False)
            try:
                csock.connect((addr, port))
            except (BlockingIOError, InterruptedError):
                pass
            csock.setblocking(True)
            ssock, _ = lsock.accept()
            # Interleave: the handshake reaches the client one latency after the server, so
            # wait for it (Linux's loopback has finished it by the time accept() returns).
            _net.select([], [csock._fd], [], None)
        except:
            csock.close()
            raise
    finally:
        lsock.close()
    return (ssock, csock)


def inet_pton(address_family, ip_string):
    # Interleave: IPv4 only; any IPv6 address is refused as an illegal one.
    if address_family == AF_INET:
        parts = ip_string.split(".") if isinstance(ip_string, str) else []
        if len(parts) == 4 and all(p.isdigit() and len(p) <= 3 and int(p) < 256 for p in parts):
            return bytes([int(p) for p in parts])
        raise OSError("illegal IP address string passed to inet_pton")
    if address_family == AF_INET6:
        raise OSError("illegal IP address string passed to inet_pton")
    raise OSError(97, "Address family not supported by protocol")


def fromfd(fd, family, type, proto=0):
    raise NotImplementedError("socket.fromfd() is not simulated")
