# Methods of list and dict reached through user subclasses (constructed empty: passing
# arguments to a subclass constructor is not supported by the VM yet).
class D(dict):
    pass
class L(list):
    pass
d = D()
d["a"] = 1
d.update(b=2)
print(d.get("a"), sorted(d.keys()), d.pop("b"), len(d), "a" in d, list(d), d.setdefault("z", 0))
l = L()
l.extend([3, 1, 2])
l.sort(); l.append(4)
print(l.index(4), l.count(1), list(l), len(l), l.pop(), l.__len__())
