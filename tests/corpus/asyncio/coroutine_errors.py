import asyncio
async def c():
    await asyncio.sleep(0)
async def main():
    for stmt in ("async with 1: pass", "async for x in 1: pass", "await 1", "await c().__await__()"):
        pass
    try:
        async with 1:
            pass
    except TypeError as e:
        print(e)
    class Half:
        async def __aenter__(self): pass
    try:
        async with Half():
            pass
    except TypeError as e:
        print(e)
    try:
        async for x in [1]:
            pass
    except TypeError as e:
        print(e)
    class BadAwait:
        def __await__(self):
            return 5
    try:
        await BadAwait()
    except TypeError as e:
        print(e)
    class BadNext:
        def __aiter__(self): return self
        def __anext__(self): return 5
    try:
        async for x in BadNext():
            pass
    except TypeError as e:
        print(e)
    co = c()
    print(await co)
    try:
        await co
    except RuntimeError as e:
        print(e)
    co2 = c()
    t = asyncio.ensure_future(co2)
    await asyncio.sleep(0)
    try:
        await co2
    except RuntimeError as e:
        print(e)
    await t
    class AW:
        def __await__(self):
            return c().__await__()
    print(await AW())
asyncio.run(main())
