# loop.add_signal_handler: callbacks run on the loop when a signal arrives.
import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    got = []
    done = loop.create_future()

    def on_usr1(tag):
        got.append(tag)
        if len(got) == 2:
            done.set_result(None)

    loop.add_signal_handler(signal.SIGUSR1, on_usr1, "usr1")
    print(signal.getsignal(signal.SIGUSR1) is not signal.SIG_DFL)
    signal.raise_signal(signal.SIGUSR1)
    await asyncio.sleep(0)
    print(got)
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(done, 5)
    print(got)
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    print(repr(signal.getsignal(signal.SIGUSR1)))

    # A signal wakes a loop that sleeps with nothing to do.
    woken = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR2, woken.set_result, "woken")
    loop.call_later(0.05, os.kill, os.getpid(), signal.SIGUSR2)
    print(await woken)
    loop.remove_signal_handler(signal.SIGUSR2)

    async def coro():
        pass

    for args in [(signal.SIGUSR1, coro), ("x", print), (0, print), (signal.SIGKILL, print)]:
        try:
            loop.add_signal_handler(*args)
        except (TypeError, ValueError, RuntimeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
print(repr(signal.getsignal(signal.SIGUSR2)))
