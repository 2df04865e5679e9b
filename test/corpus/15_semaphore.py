import asyncio


async def limited(sem, n):
    async with sem:
        print(f"job {n} starts")
        await asyncio.sleep(1)


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(limited(sem, 1), limited(sem, 2), limited(sem, 3), limited(sem, 4))


asyncio.run(main())
