# Async generators driven by hand (no event loop): asend/athrow/aclose awaitables, the
# values an `await` inside passes through, and their errors.
import types


@types.coroutine
def suspend(tag):
    got = yield ('suspended', tag)
    return got


async def agen():
    x = yield 'first'
    print('agen got', x)
    y = await suspend('inside')
    print('await gave', y)
    yield 'second'


def drive(awaitable, *sends):
    """Steps an awaitable by hand, printing what it yields and how it ends."""
    it = awaitable.__await__() if hasattr(awaitable, '__await__') and not isinstance(awaitable, types.GeneratorType) else awaitable
    value = None
    for s in (None,) + sends:
        try:
            value = it.send(s)
            print('  yielded', value)
        except StopIteration as e:
            print('  returned', e.value)
            return
        except StopAsyncIteration:
            print('  StopAsyncIteration')
            return


g = agen()
print(type(g).__name__, g.__name__)
drive(g.__anext__())
drive(g.asend('hello'), 'resumed')
drive(g.__anext__())


async def counter():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print('counter caught', repr(e))
        yield 'recovered'
    finally:
        print('counter finally')


c = counter()
drive(c.asend(None))
drive(c.athrow(KeyError('k')))
drive(c.aclose())
drive(c.aclose())
drive(c.__anext__())


async def raises_stop_async():
    yield 1
    raise StopAsyncIteration


s = raises_stop_async()
drive(s.__anext__())
try:
    drive(s.__anext__())
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', type(e.__cause__).__name__)


async def main():
    async for v in failing():
        print('main got', v)


async def failing():
    yield 'ok'
    raise ValueError('failed inside the async generator')


m = main()
m.send(None)
