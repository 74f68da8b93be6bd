# shutdown(SHUT_WR) sends end-of-file while the other direction stays open.
import socket
import threading

srv = socket.create_server(("127.0.0.1", 50113))

def server():
    conn, _ = srv.accept()
    with conn:
        chunks = []
        while chunk := conn.recv(4):
            chunks.append(chunk)
        conn.sendall(f"received {len(b''.join(chunks))} bytes".encode())

t = threading.Thread(target=server)
t.start()
with socket.create_connection(("127.0.0.1", 50113)) as c:
    c.sendall(b"0123456789")
    c.shutdown(socket.SHUT_WR)
    try:
        c.send(b"more")
    except BrokenPipeError as e:
        print(e)
    print(c.recv(100))
    print(c.recv(100))
t.join()
srv.close()
