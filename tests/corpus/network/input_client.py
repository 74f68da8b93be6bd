# A client sends each line the user types; the server thread answers.
import socket
import threading

srv = socket.create_server(("127.0.0.1", 50110))

def server():
    conn, _ = srv.accept()
    with conn:
        while data := conn.recv(1024):
            conn.sendall(b"you said: " + data)

t = threading.Thread(target=server)
t.start()
with socket.create_connection(("127.0.0.1", 50110)) as c:
    while True:
        try:
            line = input("> ")
        except EOFError:
            break
        c.sendall(line.encode())
        print(c.recv(1024).decode())
t.join()
srv.close()
