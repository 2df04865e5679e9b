import asyncio


async def risky(n):
    await asyncio.sleep(0.1)
    if n == 2:
        raise ValueError(f"bad value {n}")
    return n


async def main():
    for n in [1, 2, 3]:
        try:
            print(await risky(n))
        except ValueError as e:
            print(f"error: {e}")
        finally:
            print("checked", n)


asyncio.run(main())
