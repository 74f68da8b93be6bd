# settimeout: blocking calls give up with TimeoutError ("timed out").
import socket
import time

print(socket.timeout is TimeoutError, socket.getdefaulttimeout())
srv = socket.create_server(("127.0.0.1", 50108))
srv.settimeout(0.2)
print(srv.gettimeout(), srv.getblocking())
t0 = time.monotonic()
try:
    srv.accept()
except socket.timeout as e:
    print("accept:", type(e).__name__, repr(e), e.errno, 0.2 <= time.monotonic() - t0 < 1)
c = socket.create_connection(("127.0.0.1", 50108), timeout=0.3)
print(c.gettimeout())
conn, _ = srv.accept()
print(conn.gettimeout())
try:
    c.recv(10)
except TimeoutError as e:
    print("recv:", e)
conn.sendall(b"late")
print(c.recv(10))
try:
    c.settimeout(-1)
except ValueError as e:
    print(e)
c.settimeout(None)
print(c.gettimeout(), c.getblocking())
for s in (c, conn, srv):
    s.close()
