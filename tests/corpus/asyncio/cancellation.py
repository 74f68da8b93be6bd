import asyncio

async def long_job(name):
    try:
        print(name, "started")
        await asyncio.sleep(10)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled, cleaning up")
        raise
    finally:
        print(name, "finally")

async def main():
    t = asyncio.create_task(long_job("job"))
    await asyncio.sleep(1)
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print(t.cancelled(), t.done())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result raises CancelledError")

    inner = asyncio.create_task(long_job("shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.5)
    except asyncio.TimeoutError:
        print("wait_for timed out; inner cancelled?", inner.cancelled())
    inner.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(inner.cancelled())

    async def fails():
        await asyncio.sleep(0.1)
        raise ValueError("boom")
    r = await asyncio.gather(fails(), asyncio.sleep(0.2, "ok"), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(fails(), asyncio.sleep(0.2, "ok"))
    except ValueError as e:
        print("gather raised", e)
    t = asyncio.create_task(fails())
    await asyncio.sleep(0.5)
    print(type(t.exception()).__name__, t.exception())

asyncio.run(main())
