# Walrus operator, conditional expressions, chained comparisons, lambda, match statement.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
filtered = [y for x in data if (y := x * 2) > 6]
print(filtered, y)
print("big" if n > 10 else "small", 1 < n <= 5 < 6)
add = lambda a, b=10: a + b
print(add(1), add(1, 2), (lambda *a: a)(1, 2))

def describe(value):
    match value:
        case 0:
            return "zero"
        case int(v) if v < 0:
            return "negative int"
        case int() | float():
            return "number"
        case [x, y]:
            return f"pair {x},{y}"
        case [x, *rest]:
            return f"list starting {x} with {len(rest)} more"
        case {"kind": "point", "x": px}:
            return f"point at x={px}"
        case str() as s:
            return "string " + s
        case _:
            return "other"

for v in [0, -5, 2.5, [1, 2], [1, 2, 3], {"kind": "point", "x": 4}, "hi", None]:
    print(repr(v), "->", describe(v))
