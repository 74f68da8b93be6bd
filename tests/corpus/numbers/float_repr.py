# Float repr, arithmetic and special values: shortest round-trip repr like CPython.
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, 1e16, 1e-5, 123456789.0 * 10)
print(1.0, -0.0, 3.0 * 2, 1e22, 1e15, 1.5e300 * 1e10, -1e-320)
print(float("inf"), float("-inf"), float("nan"), float("1e500"))
print(2.5 // 1, -2.5 // 1, 7.5 % 2, -7.5 % 2, divmod(7.5, 2))
print(round(2.675, 2), round(0.125, 2), round(1.5), round(-2.5), round(3.14159, 3))
print(int(3.99), int(-3.99), float(7), float("  -2.5 "), float("1_000.5"))
print(3.0 == 3, 0.1 * 3 == 0.3, abs(-2.5), 2 ** 0.5, 2 ** -1, 10 ** -2)
print(1.0.is_integer(), (2.5).as_integer_ratio(), (0.5).hex())
print(max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10))
print(repr(1.1), str(1.1), repr(100.0), repr(1e100), repr(123e-20))
x = 1.0
for _ in range(10):
    x = x * 1.1
print(x)
print(f"{x:.3f}", f"{1/7:.10f}", f"{1e10:e}", f"{12345.678:,.2f}")
