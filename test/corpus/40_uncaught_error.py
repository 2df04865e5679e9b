import asyncio


async def main():
    await asyncio.sleep(1)
    print("about to fail")
    raise RuntimeError("this program ends with an error")


asyncio.run(main())
