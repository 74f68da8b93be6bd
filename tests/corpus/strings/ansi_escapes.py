# ANSI escape sequences pass through print unchanged; repr shows them escaped.
RED = "\033[31m"
GREEN = "\x1b[32m"
BOLD = "\033[1m"
RESET = "\033[0m"
print(RED + "error" + RESET, GREEN + "ok" + RESET)
print(f"{BOLD}bold{RESET} and plain")
line = f"{RED}{'status':<10}{RESET}|"
print(line, len(line))
print(repr(RED), repr(line))
print("\033[2J\033[H", end="")
print("progress: [" + "#" * 5 + " " * 5 + "]\r", end="")
print("done")
for code in range(30, 38):
    print(f"\033[{code}m{code}\033[0m", end=" ")
print()
