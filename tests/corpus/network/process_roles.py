# One process per role: a server process and two client processes.
import multiprocessing as mp
import socket

PORT = 50109

def serve(ready, n):
    with socket.create_server(("127.0.0.1", PORT)) as srv:
        ready.set()
        for _ in range(n):
            conn, _ = srv.accept()
            with conn:
                name = conn.recv(100)
                conn.sendall(b"hello, " + name)

def client(name, q):
    with socket.create_connection(("127.0.0.1", PORT)) as c:
        c.sendall(name.encode())
        q.put(c.recv(100).decode())

if __name__ == "__main__":
    ready = mp.Event()
    server = mp.Process(target=serve, args=(ready, 2))
    server.start()
    ready.wait()
    q = mp.Queue()
    for name in ("ann", "bob"):
        p = mp.Process(target=client, args=(name, q))
        p.start()
        p.join()
        print(q.get())
    server.join()
    print("server exit code", server.exitcode)
