# Integer arithmetic: floor division and modulo with signs, shifts, bit ops, comparisons.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
for x, y in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    print(x, y, x // y, x % y, divmod(x, y))
print(1 << 10, 1024 >> 3, -1 >> 1, 5 & 3, 5 | 3, 5 ^ 3, ~5)
print(0b1011, 0o17, 0xff, 1_000_000)
print(int("42"), int("-17"), int("ff", 16), int("0x1f", 16), int("  12  "), int("1010", 2))
print(bin(10), oct(64), hex(255), hex(-255))
print(3 < 5 < 7, 3 < 5 > 7, 1 == 1.0, True + True, False * 10)
print(abs(-9), -(-3), +4, 10 // 3 * 3 + 10 % 3)
print(pow(2, 10), pow(3, 4, 5), pow(2, -1))
print(round(2.5), round(3.5), round(-0.5), round(1234, -2), round(1250, -2))
n = 0
for i in range(1, 101):
    if i % 3 == 0 or i % 5 == 0:
        n += i
print("sum of multiples of 3 or 5 below 101:", n)
print((255).bit_length(), (10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
