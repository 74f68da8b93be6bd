# A server thread blocks in accept() and recv() until the client acts.
import socket
import threading
import time

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("localhost", 50102))
srv.listen(1)
log = []

def server():
    conn, addr = srv.accept()
    log.append("accepted")
    with conn:
        data = conn.recv(100)
        log.append(f"server got {data!r}")
        conn.sendall(b"pong")
        log.append(f"server got {conn.recv(100)!r} (end of file)")

t = threading.Thread(target=server)
t.start()
time.sleep(0.05)
log.append("client connects")
c = socket.socket()
c.connect(("127.0.0.1", 50102))
time.sleep(0.05)
log.append("client sends")
c.send(b"ping")
log.append(f"client got {c.recv(100)!r}")
c.close()
t.join()
srv.close()
print("\n".join(log))
print(srv)
