import asyncio, time

async def slow_service():
    try:
        await asyncio.sleep(10)
        return "answer"
    except asyncio.CancelledError:
        print("slow_service: cancelled, cleaning up")
        raise

async def main():
    t0 = time.perf_counter()
    try:
        print(await asyncio.wait_for(slow_service(), timeout=1.5))
    except TimeoutError:
        print("gave up after", round(time.perf_counter() - t0, 1), "s")

    async with asyncio.timeout(0.5):     # the same, as a block (3.11)
        await asyncio.sleep(0.1)
        print("finished within the deadline")

asyncio.run(main())
