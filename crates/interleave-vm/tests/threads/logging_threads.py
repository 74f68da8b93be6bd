# logging with threadName: each worker logs after the previous one finished.
import logging
import sys
import threading

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(threadName)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")


def worker(n):
    log.info("working on %d", n)
    logging.debug("root debug from %s", threading.current_thread().name)


for i in range(3):
    t = threading.Thread(target=worker, args=(i,), name=f"worker-{i}")
    t.start()
    t.join()
log.warning("done in %(where)s", {"where": "main"})
print(log, logging.getLogger())
