# complex numbers: literals, constructor, attributes, arithmetic, comparisons, hashing,
# repr/str and format, as CPython 3.11.

inf = float("inf")
nan = float("nan")

# Literals and repr
print(1j, 3 + 4j, -2.5j, 3 - 4j, -1j, 0j, -0j, 1.5 + 0j)
print(repr(2j), str(3 + 4j), [1j, 2 + 3j], (1 - 1j,))
print(1e16j, 1e-5j, 1e16 + 1e-5j, 123456789.125j, 0.1 + 0.2j)
print(complex(inf, nan), complex(nan, inf), complex(-inf, -inf), complex(0, -0.0), complex(-0.0, 0))
print(complex(1, -nan), complex(-0.0, -0.0), 10 + 0j, -10 + 0j)

# Constructor
print(complex(), complex(1), complex(1.5), complex(2, 3), complex(2.5, -1), complex(True, False))
print(complex("1+2j"), complex("  ( -1.5-2.5J )  "), complex("j"), complex("-j"), complex("+1j"))
print(complex("3"), complex("1e3-1e-3j"), complex("inf-nanj"), complex("1_000+2_0j"), complex("2-j"))
print(complex(1 + 2j), complex(1 + 2j, 3 + 4j), complex(1, 2j), complex(real=1, imag=2), complex(imag=3))
for bad in ["", "1+", "j1", "1+2", "1 + 2j", "(1+2j", "1+2jj", "1__0j", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "->", e)
for args in [("1", 2), (1, "2"), ([],), (1, [])]:
    try:
        complex(*args)
    except TypeError as e:
        print(args, "->", e)

# Attributes and methods
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), (1j).imag, type(z.real).__name__)
print(abs(z), abs(-3j), abs(complex(inf, 1)), abs(0j))
print(type(z).__name__, isinstance(z, complex), isinstance(1.0, complex), type(z) is complex)
print(bool(0j), bool(1j), bool(0.0 + 0j), bool(complex(0, -0.0)), not 2j)

# Arithmetic
print(z + 1, 1 + z, z + 1.5, z + z, z - 1, 1 - z, z - z)
print(z * 2, 2 * z, z * z, z * 1j, 1j * 1j, True * z)
print(z / 2, 1 / z, z / z, z / 1j, (1 + 1j) / (1 - 1j), 5 / (3 + 4j))
print(z ** 2, z ** 0, z ** -1, z ** 0.5, 1j ** 2, 2 ** 1j, z ** z, (1 + 1j) ** 3)
print((-8) ** (1 / 3), (-1.0) ** 0.5, (-2) ** 1.5, 0j ** 0, 0j ** 2)
print(-z, +z, -(0j), -(1 - 1j))
w = 1 + 1j
w += 1
w *= 2j
print(w)
errors = [
    ("z / 0", lambda: z / 0), ("z / 0j", lambda: z / 0j), ("1 / 0j", lambda: 1 / 0j),
    ("1.5 / 0j", lambda: 1.5 / 0j), ("0j ** -1", lambda: 0j ** -1), ("0j ** 1j", lambda: 0j ** 1j),
    ("z // 2", lambda: z // 2), ("z % 2", lambda: z % 2), ("2 // z", lambda: 2 // z),
    ("divmod(z, 2)", lambda: divmod(z, 2)), ("z < z", lambda: z < z), ("z > 1", lambda: z > 1),
    ("1 <= z", lambda: 1 <= z), ("z >= 1.5", lambda: z >= 1.5), ("z + 'a'", lambda: z + "a"),
    ("'a' * z", lambda: "a" * z), ("z ** 1e300", lambda: z ** 1e300), ("~z", lambda: ~z),
    ("[1][z]", lambda: [1][z]), ("sorted", lambda: sorted([1j, 2j])), ("int(z)", lambda: int(z)),
    ("float(z)", lambda: float(z)), ("z & 1", lambda: z & 1),
]
for text, fn in errors:
    try:
        print(text, "=", fn())
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)

# Equality and hashing
print(1 + 0j == 1, 1.5 + 0j == 1.5, 1j == 1, z == 3 + 4j, z != 3 + 4j, z == "z", 0j == False)
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(0j), hash(1j), hash(3 + 4j), hash(-1 + 0j), hash(-1j))
print(hash(complex(inf, 0)), hash(complex(2.5, -7.25)), hash(complex(1e300, 1e-300)))
d = {1: "int", 2j: "complex"}
print(d[1 + 0j], d[2j], {1j, 1j, 2j} == {2j, 1j}, 1j in [0, 1j], (1 + 0j) in {1})

# Formatting
print(f"{z}", f"{z!r}", f"{z:.2f}", f"{z:10.3f}|", f"{z:<20}|", f"{z:^20}|", f"{z:*>15}|")
print(format(z, ""), format(4j, ""), format(z, "e"), format(z, ".3g"), format(z, "+.1f"), format(4j, ".1f"))
print(format(1234567 + 89j, ",.2f"), format(1 + 2j, ".2"), format(-0.0 + 1j, ""), format(4j, "+"))
print("%s %r" % (z, z), "{} {:.1f}".format(z, z), str(-1j), f"{complex(nan, inf)}")
for spec in ["d", "010", "=10", "%"]:
    try:
        print(format(z, spec))
    except ValueError as e:
        print(repr(spec), "->", e)
