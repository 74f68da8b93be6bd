# The standard streams and open files print as CPython's io objects, with name, mode and encoding.
import os
import sys

print(sys.stdin)
print(sys.stdout)
print(sys.stderr)
print(sys.stdin.name, sys.stdin.mode, sys.stdout.encoding)
path = "/tmp/interleave-corpus-file-reprs.txt"
with open(path, "w") as f:
    print(f, f.name, f.mode, f.encoding)
    f.write("hello\n")
with open(path, encoding="utf-8") as f:
    print(f, f.read().strip())
with open(path, "rb") as f:
    print(f, f.read())
with open(path, "ab") as f:
    print(f)
with open(path, "r+") as f:
    print(f)
os.remove(path)
