import asyncio


async def handle(reader, writer):
    data = await reader.readline()
    name = data.decode().strip()
    print("server got", name)
    writer.write(("hello " + name + "\n").encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(name, delay):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection("127.0.0.1", 51001)
    print(name, "peer", writer.get_extra_info("peername"))
    writer.write((name + "\n").encode())
    await writer.drain()
    line = await reader.readline()
    print(name, "received", line)
    print(name, "at_eof", reader.at_eof(), await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    return line.decode().strip()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 51001)
    print("serving on", server.sockets[0].getsockname())
    async with server:
        results = await asyncio.gather(client("a", 0.01), client("b", 0.02), client("c", 0.03))
    print(results)
    print("serving after close:", server.is_serving())


asyncio.run(main())
