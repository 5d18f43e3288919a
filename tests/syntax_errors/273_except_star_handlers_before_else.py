try:
    pass
except* E:
    await x
else:
    return
