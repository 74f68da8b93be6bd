# Set iteration order after every kind of mutation, as CPython 3.11 prints it with
# PYTHONHASHSEED=0: removals leave dummy slots, resizes rebuild the table, constant displays
# are folded into frozensets, and set algebra builds tables in its own way.

# Removals, then additions that can land on the dummies.
s = {1, 2, 3, 9, 17, 25}
s.discard(9)
s.discard(1)
s.add(33)
s.add(41)
print(s)
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
s.update([100, 36, 68, 4, 132])
print(s)
x = set(range(100))
x -= set(range(0, 100, 2))
x.add(200)
x.add(264)
print(x)
w = {"alpha", "beta", "gamma", "delta", "epsilon"}
w.remove("beta")
w.add("zeta")
w.add("eta")
print(w)

# pop follows the slot order and a finger.
p = set(range(8, 40, 4))
print([p.pop() for _ in range(3)], p)
p.add(8)
p.add(1)
print(p.pop(), p)
q = {"a", "b", "c", "d", "e"}
print(q.pop(), q.pop(), q)

# Algebra on int and str sets, operators and methods.
a = set("abcdefgh")
b = set("efghijkl")
print(a | b, a & b, a - b, a ^ b)
print(b | a, b & a, b - a, b ^ a)
print(a.union("xyz", [1, 2]), a.intersection("abz", "abq"), a.difference("ab", {"c"}))
print(a.symmetric_difference("aeiou"), a.intersection({"a": 1, "h": 2, "q": 3}))
i1 = set(range(0, 60, 3))
i2 = set(range(0, 60, 5))
print(i1 | i2)
print(i1 & i2, i1 - i2, i1 ^ i2)
print(i1.difference({k: k for k in range(0, 30)}), i1.difference(range(10)))
t = set(range(30))
t.symmetric_difference_update(range(25, 40))
print(t)
t ^= {1, 2, 3, 100}
print(t)
t &= set(range(0, 200, 2))
print(t)
t.intersection_update([100, 2, 4, 6, 999], range(50))
print(t)
u = {1, 2}
u |= {3}
u |= set(range(40, 50))
print(u)
u -= {41, 43, 45}
u.update({"k": 1, "j": 2}, (7, 8))
print(u)

# Construction: ranges, dicts, lists with duplicates, strings, copies.
print(set(range(10, 0, -1)), set(range(50, 70)), set(range(-5, 5)))
print(set({"x": 1, "y": 2, "z": 3, "w": 4}), set(dict.fromkeys(range(20, 0, -3))))
print(set([5, 3, 5, 1, 3, 99, 1000, 64, 32]), set("mississippi"), set("hello world"))
big = set(range(1000))
for k in range(0, 1000, 7):
    big.discard(k)
print(sorted(big)[:5], list(big)[:12], list(big.copy())[:12], list(set(big))[:12])

# Constant displays (folded) and non-constant ones.
print({32, 1, 16, 8, 64, 2}, {"apple", "banana", "cherry"}, {-1, -2, 0})
v = 32
print({v, 1, 16, 8, 64, 2}, {1, 16, 8, 64, 2, v})
print({"x", "y"}, {"pear", "fig", "kiwi", "plum", "lime", "date", "sloe"})
print({1.5, 2.5, 0.5, 3}, {(1, 2), (3, 4), (5, 6)}, {None, True, 7})

# Frozensets: as dict keys, in sets, from sets.
fd = {frozenset({1, 2}): "a", frozenset("xy"): "b", frozenset(range(5)): "c"}
print(fd, fd[frozenset([2, 1])])
print({frozenset({1}), frozenset({2}), frozenset({1, 2})})
fz = frozenset(s)
print(fz, fz | {99}, fz & {2, 3, 33}, frozenset("hello"))

# Comprehensions and unpacking.
print({x % 7 for x in range(30)}, {c for c in "comprehension"}, {i * 8 for i in range(12)})
y = {i * 8 for i in range(10)}
y &= {0, 8, 16, 72, 1000}
print(y, {*range(5), *"ab"}, {*{3, 2, 1}, 0})
for item in {40, 3, 17, 64}:
    print(item, end=" ")
print()

# Churn: many removals then additions (the entry storage is compacted under the table).
work = set(range(64))
order = []
while len(work) > 3:
    order.append(work.pop())
    work.discard(order[-1] + 7)
    if len(work) % 9 == 0:
        work.add(len(work) * 13 + 500)
print(order[:20], work)
churn = set()
for i in range(300):
    churn.add(i * 37 % 101)
    if i % 3 == 0:
        churn.discard(i % 50)
    if i % 50 == 49:
        churn -= set(range(i % 7, 101, 3))
print(churn, len(churn))
