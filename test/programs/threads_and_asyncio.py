# A thread hands results to the event loop with call_soon_threadsafe; a
# join() inside a coroutine blocks the whole loop, as natively.
import asyncio
import threading
import time


def producer(loop, queue, n):
    for i in range(n):
        time.sleep(0.5)
        loop.call_soon_threadsafe(queue.put_nowait, i)
    loop.call_soon_threadsafe(queue.put_nowait, None)


def slow_job():
    time.sleep(1.0)
    print("slow job done")


async def ticker():
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(0.3)
        print(f"tick {loop.time():.1f}")


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    threading.Thread(target=producer, args=(loop, queue, 3)).start()
    while (item := await queue.get()) is not None:
        print(f"got {item} at {loop.time():.1f}")
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.4)
    job = threading.Thread(target=slow_job)
    job.start()
    job.join()  # blocks the loop: no ticks for a second
    print(f"joined at {loop.time():.1f}")
    await asyncio.sleep(0.7)
    tick.cancel()


asyncio.run(main())
