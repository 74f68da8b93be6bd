import asyncio, time

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    t0 = time.monotonic()
    tasks = [asyncio.create_task(job(n), name=f"job{n}") for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(tasks, timeout=0.5)
    print(len(done), len(pending), round(time.monotonic() - t0, 1))
    for coro in asyncio.as_completed(tasks):
        print("as_completed", await coro, round(time.monotonic() - t0, 1))
    try:
        async with asyncio.timeout(0.25):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout block", round(time.monotonic() - t0, 1))
    try:
        await asyncio.wait_for(job(5), 1)
    except asyncio.TimeoutError as e:
        print("wait_for", type(e).__name__, round(time.monotonic() - t0, 1))
    print(await asyncio.wait_for(job(0.5), 1))
    loop = asyncio.get_running_loop()
    print(round(loop.time() - t0, 1))

asyncio.run(main())
