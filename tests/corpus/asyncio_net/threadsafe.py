# call_soon_threadsafe from a thread while the loop waits on a socket.
import asyncio
import threading
import time


async def handle(reader, writer):
    data = await reader.read(100)
    writer.write(data[::-1])
    await writer.drain()
    writer.close()


def worker(loop, fut):
    time.sleep(0.3)
    print("worker: waking the loop")
    loop.call_soon_threadsafe(fut.set_result, "from the thread")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    server = await asyncio.start_server(handle, "127.0.0.1", 51007)
    reader, writer = await asyncio.open_connection("127.0.0.1", 51007)
    fut = loop.create_future()
    t = threading.Thread(target=worker, args=(loop, fut))
    t.start()
    # Nothing but the socket (and the self-pipe) to wait on: no timers.
    print("loop got", await fut, "at", round(loop.time() - t0, 1))
    t.join()
    writer.write(b"stressed")
    print("reply", await reader.read(100))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
