# try/except/else/finally ordering, multiple handlers, re-raise, exception attributes.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    except TypeError as e:
        print("type error:", e)
        return "bad"
    else:
        print("no error")
        return result
    finally:
        print("finally for", a, b)

print(divide(6, 3))
print(divide(1, 0))
print(divide("x", 2))

def finally_overrides():
    try:
        return "try"
    finally:
        print("cleanup runs before return")

print(finally_overrides())

for value in ["12", "abc", None, [1]]:
    try:
        n = int(value)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, "-", e)
    else:
        print("parsed", n)

try:
    try:
        {}["missing"]
    except KeyError:
        print("handling KeyError, re-raising")
        raise
except LookupError as e:
    print("outer caught", type(e).__name__, e, e.args)

errors = []
for thing in [lambda: [][1], lambda: {}["k"], lambda: int("x"), lambda: None.attr,
              lambda: undefined_name, lambda: 1 + "a", lambda: 10 % 0, lambda: [].pop(),
              lambda: "abc".index("z"), lambda: iter(5), lambda: float("nope")]:
    try:
        thing()
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
print("\n".join(errors))

try:
    raise ValueError("one", 2)
except ValueError as e:
    print(e.args, str(e), repr(e))

e_saved = None
try:
    1 / 0
except ZeroDivisionError as e:
    e_saved = e
print(type(e_saved).__name__, isinstance(e_saved, ArithmeticError))
try:
    e
except NameError as ne:
    print("NameError:", ne)
