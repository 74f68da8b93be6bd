# math functions and constants.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.pow(2, 10), math.exp(1), math.log(100, 10))
print(math.log(math.e), math.log2(1024), math.log10(0.001), math.log1p(0))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), type(math.floor(2.5)))
print(math.sin(0), math.cos(math.pi), round(math.tan(math.pi / 4), 10), math.atan2(1, 1))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.dist((0, 0), (6, 8)))
print(math.factorial(20), math.gcd(48, 180), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.fabs(-3), math.fmod(-7, 3), -7 % 3, math.copysign(1, -0.0), math.modf(3.25))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
