import asyncio, time

async def slow(tag):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(tag, "was cancelled by the timeout")
        raise

async def main():
    t0 = time.monotonic()
    try:
        await asyncio.wait_for(slow("wait_for"), timeout=1)
    except asyncio.TimeoutError:
        print("TimeoutError after", round(time.monotonic() - t0, 1))
    async with asyncio.timeout(None) as cm:
        print("deadline", cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 0.5)
        try:
            await slow("rescheduled")
        except asyncio.CancelledError:
            print("never here")
    print("not reached")

async def outer():
    try:
        await main()
    except TimeoutError as e:
        print("outer caught", type(e).__name__)
    t0 = time.monotonic()
    res = []
    for fut in asyncio.as_completed([asyncio.sleep(s, s) for s in (0.3, 0.1, 0.2)], timeout=0.25):
        try:
            res.append(await fut)
        except asyncio.TimeoutError:
            res.append("timeout")
    print(res)
    ev = asyncio.Event()
    print(ev.is_set())
    ev.set(); ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), 0.1)
    except asyncio.TimeoutError:
        print("event wait timed out")
    try:
        print(await asyncio.wait_for(asyncio.sleep(0, "zero"), 0))
    except TimeoutError as e:
        print("timeout 0:", type(e).__name__, type(e.__cause__).__name__)

asyncio.run(outer())
