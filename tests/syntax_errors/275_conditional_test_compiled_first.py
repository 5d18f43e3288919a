x = ((yield)
     if (await y)
     else 1)
