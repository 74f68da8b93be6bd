import asyncio

async def producer(queue):
    for i in range(5):
        await queue.put(i)               # waits while the queue is full
        print(f"produced {i} (queue size {queue.qsize()})")
    await queue.put(None)                # sentinel: no more items

async def consumer(queue):
    while (item := await queue.get()) is not None:
        await asyncio.sleep(0.5)         # slow work
        print(f"consumed {item}")

async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))

asyncio.run(main())
