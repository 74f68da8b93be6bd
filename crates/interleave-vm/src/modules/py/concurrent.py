# `concurrent`: the package holding `concurrent.futures` (CPython 3.11's Lib/concurrent/__init__.py
# is empty; `import concurrent.futures` finds the submodule by its dotted name).
