import asyncio


async def add(a, b):
    await asyncio.sleep(0.1)
    return a + b


async def nothing():
    await asyncio.sleep(0.1)
    return


async def main():
    total = await add(1, 2)
    print(total)
    print(await nothing())


asyncio.run(main())
