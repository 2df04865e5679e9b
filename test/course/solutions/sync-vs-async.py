import asyncio
import time


async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} ({seconds} s)"


FILES = [("a.txt", 1), ("b.txt", 2), ("c.txt", 3)]


async def main_async():
    start = time.monotonic()
    tasks = [asyncio.create_task(download(name, seconds)) for name, seconds in FILES]
    for finished in asyncio.as_completed(tasks):
        print("async got", await finished)
    print(f"async total: {time.monotonic() - start:.1f} s")


asyncio.run(main_async())
