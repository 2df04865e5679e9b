# Three downloads of 1, 2 and 3 seconds.
# Synchronous code waits for each one before starting the next: 6 s in total.
# Asynchronous code starts all three and collects the results as they arrive:
# 3 s in total, the length of the slowest one.
import asyncio
import time


def download_sync(name, seconds):
    time.sleep(seconds)
    return f"{name} ({seconds} s)"


async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} ({seconds} s)"


FILES = [("a.txt", 1), ("b.txt", 2), ("c.txt", 3)]


def main_sync():
    start = time.monotonic()
    for name, seconds in FILES:
        print("sync got", download_sync(name, seconds))
    print(f"sync total: {time.monotonic() - start:.1f} s")


async def main_async():
    start = time.monotonic()
    tasks = [asyncio.create_task(download(name, seconds)) for name, seconds in FILES]
    for finished in asyncio.as_completed(tasks):
        print("async got", await finished)
    print(f"async total: {time.monotonic() - start:.1f} s")


main_sync()
asyncio.run(main_async())
