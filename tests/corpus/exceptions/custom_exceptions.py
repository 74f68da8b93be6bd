# Custom exception hierarchies with extra attributes and __str__.
class AppError(Exception):
    """Base error for the app."""

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field

class NotFound(AppError):
    def __init__(self, key):
        self.key = key
    def __str__(self):
        return f"no such key {self.key!r}"

def validate(user):
    if not user.get("name"):
        raise ValidationError("name", "must not be empty")
    if user.get("age", 0) < 0:
        raise ValidationError("age", "must be non-negative")
    return True

for u in [{"name": "Kai", "age": 3}, {"name": ""}, {"name": "X", "age": -1}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("invalid", e.field, "|", e, "|", e.args)

try:
    raise NotFound("id-7")
except AppError as e:
    print(type(e).__name__, e, repr(e), e.key, isinstance(e, Exception))
print(issubclass(ValidationError, AppError), ValidationError.__mro__[2].__name__)
print(AppError.__doc__)

class RetryableError(AppError):
    pass

attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise RetryableError(f"attempt {attempts} failed")
    return "succeeded"

while True:
    try:
        print(flaky())
        break
    except RetryableError as e:
        print("retrying after:", e)
