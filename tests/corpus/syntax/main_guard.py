# The __name__ == "__main__" idiom and module-level dunders.
def main():
    print("running main in", __name__)
    return 0

print("module name:", __name__)
print(type(__builtins__).__name__ in ("module", "dict"))

if __name__ == "__main__":
    result = main()
    print("main returned", result)
else:
    print("imported")
