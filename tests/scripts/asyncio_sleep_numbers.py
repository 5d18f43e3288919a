import asyncio
from fractions import Fraction
from decimal import Decimal
async def main():
    print(await asyncio.sleep(Fraction(1, 100), "frac"))
    print(await asyncio.sleep(True, "bool"))
    try:
        await asyncio.sleep(Decimal("0.01"))
    except TypeError as e:
        print("TypeError", e)
    class N:
        def __radd__(self, other):
            return other + 0.01
        def __le__(self, other):
            return False
    print(await asyncio.sleep(N(), "custom"))
asyncio.run(main())
