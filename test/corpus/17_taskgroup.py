import asyncio


async def fetch(n):
    await asyncio.sleep(n)
    print(f"fetched {n}")
    return n


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(fetch(2))
        b = tg.create_task(fetch(1))
    print(a.result() + b.result())


asyncio.run(main())
