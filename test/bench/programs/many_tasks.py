# 10,000 tasks, each awaiting asyncio.sleep(0) ten times: a CPU-bound asyncio workload.
import asyncio


async def worker(n):
    for _ in range(10):
        await asyncio.sleep(0)
    return n


async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(10_000)]
    results = await asyncio.gather(*tasks)
    print(sum(results))


asyncio.run(main())
