# List, dict and set comprehensions and generator expressions; scoping of loop variables.
squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0 if x % 3 != 0]
print(evens)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)])
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
print({w: len(w) for w in ["a", "bb", "ccc"]})
print({x % 3 for x in range(10)})
gen = (x * 2 for x in range(5))
print(next(gen), next(gen), list(gen), list(gen))
print(sum(x * x for x in range(100)), max(len(w) for w in "a bb ccc".split()))
x = "outer"
_ = [x for x in range(3)]
print(x)
flat = [y for row in [[1, 2], [3], []] for y in row]
print(flat)
labels = ["even" if n % 2 == 0 else "odd" for n in range(4)]
print(labels)
print(any(n > 3 for n in range(5)), all(n < 3 for n in range(5)))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
