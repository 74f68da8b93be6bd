# asyncio.timeout() expiring: __aexit__ in timeouts.py raises TimeoutError from the
# CancelledError (CPython 3.11.7), with the library frames as CPython shows them.
import asyncio
async def main():
    async with asyncio.timeout(0.01):
        await asyncio.sleep(1)
asyncio.run(main())
