import asyncio


async def readings():
    for i in range(3):
        await asyncio.sleep(0.5)
        if i == 2:
            raise ConnectionError("sensor went away")
        yield i * 10


async def main():
    async for r in readings():
        print("reading", r)


# (An exception escaping asyncio.run shows asyncio's own frames, whose paths differ: see
# PENDING's asyncio/exception_escapes_run.py.)
try:
    asyncio.run(main())
except ConnectionError as e:
    print("main failed:", repr(e))
