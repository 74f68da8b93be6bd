# f-strings with conversions, nested format specs and expressions.
name, n, pi = "Ada", 42, 3.14159265
print(f"{name} {n} {pi}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:>5}] [{n:05}] [{n:+}] [{-n:+}] [{n: }]")
print(f"[{name:>8}] [{name:*^9}] [{name:.2}] [{name:<6}]")
print(f"{pi:.2f} {pi:.0f} {pi:10.3f} {pi:e} {pi:.3E} {pi:g} {pi:%} {0.25:.1%}")
print(f"{n:b} {n:o} {n:x} {n:X} {n:#b} {n:#o} {n:#x} {255:08b}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f} {-1234567:,}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}]")
print(f"{n * 2} {n // 5} {[i * i for i in range(4)]} {'yes' if n > 40 else 'no'}")
d = {"k": 1}
print(f"{d['k']} {d!r} {len(d)}")
print(f"{{literal braces}} {n}")
x = 7
print(f"{x=} {x * 2=} {pi=:.2f}")
print(f"{1e-7:g} {1e20:g} {123456789:g} {0.0001:g} {12.0:g} {float('inf'):f}")
print(f"{'left':<10}|{'right':>10}|")
print(f"{True} {None} {3 + 4j}")
print(f"{12:c}{105:c}", f"{65:c}")
