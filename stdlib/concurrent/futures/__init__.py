"""concurrent.futures: Futures and executors (ThreadPoolExecutor).

tulip has no threads yet: a ThreadPoolExecutor runs each callable when it
is submitted."""

from ._base import *
from ._base import __all__ as _base_names
from .thread import ThreadPoolExecutor

__all__ = _base_names + ("ThreadPoolExecutor",)
