# logger.exception() appends the traceback of the exception being handled.
import logging

logging.basicConfig(format="%(levelname)s:%(threadName)s:%(message)s")


def divide(a, b):
    return a / b


try:
    divide(1, 0)
except ZeroDivisionError:
    logging.exception("division failed")
logging.getLogger("x").error("with exc_info", exc_info=ValueError("explicit"))
print("done")
