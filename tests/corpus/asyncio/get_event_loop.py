import asyncio
loop = asyncio.get_event_loop()
print(type(loop).__name__, loop.is_running(), loop.is_closed())
async def main():
    print(asyncio.get_event_loop() is loop)
    return 3
print(loop.run_until_complete(main()))
print(repr(loop))
t = loop.create_task(main())
print(t)
loop.run_until_complete(t)
print(t)
f = loop.create_future()
print(f)
loop.close()
