class E(Exception):
    def __str__(self): return 'custom'
class F(Exception):
    def __str__(self): return repr(self)
    def __repr__(self): return 'F-repr'
class T(BaseException):
    def __init__(self, s):
        BaseException.__init__(self)
        self.s = s
    def __str__(self):
        return '%s sec' % self.s
import sys
try:
    raise F(1, 2)
except F as e:
    print(str(e))
try:
    raise T(3)
except T as e:
    print(str(e))
raise T(2)
