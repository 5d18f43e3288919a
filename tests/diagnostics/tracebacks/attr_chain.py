import math
v = math.pi.foo.bar
