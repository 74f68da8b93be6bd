import asyncio
async def sleeper():
    await asyncio.sleep(1)
async def main():
    t = asyncio.create_task(sleeper(), name="s")
    print(t)
    await asyncio.sleep(0)
    print(t)
    t.cancel()
    print(t)
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(t)
    f = asyncio.get_running_loop().create_future()
    f.set_result([1, 2, 3])
    print(f)
asyncio.run(main())
