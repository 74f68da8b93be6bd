# set and frozenset methods (printing sorted lists: set order is checked elsewhere).
def show(label, f):
    try:
        r = f()
        print(label, sorted(r) if isinstance(r, (set, frozenset)) else repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

s = {1, 2, 3}
s.add(4); s.add(1); print(sorted(s))
s.remove(4); s.discard(10); s.discard(3); print(sorted(s))
t = {5}
print(t.pop(), t)
s.update([7, 8], (9,)); print(sorted(s))
print(sorted(s.union({100}, [200])), sorted(s.intersection({1, 7, 50})), sorted(s.difference([1, 2])), sorted(s.symmetric_difference({1, 1000})))
print({1, 2}.issubset([1, 2, 3]), {1, 4}.issubset({1}), {1, 2}.issuperset([1]), {1}.isdisjoint([2, 3]), {1}.isdisjoint({1}))
u = {1, 2, 3, 4}
u.intersection_update({2, 3, 4}, [3, 4]); print(sorted(u))
u.difference_update([4]); print(sorted(u))
u.symmetric_difference_update({3, 10}); print(sorted(u))
c = u.copy(); c.add(99); print(sorted(u), sorted(c))
u.clear(); print(u, len(u))
fs = frozenset([1, 2, 3])
print(type(fs.union([4])).__name__, sorted(fs.union([4])), type(fs.copy()).__name__, fs.copy() is fs)
print(sorted(fs.intersection({2, 3, 9})), sorted(fs.difference({1})), fs.issuperset({1}), fs.isdisjoint([7]))
print(type(s.union()).__name__, {1}.__len__(), {1}.__contains__(1), frozenset([2]).__contains__(2))
print(hasattr(fs, "add"), hasattr(s, "add"))
show("remove missing", lambda: set().remove(1))
show("pop empty", lambda: set().pop())
show("update int", lambda: set().update(1))
show("union int", lambda: set().union(1))
show("issubset int", lambda: set().issubset(1))
show("add none", lambda: set().add())
show("remove unhashable", lambda: set().remove([]))
show("frozenset add", lambda: frozenset().add(1))
show("add unhashable", lambda: set().add({}))
show("single", lambda: {"only"}.union())
