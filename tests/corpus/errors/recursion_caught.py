# RecursionError can be caught; the depth reached is deterministic for a given limit.
import sys

depth = 0
def dive():
    global depth
    depth += 1
    dive()

try:
    dive()
except RecursionError as e:
    print("RecursionError:", e)
print("depth reached:", depth, "limit:", sys.getrecursionlimit())
sys.setrecursionlimit(200)
depth = 0
try:
    dive()
except RecursionError:
    print("with limit 200, depth reached:", depth)
