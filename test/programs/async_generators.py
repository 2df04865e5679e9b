# Async generators and async comprehensions.
import asyncio


async def ticks(n, interval):
    for i in range(n):
        await asyncio.sleep(interval)
        yield i


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async for i in ticks(3, 0.5):
        print("tick", i, "at", round(loop.time() - start, 1))
    squares = [i * i async for i in ticks(4, 0.25)]
    print("squares", squares, "at", round(loop.time() - start, 1))
    evens = {i async for i in ticks(6, 0.1) if i % 2 == 0}
    print("evens", sorted(evens))
    gen = ticks(10, 1)
    print("first", await anext(gen))
    await gen.aclose()
    print("closed at", round(loop.time() - start, 1), await anext(gen, "exhausted"))


asyncio.run(main())
