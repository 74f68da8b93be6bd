# socketserver.ForkingTCPServer: a child process per connection.
import os, socket, socketserver, sys, threading

class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(b"child echoes " + data)

class Server(socketserver.ForkingTCPServer):
    allow_reuse_address = True

with Server(("127.0.0.1", 50122), Echo) as server:
    sys.stdout.flush()
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    for i in range(3):
        with socket.create_connection(server.server_address) as c:
            c.sendall(str(i).encode())
            print(c.recv(100))
    server.shutdown()
    t.join()
print("done")
