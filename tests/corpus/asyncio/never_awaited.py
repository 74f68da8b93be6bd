import asyncio
async def work():
    print("working")
async def main():
    work()
    print("after")
asyncio.run(main())
