# An exception nobody catches: earlier output stays, the traceback goes to stderr
# and the exit status is 1.
import asyncio


async def divide(a, b):
    await asyncio.sleep(1)
    return a / b


async def main():
    print("10 / 2 =", await divide(10, 2))
    print("now dividing by zero")
    print(await divide(1, 0))


asyncio.run(main())
