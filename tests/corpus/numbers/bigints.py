# Arbitrary-precision integers: factorials, powers, negative division, conversions.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

print(factorial(30))
print(factorial(52))
print(2 ** 100, -(2 ** 100))
print(2 ** 64 - 1, (2 ** 64) // 3, (2 ** 64) % 1000007)
big = 123456789012345678901234567890
print(big * big)
print(-big // 7, -big % 7, divmod(big, -12345))
print(big >> 40, big << 3, big & 0xFFFFFFFF, big | 1, big ^ big)
print(hex(big), bin(2 ** 70), str(big)[::-1])
print(big == 123456789012345678901234567890, big > 2 ** 96, big < 2 ** 97)
print(len(str(3 ** 500)), sum(int(d) for d in str(2 ** 1000)))
fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[-1] % 10 ** 9)
print(pow(7, 10 ** 5, 10 ** 9 + 7), abs(-big), int(str(big)) - big)
print(float(2 ** 60), 10 ** 20 / 10 ** 10, (10 ** 30) // (10 ** 15))
