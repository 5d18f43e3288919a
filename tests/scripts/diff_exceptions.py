# --- t13_exc ---
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(5, "boom")
except AppError as e:
    print(e, e.code, e.args, repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise TypeError("t")
    except TypeError:
        raise ValueError("v") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
e = ValueError("x")
e.add_note("note 1")
e.add_note("note 2")
print(e.__notes__)
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
def h():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print("fin", i)
h()
try:
    raise ExceptionGroup("grp", [ValueError("a"), TypeError("b"), ValueError("c")])
except* ValueError as eg:
    print("values", [str(x) for x in eg.exceptions], type(eg).__name__)
except* TypeError as eg:
    print("types", repr(eg.exceptions[0]))
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [KeyError(2)])])
print(repr(eg), str(eg), len(eg.exceptions))
m, rest = eg.split(ValueError)
print(repr(m), repr(rest))
print(repr(eg.subgroup(KeyError)))
try:
    raise BaseExceptionGroup("b", [KeyboardInterrupt()])
except BaseExceptionGroup as bg:
    print(type(bg).__name__, bg.message)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), FileNotFoundError.__mro__[1].__name__, issubclass(ModuleNotFoundError, ImportError))
try:
    raise KeyError("k")
except KeyError as e:
    print(str(e), repr(e), e.args)
print(str(KeyError()), str(KeyError(1, 2)), repr(ValueError()), str(ValueError(1, 2)), repr(OSError(2, "No such")))
e = OSError(2, "No such file", "f.txt")
print(e, e.errno, e.strerror, e.filename, type(e).__name__)
try:
    open("/nonexistent/zzz")
except FileNotFoundError as e:
    print(e, e.errno)
except OSError as e:
    print("os", e)
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value)
def gen():
    yield 1
    return "ret"
it = gen(); next(it)
try:
    next(it)
except StopIteration as e:
    print("ret value", e.value)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    {}.pop("x")
except KeyError as e:
    print(repr(e))
try:
    [1].index(5)
except ValueError as e:
    print(e)
try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    [1, 2][5]
except IndexError as e:
    print(e)
try:
    "ab"[9]
except IndexError as e:
    print(e)
try:
    (1,)[3]
except IndexError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print(repr(e))
try:
    [].remove(1)
except ValueError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with Ctx() as c:
    raise ValueError("swallowed")
print("after")
try:
    with Ctx(), Ctx():
        pass
except Exception:
    pass
def raiser():
    raise NotImplementedError
try:
    raiser()
except NotImplementedError as e:
    print(repr(e), e.args)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print(e)
try:
    assert False
except AssertionError as e:
    print(repr(e))
e1 = None
try:
    1/0
except ZeroDivisionError as e1:
    pass
try:
    print(e1)
except NameError as ne:
    print(ne)
import sys
try:
    raise ValueError("info")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
try:
    raise TypeError
except (ValueError, TypeError) as e:
    print("tuple catch", type(e).__name__)
class MyExc(Exception):
    def __str__(self): return "custom str"
try:
    raise MyExc()
except MyExc as e:
    print(e, repr(e))
try:
    raise Exception("a", 1)
except Exception as e:
    print(e)
def nested_finally():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("caught", e)
    else:
        print("no")
    finally:
        print("outer finally")
nested_finally()
try:
    pass
except Exception:
    pass
else:
    print("else ran")
try:
    raise ValueError("x").with_traceback(None)
except ValueError as e:
    print("wt", e)
print(isinstance(ValueError(), BaseException), BaseException.__subclasses__ is not None)
try:
    int("x")
except Exception as e:
    print(type(e).__name__, e)
try:
    raise SystemExit(3)
except SystemExit as e:
    print("exit code", e.code)

# --- t48_exc_flow ---
def risky(n):
    if n == 0: raise ValueError("zero")
    if n == 1: raise KeyError("one")
    if n == 2: raise TypeError("two")
    return n
for i in range(4):
    try:
        r = risky(i)
    except (ValueError, KeyError) as e:
        print("caught", type(e).__name__, e)
    except Exception as e:
        print("generic", repr(e))
    else:
        print("ok", r)
    finally:
        print("done", i)
def retry(attempts):
    for a in range(attempts):
        try:
            if a < 2: raise ConnectionError(f"attempt {a}")
            return f"success at {a}"
        except ConnectionError as e:
            print("retry:", e)
    return "gave up"
print(retry(5), retry(2))
def cleanup_order():
    log = []
    try:
        try:
            log.append("try")
            raise RuntimeError
        finally:
            log.append("inner finally")
    except RuntimeError:
        log.append("except")
    finally:
        log.append("outer finally")
    return log
print(cleanup_order())
def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        print("logging")
        raise
try:
    reraise()
except ValueError as e:
    print("reraised", e)
def exc_in_except():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
try:
    exc_in_except()
except TypeError as e:
    print(repr(e), repr(e.__context__))
class ValidationError(Exception):
    def __init__(self, field, problem):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")
try:
    raise ValidationError("age", "must be positive")
except ValidationError as e:
    print(e, e.field, e.args)
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
try:
    raise NoSuper(5)
except NoSuper as e:
    print(repr(e), str(e), e.args, e.x)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "", e.args)
def finally_overrides():
    try:
        raise ValueError
    finally:
        return "finally wins"
print(finally_overrides())
def loop_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_finally())
def nested_exc():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("level2") from e
    except ValueError as e2:
        try:
            raise KeyError("level3") from e2
        except KeyError as e3:
            chain = []
            cur = e3
            while cur:
                chain.append(type(cur).__name__)
                cur = cur.__cause__
            return chain
print(nested_exc())
err = None
try:
    raise KeyError("x")
except KeyError as e:
    err = e
print(repr(err), err.__traceback__ is not None)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    try:
        pass
    except NotExc:
        pass
    1/0
except ZeroDivisionError:
    print("ok no match needed")
def gen():
    try:
        yield 1
    except GeneratorExit:
        print("generator exit")
        raise
g = gen(); next(g); del g
import gc; gc.collect()
print(ExceptionGroup("m", [ValueError("x")]).exceptions, repr(ExceptionGroup("m", [ValueError("x")])))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2), TypeError(3)])
    except* (ValueError, KeyError) as g:
        print("matched", sorted(type(x).__name__ for x in g.exceptions))
except ExceptionGroup as rest:
    print("rest", repr(rest))
try:
    raise ValueError("plain")
except* ValueError as g:
    print("wrapped plain", repr(g))

# --- u09_exc_tricky ---
import sys
def f():
    try:
        raise ValueError("inner")
    except ValueError:
        exc = sys.exc_info()[1]
        return exc
e = f()
print(repr(e), sys.exc_info()[0])
def g():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        return f"caught {e}"
    finally:
        print("g finally")
print(g())
def h():
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise KeyError(i)
            finally:
                print("inner finally", i)
        except KeyError as e:
            print("outer caught", e)
            continue
        print("after", i)
h()
class CleanupError(Exception): pass
def risky():
    try:
        raise ValueError("primary")
    finally:
        pass
try:
    risky()
except ValueError as e:
    print(e.__context__)
def chained():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            raise KeyError("c")
try:
    chained()
except KeyError as c:
    print(repr(c), repr(c.__context__), repr(c.__context__.__context__))
try:
    try:
        raise ValueError("x")
    except ValueError as e:
        e.add_note("while parsing")
        raise
except ValueError as e:
    print(e.__notes__)
def exc_var_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    return "err" in locals()
print(exc_var_cleared())
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a, self.b = a, b
try:
    raise E(1, 2)
except E as e:
    print(e, e.args, repr(e))
import copy
e2 = copy.copy(E(3, 4)); print(e2.args, e2.a)
print(ValueError("x") == ValueError("x"), str(ValueError()), str(KeyError("a b")), str(KeyError("")), repr(KeyError()))
print(isinstance(StopIteration(), Exception), isinstance(KeyboardInterrupt(), Exception), issubclass(GeneratorExit, BaseException))
try:
    raise TypeError("bad type") from ValueError("root")
except TypeError as e:
    print(e.__cause__, type(e.__cause__).__name__, e.__suppress_context__)
def reraise_in_finally():
    try:
        raise ValueError("lost?")
    finally:
        return "finally swallowed"
print(reraise_in_finally())
try:
    raise ExceptionGroup("m", [ValueError("a")])
except ExceptionGroup as eg:
    print(eg.message, eg.exceptions, eg.args)
print(OSError(2, "x").errno, FileNotFoundError(2, "nf").strerror, PermissionError.__mro__[1].__name__, OSError(1, "e", "f").filename)
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))

# --- t65_unicode_err ---
for f in [lambda: b"\xff".decode(), lambda: b"ab\xff\xfe".decode("utf-8"), lambda: "é".encode("ascii"), lambda: "a€😀b".encode("latin-1"), lambda: "x😀".encode("ascii"), lambda: b"\xe2\x82".decode()]:
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason, e.encoding, repr(e.object), e.args[2:])
e = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(str(e), repr(e))
e.reason = "changed"; print(e)
print(str(UnicodeEncodeError("ascii", "aé", 1, 2, "nope")))
print(str(UnicodeError("plain")))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(repr(e))

# --- t66_copy_exc ---
import copy
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a, self.b = a, b
e2 = copy.copy(E(3, 4)); print(e2.args, e2.a, repr(e2))
e3 = copy.deepcopy(ValueError("x", [1])); print(repr(e3))
print(ValueError("q").__reduce__(), KeyError().__reduce__())
s = copy.copy(StopIteration(5)); print(s.value, s.args)
o = copy.deepcopy(OSError(2, "nf", "f")); print(o, o.errno, o.filename)
ex = ValueError("n"); ex.add_note("note"); c = copy.copy(ex); print(c.__notes__)

# --- t37_traceback_mod ---
import traceback, sys
def inner():
    raise ValueError("deep problem")
def outer():
    inner()
try:
    outer()
except ValueError:
    s = traceback.format_exc()
    lines = s.splitlines()
    print(lines[0])
    print(lines[-1])
    print(len([l for l in lines if l.strip().startswith("File")]))
try:
    1 / 0
except ZeroDivisionError as e:
    print(traceback.format_exception_only(type(e), e))
    print("".join(traceback.format_exception(e)).splitlines()[-1])
try:
    try:
        raise KeyError("a")
    except KeyError as e:
        raise TypeError("b") from e
except TypeError as e:
    out = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    print([l for l in out.splitlines() if not l.startswith(" ")])
try:
    try:
        raise KeyError("a")
    except KeyError as e:
        raise TypeError("b")
except TypeError as e:
    out = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    print([l for l in out.splitlines() if not l.startswith(" ")])
e = ValueError("noted"); e.add_note("a note")
print(traceback.format_exception_only(e))
try:
    outer()
except ValueError as err:
    tb = traceback.extract_tb(err.__traceback__)
    print([(f.name, f.line) for f in tb])

