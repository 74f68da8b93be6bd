# Tuple unpacking, starred targets, swaps, nested targets, unpacking in calls and literals.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
x, *empty, y = (1, 2)
print(x, empty, y)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (name, score) in enumerate([("a", 1), ("b", 2)]):
    print(i, name, score)
merged = [*range(3), *"ab", *[9]]
print(merged, (*merged[:2],), {*"aab"} == {"a", "b"})
d1 = {"x": 1}
d2 = {**d1, "y": 2, **{"x": 3}}
print(d2)
def f(a, b, c):
    return a * 100 + b * 10 + c
args = [1, 2, 3]
print(f(*args), f(*args[:1], **{"b": 5, "c": 6}), f(1, *[2], c=3))
[m, n] = "mn"
print(m, n)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
