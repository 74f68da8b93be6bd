import asyncio
async def job():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("cleanup starts")
        await asyncio.sleep(0.5)
        print("cleanup done")
        raise
async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0.1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled:", e.args)
    print(t.cancelled(), "ok")
asyncio.run(main())
