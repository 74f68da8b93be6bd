# A name Unicode 15 added is unknown to CPython 3.11 (Unicode 14.0): a SyntaxError before anything runs.
print("never printed")
print("\N{CJK UNIFIED IDEOGRAPH-2B739}")
