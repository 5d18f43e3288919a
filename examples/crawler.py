"""A simulated web crawler: tasks, a bounded queue, a semaphore, timeouts,
cancellation and an async generator, all on asyncio's event loop.

Run it with `cargo run --release -- examples/crawler.py`; it prints the same
as `python3 examples/crawler.py`.
"""
import asyncio
from contextlib import asynccontextmanager

# The "web": page -> (latency in seconds, links on the page).
SITE = {
    "/": (0.02, ["/docs", "/blog", "/about"]),
    "/docs": (0.03, ["/docs/intro", "/docs/api"]),
    "/docs/intro": (0.01, []),
    "/docs/api": (0.05, ["/docs/api/v2"]),
    "/docs/api/v2": (0.5, []),  # too slow: times out
    "/blog": (0.02, ["/blog/2024", "/"]),
    "/blog/2024": (0.01, []),
    "/about": (0.01, ["/missing"]),
}


class NotFound(Exception):
    pass


@asynccontextmanager
async def connection(limit, stats):
    async with limit:
        stats["open"] += 1
        stats["peak"] = max(stats["peak"], stats["open"])
        try:
            yield
        finally:
            stats["open"] -= 1


async def fetch(path, limit, stats):
    async with connection(limit, stats):
        if path not in SITE:
            raise NotFound(path)
        latency, links = SITE[path]
        await asyncio.sleep(latency)
        return links


async def crawl_pages(start, workers=3, timeout=0.2):
    """Yields (path, outcome) as pages are crawled."""
    queue = asyncio.Queue()
    results = asyncio.Queue()
    seen = {start}
    limit = asyncio.Semaphore(2)
    stats = {"open": 0, "peak": 0}
    await queue.put(start)

    async def worker():
        while True:
            path = await queue.get()
            try:
                links = await asyncio.wait_for(fetch(path, limit, stats), timeout)
                outcome = f"{len(links)} links"
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        await queue.put(link)
            except asyncio.TimeoutError:
                outcome = "timed out"
            except NotFound:
                outcome = "not found"
            await results.put((path, outcome))
            queue.task_done()

    tasks = [asyncio.create_task(worker(), name=f"worker-{i}") for i in range(workers)]
    joined = asyncio.create_task(queue.join())
    while not (joined.done() and results.empty()):
        getter = asyncio.create_task(results.get())
        done, _ = await asyncio.wait({getter, joined}, return_when=asyncio.FIRST_COMPLETED)
        if getter in done:
            yield getter.result()
        else:
            getter.cancel()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    yield ("peak connections", stats["peak"])


async def main():
    pages = [item async for item in crawl_pages("/")]
    *crawled, (label, peak) = pages
    for path, outcome in sorted(crawled):
        print(f"{path:<14} {outcome}")
    print(f"{len(crawled)} pages, {label}: {peak}")


asyncio.run(main())
