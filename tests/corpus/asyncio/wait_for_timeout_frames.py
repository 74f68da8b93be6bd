# asyncio.wait_for timing out: the TimeoutError is raised from the CancelledError inside
# tasks.py (wait_for and sleep frames, with CPython 3.11.7 line numbers).
import asyncio
async def main():
    await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
asyncio.run(main())
