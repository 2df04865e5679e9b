import asyncio
import time


async def main():
    start = time.monotonic()
    print(len(time.strftime("%H:%M:%S")))
    await asyncio.sleep(3)
    print(round(time.monotonic() - start))


asyncio.run(main())
