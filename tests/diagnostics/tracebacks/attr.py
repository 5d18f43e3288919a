class K: pass
k = K()
v = k.missing
