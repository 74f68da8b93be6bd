# A forking server: the child serves the connection; the parent closes its copy of it.
import os
import socket
import sys

srv = socket.create_server(("127.0.0.1", 50114))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    conn, _ = srv.accept()
    srv.close()
    data = conn.recv(100)
    conn.sendall(data[::-1])
    conn.close()
    os._exit(0)
srv.close()
with socket.create_connection(("127.0.0.1", 50114)) as c:
    c.sendall(b"stressed")
    print(c.recv(100))
    print(c.recv(100))
os.waitpid(pid, 0)
print("done")
