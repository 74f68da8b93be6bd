import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(2)
time.sleep(0.25)
print(round(time.time() - t0, 2), round(time.perf_counter() - p0, 2), round(time.monotonic() - m0, 2))
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
print(time.process_time() >= 0, type(time.thread_time()).__name__)
st = time.gmtime(1_000_000_000)
print(st)
print(st.tm_year, st.tm_yday, st[0], len(st), tuple(st)[:3])
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %%", st))
print(time.strftime("%c | %x | %X", time.gmtime(1_700_000_000)))
print(time.asctime(time.gmtime(0)), time.ctime(86400 * 40))
print(time.mktime(time.gmtime(1234567890)) if time.timezone == 0 else 1234567890.0)
try:
    time.sleep(-1)
except ValueError as exc:
    print('ValueError', exc)
