"""to_thread(): run a blocking function in the loop's default executor.

tulip has no threads yet, so the function runs on the loop itself (see
EventLoop.run_in_executor)."""

import contextvars
import functools

from . import events

__all__ = ("to_thread",)


async def to_thread(func, /, *args, **kwargs):
    loop = events.get_running_loop()
    call = functools.partial(contextvars.copy_context().run, func, *args, **kwargs)
    return await loop.run_in_executor(None, call)
