import typing
from typing import Any, Union, Optional, List, Dict, Tuple, Callable, TypeVar, Generic, ParamSpec, Literal, ClassVar, NamedTuple, Protocol, runtime_checkable
T = TypeVar("T"); P = ParamSpec("P")
print(Union[int, str], Optional[int], Union[None, str], Union[int, None, str], Union[int], Optional[int] == Union[int, None], Union[int, str] == Union[str, int])
print(List[int], Dict[str, List[int]], Tuple[()], Tuple[int, ...], Callable[[int], str], Callable[..., int], List, Any, Literal[1, "a"])
print(repr(Optional), Union[int, str] | float, int | List[int], T | int, List | int)
print(isinstance(3, Union[int, str]), issubclass(bool, Union[str, int]), issubclass(list, List), issubclass(List, typing.Sequence) if False else "")
for bad in [lambda: isinstance(1, Any), lambda: issubclass(int, Optional), lambda: isinstance([], List[int]), lambda: List(), lambda: Dict[int], lambda: List[int][int]]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
class Box(Generic[T]):
    def __init__(self, v): self.v = v
b = Box[int](3)
print(Box[int], b.v, b.__orig_class__, Box.__mro__, Dict[str, T][int])
class Pair(Dict[str, int]): pass
print(Pair.__mro__, Pair.__orig_bases__)
print(P.args, P.kwargs, P, T, TypeVar("U", covariant=True), TypeVar("V", contravariant=True))
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt._fields, Pt._field_defaults)
try:
    class Bad(NamedTuple):
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError", e)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer), isinstance(1, typing.SupportsInt), isinstance("x", typing.SupportsInt), isinstance(1.5, typing.SupportsIndex))
print(typing.get_type_hints(Pt), hash(Union[int, str]) == hash(Union[str, int]), Union[int, str].__args__)
