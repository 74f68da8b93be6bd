# Without configuration: module functions configure the root logger, named loggers use lastResort.
import logging

logging.getLogger("quiet").warning("lastResort prints just the message")
logging.getLogger("quiet").info("not shown")
logging.info("not shown either")
logging.warning("root %s", "warning")
logging.error("an error")
logging.critical("critical!")
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName("INFO"))
print(logging.getLogger().level, logging.root.handlers[0].__class__.__name__)
child = logging.getLogger("a.b.c")
parent = logging.getLogger("a.b")
print(child.parent is parent, parent.parent is logging.root, child.getEffectiveLevel())
parent.setLevel(logging.ERROR)
print(child.getEffectiveLevel(), child.isEnabledFor(logging.WARNING))
child.error("from %s", child.name)
