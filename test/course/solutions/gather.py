import asyncio


async def saying(interval, what, how_many):
    while how_many > 0:
        await asyncio.sleep(interval)
        print(what)
        how_many -= 1
    return what


async def main():
    results = await asyncio.gather(saying(1, "hello", 5), saying(2, "world", 3), saying(3, "python", 2), saying(1, "again", 1))
    print(results)


asyncio.run(main())
