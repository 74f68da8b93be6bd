# The with statement: __enter__/__exit__, exception suppression, nesting, contextlib.
import contextlib

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Resource("a") as r:
    print("inside", r.name)

with Resource("outer"), Resource("inner") as inner:
    print("nested body", inner.name)

with Resource("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed error")

try:
    with Resource("loud"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

def early():
    with Resource("early"):
        return "returned from with"
print(early())

for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("div") as t:
    with tag("p"):
        print("text", t)

with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppress worked")
