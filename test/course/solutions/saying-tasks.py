import asyncio


async def saying(interval, what, how_many):
    while how_many > 0:
        await asyncio.sleep(interval)
        print(what)
        how_many -= 1


async def main():
    task1 = asyncio.create_task(saying(1, "hello", 5))
    task2 = asyncio.create_task(saying(1, "world", 3))
    task3 = asyncio.create_task(saying(2, "python", 2))
    await task1
    await task2
    await task3


asyncio.run(main())
