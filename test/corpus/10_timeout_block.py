import asyncio


async def main():
    try:
        async with asyncio.timeout(1.5):
            await asyncio.sleep(1)
            print("first sleep fits")
            await asyncio.sleep(1)
            print("never printed")
    except TimeoutError as e:
        print("the block timed out")


asyncio.run(main())
