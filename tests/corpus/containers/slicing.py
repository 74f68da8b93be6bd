# Slicing of lists, strings and tuples, including slice assignment and deletion.
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7], xs[::2], xs[1::3], xs[::-1], xs[8:2:-2])
print(xs[100:], xs[-100:2], xs[5:2], xs[::-3])
s = "abcdefghij"
print(s[1:4], s[::-1], s[-1], s[::3], s[:0], s[3:-3])
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-1])
ys = list(range(6))
ys[1:3] = ["a", "b", "c"]
print(ys)
ys[::2] = [None] * 4
print(ys)
del ys[1:3]
print(ys)
del ys[::2]
print(ys)
zs = [1, 2, 3]
zs[len(zs):] = [4, 5]
zs[:0] = [0]
print(zs)
sl = slice(1, 8, 2)
print(xs[sl], sl, sl.start, sl.stop, sl.step)
print("hello"[slice(None, None, -1)])
