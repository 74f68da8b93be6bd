# A bytes literal with a bad \x escape is a value error, pointing past the literal.
print("never printed")
data = b"ok" + b"\xZ1"
