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


asyncio.run(main())
