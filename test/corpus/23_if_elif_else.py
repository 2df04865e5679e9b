import asyncio


async def classify(n):
    await asyncio.sleep(n / 4)
    if n < 2:
        print(f"{n} is small")
    elif n < 4:
        print(f"{n} is medium")
    else:
        print(f"{n} is large")


async def main():
    await asyncio.gather(classify(1), classify(3), classify(5))


asyncio.run(main())
