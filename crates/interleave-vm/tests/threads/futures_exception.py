# Exceptions raised in pool workers come back through the future.
from concurrent.futures import ThreadPoolExecutor


def check(x):
    if x == 3:
        raise ValueError(f"bad value {x}")
    return x


with ThreadPoolExecutor(max_workers=2) as ex:
    futures = [ex.submit(check, i) for i in range(5)]
    for f in futures:
        e = f.exception()
        print(type(e).__name__ if e else None, e)
    try:
        futures[3].result()
    except ValueError as e:
        print("caught:", e)
    out = []
    try:
        for r in ex.map(check, range(5)):
            out.append(r)
    except ValueError as e:
        print("map stopped at:", e, out)
