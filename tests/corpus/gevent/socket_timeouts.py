# gevent's socket module used directly (no monkey patching): timeouts, non-blocking mode and a
# refused connection, each without blocking the other greenlets.
import gevent
from gevent import socket
import time

ADDRESS = ("127.0.0.1", 50412)
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(ADDRESS)
listener.listen()
print(type(listener).__module__, listener.gettimeout(), listener.getblocking())


def ticker():
    for i in range(3):
        print("tick", i)
        gevent.sleep(0.1)


def silent_server():
    conn, _ = listener.accept()
    gevent.sleep(1)
    conn.close()


def impatient_client():
    c = socket.create_connection(ADDRESS)
    c.settimeout(0.25)
    print("client timeout", c.gettimeout())
    try:
        c.recv(10)
    except socket.timeout as e:
        print("recv:", type(e).__name__, e)
    c.setblocking(False)
    try:
        c.recv(10)
    except BlockingIOError as e:
        print("non-blocking recv:", e)
    c.close()


start = time.time()
gevent.joinall([gevent.spawn(ticker), gevent.spawn(silent_server), gevent.spawn(impatient_client)])
try:
    socket.create_connection(("127.0.0.1", 50413))
except ConnectionRefusedError as e:
    print("refused:", e)
print("elapsed", round(time.time() - start))
