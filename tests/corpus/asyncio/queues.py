import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "size", q.qsize())
        await asyncio.sleep(0.01)
    await q.put(None)

async def consumer(q, name):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            await q.put(None)
            break
        print(name, "got", item)
        await asyncio.sleep(0.03)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q, "c1"), consumer(q, "c2"))
    print("empty", q.empty(), q.qsize())
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 3):
        pq.put_nowait((x, f"p{x}"))
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)])
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    fq = asyncio.Queue(1)
    fq.put_nowait(1)
    print(fq.full())
    try:
        fq.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    jq = asyncio.Queue()
    async def work():
        while True:
            x = await jq.get()
            await asyncio.sleep(x)
            print("worked", x)
            jq.task_done()
    ws = [asyncio.create_task(work()) for _ in range(2)]
    for x in (0.3, 0.1, 0.2):
        jq.put_nowait(x)
    await jq.join()
    print("joined")
    for w in ws:
        w.cancel()
    print(await asyncio.gather(*ws, return_exceptions=True))

asyncio.run(main())
