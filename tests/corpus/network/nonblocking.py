# Non-blocking sockets: calls that would block raise BlockingIOError instead.
import socket
import threading
import time

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("", 50103))
srv.listen()
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print("accept:", type(e).__name__, e, e.errno)

def client():
    time.sleep(0.1)
    with socket.create_connection(("localhost", 50103)) as c:
        time.sleep(0.1)
        c.sendall(b"data after a while")
        time.sleep(0.1)

t = threading.Thread(target=client)
t.start()
while True:
    try:
        conn, addr = srv.accept()
        break
    except BlockingIOError:
        time.sleep(0.01)
print("accepted", conn.getblocking(), srv.getblocking(), srv.gettimeout())
conn.setblocking(False)
tries = 0
while True:
    try:
        data = conn.recv(1024)
        break
    except BlockingIOError as e:
        if tries == 0:
            print("recv:", repr(e))
        tries += 1
        time.sleep(0.01)
print("got", data, "after several tries:", tries > 3)
t.join()
while True:
    try:
        print("end of file:", conn.recv(1024))
        break
    except BlockingIOError:
        time.sleep(0.01)
conn.close()
srv.close()
