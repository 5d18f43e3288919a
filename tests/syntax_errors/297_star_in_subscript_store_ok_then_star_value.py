a[*b] = *c
