# socketserver.ThreadingTCPServer: a thread per client; serve_forever() polls with select.
import socket
import socketserver
import threading

class Upper(socketserver.BaseRequestHandler):
    def handle(self):
        while data := self.request.recv(1024):
            self.request.sendall(data.upper())

class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True

with Server(("127.0.0.1", 50121), Upper) as server:
    print(server.server_address, server.socket_type, server.daemon_threads)
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    results = {}
    def client(name):
        with socket.create_connection(server.server_address) as c:
            for i in range(2):
                c.sendall(f"{name}-{i}".encode())
                results.setdefault(name, []).append(c.recv(100))
    cs = [threading.Thread(target=client, args=(n,)) for n in ("a", "b", "c")]
    for c in cs:
        c.start()
    for c in cs:
        c.join()
    server.shutdown()
    t.join()
for name in sorted(results):
    print(name, results[name])
