import asyncio


async def main():
    for word in ["alpha", "beta", "gamma"]:
        await asyncio.sleep(1)
        print(word)
    for i in range(3):
        print(i * 2)


asyncio.run(main())
