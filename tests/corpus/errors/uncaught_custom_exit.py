# SystemExit with a message: the message goes to stderr and the exit code is 1.
import sys

print("about to exit")
sys.exit("fatal: configuration missing")
