# A non-blocking connect: EINPROGRESS, then select() reports the socket writable once the
# handshake is done, and SO_ERROR says how it went.
import errno
import select
import socket

srv = socket.create_server(("127.0.0.1", 50115))
c = socket.socket()
c.setblocking(False)
try:
    c.connect(("127.0.0.1", 50115))
except BlockingIOError as e:
    print("connect:", e, e.errno == errno.EINPROGRESS)
r, w, x = select.select([], [c], [], 1.0)
print(w == [c], c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
print(c.send(b"hi"))
conn, _ = srv.accept()
print(conn.recv(10))

d = socket.socket()
d.setblocking(False)
print(errno.errorcode[d.connect_ex(("127.0.0.1", 50116))])
r, w, x = select.select([d], [d], [], 1.0)
err = d.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
print(r == [d], w == [d], errno.errorcode[err], err == errno.ECONNREFUSED)
print(select.select([conn], [], [], 0))
for s in (c, d, conn, srv):
    s.close()
for args in (([c], [], [], 0), ([], [], [], -1), ([object()], [], [], 0)):
    try:
        select.select(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
