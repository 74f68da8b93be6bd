import asyncio
import time


async def handle(reader, writer):
    line = await reader.readline()          # wait for a request: no thread is blocked
    await asyncio.sleep(1)                  # pretend to do one second of I/O
    writer.write(line.upper())
    await writer.drain()
    writer.close()


async def client(name):
    reader, writer = await asyncio.open_connection("127.0.0.1", 51999)
    writer.write(f"hello from {name}\n".encode())
    reply = await reader.readline()
    writer.close()
    return reply.decode().strip()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 51999)
    async with server:
        start = time.perf_counter()
        replies = await asyncio.gather(client("a"), client("b"), client("c"))
        print(replies)
        print(f"3 requests of 1 s each took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
