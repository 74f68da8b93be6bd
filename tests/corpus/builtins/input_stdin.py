# input() reading lines from stdin, with and without a prompt; EOFError at the end.
name = input("Name: ")
age = int(input("Age: "))
print(f"Hello {name}, next year you will be {age + 1}.")
numbers = []
while True:
    try:
        line = input()
    except EOFError:
        print("end of input")
        break
    if not line.strip():
        continue
    numbers.extend(int(tok) for tok in line.split())
print("numbers:", numbers, "sum:", sum(numbers))
