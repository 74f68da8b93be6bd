# sys.stdin as a file: readline, iteration, readlines and read share one position.
import sys
print("three characters:", repr(sys.stdin.read(3)), "none:", repr(sys.stdin.read(0)))
first = sys.stdin.readline()
print("first:", repr(first))
for line in sys.stdin:
    if line.strip() == "--":
        break
    print("loop:", line.rstrip("\n").upper())
rest = sys.stdin.readlines()
print("rest:", rest)
print("read at the end:", repr(sys.stdin.read()))
print("readline at the end:", repr(sys.stdin.readline()))
try:
    input("one more? ")
except EOFError as e:
    print("EOFError:", e)
