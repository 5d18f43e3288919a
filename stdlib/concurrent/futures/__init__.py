"""concurrent.futures: Futures, and ThreadPoolExecutor to run callables on
worker threads."""

from ._base import *
from ._base import __all__ as _base_names
from .thread import ThreadPoolExecutor

__all__ = _base_names + ("ThreadPoolExecutor",)
