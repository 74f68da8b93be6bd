# Self-recursive hooks that built-ins call from Rust (nested calls) must end in a clean
# RecursionError, never overflow the Rust stack. CPython's message suffix depends on which of
# its checks trips first, so only the start of the message is printed.
import sys


class R:
    def __repr__(self):
        return repr(self)


class S:
    def __str__(self):
        return str(self)


class E:
    def __eq__(self, other):
        return self == other


class H:
    def __hash__(self):
        return hash(self)


class L:
    def __len__(self):
        return len(self)


class G:
    def __getattr__(self, name):
        return getattr(self, name)


class I:
    def __iter__(self):
        return iter(self)


def gen():
    yield from list(gen())


def key(x):
    return sorted([x], key=key)


cases = [
    ("repr", lambda: repr(R())),
    ("list repr", lambda: print([R()])),
    ("f-string", lambda: f"{R()!r}"),
    ("str", lambda: str(S())),
    ("print", lambda: print(S())),
    ("eq", lambda: E() == E()),
    ("in", lambda: E() in [1, E()]),
    ("dict key", lambda: {H(): 1}),
    ("len", lambda: len(L())),
    ("getattr", lambda: G().x),
    ("iter", lambda: list(I())),
    ("sorted key", lambda: sorted([3, 1], key=key)),
    ("generator", lambda: next(gen())),
]
for name, thunk in cases:
    try:
        thunk()
        print(name, "no error")
    except RecursionError as e:
        print(name, type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))


def deep(n):
    return n if n == 0 else deep(n - 1)


print(deep(900), sys.getrecursionlimit())
