# bytearray through sockets: send/sendall accept it, recv_into fills one, makefile writes it.
import socket
import threading

HOST, PORT = "127.0.0.1", 50131
ready = threading.Event()


def server():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((HOST, PORT))
        s.listen()
        ready.set()
        conn, _ = s.accept()
        with conn:
            buf = bytearray(8)
            got = bytearray()
            while True:
                n = conn.recv_into(buf)
                if not n:
                    break
                got += buf[:n]
            print("server got", got, len(got))
            conn.sendall(got.upper())


t = threading.Thread(target=server)
t.start()
ready.wait()
with socket.create_connection((HOST, PORT)) as c:
    print("sent", c.send(bytearray(b"hello ")))
    c.sendall(bytearray(b"bytearray world, in more than eight bytes"))
    f = c.makefile("wb")
    f.write(bytearray(b"!"))
    f.flush()
    c.shutdown(socket.SHUT_WR)
    reply = bytearray()
    while chunk := c.recv(16):
        reply.extend(chunk)
    print("client got", reply)
    small = bytearray(2)
    for bad in (lambda: c.recv_into(b"xx"), lambda: c.recv_into(small, 5), lambda: c.recv_into(small, -1),
                lambda: c.send("text")):
        try:
            bad()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
t.join()
