# Server.serve_forever in a task, cancelled when the clients are done; the address is
# then free again, and a second server on a busy port fails.
import asyncio


async def handle(reader, writer):
    n = int((await reader.readexactly(2)).decode())
    writer.write(str(n * n).encode() + b"\n")
    await writer.drain()
    writer.close()


async def ask(n):
    reader, writer = await asyncio.open_connection("127.0.0.1", 51010)
    writer.write(("%02d" % n).encode())
    answer = await reader.readuntil(b"\n")
    writer.close()
    await writer.wait_closed()
    return int(answer)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 51010, start_serving=False)
    print("serving before:", server.is_serving())
    task = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print("serving:", server.is_serving())
    try:
        await asyncio.start_server(handle, "127.0.0.1", 51010)
    except OSError as e:
        print("second server:", type(e).__name__, e.errno, e)
    print(await asyncio.gather(*(ask(n) for n in (3, 7, 12))))
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving())
    again = await asyncio.start_server(handle, "127.0.0.1", 51010)
    async with again:
        print("again:", await ask(9))
    print("done")


asyncio.run(main())
