# Augmented assignment on names, attributes and subscripts, for every operator.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 15; print(x)
x /= 4; print(x)
s = "ab"
s += "cd"
s *= 2
print(s)

class Box:
    count = 0
    def __init__(self):
        self.value = 1
        self.items = []

b = Box()
b.value += 41
b.items += [1, 2]
Box.count += 1
b.count += 10
print(b.value, b.items, Box.count, b.count)
data = {"hits": 0, "lst": [0, 0]}
data["hits"] += 1
data["hits"] += 1
data["lst"][1] += 5
print(data)
grid = [[1, 2], [3, 4]]
grid[1][0] *= 10
print(grid)

calls = []
def key():
    calls.append("key")
    return "k"
store = {"k": 1}
store[key()] += 1
print(store, calls)

class Vec:
    def __init__(self, x):
        self.x = x
    def __iadd__(self, other):
        print("iadd called")
        self.x += other
        return self
    def __add__(self, other):
        return Vec(self.x + other)
v = Vec(1)
w = v
v += 5
print(v.x, v is w)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2)
