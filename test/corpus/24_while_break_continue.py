import asyncio


async def main():
    n = 0
    while True:
        n = n + 1
        await asyncio.sleep(0.25)
        if n == 2:
            continue
        if n > 4:
            break
        print(n)
    print("loop over")


asyncio.run(main())
