# Two sockets on one port: EADDRINUSE, with and without SO_REUSEADDR.
import socket

a = socket.socket()
a.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
a.bind(("127.0.0.1", 50107))
a.listen()
for reuse in (False, True):
    b = socket.socket()
    if reuse:
        b.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        b.bind(("", 50107))
    except OSError as e:
        print("reuse" if reuse else "plain", type(e).__name__, e, e.errno)
    b.close()
try:
    socket.create_server(("localhost", 50107))
except OSError as e:
    print(e)
a.close()
b = socket.socket()
b.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
b.bind(("localhost", 50107))
print("bound after close:", b.getsockname())
b.close()
c = socket.socket()
c.bind(("127.0.0.1", 50107))
c.listen()
d = socket.socket()
d.bind(("127.0.0.1", 50107))
