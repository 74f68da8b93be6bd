# After monkey patching, select.select waits in the hub: a greenlet multiplexing three
# connections does not stop the others.
from gevent import monkey
monkey.patch_all()

import select
import socket
import gevent

ADDRESS = ("127.0.0.1", 50414)
listener = socket.create_server(ADDRESS)


def multiplexer(n):
    conns = [listener.accept()[0] for _ in range(n)]
    open_conns = list(conns)
    while open_conns:
        ready, _, _ = select.select(open_conns, [], [], 2.0)
        for c in ready:
            data = c.recv(100)
            if data:
                print("select: got", data.decode())
            else:
                open_conns.remove(c)
                c.close()
    print("select: all closed")


def client(name, delay):
    with socket.create_connection(ADDRESS) as c:
        gevent.sleep(delay)
        c.sendall(name.encode())
        gevent.sleep(0.05)


def busy():
    for i in range(4):
        print("busy", i)
        gevent.sleep(0.1)


gevent.joinall([gevent.spawn(multiplexer, 3), gevent.spawn(busy)]
               + [gevent.spawn(client, n, d) for n, d in (("c", 0.25), ("a", 0.05), ("b", 0.15))])
print("done", select.select.__module__)
