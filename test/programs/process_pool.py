# ProcessPoolExecutor: calls in other processes, awaited from asyncio.
import asyncio
import concurrent.futures
import time


def work(n):
    time.sleep(0.5)  # stands for half a second of computing
    print("worked on", n)
    return sum(i * i for i in range(n))


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in (10, 100, 1000)))
        print("results", results, round(time.monotonic() - start, 1))
        print("map", list(pool.map(work, [1, 2, 3])), round(time.monotonic() - start, 1))
    print(type(pool).__name__)
    with concurrent.futures.ProcessPoolExecutor() as pool:
        try:
            await loop.run_in_executor(pool, lambda: 1)
        except Exception as e:
            print("a lambda cannot go to another process:", type(e).__name__)
    print("end")


if __name__ == "__main__":
    asyncio.run(main())
