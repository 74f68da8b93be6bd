import math

print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(1), math.log(math.e))
print(math.log(8, 2), math.log2(1024), math.log10(1000), math.log(10 ** 400))
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3))
print(math.factorial(25), math.gcd(48, 36, 12), math.lcm(4, 6), math.isqrt(10 ** 20 + 1))
print(math.comb(52, 5), math.perm(5, 2), math.perm(5), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.sin(math.pi / 2), math.cos(0), math.tan(0.5), math.atan2(1, 1), math.asin(1), math.acos(0))
print(math.degrees(math.pi), math.radians(180))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1, rel_tol=0.2), math.isfinite(1e308))
print(math.isinf(math.inf), math.isnan(math.nan), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.copysign(3, -0.0), math.modf(3.75), math.frexp(10))
print(math.ldexp(0.625, 4), math.fmod(7, 3), math.dist((0, 0), (3, 4)))
checks = [
    ('math.sqrt(-1)', lambda: math.sqrt(-1)),
    ('math.log(0)', lambda: math.log(0)),
    ('math.exp(1000)', lambda: math.exp(1000)),
    ('math.factorial(-1)', lambda: math.factorial(-1)),
    ('math.factorial(2.5)', lambda: math.factorial(2.5)),
    ('math.acos(2)', lambda: math.acos(2)),
    ('math.isqrt(-4)', lambda: math.isqrt(-4)),
    ('math.comb(-1, 2)', lambda: math.comb(-1, 2)),
    ("math.sqrt('x')", lambda: math.sqrt('x')),
    ("math.floor(float('inf'))", lambda: math.floor(float('inf'))),
    ("math.floor(float('nan'))", lambda: math.floor(float('nan'))),
    ('math.pow(0, -1)', lambda: math.pow(0, -1)),
    ('math.log(10, 1)', lambda: math.log(10, 1)),
]
for label, thunk in checks:
    try:
        print(thunk())
    except Exception as exc:
        print(label, '->', type(exc).__name__, exc)
