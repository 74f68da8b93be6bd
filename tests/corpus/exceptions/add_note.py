err = ValueError("bad input")
err.add_note("while parsing line 3")
err.add_note("second note\nspanning two lines")
print(err.__notes__)
try:
    err.add_note(5)
except TypeError as t:
    print("TypeError", t)
def check(x):
    try:
        int(x)
    except ValueError as e:
        e.add_note(f"input was {x!r}")
        raise
try:
    check("zz")
except ValueError as e:
    print(e.__notes__)
check("abc")
