# bytearray: construction, repr, comparisons, indexing, slicing, mutation and errors.

def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


print(bytearray(), bytearray(3), bytearray(b"abc"), bytearray(bytearray(b"xy")))
print(bytearray([104, 105]), bytearray(range(65, 70)), bytearray("héllo", "utf-8"))
print(bytearray("abc", "ascii", "strict"), bytearray(source=b"k"), bytearray("ü", encoding="latin-1"))
print(bytearray(b"it's \x00\xff \"q\""), str(bytearray(b"s")), len(bytearray(b"four")))
attempt("bytearray(-1)", lambda: bytearray(-1))
attempt("bytearray(1.5)", lambda: bytearray(1.5))
attempt("bytearray([300])", lambda: bytearray([300]))
attempt("bytearray([-1])", lambda: bytearray([-1]))
attempt("bytearray(['a'])", lambda: bytearray(["a"]))
attempt("bytearray('x')", lambda: bytearray("x"))
attempt("bytearray(b'x', 'utf-8')", lambda: bytearray(b"x", "utf-8"))
attempt("bytearray(3, 'utf-8')", lambda: bytearray(3, "utf-8"))
attempt("bytearray('é', 'ascii')", lambda: bytearray("é", "ascii"))
attempt("bytes(1.5)", lambda: bytes(1.5))
attempt("bytes([300])", lambda: bytes([300]))

ba = bytearray(b"hello")
print(bool(ba), bool(bytearray()), list(ba), [x for x in bytearray(b"AB")])
print(104 in ba, b"ell" in ba, bytearray(b"lo") in ba, 7 in ba, b"" in ba, b"ll" in b"hello", bytearray(b"he") in b"hello")
attempt("'h' in ba", lambda: "h" in ba)
attempt("300 in ba", lambda: 300 in ba)
print(ba == b"hello", b"hello" == ba, ba == bytearray(b"hello"), ba != b"x", ba == "hello", ba == [104])
print(ba < b"help", bytearray(b"b") > b"a", b"a" <= bytearray(b"a"), sorted([bytearray(b"b"), b"a", bytearray(b"c")]))
attempt("ba < 'x'", lambda: ba < "x")
attempt("hash(ba)", lambda: hash(ba))
attempt("{ba: 1}", lambda: {ba: 1})
attempt("set([ba])", lambda: set([ba]))

print(ba[0], ba[-1], ba[1:3], ba[::-1], ba[::2], ba[10:], type(ba[1:2]).__name__)
attempt("ba[5]", lambda: ba[5])
attempt("ba['a']", lambda: ba["a"])
ba[0] = 72
ba[-1] = ord("O")
print(ba)
ba[1:3] = b"EE"
print(ba)
ba[1:3] = bytearray(b"xyz")
print(ba)
ba[0:0] = [33, 34]
print(ba)
ba[::2] = b"abcd"
print(ba)
ba[len(ba):] = range(48, 51)
print(ba)
ba[2:5] = b""
print(ba)


def setitem(k, v):
    ba[k] = v


attempt("ba[0] = 256", lambda: setitem(0, 256))
attempt("ba[0] = 'a'", lambda: setitem(0, "a"))
attempt("ba[99] = 1", lambda: setitem(99, 1))
attempt("ba[0:1] = 5", lambda: setitem(slice(0, 1), 5))
attempt("ba[0:1] = 'ab'", lambda: setitem(slice(0, 1), "ab"))
attempt("ba[0:1] = [999]", lambda: setitem(slice(0, 1), [999]))
attempt("ba[0:1] = object()", lambda: setitem(slice(0, 1), object()))
attempt("ba[0:1] = 1.5", lambda: setitem(slice(0, 1), 1.5))
attempt("ba[::2] = b'x'", lambda: setitem(slice(None, None, 2), b"x"))
del ba[0]
print(ba)
del ba[-2:]
print(ba)
del ba[::2]
print(ba)
attempt("del ba[50]", lambda: ba.__delitem__(50))

x = bytearray(b"ab")
print(x + b"cd", b"cd" + x, x + x, type(b"cd" + x).__name__, x * 3, 2 * x, x * 0)
y = x
y += b"!"
print(x, y is x)
y *= 2
print(x, y is x)
b = b"imm"
b += bytearray(b"+")
print(b, type(b).__name__)
attempt("x + 'c'", lambda: x + "c")
attempt("x + 5", lambda: x + 5)
attempt("5 + x", lambda: 5 + x)
attempt("b'a' + 'c'", lambda: b"a" + "c")
attempt("x * 1.5", lambda: x * 1.5)

m = bytearray()
m.append(1)
m.append(True)
m.extend(b"ab")
m.extend(bytearray(b"cd"))
m.extend([5, 6])
m.extend(range(3))
m.extend(iter([7]))
m.insert(0, 9)
m.insert(-1, 8)
m.insert(100, 10)
print(m, m.pop(), m.pop(0), m.pop(-2), m)
m.remove(97)
print(m)
c = m.copy()
m.reverse()
print(m, c, c is m)
m.clear()
print(m, len(m))
attempt("m.append(256)", lambda: m.append(256))
attempt("m.append('a')", lambda: m.append("a"))
attempt("m.append()", lambda: m.append())
attempt("m.extend(5)", lambda: m.extend(5))
attempt("m.extend(None)", lambda: m.extend(None))
attempt("m.extend('ab')", lambda: m.extend("ab"))
attempt("m.extend([1, 300])", lambda: m.extend([1, 300]))
print(m)
attempt("m.pop()", lambda: m.pop())
attempt("bytearray(b'a').pop(5)", lambda: bytearray(b"a").pop(5))
attempt("m.remove(1)", lambda: m.remove(1))
attempt("m.insert(0, 300)", lambda: m.insert(0, 300))
attempt("m.copy(1)", lambda: m.copy(1))
