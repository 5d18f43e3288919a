print('a'))
