import asyncio

async def ok(n):
    await asyncio.sleep(n)
    print("ok", n)
    return n

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok(0.2))
        t2 = tg.create_task(ok(0.1), name="second")
        print("tasks started", t2.get_name())
    print("all done", t1.result(), t2.result())

asyncio.run(main())
with asyncio.Runner() as runner:
    print(runner.run(ok(0.1)))
    print(runner.get_loop().is_running())
