import asyncio


async def main():
    a = 6
    b = 4
    print(a + b * 2)
    print((a + b) * 2)
    print(a - b - 1)
    print(a - (b - 1))
    print(a / b)
    print(a ** 2)
    print(a > b and not b == 4)
    print(a < b or b != 3)
    print(None)
    print(True)
    await asyncio.sleep(0)


asyncio.run(main())
