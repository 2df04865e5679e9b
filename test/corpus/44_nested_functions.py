import asyncio


async def main():
    async def inner(x):
        await asyncio.sleep(x)
        return x + 1

    def helper():
        return "helper"

    print(await inner(1), helper())


asyncio.run(main())
