# A Semaphore(2) lets at most two downloads run at once.
import asyncio

running = 0


async def download(sem, n, start, loop):
    global running
    async with sem:
        running += 1
        print(f"start {n} at {round(loop.time() - start, 1)} ({running} running)")
        await asyncio.sleep(1 + n * 0.3)
        running -= 1
    print(f"end {n} at {round(loop.time() - start, 1)}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, n, start, loop) for n in range(5)))
    print("bounded semaphore released too often raises:", end=" ")
    bounded = asyncio.BoundedSemaphore(1)
    try:
        bounded.release()
    except ValueError as exc:
        print(exc)


asyncio.run(main())
