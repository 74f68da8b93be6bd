# An uncaught re.error: the traceback goes through CPython's re package frames.
import re

print(re.match(r'(\d+)-(\d+)', '10-20').groups())
re.compile(r'(?P<year>\d{4}-(?P<month>\d\d)')
