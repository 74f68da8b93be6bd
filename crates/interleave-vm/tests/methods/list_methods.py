# list methods.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

a = [3, 1, 2]
a.append(4); print(a)
a.extend([5, 6]); a.extend((7,)); a.extend(range(8, 10)); a.extend("ab"); print(a)
a.insert(0, "first"); a.insert(-1, "second-last"); a.insert(100, "end"); a.insert(-100, "start"); print(a)
a.remove("a"); print(a, a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(4), a.index(1, 2), a.count(1), [1, 1, 2].count(1), [[1], [1]].count([1]))
a.clear(); print(a)
b = [5, 2, 9, 1]
b.sort(); print(b)
b.sort(reverse=True); print(b)
words = ["banana", "Apple", "cherry", "apple"]
words.sort(key=str.lower); print(words)
words.sort(key=len, reverse=True); print(words)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0]); print(pairs)
c = [1, 2, 3]; c.reverse(); print(c)
d = c.copy(); d.append(0); print(c, d)
x = [1, 2]; x.extend(x); print(x)

class V:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"V{self.n}"
vs = [V(3), V(1), V(2)]
vs.sort(); print(vs)
print(list.__len__([1, 2]), [1, 2].__getitem__(0), [1, 2, 3].__getitem__(slice(1, None)), [1].__contains__(1), list([5].__iter__()))
e = [0, 0]; e.__setitem__(1, 9); e.__delitem__(0); print(e)
show("pop empty", lambda: [].pop())
show("pop range", lambda: [1].pop(5))
show("remove missing", lambda: [1].remove(2))
show("index missing", lambda: [1].index(2))
show("index str", lambda: ["a"].index("b"))
show("append none", lambda: [].append())
show("append two", lambda: [].append(1, 2))
show("insert one", lambda: [].insert(1))
show("sort positional", lambda: [].sort(1))
show("sort bad kw", lambda: [].sort(foo=1))
show("sort mixed", lambda: [1, "a"].sort())
show("extend int", lambda: [].extend(1))
show("copy arg", lambda: [].copy(1))
show("index bad bound", lambda: [1].index(1, "a"))
show("descriptor", lambda: list.append((), 1))
show("pop str", lambda: [1].pop("a"))
