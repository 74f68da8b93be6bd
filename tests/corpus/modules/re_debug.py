# re.DEBUG prints the parsed pattern and the compiled code.
import re

re.compile(r'a(b|c)*?d[e-g]+\d{2,3}$', re.DEBUG)
re.compile(r'(?P<n>x)(?(n)y|z)(?=q)(?<!r)\b(?>s+)t*+', re.DEBUG)
re.compile(r'(?i)[^a-zé]x', re.DEBUG)
