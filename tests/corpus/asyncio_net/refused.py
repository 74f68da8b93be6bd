# Connecting to a port nobody listens on.
import asyncio
import socket


async def main():
    try:
        await asyncio.open_connection("127.0.0.1", 51006)
    except ConnectionRefusedError as e:
        print("refused:", type(e).__name__, e.errno, e)
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, ("127.0.0.1", 51006))
    except OSError as e:
        print("sock_connect:", type(e).__name__, e)
    sock.close()
    try:
        await loop.create_connection(asyncio.Protocol, "127.0.0.1", 51006)
    except OSError as e:
        print("create_connection:", type(e).__name__, e)


asyncio.run(main())
