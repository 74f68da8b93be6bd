# A bad group reference in a sub() template: the traceback goes through re._subx and the
# lru_cache'd re._compile_repl (a C wrapper in CPython, so no frame of its own).
import re
re.compile('a').sub(r'\9', 'a')
