import asyncio


async def main():
    print("start")
    await asyncio.sleep(0.5)
    print("after half a second")
    await asyncio.sleep(2)
    print("done")


asyncio.run(main())
