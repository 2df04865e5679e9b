import asyncio


async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.5)
        yield n
        n -= 1


async def main():
    async for value in countdown(3):
        print(value)
    print([v async for v in countdown(2)])


asyncio.run(main())
