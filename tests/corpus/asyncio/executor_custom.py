import asyncio, concurrent.futures, time, threading

def crunch(n, scale=1):
    total = 0
    for i in range(n):
        total += i
    time.sleep(0.5)
    return total * scale

async def main():
    loop = asyncio.get_running_loop()
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
        futs = [loop.run_in_executor(ex, crunch, n) for n in (10, 20, 30, 40)]
        print(await asyncio.gather(*futs))
    print("4 jobs on 2 workers:", round(time.perf_counter() - t0, 1))
    t0 = time.perf_counter()
    print(await asyncio.to_thread(crunch, 5, scale=10), round(time.perf_counter() - t0, 1))
    def fails():
        raise KeyError("in thread")
    try:
        await loop.run_in_executor(None, fails)
    except KeyError as e:
        print("KeyError", e)

asyncio.run(main())
print(threading.active_count())
