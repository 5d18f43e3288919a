# contextvars without asyncio: set/get/reset, tokens, Context.run and copies.
import contextvars
v = contextvars.ContextVar("v", default=0)
w = contextvars.ContextVar("w")
ctx = contextvars.copy_context()
def f():
    v.set(5); t = w.set(1); print(v.get(), w.get()); w.reset(t); print(w.get("gone"))
    return contextvars.copy_context()
inner = ctx.run(f)
print(v.get(), ctx[v], inner[v], list(ctx.items()) == [(v, 5)], len(ctx), v in ctx, w in ctx)
t = v.set(9); print(v.get(), ctx[v]); v.reset(t); print(v.get())
try:
    ctx.run(lambda: ctx.run(print))
except RuntimeError as e: print("RuntimeError")
try: v.reset(t)
except RuntimeError: print("used")
print(t.var is v, t.old_value)
