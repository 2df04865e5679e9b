import asyncio


async def main():
    n = 3
    while n:
        n = n - 1
        print(n)
    if "text":
        print("a" + "b")
    for ch in "abc":
        print(ch)
    if not 0:
        print(True and "yes")
    await asyncio.sleep("0" == "0")


asyncio.run(main())
