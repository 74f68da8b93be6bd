# sys: argv, version_info, maxsize, exit codes via SystemExit, stdout/stderr objects.
import sys

print(sys.argv[0].endswith("sys_module.py"), len(sys.argv))
print(sys.version_info[:2] >= (3, 11), sys.version_info.major, sys.maxsize == 2 ** 63 - 1)
print(sys.getrecursionlimit(), type(sys.path).__name__, "sys" in sys.modules)
print(sys.byteorder in ("little", "big"), sys.platform != "")
sys.stdout.write("stdout write returns length: ")
n = sys.stdout.write("abc\n")
print(n)
print("an error line", file=sys.stderr)
try:
    sys.exit("not really")
except SystemExit as e:
    print("caught SystemExit:", e.code)
print("exiting with status 3")
sys.exit(3)
print("not reached")
