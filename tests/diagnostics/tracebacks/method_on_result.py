def f(): return None
x = f().foo()
