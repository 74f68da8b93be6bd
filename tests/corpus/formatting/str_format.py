# str.format with positional, keyword, index and attribute fields.
print("{} and {}".format("spam", "eggs"))
print("{1} and {0}".format("spam", "eggs"))
print("{name} is {age}".format(name="Zoe", age=7))
print("{0[0]} {0[1]} {1[key]}".format([10, 20], {"key": "v"}))

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(3, 4)
print("({0.x}, {0.y})".format(p))
print("{:>10}|{:<10}|{:^10}|".format("r", "l", "c"))
print("{:08.3f} {:+.1e} {:,}".format(3.14159, 12345.678, 9876543210))
print("{!r} {!s}".format("q", "q"))
print("{{}} {}".format("x"))
print("{:{}}|".format("w", 6))
print(format(42, "06d"), format(0.5, ".0%"), format("s", "^5"), format(255, "x"))
row = "{:<8}{:>6}{:>8.2f}"
for item, qty, price in [("apple", 3, 0.5), ("pear", 12, 1.25), ("melon", 1, 3.0)]:
    print(row.format(item, qty, qty * price))
print("{0}{0}{1}".format("ab", "c"))
