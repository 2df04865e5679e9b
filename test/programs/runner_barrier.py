# asyncio.Runner running twice on one loop, a Barrier of three tasks, and a context variable per task.
import asyncio
import contextvars
import time

request_id = contextvars.ContextVar("request_id", default="-")


async def worker(barrier, name, delay):
    request_id.set(name)
    await asyncio.sleep(delay)
    print(f"{time.strftime('%X')} {name} at the barrier ({request_id.get()})")
    pos = await barrier.wait()
    print(f"{name} passed, position {pos}, n_waiting={barrier.n_waiting}")
    return name


async def main():
    barrier = asyncio.Barrier(3)
    results = await asyncio.gather(*(worker(barrier, n, d) for n, d in (("a", 1), ("b", 2), ("c", 3))))
    print(results, request_id.get())


with asyncio.Runner() as runner:
    runner.run(main())
    loop = runner.get_loop()
    print(loop.is_running())
    runner.run(asyncio.sleep(1.5))
    print("second run done")
