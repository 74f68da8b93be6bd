# fractions.Fraction: construction (ints, strings, floats), arithmetic with ints and floats,
# comparison, hashing, str/repr, limit_denominator, rounding.
from fractions import Fraction
import math

a = Fraction(3, 4)
b = Fraction(1, 6)
print(a, repr(b), a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(Fraction(-2, 3)), a ** 2, a ** -2)
print(Fraction(6, -8), Fraction(0), Fraction(5), Fraction("0.125"), Fraction("-3/7"), Fraction(" 10/4 "), Fraction("1e-3"), Fraction("1_000/3"))
print(Fraction(0.1), Fraction(2.5), Fraction.from_float(0.75), Fraction(Fraction(1, 3), Fraction(2, 5)))
print(a + 1, 1 + a, a * 2, 2 / a, a + 0.25, 0.5 * a, a == 0.75, a == Fraction(6, 8), a != b, a > b, a <= 1, 2 > a)
print(sorted([Fraction(1, 2), Fraction(1, 3), 0.4, 1]), max(Fraction(7, 9), Fraction(4, 5)), sum([Fraction(1, n) for n in range(1, 7)]))
print(a.numerator, a.denominator, a.__float__(), int(Fraction(-7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(22, 7), 2))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(7, 2)), math.trunc(Fraction(-7, 2)), bool(Fraction(0)), Fraction(9, 4).as_integer_ratio())
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), {Fraction(2, 4): "half"}[Fraction(1, 2)])
print(Fraction(math.pi).limit_denominator(1000), Fraction(3.14159).limit_denominator(100), Fraction(1, 3).limit_denominator(2))
print(Fraction(2, 3) ** Fraction(1, 2) > 0.8, Fraction(4) ** Fraction(1, 2), f"{float(Fraction(1, 3)):.4f}", str(Fraction(10, 5)))
for bad in [("x",), (1, 0), ("1/0",)]:
    try:
        Fraction(*bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1.5, 2)
except TypeError as e:
    print("TypeError", e)
