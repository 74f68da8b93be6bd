import socket
import threading

HOST, PORT = "127.0.0.1", 50101
ready = threading.Event()

def handle(conn, n):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())

def server():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((HOST, PORT))
        s.listen()
        print(s)
        ready.set()
        workers = []
        for i in range(3):
            conn, addr = s.accept()
            print("accepted", addr[0])
            t = threading.Thread(target=handle, args=(conn, i))
            t.start()
            workers.append(t)
        for t in workers:
            t.join()

results = {}
def client(name):
    with socket.create_connection((HOST, PORT)) as c:
        c.sendall(f"hello from {name}".encode())
        results[name] = c.recv(1024)

st = threading.Thread(target=server)
st.start()
ready.wait()
cs = [threading.Thread(target=client, args=(f"c{i}",)) for i in range(3)]
for t in cs: t.start()
for t in cs: t.join()
st.join()
for k in sorted(results):
    print(k, results[k])
