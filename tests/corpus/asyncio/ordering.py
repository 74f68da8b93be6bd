import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name

def cb(fut):
    print("callback", fut.result())

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "soon 1")
    loop.call_later(0, print, "later 0")
    loop.call_soon(print, "soon 2")
    t1 = asyncio.create_task(worker("A", 3))
    t2 = asyncio.create_task(worker("B", 2), name="bee")
    t1.add_done_callback(cb)
    print("created", t1.get_name(), t2.get_name())
    res = await asyncio.gather(t1, t2, worker("C", 2))
    print(res)
    print(asyncio.current_task().get_name())
    print(len(asyncio.all_tasks()))
    f = loop.create_future()
    loop.call_soon(f.set_result, 42)
    print(await f)
    print(await asyncio.sleep(0.1, result="slept"))

asyncio.run(main())
