# An expression calculator: a tokenizer, a recursive-descent parser and an evaluator.
import operator

OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "^": operator.pow}

def tokenize(text):
    tokens, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(text) and (text[i].isdigit() or text[i] == "."):
                i += 1
            literal = text[start:i]
            tokens.append(("num", float(literal) if "." in literal else int(literal)))
        elif ch in OPS or ch in "()":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {ch!r} at {i}")
    return tokens

class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            value = OPS[op](value, self.term())
        return value

    def term(self):
        value = self.factor()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            value = OPS[op](value, self.factor())
        return value

    def factor(self):
        base = self.unary()
        if self.peek()[1] == "^":
            self.take()
            return base ** self.factor()
        return base

    def unary(self):
        kind, val = self.take()
        if val == "-":
            return -self.unary()
        if val == "(":
            inner = self.expr()
            if self.take()[1] != ")":
                raise SyntaxError("expected )")
            return inner
        if kind == "num":
            return val
        raise SyntaxError(f"unexpected token {val!r}")

def evaluate(text):
    parser = Parser(tokenize(text))
    value = parser.expr()
    if parser.pos != len(parser.tokens):
        raise SyntaxError("trailing input")
    return value

for source in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "2 * (3 + 4) - -1",
               "1.5 * 4", "7 / 0", "3 +", "2 $ 3", "(1 + 2", "2 ^ 100"]:
    try:
        print(f"{source:<18} = {evaluate(source)}")
    except ZeroDivisionError as e:
        print(f"{source:<18} ! ZeroDivisionError: {e}")
    except SyntaxError as e:
        print(f"{source:<18} ! SyntaxError: {e}")
