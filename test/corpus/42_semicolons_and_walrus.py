import asyncio


async def main():
    a = 1; b = 2
    print(a + b)
    if (n := a + b) > 2:
        print(f"n is {n}")
    values = (1, 2, 3)
    x, y, z = values
    print(x, y, z)
    await asyncio.sleep(0)


asyncio.run(main())
