# memoryview over bytes and bytearray: reading, slicing, comparing, release and `with`.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))


m = memoryview(b"abcdef")
ba = bytearray(b"xyz")
mb = memoryview(ba)
print(len(m), m[0], m[-1], list(m), m.tolist(), m.tobytes(), bytes(m), bytearray(m), m.hex(), m.hex(":"))
print(m[1:4].tobytes(), m[1:4][1:].tobytes(), bytes(m[4:100]), len(m[3:1]), memoryview(m).tobytes())
print(m.nbytes, m.readonly, mb.readonly, m.obj, mb.obj is ba, m.itemsize, m.format, m.ndim, m.shape)
print(m == b"abcdef", m[:2] == bytearray(b"ab"), b"ab" == m[:2], m != b"x", m == m, mb == b"xyz")
print(98 in m, b"b" in m, b"-".join([m[:1], mb]), b"+" + m[:2], bytearray(b"=") + mb, type(iter(m)).__name__)
print(hash(m) == hash(b"abcdef"), isinstance(m, memoryview), type(m).__name__, bool(memoryview(b"")), bool(m))
ba[0] = ord("X")
print(mb.tobytes(), mb[0], str(mb.tobytes(), "ascii"))
attempt("m[6]", lambda: m[6])
attempt("m[-7]", lambda: m[-7])
attempt("m['a']", lambda: m["a"])
attempt("m[0] = 1", lambda: m.__setitem__(0, 1))
attempt("del m[0]", lambda: m.__delitem__(0))
attempt("mb delete", lambda: mb.__delitem__(0))
attempt("memoryview('x')", lambda: memoryview("x"))
attempt("memoryview(5)", lambda: memoryview(5))
attempt("m < b'a'", lambda: m < b"a")
attempt("m + b'x'", lambda: m + b"x")
attempt("hash(mb)", lambda: hash(mb))
with memoryview(b"ctx") as v:
    print(v[0], v.tobytes())
print(repr(v).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
m.release()
m.release()
for label, f in [("len", lambda: len(m)), ("index", lambda: m[0]), ("bytes", lambda: bytes(m)),
                 ("tobytes", lambda: m.tobytes()), ("bool", lambda: bool(m)),
                 ("view", lambda: memoryview(m)), ("with", lambda: m.__enter__())]:
    attempt(label, f)
print(m == m, m.obj if False else "ok")
