"""A first script: the front end parses all of it; `--dump-ast` shows the tree."""
import asyncio


async def greet(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"hello, {name}!"


async def main() -> None:
    greetings = await asyncio.gather(*(greet(n, 0.01 * i) for i, n in enumerate(["tulip", "world"])))
    for line in greetings:
        print(line)


if __name__ == "__main__":
    asyncio.run(main())
