# An echo server on selectors.DefaultSelector (register / modify / unregister).
import selectors
import socket
import threading

sel = selectors.DefaultSelector()
print(isinstance(sel, selectors.BaseSelector), selectors.EVENT_READ, selectors.EVENT_WRITE)
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("localhost", 50105))
srv.listen()
srv.setblocking(False)
key = sel.register(srv, selectors.EVENT_READ, data="listener")
print(key.events, key.data, key.fd == srv.fileno(), len(sel.get_map()))

got = []
def client(i):
    with socket.create_connection(("localhost", 50105)) as c:
        c.sendall(b"x" * (i + 1))
        got.append((i, c.recv(100)))

threads = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for t in threads:
    t.start()

pending = {}
done = 0
while done < 3:
    for key, mask in sel.select(timeout=5):
        if key.data == "listener":
            conn, _ = srv.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, data="client")
        elif mask & selectors.EVENT_READ:
            data = key.fileobj.recv(100)
            if data:
                pending[key.fileobj] = data
                sel.modify(key.fileobj, selectors.EVENT_WRITE, data="client")
            else:
                sel.unregister(key.fileobj)
                key.fileobj.close()
                done += 1
        else:
            key.fileobj.send(str(len(pending.pop(key.fileobj))).encode())
            sel.modify(key.fileobj, selectors.EVENT_READ, data="client")
for t in threads:
    t.join()
print(sorted(got))
print(len(sel.get_map()))
sel.close()
srv.close()
