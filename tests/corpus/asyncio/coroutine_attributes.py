async def f():
    return 1
c = f()
print(c.cr_running, c.cr_code.co_name, c.cr_code.co_flags & 0x80)
try:
    c.send(None)
except StopIteration as e:
    print("ret", e.value)
print(c.cr_running, c.cr_code.co_name)
def g():
    yield 1
print(g().gi_code.co_name, g().gi_running)
try:
    c.gi_code
except AttributeError as e:
    print(e)
