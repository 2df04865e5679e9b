import asyncio


async def square(n):
    await asyncio.sleep(n / 10)
    return n * n


async def main():
    print(await asyncio.gather(square(1), square(2), square(3), square(4)))


asyncio.run(main())
