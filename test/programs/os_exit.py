# os._exit(2) ends the program at once with status 2; output flushed before it stays.
import asyncio
import os


async def main():
    await asyncio.sleep(1)
    print("about to os._exit(2)", flush=True)
    os._exit(2)


asyncio.run(main())
print("never printed")
