d = {}
v = d['missing']
