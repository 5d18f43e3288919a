x = (1 +  # c
     None)
