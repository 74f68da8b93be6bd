# Built-ins that consume a generator show no frame of their own in a traceback.
def failing():
    yield 1
    raise RuntimeError("inside the generator")


try:
    list(failing())
except RuntimeError as e:
    print("caught:", e)
print(sorted(x for x in [3, 1, 2]))
print(min(x for x in []))
