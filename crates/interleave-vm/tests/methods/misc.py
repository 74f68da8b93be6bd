# Methods as values, class-level calls, class methods through instances, odd receivers.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

up = "abc".upper
print(up(), str.upper, list.append, dict.keys, set.add)
print(list(map(str.strip, [" a ", "b "])), sorted(["b", "A", "c"], key=str.lower))
print(",".join(x * 2 for x in "ab"), "".join([]), "x".join(["only"]))
print((5).from_bytes(b"\x02", "big"), {}.fromkeys("ab", 1), True.to_bytes(1, "big"), False.bit_length())
print(1.5.as_integer_ratio(), (3).real.bit_length())
stable = [("b", 1), ("a", 1), ("c", 0), ("d", 1)]
print(sorted(stable, key=lambda p: p[1]), sorted(stable, key=lambda p: p[1], reverse=True))
stable.sort(key=lambda p: p[1], reverse=True); print(stable)
nums = [3, 1, 2]
def key(x):
    nums.append(x)
    return x
show("modified during sort", lambda: nums.sort(key=key))
print(nums)
big = list(range(20, 0, -1))
big.sort(key=lambda x: x % 5); print(big)
mixed = [1.5, 1, True, 0.5]
mixed.sort(); print(mixed)
s = {"x"}
print(s.pop(), s)
print([].copy(), [1, [2]].copy(), list.copy([3]))
show("str on list", lambda: str.join([], []))
show("list on str", lambda: list.pop("ab"))
show("dict on list", lambda: dict.get([], 1))
show("int on str", lambda: int.bit_length("a"))
show("float on int", lambda: float.hex(1))
show("set on list", lambda: set.add([], 1))
show("tuple on list", lambda: tuple.count([], 1))
show("unbound list", lambda: list.append())
print("%s and %r" % ("a", "b"), "{0:>{1}}".format("z", 3))
d = {"k": 1}
ks = d.keys()
d["j"] = 2
del d["k"]
print(ks, list(reversed(list(ks))), len(ks))
print("{0[k]}".format({"k": "v"}), "{x[0]}".format(x="hey"))
