d={}
x = d [ "a" ]
