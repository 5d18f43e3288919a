s = '''never
ends
