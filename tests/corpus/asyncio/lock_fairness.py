import asyncio

async def user(lock, name, log):
    for i in range(2):
        async with lock:
            log.append(name)
            await asyncio.sleep(0)

async def cancelled_getter(q):
    try:
        await q.get()
    except asyncio.CancelledError:
        print("getter cancelled")
        raise

async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(user(lock, n, log) for n in "xyz"))
    print(log)
    q = asyncio.Queue()
    t = asyncio.create_task(cancelled_getter(q))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    q.put_nowait(1)
    print(q.get_nowait(), q.empty())
    sem = asyncio.Semaphore(0)
    async def releaser():
        await asyncio.sleep(0.1)
        sem.release()
        print("released")
    asyncio.create_task(releaser())
    await sem.acquire()
    print("acquired", sem.locked())
    async def child():
        await asyncio.sleep(1)
    parent = asyncio.gather(child(), child())
    await asyncio.sleep(0)
    parent.cancel()
    try:
        await parent
    except asyncio.CancelledError:
        print("gather cancelled", parent.cancelled())

asyncio.run(main())
