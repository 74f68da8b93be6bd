# A client times out waiting for a silent server (wait_for on reader.read), then the
# server answers and the client reads the answer.
import asyncio


async def handle(reader, writer):
    await asyncio.sleep(0.5)
    writer.write(b"late answer")
    await writer.drain()
    writer.close()


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 51005)
    t0 = loop.time()
    reader, writer = await asyncio.open_connection("127.0.0.1", 51005)
    try:
        await asyncio.wait_for(reader.read(100), timeout=0.2)
    except asyncio.TimeoutError:
        print("timed out after", round(loop.time() - t0, 1))
    data = await reader.read(100)
    print("then got", data, "at", round(loop.time() - t0, 1))
    print("eof", await reader.read(100), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
