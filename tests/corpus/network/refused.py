# Connecting where nobody listens.
import socket

s = socket.socket()
try:
    s.connect(("127.0.0.1", 50106))
except ConnectionRefusedError as e:
    print(type(e).__name__, e, e.errno, isinstance(e, ConnectionError), isinstance(e, OSError))
print(s.connect_ex(("localhost", 50106)))
s.close()
try:
    socket.create_connection(("localhost", 50106))
except OSError as e:
    print("create_connection:", e)
s = socket.socket()
s.connect(("localhost", 50106))
