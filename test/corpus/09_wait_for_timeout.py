import asyncio


async def slow():
    await asyncio.sleep(5)
    return "slow result"


async def main():
    try:
        result = await asyncio.wait_for(slow(), timeout=2)
        print(result)
    except TimeoutError as e:
        print("timed out")
    print(await asyncio.wait_for(slow(), timeout=10))


asyncio.run(main())
