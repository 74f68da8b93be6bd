# assert (caught), del of names, items, attributes and slices; pass; global statement.
x = 5
assert x == 5, "not reached"
try:
    assert x > 10, f"x too small: {x}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)

class C:
    pass

c = C()
c.attr = 1
print(hasattr(c, "attr"))
del c.attr
print(hasattr(c, "attr"))
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
def noop():
    pass
print(noop())
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
