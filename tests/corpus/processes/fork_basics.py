# os.fork: the child gets a copy of the parent's memory; exit codes come back through waitpid.
import os
import sys

# Under a pipe CPython's stdout is block-buffered and a child would inherit (and print again)
# what the parent has not flushed yet: flush before every fork.
data = [1, 2, 3]
counter = 0

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    data.append(4)
    counter += 100
    print("child sees", data, counter)
    sys.stdout.flush()
    os._exit(7)

_, status = os.waitpid(pid, 0)
print("parent sees", data, counter)
print("exited:", os.WIFEXITED(status), "code:", os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))

# Several children, reaped in order; each returns its own exit code.
children = []
for k in range(4):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        total = sum(i * i for i in range(1000 * (k + 1)))
        print("child", k, "computed", total)
        sys.stdout.flush()
        os._exit(k)
    children.append(pid)
    # Waiting for each child before starting the next keeps the output in order.
    print("reaped", k, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# sys.exit in a child ends the child only.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    sys.exit(3)
print("after fork, parent goes on:", os.waitstatus_to_exitcode(os.wait()[1]))

# WNOHANG: nothing to reap yet / no children left.
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print("ChildProcessError:", e)
print("pid is positive:", os.getpid() > 1, "child pids differ:", len(set(children)) == 4)
