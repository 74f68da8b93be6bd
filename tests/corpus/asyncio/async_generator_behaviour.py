import asyncio

async def agen():
    yield 1
    await asyncio.sleep(0.01)
    yield 2

async def failing():
    yield 'first'
    raise ValueError('boom in generator')

async def consumer():
    out = []
    async for v in agen():
        out.append(v)
    print(out)
    g = agen()
    print(repr(g).startswith('<async_generator object agen at 0x'), g.__name__, g.__qualname__, g.ag_running)
    print(g.ag_code.co_name, aiter(g) is g)
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print(e)
    try:
        await anext(5)
    except TypeError as e:
        print(e)
    try:
        aiter(5)
    except TypeError as e:
        print(e)
    # athrow on a fresh generator raises at once.
    try:
        await agen().athrow(KeyError('k'))
    except KeyError as e:
        print('KeyError', e)
    # aclose on a fresh generator.
    print(await agen().aclose())
    # Cancellation while the generator awaits.
    async def slow():
        try:
            yield 'a'
            await asyncio.sleep(10)
            yield 'b'
        except asyncio.CancelledError:
            print('generator saw CancelledError')
            raise
        finally:
            print('slow finally')
    async def run_slow():
        async for v in slow():
            print('got', v)
    t = asyncio.create_task(run_slow())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('task cancelled')
    # Two tasks sharing one generator.
    async def shared():
        for i in range(4):
            await asyncio.sleep(0.01)
            yield i
    s = shared()
    async def take(name):
        try:
            print(name, await anext(s))
        except RuntimeError as e:
            print(name, 'RuntimeError:', e)
    await asyncio.gather(take('A'), take('B'))
    try:
        async for v in failing():
            print('failing gave', v)
    except ValueError as e:
        print('ValueError:', e)

async def with_return():
    yield 1
    return

async def spaced():
    for i in range(3):
        await asyncio.sleep(0.2)
        yield i

async def timed():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async for _ in spaced():
        pass
    print('elapsed', round(loop.time() - start, 1))

asyncio.run(timed())
asyncio.run(consumer())

# The awaitables asend/athrow/aclose return, and awaiting one twice.
async def agen3():
    yield 1
async def awaitables():
    g = agen3()
    a = g.__anext__()
    print(type(a).__name__, type(g.aclose()).__name__, type(g.athrow(ValueError)).__name__)
    print(await a)
    try:
        await a
    except RuntimeError as e:
        print(e)
    c = g.aclose()
    await c
    try:
        await c
    except RuntimeError as e:
        print(e)
    try:
        await anext(5)
    except TypeError as e:
        print(e)
    try:
        await anext(g.__anext__())
    except TypeError as e:
        print(e)
asyncio.run(awaitables())
