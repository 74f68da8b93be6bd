import asyncio
async def fetch(i):
    await asyncio.sleep(0.01 * i)
    if i == 2:
        raise ConnectionError(f"host {i} unreachable")
    return i
async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(4)), return_exceptions=True)
    for r in results:
        print(repr(r))
    tasks = [asyncio.create_task(fetch(i)) for i in range(4)]
    for coro in asyncio.as_completed(tasks):
        try:
            print("ok", await coro)
        except ConnectionError as e:
            print("failed:", e)
    await fetch(2)
asyncio.run(main())
