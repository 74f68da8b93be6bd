import asyncio, time

async def fetch(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("done", name)
    return name.upper()

async def main():
    t0 = time.perf_counter()
    r = await asyncio.gather(fetch("a", 1), fetch("b", 2), fetch("c", 1.5))
    print(r, round(time.perf_counter() - t0, 1))
    t = asyncio.create_task(fetch("d", 0.5))
    await asyncio.sleep(0)
    print(t.done(), t.get_name())
    print(await t)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.5)
    except asyncio.TimeoutError:
        print("timeout", round(time.perf_counter() - t0, 1))

asyncio.run(main())
