import asyncio, time

async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)      # waiting, not working: the loop runs others
    print(f"done  {name}")
    return seconds

async def main():
    t0 = time.perf_counter()
    for name, s in [("a", 1), ("b", 2), ("c", 3)]:
        await download(name, s)       # one after another
    print("sequential:", round(time.perf_counter() - t0, 1), "s")

    t0 = time.perf_counter()
    await asyncio.gather(download("a", 1), download("b", 2), download("c", 3))
    print("gather:    ", round(time.perf_counter() - t0, 1), "s")

asyncio.run(main())
