import asyncio


async def main():
    loop = asyncio.get_running_loop()
    key = lambda pair: pair[1]
    print(sorted([("a", 3), ("b", 1), ("c", 2)], key=key))
    loop.call_soon(lambda: print("lambda callback"))
    await asyncio.sleep(0)


asyncio.run(main())
