# PEP 3131: identifiers are NFKC-normalized when the program is compiled, so these spellings
# name the same variables as their plain ASCII forms.
ﬁle = "ligature fi"
print(file)
ℌ = "black-letter H"
print(H)
ｗｉｄｅ = "fullwidth"
print(wide)
café = "e and a combining accent"
print(café)
ºrdinal = "feminine ordinal"
print(ordinal)
class Ｐoint:
    ｘ = 1
print(Point.x, getattr(Point, "x"), "ｘ" in Point.__dict__, "x" in Point.__dict__)
def ｆ(ａ, *, ｂ=2):
    return a + b
print(f(1, b=3), f.__code__.co_varnames)
print(sorted(k for k in globals() if not k.startswith("__")))
