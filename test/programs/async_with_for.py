# Custom classes used with `async with` and `async for`.
import asyncio


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.5)
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.5)
        print(f"close {self.name} (error: {exc_type.__name__ if exc_type else None})")
        return exc_type is KeyError  # swallow KeyError only


class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.3)
        self.n -= 1
        return self.n + 1


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with Connection("db") as conn:
        async for n in Countdown(3):
            print(f"{conn.name}: {n} at {round(loop.time() - start, 1)}")
    async with Connection("cache"):
        raise KeyError("swallowed")
    print("after swallowed error at", round(loop.time() - start, 1))
    try:
        async with Connection("files"):
            raise ValueError("propagates")
    except ValueError as exc:
        print("caught", repr(exc))


asyncio.run(main())
