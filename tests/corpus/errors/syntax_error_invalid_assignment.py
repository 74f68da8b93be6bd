# Assignment to a literal is rejected at compile time.
print("never")
1 + 2 = x
