# Sets: operations and printing order (ints hash to themselves; strings depend on PYTHONHASHSEED=0).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, a ^ b)
print(a <= b, {1, 2} < a, a.isdisjoint({9}), a.issuperset({1}))
s = set()
print(s, len(s), repr(set()))
s.add(10)
s.add(100)
s.add(3)
s.add(10)
print(s, 3 in s, 4 in s)
s.discard(100)
s.remove(3)
print(s)
print({32, 1, 16, 8, 64, 2}, set(range(10, 0, -1)), {-1, -2, 0})
fruits = {"apple", "banana", "cherry", "date"}
print(fruits)
print(sorted(fruits), len(fruits))
letters = set("mississippi")
print(letters, sorted(letters))
print(frozenset([3, 1, 2]), frozenset() == set(), {frozenset({1}): "ok"})
u = {1, 2}
u |= {3}
u &= {2, 3, 4}
print(u, u.union([7]), u.intersection([2]), u.difference([2]))
print(set([1, 1, 2, 2, 3]), {x % 4 for x in range(20)})
