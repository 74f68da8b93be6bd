# Matrices as lists of lists: multiplication, transpose, determinant, identity powers, Fractions.
from fractions import Fraction

def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def transpose(m):
    return [list(r) for r in zip(*m)]

def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))

def show(m):
    width = max(len(str(x)) for row in m for x in row)
    for row in m:
        print(" ".join(str(x).rjust(width) for x in row))

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
show(transpose(a))
print(det([[2, -3, 1], [2, 0, -1], [1, 4, 5]]), det([[1, 2], [2, 4]]))
fib = [[1, 1], [1, 0]]
result = [[1, 0], [0, 1]]
for _ in range(50):
    result = matmul(result, fib)
print(result[0][1])
h = [[Fraction(1, i + j + 1) for j in range(3)] for i in range(3)]
print(det(h), [str(x) for x in h[2]], Fraction(3, 4) + Fraction(1, 6), Fraction("0.125"))
