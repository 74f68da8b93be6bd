# float() of a Fraction: needs the VM's float() to call __float__ (and to accept such objects).
from fractions import Fraction

print(float(Fraction(3, 4)), float(Fraction(1, 3)), [float(Fraction(1, n)) for n in (2, 8)])
