import asyncio, types, inspect, sys

async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print('ticker cleanup', n)

async def main():
    async for t in ticker(3, 0.1):
        print('tick', t)
    print([x async for x in ticker(2, 0)])
    agen = ticker(5, 0.01)
    print(type(agen), type(agen).__name__, inspect.isasyncgen(agen), inspect.isasyncgenfunction(ticker))
    print(isinstance(agen, types.AsyncGeneratorType), ticker.__code__.co_flags & 0x2a0)
    print(await agen.__anext__(), await anext(agen), await agen.asend(None))
    await agen.aclose()
    try:
        await anext(agen)
    except StopAsyncIteration:
        print('exhausted after aclose')
    print(await anext(agen, 'default'))
    async def echo():
        received = None
        while True:
            try:
                received = yield received
            except ValueError as e:
                received = 'caught ' + str(e)
    e = echo()
    print(await e.asend(None), await e.asend(1), await e.athrow(ValueError('v')), await e.asend(2))
    await e.aclose()
    gexp = (i * i async for i in ticker(3, 0))
    print(type(gexp).__name__, [v async for v in gexp])
    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    s = stubborn()
    await anext(s)
    try:
        await s.aclose()
    except RuntimeError as err:
        print('RuntimeError:', err)
    async def bad():
        raise StopIteration
        yield
    try:
        await anext(bad())
    except RuntimeError as err:
        print('RuntimeError:', err, type(err.__cause__).__name__)
    left_open = ticker(10, 0)
    print(await anext(left_open))
    print(sys.get_asyncgen_hooks().firstiter is not None)

asyncio.run(main())
print(sys.get_asyncgen_hooks())
