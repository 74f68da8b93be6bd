def f():
    async for a in x: pass
