import asyncio

async def locked(lock, name):
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0.1)
        print(name, "releases")

async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "woke")

async def limited(sem, name):
    async with sem:
        print(name, "in")
        await asyncio.sleep(0.1)
    print(name, "out")

async def consumer(cond, items):
    async with cond:
        await cond.wait_for(lambda: items)
        print("consumed", items.pop())

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(locked(lock, n) for n in "abc"))
    print(lock.locked())
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await asyncio.sleep(0.1)
    ev.set()
    await asyncio.gather(*ws)
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, i) for i in range(5)))
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError", e)
    cond = asyncio.Condition()
    items = []
    t = asyncio.create_task(consumer(cond, items))
    await asyncio.sleep(0)
    async with cond:
        items.append("x")
        cond.notify()
    await t

asyncio.run(main())
