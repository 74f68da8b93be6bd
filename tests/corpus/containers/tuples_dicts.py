# Tuples and dicts: insertion order, views, methods, merging.
t = (1, "two", 3.0)
print(t, t[1], len(t), t + (4,), t * 2, (1,), (), tuple("ab"))
print(t.index("two"), (1, 1, 2).count(1), (1, 2) < (1, 2, 0), hash((1, 2)) == hash((1, 2)))
d = {"b": 2, "a": 1}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
del d["b"]
print(d, d.pop("c"), d, d.pop("nope", "default"))
d.update({"x": 1, "y": 2}, z=3)
print(d, d.setdefault("x", 99), d.setdefault("w", 0), d)
print(d.popitem(), d)
e = dict(zip("abc", range(3)))
print(e, dict(a=1, b=2), dict([("k", "v")]), {**e, "d": 3}, e | {"a": 100})
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({1: "int", 1.0: "float", True: "bool"})
inv = {v: k for k, v in e.items()}
print(inv, dict.fromkeys("xy", 0), {(1, 2): "tuple key"})
for k, v in d.items():
    print(k, "->", v)
nested = {"user": {"name": "Li", "tags": ["a", "b"]}}
print(nested["user"]["tags"][1], nested)
print(d == dict(d), {} == dict(), repr({}))
