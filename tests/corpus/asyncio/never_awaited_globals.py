# Coroutines that never ran, still held by globals at exit: CPython warns as finalisation frees
# them, in the globals' order, once per message (the default warnings filter).
import asyncio


async def fetch():
    return 1


async def store():
    return 2


first = fetch()
_private = store()
batch = [fetch(), store()]
ran = fetch()
try:
    ran.send(None)
except StopIteration as done:
    print("ran to", done.value)
print("end of the program")
