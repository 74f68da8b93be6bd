# A truncated \x escape: the decoder's error, with its position counted in the buffer CPython
# decodes (each non-ASCII character before it as a 10-byte \U escape).
print("never printed")
label = "café \x4 !"
