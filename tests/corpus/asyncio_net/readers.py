# add_reader/remove_reader/add_writer/remove_writer, and StreamReader's readexactly,
# readuntil and their errors.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    try:
        socket.socketpair(socket.AF_INET)
    except OSError as e:
        print("socketpair(AF_INET):", e)
    lsock = socket.create_server(("127.0.0.1", 51008))
    b = socket.create_connection(("127.0.0.1", 51008))
    a, _ = lsock.accept()
    lsock.close()
    a.setblocking(False)
    b.setblocking(False)
    got = loop.create_future()

    def on_readable():
        data = a.recv(100)
        print("readable:", data)
        print("remove_reader", loop.remove_reader(a))
        got.set_result(data)

    loop.add_reader(a, on_readable)
    writable = loop.create_future()

    def on_writable():
        print("writable")
        print("remove_writer", loop.remove_writer(b.fileno()))
        writable.set_result(None)

    loop.add_writer(b.fileno(), on_writable)
    await writable
    b.send(b"ping")
    print("got", await got)
    print("remove again", loop.remove_reader(a), loop.remove_writer(b))
    a.close()
    b.close()

    reader = asyncio.StreamReader()
    reader.feed_data(b"abc:defgh")
    print(await reader.readuntil(b":"))
    print(await reader.readexactly(3))
    reader.feed_data(b"line1\nrest")
    print(await reader.readline())
    reader.feed_eof()
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e.partial, e.expected, e)
    print(reader.at_eof(), await reader.read())
    r2 = asyncio.StreamReader(limit=4)
    r2.feed_data(b"toolongline\n")
    try:
        await r2.readline()
    except ValueError as e:
        print("ValueError", e)
    r3 = asyncio.StreamReader()
    r3.feed_data(b"no separator")
    r3.feed_eof()
    try:
        await r3.readuntil(b"!")
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e.partial)


asyncio.run(main())
