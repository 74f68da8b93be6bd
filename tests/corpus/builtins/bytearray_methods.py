# bytearray's reading methods (bytes's, returning bytearray), hex/fromhex, decode, and interop
# with bytes, str, copy, isinstance and match.
import copy


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


ba = bytearray(b"  Hello, World  ")
print(ba.strip(), ba.lstrip(), ba.rstrip(), ba.strip(b" Hd"), ba.strip(bytearray(b" ")))
print(ba.split(), ba.split(b","), ba.split(bytearray(b"l"), 1), ba.upper(), ba.lower())
print(ba.replace(b"l", b"L"), ba.replace(bytearray(b"o"), b"0", 1), ba.find(b"o"), ba.rfind(111), ba.index(b"W"))
print(ba.count(b"l"), ba.count(108), ba.startswith(b"  H"), ba.endswith((b"x", bytearray(b"  "))))
print(b"hello".startswith(bytearray(b"he")), b"a-b".split(bytearray(b"-")), b"abc".find(bytearray(b"c")))
print(b"x".join([bytearray(b"a"), b"b"]), bytearray(b", ").join([b"1", bytearray(b"2")]), type(b"".join([bytearray(b"q")])).__name__)
print(b"aXa".replace(b"X", bytearray(b"YY")), b"abc".strip(bytearray(b"ac")))
attempt("ba.index(b'zz')", lambda: ba.index(b"zz"))
attempt("ba.split(b'')", lambda: ba.split(b""))
attempt("ba.join([1])", lambda: bytearray(b"-").join([1]))
attempt("ba.find('o')", lambda: ba.find("o"))
attempt("ba.startswith('x')", lambda: ba.startswith("x"))

h = bytearray(b"\x00\x10\xab\xff")
print(h.hex(), h.hex(":"), h.hex("-", 2), bytearray.fromhex("de ad BE EF"), bytes.fromhex("0a"))
print(type(bytearray.fromhex("00")).__name__, bytearray(b"caf\xc3\xa9").decode(), bytearray(b"abc").decode("ascii"))
print(str(bytearray(b"\xc3\xa9"), "utf-8"), str(b"\xff", "utf-8", "replace"), str(bytearray(b"xyz"), encoding="ascii"))
attempt("bytearray.fromhex('zz')", lambda: bytearray.fromhex("zz"))
attempt("decode bad", lambda: bytearray(b"\xff").decode())

src = bytearray(b"data")
print(bytes(src), type(bytes(src)).__name__, bytes(src) == src, bytearray(src) is src, list(bytearray(b"\x01\x02")))
print(int.from_bytes(bytearray(b"\x01\x00"), "big"), ord(bytearray(b"A")), b"%d" if False else "ok")

c1 = copy.copy(src)
c2 = copy.deepcopy([src, src])
src[0] = ord("D")
print(src, c1, c2, c2[0] is c2[1], c1 is src)

print(isinstance(src, bytearray), isinstance(src, bytes), issubclass(bytearray, object), type(src) is bytearray)
print(type(src).__name__, bytearray.__name__, repr(bytearray), bytearray.__repr__(src))


def kind(x):
    match x:
        case bytes(b):
            return f"bytes {b!r}"
        case bytearray(b):
            return f"bytearray {b!r}"
        case [*items]:
            return f"sequence {items}"
        case _:
            return "other"


print(kind(b"a"), kind(bytearray(b"b")), kind([1]), kind(3))
print(max(bytearray(b"az")), sum(bytearray(b"\x01\x02")), sorted(bytearray(b"cab")), list(reversed(bytearray(b"ab"))))
print(bytearray(b"a") in [b"a"], b"a" in [bytearray(b"a")], [bytearray(b"a")].index(b"a"), {1: bytearray(b"v")})
print(f"{bytearray(b'f')}", "%s" % bytearray(b"p"), format(bytearray(b"z")), len(dir(bytearray)) > 40)
lst = [0]
lst += bytearray(b"\x01\x02")
print(lst, type(iter(bytearray())).__name__)
attempt("[1] + bytearray()", lambda: [1] + bytearray())
attempt("object.__new__(bytearray)", lambda: object.__new__(bytearray))


class Raw:
    def __bytes__(self):
        return b"raw"


class Three:
    def __index__(self):
        return 3


class Bad:
    def __bytes__(self):
        return "no"


print(bytes(Raw()), bytes(Three()), bytearray(Three()), bytes("é", "latin-1"), bytes(b"k"))
attempt("bytes(Bad())", lambda: bytes(Bad()))
attempt("bytes(object())", lambda: bytes(object()))
attempt("bytearray(object())", lambda: bytearray(object()))
attempt("bytes('é', 'ascii')", lambda: bytes("é", "ascii"))
