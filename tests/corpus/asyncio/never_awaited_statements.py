import asyncio
async def work(i):
    return i
d = {}
d.setdefault("k", work(1))
for i in range(3):
    work(i)
def f():
    work(5)
f()
async def main():
    asyncio.create_task(work(0))
    await asyncio.sleep(0)
asyncio.run(main())
print("end")
d["k"].close()
