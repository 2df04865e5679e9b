import asyncio


async def main():
    value = await asyncio.sleep(1, "slept")
    print(value)


asyncio.run(main())
