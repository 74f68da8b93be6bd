# A gevent echo server and three clients in one thread: monkey patching makes sockets
# cooperative, so every wait for the network lets another greenlet run.
from gevent import monkey
monkey.patch_all()

from socket import *
import time
import gevent

ADDRESS = ("127.0.0.1", 50411)


def talk(conn, n):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            print("server: client", n, "sent", data)
            time.sleep((0.2, 0.35, 0.5)[n])
            conn.sendall(data.upper())
    print("server: client", n, "hung up")


def server(clients):
    s = socket(AF_INET, SOCK_STREAM)
    s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    s.bind(ADDRESS)
    s.listen(5)
    talkers = []
    for n in range(clients):
        conn, addr = s.accept()
        print("server: accepted client", n, type(conn).__module__)
        talkers.append(gevent.spawn(talk, conn, n))
    s.close()
    gevent.joinall(talkers)


def client(word, times, delay):
    time.sleep(delay)
    c = create_connection(ADDRESS)
    for i in range(times):
        c.send(f"{word} {i}".encode())
        print("client", word, "got", c.recv(1024).decode())
    c.close()
    return word


start = time.time()
srv = gevent.spawn(server, 3)
gevent.sleep(0)
clients = [gevent.spawn(client, w, 2, d) for w, d in (("red", 0), ("green", 0.1), ("blue", 0.25))]
gevent.joinall(clients + [srv])
print([c.value for c in clients], round(time.time() - start))
