import asyncio, threading, time

async def add(a, b):
    await asyncio.sleep(0.5)
    return a + b

def other_thread(loop, results):
    fut = asyncio.run_coroutine_threadsafe(add(1, 2), loop)
    results.append(fut.result(timeout=5))

async def main():
    loop = asyncio.get_running_loop()
    results = []
    t = threading.Thread(target=other_thread, args=(loop, results))
    t.start()
    await asyncio.sleep(1)
    t.join()
    print("from thread:", results)

asyncio.run(main())

def loop_in_thread(name, delay):
    async def job():
        await asyncio.sleep(delay)
        return f"{name} in {threading.current_thread().name}"
    print(asyncio.run(job()))

ts = [threading.Thread(target=loop_in_thread, args=(f"loop{i}", 0.2 + 0.1 * i), name=f"T{i}") for i in range(2)]
t0 = time.perf_counter()
for t in ts: t.start()
for t in ts: t.join()
print("two loops in parallel:", round(time.perf_counter() - t0, 1))

async def cond_demo():
    cond = asyncio.Condition()
    async def waiter(i):
        async with cond:
            await cond.wait()
            print("waiter", i, "notified")
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws)
    co = asyncio.sleep(0)
    try:
        await asyncio.wait([co])
    except TypeError as e:
        print("TypeError:", e)
    await co
asyncio.run(cond_demo())
