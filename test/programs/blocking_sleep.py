# time.sleep() inside a coroutine blocks the whole loop and delays every task.
import asyncio
import time


async def polite(name, start, loop):
    for _ in range(3):
        await asyncio.sleep(0.5)
        print(f"{name} at {round(loop.time() - start, 1)}")


async def rude(start, loop):
    await asyncio.sleep(0.2)
    print("rude blocks at", round(loop.time() - start, 1))
    time.sleep(2)
    print("rude unblocks at", round(loop.time() - start, 1))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(polite("p", start, loop), rude(start, loop))
    print("total", round(loop.time() - start, 1))


asyncio.run(main())
