# Errors of calls made in the wrong state, with Linux's errno and text.
import socket
s = socket.socket()
for name, f in [("send", lambda: s.send(b"x")), ("recv", lambda: s.recv(1)), ("accept", lambda: s.accept()), ("shutdown", lambda: s.shutdown(socket.SHUT_RDWR)), ("getpeername", lambda: s.getpeername())]:
    try:
        print(name, f())
    except OSError as e:
        print(name, type(e).__name__, e)
s.bind(("127.0.0.1", 50117))
try:
    s.bind(("127.0.0.1", 50118))
except OSError as e:
    print("rebind", type(e).__name__, e)
try:
    s.send("text")
except TypeError as e:
    print(e)
s.close()
print(s.fileno())
