import asyncio, time, threading

def blocking(n):
    time.sleep(n)
    return n * 10

async def main():
    loop = asyncio.get_running_loop()
    t0 = time.perf_counter()
    r = await asyncio.gather(loop.run_in_executor(None, blocking, 1),
                             loop.run_in_executor(None, blocking, 2),
                             asyncio.to_thread(blocking, 1.5))
    print(r, round(time.perf_counter() - t0, 1))
    print(threading.current_thread().name)
    r = await loop.run_in_executor(None, threading.current_thread)
    print(r.name.startswith("asyncio_"))

asyncio.run(main())
print("after", threading.active_count())
