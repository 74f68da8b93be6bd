# makefile(): line-oriented protocols over a socket, and socketserver.StreamRequestHandler.
import socket
import socketserver
import threading

class Shout(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())

class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True

with Server(("127.0.0.1", 50123), Shout) as server:
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    with socket.create_connection(server.server_address) as c:
        f = c.makefile("rw", encoding="utf-8")
        print(f.readable(), f.writable(), f.mode)
        for word in ("one", "two", "trois, quatre"):
            f.write(word + "\n")
            f.flush()
            print(repr(f.readline()))
        f.write("a\r\nb\n")
        f.flush()
        print(repr(f.readline()), repr(f.readline()))
        c.close()
        f.write("still open after close()\n")
        f.flush()
        print(f.readline(), end="")
        c.shutdown(socket.SHUT_WR)
        print(repr(f.read()))
        f.close()
        print(c)
        try:
            c.recv(1)
        except OSError as e:
            print(e)
    server.shutdown()
    t.join()
