# Constructors that hand their work to a Python helper (list(gen), str(obj) with __str__)
# passed as callbacks to map, sorted and max, which call them from Rust.
import time
class A:
    def __init__(self, n): self.n = n
    def __str__(self): return f"A{self.n}"
print(list(map(str, [A(2), A(1)])))
print(sorted([A(2), A(1)], key=str)[0].n)
gens = [(x for x in "ba"), (x for x in "a")]
print(sorted(gens, key=list) == gens[::-1])
print(list(map(list, [(x for x in "ab")])))
print(max([(x for x in "ab"), (x for x in "c")], key=tuple) is not None)
print(dict(zip("ab", map(set, [(x for x in "xy"), (x for x in "z")]))))
def sleepy(n):
    for i in range(n):
        time.sleep(0.01)
        yield i
print([list(sleepy(2)) for _ in range(2)], str(A(3)), tuple(sleepy(2)))
