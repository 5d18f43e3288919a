# The traceback module draws the same carets as an uncaught exception's
# report, and a frame that raises a caught exception again gets a second
# entry at its `raise`.
import traceback


def divide(a, b):
    return a / b


def reraise():
    try:
        divide(1, 0)
    except ZeroDivisionError as e:
        raise e


for thunk in (lambda: {}["k"] + 1, lambda: [1 / x for x in [0]], reraise):
    try:
        thunk()
    except Exception as e:
        text = "".join(traceback.format_exception(e))
        print(text.replace(__file__, "HERE"))
        for frame in traceback.extract_tb(e.__traceback__):
            print(frame.lineno, frame.name, frame.line)
