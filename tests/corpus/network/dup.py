# dup(): two descriptors for one connection; it ends when both are closed.
import socket
srv = socket.create_server(("127.0.0.1", 50120))
c = socket.create_connection(("127.0.0.1", 50120))
conn, _ = srv.accept()
d = c.dup()
print(d.fileno() != c.fileno(), d.gettimeout())
c.close()
d.sendall(b"via dup")
print(conn.recv(10))
d.close()
print(conn.recv(10))
