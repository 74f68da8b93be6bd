# Writing to a peer that is gone: the first send goes out, the reset comes back, and the
# next send fails with BrokenPipeError. Closing with unread data resets the connection.
import socket
import time

srv = socket.create_server(("127.0.0.1", 50112))
c = socket.create_connection(("127.0.0.1", 50112))
conn, _ = srv.accept()
conn.close()
time.sleep(0.05)
print(c.recv(10))
print(c.send(b"first"))
time.sleep(0.05)
try:
    c.send(b"second")
except BrokenPipeError as e:
    print(type(e).__name__, e, e.errno)
c.close()

c = socket.create_connection(("127.0.0.1", 50112))
conn, _ = srv.accept()
c.sendall(b"never read")
time.sleep(0.05)
conn.close()
time.sleep(0.05)
try:
    c.recv(10)
except ConnectionResetError as e:
    print(type(e).__name__, e, e.errno)
c.close()
srv.close()
