# loop.sock_* on non-blocking sockets: accept, connect, sendall, recv.
import asyncio
import socket


async def server(lsock):
    loop = asyncio.get_running_loop()
    conn, addr = await loop.sock_accept(lsock)
    print("accepted from", addr[0], "blocking:", conn.getblocking())
    total = b""
    while True:
        data = await loop.sock_recv(conn, 65536)
        if not data:
            break
        total += data
    print("server received", len(total), "bytes:", total[:20])
    await loop.sock_sendall(conn, b"thanks:" + str(len(total)).encode())
    conn.close()


async def client():
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await loop.sock_connect(sock, ("127.0.0.1", 51003))
    print("client connected to", sock.getpeername())
    await loop.sock_sendall(sock, b"x" * 300000)
    sock.shutdown(socket.SHUT_WR)
    reply = await loop.sock_recv(sock, 100)
    print("client got", reply)
    print("then", await loop.sock_recv(sock, 100))
    sock.close()


async def main():
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 51003))
    lsock.listen()
    lsock.setblocking(False)
    await asyncio.gather(server(lsock), client())
    lsock.close()
    print("done")


asyncio.run(main())
