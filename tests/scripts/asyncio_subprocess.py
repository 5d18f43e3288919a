# asyncio subprocesses: pipes as streams, communicate, wait, errors, and a
# pipeline of two children connected through the event loop.
import asyncio
from asyncio.subprocess import PIPE, STDOUT, DEVNULL


async def main():
    print(PIPE, STDOUT, DEVNULL)
    p = await asyncio.create_subprocess_exec("echo", "hi", stdout=PIPE)
    print(repr(p).startswith("<Process "), type(p.stdout).__name__, p.stdin, p.stderr)
    print(await p.stdout.readline(), await p.wait(), p.returncode)

    p = await asyncio.create_subprocess_shell("cat; echo err >&2; exit 3", stdin=PIPE, stdout=PIPE, stderr=PIPE)
    print(type(p.stdin).__name__)
    print(await p.communicate(b"data"), p.returncode)

    p = await asyncio.create_subprocess_exec("sh", "-c", "echo out; echo err >&2", stdout=PIPE, stderr=STDOUT)
    print(sorted((await p.stdout.read()).split()), await p.wait())

    p = await asyncio.create_subprocess_exec("echo", "quiet", stdout=DEVNULL)
    print(await p.communicate(), p.returncode)

    # Line by line, while the child is still running.
    p = await asyncio.create_subprocess_exec("sh", "-c", "for i in 1 2 3; do echo line $i; done", stdout=PIPE)
    async for line in p.stdout:
        print("got", line)
    print("exit", await p.wait())

    # A conversation: write, read the answer, then close stdin.
    p = await asyncio.create_subprocess_exec("sh", "-c", "while read x; do echo \"<$x>\"; done", stdin=PIPE, stdout=PIPE)
    for word in ["a", "b"]:
        p.stdin.write(word.encode() + b"\n")
        await p.stdin.drain()
        print(await p.stdout.readline())
    p.stdin.close()
    print(await p.stdout.read(), await p.wait())

    # A pipeline: the first child's output is fed to the second.
    producer = await asyncio.create_subprocess_exec("sh", "-c", "printf 'c\\nb\\na\\n'", stdout=PIPE)
    consumer = await asyncio.create_subprocess_exec("sort", stdin=PIPE, stdout=PIPE)
    data = await producer.stdout.read()
    out, _ = await consumer.communicate(data)
    print(out, await producer.wait(), consumer.returncode)

    # Large data both ways.
    p = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, err = await p.communicate(b"x" * 500_000)
    print(len(out), err)

    # Killing a child; a wait cancelled by a timeout.
    p = await asyncio.create_subprocess_exec("sleep", "10")
    try:
        await asyncio.wait_for(p.wait(), 0.05)
    except asyncio.TimeoutError:
        print("still running:", p.returncode)
    p.kill()
    print("killed:", await p.wait())
    p = await asyncio.create_subprocess_exec("sleep", "10")
    p.terminate()
    print("terminated:", await p.wait())

    # A read blocked on a silent child, cancelled.
    p = await asyncio.create_subprocess_exec("sleep", "10", stdout=PIPE)
    reading = asyncio.create_task(p.stdout.read())
    await asyncio.sleep(0.01)
    reading.cancel()
    try:
        await reading
    except asyncio.CancelledError:
        print("read cancelled")
    p.kill()
    print(await p.wait())

    # Many children at once.
    async def run(i):
        p = await asyncio.create_subprocess_shell(f"echo {i}; exit {i}", stdout=PIPE)
        out, _ = await p.communicate()
        return out, p.returncode

    print(await asyncio.gather(*(run(i) for i in range(5))))

    for bad in [lambda: asyncio.create_subprocess_exec("nonexistent-program-xyz"),
                lambda: asyncio.create_subprocess_shell(["ls"]),
                lambda: asyncio.create_subprocess_exec("ls", text=True),
                lambda: asyncio.create_subprocess_exec("ls", bufsize=1)]:
        try:
            await bad()
        except (OSError, ValueError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
