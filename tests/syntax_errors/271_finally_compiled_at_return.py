def f():
    try:
        return
        await a
    finally:
        await b
