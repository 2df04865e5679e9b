import asyncio


async def worker(n):
    await asyncio.sleep(n)
    print(f"worker {n} finished as {asyncio.current_task().get_name()}")
    return n * 10


async def main():
    t1 = asyncio.create_task(worker(2), name="slow")
    t2 = asyncio.create_task(worker(1), name="fast")
    print(await t1)
    print(await t2)


asyncio.run(main())
