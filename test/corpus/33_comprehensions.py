import asyncio


async def value(n):
    await asyncio.sleep(n / 10)
    return n


async def main():
    tasks = [asyncio.create_task(value(n)) for n in range(5)]
    results = [await t for t in tasks]
    print(results)
    squares = {n: n * n for n in results if n % 2 == 0}
    print(squares)
    print(sum(x for x in results))


asyncio.run(main())
