import asyncio


async def ok(x):
    await asyncio.sleep(x)
    return x


async def fail():
    await asyncio.sleep(0.5)
    raise ValueError("boom")


async def main():
    results = await asyncio.gather(ok(1), fail(), ok(2), return_exceptions=True)
    print(results)


asyncio.run(main())
