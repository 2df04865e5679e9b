import asyncio
import time


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.5)


async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(1)
    print("blocked for a second")
    await task


asyncio.run(main())
