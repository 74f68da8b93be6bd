# listen(1): the accept queue holds backlog + 1 connections; further requests are dropped
# (the client sends them again 1 s later), so a connect with a shorter timeout times out.
import socket, time
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 50119))
srv.listen(1)
clients = []
for i in range(4):  # 0 and 1 fit in the queue
    c = socket.socket()
    c.settimeout(0.5)
    try:
        c.connect(("127.0.0.1", 50119))
        print(i, "connected")
    except TimeoutError as e:
        print(i, e)
    clients.append(c)
conn, _ = srv.accept()
t0 = time.monotonic()
c = socket.socket()
c.settimeout(5)
c.connect(("127.0.0.1", 50119))
print("after accept: connected in", round(time.monotonic() - t0))
