import asyncio

def bad_callback():
    raise RuntimeError("callback failed")

async def main():
    loop = asyncio.get_running_loop()
    def handler(loop, context):
        print("handler got:", context["message"], repr(context.get("exception")))
    loop.set_exception_handler(handler)
    loop.call_soon(bad_callback)
    await asyncio.sleep(0.1)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    t = asyncio.create_task(asyncio.sleep(0.1, "x"))
    print(await t, await t)
    when = loop.time() + 0.2
    loop.call_at(when, print, "call_at fired")
    await asyncio.sleep(0.3)
    print("done")

asyncio.run(main())
