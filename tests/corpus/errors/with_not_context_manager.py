# `with` on an object without __enter__: CPython reports it at the whole statement.
def use(resource):
    with resource:
        print("never")

use(42)
