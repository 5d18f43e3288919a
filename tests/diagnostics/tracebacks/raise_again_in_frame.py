def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise e

parse("x")
