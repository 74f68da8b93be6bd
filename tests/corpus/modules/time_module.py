# time: sleep and clocks, printing only facts that do not depend on the wall clock.
import time

start = time.time()
mono = time.monotonic()
perf = time.perf_counter()
time.sleep(0.01)
time.sleep(0)
print(isinstance(start, float), start > 1_600_000_000)
print(time.monotonic() >= mono + 0.01, time.perf_counter() > perf)
print(time.time() >= start, type(time.time_ns()).__name__)
print(time.strftime("%Y-%m-%d", time.gmtime(0)), time.gmtime(86400 * 365).tm_year)
