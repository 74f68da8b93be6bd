# A spawned child re-runs the main module; without the `if __name__ == "__main__":` guard
# its own `p.start()` raises CPython's RuntimeError (caught here so the output is exact).
import multiprocessing as mp
import sys

def hello():
    print("hello")

ctx = mp.get_context("spawn")
p = ctx.Process(target=hello)
try:
    p.start()
except RuntimeError as e:
    print("child:", __name__)
    print(e)
    sys.stdout.flush()
    sys.exit(3)
p.join()
print("parent: exitcode", p.exitcode)
