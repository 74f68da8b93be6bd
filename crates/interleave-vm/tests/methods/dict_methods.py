# dict methods and views.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), "a" in k, "z" in k, 2 in v, ("a", 1) in it, ("a", 2) in it, list(it))
d["c"] = 3
print(k, len(v), list(v), sorted(k))
for key, val in d.items():
    print(key, val)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d.setdefault("n", []).append(1); print(d["n"])
print(d.pop("n"), d.pop("zz", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 1}); d.update([("y", 2)]); d.update(z=3); d.update({"a": 0}, w=4); print(d)
e = d.copy(); e["new"] = 1; print(len(d), len(e))
d.clear(); print(d, len(k))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {}.fromkeys(["q"], "v"))
print({"a": 1}.__getitem__("a"), {"a": 1}.__contains__("a"), {}.__len__(), list({"p": 1}.__iter__()))
f = {}; f.__setitem__("k", "v"); print(f); f.__delitem__("k"); print(f)
g = {1: "one", 2: "two"}
print(list(g), list(g.values()), [x for x in g.items()], max(g.keys()), sum(g))
print({"t": (1, 2)}.items(), {(1, 2): None}.keys())
show("popitem empty", lambda: {}.popitem())
show("pop missing", lambda: {}.pop("k"))
show("get none", lambda: {}.get())
show("get three", lambda: {}.get(1, 2, 3))
show("unhashable", lambda: {}.get([]))
show("update int", lambda: {}.update(1))
show("update bad seq", lambda: {}.update([1]))
show("update bad len", lambda: {}.update([(1,)]))
show("update two", lambda: {}.update({}, {}))
show("keys arg", lambda: {}.keys(1))
show("fromkeys none", lambda: dict.fromkeys())
show("getitem missing", lambda: {}.__getitem__("q"))
show("setdefault none", lambda: {}.setdefault())
h = {"a": 1}
try:
    for key in h.keys():
        h["b"] = 2
except RuntimeError as err:
    print("RuntimeError:", err)
