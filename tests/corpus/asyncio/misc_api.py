import asyncio

async def coro():
    return 1

def plain():
    pass

async def main():
    print(asyncio.iscoroutinefunction(coro), asyncio.iscoroutinefunction(plain))
    c = coro()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(1))
    print(await c)
    try:
        c2 = coro()
        asyncio.run(c2)
    except RuntimeError as e:
        print("RuntimeError:", e)
        c2.close()
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop(), loop.is_running())
    fut = loop.create_future()
    print(fut.done(), fut.cancelled())
    fut.set_exception(KeyError("k"))
    print(repr(fut.exception()))
    try:
        await fut
    except KeyError as e:
        print("KeyError", e)
    fut2 = loop.create_future()
    try:
        fut2.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(asyncio.sleep(0.1, "a"))
        t2 = tg.create_task(asyncio.sleep(0.2, "b"))
    print(t1.result(), t2.result())
    return "main done"

print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(coro()))
h = loop.call_later(5, print, "never")
h.cancel()
print(h.cancelled())
loop.close()
print(loop.is_closed())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
