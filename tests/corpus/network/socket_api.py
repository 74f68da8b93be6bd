# The socket API's small parts: constants, names, reprs, errors after close.
import socket

print(socket.AF_INET, repr(socket.AF_INET), socket.SOCK_STREAM, repr(socket.SOCK_STREAM))
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
print(socket.gethostbyname("localhost"), socket.gethostbyname("127.0.0.1"))
print(issubclass(socket.gaierror, OSError), socket.error is OSError)
try:
    socket.gethostbyname("no-such-host.invalid")
except socket.gaierror as e:
    print("gaierror", e.errno, e)
s = socket.socket()
print(s.family, s.type, s.proto, s.fileno(), s.gettimeout())
print(s)
s.bind(("127.0.0.1", 50111))
print(s, s.getsockname())
try:
    s.getpeername()
except OSError as e:
    print(e)
s.listen()
c = socket.socket()
print(c.fileno())
c.connect(("127.0.0.1", 50111))
conn, addr = s.accept()
print(conn.fileno(), addr[0], conn.getsockname(), conn.getpeername() == c.getsockname())
print(c.getpeername())
c.close()
print(c)
for call in (lambda: c.send(b"x"), lambda: c.recv(1), lambda: c.getsockname()):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e)
c.close()
d = socket.socket()
print("lowest free fd:", d.fileno())
for x in (d, conn, s):
    x.close()
try:
    s.bind(("127.0.0.1", 99999))
except OverflowError as e:
    print(e)
with socket.socket() as e:
    pass
print(e)
