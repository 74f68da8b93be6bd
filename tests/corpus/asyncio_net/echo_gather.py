# Three clients at once against an asyncio echo server: the server prints as it works,
# each client sends its lines, half-closes, and reads the replies until end of file.
import asyncio


async def handle(reader, writer):
    peer_port_known = writer.get_extra_info("peername")[0]
    lines = 0
    while True:
        line = await reader.readline()
        if not line:
            break
        lines += 1
        writer.write(line.upper())
        await writer.drain()
    print("server: a client sent", lines, "lines from", peer_port_known)
    writer.close()
    await writer.wait_closed()


async def client(name, count):
    reader, writer = await asyncio.open_connection("127.0.0.1", 51002)
    for k in range(count):
        writer.write(f"{name} line {k}\n".encode())
    await writer.drain()
    writer.write_eof()
    replies = []
    while True:
        line = await reader.readline()
        if not line:
            break
        replies.append(line.decode().strip())
    writer.close()
    await writer.wait_closed()
    return name, replies


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    server = await asyncio.start_server(handle, "127.0.0.1", 51002)
    async with server:
        results = await asyncio.gather(client("a", 1), client("b", 2), client("c", 3))
        for name, replies in results:
            print(name, replies)
    print("elapsed", round(loop.time() - t0, 1))
    print("is_serving", server.is_serving())


asyncio.run(main())
