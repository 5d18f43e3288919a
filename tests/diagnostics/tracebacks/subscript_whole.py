d = {}
d['missing']
