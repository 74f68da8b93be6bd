# import forms: import, from-import, aliases, import inside a function, module attributes.
import math
import math as m
from math import sqrt, floor as fl
from collections import *
import json, string
import os.path

print(m is math, sqrt(81), fl(2.7), Counter("aab")["a"])
print(string.ascii_lowercase, string.digits, string.punctuation[:5])
print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y/z.py"), os.path.splitext("f.tar.gz"))

def lazy():
    import itertools
    return list(itertools.islice(itertools.count(), 3))

print(lazy(), json.__name__, math.__name__)
try:
    import not_a_real_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import no_such_name
except ImportError as e:
    # The full message ends with the module's file location, which differs between machines.
    print(type(e).__name__, str(e).split(" (")[0], e.name)
