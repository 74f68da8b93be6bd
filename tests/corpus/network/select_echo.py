# One thread serves several clients with select.select().
import select
import socket
import threading

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 50104))
srv.listen(5)
srv.setblocking(False)
replies = {}

def client(i):
    with socket.create_connection(("127.0.0.1", 50104)) as c:
        for n in range(3):
            c.sendall(f"{i}:{n};".encode())
            replies.setdefault(i, []).append(c.recv(100).decode())

clients = [threading.Thread(target=client, args=(i,)) for i in range(4)]
for t in clients:
    t.start()

inputs = [srv]
served = closed = 0
while closed < 4:
    readable, _, _ = select.select(inputs, [], [], 5.0)
    assert readable, "select timed out"
    for s in readable:
        if s is srv:
            conn, _ = srv.accept()
            inputs.append(conn)
        else:
            data = s.recv(100)
            if data:
                s.sendall(data.upper() + b"!")
                served += 1
            else:
                inputs.remove(s)
                s.close()
                closed += 1
for t in clients:
    t.join()
print("served", served, "messages")
for i in sorted(replies):
    print(i, replies[i])
print(select.select([], [], [], 0.01))
print(select.select([srv], [], [], 0))
srv.close()
