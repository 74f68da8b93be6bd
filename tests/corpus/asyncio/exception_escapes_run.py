import asyncio

async def inner():
    await asyncio.sleep(0.1)
    raise ValueError("bad value")

async def main():
    await inner()

asyncio.run(main())
