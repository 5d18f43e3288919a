def f(): return {}
x = f()['a']
