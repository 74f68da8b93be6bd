# Formatter fields: funcName, lineno, module, asctime from a fixed timestamp.
import logging
import sys
import time

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter(
    "%(levelname)-8s|%(name)s|%(funcName)s:%(lineno)d|%(module)s|%(processName)s|%(message)s"))
log = logging.getLogger("fmt")
log.addHandler(handler)
log.setLevel(logging.INFO)
log.propagate = False


def helper():
    log.info("inside helper")


helper()
log.warning("top level")

fmt = logging.Formatter("%(asctime)s %(message)s")
fmt.converter = time.gmtime
record = logging.makeLogRecord({"msg": "fixed", "created": 1704067200.25, "msecs": 250.0})
print(fmt.format(record))
datefmt = logging.Formatter("[%(asctime)s] %(message)s", datefmt="%H:%M:%S")
datefmt.converter = time.gmtime
print(datefmt.format(record))
brace = logging.Formatter("{levelname}/{message}", style="{")
print(brace.format(logging.makeLogRecord({"msg": "braces", "levelname": "INFO"})))
dollar = logging.Formatter("${levelname}-${message}", style="$")
print(dollar.format(logging.makeLogRecord({"msg": "dollars", "levelname": "DEBUG"})))
try:
    logging.basicConfig(bogus=1)
except ValueError as e:
    print("ValueError:", e)
