# List operations and methods.
xs = [5, 3, 8, 1]
xs.append(9)
xs.extend([2, 7])
xs.insert(0, 0)
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs)
xs.remove(8)
print(xs, xs.index(1), xs.count(3), 3 in xs, 99 not in xs)
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs.reverse()
print(xs)
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower, reverse=True))
ys = xs.copy()
ys[0] = 100
print(xs, ys, xs == ys, [1, 2] < [1, 3], [1, 2] + [3], [0] * 3)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][0], repr([]), [None, True, "s", 1.5])
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
a.clear()
print(a, b, bool(a))
stack = []
for ch in "(()(()))":
    if ch == "(":
        stack.append(ch)
    else:
        stack.pop()
print("balanced:", not stack)
self_ref = [1]
self_ref.append(self_ref)
print(self_ref)
