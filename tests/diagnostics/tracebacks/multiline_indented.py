if True:
    x = (1 +  
     None)
