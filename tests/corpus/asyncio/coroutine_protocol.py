async def add(a, b):
    return a + b

class Fut:
    def __init__(self): self.v = None
    def __await__(self):
        x = yield "waiting"
        return x * 2

async def main():
    r = await add(1, 2)
    print("r", r)
    v = await Fut()
    print("v", v)
    try:
        await 5
    except TypeError as e:
        print("TE", e)
    return "done"

c = main()
print(type(c).__name__, c.__name__, c.__qualname__)
y = c.send(None)
print("yielded", y)
try:
    c.send(21)
except StopIteration as e:
    print("stop", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RE", e)

class ACM:
    async def __aenter__(self):
        print("enter"); return self
    async def __aexit__(self, *a):
        print("exit", a[0]); return True

class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i

async def m2():
    async with ACM() as a:
        print("body")
        raise ValueError("x")
    async for i in AIt():
        print("i", i)
    else:
        print("else")
    print([i async for i in AIt()])
    print({i: await add(i, 1) for i in range(3)})
    async with ACM():
        return 5

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(m2()))

async def inner():
    try:
        await Fut()
    finally:
        print("inner finally")
async def outer():
    try:
        await inner()
    except KeyError:
        print("caught KeyError")
        return 7
o = outer()
o.send(None)
try:
    o.throw(KeyError("k"))
except StopIteration as e:
    print("stopped", e.value)
try:
    for x in 5: pass
except TypeError as e:
    print(e)
try:
    next(5)
except TypeError as e:
    print(e)
