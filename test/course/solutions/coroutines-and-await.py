import asyncio


async def main():
    print("hello")
    await asyncio.sleep(3)
    print("world")


asyncio.run(main())
